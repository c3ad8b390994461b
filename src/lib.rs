//! congress_corpus: load folders of news articles and extract the entities in them.
//!
//! The core (everything but `python`) is plain Rust, tested by `cargo test`. The `python`
//! feature adds the pyo3 binding, which only converts values, releases the GIL and maps errors.

pub mod allocator;
pub mod analysis;
pub mod clean;
pub mod decode;
pub mod discover;
pub mod document;
pub mod duplicates;
pub mod entities;
pub mod error;
pub mod extract;
pub mod fold;
pub mod html;
pub mod ids;
pub mod knowledge;
pub mod label;
pub mod lexicon;
pub mod loader;
pub mod mention;
pub mod names;
pub mod numeric;
pub mod parallel;
pub mod patterns;
pub mod pipeline;
pub mod platform;
pub mod quotes;
pub mod records;
pub mod roles;
pub mod sentences;
pub mod tables;
pub mod tokens;
pub mod values;

#[cfg(feature = "python")]
mod python;
