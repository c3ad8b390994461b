//! Load and extract in one parallel pass (each file is read, cleaned and its entities found on
//! the same thread, while it is hot in cache), then assemble the corpus tables: display names and
//! the entities table need every document, so they are computed once at the end.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::discover::Input;
use crate::document::Document;
use crate::entities::Accumulator;
use crate::decode::normalise_newlines;
use crate::document::sha256_hex;
use crate::error::{Issue, IssueKind};
use crate::extract::{DocResult, Extractor};
use crate::loader::{self, LoadOptions, Meta};
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

/// Inputs per task of `load_tables`: a task loads, extracts and turns into Arrow its inputs while
/// they are hot in cache. Fixed, not derived from the thread count, so that the record batches
/// (not only the rows) are the same on any number of threads.
pub const INPUTS_PER_TASK: usize = 128;

/// A JSONL file with more records than this has them extracted in parallel.
const PARALLEL_RECORDS: usize = 16;

/// One input loaded, and extracted with `extractor`.
fn load_input(input: &Input, opts: &LoadOptions, extractor: Option<&Extractor>) -> Batch {
    let mut loaded = loader::load_one(input, opts);
    let results: Vec<DocResult> = match extractor {
        Some(ex) if loaded.documents.len() > PARALLEL_RECORDS => loaded.documents.par_iter().map(|d| ex.extract(&d.text, d.date)).collect(),
        Some(ex) => loaded.documents.iter().map(|d| ex.extract(&d.text, d.date)).collect(),
        None => Vec::new(),
    };
    for (d, r) in loaded.documents.iter_mut().zip(&results) {
        d.n_sentences = r.n_sentences;
    }
    Batch { documents: loaded.documents, results, issues: loaded.issues }
}

fn extraction_options(opts: &LoadOptions, extractor: Option<&Extractor>) -> LoadOptions {
    LoadOptions { count_sentences: extractor.is_none() && opts.count_sentences, ..*opts }
}

/// Load `inputs` (and extract, with `extractor`) on the current rayon pool, in input order.
pub fn load_and_extract(inputs: &[Input], opts: &LoadOptions, extractor: Option<&Extractor>) -> Batch {
    let opts = extraction_options(opts, extractor);
    let parts: Vec<Batch> = inputs.par_iter().map(|input| load_input(input, &opts, extractor)).collect();
    let mut out = Batch::default();
    for p in parts {
        out.append(p);
    }
    out
}

impl Batch {
    fn append(&mut self, other: Batch) {
        self.documents.extend(other.documents);
        self.results.extend(other.results);
        self.issues.extend(other.issues);
    }
}

/// The tables of some record batches, by table name.
pub type Tables = Vec<(&'static str, RecordBatch)>;

/// Load `inputs` (and extract, with `extractor`) straight into Arrow tables, counting entities
/// into `acc`. Each task of `INPUTS_PER_TASK` inputs builds its own record batches and entity
/// counts, so the Rust values of a document live only as long as its task, and building the
/// tables is spread over every thread; the counts are merged in input order.
pub fn load_tables(inputs: &[Input], opts: &LoadOptions, extractor: Option<&Extractor>, acc: &mut Accumulator) -> Result<Tables, ArrowError> {
    let opts = extraction_options(opts, extractor);
    let parts: Vec<(Tables, Accumulator)> = inputs
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let mut batch = Batch::default();
            for input in chunk {
                batch.append(load_input(input, &opts, extractor));
            }
            let mut counted = Accumulator::default();
            let tables = batch_tables(&batch, extractor.is_some(), &mut counted)?;
            Ok::<_, ArrowError>((tables, counted))
        })
        .collect::<Result<_, _>>()?;
    Ok(in_order(parts, acc))
}

/// The tasks' record batches in input order, their entity counts merged into `acc`. Each task's
/// counts go straight into `acc`: profiled, merging them pairwise up rayon's reduce tree merged
/// every entity once per level and rehashed every level's maps, which cost more than counting.
fn in_order(parts: Vec<(Tables, Accumulator)>, acc: &mut Accumulator) -> Tables {
    let mut tables = Tables::new();
    for (t, counted) in parts {
        tables.extend(t);
        acc.merge(counted);
    }
    tables
}

/// The non-empty tables of one batch (display names still empty), its entities counted into `acc`.
fn batch_tables(batch: &Batch, extracted: bool, acc: &mut Accumulator) -> Result<Tables, ArrowError> {
    let mut out = Tables::new();
    if !batch.documents.is_empty() {
        out.push(("documents", tables::documents(&batch.documents)?));
    }
    if !batch.issues.is_empty() {
        out.push(("errors", tables::errors(&batch.issues)?));
    }
    if extracted {
        let views: Vec<DocView> = batch.documents.iter().zip(&batch.results).map(|(d, r)| DocView { doc_id: &d.doc_id, text: &d.text, result: r }).collect();
        out.extend(mention_tables(&views, batch.documents.iter().map(|d| d.date), acc)?);
    }
    Ok(out)
}

/// The non-empty mentions and roles tables of some documents (`dates` in the same order),
/// their entities counted into `acc`.
fn mention_tables(views: &[DocView], dates: impl Iterator<Item = Option<NaiveDate>>, acc: &mut Accumulator) -> Result<Tables, ArrowError> {
    for (v, date) in views.iter().zip(dates) {
        acc.add(date, v.text, &v.result.mentions);
    }
    let mut out = Tables::new();
    for (name, b) in [("mentions", tables::mentions(views)?), ("roles", tables::roles(views)?)] {
        if b.num_rows() > 0 {
            out.push((name, b));
        }
    }
    Ok(out)
}

/// The corpus tables from every batch's partial tables: display names filled in, the entities
/// table added. Each table is a list of record batches, in load order.
pub fn finish(parts: Vec<Tables>, acc: Accumulator, extracted: bool) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
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

/// The mentions, entities and roles tables of texts in memory, extracted in parallel: like
/// `load_tables`, each task extracts `INPUTS_PER_TASK` texts and builds their record batches.
pub fn text_tables(doc_ids: &[String], texts: &[String], dates: &[Option<NaiveDate>], extractor: &Extractor) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
    let order: Vec<usize> = (0..texts.len()).collect();
    let parts: Vec<(Tables, Accumulator)> = order
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let results: Vec<DocResult> = chunk.iter().map(|&i| extractor.extract(&texts[i], dates[i])).collect();
            let views: Vec<DocView> = chunk.iter().zip(&results).map(|(&i, r)| DocView { doc_id: &doc_ids[i], text: &texts[i], result: r }).collect();
            let mut counted = Accumulator::default();
            let tables = mention_tables(&views, chunk.iter().map(|&i| dates[i]), &mut counted)?;
            Ok::<_, ArrowError>((tables, counted))
        })
        .collect::<Result<_, _>>()?;
    let mut acc = Accumulator::default();
    let parts = in_order(parts, &mut acc);
    let tables = finish(vec![parts], acc, true)?;
    Ok(tables.into_iter().filter(|(n, _)| !matches!(*n, "documents" | "errors")).collect())
}

/// An article held in memory (a DataFrame row): its id, its raw text (None when missing) and the
/// metadata given beside it, which wins over what the cleaner finds, as in JSONL.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub doc_id: String,
    pub text: Option<String>,
    pub meta: Meta,
}

/// Load and extract articles held in memory exactly as `load_tables` does files: each text is
/// cleaned by `loader::from_text` (title, date marker, dateline, credit, captions), so a text gives
/// the same rows whether it comes from a `.txt` file or a DataFrame. Rows are named
/// `{source}#{i}` (`i` the 0-based position) in `path`. Missing or blank texts are error rows;
/// a repeated id is kept apart as `{id}#{i}` with a `duplicate_id` row, as JSONL ids are.
pub fn record_tables(source: &str, records: Vec<Record>, extractor: Option<&Extractor>, acc: &mut Accumulator) -> Result<Tables, ArrowError> {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut ids = Vec::with_capacity(records.len());
    let mut issues = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let mut id = r.doc_id.clone();
        if !seen.insert(id.clone()) {
            let mut k = i;
            while !seen.insert(format!("{}#{k}", r.doc_id)) {
                k += records.len();
            }
            id = format!("{}#{k}", r.doc_id);
            issues.push(Issue::new(format!("{source}#{i}"), IssueKind::DuplicateId, format!("id {:?} already used: loaded as {id:?}", r.doc_id), true));
        }
        ids.push(id);
    }
    let count_sentences = extractor.is_none();
    let rows: Vec<(usize, Record, String)> = records.into_iter().zip(ids).enumerate().map(|(i, (r, id))| (i, r, id)).collect();
    let parts: Vec<(Tables, Accumulator)> = rows
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let mut batch = Batch::default();
            for (i, r, id) in chunk {
                let path = format!("{source}#{i}");
                let text = match r.text.as_deref() {
                    None => {
                        batch.issues.push(Issue::new(path, IssueKind::MissingText, "the text is missing (null)", false));
                        continue;
                    }
                    Some(t) => normalise_newlines(t),
                };
                if text.trim().is_empty() {
                    batch.issues.push(Issue::new(path, IssueKind::Empty, "the text is empty or only whitespace", false));
                    continue;
                }
                let sha = sha256_hex(r.text.as_deref().unwrap_or_default().as_bytes());
                let mut doc = loader::from_text(id.clone(), path, &text, sha, r.meta.clone(), count_sentences);
                if let Some(ex) = extractor {
                    let result = ex.extract(&doc.text, doc.date);
                    doc.n_sentences = result.n_sentences;
                    batch.results.push(result);
                }
                batch.documents.push(doc);
            }
            let mut counted = Accumulator::default();
            let tables = batch_tables(&batch, extractor.is_some(), &mut counted)?;
            Ok::<_, ArrowError>((tables, counted))
        })
        .collect::<Result<_, _>>()?;
    let mut out = Tables::new();
    if !issues.is_empty() {
        out.push(("errors", tables::errors(&issues)?));
    }
    out.extend(in_order(parts, acc));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(tables: &Tables, name: &str) -> usize {
        tables.iter().filter(|(n, _)| *n == name).map(|(_, b)| b.num_rows()).sum()
    }

    #[test]
    fn records_are_cleaned_like_files_and_bad_rows_are_errors() {
        let rec = |id: &str, text: Option<&str>| Record { doc_id: id.into(), text: text.map(Into::into), meta: Meta::default() };
        let records = vec![
            rec("a", Some("Party congress opens\n\nHÀ NỘI — Tô Lâm spoke in Hà Nội on Monday.")),
            rec("a", Some("Lê Hoài Trung met Lao leaders.")),
            rec("b", None),
            rec("c", Some("  \n ")),
        ];
        let mut acc = Accumulator::default();
        let t = record_tables("df", records, Some(&Extractor::default()), &mut acc).unwrap();
        assert_eq!(rows(&t, "documents"), 2);
        assert_eq!(rows(&t, "errors"), 3);
        let docs = &t.iter().find(|(n, _)| *n == "documents").unwrap().1;
        let ids = docs.column(0).as_any().downcast_ref::<arrow_array::StringArray>().unwrap();
        assert_eq!((ids.value(0), ids.value(1)), ("a", "a#1"));
        let text = docs.column(docs.schema().index_of("text").unwrap()).as_any().downcast_ref::<arrow_array::StringArray>().unwrap().value(0).to_owned();
        assert!(text.starts_with("Tô Lâm"), "headline and dateline are cleaned off: {text:?}");
        assert!(rows(&t, "mentions") >= 4);
    }
}
