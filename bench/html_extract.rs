//! `cargo run --release --example html_extract -- PAGE.html ...`: each page's article as one
//! JSON line (path, text, title, date, author, captions, metadata), then the time taken on
//! stderr (wall and CPU: on a shared machine only the CPU time compares between runs). For
//! looking at what src/html/ finds, and timing it without Python.

use std::time::Instant;

/// CPU seconds this process has used (every thread).
#[allow(unsafe_code)] // a libc call with no safe wrapper in std, as bench/fuzz.rs
fn cpu_seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec for the call to write into.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
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
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let found: Vec<_> = pages.iter().map(|(_, html)| congress_corpus::html::extract(html)).collect();
    let (secs, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    for ((path, _), page) in pages.iter().zip(found) {
        let metadata: serde_json::Map<String, serde_json::Value> = page.metadata.into_iter().map(|(k, v)| (k, v.into())).collect();
        let line = serde_json::json!({
            "path": path, "text": page.text, "title": page.title, "date": page.date,
            "author": page.author, "captions": page.captions, "metadata": metadata,
        });
        println!("{line}");
    }
    let n = pages.len() as f64;
    eprintln!("{n} pages in {secs:.3} s wall, {cpu:.3} s CPU: {:.1} pages/s, {:.1} pages per CPU second", n / secs, n / cpu);
}
