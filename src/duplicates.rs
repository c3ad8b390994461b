//! Near-duplicate documents: the same story syndicated under another headline, dateline and
//! credit. Each body becomes a set of word shingles after folding typography, a one-permutation
//! MinHash signature of that set is cut into LSH bands, documents sharing a band are candidate
//! pairs, and each candidate pair is verified by the exact Jaccard similarity of the two sets.
//! Clusters are the connected components of the verified pairs.
//!
//! Everything is a function of document contents (fixed hash seeds, no counters), and clusters
//! are named by their first document in corpus order, so the result is the same on any number of
//! threads and whatever unrelated documents are loaded beside.

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::error::Error;
use crate::fold;

/// Words per shingle. Five words rarely repeat across different stories on the same event
/// (shared names and titles are two or three words), while a syndicated copy keeps whole sentences.
pub const SHINGLE_WORDS: usize = 5;

/// MinHash bins (the signature's length).
const BINS: usize = 128;

/// Probability that a pair exactly at the threshold becomes a candidate; the banding is chosen
/// for it. Candidates are verified exactly, so a lower bar would only lose true pairs.
const CANDIDATE_RECALL: f64 = 0.999;

/// How far below the threshold a candidate's estimated similarity may be and still be verified:
/// 4 standard errors of a 128-bin estimate at 0.8, so a true pair is lost about once in 10^5.
const MARGIN: f64 = 0.15;

/// One row of the duplicates table: a document in a cluster of two or more.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// Index of the document in the input.
    pub doc: usize,
    /// Index of the cluster's first document.
    pub cluster: usize,
    /// Jaccard similarity of the document's shingles to the first document's (1.0 for itself).
    pub similarity: f64,
}

#[inline]
fn mix(mut z: u64) -> u64 {
    // splitmix64's finaliser: every input bit reaches every output bit.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a, then mixed: fixed, so hashes (and clusters) never change between runs or machines.
fn word_hash(w: &str) -> u64 {
    mix(w.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)))
}

/// Spellings that fold to different word sequences but are the same word (`viet nam`, `vietnam`):
/// by first word hash, the rest of the words and the hash of the joined spelling. Taken from the
/// places gazetteer, where an entry lists both (`Việt Nam`, `Vietnam`; `Hà Nội`, `Hanoi`).
struct Joins {
    by_first: HashMap<u64, Vec<(Vec<u64>, u64)>>,
    /// A bit per value of a first word hash's top 16 bits: almost every word of a text starts
    /// no joined spelling, and one bit tells so without a hash table lookup.
    firsts: Box<[u64; 1024]>,
}

impl Joins {
    fn get(&self, h: u64) -> Option<&[(Vec<u64>, u64)]> {
        let top = (h >> 48) as usize;
        if self.firsts[top / 64] & (1 << (top % 64)) == 0 {
            return None;
        }
        self.by_first.get(&h).map(Vec::as_slice)
    }
}

static JOINS: LazyLock<Joins> = LazyLock::new(|| {
    let specs = crate::lexicon::parse_tsv("places.tsv", include_str!("data/places.tsv")).expect("the shipped places.tsv parses");
    let mut by_first: HashMap<u64, Vec<(Vec<u64>, u64)>> = HashMap::default();
    for spec in specs {
        let keys: Vec<String> = std::iter::once(&spec.canonical).chain(&spec.aliases).map(|n| words(n).join(" ")).collect();
        for k in &keys {
            let joined = k.replace(' ', "");
            if k.contains(' ') && keys.contains(&joined) {
                let hashes: Vec<u64> = k.split(' ').map(word_hash).collect();
                let entry = by_first.entry(hashes[0]).or_default();
                let rest = hashes[1..].to_vec();
                if !entry.iter().any(|(r, _)| *r == rest) {
                    entry.push((rest, word_hash(&joined)));
                }
            }
        }
    }
    let mut firsts = Box::new([0u64; 1024]);
    for &h in by_first.keys() {
        let top = (h >> 48) as usize;
        firsts[top / 64] |= 1 << (top % 64);
    }
    Joins { by_first, firsts }
});

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// ASCII as `each_word` reads it: a letter or digit in lower case, 0 for a separator.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        if (c as u8).is_ascii_alphanumeric() {
            t[c] = (c as u8).to_ascii_lowercase();
        }
        c += 1;
    }
    t
};

/// Calls `f` with the hash (`word_hash`) of each folded word of `text`: letters and digits,
/// everything else a separator, so quotes, dashes, case and diacritics never make two copies
/// differ. Words are hashed byte by byte as they are read, never built as strings.
fn each_word(text: &str, mut f: impl FnMut(u64)) {
    let b = text.as_bytes();
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let mut buf = String::new();
    let mut i = 0;
    while i < b.len() {
        // News prose is mostly ASCII: a table lookup per byte, no decoding, no folding buffer.
        if b[i] < 0x80 {
            let l = ASCII_WORD[b[i] as usize];
            if l != 0 {
                h = (h ^ u64::from(l)).wrapping_mul(FNV_PRIME);
                in_word = true;
            } else if in_word {
                f(mix(h));
                h = FNV_OFFSET;
                in_word = false;
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        i += c.len_utf8();
        buf.clear();
        fold::fold_char(c, &mut buf);
        for g in buf.chars() {
            if g.is_alphanumeric() {
                let mut bytes = [0u8; 4];
                for &b in g.encode_utf8(&mut bytes).as_bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
                }
                in_word = true;
            } else if in_word {
                f(mix(h));
                h = FNV_OFFSET;
                in_word = false;
            }
        }
    }
    if in_word {
        f(mix(h));
    }
}

/// The folded words of a gazetteer name, as `each_word` reads them.
fn words(name: &str) -> Vec<String> {
    fold::key(name).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// Word hashes of `text` into `out` (cleared first), with joined spellings made one word.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    each_word(text, |w| out.push(w));
    // Joined in place: a joined spelling is never longer than the words it replaces.
    let joins = &*JOINS;
    let (mut i, mut k) = (0, 0);
    while i < out.len() {
        let joined = joins.get(out[i]).and_then(|alts| alts.iter().find(|(rest, _)| out[i + 1..].starts_with(rest)));
        match joined {
            Some((rest, j)) => {
                out[k] = *j;
                i += 1 + rest.len();
            }
            None => {
                out[k] = out[i];
                i += 1;
            }
        }
        k += 1;
    }
    out.truncate(k);
}

/// Multiplier of the shingle hash. Odd, so multiplying by it loses no bit; `3 mod 4`, so
/// `ROLL^m - 1` has few factors of two and two windows holding the same words in another order
/// collide only if those words' hashes agree on their 59 low bits or more.
const ROLL: u64 = 0x9e37_79b9_7f4a_7c17;

/// Calls `f` with the hash of each shingle of `text` (`SHINGLE_WORDS` consecutive folded
/// words), repeats included; `words` is scratch space. A text shorter than a shingle is one
/// shingle; an empty text has none.
///
/// The hash is the polynomial `w0·ROLL^(k-1) + … + w(k-1)` mod 2^64 of the window's word
/// hashes, rolled forward in two multiplications a word where a fold of `mix` took k of them.
/// The word hashes are already mixed, so distinct windows collide with probability about 2^-64
/// (a difference of mixed values times a power of an odd number is never zero), and the sets
/// only need equal shingles to hash equal; `signature` mixes the hash before taking bits of it.
fn each_shingle(text: &str, words: &mut Vec<u64>, mut f: impl FnMut(u64)) {
    word_hashes(text, words);
    let k = SHINGLE_WORDS.min(words.len());
    if k == 0 {
        return;
    }
    let top = ROLL.wrapping_pow(k as u32 - 1);
    let mut h = words[..k].iter().fold(0u64, |h, &w| h.wrapping_mul(ROLL).wrapping_add(w));
    f(h);
    for (&old, &new) in words.iter().zip(&words[k..]) {
        h = h.wrapping_sub(old.wrapping_mul(top)).wrapping_mul(ROLL).wrapping_add(new);
        f(h);
    }
}

/// The shingles of `text`, sorted and distinct: the set whose Jaccard similarity is compared.
pub fn shingles(text: &str) -> Vec<u64> {
    shingles_with(text, &mut Vec::new())
}

/// `shingles`, with `words` as scratch space.
fn shingles_with(text: &str, words: &mut Vec<u64>) -> Vec<u64> {
    let mut out = Vec::new();
    each_shingle(text, words, |s| out.push(s));
    out.sort_unstable();
    out.dedup();
    out
}

/// One-permutation MinHash with densification (Shrivastava 2017): each shingle is hashed once
/// into one of `BINS` bins, keeping the least per bin, instead of `BINS` hashes per shingle. An
/// empty bin borrows the value of the first full bin on a probe sequence that depends only on
/// the bin, so two documents borrow alike. None for a text without shingles. Repeated shingles
/// do not change a minimum, so the set is never built.
fn signature(text: &str, words: &mut Vec<u64>) -> Option<[u64; BINS]> {
    let mut sig = [u64::MAX; BINS];
    let mut any = false;
    each_shingle(text, words, |s| {
        let h = mix(s ^ 0x5851_f42d_4c95_7f2d);
        let bin = (h >> 57) as usize;
        sig[bin] = sig[bin].min(h);
        any = true;
    });
    if !any {
        return None;
    }
    let full = sig;
    for (i, v) in sig.iter_mut().enumerate() {
        if *v != u64::MAX {
            continue;
        }
        let mut attempt = 1u64;
        loop {
            let j = (mix(((i as u64) << 32) | attempt) % BINS as u64) as usize;
            if full[j] != u64::MAX {
                *v = full[j];
                break;
            }
            attempt += 1;
        }
    }
    Some(sig)
}

/// Bands and rows per band: the most rows (fewest chance candidates) whose banding still makes a
/// pair at `threshold` a candidate with probability `CANDIDATE_RECALL`.
fn banding(threshold: f64) -> (usize, usize) {
    for rows in (1..=BINS).rev() {
        let bands = BINS / rows;
        let p = 1.0 - (1.0 - threshold.powi(rows as i32)).powi(bands as i32);
        if p >= CANDIDATE_RECALL {
            return (bands, rows);
        }
    }
    (BINS, 1)
}

/// Jaccard similarity of two sorted, distinct sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f64 / (a.len() + b.len() - both) as f64
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Documents of `texts` whose shingle sets are at least `threshold` similar (Jaccard), directly
/// or through a chain of such pairs, grouped in clusters; ordered by cluster, then document.
/// Runs on the current rayon pool.
pub fn duplicates(texts: &[&str], threshold: f64) -> Result<Vec<Duplicate>, Error> {
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(Error::InvalidArgument(format!("threshold must be in (0, 1], not {threshold}")));
    }
    let (bands, rows) = banding(threshold);
    // Band keys and the signature cut to 32 bits (enough to tell minima apart) only: the
    // shingle sets are not kept, so memory stays at under 1 KB per document however long the
    // texts.
    let keys: Vec<Option<(Vec<u64>, [u32; BINS])>> = texts
        .par_iter()
        .map_init(Vec::new, |words, t| {
            signature(t, words).map(|sig| {
                let bands = (0..bands).map(|b| sig[b * rows..(b + 1) * rows].iter().fold(mix(b as u64 + 1), |h, &x| mix(h ^ x))).collect();
                (bands, sig.map(|v| v as u32))
            })
        })
        .collect();
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(texts.len() * bands);
    for (d, k) in keys.iter().enumerate() {
        if let Some((k, _)) = k {
            entries.extend(k.iter().map(|&h| (h, d as u32)));
        }
    }
    entries.par_sort_unstable();
    // Most candidates share a band by chance; the signatures' agreement estimates their
    // similarity (standard error 0.035 at 0.8), and only those within MARGIN of the threshold
    // have their sets built and compared exactly.
    let min_agree = ((threshold - MARGIN) * BINS as f64).ceil().max(0.0) as usize;
    // A pair agrees in at least as many bins on the signatures' low bytes as on their 32 bits,
    // so the low bytes (a quarter of the memory, four vector compares a pair) reject most
    // candidates, and only the few left are counted on 32 bits. Every pair that shares a band is
    // checked where it is found, repeats included: cheaper than sorting a million pairs to
    // drop the repeats first (a story's common paragraphs put a thousand documents in one band).
    let sig32 = |d: u32| keys[d as usize].as_ref().map(|k| &k.1);
    let low: Vec<[u8; BINS]> = keys.par_iter().map(|k| k.as_ref().map_or([0; BINS], |(_, s)| s.map(|v| v as u8))).collect();
    let agree8 = |a: u32, b: u32| {
        // A byte-wide count (at most BINS = 128 fits) compiles to byte-lane vector compares.
        let (x, y) = (&low[a as usize], &low[b as usize]);
        (0..BINS).fold(0u8, |n, i| n + u8::from(x[i] == y[i])) as usize
    };
    let agree = |a: u32, b: u32| match (sig32(a), sig32(b)) {
        (Some(sa), Some(sb)) => agree8(a, b) >= min_agree && sa.iter().zip(sb).filter(|(x, y)| x == y).count() >= min_agree,
        _ => false,
    };
    let groups: Vec<&[(u64, u32)]> = entries.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1).collect();
    let mut pairs: Vec<(u32, u32)> = groups
        .par_iter()
        .flat_map(|g| (0..g.len()).into_par_iter().flat_map_iter(move |i| g[i + 1..].iter().map(move |b| (g[i].1, b.1))).filter(|&(a, b)| agree(a, b)))
        .collect();
    drop(groups);
    drop(entries);
    pairs.par_sort_unstable();
    pairs.dedup();
    drop(low);
    drop(keys);

    // Exact verification needs the sets of the candidates only (few documents).
    let mut involved: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    involved.par_sort_unstable();
    involved.dedup();
    let sets: HashMap<u32, Vec<u64>> = involved.par_iter().map_init(Vec::new, |words, &d| (d, shingles_with(texts[d as usize], words))).collect();
    let verified: Vec<(u32, u32)> = pairs.into_par_iter().filter(|(a, b)| jaccard(&sets[a], &sets[b]) >= threshold).collect();

    let mut parent: Vec<usize> = (0..texts.len()).collect();
    for &(a, b) in &verified {
        let (ra, rb) = (find(&mut parent, a as usize), find(&mut parent, b as usize));
        // The smaller index becomes the root: the cluster's first document in corpus order.
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
    let mut in_pair: Vec<u32> = verified.iter().flat_map(|&(a, b)| [a, b]).collect();
    in_pair.sort_unstable();
    in_pair.dedup();
    let mut members: Vec<(usize, usize)> = in_pair.iter().map(|&d| (find(&mut parent, d as usize), d as usize)).collect();
    members.sort_unstable();
    Ok(members
        .into_par_iter()
        .map(|(root, d)| Duplicate { doc: d, cluster: root, similarity: if root == d { 1.0 } else { jaccard(&sets[&(root as u32)], &sets[&(d as u32)]) } })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "The 14th National Congress of the Communist Party of Việt Nam opened in Hà Nội on Monday, with 1,586 delegates representing more than 5.6 million Party members across the country.\n\n\
General Secretary Tô Lâm said in his opening speech that the congress would chart “a new era of national rise” and called for “strategic autonomy” in the economy — a phrase repeated by several speakers.\n\n\
The congress will review the implementation of the resolution of the 13th congress, adopt the political report and elect the new Central Committee, which will in turn elect the Politburo.\n\n\
Delegates also discussed the draft socio-economic development strategy, which targets growth of at least 10 per cent a year and a per capita income of USD 8,500 by 2030.\n\n\
Prime Minister Phạm Minh Chính told reporters on the sidelines that administrative reform and the streamlining of the state apparatus were the decisive breakthroughs of the coming term.\n\n\
Foreign ambassadors and international organisations sent messages of congratulation, praising Việt Nam’s role in regional peace, stability and cooperation.\n\n\
The congress is scheduled to close on Friday after electing the leadership for the 2026–2031 term, according to the organising committee.\n\n\
Security has been tightened around the National Convention Centre, where the sessions are held, and several roads in the capital have been closed to traffic.";

    /// The source as another outlet republishes it: ASCII quotes and dashes, `Vietnam`,
    /// `Hanoi`, the last paragraph dropped and one of its own added.
    fn syndicated() -> String {
        let mut paras: Vec<String> = SOURCE
            .replace(['“', '”'], "\"")
            .replace('’', "'")
            .replace(['—', '–'], "-")
            .replace("Việt Nam", "Vietnam")
            .replace("Hà Nội", "Hanoi")
            .split("\n\n")
            .map(str::to_owned)
            .collect();
        paras.pop();
        paras.push("Readers can follow the congress live on our website and on the VNA app.".into());
        paras.join("\n\n")
    }

    /// Another story on the same event: the same people, figures and phrases, its own sentences.
    const SAME_EVENT: &str = "More than 1,586 delegates gathered in Hà Nội on Monday as the 14th National Congress of the Communist Party of Việt Nam began its week of sessions.\n\n\
Outside the National Convention Centre, residents said they hoped the new leadership would keep up the fight against corruption and make housing more affordable.\n\n\
Economists noted that the target of 10 per cent growth a year was ambitious, given slowing demand in the country's main export markets and the cost of new infrastructure.\n\n\
General Secretary Tô Lâm has made strategic autonomy and a new era of national rise the themes of his term, and analysts expect the congress to endorse both.\n\n\
Prime Minister Phạm Minh Chính is expected to remain a member of the Politburo, according to diplomats in the capital.";

    fn clusters(texts: &[&str], threshold: f64) -> Vec<(usize, usize)> {
        duplicates(texts, threshold).unwrap().into_iter().map(|d| (d.cluster, d.doc)).collect()
    }

    #[test]
    fn typography_and_joined_spellings_fold_away() {
        assert_eq!(shingles("“Việt Nam’s” economy — 2026–2030 grew"), shingles("\"Vietnam's\" economy - 2026-2030 grew"));
        assert_eq!(shingles("in Hà Nội today, said the minister"), shingles("in Hanoi today, said the minister"));
        assert_ne!(shingles("in Hà Nội today, said the minister"), shingles("in Hà Nam today, said the minister"));
        assert!(shingles(" \n—").is_empty());
        assert_eq!(shingles("Three words only").len(), 1);
    }

    #[test]
    fn rolled_shingle_hash_is_the_window_polynomial() {
        let mut words = Vec::new();
        for text in [SOURCE, "one", "one two three", "one two three four five", "one two three four five six"] {
            let mut rolled = Vec::new();
            each_shingle(text, &mut words, |h| rolled.push(h));
            let direct: Vec<u64> =
                words.windows(SHINGLE_WORDS.min(words.len())).map(|w| w.iter().fold(0u64, |h, &x| h.wrapping_mul(ROLL).wrapping_add(x))).collect();
            assert_eq!(rolled, direct);
        }
        // Same words, another order: another shingle.
        assert_ne!(shingles("a b c d e"), shingles("b a c d e"));
    }

    #[test]
    fn syndicated_copy_joins_its_source() {
        let copy = syndicated();
        let j = jaccard(&shingles(SOURCE), &shingles(&copy));
        assert!(j > 0.8 && j < 1.0, "{j}");
        let texts = ["An unrelated story about rice exports from the Mekong Delta to the Philippines this year.", SOURCE, &copy];
        let d = duplicates(&texts, 0.8).unwrap();
        assert_eq!(d.iter().map(|d| (d.cluster, d.doc)).collect::<Vec<_>>(), vec![(1, 1), (1, 2)]);
        assert_eq!(d[0].similarity, 1.0);
        assert!((d[1].similarity - j).abs() < 1e-12);
    }

    #[test]
    fn another_story_on_the_same_event_stays_apart() {
        let j = jaccard(&shingles(SOURCE), &shingles(SAME_EVENT));
        assert!(j < 0.2, "{j}");
        assert!(clusters(&[SOURCE, SAME_EVENT], 0.8).is_empty());
        assert!(clusters(&[SOURCE, SAME_EVENT], 0.3).is_empty());
    }

    #[test]
    fn exact_copies_and_chains_are_one_cluster_named_by_the_first() {
        let copy = syndicated();
        let texts = [SAME_EVENT, &copy, "", SOURCE, SOURCE, ""];
        assert_eq!(clusters(&texts, 0.8), vec![(1, 1), (1, 3), (1, 4)]);
    }

    #[test]
    fn same_clusters_on_any_thread_count_and_order() {
        let copy = syndicated();
        let mut texts: Vec<String> = (0..60).map(|i| format!("Story {i}: {}", SAME_EVENT.replace("1,586", &i.to_string()).repeat(1 + i % 3))).collect();
        texts.push(SOURCE.to_owned());
        texts.push(copy);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let one = crate::parallel::install(1, || duplicates(&refs, 0.8)).unwrap().unwrap();
        let two = crate::parallel::install(2, || duplicates(&refs, 0.8)).unwrap().unwrap();
        assert_eq!(one, two);
        // Reversed order: the same groups of texts, each named by its first document.
        let rev: Vec<&str> = refs.iter().rev().copied().collect();
        let back = duplicates(&rev, 0.8).unwrap();
        let groups = |d: &[Duplicate], names: &[&str]| {
            let mut g: Vec<Vec<String>> = Vec::new();
            for c in d.chunk_by(|a, b| a.cluster == b.cluster) {
                let mut v: Vec<String> = c.iter().map(|x| names[x.doc].to_owned()).collect();
                v.sort();
                g.push(v);
            }
            g.sort();
            g
        };
        assert!(!one.is_empty());
        assert_eq!(groups(&one, &refs), groups(&back, &rev));
    }

    #[test]
    fn banding_keeps_pairs_at_the_threshold() {
        let (b, r) = banding(0.8);
        assert!(b * r <= BINS);
        assert!(1.0 - (1.0 - 0.8f64.powi(r as i32)).powi(b as i32) >= CANDIDATE_RECALL);
        assert!(duplicates(&["a"], 0.0).is_err());
        assert!(duplicates(&["a"], 1.5).is_err());
        assert!(duplicates(&["a"], f64::NAN).is_err());
    }
}
