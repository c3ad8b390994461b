//! Core-only timing (no Python): load + extract a folder with 1 and 2 threads, and per-stage
//! costs, for profiling with `perf` or `valgrind --tool=callgrind`.
//!
//!     cargo run --release --example core_profile -- /tmp/congress-corpus-bench-10000-1

use std::hash::{Hash, Hasher};
use std::time::Instant;

use congress_corpus::{discover, extract::Extractor, loader, parallel, pipeline};

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
    let root = std::env::args().nth(1).expect("usage: core_profile FOLDER [load|extract|entities|pipeline|dump]");
    let mode = std::env::args().nth(2);
    let load_only = mode.as_deref() == Some("load");
    let (inputs, _) = discover::discover(&[root], None, &|| false).expect("folder exists");
    // `NO_QUOTES=1` times the load as `cc.load(..., quotes=False)` does, to compare with builds
    // from before the quotes table.
    let opts = loader::LoadOptions { quotes: std::env::var_os("NO_QUOTES").is_none(), ..Default::default() };
    let ex = Extractor::default();
    let bytes: u64 = inputs.iter().filter_map(|i| std::fs::metadata(&i.path).ok()).map(|m| m.len()).sum();
    let mb = bytes as f64 / 1e6;
    if mode.as_deref() == Some("dump") {
        // Every mention as a line, to diff the output of two builds.
        let b = pipeline::load_and_extract(&inputs, &opts, Some(&ex));
        for (d, r) in b.documents.iter().zip(&b.results) {
            for m in &r.mentions {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{:?}",
                    d.doc_id,
                    m.start,
                    m.label.as_str(),
                    m.text(&d.text),
                    m.key,
                    m.known_name.as_deref().unwrap_or(""),
                    m.value
                );
            }
        }
        return;
    }
    if mode.as_deref() == Some("pipeline") {
        // What `cc.load` runs, without Python: slices of 2,048 files loaded, extracted and turned
        // into Arrow, then display names and the entities table.
        for threads in [1, 2] {
            let t = Instant::now();
            let mut le = 0.0;
            let tables = parallel::install(threads, || {
                let mut acc = congress_corpus::entities::Accumulator::default();
                let mut ids = congress_corpus::ids::Ids::default();
                let mut parts = Vec::new();
                for slice in inputs.chunks(2048) {
                    let t0 = Instant::now();
                    parts.push(pipeline::load_tables(slice, &opts, Some(&ex), &mut acc, &mut ids, &Default::default()).unwrap());
                    le += t0.elapsed().as_secs_f64();
                }
                pipeline::finish(parts, acc, true).unwrap()
            })
            .unwrap();
            let all = t.elapsed().as_secs_f64();
            let rows: usize = tables.iter().filter(|(n, _)| *n == "mentions").flat_map(|(_, b)| b).map(|b| b.num_rows()).sum();
            println!("{threads} thread(s): {all:.3} s ({:.1} MB/s): load+extract+tables {le:.3}, finish {:.3}; {rows} mentions", mb / all, all - le);
        }
        return;
    }
    if mode.as_deref() == Some("entities") {
        // A digest of the entities table, counted in slices of 2,048 documents and merged as a
        // load does, so that a change to the reduction can be checked to change nothing.
        let b = pipeline::load_and_extract(&inputs, &opts, Some(&ex));
        let mut acc = congress_corpus::entities::Accumulator::default();
        let docs: Vec<_> = b.documents.iter().zip(&b.results).collect();
        for slice in docs.chunks(2048) {
            let mut part = congress_corpus::entities::Accumulator::default();
            for (d, r) in slice {
                part.add(d.date, &d.text, &r.mentions);
            }
            acc.merge(part);
        }
        let rows = acc.finish();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for r in &rows {
            (&r.entity_id, r.label, &r.canonical, &r.aliases, r.n_mentions, r.n_docs, r.first_date, r.last_date).hash(&mut h);
        }
        println!("entities digest {:016x}: {} entities", h.finish(), rows.len());
        return;
    }
    if mode.as_deref() == Some("extract") {
        // Extraction alone, one thread, texts already cleaned in memory: the loop to profile.
        let b = pipeline::load_and_extract(&inputs, &opts, None);
        let t = Instant::now();
        let kept: Vec<_> = b.documents.iter().map(|d| ex.extract(&d.text, d.date)).collect();
        let s = t.elapsed().as_secs_f64();
        let n: usize = kept.iter().map(|r| r.mentions.len()).sum();
        // A digest of every result, so that an optimisation can be checked to change nothing.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (d, r) in b.documents.iter().zip(&kept) {
            (&d.doc_id, d.n_words, d.n_chars, &d.sha256, &d.title, &d.dateline, &d.source, d.date).hash(&mut h);
            (&r.mentions, &r.roles, r.n_sentences).hash(&mut h);
        }
        println!("digest {:016x}", h.finish());
        println!("extract, 1 thread: {s:.3} s ({:.1} MB/s), {n} mentions", mb / s);
        return;
    }
    for threads in [1, 2] {
        let t = Instant::now();
        let b = parallel::install(threads, || pipeline::load_and_extract(&inputs, &opts, None)).unwrap();
        let load = t.elapsed().as_secs_f64();
        if load_only {
            println!("{threads} thread(s): load {load:.3} s ({:.0} MB/s), {} docs", mb / load, b.documents.len());
            continue;
        }
        let t = Instant::now();
        let r = parallel::install(threads, || pipeline::load_and_extract(&inputs, &opts, Some(&ex))).unwrap();
        let full = t.elapsed().as_secs_f64();
        let n: usize = r.results.iter().map(|x| x.mentions.len()).sum();
        println!(
            "{threads} thread(s): load {load:.3} s ({:.0} MB/s), load+extract {full:.3} s ({:.1} MB/s), {} docs, {n} mentions",
            mb / load,
            mb / full,
            b.documents.len()
        );
    }
}
