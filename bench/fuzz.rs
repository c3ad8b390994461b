//! A fuzz target for the cleaner and the extractor, for a bounded time (no nightly toolchain
//! needed): random documents built from fragments real articles contain (datelines, credits,
//! captions, names with and without diacritics, numbers, dates, quotes) mixed with random
//! Unicode and lossily decoded random bytes. Every input must clean and extract without a
//! panic, and every mention must be a valid, sorted, non-overlapping span whose code-point and
//! byte offsets agree.
//!
//! Hostile inputs too: long runs of adjacent names joined by spaces, commas, U+2028 or U+00A0
//! (`Hanoi Hanoi ...`, `To Lam, To Lam, ...`), which once cost quadratic time; an input that takes
//! longer than `SLOW` is a finding as much as a panic.
//!
//!     cargo run --release --example fuzz -- 300          # seconds (default 60)

use std::time::{Duration, Instant};

use congress_corpus::clean::{clean, CleanOptions};
use congress_corpus::extract::Extractor;

const FRAGMENTS: &[&str] = &[
    " date 2026-01-08 ",
    "HÀ NỘI — ",
    "Hanoi (VNA) - ",
    "HANOI, Jan 20 (Reuters) – ",
    "MOSCOW, January 23. /TASS/. ",
    "Tô Lâm",
    "To Lam",
    "Lê Hoài Trung",
    "Nguyễn Thị Thu Hà",
    "Xi Jinping",
    "the Communist Party of Việt Nam (CPV) Central Committee",
    "Politburo member and Minister of Foreign Affairs ",
    ", Secretary of the Party Central Committee and Chairman of its Commission for Information, Education and Mass Mobilisation, ",
    "14th National Party Congress",
    "Resolution No. 57-NQ/TW",
    "Directive No. 01-CT/TW dated January 23, 2026",
    "UN Charter",
    "31,097",
    "1.9 million",
    "90%",
    "US$1.7 billion",
    "VND 100 trillion",
    "30,000 km",
    "2021–26",
    "226–2031",
    "(1930–2030)",
    "on Wednesday",
    "January 19 to January 23",
    "the next 100 years",
    "first",
    "twenty-five",
    "15-year",
    ". VNS",
    " — VNA/VNS",
    "./.",
    "/.",
    "\nVNA",
    " (Source: VNA)",
    "(Photo: VNA)",
    "Photo: VNA",
    "\nRelated News\n",
    "See Also",
    "lives.Responding",
    "“quoted”",
    "’s",
    "'s",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    ". ",
    ", ",
    "; ",
    "(",
    ")",
    "—",
    "–",
    "-",
    "\u{301}",
    "\u{200d}",
    "🇻🇳",
    "İ",
    "ǅ",
    "ß",
    "ﬁ",
    "שלום",
    "مرحبا",
    "\u{202e}",
    "\u{feff}",
    "\u{a0}",
    "\u{3000}",
    "Đ",
    "đ",
];

/// Units of the hostile runs, and what joins them.
const RUN_UNITS: &[&str] = &[
    "Hanoi",
    "Tô Lâm",
    "To Lam",
    "Resolution No.",
    "Party",
    "CPV",
    "Trung",
    "Lê Hoài Trung",
    "Minister",
    "the Congress",
    "Communist Party of Vietnam (CPV)",
    "14th National Party Congress",
    "Ho Chi Minh City",
    "Politburo member",
    "Xi",
];
const RUN_JOINERS: &[&str] = &[" ", ", ", "\u{2028}", "\u{a0}", " and ", "\n", "; ", " of "];

/// Longest CPU time one input may take: inputs are under ~200 KB, which linear time extracts in
/// well under a tenth of this even on the densest runs of names.
const SLOW: Duration = Duration::from_secs(2);

/// CPU time of this thread: a shared machine's load must not make an input look slow.
#[allow(unsafe_code)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// xorshift64*: deterministic from the seed, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn input(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        match rng.below(10) {
            0 => {
                let bytes: Vec<u8> = (0..rng.below(24)).map(|_| rng.next() as u8).collect();
                s.push_str(&String::from_utf8_lossy(&bytes));
            }
            1 => s.extend((0..rng.below(8)).filter_map(|_| char::from_u32(rng.below(0x11_0000) as u32))),
            2 => s.push_str(&"Ab".repeat(rng.below(200))),
            3 => {
                let (a, b) = (RUN_UNITS[rng.below(RUN_UNITS.len())], RUN_UNITS[rng.below(RUN_UNITS.len())]);
                let join = RUN_JOINERS[rng.below(RUN_JOINERS.len())];
                for k in 0..rng.below(4000) {
                    s.push_str(if k % 2 == 0 { a } else { b });
                    s.push_str(join);
                }
            }
            _ => s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]),
        }
    }
    s
}

fn check(ex: &Extractor, raw: &str) {
    let c = clean(raw, CleanOptions::default());
    let text = &c.text;
    let r = ex.extract(text, c.date);
    let mut last_end = 0;
    for m in &r.mentions {
        assert!(m.bstart < m.bend && m.bend <= text.len(), "span out of range");
        assert!(text.is_char_boundary(m.bstart) && text.is_char_boundary(m.bend), "not on a char boundary");
        assert!(m.bstart >= last_end, "overlapping or unsorted mentions");
        last_end = m.bend;
        assert_eq!(text[..m.bstart].chars().count(), m.start, "code-point start");
        assert_eq!(m.end - m.start, text[m.bstart..m.bend].chars().count(), "code-point length");
    }
    for role in &r.roles {
        assert!(role.start <= role.end);
    }
}

fn main() {
    // The allocator as the Python module sets it up (mimalloc's defaults add page clearing).
    congress_corpus::allocator::configure();
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15);
    let ex = Extractor::default();
    let mut rng = Rng(seed | 1);
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < Duration::from_secs(seconds) {
        let raw = input(&mut rng);
        let began = thread_cpu();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&ex, &raw)));
        let took = thread_cpu().saturating_sub(began);
        if result.is_err() || took > SLOW {
            let what = if result.is_err() { "panic" } else { "slow input" };
            // The input goes to a file (a hostile one can be megabytes); a prefix is printed.
            let saved = std::env::temp_dir().join("congress-corpus-fuzz-finding.txt");
            let _ = std::fs::write(&saved, &raw);
            let head: String = raw.chars().take(300).collect();
            eprintln!("FINDING ({what}, {took:?}) after {n} inputs; input ({} bytes) in {}: {head:?}...", raw.len(), saved.display());
            std::process::exit(1);
        }
        n += 1;
    }
    println!("fuzz: {n} inputs in {seconds} s (seed {seed:#x}), no finding");
}
