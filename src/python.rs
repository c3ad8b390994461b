//! The Python binding: converts arguments into core values, releases the GIL while the core
//! works, and hands tables back as Arrow (`ArrowTable`, read through `__arrow_c_stream__`) that
//! the Python package turns into DataFrames; a few small results (KWIC hits, co-occurrence codes)
//! are plain lists. No logic lives here.

use std::sync::Mutex;

use arrow_array::ffi_stream::{ArrowArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{RecordBatch, RecordBatchIterator, RecordBatchReader};
use pyo3::exceptions::{PyFileNotFoundError, PyKeyboardInterrupt, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};

use crate::discover::Input;
use crate::entities::{Accumulator, MentionRow, Partial};
use crate::error::{Error, Issue};
use crate::extract::Extractor;
use crate::ids::Ids;
use crate::label::Label;
use crate::loader::{self, LoadOptions};
use crate::parallel::{self, Cancel};
use crate::patterns;
use crate::pipeline;
use crate::tables;

/// A table held in Rust as an Arrow record batch. pandas (`DataFrame.from_arrow`), pyarrow
/// (`pa.table`), polars (`pl.DataFrame`) and DuckDB read it through `__arrow_c_stream__`.
#[pyclass(module = "congress_corpus._core", frozen)]
struct ArrowTable {
    schema: arrow_schema::SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    /// The Arrow PyCapsule interface: a capsule holding an `ArrowArrayStream` of this table.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(&self, py: Python<'py>, requested_schema: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyCapsule>> {
        // The schema is fixed by the data contract; a consumer's requested schema is a hint we
        // may ignore (the protocol allows it), and casting belongs to the consumer.
        let _ = requested_schema;
        let reader = RecordBatchIterator::new(self.batches.clone().into_iter().map(Ok), self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        // The capsule owns the stream; a consumer moves it out (setting `release` to null), and
        // an unconsumed stream is released when the capsule is dropped.
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __repr__(&self) -> String {
        format!("<ArrowTable: {} rows x {} columns>", self.__len__(), self.schema.fields().len())
    }
}

/// The one mapping from core errors to Python exceptions.
fn to_pyerr(e: Error) -> PyErr {
    let msg = e.to_string();
    match e {
        Error::NotFound(_) => PyFileNotFoundError::new_err(msg),
        Error::BadPattern(_) | Error::InvalidArgument(_) | Error::BadPatterns(_) => PyValueError::new_err(msg),
        Error::Interrupted => PyKeyboardInterrupt::new_err(msg),
        Error::Internal(_) => PyRuntimeError::new_err(msg),
    }
}

/// The one way long work runs: GIL released, on the sized pool, panics caught, and Python's
/// signal handlers run every 50 ms: Ctrl-C stops the work between documents and is raised.
fn run<R: Send>(py: Python<'_>, n_threads: usize, f: impl FnOnce(&Cancel) -> R + Send) -> PyResult<R> {
    let mut raised: Option<PyErr> = None;
    let stop = || Python::attach(|py| py.check_signals()).map_err(|e| raised = Some(e)).is_err();
    let result = py.detach(|| parallel::install_watched(n_threads, f, stop));
    match (result, raised) {
        (Err(Error::Interrupted), Some(e)) => Err(e),
        (result, _) => result.map_err(to_pyerr),
    }
}

/// A call that takes a millisecond (one page): GIL released and panics caught, but without
/// `run`'s pool and Ctrl-C watcher, whose thread hand-offs cost ~130 µs a call, a tenth of a page.
fn run_short<R: Send>(py: Python<'_>, f: impl FnOnce() -> R + Send) -> PyResult<R> {
    py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))).map_err(|_| to_pyerr(Error::Internal("panic in a short call".into())))
}

/// Panics inside the worker pool, to test that a bug becomes an exception (not an abort).
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    use rayon::prelude::*;
    run(py, 2, |_| {
        (0..64).into_par_iter().for_each(|i| {
            if i == 42 {
                panic!("deliberate test panic in worker {i}")
            }
        })
    })
}

/// The entity extractor (shipped lexicon plus user patterns and aliases).
#[pyclass(name = "Extractor", module = "congress_corpus._core", frozen)]
struct PyExtractor {
    inner: Extractor,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (patterns_jsonl=None, aliases=None))]
    fn new(py: Python<'_>, patterns_jsonl: Option<String>, aliases: Option<Vec<(String, String, Option<String>)>>) -> PyResult<Self> {
        let mut parsed = Vec::new();
        for (alias, name, label) in aliases.unwrap_or_default() {
            let label = match label {
                Some(l) => Some(Label::parse(&l).ok_or_else(|| to_pyerr(Error::BadPatterns(format!("alias {alias:?}: unknown label {l:?}"))))?),
                None => None,
            };
            parsed.push((alias, name, label));
        }
        let inner = py
            .detach(|| {
                let mut specs = match &patterns_jsonl {
                    Some(t) => patterns::parse_entity_ruler("patterns", t)?,
                    None => Vec::new(),
                };
                let (entries, joins) = patterns::resolve_aliases(&specs, parsed)?;
                specs.extend(entries);
                Extractor::new(specs, joins)
            })
            .map_err(to_pyerr)?;
        Ok(PyExtractor { inner })
    }
}

/// How to load: `max_bytes`, the record fields holding text, id, date and title (None: found
/// by their common names), the zones searched for mentions, and whether quotes are read.
/// Defaults come from the core.
#[pyclass(name = "LoadOptions", module = "congress_corpus._core", frozen)]
struct PyLoadOptions {
    inner: LoadOptions,
}

#[pymethods]
impl PyLoadOptions {
    #[new]
    #[pyo3(signature = (max_bytes=loader::DEFAULT_MAX_BYTES, text=None, id=None, date=None, title=None, zones=vec!["body".to_owned()], quotes=true))]
    fn new(
        max_bytes: u64,
        text: Option<String>,
        id: Option<String>,
        date: Option<String>,
        title: Option<String>,
        zones: Vec<String>,
        quotes: bool,
    ) -> PyResult<Self> {
        if max_bytes == 0 {
            return Err(to_pyerr(Error::InvalidArgument("max_bytes must be at least 1".into())));
        }
        let zones = loader::Zones::parse(&zones).map_err(|m| to_pyerr(Error::InvalidArgument(m)))?;
        let fields = crate::records::FieldMap { text, id, date, title };
        Ok(PyLoadOptions { inner: LoadOptions { max_bytes, fields, zones, quotes, ..Default::default() } })
    }

    /// The default `max_bytes` (64 MiB): larger files are `too_large` rows.
    #[classattr]
    #[allow(non_snake_case)]
    fn DEFAULT_MAX_BYTES() -> u64 {
        loader::DEFAULT_MAX_BYTES
    }

    /// The field names tried, in order, for each role when none is given.
    #[classattr]
    #[allow(non_snake_case)]
    fn FIELD_NAMES() -> Vec<(&'static str, Vec<&'static str>)> {
        use crate::records::{DATE_NAMES, ID_NAMES, TEXT_NAMES, TITLE_NAMES};
        vec![("text", TEXT_NAMES.to_vec()), ("id", ID_NAMES.to_vec()), ("date", DATE_NAMES.to_vec()), ("title", TITLE_NAMES.to_vec())]
    }

    #[getter]
    fn max_bytes(&self) -> u64 {
        self.inner.max_bytes
    }
}

/// The files a load will read, found by `discover`; a `Load` reads them.
#[pyclass(module = "congress_corpus._core", frozen)]
struct Plan {
    inputs: Vec<Input>,
    issues: Vec<Issue>,
    /// The doc_ids given so far: unique across every `Load` of this plan (`iter_batches`).
    ids: Mutex<Ids>,
}

/// Tasks per thread in a slice of a `Load`: large enough to keep every core busy (each slice
/// ends waiting for its last task; measured on 10,000 files and 2 threads, slices of 512 / 2,048
/// / 8,192 files took 1.13 / 1.06 / 1.00 s), small enough that progress moves about once a
/// second. Whole tasks, so that the record batches are the same whatever the number of threads.
const SLICE_TASKS_PER_THREAD: usize = 16;

/// One load of a plan's inputs `start..end`, read slice by slice (`next_slice`) so that Python
/// can show progress between slices, then turned into tables (`finish`). It owns what a load
/// builds up: the entity counts, the tables of the slices read and the position.
#[pyclass(module = "congress_corpus._core", frozen)]
struct Load {
    plan: Py<Plan>,
    options: LoadOptions,
    extractor: Option<Py<PyExtractor>>,
    n_threads: usize,
    slice_inputs: usize,
    start: usize,
    end: usize,
    /// None once finished, or after an error left the counts incomplete.
    state: Mutex<Option<LoadState>>,
}

struct LoadState {
    next: usize,
    acc: Accumulator,
    parts: Vec<pipeline::Tables>,
}

impl Load {
    /// The state, or a clear error: a Load is used by one thread at a time (waiting for the lock
    /// while holding the GIL could deadlock with the thread that holds it), and not after `finish`.
    fn state(&self) -> PyResult<std::sync::MutexGuard<'_, Option<LoadState>>> {
        self.state.try_lock().map_err(|e| match e {
            std::sync::TryLockError::WouldBlock => to_pyerr(Error::Internal("a Load is used from one thread at a time".into())),
            std::sync::TryLockError::Poisoned(p) => poisoned(p),
        })
    }

    /// Reads the next slice into `state`; 0 when every input has been read.
    fn read_slice(&self, py: Python<'_>, state: &mut LoadState) -> PyResult<usize> {
        let (start, end) = (state.next, (state.next + self.slice_inputs).min(self.end));
        if start == end {
            return Ok(0);
        }
        let plan = self.plan.get();
        let mut ids = plan.ids.try_lock().map_err(|_| to_pyerr(Error::Internal("two Loads of one plan run at once".into())))?;
        let (inputs, ids, acc) = (&plan.inputs[start..end], &mut *ids, &mut state.acc);
        let ex = self.extractor.as_ref().map(|e| &e.get().inner);
        let tables = run(py, self.n_threads, |cancel| pipeline::load_tables(inputs, &self.options, ex, acc, ids, cancel))?.map_err(arrow_err)?;
        state.parts.push(tables);
        state.next = end;
        Ok(end - start)
    }

    /// Runs `f` on the state; an error (Ctrl-C included) leaves counts and ids half-updated, so
    /// the Load is spent.
    fn with_state<R>(&self, f: impl FnOnce(&mut LoadState) -> PyResult<R>) -> PyResult<R> {
        let mut guard = self.state()?;
        let state = guard.as_mut().ok_or_else(finished)?;
        let out = f(state);
        if out.is_err() {
            *guard = None;
        }
        out
    }
}

#[pymethods]
impl Load {
    #[new]
    #[pyo3(signature = (plan, options=None, extractor=None, n_threads=0, start=0, end=None, slice_inputs=None))]
    fn new(
        plan: Bound<'_, Plan>,
        options: Option<PyRef<'_, PyLoadOptions>>,
        extractor: Option<Bound<'_, PyExtractor>>,
        n_threads: usize,
        start: usize,
        end: Option<usize>,
        slice_inputs: Option<usize>,
    ) -> PyResult<Self> {
        let n = plan.get().inputs.len();
        let end = end.unwrap_or(n).min(n);
        if start > end {
            return Err(to_pyerr(Error::InvalidArgument(format!("start {start} is past end {end}"))));
        }
        let slice_inputs = match slice_inputs {
            Some(0) => return Err(to_pyerr(Error::InvalidArgument("slice_inputs must be at least 1".into()))),
            Some(k) => k,
            None => SLICE_TASKS_PER_THREAD * pipeline::INPUTS_PER_TASK * parallel::resolve_threads(n_threads),
        };
        // The problems met finding files belong to the corpus once: to the load of its first input.
        let parts = if start == 0 { vec![vec![("errors", tables::errors(&plan.get().issues).map_err(arrow_err)?)]] } else { Vec::new() };
        Ok(Load {
            plan: plan.unbind(),
            options: options.map(|o| o.inner.clone()).unwrap_or_default(),
            extractor: extractor.map(Bound::unbind),
            n_threads,
            slice_inputs,
            start,
            end,
            state: Mutex::new(Some(LoadState { next: start, acc: Accumulator::default(), parts })),
        })
    }

    /// The inputs this load reads.
    fn __len__(&self) -> usize {
        self.end - self.start
    }

    /// Reads the next slice: returns how many inputs it read, 0 when none are left.
    fn next_slice(&self, py: Python<'_>) -> PyResult<usize> {
        self.with_state(|state| self.read_slice(py, state))
    }

    /// The partial entities table of every input (for `merge_entities`), reading those left.
    fn partial(&self, py: Python<'_>) -> PyResult<ArrowTable> {
        self.with_state(|state| {
            while self.read_slice(py, state)? > 0 {}
            partial_table(&state.acc.partial())
        })
    }

    /// The tables (a dict of name -> ArrowTable), reading the inputs left, with display names
    /// chosen over the whole load. Ends the load.
    fn finish<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let mut state = self.state()?.take().ok_or_else(finished)?;
        while self.read_slice(py, &mut state)? > 0 {}
        let (extracted, quotes) = (self.extractor.is_some(), self.options.quotes);
        let built = run(py, self.n_threads, |_| pipeline::finish(state.parts, state.acc, extracted))?;
        // Without quotes the table is left out, not handed back empty.
        tables_dict(py, built.map(|ts| ts.into_iter().filter(|(name, _)| quotes || *name != "quotes").collect()))
    }
}

fn arrow_err(e: arrow_schema::ArrowError) -> PyErr {
    to_pyerr(Error::Internal(format!("building an Arrow table: {e}")))
}

fn poisoned<T>(_: T) -> PyErr {
    to_pyerr(Error::Internal("state poisoned by an earlier panic".into()))
}

/// A `Load` used after `finish` (or after an error): a bug of the package, not the user's.
fn finished() -> PyErr {
    to_pyerr(Error::Internal("this Load is finished (or was stopped by an error)".into()))
}

#[pymethods]
impl Plan {
    fn __len__(&self) -> usize {
        self.inputs.len()
    }

    /// The inputs as `(path bytes, doc_id, format)`, to split across Dask workers.
    fn inputs(&self) -> Vec<(Vec<u8>, String, &'static str)> {
        self.inputs.iter().map(|i| (crate::platform::path_to_bytes(&i.path), i.doc_id.clone(), i.format.name())).collect()
    }

    /// Problems met while finding files, as an errors table.
    fn issues(&self) -> PyResult<ArrowTable> {
        let t = tables::errors(&self.issues).map_err(arrow_err)?;
        Ok(ArrowTable { schema: t.schema(), batches: vec![t] })
    }
}

/// Find the inputs named by `sources` (folders, files, globs). Runs on the calling thread, not
/// the pool, so that it can run Python's signal handlers: Ctrl-C stops a long walk.
#[pyfunction]
#[pyo3(signature = (sources, pattern=None))]
fn discover(py: Python<'_>, sources: Vec<String>, pattern: Option<String>) -> PyResult<Plan> {
    let raised: Mutex<Option<PyErr>> = Mutex::new(None);
    let interrupted = || match Python::attach(|py| py.check_signals()) {
        Ok(()) => false,
        Err(e) => {
            *raised.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
            true
        }
    };
    let found = py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::discover::discover(&sources, pattern.as_deref(), &interrupted))));
    let found = found.map_err(|_| to_pyerr(Error::Internal("panic while finding files".into())))?;
    if let Some(e) = raised.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let (inputs, issues) = found.map_err(to_pyerr)?;
    Ok(Plan { inputs, issues, ids: Mutex::default() })
}

/// A plan from `Plan.inputs()` rows (on a Dask worker).
#[pyfunction]
fn plan_from_inputs(rows: Vec<(Vec<u8>, String, String)>) -> PyResult<Plan> {
    let inputs = rows
        .into_iter()
        .map(|(p, doc_id, format)| {
            let format =
                crate::discover::Format::from_name(&format).ok_or_else(|| to_pyerr(Error::InvalidArgument(format!("unknown input format {format:?}"))))?;
            Ok(Input { path: crate::platform::path_from_bytes(p), doc_id, format })
        })
        .collect::<PyResult<_>>()?;
    Ok(Plan { inputs, issues: Vec::new(), ids: Mutex::default() })
}

fn tables_dict<'py>(py: Python<'py>, built: Result<Vec<(&'static str, Vec<RecordBatch>)>, arrow_schema::ArrowError>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, batches) in built.map_err(arrow_err)? {
        let schema = match batches.first() {
            Some(b) => b.schema(),
            None => empty_schema(name).map_err(arrow_err)?,
        };
        out.set_item(name, ArrowTable { schema, batches })?;
    }
    Ok(out)
}

/// The schema of a table that has no batch (nothing loaded).
fn empty_schema(name: &str) -> Result<arrow_schema::SchemaRef, arrow_schema::ArrowError> {
    let b = match name {
        "documents" => tables::documents(&[])?,
        "errors" => tables::errors(&[])?,
        "mentions" => tables::mentions(&[])?,
        "roles" => tables::roles(&[])?,
        "quotes" => tables::quotes(&[])?,
        _ => tables::entities(&[])?,
    };
    Ok(b.schema())
}

fn parse_dates(dates: &[Option<String>]) -> PyResult<Vec<Option<chrono::NaiveDate>>> {
    dates
        .iter()
        .map(|d| match d {
            None => Ok(None),
            Some(s) => loader::parse_date(s).map(Some).ok_or_else(|| to_pyerr(Error::InvalidArgument(format!("cannot read date {s:?}: use YYYY-MM-DD")))),
        })
        .collect()
}

/// Load (and extract from) articles held in memory: the tables (a dict of name -> ArrowTable),
/// as a `Load` of files gives them. Every list has one item per article.
#[pyfunction]
#[pyo3(signature = (source, doc_ids, texts, titles, dates, n_threads=0, extractor=None))]
#[allow(clippy::too_many_arguments)]
fn records<'py>(
    py: Python<'py>,
    source: String,
    doc_ids: Vec<String>,
    texts: Vec<Option<String>>,
    titles: Vec<Option<String>>,
    dates: Vec<Option<String>>,
    n_threads: usize,
    extractor: Option<PyRef<'py, PyExtractor>>,
) -> PyResult<Bound<'py, PyDict>> {
    let n = doc_ids.len();
    if texts.len() != n || titles.len() != n || dates.len() != n {
        return Err(to_pyerr(Error::InvalidArgument(format!(
            "doc_ids, texts, titles and dates must have the same length ({n}, {}, {}, {})",
            texts.len(),
            titles.len(),
            dates.len()
        ))));
    }
    let parsed = parse_dates(&dates)?;
    let rows: Vec<pipeline::Record> = doc_ids
        .into_iter()
        .zip(texts)
        .zip(titles.into_iter().zip(parsed))
        .map(|((doc_id, text), (title, date))| pipeline::Record { doc_id, text, meta: loader::Meta { title, date, ..Default::default() } })
        .collect();
    let ex = extractor.as_ref().map(|e| &e.inner);
    let built = run(py, n_threads, |_| {
        let mut acc = Accumulator::default();
        let parts = pipeline::record_tables(&source, rows, ex, &mut acc)?;
        pipeline::finish(vec![parts], acc, ex.is_some())
    })?;
    tables_dict(py, built)
}

/// Extract from strings: a dict with the mentions, entities, roles and quotes tables.
#[pyfunction]
#[pyo3(signature = (texts, doc_ids, dates, extractor, n_threads=0))]
fn extract<'py>(
    py: Python<'py>,
    texts: Vec<String>,
    doc_ids: Vec<String>,
    dates: Vec<Option<String>>,
    extractor: PyRef<'py, PyExtractor>,
    n_threads: usize,
) -> PyResult<Bound<'py, PyDict>> {
    if texts.len() != doc_ids.len() || texts.len() != dates.len() {
        return Err(to_pyerr(Error::InvalidArgument(format!(
            "texts, doc_ids and dates must have the same length ({}, {}, {})",
            texts.len(),
            doc_ids.len(),
            dates.len()
        ))));
    }
    let parsed = parse_dates(&dates)?;
    let ex = &extractor.inner;
    let built = run(py, n_threads, |cancel| pipeline::text_tables(&doc_ids, &texts, &parsed, ex, cancel))?;
    tables_dict(py, built)
}

/// Co-occurring entity pairs: `(a, b, weight)` codes from `(doc, sentence, entity)` codes.
#[pyfunction]
fn cooccurrence(py: Python<'_>, docs: Vec<u32>, sentences: Vec<u32>, entities: Vec<u32>, window: &str) -> PyResult<(Vec<u32>, Vec<u32>, Vec<u64>)> {
    let w = match window {
        "sentence" => crate::analysis::Window::Sentence,
        "document" => crate::analysis::Window::Document,
        other => return Err(to_pyerr(Error::InvalidArgument(format!("window must be \"sentence\" or \"document\", not {other:?}")))),
    };
    if docs.len() != sentences.len() || docs.len() != entities.len() {
        return Err(to_pyerr(Error::InvalidArgument("columns must have the same length".into())));
    }
    let triples: Vec<(u32, u32, u32)> = docs.into_iter().zip(sentences).zip(entities).map(|((d, s), e)| (d, s, e)).collect();
    let pairs = run(py, 1, |_| crate::analysis::cooccurrence(&triples, w))?;
    Ok((pairs.iter().map(|p| p.0).collect(), pairs.iter().map(|p| p.1).collect(), pairs.iter().map(|p| p.2).collect()))
}

/// Keyword in context: columns doc (index), start, left, match, right.
#[pyfunction]
#[pyo3(signature = (texts, phrase, width, n_threads=0))]
fn kwic<'py>(py: Python<'py>, texts: Vec<String>, phrase: String, width: usize, n_threads: usize) -> PyResult<Bound<'py, PyDict>> {
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let hits = run(py, n_threads, |_| crate::analysis::kwic(&refs, &phrase, width))?;
    let d = PyDict::new(py);
    d.set_item("doc", hits.iter().map(|h| h.doc).collect::<Vec<_>>())?;
    d.set_item("start", hits.iter().map(|h| h.start).collect::<Vec<_>>())?;
    d.set_item("left", hits.iter().map(|h| h.left.as_str()).collect::<Vec<_>>())?;
    d.set_item("match", hits.iter().map(|h| h.hit.as_str()).collect::<Vec<_>>())?;
    d.set_item("right", hits.iter().map(|h| h.right.as_str()).collect::<Vec<_>>())?;
    Ok(d)
}

/// Near-duplicate documents of a documents table (its `text` column): row indices of each
/// document and of its cluster's first document, and their similarity.
#[pyfunction]
#[pyo3(signature = (documents, threshold=0.8, n_threads=0))]
fn duplicates(py: Python<'_>, documents: PyRef<'_, ArrowTable>, threshold: f64, n_threads: usize) -> PyResult<(Vec<usize>, Vec<usize>, Vec<f64>)> {
    let mut texts: Vec<&str> = Vec::with_capacity(documents.__len__());
    for b in &documents.batches {
        let col = b
            .column_by_name("text")
            .and_then(|c| c.as_any().downcast_ref::<arrow_array::StringArray>())
            .ok_or_else(|| to_pyerr(Error::InvalidArgument("duplicates needs the documents table (a text column)".into())))?;
        texts.extend(col.iter().map(|t| t.unwrap_or("")));
    }
    let rows = run(py, n_threads, |_| crate::duplicates::duplicates(&texts, threshold))?.map_err(to_pyerr)?;
    Ok((rows.iter().map(|r| r.doc).collect(), rows.iter().map(|r| r.cluster).collect(), rows.iter().map(|r| r.similarity).collect()))
}

/// The shingle hashes `duplicates` compares for `text` (sorted, distinct), for benchmarks.
#[pyfunction]
fn shingles(text: &str) -> Vec<u64> {
    crate::duplicates::shingles(text)
}

/// The threads a call given `n_threads` uses (0: `CONGRESS_CORPUS_THREADS`, else every core).
#[pyfunction]
fn resolve_threads(n_threads: usize) -> usize {
    parallel::resolve_threads(n_threads)
}

/// The number of threads in the pools kept now (at most `MAX_POOLS` pools).
#[pyfunction]
fn pooled_threads() -> usize {
    parallel::pooled_threads()
}

/// An HTML page's article: text, title, date, author, captions and metadata (a dict).
#[pyfunction]
fn html_extract<'py>(py: Python<'py>, html: String) -> PyResult<Bound<'py, PyDict>> {
    let page = run_short(py, || crate::html::extract(&html))?;
    let d = PyDict::new(py);
    d.set_item("text", page.text)?;
    d.set_item("title", page.title)?;
    d.set_item("date", page.date)?;
    d.set_item("author", page.author)?;
    d.set_item("captions", page.captions)?;
    let meta = PyDict::new(py);
    for (k, v) in page.metadata {
        meta.set_item(k, v)?;
    }
    d.set_item("metadata", meta)?;
    Ok(d)
}

/// A table from Python: one of ours as it is, else anything with `__arrow_c_stream__` (a pyarrow
/// table, say) read through the Arrow C stream.
fn arrow_input(obj: &Bound<'_, PyAny>) -> PyResult<(arrow_schema::SchemaRef, Vec<RecordBatch>)> {
    if let Ok(t) = obj.extract::<PyRef<'_, ArrowTable>>() {
        return Ok((t.schema.clone(), t.batches.clone()));
    }
    let not_arrow = || to_pyerr(Error::InvalidArgument(format!("expected an Arrow table (with __arrow_c_stream__), not {}", obj.get_type())));
    let capsule = obj.call_method0("__arrow_c_stream__").map_err(|_| not_arrow())?;
    let capsule = capsule.cast_into::<PyCapsule>().map_err(|_| not_arrow())?;
    let ptr = capsule.pointer_checked(Some(c"arrow_array_stream"))?.cast::<FFI_ArrowArrayStream>();
    // SAFETY: the capsule is named `arrow_array_stream`, so by the Arrow PyCapsule interface it
    // holds an `ArrowArrayStream`, which `from_raw` moves out, leaving a released stream behind
    // for the capsule's destructor, as the interface asks of a consumer.
    #[allow(unsafe_code)]
    let stream = unsafe { FFI_ArrowArrayStream::from_raw(ptr.as_ptr()) };
    let reader = ArrowArrayStreamReader::try_new(stream).map_err(arrow_err)?;
    let schema = reader.schema();
    let batches = reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err)?;
    Ok((schema, batches))
}

fn partial_table(p: &Partial) -> PyResult<ArrowTable> {
    let b = tables::partial_entities(p).map_err(arrow_err)?;
    Ok(ArrowTable { schema: b.schema(), batches: vec![b] })
}

/// The partial of the entities table that some rows of a mentions table give (`entity_id`,
/// `text`, `canonical`, in document order), with the dates of `documents` (`doc_id`, date).
#[pyfunction]
#[pyo3(signature = (doc_ids, entity_ids, texts, names, documents=None))]
fn partial_entities(
    py: Python<'_>,
    doc_ids: Vec<String>,
    entity_ids: Vec<String>,
    texts: Vec<String>,
    names: Vec<String>,
    documents: Option<(Vec<String>, Vec<Option<String>>)>,
) -> PyResult<ArrowTable> {
    let n = doc_ids.len();
    if entity_ids.len() != n || texts.len() != n || names.len() != n {
        return Err(to_pyerr(Error::InvalidArgument(format!(
            "doc_ids, entity_ids, texts and names must have the same length ({n}, {}, {}, {})",
            entity_ids.len(),
            texts.len(),
            names.len()
        ))));
    }
    let mut dates = rustc_hash::FxHashMap::default();
    if let Some((ids, days)) = documents {
        dates.extend(ids.into_iter().zip(parse_dates(&days)?));
    }
    let mut ids = Vec::with_capacity(n);
    for id in &entity_ids {
        let parsed = id.split_once(':').and_then(|(l, key)| Some((Label::parse(l)?, key)));
        ids.push(parsed.ok_or_else(|| to_pyerr(Error::InvalidArgument(format!("entity_id {id:?} is not LABEL:key"))))?);
    }
    let rows = (0..n).map(|i| MentionRow {
        doc_id: &doc_ids[i],
        label: ids[i].0,
        key: ids[i].1,
        text: &texts[i],
        name: &names[i],
        date: dates.get(&doc_ids[i]).copied().flatten(),
    });
    let partial = run(py, 1, |_| Accumulator::partial_of_rows(rows))?;
    partial_table(&partial)
}

/// The entities table from partials in corpus order (`Load.partial`, `partial_entities`,
/// or those tables read back by pyarrow): what one load of all their documents gives.
#[pyfunction]
fn merge_entities(py: Python<'_>, partials: Vec<Bound<'_, PyAny>>) -> PyResult<ArrowTable> {
    let mut read = Vec::with_capacity(partials.len());
    for p in &partials {
        let (schema, batches) = arrow_input(p)?;
        read.push(tables::read_partial(&schema, &batches).map_err(|e| to_pyerr(Error::InvalidArgument(e.to_string())))?);
    }
    let partials = read;
    let batch = run(py, 1, |_| tables::entities(&Accumulator::merge_partials(partials)))?.map_err(arrow_err)?;
    Ok(ArrowTable { schema: batch.schema(), batches: vec![batch] })
}

/// True when this module was compiled without optimisations (a slow debug build).
#[pyfunction]
fn is_debug_build() -> bool {
    cfg!(debug_assertions)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    crate::allocator::configure();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // Read by the package's argument checks and dtypes, so that they cannot drift from the core.
    m.add("MAX_THREADS", parallel::MAX_THREADS)?;
    m.add("LABELS", Label::ALL.map(Label::as_str).to_vec())?;
    m.add("ZONES", tables::Zone::ALL.map(tables::Zone::as_str).to_vec())?;
    m.add_class::<Plan>()?;
    m.add_class::<Load>()?;
    m.add_class::<ArrowTable>()?;
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyLoadOptions>()?;
    m.add_function(wrap_pyfunction!(discover, m)?)?;
    m.add_function(wrap_pyfunction!(plan_from_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(records, m)?)?;
    m.add_function(wrap_pyfunction!(cooccurrence, m)?)?;
    m.add_function(wrap_pyfunction!(kwic, m)?)?;
    m.add_function(wrap_pyfunction!(duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(shingles, m)?)?;
    m.add_function(wrap_pyfunction!(html_extract, m)?)?;
    m.add_function(wrap_pyfunction!(resolve_threads, m)?)?;
    m.add_function(wrap_pyfunction!(is_debug_build, m)?)?;
    m.add_function(wrap_pyfunction!(pooled_threads, m)?)?;
    m.add_function(wrap_pyfunction!(partial_entities, m)?)?;
    m.add_function(wrap_pyfunction!(merge_entities, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    Ok(())
}
