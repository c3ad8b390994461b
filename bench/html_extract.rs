//! `cargo run --release --example html_extract -- PAGE.html ...`: each page's article as one
//! JSON line (path, text, title, date, author, captions, metadata), then the time taken on
//! stderr. For looking at what src/html.rs finds, and timing it without Python.

use std::time::Instant;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let pages: Vec<(String, String)> = paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
            // As the loader decodes: UTF-8, else Windows-1252 (here byte by byte as Latin-1).
            let text = String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| b as char).collect());
            (p, text)
        })
        .collect();
    let start = Instant::now();
    let found: Vec<_> = pages.iter().map(|(_, html)| congress_corpus::html::extract(html)).collect();
    let secs = start.elapsed().as_secs_f64();
    for ((path, _), page) in pages.iter().zip(found) {
        let metadata: serde_json::Map<String, serde_json::Value> =
            page.metadata.into_iter().map(|(k, v)| (k, v.into())).collect();
        let line = serde_json::json!({
            "path": path, "text": page.text, "title": page.title, "date": page.date,
            "author": page.author, "captions": page.captions, "metadata": metadata,
        });
        println!("{line}");
    }
    eprintln!("{} pages in {secs:.3} s: {:.1} pages/s", pages.len(), pages.len() as f64 / secs);
}
