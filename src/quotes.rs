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
        for (file, kind) in [(include_str!("data/reporting_verbs.txt"), CueKind::Verb), (include_str!("data/reporting_phrases.txt"), CueKind::Source)] {
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
        let mut nouns: FxHashSet<String> = data_lines(include_str!("data/speaker_nouns.txt")).map(str::to_lowercase).collect();
        // The head word of every title (`Minister of Foreign Affairs` -> `minister`) can stand
        // for the person who holds it.
        for t in data_lines(include_str!("data/titles.txt")) {
            let head = t.split(" of ").next().unwrap_or(t);
            if let Some(w) = head.split_whitespace().last() {
                nouns.insert(w.to_lowercase());
            }
        }
        Rules { cues, kinds, nouns }
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// Quotation marks: opening, closing, or either (the straight `"`).
fn mark(c: char) -> Option<Mark> {
    match c {
        '“' | '„' => Some(Mark::Open),
        '”' => Some(Mark::Close),
        '"' => Some(Mark::Straight),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Straight,
}

/// Spans `(open mark start, content start, content end, close mark end)` of the quoted
/// passages. A quote whose paragraph ends unclosed goes on when the next paragraph opens with
/// a quotation mark (the newswire convention for a quote over several paragraphs).
fn quoted_spans(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    // Only quotation marks and line ends matter: `"`, the lead byte of `“ ” „` (E2 80 9C-9E)
    // and `\n`, found with a vectorised search rather than by decoding every character.
    while let Some(k) = memchr::memchr3(b'"', 0xE2, b'\n', &b[i..]) {
        let at = i + k;
        i = at + 1;
        if b[at] == b'\n' {
            if let Some(o) = open {
                // Paragraph ends inside a quote: go on only if the next paragraph opens a quote.
                let rest = text[at..].trim_start();
                if rest.chars().next().and_then(mark).is_some_and(|m| m != Mark::Close) {
                    i = text.len() - rest.len() + rest.chars().next().map_or(1, char::len_utf8);
                    open = Some(o);
                } else {
                    open = None;
                }
            }
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let Some(m) = mark(c) else { continue };
        let end = at + c.len_utf8();
        i = end;
        let opens = match m {
            Mark::Open => true,
            Mark::Close => false,
            // A straight mark opens after a space, a bracket, a dash or the start of the text.
            Mark::Straight => text[..at].chars().next_back().is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)),
        };
        match (opens, open) {
            (true, _) => open = Some((at, end)),
            (false, Some((os, oe))) => {
                out.push((os, oe, at, end));
                open = None;
            }
            (false, None) => {}
        }
    }
    out
}

/// The reporting cues of a text, on word boundaries.
fn find_cues(text: &str) -> Vec<Cue> {
    let r = rules();
    r.cues
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(|c| c.is_alphanumeric())
        })
        .map(|m| Cue { start: m.start(), end: m.end(), kind: r.kinds[m.pattern().as_usize()] })
        .collect()
}

/// The word ending at or before `p` (spaces skipped), not before `lo`: its byte span.
fn word_before(text: &str, lo: usize, p: usize) -> Option<(usize, usize)> {
    let s = &text[lo..p];
    let trimmed = s.trim_end();
    let end = lo + trimmed.len();
    let c = trimmed.chars().next_back()?;
    if !is_word_char(c) {
        return Some((end - c.len_utf8(), end));
    }
    let start = trimmed.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map_or(end, |(i, _)| lo + i);
    Some((start, end))
}

/// The word starting at or after `p` (spaces skipped), before `hi`.
fn word_after(text: &str, p: usize, hi: usize) -> Option<(usize, usize)> {
    let s = &text[p..hi];
    let start = p + (s.len() - s.trim_start().len());
    let c = text[start..hi].chars().next()?;
    if !is_word_char(c) {
        return Some((start, start + c.len_utf8()));
    }
    let end = text[start..hi].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(hi, |(i, _)| start + i);
    Some((start, end))
}

/// The last place of `needle` (ASCII lower case) in `hay`, ASCII case ignored.
fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn lower(text: &str, (s, e): (usize, usize)) -> String {
    text[s..e].to_lowercase()
}

const SKIPPED_BEFORE_VERB: &[&str] = &["also", "further", "then", "later", "has", "have", "had", "once", "again", "repeatedly", "previously", "recently", "earlier", "reportedly", "clearly", "firmly", "strongly", "particularly"];
const PASSIVE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "of", "to", "for", "with", "by", "in", "on", "my", "our"];
const HONORIFICS: &[&str] = &["comrade", "mr", "mrs", "ms", "dr", "madam", "sir", "."];
const PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "after", "before", "while", "to", "at", "via", "through", "from", "by", "with", "reporters", "journalists", "media", "press"];

/// One document's view for the rules.
struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [(usize, usize)],
    /// Sorted by start, without overlaps.
    mentions: &'a [Mention],
    roles: &'a [Role],
    /// Code-point to byte: roles carry code points.
    role_bytes: Vec<usize>,
    /// People referred to by a title (`the Samsung Chairman`), where: a later `he` may mean them.
    referents: std::cell::RefCell<Vec<(usize, Speaker)>>,
}

/// A speaker and the byte span naming it.
type Found = (Speaker, (usize, usize));

fn speaks(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Norp)
}

impl<'a> Ctx<'a> {
    fn sentence_span(&self, p: usize) -> (usize, usize) {
        self.sentences.get(sentences::sentence_of(self.sentences, p)).copied().unwrap_or((0, self.text.len()))
    }

    /// The mention that ends exactly at `p`.
    fn mention_ending_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions[..i].last().filter(|m| m.bend == p)
    }

    /// The mention that starts exactly at `p`.
    fn mention_starting_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions.get(i).filter(|m| m.bstart == p)
    }

    /// The nearest mention of `label` ending at or before `p` (and at or after `lo`).
    fn nearest_before(&self, p: usize, lo: usize, label: Label) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions[..i].iter().rev().take_while(|m| m.bstart >= lo).find(|m| m.label == label && m.bend <= p)
    }

    fn entity(m: &Mention) -> Speaker {
        Speaker::Entity(m.label, m.key.clone())
    }

    /// A pronoun at `w`, resolved to the nearest person (an organisation for `it`) named before.
    fn pronoun(&self, w: (usize, usize)) -> Option<Found> {
        let label = match lower(self.text, w).as_str() {
            "he" | "she" | "they" => Label::Person,
            "it" => Label::Org,
            _ => return None,
        };
        let m = self.nearest_before(w.0, 0, label);
        if label == Label::Person {
            let refs = self.referents.borrow();
            let titled = refs.iter().filter(|r| r.0 < w.0).max_by_key(|r| r.0);
            if let Some((_, who)) = titled.filter(|r| m.is_none_or(|m| r.0 > m.bstart)) {
                return Some((who.clone(), w));
            }
        }
        Some((Self::entity(m?), w))
    }

    /// `the minister`, `the ministry`, `rights groups` ending at `p` (its head word last): the
    /// organisation or person it stands for, else the words themselves.
    fn noun_phrase(&self, lo: usize, p: usize) -> Option<Found> {
        let r = rules();
        let head = word_before(self.text, lo, p)?;
        let head_word = lower(self.text, head);
        if !head_word.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        // Walk back over modifiers (`the foreign affairs minister`, `the Samsung Chairman`) to
        // a determiner; a phrase without one is a bare plural (`lawyers said`).
        let mut start = head.0;
        let mut determiner = false;
        let mut words = vec![head_word.clone()];
        for _ in 0..5 {
            let Some(w) = word_before(self.text, lo, start) else { break };
            let lw = lower(self.text, w);
            if lw == "the" || lw == "its" || lw == "a" {
                start = w.0;
                determiner = true;
                break;
            }
            if !lw.chars().next().is_some_and(char::is_alphanumeric) || PASSIVE.contains(&lw.as_str()) || DETERMINERS.contains(&lw.as_str()) {
                break;
            }
            if self.mention_ending_at(w.1).is_some_and(|m| m.label == Label::Person) {
                break;
            }
            words.push(lw);
            start = w.0;
        }
        let two = words.get(1).map(|w| format!("{w} {head_word}"));
        let noun = two.filter(|t| r.nouns.contains(t)).unwrap_or(head_word.clone());
        if !r.nouns.contains(&noun) {
            return None;
        }
        let span = (start, p);
        // An organisation named before whose name has the head word (`the ministry`).
        let org = self.mentions[..self.mentions.partition_point(|m| m.bstart < start)]
            .iter()
            .rev()
            .find(|m| matches!(m.label, Label::Org | Label::Gpe) && m.key.split(' ').any(|k| k == head_word));
        if let Some(m) = org.filter(|_| determiner) {
            return Some((Self::entity(m), span));
        }
        if determiner && !head_word.ends_with('s') {
            if let Some(person) = self.title_holder(&noun, start) {
                self.referents.borrow_mut().push((start, person.clone()));
                return Some((person, span));
            }
        }
        // A bare singular title (`President`) names nobody by itself.
        if !determiner && !head_word.ends_with('s') && head_word != "police" {
            return None;
        }
        Some((Speaker::Words(self.text[span.0..span.1].to_owned()), span))
    }

    /// The person named before `p` whose title contains `noun`: from the roles the document
    /// states, else the person nearest the noun where it was written earlier, else the person
    /// named last.
    fn title_holder(&self, noun: &str, p: usize) -> Option<Speaker> {
        let role = self.roles.iter().zip(&self.role_bytes).rev().filter(|(_, &b)| b < p).find(|(r, _)| r.role.to_lowercase().contains(noun));
        if let Some((r, _)) = role {
            return Some(Speaker::Entity(Label::Person, r.person_key.clone()));
        }
        if let Some(at) = rfind_ascii_ci(&self.text[..p], noun) {
            let (ss, se) = self.sentence_span(at);
            if let Some(m) = self.nearest_before(at, ss, Label::Person) {
                return Some(Self::entity(m));
            }
            let i = self.mentions.partition_point(|m| m.bstart < at);
            if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bstart < se).find(|m| m.label == Label::Person) {
                return Some(Self::entity(m));
            }
        }
        self.nearest_before(p, 0, Label::Person).map(Self::entity)
    }

    /// The speaker named by the words ending at `p`: a mention, a pronoun or a noun phrase.
    fn speaker_ending_at(&self, lo: usize, p: usize) -> Option<Found> {
        let w = word_before(self.text, lo, p)?;
        if let Some(m) = self.mention_ending_at(w.1).filter(|m| speaks(m.label)) {
            return Some((Self::entity(m), (m.bstart, m.bend)));
        }
        self.pronoun(w).or_else(|| self.noun_phrase(lo, w.1)).or_else(|| self.surname(w))
    }

    /// A capitalised word that is part of the name of a person named before (`Mr. Hung` after
    /// `Nguyen Quoc Hung`), which the extractor did not tie to that person.
    fn surname(&self, w: (usize, usize)) -> Option<Found> {
        let word = &self.text[w.0..w.1];
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        let k = crate::fold::key(word);
        let i = self.mentions.partition_point(|m| m.bstart < w.0);
        let m = self.mentions[..i].iter().rev().find(|m| m.label == Label::Person && m.key.split(' ').any(|x| x == k))?;
        Some((Self::entity(m), w))
    }

    /// The speaker named by the words starting at `p` (`said Trung`, `said the minister`).
    fn speaker_starting_at(&self, p: usize, hi: usize) -> Option<Found> {
        let first = word_after(self.text, p, hi)?;
        if let Some(found) = self.pronoun(first) {
            return Some(found);
        }
        // A name after its title (`according to Deputy Governor of the State Bank of Vietnam
        // (SBV) Dao Minh Tu`): the first person named before the next comma.
        let phrase_end = self.text[first.0..hi].find([',', ';', ':', '“', '"']).map_or(hi, |k| first.0 + k);
        let i = self.mentions.partition_point(|m| m.bstart < first.0);
        if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bend <= phrase_end).take(6).find(|m| m.label == Label::Person) {
            return Some((Self::entity(m), (m.bstart, m.bend)));
        }
        let mut w = first;
        for _ in 0..8 {
            if let Some(m) = self.mention_starting_at(w.0).filter(|m| speaks(m.label)) {
                // `the Samsung Chairman`: an organisation or country that modifies a title.
                let modifies = m.label != Label::Person && word_after(self.text, m.bend, hi).is_some_and(|x| rules().nouns.contains(&lower(self.text, x)));
                if !modifies {
                    return Some((Self::entity(m), (m.bstart, m.bend)));
                }
                break;
            }
            let lw = lower(self.text, w);
            let title_like = HONORIFICS.contains(&lw.as_str()) || lw == "the" || self.text[w.0..w.1].starts_with(char::is_uppercase);
            match word_after(self.text, w.1, hi) {
                Some(next) if title_like => w = next,
                _ => break,
            }
        }
        // A noun phrase up to the next punctuation (`noted the Samsung Chairman.`).
        let mut last = first;
        for _ in 0..6 {
            if rules().nouns.contains(&lower(self.text, last)) {
                break;
            }
            match word_after(self.text, last.1, hi) {
                Some(x) if self.text[x.0..x.1].chars().next().is_some_and(char::is_alphanumeric) => last = x,
                _ => break,
            }
        }
        self.noun_phrase(first.0, last.1).or_else(|| self.capitalised_run(first.0, phrase_end, true))
    }

    /// Two to six capitalised words from `p` (`forward`) or ending at `p`: a name the extractor
    /// did not find (`Nakagawa Tetsuyuki said`). Stops at a title, a determiner or an entity.
    fn capitalised_run(&self, p: usize, hi: usize, forward: bool) -> Option<Found> {
        let r = rules();
        let mut span: Option<(usize, usize)> = None;
        let mut n = 0;
        let mut w = if forward { word_after(self.text, p, hi)? } else { word_before(self.text, hi, p)? };
        loop {
            let t = &self.text[w.0..w.1];
            let lw = t.to_lowercase();
            let i = self.mentions.partition_point(|m| m.bstart <= w.0);
            let in_mention = self.mentions[..i].last().is_some_and(|m| m.bend >= w.1);
            if !t.starts_with(char::is_uppercase) || r.nouns.contains(&lw) || DETERMINERS.contains(&lw.as_str()) || in_mention || n == 6 {
                break;
            }
            n += 1;
            span = Some(span.map_or(w, |s: (usize, usize)| (s.0.min(w.0), s.1.max(w.1))));
            let next = if forward { word_after(self.text, w.1, hi) } else { word_before(self.text, hi, w.0) };
            match next {
                Some(x) => w = x,
                None => break,
            }
        }
        let span = span.filter(|_| n >= 2)?;
        let found = (Speaker::Words(self.text[span.0..span.1].to_owned()), span);
        self.referents.borrow_mut().push((span.0, found.0.clone()));
        Some(found)
    }

    /// A name the extractor did not find, as written where it opens the clause before a cue
    /// (`Furusawa Yasuyuki, general director of AEON Vietnam, said`): two to five capitalised
    /// words followed by a comma or the cue.
    fn leading_name(&self, lo: usize, cue: usize) -> Option<Found> {
        let mut w = word_after(self.text, lo, cue)?;
        // `Meanwhile, Isac Patrício Nhabinde, head of ..., described`
        if let Some(comma) = word_after(self.text, w.1, cue).filter(|x| &self.text[x.0..x.1] == ",") {
            w = word_after(self.text, comma.1, cue)?;
        }
        let start = w.0;
        let mut n = 0;
        loop {
            let t = &self.text[w.0..w.1];
            if !t.starts_with(char::is_uppercase) || DETERMINERS.contains(&t.to_lowercase().as_str()) || n == 5 {
                return None;
            }
            n += 1;
            let end = w.1;
            match word_after(self.text, end, cue) {
                Some(x) if self.text[x.0..x.1].chars().next().is_some_and(char::is_alphanumeric) => w = x,
                next => {
                    let closes = next.is_none() || next.is_some_and(|x| &self.text[x.0..x.1] == ",");
                    let found = (n >= 2 && closes).then(|| (Speaker::Words(self.text[start..end].to_owned()), (start, end)));
                    if let Some(f) = &found {
                        self.referents.borrow_mut().push((start, f.0.clone()));
                    }
                    return found;
                }
            }
        }
    }

    /// The subject of a reporting verb at `cue`, left of it in its sentence: the words right
    /// before it (adverbs skipped), else the nearest person of the sentence (a subject with an
    /// apposition: `Trinh Van Quyet, Politburo member, ..., underlined`).
    fn subject(&self, lo: usize, cue: usize) -> Option<Found> {
        let mut p = cue;
        while let Some(w) = word_before(self.text, lo, p) {
            if SKIPPED_BEFORE_VERB.contains(&lower(self.text, w).as_str()) {
                p = w.0;
            } else {
                break;
            }
        }
        let prev = word_before(self.text, lo, p)?;
        let prev_word = lower(self.text, prev);
        if PASSIVE.contains(&prev_word.as_str()) || DETERMINERS.contains(&prev_word.as_str()) {
            return None;
        }
        if prev_word != "," {
            if let Some(found) = self.speaker_ending_at(lo, p) {
                // `Bui Duc Giang of the Phu Tho Provincial Youth Union said`: the person.
                let attached = matches!(found.0, Speaker::Entity(l, _) if l != Label::Person)
                    && word_before(self.text, lo, found.1 .0).map(|w| lower(self.text, w)).is_some_and(|w| matches!(w.as_str(), "of" | "from" | "at" | "with" | "in" | "the" | ","));
                if !attached {
                    return Some(found);
                }
            }
        }
        self.nearest_before(cue, lo, Label::Person)
            .map(|m| (Self::entity(m), (m.bstart, m.bend)))
            .or_else(|| self.leading_name(lo, cue))
            .or_else(|| if prev_word == "," { None } else { self.capitalised_run(p, lo, false) })
    }
}

/// The end of a statement that runs from `from` to the end of its sentence `se`: before the
/// final full stop, or at the comma of a following cue (`..., adding that`, `..., he said`).
fn content_end(ctx: &Ctx, from: usize, se: usize, cues: &[Cue]) -> usize {
    let text = ctx.text;
    for c in cues.iter().filter(|c| c.start > from && c.start < se) {
        // The comma before the cue, with at most a speaker between (`, he said`, `, Trung said`).
        let before = &text[from..c.start];
        if let Some(comma) = before.rfind(',') {
            let between = before[comma + 1..].trim();
            let short = between.split_whitespace().count() <= 4 && !between.contains(['“', '"']);
            if short && (between.is_empty() || ctx.speaker_ending_at(from + comma + 1, c.start).is_some()) {
                return from + comma;
            }
        }
    }
    trim_statement(text, from, se)
}

/// `[from, to)` without the spaces around it and the final full stop.
fn trim_statement(text: &str, from: usize, to: usize) -> usize {
    let s = text[from..to].trim_end();
    let s = s.strip_suffix(['.', ';']).unwrap_or(s).trim_end();
    from + s.len()
}

fn skip_spaces(text: &str, p: usize, hi: usize) -> usize {
    p + (text[p..hi].len() - text[p..hi].trim_start().len())
}

/// After a cue: `that`, a colon or a comma before the reported words.
fn content_start(text: &str, p: usize, hi: usize) -> usize {
    let mut q = skip_spaces(text, p, hi);
    if let Some(w) = word_after(text, q, hi) {
        let lw = lower(text, w);
        if lw == "that" || lw == ":" || lw == "," {
            q = skip_spaces(text, w.1, hi);
        }
    }
    q
}

/// A statement that starts after its cue: `said in a statement on Monday that` and
/// `told reporters that` skip to the `that`.
fn start_after_cue(text: &str, cue_end: usize, se: usize) -> usize {
    let q = skip_spaces(text, cue_end, se);
    if let Some(w) = word_after(text, q, se) {
        if PREPOSITIONS.contains(&lower(text, w).as_str()) || w.0 < se && text[w.0..w.1].chars().next().is_some_and(char::is_uppercase) {
            let window: Vec<(usize, usize)> = std::iter::successors(Some(w), |&x| word_after(text, x.1, se)).take(12).collect();
            if let Some(that) = window.iter().find(|&&x| matches!(lower(text, x).as_str(), "that" | ":")) {
                return skip_spaces(text, that.1, se);
            }
        }
    }
    content_start(text, cue_end, se)
}

fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
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

fn direct_quotes(ctx: &Ctx, quoted: &[(usize, usize, usize, usize)], cues: &[Cue], used: &mut [bool], out: &mut Vec<Draft>) {
    let text = ctx.text;
    let mut last: Option<Speaker> = None;
    let mut last_end = 0;
    let mut last_cue = (0, 0);
    for &(os, cs, ce, oe) in quoted {
        if words(&text[cs..ce]) < 2 {
            continue;
        }
        let (ss, _) = ctx.sentence_span(os);
        let (_, qe) = ctx.sentence_span(oe.saturating_sub(1));
        let hi = text.len().min(qe.max(oe + 80));
        let mut found: Option<(usize, Option<Found>)> = None;
        // After: `"...," he said`, `"...," said the minister`, `"...", Trung said.`
        // The first cue after the quote decides.
        if let Some((i, c)) = cues.iter().enumerate().find(|(_, c)| c.kind == CueKind::Verb && c.start >= oe && c.start < hi) {
            let between = text[oe..c.start].trim_matches(|ch: char| ch.is_whitespace() || ch == ',');
            let quoted_words = &text[cs..ce];
            // `"Tradition and Friendship", stated that`: a name in quotation marks, not a quote.
            let statement = quoted_words.trim_end().ends_with([',', '.', '?', '!', '…']) || words(quoted_words) >= 5;
            if between.is_empty() {
                if statement && !text[c.start..c.end].ends_with("ing") {
                    let cue_hi = ctx.sentence_span(c.end).1.max(c.end);
                    found = Some((i, ctx.speaker_starting_at(c.end, cue_hi)));
                }
            } else if words(between) <= 25 && !between.contains(['“', '"', '”']) && !ends_a_sentence(between) {
                // `"...," Trung said`, or with an apposition: `"...," Lieutenant Colonel Phan
                // Duy Cuong, the operations assistant of ..., said`.
                let after = oe + (text[oe..].len() - text[oe..].trim_start_matches(|ch: char| ch.is_whitespace() || ch == ',').len());
                found = ctx
                    .speaker_ending_at(oe, c.start)
                    .filter(|f| f.1 .0 >= oe && words(between) <= 6)
                    .or_else(|| ctx.speaker_starting_at(after, c.start).filter(|f| f.1 .0 >= oe))
                    .or_else(|| ctx.leading_name(after, c.start))
                    .map(|f| (i, Some(f)));
            }
        }
        // Before: `Trung said: "..."`, `he said "..."`.
        if found.is_none() {
            let before = cues.iter().enumerate().rev().find(|(_, c)| c.end <= os && c.end >= ss.min(os));
            if let Some((i, c)) = before {
                let gap = text[c.end..os].trim();
                let gap = gap.trim_start_matches([':', ',']).trim();
                if gap.is_empty() || gap.eq_ignore_ascii_case("that") {
                    let who = match c.kind {
                        CueKind::Verb => ctx.subject(ss, c.start),
                        CueKind::Source => ctx.speaker_starting_at(c.end, os),
                    };
                    found = Some((i, who));
                }
            }
        }
        match found {
            Some((i, who)) => {
                used[i] = true;
                last = who.as_ref().map(|f| f.0.clone()).or(last.clone());
                last_end = oe;
                last_cue = (cues[i].start, cues[i].end);
                out.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: who, inherited: None, cue: (cues[i].start, cues[i].end) });
            }
            // A quote that opens a paragraph without a cue of its own goes on from the speaker
            // of the quote before it.
            None if opens_sentence(text, os) && last.is_some() && last_end + 400 >= os && words(&text[cs..ce]) >= 4 => {
                // The cue is the one that attributed the quote it goes on from.
                out.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: None, inherited: last.clone(), cue: last_cue });
                last_end = oe;
            }
            None => {}
        }
    }
}

/// Words in quotation marks inside reported speech (`Trong said the framework will create
/// "favorable conditions"`) are the speaker's own words: a direct quote each, with the
/// statement's speaker and cue.
fn partial_quotes(quoted: &[(usize, usize, usize, usize)], out: &mut Vec<Draft>) {
    let mut found = Vec::new();
    for d in out.iter().filter(|d| d.kind == QuoteKind::Indirect) {
        for &(_, cs, ce, _) in quoted.iter().filter(|&&(os, _, _, oe)| d.start <= os && oe <= d.end + 3) {
            if cs < ce {
                found.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: d.speaker.clone(), inherited: d.inherited.clone(), cue: d.cue });
            }
        }
    }
    out.extend(found);
}

/// Whether a full stop in `s` ends a sentence (not the one of `Mr.`, `Dr.`).
fn ends_a_sentence(s: &str) -> bool {
    s.match_indices('.').any(|(i, _)| !["Mr", "Ms", "Mrs", "Dr", "Prof", "St"].iter().any(|h| s[..i].ends_with(h)))
}

/// Whether a quotation mark at `os` opens a sentence or a paragraph.
fn opens_sentence(text: &str, os: usize) -> bool {
    let before = text[..os].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '.', '?', '!', '”', '"'])
}

fn indirect_quotes(ctx: &Ctx, quoted: &[(usize, usize, usize, usize)], cues: &[Cue], used: &[bool], out: &mut Vec<Draft>) {
    let text = ctx.text;
    let inside_quote = |p: usize| quoted.iter().any(|&(_, cs, ce, _)| cs <= p && p < ce);
    // Statements found so far that a later cue may sit inside (`..., while adding viewpoints`).
    let mut covered_until = 0;
    let mut prev: Option<(usize, Option<Found>)> = None;
    for (i, c) in cues.iter().enumerate() {
        if used[i] || c.start < covered_until || inside_quote(c.start) {
            continue;
        }
        let (ss, se) = ctx.sentence_span(c.start);
        let draft = match c.kind {
            CueKind::Source => source_quote(ctx, c, ss, se, cues),
            CueKind::Verb => verb_quote(ctx, c, ss, se, cues, prev.as_ref().filter(|(s, _)| *s == ss).and_then(|p| p.1.clone())),
        };
        let Some(d) = draft else { continue };
        if words(&text[d.start..d.end]) < 2 || quoted.iter().any(|&(_, cs, ce, _)| cs <= d.start && d.end <= ce) {
            continue;
        }
        covered_until = covered_until.max(if d.start > c.end { d.end } else { c.end });
        prev = Some((ss, d.speaker.clone()));
        out.push(d);
    }
}

/// `According to X, ...` and `..., according to X.`
fn source_quote(ctx: &Ctx, c: &Cue, ss: usize, se: usize, cues: &[Cue]) -> Option<Draft> {
    let text = ctx.text;
    let who = ctx.speaker_starting_at(c.end, se);
    let lead = text[ss..c.start].trim();
    let (start, end) = if lead.is_empty() || lead.ends_with(',') && words(lead) <= 3 {
        // The source comes first: the statement follows the comma after it.
        let comma = text[c.end..se].find(',')? + c.end;
        let s = skip_spaces(text, comma + 1, se);
        let s = content_start(text, s, se);
        (s, content_end(ctx, s, se, cues))
    } else if lead.ends_with(',') {
        (ss, ss + text[ss..c.start].trim_end().len() - 1)
    } else {
        return None;
    };
    (end > start).then_some(Draft { start, end, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) })
}

/// `X said (that) ...`, `..., X said.`, `..., said X.`, and a participle that opens its sentence
/// (`Affirming that ..., Trung proposed ...`).
fn verb_quote(ctx: &Ctx, c: &Cue, ss: usize, se: usize, cues: &[Cue], same_sentence: Option<Found>) -> Option<Draft> {
    let text = ctx.text;
    let before = text[ss..c.start].trim_end();
    // `..., he said.` / `..., said the minister.`: the statement is the clause before the comma.
    let comma_at = before.rfind(',').map(|k| ss + k);
    if let Some(comma) = comma_at {
        let between = &text[comma + 1..c.start];
        let after_speaker = match between.trim().is_empty() {
            true => ctx.speaker_starting_at(c.end, se).map(|f| (f.1 .1, Some(f))),
            false => ctx.speaker_ending_at(comma + 1, c.start).filter(|f| f.1 .0 > comma).map(|f| (c.end, Some(f))),
        };
        if let Some((tail_from, who)) = after_speaker {
            let tail = text[tail_from..se].trim().trim_end_matches(['.', '”', '"']);
            // The sentence ends there, or goes on with another cue (`, adding that ...`).
            let ends = words(tail) <= 6 || tail.starts_with(',') && cues.iter().any(|x| x.start > tail_from && x.start < tail_from + 16);
            if ends {
                let start = clause_start(text, ss, comma);
                return Some(Draft { start, end: comma, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) });
            }
        }
    }
    let start = start_after_cue(text, c.end, se);
    let subject = ctx.subject(ss, c.start);
    let who = match subject {
        Some(f) => Some(f),
        // `..., adding that ...` after a statement of this sentence: the same speaker.
        None if before.ends_with(',') && same_sentence.is_some() => same_sentence,
        None if before.is_empty() || words(before) <= 5 && before.ends_with(',') => {
            // A participle opening the sentence: the statement runs to the comma before the
            // subject of the sentence (`Affirming that ..., Trung proposed`).
            let mut p = start;
            let mut found = None;
            while let Some(k) = text[p..se].find(',') {
                let comma = p + k;
                if let Some(f) = ctx.speaker_starting_at(comma + 1, se).filter(|f| matches!(f.0, Speaker::Entity(Label::Person, _))) {
                    found = Some((comma, f));
                    break;
                }
                p = comma + 1;
            }
            let (comma, f) = found?;
            return Some(Draft { start, end: comma, kind: QuoteKind::Indirect, speaker: Some(f), inherited: None, cue: (c.start, c.end) });
        }
        None => return None,
    };
    let end = content_end(ctx, start, se, cues);
    (end > start).then_some(Draft { start, end, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) })
}

/// Where the clause that ends at `comma` starts: the sentence start, or after an earlier
/// `X said` of the same sentence; an opening quotation mark skipped.
fn clause_start(text: &str, ss: usize, comma: usize) -> usize {
    let s = skip_spaces(text, ss, comma);
    s + text[s..comma].chars().next().filter(|&c| mark(c).is_some()).map_or(0, char::len_utf8)
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
