//! Load and extract in one parallel pass (each file is read, cleaned and its entities found on
//! the same thread, while it is hot in cache), then assemble the corpus tables: display names and
//! the entities table need every document, so they are computed once at the end.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::discover::Input;
use crate::document::Document;
use crate::entities::{self, EntityRow};
use crate::error::Issue;
use crate::extract::{DocResult, Extractor};
use crate::loader::{self, LoadOptions};

/// The documents of some inputs, their extraction results (when asked for) and problems.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub results: Vec<DocResult>,
    pub issues: Vec<Issue>,
}

/// Load `inputs` (and extract, with `extractor`) on the current rayon pool, in input order.
pub fn load_and_extract(inputs: &[Input], opts: &LoadOptions, extractor: Option<&Extractor>) -> Batch {
    let parts: Vec<Batch> = inputs
        .par_iter()
        .map(|input| {
            let loaded = loader::load_one(input, opts);
            let results = match extractor {
                Some(ex) => loaded.documents.iter().map(|d| ex.extract(&d.text, d.date)).collect(),
                None => Vec::new(),
            };
            Batch { documents: loaded.documents, results, issues: loaded.issues }
        })
        .collect();
    let mut out = Batch::default();
    for p in parts {
        out.documents.extend(p.documents);
        out.results.extend(p.results);
        out.issues.extend(p.issues);
    }
    out
}

/// Extract from texts already in memory, in parallel, in order.
pub fn extract_texts(texts: &[String], dates: &[Option<NaiveDate>], extractor: &Extractor) -> Vec<DocResult> {
    texts.par_iter().zip(dates.par_iter()).map(|(t, d)| extractor.extract(t, *d)).collect()
}

/// The corpus-wide tables.
#[derive(Debug, Default)]
pub struct Assembled {
    pub entities: Vec<EntityRow>,
    /// Display name for each mention, in document then mention order.
    pub mention_canonical: Vec<Vec<String>>,
    /// Display name of the person of each role.
    pub role_person: Vec<Vec<String>>,
}

/// Display names and the entities table over `(text, date, result)` of every document.
pub fn assemble<'a>(docs: &[(&'a str, Option<NaiveDate>, &'a DocResult)]) -> Assembled {
    let (rows, names) = entities::build(docs.iter().enumerate().map(|(i, (t, d, r))| (i, *d, *t, r.mentions.as_slice())));
    let mention_canonical = docs
        .iter()
        .map(|(_, _, r)| r.mentions.iter().map(|m| names.get(&m.entity_id()).cloned().unwrap_or_default()).collect())
        .collect();
    let role_person = docs
        .iter()
        .map(|(_, _, r)| r.roles.iter().map(|x| names.get(&format!("PERSON:{}", x.person_key)).cloned().unwrap_or_else(|| x.person_key.clone())).collect())
        .collect();
    Assembled { entities: rows, mention_canonical, role_person }
}
