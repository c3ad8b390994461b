//! The Python binding: converts arguments into core values, releases the GIL while the core
//! works, and converts results into columns (dicts of lists) that the Python package turns into
//! DataFrames. No logic lives here.

use pyo3::exceptions::{PyFileNotFoundError, PyKeyboardInterrupt, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::discover::Input;
use crate::document::Document;
use crate::error::{Error, Issue};
use crate::loader::{self, LoadOptions};
use crate::parallel;

/// The one mapping from core errors to Python exceptions.
fn to_pyerr(e: Error) -> PyErr {
    let msg = e.to_string();
    match e {
        Error::NotFound(_) => PyFileNotFoundError::new_err(msg),
        Error::Interrupted => PyKeyboardInterrupt::new_err(msg),
        Error::BadPattern(_) | Error::InvalidArgument(_) | Error::BadPatterns(_) => PyValueError::new_err(msg),
    }
}

/// The files a load will read, found by `discover`; loaded in slices so that Python can show
/// progress and react to Ctrl-C between slices.
#[pyclass(module = "congress_corpus._core", frozen)]
struct Plan {
    inputs: Vec<Input>,
    issues: Vec<Issue>,
}

#[pymethods]
impl Plan {
    fn __len__(&self) -> usize {
        self.inputs.len()
    }

    /// Problems met while finding files (dangling links, loops, FIFOs), as columns.
    fn issues<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        issue_columns(py, &self.issues)
    }

    /// Load inputs `start..end` with `n_threads` threads; returns (documents, errors) columns.
    #[pyo3(signature = (start, end, n_threads=0, max_bytes=loader::DEFAULT_MAX_BYTES))]
    fn load<'py>(
        &self,
        py: Python<'py>,
        start: usize,
        end: usize,
        n_threads: usize,
        max_bytes: u64,
    ) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyDict>)> {
        let end = end.min(self.inputs.len());
        let slice = &self.inputs[start.min(end)..end];
        let opts = LoadOptions { max_bytes };
        let loaded = py.detach(|| parallel::install(n_threads, || loader::load(slice, &opts))).map_err(to_pyerr)?;
        Ok((document_columns(py, &loaded.documents)?, issue_columns(py, &loaded.issues)?))
    }
}

/// Find the inputs named by `sources` (folders, files, globs).
#[pyfunction]
#[pyo3(signature = (sources, pattern=None))]
fn discover(py: Python<'_>, sources: Vec<String>, pattern: Option<String>) -> PyResult<Plan> {
    let (inputs, issues) = py.detach(|| crate::discover::discover(&sources, pattern.as_deref())).map_err(to_pyerr)?;
    Ok(Plan { inputs, issues })
}

fn document_columns<'py>(py: Python<'py>, docs: &[Document]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("doc_id", docs.iter().map(|x| x.doc_id.as_str()).collect::<Vec<_>>())?;
    d.set_item("path", docs.iter().map(|x| x.path.as_str()).collect::<Vec<_>>())?;
    d.set_item("title", docs.iter().map(|x| x.title.as_deref()).collect::<Vec<_>>())?;
    d.set_item("date", docs.iter().map(|x| x.date.map(|v| v.to_string())).collect::<Vec<_>>())?;
    d.set_item("dateline", docs.iter().map(|x| x.dateline.as_deref()).collect::<Vec<_>>())?;
    d.set_item("source", docs.iter().map(|x| x.source.as_deref()).collect::<Vec<_>>())?;
    d.set_item("url", docs.iter().map(|x| x.url.as_deref()).collect::<Vec<_>>())?;
    d.set_item("text", docs.iter().map(|x| x.text.as_str()).collect::<Vec<_>>())?;
    d.set_item("n_chars", docs.iter().map(|x| x.n_chars).collect::<Vec<_>>())?;
    d.set_item("n_words", docs.iter().map(|x| x.n_words).collect::<Vec<_>>())?;
    d.set_item("n_sentences", docs.iter().map(|x| x.n_sentences).collect::<Vec<_>>())?;
    d.set_item("sha256", docs.iter().map(|x| x.sha256.as_str()).collect::<Vec<_>>())?;
    Ok(d)
}

fn issue_columns<'py>(py: Python<'py>, issues: &[Issue]) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("path", issues.iter().map(|x| x.path.as_str()).collect::<Vec<_>>())?;
    d.set_item("kind", issues.iter().map(|x| x.kind.as_str()).collect::<Vec<_>>())?;
    d.set_item("message", issues.iter().map(|x| x.message.as_str()).collect::<Vec<_>>())?;
    d.set_item("loaded", issues.iter().map(|x| x.loaded).collect::<Vec<_>>())?;
    Ok(d)
}

/// True when this module was compiled without optimisations (a slow debug build).
#[pyfunction]
fn is_debug_build() -> bool {
    cfg!(debug_assertions)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Plan>()?;
    m.add_function(wrap_pyfunction!(discover, m)?)?;
    m.add_function(wrap_pyfunction!(is_debug_build, m)?)?;
    Ok(())
}
