//! Load and extract in one parallel pass (each file is read, cleaned and its entities found on
//! the same thread, while it is hot in cache), then assemble the corpus tables: display names and
//! the entities table need every document, so they are computed once at the end.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::discover::Input;
use crate::document::Document;
use crate::entities::Accumulator;
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

/// Tables of one batch, in Arrow: documents and errors, and with extraction mentions and roles
/// (display names still empty). The batch's Rust values are dropped here, and its entities are
/// counted into `acc`, so that a corpus is held once, as Arrow, while it loads.
pub fn partial_tables(batch: Batch, extracted: bool, acc: &mut Accumulator) -> Result<Vec<(&'static str, RecordBatch)>, ArrowError> {
    let views: Vec<DocView> = batch.documents.iter().zip(&batch.results).map(|(d, r)| DocView { doc_id: &d.doc_id, text: &d.text, result: r }).collect();
    // Each table is built on its own task and the entities are counted on another, so the two
    // cores share this step (it is between two parallel loads, so its critical path matters).
    let table = |name: &'static str| -> Result<Option<(&'static str, RecordBatch)>, ArrowError> {
        Ok(match name {
            "documents" => Some((name, tables::documents(&batch.documents)?)),
            "errors" => Some((name, tables::errors(&batch.issues)?)),
            "mentions" if extracted => Some((name, tables::mentions(&views)?)),
            "roles" if extracted => Some((name, tables::roles(&views)?)),
            _ => None,
        })
    };
    let (built, ()) = rayon::join(
        || ["documents", "errors", "mentions", "roles"].into_par_iter().map(table).collect::<Result<Vec<_>, _>>(),
        || {
            for (d, r) in batch.documents.iter().zip(&batch.results) {
                acc.add(d.date, &d.text, &r.mentions);
            }
        },
    );
    Ok(built?.into_iter().flatten().collect())
}

/// The corpus tables from every batch's partial tables: display names filled in, the entities
/// table added. Each table is a list of record batches, in load order.
pub fn finish(parts: Vec<Vec<(&'static str, RecordBatch)>>, acc: Accumulator, extracted: bool) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
    let rows = acc.finish();
    let names: rustc_hash::FxHashMap<&str, &str> = rows.iter().map(|r| (r.entity_id.as_str(), r.canonical.as_str())).collect();
    let mut by_name: Vec<(&'static str, Vec<RecordBatch>)> = vec![("documents", vec![]), ("errors", vec![])];
    if extracted {
        by_name.push(("mentions", vec![]));
        by_name.push(("roles", vec![]));
    }
    // Display names are filled in every record batch at once, in parallel (order is kept),
    // beside the entities table.
    let entities = || if extracted { tables::entities(&rows).map(Some) } else { Ok(None) };
    let fill = || -> Result<Vec<(&'static str, RecordBatch)>, ArrowError> {
        let all: Vec<(&'static str, RecordBatch)> = parts.into_iter().flatten().collect();
        all.into_par_iter()
            .map(|(name, b)| {
                let b = match name {
                    "mentions" => tables::with_names(&b, tables::MENTION_ENTITY_ID, tables::MENTION_CANONICAL, &names)?,
                    "roles" => tables::with_names(&b, tables::ROLE_PERSON_ID, tables::ROLE_PERSON, &names)?,
                    _ => b,
                };
                Ok((name, b))
            })
            .collect()
    };
    let (named, entities) = rayon::join(fill, entities);
    for (name, b) in named? {
        if let Some(slot) = by_name.iter_mut().find(|(n, _)| *n == name) {
            slot.1.push(b);
        }
    }
    if let Some(e) = entities? {
        by_name.push(("entities", vec![e]));
    }
    Ok(by_name)
}

/// The mentions, entities and roles tables of texts extracted in memory.
pub fn text_tables(doc_ids: &[String], texts: &[String], dates: &[Option<NaiveDate>], results: Vec<DocResult>) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
    let mut acc = Accumulator::default();
    let views: Vec<DocView> = (0..results.len()).map(|i| DocView { doc_id: &doc_ids[i], text: &texts[i], result: &results[i] }).collect();
    for (i, r) in results.iter().enumerate() {
        acc.add(dates[i], &texts[i], &r.mentions);
    }
    let part = vec![("mentions", tables::mentions(&views)?), ("roles", tables::roles(&views)?)];
    let tables = finish(vec![part], acc, true)?;
    Ok(tables.into_iter().filter(|(n, _)| !matches!(*n, "documents" | "errors")).collect())
}
