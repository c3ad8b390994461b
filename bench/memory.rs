//! Where the memory of a load goes: the Arrow tables it returns against everything else the
//! process still holds (the extractor's compiled automata and their per-thread caches, the file
//! list). Both are measured as live heap, which the allocator counts only in a build with the
//! `count-heap` feature (below); RSS also counts memory freed but kept by the allocator, which the
//! peak RSS line shows.
//! For a breakdown by allocation site, run it under `heaptrack`.
//!
//!     cargo run --release --features count-heap --example memory -- /tmp/congress-corpus-bench-10000-1 [THREADS]

use congress_corpus::{discover, entities::Accumulator, extract::Extractor, loader, parallel, pipeline};

fn mib(bytes: usize) -> f64 {
    bytes as f64 / 1048576.0
}

fn live_heap() -> Option<usize> {
    congress_corpus::allocator::live_bytes()
}

fn status_mib(key: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s.lines().find(|l| l.starts_with(key))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
    let root = std::env::args().nth(1).expect("usage: memory FOLDER [THREADS]");
    let threads: usize = std::env::args().nth(2).map_or(2, |t| t.parse().expect("THREADS is a number"));
    let start = live_heap();
    let (inputs, _) = discover::discover(&[root], None, &|| false).expect("folder exists");
    let bytes: u64 = inputs.iter().filter_map(|i| std::fs::metadata(&i.path).ok()).map(|m| m.len()).sum();
    let opts = loader::LoadOptions::default();
    let ex = Extractor::default();
    // Slices of 2,048 files, as `cc.load` runs them.
    let tables = parallel::install(threads, || {
        let mut acc = Accumulator::default();
        let mut ids = congress_corpus::ids::Ids::default();
        let parts: Vec<_> = inputs
            .chunks(2048)
            .map(|slice| pipeline::load_tables(slice, &opts, Some(&ex), &mut acc, &mut ids, &Default::default()).expect("tables build"))
            .collect();
        pipeline::finish(parts, acc, true).expect("tables build")
    })
    .expect("thread pool starts");
    let with_tables = live_heap();
    let corpus = mib(bytes as usize);
    println!("corpus: {} files, {corpus:.1} MiB; {threads} thread(s)", inputs.len());
    let mut total = 0;
    for (name, batches) in &tables {
        let size: usize = batches.iter().map(|b| b.get_array_memory_size()).sum();
        total += size;
        println!("  {name:<10} {:8.1} MiB", mib(size));
    }
    println!("tables: {:.1} MiB = {:.2}x the corpus", mib(total), mib(total) / corpus);
    drop(tables);
    match (start, with_tables, live_heap()) {
        (Some(s), Some(w), Some(after)) => {
            println!("live heap with the tables: {:.1} MiB; without them: {:.1} MiB (extractor, caches, file list)", mib(w - s), mib(after.saturating_sub(s)))
        }
        _ => println!("live heap: not counted in this build (add `--features count-heap`)"),
    }
    if let (Some(hwm), Some(rss)) = (status_mib("VmHWM"), status_mib("VmRSS")) {
        println!("process: peak RSS {hwm:.1} MiB = {:.2}x the corpus; RSS now {rss:.1} MiB", hwm / corpus);
    }
}
