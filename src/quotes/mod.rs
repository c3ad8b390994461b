//! The quotes table: who said what. One document's text, sentences, mentions and roles in, the
//! statements it attributes out: words in quotation marks (straight or typographic, a quote
//! that runs over several paragraphs included) and reported speech (`X said that ...`,
//! `..., X said.`, `according to X, ...`), each with its speaker resolved to an entity of the
//! document where one is named: a name, a pronoun (`he said` after `Trung`), a title standing for
//! a person named before (`the minister`), or an organisation or country (`the ministry said`).
//!
//! Rules, not a parser: news prose attributes statements in a handful of fixed shapes, and the
//! reporting verbs and phrases are data (`data/reporting_verbs.txt`, `data/reporting_phrases.txt`,
//! `data/speaker_nouns.txt`, `data/speaker_bodies.txt`). Only the places where a cue or a quotation mark stands are looked
//! at, so the cost is one automaton pass over the text plus a little work per statement.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::extract::{DocResult, Mention};
use crate::label::Label;
use crate::roles::Role;
use crate::sentences;

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
    /// Byte span of the reporting verb or phrase (`cue`); a span of the text, not a copy: a
    /// corpus has about one quote per 600 bytes.
    cue_bspan: (usize, usize),
}

impl Quote {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.bstart..self.bend]
    }
    /// The reporting verb or phrase as written (`stressed`, `according to`).
    pub fn cue<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.cue_bspan.0..self.cue_bspan.1]
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
    /// Anchored: run only at the word starts that `first_words` lets through.
    cues: AhoCorasick,
    /// By the first two letters of a word (lower case), the lengths (bits) and the last letters
    /// (bits) of the cues' first words that start so: most words of a text are ruled out by one
    /// table lookup, and the last letter halves the words left for the hash lookup.
    first_letters: Box<[[(u32, u32); 26]; 26]>,
    /// The cues' first words (lower case): the cue that is that word alone, and whether longer
    /// cues start with it. Only those start the automaton.
    first_words: FxHashMap<Box<[u8]>, (Option<usize>, bool)>,
    kinds: Vec<CueKind>,
    /// Nouns that stand for a speaker (`minister`, `special envoy`, `lawyers`, `ministry`), lower case.
    nouns: FxHashSet<String>,
    /// The last words of the nouns (`envoy` of `special envoy`): a phrase whose head is none of
    /// them names no speaker, which rules out most phrases before any other work.
    noun_heads: FxHashSet<String>,
    /// The nouns among them that name a body or a document (`ministry`, `statement`), never a person.
    bodies: FxHashSet<String>,
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
        // Cues start words, so the automaton is only asked at the few word starts whose first
        // word could open a cue: an unanchored scan of every byte cost a third of the quotes pass.
        let cues = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("the reporting cues compile");
        let mut first_letters = Box::new([[(0u32, 0u32); 26]; 26]);
        let mut first_words: FxHashMap<Box<[u8]>, (Option<usize>, bool)> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            let w = p.split(' ').next().unwrap_or(p).as_bytes();
            assert!(w.len() >= 2 && w.len() < 32 && w.iter().all(u8::is_ascii_lowercase), "reporting cue {p:?}: lower-case ASCII words of 2 to 31 letters");
            let seen = &mut first_letters[usize::from(w[0] - b'a')][usize::from(w[1] - b'a')];
            seen.0 |= 1 << w.len();
            seen.1 |= 1 << (w[w.len() - 1] - b'a');
            let entry = first_words.entry(w.into()).or_default();
            if w.len() == p.len() {
                entry.0 = Some(i);
            } else {
                entry.1 = true;
            }
        }
        let mut nouns: FxHashSet<String> = data_lines(include_str!("../data/speaker_nouns.txt")).map(str::to_lowercase).collect();
        // The head word of every title (`Minister of Foreign Affairs` -> `minister`) can stand
        // for the person who holds it.
        for t in data_lines(include_str!("../data/titles.txt")) {
            let head = t.split(" of ").next().unwrap_or(t);
            if let Some(w) = head.split_whitespace().last() {
                nouns.insert(w.to_lowercase());
            }
        }
        let bodies: FxHashSet<String> = data_lines(include_str!("../data/speaker_bodies.txt")).map(str::to_lowercase).collect();
        nouns.extend(bodies.iter().cloned());
        let noun_heads = nouns.iter().filter_map(|n| n.split(' ').next_back()).map(str::to_owned).collect();
        Rules { cues, first_letters, first_words, kinds, nouns, noun_heads, bodies }
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
    let starts = mentions.iter().map(|m| m.bstart).collect();
    let ctx = Ctx { text, sentences, mentions, starts, roles, referents: Default::default() };
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
    continue_speakers(&ctx, &mut out);
    finish(&ctx, out)
}

/// `he`/`she` (`it`) opening a statement right after another statement by a person (an
/// organisation), with none named between, is that speaker (`Lam said he will ... He vowed to
/// ...`, where the nearest name before `He` is the predecessor Lam mentioned): news prose keeps
/// its subject.
fn continue_speakers(ctx: &Ctx, drafts: &mut [Draft]) {
    let person = |l: Label| l == Label::Person;
    let body = |l: Label| matches!(l, Label::Org | Label::Gpe);
    let mut last: Option<(usize, usize, Label, Speaker)> = None;
    for d in drafts.iter_mut() {
        let sentence = sentences::sentence_of(ctx.sentences, d.start);
        if let (Some((s, span)), Some((prev_sentence, prev_end, label, who))) = (&mut d.speaker, &last) {
            let span = *span;
            let kind: Option<fn(Label) -> bool> = match ctx.text[span.0..span.1].to_lowercase().as_str() {
                "he" | "she" if person(*label) => Some(person),
                "it" if body(*label) => Some(body),
                _ => None,
            };
            let (ss, _) = ctx.sentence_span(span.0);
            if let Some(same) = kind {
                let from = ctx.first_from(ss.max(*prev_end));
                let named_between = ctx.mentions[from..].iter().take_while(|m| m.bstart < span.0).any(|m| same(m.label) && m.bend <= span.0);
                if sentence <= prev_sentence + 1 && !named_between {
                    *s = who.clone();
                }
            }
        }
        if let Some((who @ Speaker::Entity(label, _), _)) = &d.speaker {
            last = Some((sentence, d.end.max(d.cue.1), *label, who.clone()));
        }
    }
}

/// The quotes of a document the extractor has read (`result` is its extraction).
pub fn of_document(text: &str, result: &DocResult) -> Vec<Quote> {
    if result.sentences.is_empty() && !text.is_empty() {
        return find_quotes(text, &sentences::split(text), &result.mentions, &result.roles);
    }
    find_quotes(text, &result.sentences, &result.mentions, &result.roles)
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

fn finish(ctx: &Ctx, drafts: Vec<Draft>) -> Vec<Quote> {
    let ascii = ctx.text.is_ascii();
    let char_offset = |p: usize| if ascii { p } else { ctx.char_offset(p) };
    drafts
        .into_iter()
        .map(|d| {
            let (a, b) = d.speaker.as_ref().map_or((0, 0), |f| f.1);
            let c = [d.start, d.end, a, b].map(char_offset);
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
                cue_bspan: d.cue,
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
                (who, q.text(text).to_owned(), q.kind.as_str(), q.cue(text).to_owned(), span)
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

    /// (speaker, statement) of each quote, the speaker as in `run`.
    fn who_what(text: &str) -> Vec<(String, String)> {
        run(text).into_iter().map(|q| (q.0, q.1)).collect()
    }

    #[test]
    fn a_body_or_a_document_is_never_a_person() {
        let q = who_what("Nguyễn Văn An toured the port. Exports rose by 5 percent, according to a press release.");
        assert_eq!(q, [("a press release".to_owned(), "Exports rose by 5 percent".to_owned())]);
        let q = who_what("President Kim Jae-won met executives in Hanoi. The meeting was useful, his office said.");
        assert_eq!(q, [("his office".to_owned(), "The meeting was useful".to_owned())]);
    }

    #[test]
    fn an_indefinite_speaker_is_someone_not_named_before() {
        let q = who_what("Nguyễn Văn An signed the deal. The deal covers rice, according to a Vietnamese official.");
        assert_eq!(q[0].0, "a Vietnamese official", "{q:?}");
    }

    #[test]
    fn the_minister_is_not_the_prime_minister() {
        let text = "Prime Minister Tan Kim Hock will visit Hanoi, and Trade Minister Lim Boon Keat will go with him. \
                    The minister said exports would double.";
        let q = who_what(text);
        assert_eq!(q.last().map(|x| x.0.as_str()), Some("PERSON:lim boon keat"), "{q:?}");
    }

    #[test]
    fn a_phrase_between_subject_and_verb_is_skipped() {
        let q = who_what("After Trần Văn Bình was arrested, the Ministry of Public Security in a statement said the law was applied.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.starts_with("ORG:ministry of public security"), "{q:?}");
        assert_eq!(q[0].1, "the law was applied");
    }

    #[test]
    fn he_goes_on_from_the_speaker_before() {
        let q = who_what("Lê Văn Minh said he would keep the policies of Trần Quốc Bảo. He vowed to finish the new road by 2027.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1], ("PERSON:le van minh".to_owned(), "to finish the new road by 2027".to_owned()));
    }

    #[test]
    fn a_quote_is_not_attributed_across_a_paragraph_break() {
        let text = "Nguyễn Văn Nam said the plan needed \"firm and quick steps.\"\n\nThis was welcomed by Trần Thị Bình, who said the city would help.";
        let q = who_what(text);
        assert!(q.contains(&("PERSON:nguyen van nam".to_owned(), "firm and quick steps.".to_owned())), "{q:?}");
        assert!(q.contains(&("PERSON:tran thi binh".to_owned(), "the city would help".to_owned())), "{q:?}");
    }

    #[test]
    fn a_name_ending_in_an_article_like_word_still_speaks() {
        // `An` is a given name here, not the article (no article stands right before a verb).
        let q = who_what("Hồ Văn An said the bridge would open in May.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "the bridge would open in May");
    }

    #[test]
    fn speaker_forms_after_the_verb() {
        // The name in apposition, a pronoun as object, a title listed with commas, a missing comma.
        let q = who_what("\"The court was wrong,\" said one of his lawyers, Hoàng Văn Hải.");
        assert_eq!(q[0].0, "PERSON:hoang van hai", "{q:?}");
        let q = who_what("Phạm Thu Hà arrived on Monday. According to him, the two sides would cooperate on fisheries.");
        assert_eq!(q[0].0, "PERSON:pham thu ha", "{q:?}");
        let q = who_what("Both countries should work closely on halal food, said Investment, Trade and Industry Minister Tan Sri Lim Boon Keat.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "Both countries should work closely on halal food");
        assert!(q[0].0.contains("lim boon keat"), "{q:?}");
        let q = who_what("The agreements were not as substantial as the last ones said Nguyễn Văn Hải, a senior fellow.");
        assert_eq!(q, [("PERSON:nguyen van hai".to_owned(), "The agreements were not as substantial as the last ones".to_owned())]);
    }

    #[test]
    fn passive_is_no_statement() {
        assert!(run("The ministries were urged to act quickly on the plan.").is_empty());
    }
    #[test]
    fn ascii_letters_are_the_bits_of_letters() {
        // Every byte value at every place of a block, and blocks of every length.
        let all: Vec<u8> = (0..=255u8).collect();
        for block in all.chunks(64).chain(all.windows(13).step_by(7)) {
            let want = block.iter().enumerate().fold(0u64, |m, (i, c)| m | u64::from(c.is_ascii_alphabetic()) << i);
            assert_eq!(scan::ascii_letters(block), want, "{block:?}");
        }
    }

    /// (cue as written, kind) of each cue found in `text`.
    fn cues(text: &str) -> Vec<(&str, CueKind)> {
        find_cues(text).into_iter().map(|c| (&text[c.start..c.end], c.kind)).collect()
    }

    #[test]
    fn cues_start_and_end_words() {
        use CueKind::{Source, Verb};
        assert_eq!(cues("He said so, SAID she; Said."), [("said", Verb), ("SAID", Verb), ("Said", Verb)]);
        // Inside a longer word, after a digit, hyphen or apostrophe, or before a letter or digit
        // of any script: no cue.
        assert_eq!(cues("unsaid essays sayings 5said re-said o'said saidé said2 saïd"), []);
        // Punctuation, an apostrophe or a hyphen may follow; a letter beyond ASCII before it
        // makes it part of a word.
        assert_eq!(cues("“said” said's said-so Việtsaid (said)"), [("said", Verb), ("said", Verb), ("said", Verb), ("said", Verb)]);
        // The longest cue written at a place; its words start no other cue.
        assert_eq!(
            cues("It was stated clearly, as stated by him, according to her."),
            [("stated clearly", Verb), ("as stated by", Source), ("according to", Source)]
        );
        assert_eq!(cues("as stated bye"), []);
        // Only word starts are tried: a cue that would begin inside a word hides nothing after it.
        assert_eq!(cues("whereas stated in the law"), [("stated", Verb)]);
        // Word starts on both sides of the 64-byte blocks the scan reads, and a word across one.
        let long = format!("{}said {}according to her", "x ".repeat(30), "y".repeat(60));
        assert_eq!(cues(&long), [("said", Verb)]);
        let edge = format!("{} said, {}", ".".repeat(62), "z ".repeat(40));
        assert_eq!(cues(&edge), [("said", Verb)]);
        assert_eq!(cues("according  to her"), [], "a cue's words are one space apart");
    }
}
