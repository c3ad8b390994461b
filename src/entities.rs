//! The entities table and display names, over a whole corpus: one row per entity id, with the
//! surface forms seen, counts and dates. The display name is the lexicon's curated name when the
//! entity is known, else the most complete form seen (longest; with diacritics on a tie), so it
//! depends only on the mentions, never on load order.

use std::collections::{BTreeSet, HashMap};

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
struct Acc<'a> {
    known: Option<&'a str>,
    best: Option<&'a str>,
    aliases: BTreeSet<&'a str>,
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
/// Returns the rows (most mentioned first, then by id) and, for every document, the row index of
/// each mention's entity. Keys and surfaces are borrowed, not copied, per mention.
pub fn build<'a>(docs: impl Iterator<Item = (usize, Option<NaiveDate>, &'a str, &'a [Mention])>) -> (Vec<EntityRow>, Vec<Vec<u32>>) {
    let mut acc: HashMap<(Label, &'a str), Acc<'a>> = HashMap::new();
    let mut order: Vec<Vec<(Label, &'a str)>> = Vec::new();
    for (doc, date, text, mentions) in docs {
        let mut ids = Vec::with_capacity(mentions.len());
        for m in mentions {
            let id = (m.label, m.key.as_str());
            ids.push(id);
            let a = acc.entry(id).or_default();
            let surface = surface_form(m.text(text));
            a.aliases.insert(surface);
            if let (None, Some(k)) = (a.known, m.known_name.as_deref()) {
                a.known = Some(k);
            }
            if a.best.is_none_or(|b| better(surface, b)) {
                a.best = Some(surface);
            }
            a.n_mentions += 1;
            a.docs.insert(doc);
            if let Some(d) = date {
                a.first = Some(a.first.map_or(d, |f| f.min(d)));
                a.last = Some(a.last.map_or(d, |l| l.max(d)));
            }
        }
        order.push(ids);
    }
    let mut rows: Vec<((Label, &str), EntityRow)> = acc
        .into_iter()
        .map(|(id, a)| {
            let row = EntityRow {
                entity_id: format!("{}:{}", id.0.as_str(), id.1),
                label: id.0,
                canonical: a.known.or(a.best).unwrap_or_default().to_owned(),
                aliases: a.aliases.into_iter().map(str::to_owned).collect(),
                n_mentions: a.n_mentions,
                n_docs: a.docs.len(),
                first_date: a.first,
                last_date: a.last,
            };
            (id, row)
        })
        .collect();
    rows.sort_by(|a, b| b.1.n_mentions.cmp(&a.1.n_mentions).then_with(|| a.1.entity_id.cmp(&b.1.entity_id)));
    let index: HashMap<(Label, &str), u32> = rows.iter().enumerate().map(|(i, (id, _))| (*id, i as u32)).collect();
    let per_doc = order.into_iter().map(|ids| ids.into_iter().map(|id| index[&id]).collect()).collect();
    (rows.into_iter().map(|(_, r)| r).collect(), per_doc)
}
