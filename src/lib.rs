//! congress_corpus: load folders of news articles and extract the entities in them.
//!
//! The core (everything but `python`) is plain Rust, tested by `cargo test`. The `python`
//! feature adds the pyo3 binding, which only converts values, releases the GIL and maps errors.

pub mod clean;
pub mod decode;
pub mod discover;
pub mod document;
pub mod error;
pub mod loader;
pub mod parallel;
pub mod sentences;

#[cfg(feature = "python")]
mod python;
