//! The `marginalia._core` extension module: the core's analysis and voices table for Python.
//!
//! Results cross the boundary as JSON text, which the Python side (`marginalia/__init__.py`)
//! turns into dicts: the objects are then exactly what the command line prints, and no second
//! description of the format has to be kept in step. The analysis runs with the GIL released.

use std::path::Path;

use marginalia_core::analysis::{self, report::ArticleReport};
use marginalia_core::corpus::{Voices, voices_of_file};
use marginalia_core::document::{self, Document};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

/// The analysis allocates through mimalloc, as the command line does (see the root crate).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The name an analysed text that came from no file is reported under.
const NO_FILE: &str = "<text>";

/// The analysis of a document as the JSON text of the command line's `analyze --json`.
fn report_json(file: &str, doc: &Document) -> Result<String, String> {
    let mut analysis = analysis::analyze(doc);
    analysis.drop_reasons();
    let report = ArticleReport {
        file: file.to_string(),
        chars: doc.char_len(),
        analysis: &analysis,
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// Loads the article at `path`, naming the file in the error.
fn load(path: &str) -> PyResult<Document> {
    document::load(Path::new(path)).map_err(|e| PyOSError::new_err(e.to_string()))
}

/// `analyze(text)`: the analysis of `text` as JSON.
#[pyfunction]
fn analyze_json(py: Python<'_>, text: String) -> PyResult<String> {
    py.detach(|| report_json(NO_FILE, &Document::from_text(&text)))
        .map_err(PyValueError::new_err)
}

/// `analyze_file(path)`: the analysis of the article at `path` as JSON.
#[pyfunction]
fn analyze_file_json(py: Python<'_>, path: String) -> PyResult<String> {
    py.detach(|| {
        let doc = load(&path)?;
        report_json(&path, &doc).map_err(PyValueError::new_err)
    })
}

/// `analyze_many(texts, jobs)`: the analyses of `texts`, in order, on `jobs` threads (every
/// core when `None`).
#[pyfunction]
#[pyo3(signature = (texts, jobs=None))]
fn analyze_many_json(
    py: Python<'_>,
    texts: Vec<String>,
    jobs: Option<usize>,
) -> PyResult<Vec<String>> {
    py.detach(|| {
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = jobs {
            builder = builder.num_threads(n.max(1));
        }
        let pool = builder
            .build()
            .map_err(|e| PyOSError::new_err(e.to_string()))?;
        pool.install(|| {
            texts
                .par_iter()
                .map(|t| report_json(NO_FILE, &Document::from_text(t)))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(PyValueError::new_err)
    })
}

/// `voices_of_file(path)`: the voices table of one article, as JSON a merge accepts.
#[pyfunction]
fn voices_of_file_json(py: Python<'_>, path: String) -> PyResult<String> {
    py.detach(|| {
        let voices = voices_of_file(Path::new(&path)).map_err(PyOSError::new_err)?;
        serde_json::to_string(&voices).map_err(|e| PyValueError::new_err(e.to_string()))
    })
}

/// `merge_voices(parts)`: tables of disjoint article sets merged into one, as JSON.
#[pyfunction]
fn merge_voices_json(parts: Vec<String>) -> PyResult<String> {
    let mut all = Voices::default();
    for part in parts {
        let voices: Voices =
            serde_json::from_str(&part).map_err(|e| PyValueError::new_err(e.to_string()))?;
        all.merge(voices);
    }
    serde_json::to_string(&all).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `voices_report(table)`: the table as `marginalia voices --json` prints it.
#[pyfunction]
fn voices_report_json(table: String) -> PyResult<String> {
    let voices: Voices =
        serde_json::from_str(&table).map_err(|e| PyValueError::new_err(e.to_string()))?;
    serde_json::to_string(&voices.to_json()).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The module.
#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(voices_of_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge_voices_json, m)?)?;
    m.add_function(wrap_pyfunction!(voices_report_json, m)?)?;
    Ok(())
}
