//! Per-stage cost of extraction on one thread, texts already loaded: where the time goes before
//! reaching for a profiler.
//!
//!     cargo run --release --example stages -- /tmp/congress-corpus-bench-10000-1

use std::time::Instant;

use congress_corpus::{discover, extract::Extractor, fold, lexicon::Lexicon, loader, names, numeric, pipeline, sentences, tokens};

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
    let root = std::env::args().nth(1).expect("usage: stages FOLDER");
    let (inputs, _) = discover::discover(&[root], None, &|| false).expect("folder exists");
    let b = pipeline::load_and_extract(&inputs, &loader::LoadOptions::default(), None);
    let texts: Vec<&str> = b.documents.iter().map(|d| d.text.as_str()).collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let lex = Lexicon::shipped();
    // `stages FOLDER extract` times only that stage (to profile it alone).
    let only = std::env::args().nth(2);
    let time = |what: &str, f: &dyn Fn(&str) -> usize| {
        if only.as_deref().is_some_and(|o| o != what) {
            return;
        }
        let (t, c) = (Instant::now(), cpu_seconds());
        let n: usize = texts.iter().map(|x| f(x)).sum();
        let (s, c) = (t.elapsed().as_secs_f64(), cpu_seconds() - c);
        println!("{what:<12} {s:7.3} s {:8.1} MB/s  cpu {c:6.2} s  ({n})", mb / s);
    };
    time("fold", &|x| fold::fold(x).text.len());
    time("tokenize", &|x| tokens::tokenize(x, &fold::fold(x)).len());
    time("sentences", &|x| sentences::split(x).len());
    time("hits", &|x| lex.hits(&fold::fold(x), x).len());
    time("names", &|x| {
        let f = fold::fold(x);
        let t = tokens::tokenize(x, &f);
        names::find_names(x, &f, &t, &lex, &lex.hits(&f, x)).len()
    });
    time("numeric", &|x| numeric::find_numeric(x, None).len());
    let ex = Extractor::default();
    time("extract", &|x| ex.extract(x, None).mentions.len());
}

/// This thread's CPU time (user + system), from /proc: on a machine shared with builds, wall
/// time says more about the neighbours than about the code. 0 where /proc is missing.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of stat(5); `rest` starts at field 3. Clock ticks are
    // 100 a second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}
