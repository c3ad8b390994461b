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
use crate::tables::{self, DocView};
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

/// The documents of some inputs, their extraction results (when asked for) and problems.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub results: Vec<DocResult>,
    pub issues: Vec<Issue>,
}

/// Load `inputs` (and extract, with `extractor`) on the current rayon pool, in input order.
pub fn load_and_extract(inputs: &[Input], opts: &LoadOptions, extractor: Option<&Extractor>) -> Batch {
    let opts = LoadOptions { count_sentences: extractor.is_none() && opts.count_sentences, ..*opts };
    let parts: Vec<Batch> = inputs
        .par_iter()
        .map(|input| {
            let mut loaded = loader::load_one(input, &opts);
            let results: Vec<DocResult> = match extractor {
                Some(ex) => loaded.documents.iter().map(|d| ex.extract(&d.text, d.date)).collect(),
                None => Vec::new(),
            };
            for (d, r) in loaded.documents.iter_mut().zip(&results) {
                d.n_sentences = r.n_sentences;
            }
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
    /// For each document, the row in `entities` of each mention's entity.
    pub mention_entity: Vec<Vec<u32>>,
    /// Display name of the person of each role.
    pub role_person: Vec<Vec<String>>,
}

/// Display names and the entities table over `(text, date, result)` of every document.
pub fn assemble<'a>(docs: &[(&'a str, Option<NaiveDate>, &'a DocResult)]) -> Assembled {
    let (rows, mention_entity) = entities::build(docs.iter().enumerate().map(|(i, (t, d, r))| (i, *d, *t, r.mentions.as_slice())));
    let by_id: std::collections::HashMap<&str, &str> = rows.iter().map(|r| (r.entity_id.as_str(), r.canonical.as_str())).collect();
    let role_person = docs
        .iter()
        .map(|(_, _, r)| {
            r.roles
                .iter()
                .map(|x| {
                    let id = format!("PERSON:{}", x.person_key);
                    by_id.get(id.as_str()).map_or_else(|| x.person_key.clone(), |s| (*s).to_owned())
                })
                .collect()
        })
        .collect();
    Assembled { entities: rows, mention_entity, role_person }
}

/// The mentions, entities and roles tables of extraction results.
pub fn result_tables(doc_ids: &[&str], texts: &[&str], dates: &[Option<NaiveDate>], results: &[DocResult]) -> Result<[(&'static str, RecordBatch); 3], ArrowError> {
    let docs: Vec<(&str, Option<NaiveDate>, &DocResult)> = texts.iter().zip(dates).zip(results).map(|((t, d), r)| (*t, *d, r)).collect();
    let asm = assemble(&docs);
    let views: Vec<DocView> = (0..results.len())
        .map(|i| DocView { doc_id: doc_ids[i], text: texts[i], result: &results[i], entity: &asm.mention_entity[i], entities: &asm.entities, role_person: &asm.role_person[i] })
        .collect();
    let (mentions, (entities, roles)) = rayon::join(|| tables::mentions(&views), || rayon::join(|| tables::entities(&asm.entities), || tables::roles(&views)));
    Ok([("mentions", mentions?), ("entities", entities?), ("roles", roles?)])
}

/// Every table of a loaded batch (documents and errors; with `extracted`, the result tables),
/// built in parallel.
pub fn corpus_tables(all: &Batch, extracted: bool) -> Result<Vec<(&'static str, RecordBatch)>, ArrowError> {
    let (base, results) = rayon::join(
        || -> Result<_, ArrowError> { Ok([("documents", tables::documents(&all.documents)?), ("errors", tables::errors(&all.issues)?)]) },
        || {
            extracted.then(|| {
                let doc_ids: Vec<&str> = all.documents.iter().map(|d| d.doc_id.as_str()).collect();
                let texts: Vec<&str> = all.documents.iter().map(|d| d.text.as_str()).collect();
                let dates: Vec<Option<NaiveDate>> = all.documents.iter().map(|d| d.date).collect();
                result_tables(&doc_ids, &texts, &dates, &all.results)
            })
        },
    );
    let mut out: Vec<(&'static str, RecordBatch)> = base?.into_iter().collect();
    if let Some(r) = results {
        out.extend(r?);
    }
    Ok(out)
}
