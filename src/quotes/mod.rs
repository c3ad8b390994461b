//! The quotes table: who said what. One document's text, sentences, mentions and roles in, the
//! statements it attributes out: words in quotation marks (straight or typographic, a quote
//! that runs over several paragraphs included) and reported speech (`X said that ...`,
//! `..., X said.`, `according to X, ...`), each with its speaker resolved to an entity of the
//! document where one is named: a name, a pronoun (`he said` after `Trung`), a title standing for
//! a person named before (`the minister`), or an organisation or country (`the ministry said`).
//!
//! Rules, not a parser: news prose attributes statements in a handful of fixed shapes, and the
//! reporting verbs and phrases are data (`data/reporting_verbs.txt`, `data/reporting_phrases.txt`,
//! `data/speaker_nouns.txt`). Only the places where a cue or a quotation mark stands are looked
//! at, so the cost is one automaton pass over the text plus a little work per statement.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashSet;

use crate::extract::{DocResult, Mention};
use crate::label::Label;
use crate::roles::Role;
use crate::sentences;
use crate::tokens;

mod scan;
mod speaker;
mod statements;

use scan::*;
use speaker::*;
use statements::*;

/// `direct` for words in quotation marks, `indirect` for reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    Direct,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// An entity of the document (its label and matching key).
    Entity(Label, String),
    /// Words that name a speaker who is no entity (`lawyers`, `rights groups`), as written.
    Words(String),
}

/// One statement a document attributes to someone.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quote {
    pub sentence: u32,
    /// Code-point offsets of the quoted or reported words.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the same words.
    pub bstart: usize,
    pub bend: usize,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// Code-point span of the words naming the speaker in this statement's sentence (a pronoun
    /// or title included); none when the speaker was named earlier (a quote's next paragraph).
    pub speaker_span: Option<(usize, usize)>,
    speaker_bspan: Option<(usize, usize)>,
    /// The reporting verb or phrase as written (`stressed`, `according to`).
    pub cue: String,
}

impl Quote {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.bstart..self.bend]
    }
    /// `PERSON:le hoai trung`, for a speaker that is an entity.
    pub fn speaker_entity_id(&self) -> Option<String> {
        match &self.speaker {
            Some(Speaker::Entity(l, k)) => Some(l.entity_id(k)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A reporting verb: the speaker is its subject (`Trung said`, `said Trung`).
    Verb,
    /// A phrase naming the source after it (`according to X`).
    Source,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    kind: CueKind,
}

struct Rules {
    cues: AhoCorasick,
    kinds: Vec<CueKind>,
    /// Nouns that stand for a speaker (`minister`, `special envoy`, `lawyers`), lower case.
    nouns: FxHashSet<String>,
}

fn data_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut patterns = Vec::new();
        let mut kinds = Vec::new();
        for (file, kind) in [(include_str!("../data/reporting_verbs.txt"), CueKind::Verb), (include_str!("../data/reporting_phrases.txt"), CueKind::Source)] {
            for l in data_lines(file) {
                patterns.push(l.to_owned());
                kinds.push(kind);
            }
        }
        // A DFA: the cues are few and short, and this scan runs over every byte of the corpus.
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("the reporting cues compile");
        let mut nouns: FxHashSet<String> = data_lines(include_str!("../data/speaker_nouns.txt")).map(str::to_lowercase).collect();
        // The head word of every title (`Minister of Foreign Affairs` -> `minister`) can stand
        // for the person who holds it.
        for t in data_lines(include_str!("../data/titles.txt")) {
            let head = t.split(" of ").next().unwrap_or(t);
            if let Some(w) = head.split_whitespace().last() {
                nouns.insert(w.to_lowercase());
            }
        }
        Rules { cues, kinds, nouns }
    })
}

/// The quotes of one document, in text order. `sentences` are byte spans (`sentences::split`),
/// `mentions` sorted by offset (as the extractor returns them), `roles` the document's roles.
pub fn find_quotes(text: &str, sentences: &[(usize, usize)], mentions: &[Mention], roles: &[Role]) -> Vec<Quote> {
    let cues = find_cues(text);
    let quoted = quoted_spans(text);
    if cues.is_empty() && quoted.is_empty() {
        return Vec::new();
    }
    let role_bytes = byte_offsets(text, roles.iter().map(|r| r.start));
    let ctx = Ctx { text, sentences, mentions, roles, role_bytes, referents: Default::default() };
    let mut out: Vec<Draft> = Vec::new();
    let mut used = vec![false; cues.len()];
    direct_quotes(&ctx, &quoted, &cues, &mut used, &mut out);
    indirect_quotes(&ctx, &quoted, &cues, &used, &mut out);
    partial_quotes(&quoted, &mut out);
    out.sort_by_key(|d| (d.start, d.end));
    // One statement per place and kind: a partial quote stays inside the statement it is part of.
    let mut ends = [0usize; 2];
    out.retain(|d| {
        let k = d.kind as usize;
        let keep = d.start >= ends[k];
        ends[k] = ends[k].max(d.end);
        keep
    });
    finish(&ctx, out)
}

/// The quotes of a document the extractor has read (`result` is its extraction).
pub fn of_document(text: &str, result: &DocResult) -> Vec<Quote> {
    find_quotes(text, &sentences::split(text), &result.mentions, &result.roles)
}

/// A quote before its offsets are code points.
struct Draft {
    start: usize,
    end: usize,
    kind: QuoteKind,
    speaker: Option<Found>,
    /// A speaker named earlier (no span in this sentence).
    inherited: Option<Speaker>,
    cue: (usize, usize),
}

/// Byte offsets of code-point offsets (roles carry code points), in one walk of the text up to
/// the last one asked for.
fn byte_offsets(text: &str, chars: impl Iterator<Item = usize>) -> Vec<usize> {
    let wanted: Vec<usize> = chars.collect();
    if wanted.is_empty() || text.is_ascii() {
        return wanted;
    }
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_unstable_by_key(|&i| wanted[i]);
    let mut out = vec![text.len(); wanted.len()];
    let mut walk = text.char_indices().map(|(b, _)| b).enumerate();
    let mut current = walk.next();
    for i in order {
        while current.is_some_and(|(c, _)| c < wanted[i]) {
            current = walk.next();
        }
        if let Some((_, b)) = current {
            out[i] = b;
        }
    }
    out
}

fn finish(ctx: &Ctx, drafts: Vec<Draft>) -> Vec<Quote> {
    let mut bytes = Vec::with_capacity(drafts.len() * 4);
    for d in &drafts {
        let (a, b) = d.speaker.as_ref().map_or((0, 0), |f| f.1);
        bytes.extend([d.start, d.end, a, b]);
    }
    let chars = tokens::char_offsets(ctx.text, &bytes);
    drafts
        .into_iter()
        .zip(chars.chunks_exact(4))
        .map(|(d, c)| {
            let (speaker, bspan) = match d.speaker {
                Some((s, span)) => (Some(s), Some(span)),
                None => (d.inherited, None),
            };
            Quote {
                sentence: sentences::sentence_of(ctx.sentences, d.start) as u32,
                start: c[0],
                end: c[1],
                bstart: d.start,
                bend: d.end,
                kind: d.kind,
                speaker,
                speaker_span: bspan.map(|_| (c[2], c[3])),
                speaker_bspan: bspan,
                cue: ctx.text[d.cue.0..d.cue.1].to_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    /// (speaker key or words, statement, kind, cue, speaker span text) of each quote.
    fn run(text: &str) -> Vec<(String, String, &'static str, String, Option<String>)> {
        let r = Extractor::default().extract(text, None);
        let s = sentences::split(text);
        find_quotes(text, &s, &r.mentions, &r.roles)
            .into_iter()
            .map(|q| {
                let who = match &q.speaker {
                    Some(Speaker::Entity(l, k)) => l.entity_id(k),
                    Some(Speaker::Words(w)) => w.clone(),
                    None => String::new(),
                };
                let span = q.speaker_bspan.map(|(a, b)| text[a..b].to_owned());
                (who, q.text(text).to_owned(), q.kind.as_str(), q.cue.clone(), span)
            })
            .collect()
    }

    #[test]
    fn x_said_that() {
        let q = run("Foreign Minister Lê Hoài Trung said that the two countries would sign three agreements.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "PERSON:le hoai trung");
        assert_eq!(q[0].1, "the two countries would sign three agreements");
        assert_eq!((q[0].2, q[0].3.as_str(), q[0].4.as_deref()), ("indirect", "said", Some("Lê Hoài Trung")));
    }

    #[test]
    fn clause_then_speaker() {
        let q = run("Minister Lê Hoài Trung arrived on Monday. The talks were productive and frank, he said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].0.as_str(), q[0].1.as_str()), ("PERSON:le hoai trung", "The talks were productive and frank"));
        assert_eq!(q[0].4.as_deref(), Some("he"));
    }

    #[test]
    fn direct_quote_with_speaker_after() {
        let q = run("Nguyễn Văn Nam spoke to reporters. “We will finish the road by 2027,” Nam said.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].1.as_str(), q[0].2), ("We will finish the road by 2027,", "direct"));
        assert_eq!(q[0].0, "PERSON:nguyen van nam");
    }

    #[test]
    fn quote_over_two_paragraphs() {
        let text = "Nguyễn Văn Nam said: \"The first part.\n\n\"The second part of it.\"";
        let q = run(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "The first part.\n\n\"The second part of it.");
    }

    #[test]
    fn according_to() {
        let q = run("According to the Ministry of Finance, revenue rose by 9 percent in 2025.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "revenue rose by 9 percent in 2025");
        assert!(q[0].0.starts_with("ORG:"), "{q:?}");
    }

    #[test]
    fn scare_quotes_are_not_statements() {
        assert!(run("The plan moves from “studying and disseminating” to “deep understanding”.").is_empty());
    }

    #[test]
    fn passive_is_no_statement() {
        assert!(run("The ministries were urged to act quickly on the plan.").is_empty());
    }
}
