//! The entities table and display names, over a whole corpus: one row per entity id, with the
//! surface forms seen, counts and dates. The display name is the lexicon's curated name when the
//! entity is known, else the most complete form seen (longest; with diacritics on a tie), so it
//! depends only on the mentions, never on load order.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;

use crate::extract::Mention;
use crate::label::Label;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRow {
    pub entity_id: String,
    pub label: Label,
    pub canonical: String,
    pub aliases: Vec<String>,
    pub n_mentions: usize,
    pub n_docs: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

struct Acc {
    known: Option<String>,
    best: String,
    aliases: BTreeSet<String>,
    n_mentions: usize,
    n_docs: usize,
    /// The last document (1-based) counted in `n_docs`: mentions arrive document by document.
    last_doc: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn latest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

/// Is `a` a more complete display form than `b`?
pub fn better(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la != lb {
        return la > lb;
    }
    let (da, db) = (crate::fold::has_diacritics(a), crate::fold::has_diacritics(b));
    if da != db {
        return da;
    }
    a < b
}

fn surface_form(s: &str) -> &str {
    let s = s.strip_prefix("the ").or_else(|| s.strip_prefix("The ")).unwrap_or(s);
    s.trim_end_matches("’s").trim_end_matches("'s")
}

/// The entities table, built document by document: memory grows with the number of entities and
/// distinct surface forms, not with the number of mentions, so a corpus can be streamed through it.
pub struct Accumulator {
    /// One map per label (indexed by `Label as usize`), keyed by entity key: a mention is looked
    /// up by its key as it stands, without building `LABEL:key` for each one.
    acc: Vec<HashMap<String, Acc>>,
    docs: usize,
}

impl Default for Accumulator {
    fn default() -> Self {
        Accumulator { acc: Label::ALL.iter().map(|_| HashMap::default()).collect(), docs: 0 }
    }
}

impl Accumulator {
    /// Count one document's mentions (`text` is the document the offsets point into).
    pub fn add(&mut self, date: Option<NaiveDate>, text: &str, mentions: &[Mention]) {
        self.docs += 1;
        self.add_to_last(date, text, mentions);
    }

    /// Count more mentions of the document last added (its title's or a caption's: `text` is
    /// that zone's text), so that an entity there and in the body is one document, not two.
    pub fn add_to_last(&mut self, date: Option<NaiveDate>, text: &str, mentions: &[Mention]) {
        let doc = self.docs;
        for m in mentions {
            let surface = surface_form(m.text(text));
            let by_key = &mut self.acc[m.label as usize];
            let a = match by_key.get_mut(m.key.as_str()) {
                Some(a) => a,
                None => by_key.entry(m.key.clone()).or_insert(Acc {
                    known: None,
                    best: surface.to_owned(),
                    aliases: BTreeSet::new(),
                    n_mentions: 0,
                    n_docs: 0,
                    last_doc: 0,
                    first: None,
                    last: None,
                }),
            };
            if !a.aliases.contains(surface) {
                a.aliases.insert(surface.to_owned());
            }
            if a.known.is_none() {
                a.known = m.known_name.as_deref().map(str::to_owned);
            }
            if surface != a.best && better(surface, &a.best) {
                a.best = surface.to_owned();
            }
            a.n_mentions += 1;
            if a.last_doc != doc {
                a.last_doc = doc;
                a.n_docs += 1;
            }
            a.first = earliest(a.first, date);
            a.last = latest(a.last, date);
        }
    }

    /// Add the counts of `other`, which saw other documents that come after these: the result
    /// is what one pass over all of them gives (the first curated name seen wins).
    pub fn merge(&mut self, other: Accumulator) {
        self.docs += other.docs;
        for (mine, theirs) in self.acc.iter_mut().zip(other.acc) {
            for (key, b) in theirs {
                let Some(a) = mine.get_mut(key.as_str()) else {
                    // `last_doc` counts in `other`'s numbering: 0 matches no later document of `self`.
                    mine.insert(key, Acc { last_doc: 0, ..b });
                    continue;
                };
                a.known = a.known.take().or(b.known);
                if better(&b.best, &a.best) {
                    a.best = b.best;
                }
                a.aliases.extend(b.aliases);
                a.n_mentions += b.n_mentions;
                a.n_docs += b.n_docs;
                a.last_doc = 0;
                a.first = earliest(a.first, b.first);
                a.last = latest(a.last, b.last);
            }
        }
    }

    /// The rows, most mentioned first, then by id.
    pub fn finish(self) -> Vec<EntityRow> {
        let mut rows: Vec<EntityRow> = self
            .acc
            .into_iter()
            .zip(Label::ALL)
            .flat_map(|(by_key, label)| by_key.into_iter().map(move |(key, a)| (label, key, a)))
            .map(|(label, key, a)| EntityRow {
                entity_id: label.entity_id(&key),
                label,
                canonical: a.known.unwrap_or(a.best),
                aliases: a.aliases.into_iter().collect(),
                n_mentions: a.n_mentions,
                n_docs: a.n_docs,
                first_date: a.first,
                last_date: a.last,
            })
            .collect();
        rows.sort_by(|a, b| b.n_mentions.cmp(&a.n_mentions).then_with(|| a.entity_id.cmp(&b.entity_id)));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn counted(docs: &[(Option<NaiveDate>, &str)], ex: &Extractor) -> Accumulator {
        let mut acc = Accumulator::default();
        for (date, text) in docs {
            acc.add(*date, text, &ex.extract(text, *date).mentions);
        }
        acc
    }

    #[test]
    fn merged_counts_equal_one_pass() {
        let ex = Extractor::default();
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d);
        let docs = [
            (day(5), "General Secretary To Lam met Ha Noi officials. Lam spoke."),
            (day(20), "Tô Lâm arrived in Hà Nội on Monday."),
            (None, "The Party Congress opened in Hanoi."),
            (day(2), "To Lam and the Politburo met in Hà Nội again."),
        ];
        let whole = counted(&docs, &ex).finish();
        let mut merged = counted(&docs[..1], &ex);
        merged.merge(counted(&docs[1..3], &ex));
        merged.merge(counted(&docs[3..], &ex));
        // Documents added after a merge are still counted once each.
        let mut then_added = counted(&docs[..2], &ex);
        then_added.merge(counted(&docs[2..3], &ex));
        let (d, t) = docs[3];
        then_added.add(d, t, &ex.extract(t, d).mentions);
        assert!(whole.iter().any(|r| r.canonical == "Tô Lâm" && r.n_docs == 3), "{whole:?}");
        assert_eq!(merged.finish(), whole);
        assert_eq!(then_added.finish(), whole);
    }
}
