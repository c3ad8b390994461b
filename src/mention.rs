//! What the extraction passes share: one document analysed (its text, folding, tokens and
//! sentences) and a mention found in it. Its own module so that the passes (`extract`, `roles`)
//! and the consumers of mentions (`entities`, `tables`) depend on it, never on each other.

use std::sync::Arc;

use crate::fold::Folded;
use crate::label::Label;
use crate::tokens::Token;

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    pub sentence: u32,
    /// Code-point offsets into the document text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the document text.
    pub bstart: usize,
    pub bend: usize,
    pub label: Label,
    /// Entity key (without the label): `le hoai trung`.
    pub key: String,
    /// Curated display name when the lexicon knows the entity (shared with the lexicon).
    pub known_name: Option<Arc<str>>,
    pub value: Option<String>,
    pub unit: Option<String>,
}

impl Mention {
    pub fn entity_id(&self) -> String {
        self.label.entity_id(&self.key)
    }
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.bstart..self.bend]
    }
}

/// Everything about one document that the passes share.
pub struct Doc<'a> {
    pub text: &'a str,
    pub folded: Folded,
    pub tokens: Vec<Token>,
    pub sentences: Vec<(usize, usize)>,
}
