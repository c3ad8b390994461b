//! What the quotes table and duplicate detection cost: extraction against quotes, on the same
//! cleaned texts, one thread, each document's two steps timed in turn (the better of three runs
//! each), so the ratio does not depend on this machine's drift between runs; then
//! `duplicates(0.8)` over all the texts, one thread, the better of three runs.
//!
//!     cargo run --release --example quotes_cost -- /tmp/congress-corpus-bench-10000-1
//!
//! `quotes_cost FOLDER dump` prints every quote as a line instead, to diff two builds' output.
//! `quotes_cost FOLDER alone` extracts every text first, then times the quotes pass alone over
//! them, the better of five (steadier than timing it beside extraction, for profiling it).
//! `quotes_cost FOLDER pipeline` times what `cc.load` does instead (read, clean, extract and
//! build the Arrow tables, one thread), without quotes and with them, in turn, the better of
//! five each: in the pipeline the quotes pass costs more than alone (the quotes table, freeing
//! the quotes, and texts that may have left the cache while the extractor ran).

use std::time::Instant;

use congress_corpus::{discover, duplicates, entities::Accumulator, extract::Extractor, ids::Ids, loader, parallel, pipeline, quotes};

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
    let root = std::env::args().nth(1).expect("usage: quotes_cost FOLDER");
    let mode = std::env::args().nth(2);
    let (inputs, _) = discover::discover(&[root], None, &|| false).expect("folder exists");
    if mode.as_deref() == Some("pipeline") {
        return in_pipeline(&inputs);
    }
    let docs = pipeline::load_and_extract(&inputs, &loader::LoadOptions::default(), None).documents;
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let ex = Extractor::default();
    if mode.as_deref() == Some("alone") {
        let results: Vec<_> = docs.iter().map(|d| ex.extract(&d.text, d.date)).collect();
        let (mut best, mut n) = (f64::MAX, 0);
        parallel::install(1, || {
            for _ in 0..5 {
                let t = Instant::now();
                n = docs.iter().zip(&results).map(|(d, r)| quotes::of_document(&d.text, r).len()).sum();
                best = best.min(t.elapsed().as_secs_f64());
            }
        })
        .expect("no panic");
        println!("quotes alone, {} documents extracted first, one thread: {best:.3} s, {:.1} MB/s, {n} quotes", docs.len(), mb / best);
        return;
    }
    if mode.as_deref() == Some("dump") {
        for d in &docs {
            for q in quotes::of_document(&d.text, &ex.extract(&d.text, d.date)) {
                println!("{}\t{}\t{}\t{}\t{:?}\t{:?}\t{}", d.doc_id, q.start, q.end, q.kind.as_str(), q.speaker, q.speaker_span, q.cue(&d.text));
            }
        }
        return;
    }
    // Each document is extracted and then its quotes found, each step timed on its own: the
    // two costs are measured interleaved, so a machine slowed for a while slows both alike.
    let (mut t_extract, mut t_quotes) = (f64::MAX, f64::MAX);
    let (mut n_mentions, mut n_quotes) = (0, 0);
    parallel::install(1, || {
        for _ in 0..std::env::var("QUOTES_COST_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(3) {
            let (mut e, mut q) = (0.0, 0.0);
            (n_mentions, n_quotes) = (0, 0);
            for d in &docs {
                let t = Instant::now();
                let r = ex.extract(&d.text, d.date);
                let t1 = Instant::now();
                n_quotes += quotes::of_document(&d.text, &r).len();
                q += t1.elapsed().as_secs_f64();
                e += (t1 - t).as_secs_f64();
                n_mentions += r.mentions.len();
            }
            // The better run of each, as every timing here.
            (t_extract, t_quotes) = (t_extract.min(e), t_quotes.min(q));
        }
    })
    .expect("no panic");
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let (mut t_dups, mut n_dups) = (f64::MAX, 0);
    parallel::install(1, || {
        for _ in 0..3 {
            let t = Instant::now();
            n_dups = duplicates::duplicates(&texts, 0.8).expect("valid threshold").len();
            t_dups = t_dups.min(t.elapsed().as_secs_f64());
        }
    })
    .expect("no panic");
    let with_quotes = t_extract + t_quotes;
    println!("{} documents, {mb:.1} MB of body text, one thread", docs.len());
    println!("extract                {t_extract:.3} s  {:.1} MB/s  {n_mentions} mentions", mb / t_extract);
    println!("quotes                 {t_quotes:.3} s  {:.1} MB/s  {n_quotes} quotes", mb / t_quotes);
    println!("extract + quotes       {with_quotes:.3} s  {:.1} MB/s", mb / with_quotes);
    println!("throughput kept with quotes: {:.1}%", 100.0 * t_extract / with_quotes);
    println!("duplicates(0.8)        {t_dups:.3} s  {:.1} MB/s  {n_dups} rows", mb / t_dups);
    println!("throughput kept with quotes + duplicates: {:.1}%", 100.0 * t_extract / (with_quotes + t_dups));
}

fn in_pipeline(inputs: &[discover::Input]) {
    let ex = Extractor::default();
    let mut best = [f64::MAX; 2];
    for _ in 0..5 {
        for (k, quotes) in [false, true].into_iter().enumerate() {
            let opts = loader::LoadOptions { quotes, ..Default::default() };
            let t = Instant::now();
            parallel::install(1, || {
                let (mut acc, mut ids) = (Accumulator::default(), Ids::default());
                let tables = pipeline::load_tables(inputs, &opts, Some(&ex), &mut acc, &mut ids, &parallel::Cancel::default()).expect("tables build");
                pipeline::finish(vec![tables], acc, true).expect("tables build").len()
            })
            .expect("no panic");
            best[k] = best[k].min(t.elapsed().as_secs_f64());
        }
    }
    println!("{} inputs, the load pipeline, one thread", inputs.len());
    println!("load + extract, no quotes    {:.3} s", best[0]);
    println!("load + extract + quotes      {:.3} s  (+{:.3} s, {:.1}% kept)", best[1], best[1] - best[0], 100.0 * best[0] / best[1]);
}
