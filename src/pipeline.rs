//! Load and extract in one parallel pass (each task of files is read, cleaned and its entities
//! found on one thread, stage by stage over the task's documents: see `extract_many`), then
//! assemble the corpus tables: display names and the entities table need every document, so
//! they are computed once at the end.

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::decode::normalise_newlines;
use crate::discover::Input;
use crate::document::sha256_hex;
use crate::document::Document;
use crate::entities::Accumulator;
use crate::error::{Issue, IssueKind};
use crate::extract::{DocResult, Extractor};
use crate::ids::Ids;
use crate::loader::{self, LoadOptions, Meta};
use crate::numeric;
use crate::parallel::Cancel;
use crate::quotes::{self, Quote};
use crate::tables::{self, DocView, Zone};
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;

/// The documents of some inputs, their extraction results (when asked for) and problems, as Rust
/// values (the Python binding's `Load` turns them into Arrow tables as it goes, with `load_tables`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub results: Vec<DocResult>,
    /// The quotes of each document, beside `results`.
    pub quotes: Vec<Vec<Quote>>,
    /// Per document, the mentions of its title and captions (`LoadOptions::zones`), when extracted.
    pub zones: Vec<Vec<ZoneResult>>,
    pub issues: Vec<Issue>,
}

/// The extraction of one zone of a document besides its body: its title, or caption `index`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneResult {
    pub zone: Zone,
    pub index: u32,
    pub result: DocResult,
}

/// Extract the zones `zones` asks for of `doc` (none by default: an empty list, no allocation).
fn extract_zones(ex: &Extractor, doc: &Document, zones: loader::Zones) -> Vec<ZoneResult> {
    let mut out = Vec::new();
    if zones.title {
        if let Some(t) = &doc.title {
            out.push(ZoneResult { zone: Zone::Title, index: 0, result: ex.extract(t, doc.date) });
        }
    }
    if zones.caption {
        for (i, c) in doc.captions.iter().enumerate() {
            out.push(ZoneResult { zone: Zone::Caption, index: i as u32, result: ex.extract(c, doc.date) });
        }
    }
    out
}

impl ZoneResult {
    /// The text this zone's offsets index.
    fn text<'a>(&self, doc: &'a Document) -> &'a str {
        match self.zone {
            Zone::Title => doc.title.as_deref().unwrap_or_default(),
            Zone::Caption => doc.captions.get(self.index as usize).map_or("", String::as_str),
            Zone::Body => &doc.text,
        }
    }
}

/// Inputs per task of `load_tables`: a task loads, extracts and turns into Arrow its inputs while
/// they are hot in cache. Fixed, not derived from the thread count, so that the record batches
/// (not only the rows) are the same on any number of threads.
pub const INPUTS_PER_TASK: usize = 128;

/// A JSONL file with more records than this has them extracted in parallel.
const PARALLEL_RECORDS: usize = 16;

/// One input loaded, and extracted with `extractor`.
fn load_input(input: &Input, opts: &LoadOptions, extractor: Option<&Extractor>) -> Loaded {
    let loaded = loader::load_one(input, opts);
    let mut batch = Loaded { documents: loaded.documents, issues: loaded.issues, ..Loaded::default() };
    if let Some(ex) = extractor {
        extract_batch(&mut batch, opts, ex, &Cancel::default());
    }
    batch
}

/// Extract the documents of `batch` (their bodies, and the other zones `opts` asks for); their
/// quotes come later (`read_quotes`).
fn extract_batch(batch: &mut Loaded, opts: &LoadOptions, ex: &Extractor, cancel: &Cancel) {
    let bodies: Vec<(&str, Option<NaiveDate>)> = batch.documents.iter().map(|d| (d.text.as_str(), d.date)).collect();
    batch.results = extract_many(ex, &bodies, cancel);
    if opts.zones.title || opts.zones.caption {
        batch.zones = batch
            .documents
            .par_iter()
            .with_min_len(PARALLEL_RECORDS)
            .map(|d| if cancel.is_set() { Vec::new() } else { extract_zones(ex, d, opts.zones) })
            .collect();
    }
    for (d, r) in batch.documents.iter_mut().zip(&batch.results) {
        d.n_sentences = r.n_sentences;
    }
}

/// The extraction of each (text, date), in order: the dates and figures of all of them first,
/// then the rest of each. Interleaved per text, the numeric rules' automaton and the name
/// finder's tables evicted each other from the core's caches: on the 53 MB corpus, extraction
/// took 1.65-1.75 s one document after another and 1.53-1.59 s this way (one thread).
/// In parallel where there are many (a JSONL file of many records; a task of `load_tables`
/// stays on one thread unless another is idle).
/// Once `cancel` is set, the texts not yet started are left empty (the caller discards them).
fn extract_many(ex: &Extractor, docs: &[(&str, Option<NaiveDate>)], cancel: &Cancel) -> Vec<DocResult> {
    let numbers: Vec<Vec<numeric::NumericSpan>> = docs
        .par_iter()
        .with_min_len(PARALLEL_RECORDS)
        .map(|&(text, date)| if cancel.is_set() { Vec::new() } else { numeric::find_numeric(text, date) })
        .collect();
    docs.par_iter()
        .zip(numbers)
        .with_min_len(PARALLEL_RECORDS)
        .map(|(&(text, _), found)| if cancel.is_set() { DocResult::default() } else { ex.extract_with_numbers(text, found) })
        .collect()
}

/// The quotes of every extracted document of `batch`, read once all of them are extracted. Read
/// after each document's own extraction, the two passes evicted each other's tables from the
/// core's caches: profiled on the 53 MB corpus, the gazetteer scan and the numeric automaton ran
/// 13-22% slower beside the quotes pass, which made up about half of what quotes cost a load.
/// In parallel where a batch is one file of many records (a JSONL file).
fn read_quotes(batch: &mut Loaded) {
    batch.quotes = batch.documents.par_iter().zip(&batch.results).with_min_len(INPUTS_PER_TASK).map(|(d, r)| quotes::of_document(&d.text, r)).collect();
}

fn extraction_options(opts: &LoadOptions, extractor: Option<&Extractor>) -> LoadOptions {
    LoadOptions { count_sentences: extractor.is_none() && opts.count_sentences, ..opts.clone() }
}

/// Load `inputs` (and extract, with `extractor`) on the current rayon pool, in input order, as
/// Rust values: for Rust callers and the profiling tools in `bench/` (`cc.load` builds Arrow
/// tables as it goes, with `load_tables`, so that a document's values do not outlive its task).
pub fn load_and_extract(inputs: &[Input], opts: &LoadOptions, extractor: Option<&Extractor>) -> Loaded {
    let opts = extraction_options(opts, extractor);
    let parts: Vec<Loaded> = inputs.par_iter().map(|input| load_input(input, &opts, extractor)).collect();
    let mut out = Loaded::default();
    for p in parts {
        out.append(p);
    }
    if opts.quotes {
        read_quotes(&mut out);
    }
    out
}

impl Loaded {
    fn append(&mut self, other: Loaded) {
        self.documents.extend(other.documents);
        self.results.extend(other.results);
        self.quotes.extend(other.quotes);
        self.zones.extend(other.zones);
        self.issues.extend(other.issues);
    }
}

/// The tables of some record batches, by table name.
pub type Tables = Vec<(&'static str, RecordBatch)>;

/// Load `inputs` (and extract, with `extractor`) straight into Arrow tables, counting entities
/// into `acc` and giving each document an id that `ids` has not given yet. Each task of
/// `INPUTS_PER_TASK` inputs builds its own record batches and entity counts, so the Rust values
/// of a document live only as long as its task, and building the tables is spread over every
/// thread; the counts are merged and the ids made unique in input order.
/// Once `cancel` is set, the inputs not yet started are skipped (the caller discards the tables).
pub fn load_tables(
    inputs: &[Input],
    opts: &LoadOptions,
    extractor: Option<&Extractor>,
    acc: &mut Accumulator,
    ids: &mut Ids,
    cancel: &Cancel,
) -> Result<Tables, ArrowError> {
    let opts = extraction_options(opts, extractor);
    let parts: Vec<(Tables, Accumulator, Vec<DocRows>)> = inputs
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let mut batch = Loaded::default();
            // Read and cleaned first, then extracted as a batch (`extract_many`).
            for input in chunk.iter().take_while(|_| !cancel.is_set()) {
                batch.append(load_input(input, &opts, None));
            }
            if let Some(ex) = extractor {
                extract_batch(&mut batch, &opts, ex, cancel);
                if opts.quotes {
                    read_quotes(&mut batch);
                }
            }
            let mut counted = Accumulator::default();
            let tables = batch_tables(&batch, extractor.is_some(), &mut counted, opts.batch_bytes)?;
            Ok::<_, ArrowError>((tables, counted, DocRows::of(&batch)))
        })
        .collect::<Result<_, _>>()?;
    let mut tables = Tables::new();
    for (t, counted, docs) in parts {
        tables.extend(unique_ids(t, &docs, ids)?);
        acc.merge(counted);
    }
    Ok(tables)
}

/// What renaming a document's rows needs: its id, where it came from, and its rows in the
/// mentions, roles and quotes tables.
struct DocRows {
    doc_id: String,
    path: String,
    mentions: usize,
    roles: usize,
    quotes: usize,
}

impl DocRows {
    fn of(batch: &Loaded) -> Vec<DocRows> {
        let zone_mentions = |i: usize| batch.zones.get(i).map_or(0, |z| z.iter().map(|z| z.result.mentions.len()).sum::<usize>());
        let counts = |i: usize| batch.results.get(i).map_or((0, 0), |r| (r.mentions.len() + zone_mentions(i), r.roles.len()));
        let quotes = |i: usize| batch.quotes.get(i).map_or(0, Vec::len);
        batch
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocRows { doc_id: d.doc_id.clone(), path: d.path.clone(), mentions: counts(i).0, roles: counts(i).1, quotes: quotes(i) })
            .collect()
    }
}

/// One task's tables with each document's id claimed in `ids`. Ids are rarely taken, so the
/// tables are rebuilt only then: `doc_id` (column 0 of documents, mentions, roles and quotes) is
/// rewritten and a `duplicate_id` row added per renamed document.
fn unique_ids(tables: Tables, docs: &[DocRows], ids: &mut Ids) -> Result<Tables, ArrowError> {
    let mut renamed = Vec::new();
    let given: Vec<String> = docs
        .iter()
        .map(|d| {
            let id = ids.claim(&d.doc_id, None);
            if id != d.doc_id {
                let msg = format!("doc_id {:?} is taken by an earlier input: loaded as {id:?}", d.doc_id);
                renamed.push(Issue::new(d.path.clone(), IssueKind::DuplicateId, msg, true));
            }
            id
        })
        .collect();
    if renamed.is_empty() {
        return Ok(tables);
    }
    // Each table's rows in order, as the ids they take (documents: one row per document).
    let rows_of =
        |rows: fn(&DocRows) -> usize| -> Vec<&str> { docs.iter().zip(&given).flat_map(|(d, id)| std::iter::repeat_n(id.as_str(), rows(d))).collect() };
    let mut renaming: [(&str, Vec<&str>, usize); 4] =
        [("documents", rows_of(|_| 1), 0), ("mentions", rows_of(|d| d.mentions), 0), ("roles", rows_of(|d| d.roles), 0), ("quotes", rows_of(|d| d.quotes), 0)];
    let mut out = Tables::new();
    for (name, b) in tables {
        let Some((_, rows, at)) = renaming.iter_mut().find(|(n, _, _)| *n == name) else {
            out.push((name, b));
            continue;
        };
        let mut cols = b.columns().to_vec();
        cols[0] = tables::strings(rows[*at..*at + b.num_rows()].iter().map(|s| Some(*s)));
        *at += b.num_rows();
        out.push((name, RecordBatch::try_new(b.schema(), cols)?));
    }
    out.push(("errors", tables::errors(&renamed)?));
    Ok(out)
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

/// The non-empty tables of one batch (display names still empty), its entities counted into
/// `acc`, each table cut into record batches of at most `limit` bytes.
fn batch_tables(batch: &Loaded, extracted: bool, acc: &mut Accumulator, limit: usize) -> Result<Tables, ArrowError> {
    let mut out = Tables::new();
    for rows in tables::cut(batch.documents.iter().map(tables::document_bytes), limit) {
        out.push(("documents", tables::documents(&batch.documents[rows])?));
    }
    if !batch.issues.is_empty() {
        out.push(("errors", tables::errors(&batch.issues)?));
    }
    if extracted {
        let mut views = Vec::with_capacity(batch.documents.len());
        let mut dates = Vec::with_capacity(batch.documents.len());
        for (i, (d, r)) in batch.documents.iter().zip(&batch.results).enumerate() {
            views.push(DocView::new(&d.doc_id, &d.text, r, batch.quotes.get(i).map_or(&[][..], Vec::as_slice)));
            dates.push(d.date);
            // Quotes are read in the body only: a title or caption view has none.
            for z in batch.zones.get(i).map_or(&[][..], Vec::as_slice) {
                views.push(DocView { zone: z.zone, zone_index: z.index, ..DocView::new(&d.doc_id, z.text(d), &z.result, &[]) });
                dates.push(d.date);
            }
        }
        out.extend(mention_tables(&views, dates.into_iter(), acc, limit)?);
    }
    Ok(out)
}

/// The non-empty mentions, roles and quotes tables of some documents (`dates` in the same order),
/// cut by size, their entities counted into `acc`.
fn mention_tables(views: &[DocView], dates: impl Iterator<Item = Option<NaiveDate>>, acc: &mut Accumulator, limit: usize) -> Result<Tables, ArrowError> {
    for (v, date) in views.iter().zip(dates) {
        if v.zone == Zone::Body {
            acc.add(date, v.text, v.mentions);
        } else {
            acc.add_to_last(date, v.text, v.mentions);
        }
    }
    let mut out = Tables::new();
    let mention_rows = |v: &DocView| v.mentions.iter().map(|m| tables::mention_bytes(v.doc_id, m)).collect::<Vec<_>>();
    for part in pieces(views, mention_rows, limit, |v, r| DocView { mentions: &v.mentions[r], roles: &[], quotes: &[], ..*v }) {
        out.push(("mentions", tables::mentions(&part)?));
    }
    let role_rows = |v: &DocView| v.roles.iter().map(|r| tables::role_bytes(v.doc_id, r)).collect::<Vec<_>>();
    for part in pieces(views, role_rows, limit, |v, r| DocView { roles: &v.roles[r], mentions: &[], quotes: &[], ..*v }) {
        out.push(("roles", tables::roles(&part)?));
    }
    let quote_rows = |v: &DocView| v.quotes.iter().map(|q| tables::quote_bytes(v.doc_id, v.text, q)).collect::<Vec<_>>();
    for part in pieces(views, quote_rows, limit, |v, r| DocView { quotes: &v.quotes[r], mentions: &[], roles: &[], ..*v }) {
        out.push(("quotes", tables::quotes(&part)?));
    }
    Ok(out)
}

/// The documents' rows of one table (sized by `rows`) in groups of at most `limit` bytes; a
/// document whose rows do not fit is split across groups (`restrict` keeps a range of them).
fn pieces<'a>(
    views: &[DocView<'a>],
    rows: impl Fn(&DocView<'a>) -> Vec<usize>,
    limit: usize,
    restrict: impl Fn(&DocView<'a>, std::ops::Range<usize>) -> DocView<'a>,
) -> Vec<Vec<DocView<'a>>> {
    let sizes: Vec<Vec<usize>> = views.iter().map(&rows).collect();
    // Rows are numbered across documents; each cut range is mapped back to (document, rows).
    let starts: Vec<usize> = sizes.iter().scan(0, |n, s| Some(std::mem::replace(n, *n + s.len()))).collect();
    tables::cut(sizes.iter().flatten().copied(), limit)
        .into_iter()
        .map(|range| {
            views
                .iter()
                .zip(&starts)
                .zip(&sizes)
                .filter_map(|((v, &s), sz)| {
                    let (lo, hi) = (range.start.max(s), range.end.min(s + sz.len()));
                    (lo < hi).then(|| restrict(v, lo - s..hi - s))
                })
                .collect()
        })
        .collect()
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
        let named: Vec<Vec<(&'static str, RecordBatch)>> = all
            .into_par_iter()
            .map(|(name, b)| {
                let bs = match name {
                    "mentions" => tables::with_names(&b, tables::MENTION_ENTITY_ID, tables::MENTION_CANONICAL, &names, tables::BATCH_BYTES)?,
                    "roles" => tables::with_names(&b, tables::ROLE_PERSON_ID, tables::ROLE_PERSON, &names, tables::BATCH_BYTES)?,
                    "quotes" => tables::with_names(&b, tables::QUOTE_SPEAKER_ID, tables::QUOTE_SPEAKER, &names, tables::BATCH_BYTES)?,
                    _ => vec![b],
                };
                Ok(bs.into_iter().map(|b| (name, b)).collect())
            })
            .collect::<Result<_, ArrowError>>()?;
        Ok(named.into_iter().flatten().collect())
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
/// Once `cancel` is set, the texts not yet started are left empty (the caller discards the tables).
pub fn text_tables(
    doc_ids: &[String],
    texts: &[String],
    dates: &[Option<NaiveDate>],
    extractor: &Extractor,
    cancel: &Cancel,
) -> Result<Vec<(&'static str, Vec<RecordBatch>)>, ArrowError> {
    let order: Vec<usize> = (0..texts.len()).collect();
    let parts: Vec<(Tables, Accumulator)> = order
        .par_chunks(INPUTS_PER_TASK)
        .map(|chunk| {
            let results = extract_many(extractor, &chunk.iter().map(|&i| (texts[i].as_str(), dates[i])).collect::<Vec<_>>(), cancel);
            let quotes: Vec<Vec<Quote>> = chunk.iter().zip(&results).map(|(&i, r)| quotes::of_document(&texts[i], r)).collect();
            let views: Vec<DocView> = chunk.iter().zip(&results).zip(&quotes).map(|((&i, r), q)| DocView::new(&doc_ids[i], &texts[i], r, q)).collect();
            let mut counted = Accumulator::default();
            let tables = mention_tables(&views, chunk.iter().map(|&i| dates[i]), &mut counted, tables::BATCH_BYTES)?;
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
            let mut batch = Loaded::default();
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
                batch.documents.push(loader::from_text(id.clone(), path, &text, sha, r.meta.clone(), count_sentences));
            }
            if let Some(ex) = extractor {
                extract_batch(&mut batch, &LoadOptions::default(), ex, &Cancel::default());
                read_quotes(&mut batch);
            }
            let mut counted = Accumulator::default();
            let tables = batch_tables(&batch, extractor.is_some(), &mut counted, tables::BATCH_BYTES)?;
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
    use crate::discover::discover;
    use arrow_array::{Array, StringArray};

    fn column<'a>(tables: &'a Tables, name: &str, col: usize) -> Vec<&'a str> {
        let batches = tables.iter().filter(|(n, _)| *n == name);
        batches.flat_map(|(_, b)| b.column(col).as_any().downcast_ref::<StringArray>().expect("strings").iter().map(Option::unwrap_or_default)).collect()
    }

    #[test]
    fn doc_ids_are_unique_and_mentions_follow_their_document() {
        let d = std::env::temp_dir().join(format!("cc-pipeline-ids-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a.txt"), "Hanoi.").unwrap();
        std::fs::write(d.join("a.TXT"), "Hue and Hanoi.").unwrap();
        std::fs::write(d.join("a.text"), "Hue, Hanoi and Da Nang. Tô Lâm said the talks were useful.").unwrap();
        std::fs::write(d.join("b.jsonl"), "{\"id\": \"a\", \"text\": \"Vietnam.\"}\n").unwrap();
        let (inputs, _) = discover(&[d.to_string_lossy().into_owned()], None, &|| false).unwrap();
        let (ex, mut acc, mut ids) = (Extractor::default(), Accumulator::default(), Ids::default());
        // One input per call, as slices of a load: ids stay unique across calls.
        let mut tables = Tables::new();
        for one in inputs.chunks(1) {
            tables.extend(load_tables(one, &LoadOptions::default(), Some(&ex), &mut acc, &mut ids, &Cancel::default()).unwrap());
        }
        assert_eq!(column(&tables, "documents", 0), ["a", "a#2", "a#3", "a#4"]);
        // a.TXT, a.text, a.txt in path order, then the JSONL record: 2, 3, 1 and 1 places.
        let texts = column(&tables, "documents", 7);
        assert_eq!(texts[..2], ["Hue and Hanoi.", "Hue, Hanoi and Da Nang. Tô Lâm said the talks were useful."]);
        assert_eq!(column(&tables, "mentions", 0), ["a", "a", "a#2", "a#2", "a#2", "a#2", "a#3", "a#4"]);
        assert_eq!(column(&tables, "mentions", 4), ["Hue", "Hanoi", "Hue", "Hanoi", "Da Nang", "Tô Lâm", "Hanoi", "Vietnam"]);
        // The quote of a.text follows its renamed document.
        assert_eq!(column(&tables, "quotes", 0), ["a#2"]);
        assert_eq!(column(&tables, "quotes", 4), ["the talks were useful"]);
        let kinds = column(&tables, "errors", 1);
        assert_eq!(kinds, ["duplicate_id"; 3]);
    }

    #[test]
    fn tables_are_cut_by_size_and_hold_the_same_rows() {
        let d = std::env::temp_dir().join(format!("cc-pipeline-cut-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        for i in 0..6 {
            std::fs::write(d.join(format!("{i}.txt")), "Tô Lâm met Lao leaders in Hanoi and Hue. The talks were useful, he said. ".repeat(i + 1)).unwrap();
        }
        let (inputs, _) = discover(&[d.to_string_lossy().into_owned()], None, &|| false).unwrap();
        let ex = Extractor::default();
        let run = |limit: usize| {
            let opts = LoadOptions { batch_bytes: limit, ..Default::default() };
            let mut acc = Accumulator::default();
            let parts = load_tables(&inputs, &opts, Some(&ex), &mut acc, &mut Ids::default(), &Cancel::default()).unwrap();
            finish(vec![parts], acc, true).unwrap()
        };
        let (whole, cut) = (run(tables::BATCH_BYTES), run(300));
        for ((name, a), (_, b)) in whole.iter().zip(&cut) {
            let rows = |bs: &[RecordBatch]| string_rows(bs);
            assert_eq!(rows(a), rows(b), "{name}");
            if matches!(*name, "documents" | "mentions" | "quotes") {
                assert!(b.len() > a.len(), "{name}: {} batches", b.len());
                for batch in b.iter().filter(|b| b.num_rows() > 1) {
                    let bytes: usize =
                        batch.columns().iter().filter_map(|c| c.as_any().downcast_ref::<StringArray>()).map(|c| c.value_data().len()).max().unwrap_or(0);
                    assert!(bytes <= 300, "{name}: a column of {bytes} bytes");
                }
            }
        }
    }

    /// Every string cell of some record batches, row by row.
    fn string_rows(batches: &[RecordBatch]) -> Vec<Vec<String>> {
        batches
            .iter()
            .flat_map(|b| {
                (0..b.num_rows())
                    .map(move |r| b.columns().iter().filter_map(|c| c.as_any().downcast_ref::<StringArray>()).map(|c| c.value(r).to_owned()).collect())
            })
            .collect()
    }

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

    #[test]
    fn values_and_tables_agree_on_any_number_of_threads() {
        let d = std::env::temp_dir().join(format!("cc-pipeline-values-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a.txt"), "Tô Lâm met Lao leaders in Hà Nội on January 7, 2026.").unwrap();
        std::fs::write(d.join("b.txt"), "").unwrap();
        std::fs::write(d.join("c.txt"), "Prime Minister Phạm Minh Chính visited Huế. He spent 3 days there.").unwrap();
        let (inputs, _) = discover(&[d.to_string_lossy().into_owned()], None, &|| false).unwrap();
        let ex = Extractor::default();
        let run = |threads| crate::parallel::install(threads, || load_and_extract(&inputs, &LoadOptions::default(), Some(&ex))).unwrap();
        let (one, two) = (run(1), run(2));
        assert_eq!(one, two);
        assert_eq!(one.documents.len(), 2, "the empty file is an issue, not a document");
        assert_eq!(one.issues.iter().map(|i| i.kind).collect::<Vec<_>>(), [IssueKind::Empty]);
        assert_eq!(one.results.len(), one.documents.len());
        // The same texts in memory give the same mentions, in the same order.
        let ids: Vec<String> = one.documents.iter().map(|d| d.doc_id.clone()).collect();
        let texts: Vec<String> = one.documents.iter().map(|d| d.text.clone()).collect();
        let dates: Vec<_> = one.documents.iter().map(|d| d.date).collect();
        let tables = text_tables(&ids, &texts, &dates, &ex, &Cancel::default()).unwrap();
        let mentions: Tables = tables.into_iter().filter(|(n, _)| *n == "mentions").flat_map(|(n, bs)| bs.into_iter().map(move |b| (n, b))).collect();
        let want: Vec<&str> = one.documents.iter().zip(&one.results).flat_map(|(d, r)| r.mentions.iter().map(|m| m.text(&d.text))).collect();
        assert!(want.contains(&"Tô Lâm") && want.contains(&"Huế"), "{want:?}");
        assert_eq!(column(&mentions, "mentions", 4), want);
    }
}
