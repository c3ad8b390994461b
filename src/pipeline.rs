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
use crate::quotes::{self, Quote};
use crate::tables::{self, DocView};
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

/// The documents of some inputs, their extraction results (when asked for) and problems.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub results: Vec<DocResult>,
    /// The quotes of each document, beside `results`.
    pub quotes: Vec<Vec<Quote>>,
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
    let read = |d: &Document| {
        let r = ex_extract(extractor, d);
        let q = quotes::of_document(&d.text, &r);
        (r, q)
    };
    let (results, quotes): (Vec<DocResult>, Vec<Vec<Quote>>) = match extractor {
        Some(_) if loaded.documents.len() > PARALLEL_RECORDS => loaded.documents.par_iter().map(read).unzip(),
        Some(_) => loaded.documents.iter().map(read).unzip(),
        None => (Vec::new(), Vec::new()),
    };
    for (d, r) in loaded.documents.iter_mut().zip(&results) {
        d.n_sentences = r.n_sentences;
    }
    Batch { documents: loaded.documents, results, quotes, issues: loaded.issues }
}

fn ex_extract(extractor: Option<&Extractor>, d: &Document) -> DocResult {
    extractor.map_or_else(DocResult::default, |ex| ex.extract(&d.text, d.date))
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
        self.quotes.extend(other.quotes);
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
        let views: Vec<DocView> = batch.documents.iter().zip(&batch.results).zip(&batch.quotes).map(|((d, r), q)| DocView { doc_id: &d.doc_id, text: &d.text, result: r, quotes: q }).collect();
        out.extend(mention_tables(&views, batch.documents.iter().map(|d| d.date), acc)?);
    }
    Ok(out)
}

/// The non-empty mentions, roles and quotes tables of some documents (`dates` in the same order),
/// their entities counted into `acc`.
fn mention_tables(views: &[DocView], dates: impl Iterator<Item = Option<NaiveDate>>, acc: &mut Accumulator) -> Result<Tables, ArrowError> {
    for (v, date) in views.iter().zip(dates) {
        acc.add(date, v.text, &v.result.mentions);
    }
    let mut out = Tables::new();
    for (name, b) in [("mentions", tables::mentions(views)?), ("roles", tables::roles(views)?), ("quotes", tables::quotes(views)?)] {
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
        by_name.push(("quotes", vec![]));
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
                    "quotes" => tables::with_names(&b, tables::QUOTE_SPEAKER_ID, tables::QUOTE_SPEAKER, &names)?,
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

/// The mentions, entities, roles and quotes tables of texts in memory, extracted in parallel: like
/// `load_tables`, each task extracts `INPUTS_PER_TASK` texts and builds their record batches.
pub fn text_tables(doc_ids: &[String], texts: &[String], dates: &[Option<NaiveDate>], extractor: &Extractor) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
    let order: Vec<usize> = (0..texts.len()).collect();
    let parts: Vec<(Tables, Accumulator)> = order
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let results: Vec<DocResult> = chunk.iter().map(|&i| extractor.extract(&texts[i], dates[i])).collect();
            let quotes: Vec<Vec<Quote>> = chunk.iter().zip(&results).map(|(&i, r)| quotes::of_document(&texts[i], r)).collect();
            let views: Vec<DocView> = chunk.iter().zip(&results).zip(&quotes).map(|((&i, r), q)| DocView { doc_id: &doc_ids[i], text: &texts[i], result: r, quotes: q }).collect();
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
