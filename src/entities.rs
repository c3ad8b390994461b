//! The entities table and display names, over a whole corpus: one row per entity id, with the
//! surface forms seen, counts and dates. The display name is the lexicon's curated name when the
//! entity is known, else the most complete form seen (longest; with diacritics on a tie), so it
//! depends only on the mentions, never on load order.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use chrono::NaiveDate;

use crate::label::Label;
use crate::mention::Mention;

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
    /// The first and the last document (1-based) counted in `n_docs`: mentions arrive document
    /// by document.
    first_doc: usize,
    last_doc: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Acc {
    fn new(best: &str) -> Acc {
        Acc { known: None, best: best.to_owned(), aliases: BTreeSet::new(), n_mentions: 0, n_docs: 0, first_doc: 0, last_doc: 0, first: None, last: None }
    }

    /// Count one mention in document `doc`: `surface` as written (an alias), `name` a candidate
    /// display name, `known` the curated name if the lexicon knows the entity.
    #[inline]
    fn count(&mut self, surface: &str, name: &str, known: Option<&str>, doc: usize, date: Option<NaiveDate>) {
        if !self.aliases.contains(surface) {
            self.aliases.insert(surface.to_owned());
        }
        if self.known.is_none() {
            self.known = known.map(str::to_owned);
        }
        if name != self.best && better(name, &self.best) {
            self.best = name.to_owned();
        }
        self.n_mentions += 1;
        if self.last_doc != doc {
            self.last_doc = doc;
            self.n_docs += 1;
        }
        if self.first_doc == 0 {
            self.first_doc = doc;
        }
        self.first = earliest(self.first, date);
        self.last = latest(self.last, date);
    }

    /// Add the counts of the same entity over later documents.
    fn absorb(&mut self, b: Acc) {
        self.known = self.known.take().or(b.known);
        if better(&b.best, &self.best) {
            self.best = b.best;
        }
        self.aliases.extend(b.aliases);
        self.n_mentions += b.n_mentions;
        self.n_docs += b.n_docs;
        self.last_doc = 0;
        self.first = earliest(self.first, b.first);
        self.last = latest(self.last, b.last);
    }
}

/// One row of a mentions table, as `Accumulator::partial_of_rows` counts it.
pub struct MentionRow<'a> {
    pub doc_id: &'a str,
    pub label: Label,
    pub key: &'a str,
    /// The mention as written.
    pub text: &'a str,
    /// Its display name (`canonical`).
    pub name: &'a str,
    /// The date of its document.
    pub date: Option<NaiveDate>,
}

/// Entity counts over some documents, to be merged with others' into the entities table
/// (`Accumulator::merge_partials`): how a Dask partition's counts travel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Partial {
    pub rows: Vec<PartialRow>,
    /// The partial's first and last documents, when it was counted from a table that may have
    /// been cut inside a document.
    pub first_doc: Option<String>,
    pub last_doc: Option<String>,
}

/// One entity of a `Partial`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialRow {
    pub label: Label,
    pub key: String,
    /// The curated display name, when a mention carried it.
    pub known: Option<String>,
    /// The most complete name seen (`better`).
    pub best: String,
    /// Surface forms, sorted and distinct.
    pub aliases: Vec<String>,
    pub n_mentions: usize,
    pub n_docs: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    /// Seen in the partial's first (last) document.
    pub in_first_doc: bool,
    pub in_last_doc: bool,
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
            self.count(m.label, &m.key, surface, |a| a.count(surface, surface, m.known_name.as_deref(), doc, date));
        }
    }

    /// Count rows of a mentions table (`doc_id`, `label`, key, `text`, `canonical`, the date of
    /// the document), document by document as the table holds them: each `canonical` is a
    /// candidate display name, as a surface form is in `add`. Returns the partial of these rows
    /// (see `Partial`), the form in which a partition's counts travel to be merged.
    pub fn partial_of_rows<'a>(rows: impl IntoIterator<Item = MentionRow<'a>>) -> Partial {
        let mut acc = Accumulator::default();
        let (mut first_doc, mut last_doc): (Option<&str>, Option<&str>) = (None, None);
        for r in rows {
            if last_doc != Some(r.doc_id) {
                acc.docs += 1;
                last_doc = Some(r.doc_id);
                first_doc.get_or_insert(r.doc_id);
            }
            let doc = acc.docs;
            let surface = surface_form(r.text);
            acc.count(r.label, r.key, r.name, |a| a.count(surface, r.name, None, doc, r.date));
        }
        // The entities of the first document were first counted in document 1; of the last,
        // last counted in the last one.
        let last = acc.docs;
        let mut partial = acc.partial_with(|a| (a.first_doc == 1, a.last_doc == last));
        partial.first_doc = first_doc.map(str::to_owned);
        partial.last_doc = last_doc.map(str::to_owned);
        partial
    }

    /// Count a mention into the entity `key` of `label` (made with display name `name` when new).
    #[inline]
    fn count(&mut self, label: Label, key: &str, name: &str, count: impl FnOnce(&mut Acc)) {
        let by_key = &mut self.acc[label as usize];
        // Looked up before inserting: most mentions are of an entity already seen, and
        // `entry` would need an owned key for each.
        match by_key.get_mut(key) {
            Some(a) => count(a),
            None => count(by_key.entry(key.to_owned()).or_insert_with(|| Acc::new(name))),
        }
    }

    /// Add the counts of `other`, which saw other documents that come after these: the result
    /// is what one pass over all of them gives (the first curated name seen wins).
    pub fn merge(&mut self, other: Accumulator) {
        self.docs += other.docs;
        for (mine, theirs) in self.acc.iter_mut().zip(other.acc) {
            for (key, b) in theirs {
                match mine.get_mut(key.as_str()) {
                    Some(a) => a.absorb(b),
                    // `last_doc` counts in `other`'s numbering: 0 matches no later document of `self`.
                    None => {
                        mine.insert(key, Acc { last_doc: 0, first_doc: 0, ..b });
                    }
                }
            }
        }
    }

    /// These counts as a partial (entity by entity, in no particular order), to be merged
    /// elsewhere with `merge_partials`. The documents of one accumulator are never another's, so
    /// no entity is marked as seen in a document that a neighbouring partial shares.
    pub fn partial(&self) -> Partial {
        self.partial_with(|_| (false, false))
    }

    /// The partial, each entity marked by `edges` as seen in the first and the last document.
    fn partial_with(&self, edges: impl Fn(&Acc) -> (bool, bool)) -> Partial {
        let rows = self
            .acc
            .iter()
            .zip(Label::ALL)
            .flat_map(|(by_key, label)| by_key.iter().map(move |(key, a)| (label, key, a)))
            .map(|(label, key, a)| {
                let (in_first_doc, in_last_doc) = edges(a);
                PartialRow {
                    label,
                    key: key.clone(),
                    known: a.known.clone(),
                    best: a.best.clone(),
                    aliases: a.aliases.iter().cloned().collect(),
                    n_mentions: a.n_mentions,
                    n_docs: a.n_docs,
                    first_date: a.first,
                    last_date: a.last,
                    in_first_doc,
                    in_last_doc,
                }
            })
            .collect();
        Partial { rows, first_doc: None, last_doc: None }
    }

    /// The entities table of partials in corpus order (each from `partial` or `partial_of_rows`,
    /// on any machine): what one accumulator over all their documents gives. Where a partial
    /// starts with the document the one before it ended with (a table split inside a document),
    /// an entity seen on both sides of the cut counts that document once.
    pub fn merge_partials(partials: Vec<Partial>) -> Vec<EntityRow> {
        let mut acc = Accumulator::default();
        // The document the partials so far end with, and the entities seen in it.
        let mut open: Option<(String, FxHashSet<(Label, String)>)> = None;
        // A partial of no rows (an empty partition) neither ends nor continues a document.
        for p in partials.into_iter().filter(|p| !p.rows.is_empty() || p.first_doc.is_some()) {
            let continues = matches!((&open, &p.first_doc), (Some((doc, _)), Some(first)) if doc == first);
            let within_one_doc = continues && p.first_doc == p.last_doc;
            let mut seen_last: FxHashSet<(Label, String)> = FxHashSet::default();
            for row in p.rows {
                let id = (row.label, row.key);
                let shared = continues && row.in_first_doc && open.as_ref().is_some_and(|(_, seen)| seen.contains(&id));
                if row.in_last_doc {
                    seen_last.insert(id.clone());
                }
                let b = Acc {
                    known: row.known,
                    best: row.best,
                    aliases: row.aliases.into_iter().collect(),
                    n_mentions: row.n_mentions,
                    n_docs: row.n_docs - usize::from(shared),
                    last_doc: 0,
                    first_doc: 0,
                    first: row.first_date,
                    last: row.last_date,
                };
                let by_key = &mut acc.acc[id.0 as usize];
                match by_key.get_mut(id.1.as_str()) {
                    Some(a) => a.absorb(b),
                    None => {
                        by_key.insert(id.1, b);
                    }
                }
            }
            // A partial inside one document leaves it open, with what was seen in it before.
            if within_one_doc {
                if let Some((_, seen)) = open.as_mut() {
                    seen.extend(seen_last);
                }
            } else {
                open = p.last_doc.map(|d| (d, seen_last));
            }
        }
        acc.finish()
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

    fn docs() -> Vec<(Option<NaiveDate>, &'static str)> {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d);
        vec![
            (day(5), "General Secretary To Lam met Ha Noi officials. Lam spoke."),
            (day(20), "Tô Lâm arrived in Hà Nội on Monday."),
            (None, "The Party Congress opened in Hanoi."),
            (day(2), "To Lam and the Politburo met in Hà Nội again."),
        ]
    }

    #[test]
    fn partials_merged_elsewhere_equal_one_pass() {
        let (ex, docs) = (Extractor::default(), docs());
        let whole = counted(&docs, &ex).finish();
        let parts = vec![counted(&docs[..1], &ex).partial(), counted(&docs[1..3], &ex).partial(), counted(&docs[3..], &ex).partial()];
        assert_eq!(Accumulator::merge_partials(parts), whole);
    }

    #[test]
    fn a_mentions_table_cut_anywhere_reduces_to_the_same_entities() {
        type Row<'a> = (&'static str, Label, &'a str, &'a str, &'a str, Option<NaiveDate>);
        let (ex, docs) = (Extractor::default(), docs());
        let whole = counted(&docs, &ex).finish();
        let names: HashMap<String, String> = whole.iter().map(|r| (r.entity_id.clone(), r.canonical.clone())).collect();
        // The mentions table's rows, `canonical` filled as a load fills it.
        let ids = ["a", "b", "c", "d"];
        let results: Vec<_> = docs.iter().map(|(d, t)| ex.extract(t, *d).mentions).collect();
        let mut rows = Vec::new();
        for (((date, text), ms), id) in docs.iter().zip(&results).zip(ids) {
            for m in ms {
                rows.push((id, m.label, m.key.as_str(), m.text(text), names[&m.entity_id()].as_str(), *date));
            }
        }
        let partial = |rs: &[Row]| {
            Accumulator::partial_of_rows(rs.iter().map(|&(doc_id, label, key, text, name, date)| MentionRow { doc_id, label, key, text, name, date }))
        };
        assert_eq!(Accumulator::merge_partials(vec![partial(&rows)]), whole);
        // Cut inside documents, one piece wholly inside the first one.
        assert!(rows.len() > 8);
        let cuts = [0, 1, 2, 5, rows.len() - 3, rows.len()];
        let parts: Vec<Partial> = cuts.windows(2).map(|w| partial(&rows[w[0]..w[1]])).collect();
        assert_eq!(parts[0].first_doc, parts[1].last_doc, "the second piece lies inside the first document");
        assert_eq!(Accumulator::merge_partials(parts), whole);
    }
}
