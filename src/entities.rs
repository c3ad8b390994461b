//! The entities table and display names, over a whole corpus: one row per entity id, with the
//! surface forms seen, counts and dates. The display name is the lexicon's curated name when the
//! entity is known, else the most complete form seen (longest; with diacritics on a tie), so it
//! depends only on the mentions, never on load order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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

#[derive(Default)]
struct Acc {
    label: Option<Label>,
    known: Option<String>,
    best: Option<String>,
    aliases: BTreeSet<String>,
    n_mentions: usize,
    docs: BTreeSet<usize>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

/// Is `a` a more complete display form than `b`?
fn better(a: &str, b: &str) -> bool {
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

/// Build the entities table from every document's mentions (`(doc index, date, text, mentions)`).
/// Returns the rows (most mentioned first, then by id) and the display name of every entity id.
pub fn build<'a>(docs: impl Iterator<Item = (usize, Option<NaiveDate>, &'a str, &'a [Mention])>) -> (Vec<EntityRow>, HashMap<String, String>) {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for (doc, date, text, mentions) in docs {
        for m in mentions {
            let a = acc.entry(m.entity_id()).or_default();
            a.label = Some(m.label);
            let surface = surface_form(m.text(text));
            a.aliases.insert(surface.to_owned());
            if let Some(k) = &m.known_name {
                a.known.get_or_insert_with(|| k.clone());
            }
            // Short person references (`Trung`) are not candidates when a full form exists;
            // the longest form wins anyway.
            if a.best.as_deref().is_none_or(|b| better(surface, b)) {
                a.best = Some(surface.to_owned());
            }
            a.n_mentions += 1;
            a.docs.insert(doc);
            if let Some(d) = date {
                a.first = Some(a.first.map_or(d, |f| f.min(d)));
                a.last = Some(a.last.map_or(d, |l| l.max(d)));
            }
        }
    }
    let mut names = HashMap::with_capacity(acc.len());
    let mut rows: Vec<EntityRow> = acc
        .into_iter()
        .map(|(id, a)| {
            let canonical = a.known.or(a.best).unwrap_or_default();
            names.insert(id.clone(), canonical.clone());
            EntityRow {
                entity_id: id,
                label: a.label.unwrap_or(Label::Org),
                canonical,
                aliases: a.aliases.into_iter().collect(),
                n_mentions: a.n_mentions,
                n_docs: a.docs.len(),
                first_date: a.first,
                last_date: a.last,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.n_mentions.cmp(&a.n_mentions).then_with(|| a.entity_id.cmp(&b.entity_id)));
    (rows, names)
}
