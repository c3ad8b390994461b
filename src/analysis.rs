//! Analysis over extracted tables: entity co-occurrence and keyword in context.

use std::collections::HashMap;

use crate::fold;
use crate::tokens::{char_offsets, word_after, word_before};

/// The window two mentions must share to co-occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Sentence,
    Document,
}

/// Pairs of entities (by integer code, `a < b`) and the number of windows in which both occur.
/// `mentions` are `(document, sentence, entity)` codes. Sorted by weight, then codes.
pub fn cooccurrence(mentions: &[(u32, u32, u32)], window: Window) -> Vec<(u32, u32, u64)> {
    let mut groups: HashMap<(u32, u32), Vec<u32>> = HashMap::new();
    for &(d, s, e) in mentions {
        let w = match window {
            Window::Sentence => (d, s),
            Window::Document => (d, 0),
        };
        groups.entry(w).or_default().push(e);
    }
    let mut pairs: HashMap<(u32, u32), u64> = HashMap::new();
    for mut ents in groups.into_values() {
        ents.sort_unstable();
        ents.dedup();
        for i in 0..ents.len() {
            for j in i + 1..ents.len() {
                *pairs.entry((ents[i], ents[j])).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(u32, u32, u64)> = pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    out.sort_unstable_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    out
}

/// One keyword-in-context hit: document index, left context, the match as written, right context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic {
    pub doc: usize,
    pub start: usize,
    pub left: String,
    pub hit: String,
    pub right: String,
}

/// Every occurrence of `phrase` in `texts` (diacritic- and case-insensitive, on word
/// boundaries), with `width` characters of context on each side.
pub fn kwic(texts: &[&str], phrase: &str, width: usize) -> Vec<Kwic> {
    // Hyphens and spaces are interchangeable in a phrase (`self-reliance`, `self reliance`);
    // both are one byte, so the folded map stays valid.
    let needle = fold::key(&phrase.replace('-', " "));
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (doc, text) in texts.iter().enumerate() {
        let mut f = fold::fold(text);
        f.text = f.text.replace('-', " ");
        // The needle's key has single spaces and the text keeps its own, so a phrase broken by a
        // double space or a line break is not found; news prose uses single spaces.
        let hay = f.text.as_str();
        let mut from = 0;
        let first = out.len();
        while let Some(pos) = hay[from..].find(&needle) {
            let s = from + pos;
            let e = s + needle.len();
            from = s + needle.len().max(1);
            if word_before(hay, s) || word_after(hay, e) {
                continue;
            }
            let (os, oe) = (f.orig(s), f.orig(e));
            let left_start = text[..os].char_indices().rev().nth(width.saturating_sub(1)).map_or(0, |(i, _)| i);
            let right_end = text[oe..].char_indices().nth(width).map_or(text.len(), |(i, _)| oe + i);
            out.push(Kwic {
                doc,
                // A byte offset until the document's hits are all found, then a code point.
                start: os,
                left: text[left_start..os].replace('\n', " "),
                hit: text[os..oe].to_owned(),
                right: text[oe..right_end].replace('\n', " "),
            });
        }
        let bytes: Vec<usize> = out[first..].iter().map(|k| k.start).collect();
        for (k, c) in out[first..].iter_mut().zip(char_offsets(text, &bytes)) {
            k.start = c;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cooccurrence_counts_windows_once() {
        // doc 0: sentence 0 has entities 1,2,2; sentence 1 has 1,3. doc 1: sentence 0 has 2,1.
        let m = [(0, 0, 1), (0, 0, 2), (0, 0, 2), (0, 1, 1), (0, 1, 3), (1, 0, 2), (1, 0, 1)];
        assert_eq!(cooccurrence(&m, Window::Sentence), vec![(1, 2, 2), (1, 3, 1)]);
        assert_eq!(cooccurrence(&m, Window::Document), vec![(1, 2, 2), (1, 3, 1), (2, 3, 1)]);
    }

    #[test]
    fn kwic_folds_case_and_diacritics() {
        let texts = ["Tự chủ chiến lược: strategic autonomy matters. STRATEGIC AUTONOMY again.", "Nothing strategically autonomous."];
        let hits = kwic(&texts, "Strategic  Autonomy", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].hit, "strategic autonomy");
        assert_eq!(hits[0].left, " chiến lược: ".chars().skip(3).collect::<String>());
        assert_eq!(hits[1].hit, "STRATEGIC AUTONOMY");
        assert_eq!(hits[1].right, " again.");
        assert_eq!(kwic(&texts, "chien luoc", 5)[0].hit, "chiến lược");
        assert_eq!(kwic(&["self-reliance and self reliance"], "self reliance", 5).len(), 2);
    }
}
