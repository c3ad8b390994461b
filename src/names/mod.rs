//! Finding names: people, organisations, places, events and documents. Capitalised runs of
//! words (with the connectors names contain: `of`, `for`, `and`, `the`, `(CPV)`, comma lists)
//! are cut into chunks, and each chunk is read left to right: a known name from the gazetteer, a
//! title (`Minister of Foreign Affairs`), a person (a surname or given name from the lists, or
//! the words a title introduces), or a phrase whose head word says what it is (`... Commission`
//! is an ORG, `... Congress` an EVENT, `... Hall` a FAC, `Resolution of ...` a LAW). Everything
//! here is a general pattern; the knowledge is in the lexicon's data files.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use regex::Regex;

use crate::fold::Folded;
use crate::label::Label;
use crate::lexicon::{Hit, Lexicon};
use crate::tokens::{Kind, Token};

mod evidence;

/// A name found in a document, in token indices `[ts, te)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    pub ts: usize,
    pub te: usize,
    pub label: Label,
    /// The lexicon entry when the span is a known name.
    pub entry: Option<u32>,
    /// For a short person reference (`Trung`), the span of the full name it stands for.
    pub refers_to: Option<(usize, usize)>,
}

/// Document numbers: `Resolution No. 57-NQ/TW`, `Directive No. 01-CT/TW`, `Decree 15/2020/ND-CP`.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Resolution|Directive|Decree|Decision|Conclusion|Regulation|Circular|Instruction|Ordinance|Notice|Law)\s+(?:No\.?|Nos\.?|Number)?\s*\d+[0-9A-Za-zĐđ]*(?:[-/][0-9A-Za-zĐđ]+)*")
        .expect("valid regex")
});

/// `second plenum of the`, `10th session of the`: a meeting named by its ordinal and body.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+(?:plenum|plenary\s+session|plenary\s+meeting|extraordinary\s+session|session|meeting|congress)\s+of\s+(?:the\s+)?$")
        .expect("valid regex")
});

const CONNECTORS: &[&str] = &["of", "for", "and", "the", "to", "in", "on", "its", "de", "du", "des", "la", "le"];
/// Connectors that can join a head word to the rest of its name (`Ministry of ...`).
const EXTENDERS: &[&str] = &["of", "for", "to", "on"];

struct Ctx<'a> {
    text: &'a str,
    f: &'a Folded,
    toks: &'a [Token],
    lex: &'a Lexicon,
    /// Gazetteer hit (end token, entry) starting at each token.
    gaz: Vec<Option<(usize, u32)>>,
    /// Document-number span (end token) starting at each token.
    docnum: Vec<Option<usize>>,
    /// Per-token facts, looked up once: the chunker asks them many times per token.
    flags: Vec<Flags>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    stop: bool,
    head: Option<Label>,
    /// End of the longest title starting here.
    title: Option<usize>,
    surname: bool,
    given: bool,
    given_weak: bool,
    family: bool,
    family_weak: bool,
    common: bool,
    sector: bool,
    legal: bool,
    opening: bool,
    /// The token opens a sentence (or a line): its capital says nothing.
    sentence_start: bool,
    /// The token stands in a Title Case line (`Corvenna Foods Ltd To Cut 300 Jobs In Valdoria`),
    /// where capitals say nothing either.
    headline: bool,
}

impl Flags {
    /// Any of the name lists knows the word.
    fn name_like(&self) -> bool {
        self.surname || self.given || self.given_weak || self.family || self.family_weak
    }
}

fn token_flags(f: &Folded, toks: &[Token], lex: &Lexicon) -> Vec<Flags> {
    let mut out = vec![Flags::default(); toks.len()];
    for (i, t) in toks.iter().enumerate() {
        // Only capitalised words start names, titles or heads in running text.
        if t.kind != Kind::Word || !t.cap {
            continue;
        }
        let sentence_start = opens_sentence(f, toks, i);
        let word = t.folded(f);
        let mut info = lex.words.get(word).copied().unwrap_or_default();
        if word.contains('-') {
            // `State-owned`, `Low-cost`: common when every part is.
            info.common = word.split('-').all(|p| lex.words.get(p).is_some_and(|w| w.common));
        }
        let mut title = None;
        let max = (i + lex.max_name_title_words).min(toks.len());
        for j in i + 1..=max {
            if toks[j - 1].kind != Kind::Word {
                break;
            }
            match lex.name_title_prefixes.get(&f.text[t.fstart..toks[j - 1].fend]) {
                Some(true) => title = Some(j),
                Some(false) => {}
                // Folded text joins words with one space, as the prefixes do; no title goes on
                // from a prefix no title has.
                None => break,
            }
        }
        out[i] = Flags {
            stop: info.stop,
            head: info.head,
            title,
            surname: info.surname,
            given: info.given,
            given_weak: info.given_weak,
            family: info.family,
            family_weak: info.family_weak,
            common: info.common,
            sector: info.sector,
            legal: info.legal,
            opening: info.opening,
            sentence_start,
            headline: false,
        };
    }
    out
}

/// Mark the tokens of Title Case lines: four or more words, nearly all capitalised, a small
/// word among them capitalised too (`To`, `In`, `As`), and no full stop at the end.
fn mark_headlines(text: &str, f: &Folded, toks: &[Token], flags: &mut [Flags]) {
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && !toks[end].newline_before {
            end += 1;
        }
        let words: Vec<usize> = (start..end).filter(|&i| toks[i].kind == Kind::Word).collect();
        let capped = words.iter().filter(|&&i| toks[i].cap).count();
        // A small English word (`To`, `In`), not a Vietnamese name that folds to one (`Tô`).
        let small = words.iter().skip(1).filter(|&&i| toks[i].cap && flags[i].stop && toks[i].fend - toks[i].fstart <= 4 && toks[i].text(text).is_ascii() && !flags[i].surname).count();
        let ends_sentence = toks[end - 1].kind == Kind::Punct && matches!(toks[end - 1].folded(f), "." | "!" | "?");
        if words.len() >= 4 && small >= 1 && capped * 10 >= words.len() * 8 && !ends_sentence {
            (start..end).for_each(|i| flags[i].headline = true);
        }
        start = end;
    }
}

/// Does token `i` open a sentence or a line? After `.`, `!`, `?`, `:` (and a quotation mark after
/// them), but not after the full stop of a short abbreviation (`Mr.`, `Dr.`, `U.S.`).
fn opens_sentence(f: &Folded, toks: &[Token], i: usize) -> bool {
    if i == 0 || toks[i].newline_before {
        return true;
    }
    let mut k = i - 1;
    while k > 0 && toks[k].kind == Kind::Punct && matches!(toks[k].folded(f), "\"" | "'" | "(" | "[") {
        if toks[k].newline_before {
            return true;
        }
        k -= 1;
    }
    if toks[k].kind != Kind::Punct {
        return false;
    }
    match toks[k].folded(f) {
        "!" | "?" | ":" | "|" => true,
        "." => !(k > 0 && toks[k - 1].kind == Kind::Word && toks[k - 1].cap && toks[k - 1].fend - toks[k - 1].fstart <= 3 && toks[k - 1].fend == toks[k].fstart),
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    fn folded(&self, i: usize) -> &'a str {
        self.toks[i].folded(self.f)
    }
    fn tok_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Word
    }
    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].cap
    }
    fn is_connector(&self, i: usize) -> bool {
        self.is_word(i) && !self.toks[i].cap && CONNECTORS.contains(&self.folded(i))
    }
    fn is_stop(&self, i: usize) -> bool {
        self.flags[i].stop
    }
    fn is_ordinal(&self, i: usize) -> bool {
        if i >= self.toks.len() || self.toks[i].kind != Kind::Number {
            return false;
        }
        let s = self.folded(i);
        let head = s.split('-').next().unwrap_or(s);
        let digits = head.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &head[digits.len()..];
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && matches!(suffix, "st" | "nd" | "rd" | "th")
    }
    /// A small number inside a name, between capitalised words (`Ninh Thuận 1 Nuclear Power
    /// Plant`); years and counts in running text are longer or stand before lower case.
    fn inner_number(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && self.toks[i].kind == Kind::Number
            && self.is_cap(i - 1)
            && self.is_cap(i + 1)
            && self.tok_text(i).len() <= 3
            && self.tok_text(i).bytes().all(|b| b.is_ascii_digit())
    }
    /// The number a facility or event is known by, just after its head: `National Highway 1`,
    /// `Highway 279B`, `Ring Road No. 3`, `Vietnam Energy Summit 2020`. Returns the end.
    fn number_after(&self, q: usize, label: Label) -> Option<usize> {
        let num = |i: usize| i < self.toks.len() && self.toks[i].kind == Kind::Number && !self.toks[i].newline_before;
        match label {
            Label::Fac if num(q) => Some(q + 1),
            Label::Fac if q + 2 < self.toks.len() && self.folded(q) == "no" && self.tok_text(q + 1) == "." && num(q + 2) => Some(q + 3),
            Label::Event if num(q) && self.tok_text(q).len() == 4 && self.tok_text(q).starts_with(['1', '2']) => Some(q + 1),
            _ => None,
        }
    }
    fn head_label(&self, i: usize) -> Option<Label> {
        self.flags.get(i).and_then(|f| f.head)
    }
    /// The longest title starting at `i` (end token) that ends by `limit`, written with a capital.
    fn title_at(&self, i: usize, limit: usize) -> Option<usize> {
        let longest = self.flags.get(i)?.title?;
        if longest <= limit {
            return Some(longest);
        }
        // Rare: the longest title runs past the chunk; look for a shorter one inside it.
        (i + 1..limit).rev().find(|&j| self.lex.name_title_prefixes.get(&self.f.text[self.toks[i].fstart..self.toks[j - 1].fend]) == Some(&true))
    }
    /// A possessive inside a name: `People's` in `People's Committee`, `Women's` in `Women's
    /// Union` (`name_possessives.txt`), before another capitalised word.
    fn joins(&self, j: usize) -> bool {
        if j >= self.toks.len() {
            return false;
        }
        // `N&G Group`, `AT&T`, `Procter & Gamble`.
        if j > 0 && self.toks[j].kind == Kind::Punct && self.tok_text(j) == "&" {
            return self.is_cap(j - 1) && self.is_cap(j + 1);
        }
        // `Vietnam–China People's Forum`, `Mỹ Thuận–Cần Thơ Expressway`: a dash with no space
        // around it joins two names into one.
        if j > 0 && j + 1 < self.toks.len() && self.toks[j].kind == Kind::Punct && matches!(self.tok_text(j), "–" | "-" | "—") {
            return self.is_cap(j - 1) && self.is_cap(j + 1) && self.toks[j - 1].end == self.toks[j].start && self.toks[j].end == self.toks[j + 1].start;
        }
        j > 0
            && j + 1 < self.toks.len()
            && (self.toks[j].kind == Kind::Possessive || (self.toks[j].kind == Kind::Punct && matches!(self.tok_text(j), "'" | "’")))
            && self.toks[j - 1].cap
            && self.toks[j - 1].fend == self.toks[j].fstart
            && self.is_cap(j + 1)
            && self.lex.name_possessives.contains(self.folded(j - 1))
    }
    fn gaz_end(&self, i: usize) -> Option<usize> {
        self.gaz.get(i).copied().flatten().map(|(e, _)| e)
    }
    /// A capitalised word that can be part of a person's name.
    fn name_word(&self, i: usize, limit: usize) -> bool {
        i < limit
            && self.is_cap(i)
            && !self.is_stop(i)
            && self.head_label(i).is_none()
            && !self.flags[i].sector
            && self.title_at(i, limit).is_none()
            && (!self.folded(i).contains('-') || self.double_name(i))
    }
    /// A hyphenated word whose every part is capitalised and none a head word: a double name
    /// (`Gonzalez-Whitfield`), not a compound (`Hi-Tech`, `Asia-Pacific` are known or headed).
    fn double_name(&self, i: usize) -> bool {
        let text = self.tok_text(i);
        text.split('-').all(|part| part.chars().next().is_some_and(char::is_uppercase) && part.chars().skip(1).any(char::is_lowercase))
            && self.flags[i].common == false
            && self.gaz[i].is_none()
    }
    /// An Arabic article joined to a name (`al-Zarqawani`, `el-Sisi`): lower case, yet part of
    /// the name.
    fn name_piece(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.toks[i].cap
            && self.tok_text(i).split_once('-').is_some_and(|(pre, rest)| matches!(pre, "al" | "el" | "ad" | "ash" | "as" | "at" | "an" | "ar" | "az" | "abu" | "abd") && rest.starts_with(char::is_uppercase))
    }
    /// A lower-case particle inside a person's name (`von der`, `de la`, `bin`), followed by
    /// more of the name.
    fn particle_at(&self, i: usize, limit: usize) -> bool {
        i + 1 < limit && self.is_word(i) && !self.toks[i].cap && {
            let w = self.folded(i);
            w.len() <= self.lex.max_particle_len && self.lex.particles.contains(w)
        }
    }
    /// A person's full name starting at `i`: a known surname or given name and one to four more
    /// name words (`Lê Hoài Trung`, `Xi Jinping`, `Pauline Tamesis`).
    fn person_at(&self, i: usize, limit: usize) -> Option<usize> {
        if !self.is_cap(i) || self.toks[i].upper {
            return None;
        }
        let fl = self.flags[i];
        if fl.headline && !fl.given {
            return None;
        }
        let max_more = if fl.surname {
            4
        } else if fl.given {
            3
        } else if fl.given_weak {
            // `Will`, `Grace`: a person only when a known family name follows.
            let next = (i + 1..limit).find(|&j| !self.particle_at(j, limit))?;
            if !(self.name_word(next, limit) && (self.flags[next].family || self.flags[next].surname)) {
                return None;
            }
            3
        } else {
            return None;
        };
        let mut j = i + 1;
        let mut words = 0;
        while j < limit && words < max_more {
            if self.particle_at(j, limit) {
                // `von der Leyen`: particles only between name words.
                let mut k = j;
                while self.particle_at(k, limit) {
                    k += 1;
                }
                if k < limit && ((self.name_word(k, limit) && !self.toks[k].upper) || self.name_piece(k)) {
                    j = k;
                    continue;
                }
                break;
            }
            // `Trương Mỹ Lan`, `Nguyễn Văn An`: a Vietnamese middle name may be an English stop
            // word (`My`, `An`), but only between name words.
            let inner_stop = fl.surname && self.is_cap(j) && self.is_stop(j) && self.tok_text(j).len() <= 3 && self.name_word(j + 1, limit) && !self.toks[j + 1].upper;
            if !(inner_stop || self.name_piece(j) || (self.name_word(j, limit) && !self.toks[j].upper)) {
                break;
            }
            j += 1;
            words += 1;
        }
        // `Quảng Nam Provincial People's Committee`: a possessive inside a name ends no person.
        if words == 0 || self.joins(j) {
            return None;
        }
        // A known place or body wins over a name shape (`Ha Noi`, `Ho Chi Minh City`).
        if self.gaz_end(i).is_some_and(|g| g >= j) {
            return None;
        }
        Some(j)
    }
}

/// The hash of a name's folded words, as a key without the string (a collision would merge two
/// names' evidence; at 64 bits, within one document, it does not happen).
fn words_hash<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
    let mut h = BuildHasherDefault::<rustc_hash::FxHasher>::default().build_hasher();
    for w in words {
        h.write(w.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

/// The longest chunk, in tokens: no name is longer than a few dozen words, and an unbounded run
/// (`14th National Party Congress of CPV of 14th National ...` repeated) made one name whose key
/// every later `the Congress` copied, so time and output grew with the square of the run.
const MAX_CHUNK_TOKENS: usize = 64;

/// Where a chunk of capitalised words that starts at `i` ends (at most `MAX_CHUNK_TOKENS` on).
fn chunk_end(c: &Ctx, i: usize) -> usize {
    let n = c.toks.len();
    let mut j = i;
    let mut has_of = false;
    loop {
        if j >= n || j - i >= MAX_CHUNK_TOKENS {
            break;
        }
        if j > i && c.toks[j].newline_before {
            break;
        }
        if let Some(e) = c.docnum[j].or(c.gaz_end(j)) {
            j = e;
            continue;
        }
        // `Trương Mỹ Lan`: a short stop word (`My`) after a family name, before a name word.
        let inner_stop = j > i && c.flags[j - 1].surname && c.tok_text(j).len() <= 3 && c.name_word(j + 1, n);
        if c.is_cap(j) && (j == i || !c.is_stop(j) || inner_stop || c.person_at(j, n).is_some()) {
            j += 1;
            continue;
        }
        if (c.is_ordinal(j) && c.is_cap(j + 1)) || (j > i && c.inner_number(j)) {
            j += 1;
            continue;
        }
        if j > i && (c.joins(j) || c.name_piece(j)) {
            j += 1;
            continue;
        }
        if j > i && c.particle_at(j, n) && !c.flags[j - 1].common && !c.is_stop(j - 1) {
            let mut k = j;
            while c.particle_at(k, n) {
                k += 1;
            }
            if (c.is_cap(k) && !c.is_stop(k)) || c.name_piece(k) {
                j = k;
                continue;
            }
        }
        if c.is_connector(j) && j > i {
            // Connectors count only when a capitalised word (or an ordinal) follows them.
            let mut k = j + 1;
            while c.is_connector(k) && k < j + 3 {
                k += 1;
            }
            if (c.is_cap(k) && !c.is_stop(k)) || (c.is_ordinal(k) && c.is_cap(k + 1)) || c.gaz_end(k).is_some() {
                has_of |= matches!(c.folded(j), "of" | "for");
                j = k;
                continue;
            }
            break;
        }
        // `(CPV)` inside a name: `Communist Party of Việt Nam (CPV) Central Committee`.
        if c.toks[j].kind == Kind::Punct && c.tok_text(j) == "(" && j + 2 < n {
            if c.is_word(j + 1) && c.toks[j + 1].upper && c.tok_text(j + 2) == ")" && c.is_cap(j + 3) {
                j += 3;
                continue;
            }
            break;
        }
        // A comma list inside a name: `Commission for Information, Education and Mass Mobilisation`.
        if has_of && c.toks[j].kind == Kind::Punct && c.tok_text(j) == "," {
            if let Some(e) = comma_list_end(c, j).filter(|&e| e - i <= MAX_CHUNK_TOKENS) {
                j = e;
                continue;
            }
        }
        break;
    }
    // Drop trailing connectors.
    while j > i && c.is_connector(j - 1) {
        j -= 1;
    }
    j
}

/// `, Education and Mass Mobilisation` from the comma at `j`: the end of the list, if it is one.
fn comma_list_end(c: &Ctx, mut j: usize) -> Option<usize> {
    let n = c.toks.len();
    loop {
        // At a comma: one or more capitalised words follow.
        j += 1;
        let s = j;
        while j < n && c.is_cap(j) && c.title_at(j, n).is_none() && c.person_at(j, n).is_none() {
            j += 1;
        }
        if j == s {
            return None;
        }
        if j < n && c.toks[j].kind == Kind::Punct && c.tok_text(j) == "," {
            continue;
        }
        if j < n && c.folded(j) == "and" && !c.toks[j].cap {
            let s2 = j + 1;
            let mut k = s2;
            while k < n && c.is_cap(k) && c.title_at(k, n).is_none() && c.person_at(k, n).is_none() {
                k += 1;
            }
            return (k > s2).then_some(k);
        }
        return None;
    }
}

/// A company's registered name from `p`: capitalised words joined by `and` or `&` up to a legal
/// form (`An Bình Air Services and Tourism Trading Company Limited`). Only names with such a join
/// are taken here; the head-phrase reading finds the others. An `and` after a complete name
/// (`Vietnam Airlines and Bamboo Airways`) is not a join.
fn legal_span(c: &Ctx, p: usize, b: usize) -> Option<usize> {
    let mut j = p;
    let mut end = None;
    let mut joined = false;
    // A registered name is short; the bound keeps a run of thousands of capitalised words linear.
    let b = b.min(p + 24);
    let mut gaz_end = None;
    while j < b {
        gaz_end = c.gaz_end(j).or(gaz_end);
        if j > p && (c.title_at(j, b).is_some() || c.gaz[j].is_some_and(|(_, e)| c.lex.entries[e as usize].label == Label::Person)) {
            break;
        }
        if c.is_cap(j) || c.is_ordinal(j) || c.inner_number(j) {
            if c.is_cap(j) && c.flags[j].legal {
                end = Some(j + 1);
            }
            j += 1;
            continue;
        }
        if j == p {
            break;
        }
        let complete = c.flags[j - 1].legal || gaz_end == Some(j);
        if !complete && ((c.is_connector(j) && c.folded(j) == "and") || c.joins(j)) && c.is_cap(j + 1) {
            joined |= c.folded(j) == "and" || c.tok_text(j) == "&";
            j += 1;
            continue;
        }
        break;
    }
    end.filter(|_| joined)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Title(usize, usize),
    Person(usize, usize),
    Named(usize, usize, Label, Option<u32>),
    Plain(usize, usize),
}

/// The end of a head phrase's core starting at `p`: capitalised words, known names, ordinals and
/// `(ABBR)`, up to a connector, a title or a person. Returns (end, label of its last head).
fn core_at(c: &Ctx, p: usize, b: usize) -> (usize, Option<Label>) {
    core_walk(c, p, b, &mut Vec::new())
}

/// `core_at`, pushing every position the walk stands on to `path`.
fn core_walk(c: &Ctx, p: usize, b: usize, path: &mut Vec<usize>) -> (usize, Option<Label>) {
    let mut j = p;
    let mut label = None;
    let opened = c.is_cap(p) && c.flags[p].opening;
    if opened {
        label = Some(Label::Org);
    }
    while j < b {
        path.push(j);
        if j > p && (c.title_at(j, b).is_some() || (!opened && c.person_at(j, b).is_some_and(|e| c.head_label(e).is_none()))) {
            break;
        }
        if let Some(e) = c.docnum[j] {
            label = Some(Label::Law);
            j = e;
            continue;
        }
        if let Some((e, entry)) = c.gaz[j] {
            if e <= b {
                let l = c.lex.entries[entry as usize].label;
                // A known person ends the phrase before them (`Secretariat Trần Cẩm Tú`).
                if l == Label::Person && j > p {
                    break;
                }
                label = match l {
                    Label::Org | Label::Event | Label::Law | Label::Fac => Some(l),
                    _ => label,
                };
                j = e;
                continue;
            }
        }
        // `Banco Cordillera del Sur`: a particle between capitalised words of a name.
        if c.is_ordinal(j) || (j > p && (c.joins(j) || c.inner_number(j) || (c.particle_at(j, b) && c.is_cap(j + 1)))) {
            j += 1;
            continue;
        }
        if c.is_cap(j) {
            if let Some(l) = c.head_label(j) {
                label = Some(l);
            }
            j += 1;
            continue;
        }
        if c.toks[j].kind == Kind::Punct && c.tok_text(j) == "(" && j + 3 < b + 1 && c.is_cap(j + 3) {
            j += 3;
            continue;
        }
        break;
    }
    (j, label)
}

/// After a head phrase ending at `q`: `of|for|to|on [the|its] X`, where X is a name (with its
/// own comma/`and` list). Returns the new end.
fn extension(c: &Ctx, q: usize, b: usize) -> Option<usize> {
    // `Embassy in Russia`: bodies named with where they are take `in`.
    let located = q > 0 && q < b && c.folded(q) == "in" && c.lex.located_heads.contains(c.folded(q - 1));
    if q >= b || !c.is_connector(q) || !(EXTENDERS.contains(&c.folded(q)) || located) {
        return None;
    }
    let mut s = q + 1;
    while s < b && c.is_connector(s) && matches!(c.folded(s), "the" | "its") {
        s += 1;
    }
    // A person after `of` ends the name (`Secretary of ... and President Lương Cường`), but a
    // two-word Vietnamese shape there is a place (`People's Court of Kha Viên`).
    let person = c.person_at(s, b).filter(|&pe| pe - s != 2 || c.flags[s].given);
    if s >= b || c.title_at(s, b).is_some() || person.is_some() {
        return None;
    }
    let (mut e, _) = core_at(c, s, b);
    if e == s {
        return None;
    }
    // `People's Committee of Quảng Ninh province`: the division's word, in lower case, is still
    // part of the body's name.
    if e < c.toks.len() && c.is_word(e) && !c.toks[e].cap && c.lex.words.get(c.folded(e)).is_some_and(|w| w.head == Some(Label::Gpe)) {
        e += 1;
    }
    // A bare place after `of` belongs to the sentence, not the name, when a possessive follows:
    // `the Party Committee of Việt Nam's Ministry of Foreign Affairs`.
    if let Some((ge, entry)) = c.gaz[s] {
        let l = c.lex.entries[entry as usize].label;
        if ge == e && matches!(l, Label::Gpe | Label::Loc) && c.toks.get(e).is_some_and(|t| t.kind == Kind::Possessive) {
            return None;
        }
    }
    // Lists inside the name: `Culture, Sports and Tourism`, `Science and Technology`.
    loop {
        if e >= b {
            break;
        }
        let sep = c.tok_text(e);
        let is_and = c.is_connector(e) && c.folded(e) == "and";
        if !(sep == "," || is_and) {
            break;
        }
        let s2 = e + 1;
        if s2 >= b || !c.is_cap(s2) || c.title_at(s2, b).is_some() || c.person_at(s2, b).is_some() {
            break;
        }
        let (e2, l2) = core_at(c, s2, b);
        // `... Committee and Minister of ...` or `... and the Ministry of ...` start something new.
        if e2 == s2 || (is_and && l2.is_some()) {
            break;
        }
        e = e2;
    }
    Some(e)
}

fn segment(c: &Ctx, a: usize, b: usize, items: &mut Vec<Item>) {
    let first = items.len();
    // Has this segment had a title yet? Kept as items are pushed: asking `items` at every
    // position made a long run of names quadratic.
    let mut titled = false;
    // The last head-phrase walk that found no head: its end, and the positions it stood on.
    // From any of those positions the walk goes the same way to the same end without a head,
    // so it is not walked again (a run of known places `Hanoi Hanoi ...` was quadratic).
    let mut headless: (usize, Vec<usize>) = (0, Vec::new());
    // Registered company names need a legal form: most chunks have none to look for.
    let has_legal = (a..b).any(|j| c.flags[j].legal);
    let mut p = a;
    while p < b {
        if c.is_connector(p) || c.toks[p].kind == Kind::Punct {
            p += 1;
            continue;
        }
        if let Some(e) = c.docnum[p] {
            let mut q = e;
            while let Some(x) = extension(c, q, b) {
                q = x;
            }
            items.push(Item::Named(p, q.min(b), Label::Law, None));
            p = q;
            continue;
        }
        let gaz = c.gaz[p].filter(|(e, _)| *e <= b);
        // `General Department of Police`: a title word opening a body's name is not a title.
        if let Some(t) = c.title_at(p, b).filter(|&t| !(t < b && c.is_cap(t) && c.head_label(t).is_some())) {
            match gaz {
                // A known name opening a title is still a mention: `UN Resident Coordinator`.
                Some((e, entry)) if e < t && c.title_at(e, b).is_some() => {
                    items.push(Item::Named(p, e, c.lex.entries[entry as usize].label, Some(entry)));
                    p = e;
                    continue;
                }
                Some((e, _)) if e > t => {}
                _ => {
                    items.push(Item::Title(p, t));
                    titled = true;
                    p = t;
                    continue;
                }
            }
        }
        if let Some(e) = if has_legal { legal_span(c, p, b) } else { None } {
            items.push(Item::Named(p, e, Label::Org, None));
            p = e;
            continue;
        }
        // A name shape inside a longer capitalised name is not a person: `Di Dong Viet` (a
        // company), `Saigon Hi-Tech Park Management Board`, `Nguyen Du Street`.
        // (Not after a title in the same chunk: `Minister of Industry and Trade Nguyen Sinh
        // Nhat Tan` names a person after the title's complement.)
        // (Nor after a role the chunk holds: `Human Resources Manager Hwang Chul Min`.)
        let inside_name = !titled && matches!(items.last(), Some(Item::Plain(_, e)) if *e == p) && !evidence::role_before(c, p);
        if let Some(e) = c.person_at(p, b).filter(|&e| !inside_name && c.head_label(e).is_none() && !(c.is_cap(e) && c.flags[e].sector)) {
            // A name longer than one reading covers goes on (`Tengku Datuk Seri Zafrul Tengku
            // Abdul Aziz`).
            let n_items = items.len();
            if let Some(Item::Person(_, pe)) = items.last_mut() {
                if first < n_items && *pe == p {
                    *pe = e;
                    p = e;
                    continue;
                }
            }
            items.push(Item::Person(p, e));
            p = e;
            continue;
        }
        // A nationality before a body is its own mention: `the Vietnamese Party and State`.
        if let Some((e, entry)) = gaz {
            // ... but a body named with it is one name: `Danish Energy Agency`, `Vietnamese
            // Communist Party` (not `Vietnamese Party`, nor `Vietnamese Ministry of ...`).
            // A body the lexicon knows stays apart from the nationality that qualifies it
            // (`Chinese Foreign Ministry`).
            let (ce, head) = core_at(c, e, b);
            let located = ce == e + 1 && c.lex.located_heads.contains(c.folded(e)) && ce < b && c.folded(ce) == "in";
            let one_name = (head.is_some() && ce >= e + 2 && extension(c, ce, b).is_none() && c.gaz_end(e) != Some(ce)) || located;
            if c.lex.entries[entry as usize].label == Label::Norp && !one_name {
                items.push(Item::Named(p, e, Label::Norp, Some(entry)));
                p = e;
                continue;
            }
        }
        let (core_end, head) = if p < headless.0 && headless.1.binary_search(&p).is_ok() {
            (headless.0, None)
        } else {
            headless.1.clear();
            let walked = core_walk(c, p, b, &mut headless.1);
            headless.0 = if walked.1.is_none() { walked.0 } else { 0 };
            walked
        };
        if let (Some(label), true) = (head, core_end > p) {
            let only_gaz = gaz.is_some_and(|(e, _)| e == core_end);
            let mut q = core_end;
            if core_end == b {
                // The number leaves the chunk, which stops at figures.
                q = c.number_after(q, label).unwrap_or(q);
            }
            // Bodies, events and documents go on with `of ...` (`Ministry of Finance`); a place
            // only when its head opens it (`City of London`, `Gulf of Tonkin`), never after its
            // name (`Port Lassen City for the ... Summit`).
            let places = matches!(label, Label::Gpe | Label::Loc);
            if label != Label::Fac && (!places || (core_end == p + 1 && q < c.toks.len() && c.folded(q) == "of")) {
                while let Some(x) = extension(c, q, b) {
                    q = x;
                }
            }
            if only_gaz && q == core_end {
                let (e, entry) = gaz.expect("checked");
                items.push(Item::Named(p, e, c.lex.entries[entry as usize].label, Some(entry)));
            } else {
                // Sentence openers before a name (`Underscoring the ...` never gets here, but
                // `Speaking Commission` would): drop leading stopwords.
                let mut s = p;
                while s + 1 < q && c.is_stop(s) && c.gaz[s].is_none() {
                    s += 1;
                }
                // `Quảng Ninh Province` is the place `Quảng Ninh`, however its division is written.
                let place = gaz.filter(|&(ge, entry)| {
                    label == Label::Gpe && s == p && c.lex.entries[entry as usize].label == Label::Gpe && (ge..q).all(|j| c.lex.words.get(c.folded(j)).is_some_and(|w| w.head == Some(Label::Gpe)))
                });
                items.push(Item::Named(s, q, label, place.map(|(_, entry)| entry)));
            }
            p = q;
            continue;
        }
        // `Copenhagen Infrastructure Partners`: a place and words that end in a sector word.
        if core_end > p + 1 && gaz.is_some_and(|(e, _)| e < core_end) && c.flags[core_end - 1].sector {
            items.push(Item::Named(p, core_end, Label::Org, None));
            p = core_end;
            continue;
        }
        if let Some((e, entry)) = gaz {
            items.push(Item::Named(p, e, c.lex.entries[entry as usize].label, Some(entry)));
            p = e;
            continue;
        }
        let mut q = p + 1;
        while q < b && ((c.is_cap(q) && c.gaz[q].is_none() && c.title_at(q, b).is_none() && c.person_at(q, b).is_none()) || c.joins(q)) {
            q += 1;
        }
        // Unknown words next to unknown words are one unknown name (`Di Dong Viet`).
        let n_items = items.len();
        match items.last_mut() {
            Some(Item::Plain(_, e)) if *e == p && first < n_items => *e = q,
            _ => items.push(Item::Plain(p, q)),
        }
        p = q;
    }
}

/// Names in a document.
pub fn find_names(text: &str, f: &Folded, toks: &[Token], lex: &Lexicon, hits: &[Hit]) -> Vec<NameSpan> {
    let n = toks.len();
    let tok_at_fstart = |fs: usize| toks.binary_search_by(|t| t.fstart.cmp(&fs)).ok();
    let tok_at_fend = |fe: usize| toks.binary_search_by(|t| t.fend.cmp(&fe)).ok();
    let mut gaz = vec![None; n];
    for h in hits {
        if let (Some(s), Some(e)) = (tok_at_fstart(h.fstart), tok_at_fend(h.fend)) {
            gaz[s] = Some((e + 1, h.entry));
        }
    }
    let mut docnum = vec![None; n];
    for m in DOC_NUMBER.find_iter(text) {
        let s = toks.partition_point(|t| t.start < m.start());
        let e = toks.partition_point(|t| t.end <= m.end());
        if s < e && toks[s].start == m.start() {
            docnum[s] = Some(e);
        }
    }
    let mut flags = token_flags(f, toks, lex);
    mark_headlines(text, f, toks, &mut flags);
    let c = Ctx { text, f, toks, lex, gaz, docnum, flags };

    let mut items = Vec::new();
    let mut i = 0;
    while i < n {
        let starts = c.is_cap(i) || c.gaz[i].is_some() || c.docnum[i].is_some() || (c.is_ordinal(i) && c.is_cap(i + 1));
        if !starts {
            i += 1;
            continue;
        }
        let mut a = i;
        let b = chunk_end(&c, i).max(i + 1);
        // Capitalised sentence openers are not names (`The`, `Through`, `Responding`).
        while a < b && c.is_stop(a) && c.gaz[a].is_none() && c.title_at(a, b).is_none() && c.person_at(a, b).is_none() {
            a += 1;
        }
        // A common word opening a sentence is capitalised for the sentence, not as a name
        // (`Shares of ...`, `State-owned PetroVietnam`, `Police arrested`), unless it heads a
        // longer name (`Ministry of Finance`).
        if a < b && c.flags[a].sentence_start && c.flags[a].common && !c.flags[a].name_like() && c.gaz[a].is_none() && c.title_at(a, b).is_none() && c.person_at(a, b).is_none() && (c.head_label(a).is_none() || b - a == 1) {
            a += 1;
        }
        if a < b {
            segment(&c, a, b, &mut items);
        }
        // A name may end past its chunk (`Highway 1`, `of Quảng Ninh province`).
        i = items.last().map_or(b, |it| item_end(it).max(b));
    }
    resolve(&c, items)
}

/// Turn items into spans: people introduced by titles, short references to people named in
/// full elsewhere in the document, `the congress`, `National Assembly building`, meetings.
fn resolve(c: &Ctx, items: Vec<Item>) -> Vec<NameSpan> {
    let toks = c.toks;
    let mut items = items;
    // Person shapes the context contradicts, by their words: no mention of them is a person.
    // Keys of names are hashes of their folded words: no string is built per name.
    let mut not_people: HashSet<u64> = HashSet::default();
    for k in 0..items.len() {
        let Item::Person(s, e) = items[k] else { continue };
        let titled = k > 0 && matches!(items[k - 1], Item::Title(_, te) if te + 1 >= s);
        if !titled && evidence::contradicts_person(c, s, e) {
            items[k] = Item::Plain(s, e);
            not_people.insert(words_hash((s..e).map(|i| c.folded(i))));
        }
    }
    let mut spans: Vec<NameSpan> = Vec::new();
    let mut full_people: Vec<(usize, usize)> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        match *it {
            Item::Title(..) => {}
            // A person the lexicon knows is a full name that short references point to.
            Item::Person(s, e) | Item::Named(s, e, Label::Person, _) => full_people.push((s, e)),
            Item::Plain(s, e) => {
                // Words a title introduces are a name (`Lao Ambassador to Việt Nam Khamphao Earthavanh`).
                let after_title = items[..k]
                    .iter()
                    .rev()
                    .take_while(|x| matches!(x, Item::Title(..) | Item::Named(_, _, Label::Gpe | Label::Norp | Label::Org, _)))
                    .any(|x| matches!(x, Item::Title(..)));
                let adjacent = k > 0 && item_end(&items[k - 1]) + 2 >= s;
                // `Minister of Foreign Affairs`: what follows `of` completes the title.
                let complement = s > 0 && matches!(c.folded(s - 1), "of" | "for" | "on");
                let words = e - s;
                // `Saadi Salama, Palestinian Ambassador`: a name before a comma and a title.
                let before_title = words >= 2
                    && toks.get(e).is_some_and(|t| t.text(c.text) == ",")
                    && (e + 1..(e + 4).min(toks.len())).any(|j| c.title_at(j, toks.len()).is_some());
                let name_shaped = (s..e).all(|j| c.name_word(j, e) && (!c.flags[j].common || c.flags[j].name_like()));
                if ((after_title && adjacent && !complement) || before_title) && (2..=4).contains(&words) && name_shaped {
                    full_people.push((s, e));
                }
            }
            Item::Named(..) => {}
        }
    }
    // Names no list knows: weigh the evidence for each, over all its mentions in the document.
    // Every lookup here is hashed or binary-searched: a document of thousands of names must stay
    // linear.
    let people_words: HashSet<&str> = full_people.iter().flat_map(|&(s, e)| [c.folded(s), c.folded(e - 1)]).collect();
    let people_spans: HashSet<(usize, usize)> = full_people.iter().copied().collect();
    let mut group_of: HashMap<u64, usize> = HashMap::default();
    let mut groups: Vec<(evidence::Scores, Vec<(usize, usize)>)> = Vec::new();
    for it in &items {
        let Item::Plain(s, e) = *it else { continue };
        if people_spans.contains(&(s, e)) {
            continue;
        }
        // A common word opening a sentence says nothing by its capital (`Shares fell`,
        // `Published 3 hours ago`): it is not part of a name.
        let s = if c.flags[s].sentence_start && c.flags[s].common && !c.flags[s].name_like() { s + 1 } else { s };
        if s >= e || (e - s == 1 && people_words.contains(c.folded(s))) || c.flags[s].headline {
            continue;
        }
        let key = words_hash((s..e).map(|i| c.folded(i)));
        let around = evidence::around(c, s, e);
        let g = *group_of.entry(key).or_insert_with(|| {
            let mut sc = evidence::inside(c, s, e);
            if not_people.contains(&key) {
                sc[evidence::PERSON] = f32::NEG_INFINITY;
            }
            groups.push((sc, Vec::new()));
            groups.len() - 1
        });
        groups[g].0.iter_mut().zip(around).for_each(|(x, y)| *x += y);
        groups[g].1.push((s, e));
    }
    // Each labelled name, by the end token of the chunk it was read from.
    let mut labelled: HashMap<usize, (usize, Label)> = HashMap::default();
    let decided: Vec<Option<Label>> = groups.iter().map(|(sc, _)| evidence::decide(sc)).collect();
    // Nationalities and countries no list knows: `Valdorian` beside `Valdoria`, or a word shaped
    // like a nationality before a lower-case noun (`Ostrevian deputy foreign minister`).
    let group_of_word = |w: &str| group_of.get(&words_hash(std::iter::once(w))).copied();
    for (g, (_, found)) in groups.iter().enumerate() {
        let (s0, e0) = found[0];
        if decided[g].is_some() || e0 - s0 > 1 || c.flags[s0].common || c.toks[s0].upper {
            continue;
        }
        let key = c.folded(s0);
        let stem = evidence::demonym_stem(key).find(|stem| group_of_word(stem).is_some_and(|sg| decided[sg].is_none()));
        let before_noun = groups[g].1.iter().any(|&(_, e)| c.is_word(e) && !c.toks[e].cap && !matches!(c.folded(e), "and" | "or" | "said" | "says"));
        if stem.is_none() && !(before_noun && evidence::demonym_stem(key).next().is_some()) {
            continue;
        }
        for &(s, e) in &groups[g].1 {
            labelled.insert(e, (s, Label::Norp));
        }
        if let Some(sg) = stem.and_then(|st| group_of_word(&st)) {
            for &(s, e) in &groups[sg].1 {
                labelled.insert(e, (s, Label::Gpe));
            }
        }
    }
    for ((_, found), decided) in groups.iter().zip(&decided) {
        if let Some(label) = *decided {
            for &(s, e) in found {
                if label == Label::Person && e - s >= 2 {
                    full_people.push((s, e));
                } else {
                    labelled.insert(e, (s, label));
                }
            }
        }
    }
    full_people.sort_unstable();
    // A full person ending where a chunk ends (the chunk may have lost a sentence opener).
    let person_ending: HashMap<usize, usize> = full_people.iter().map(|&(s, e)| (e, s)).collect();
    // The full names each word opens or closes, in document order, for short references.
    let mut by_word: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
    for &(s, e) in &full_people {
        by_word.entry(c.folded(s)).or_default().push((s, e));
        if c.folded(e - 1) != c.folded(s) {
            by_word.entry(c.folded(e - 1)).or_default().push((s, e));
        }
    }
    for (k, it) in items.iter().enumerate() {
        match *it {
            Item::Person(s, e) => {
                // A shorter form of a longer name in the document (`Tengku Zafrul` for `Tengku
                // Datuk Seri Zafrul Tengku Abdul Aziz`) refers to it. Only the few nearest
                // candidates are tried, so a document of many namesakes stays linear.
                let words: Vec<&str> = (s..e).map(|i| c.folded(i)).collect();
                let longer = by_word.get(words[0]).and_then(|full| {
                    let before = full.partition_point(|&(ps, _)| ps < s);
                    full[before.saturating_sub(8)..before].iter().rev().copied().find(|&(ps, pe)| pe - ps > e - s && words.iter().all(|w| (ps..pe).any(|i| c.folded(i) == *w)))
                });
                spans.push(NameSpan { ts: s, te: e, label: Label::Person, entry: None, refers_to: longer });
            }
            // `Police General X`, `Army Colonel X`: a lone head word before a title is a rank.
            Item::Named(s, e, _, None) if e == s + 1 && c.head_label(s).is_some() && items.get(k + 1).is_some_and(|x| matches!(x, Item::Title(ts, _) if *ts == e)) => {}
            // In a Title Case line, common words with a head are a phrase (`Gather For Budget
            // Week`), not a name.
            Item::Named(s, e, _, None) if c.flags[s].headline && (s..e).all(|i| c.flags[i].common || c.flags[i].stop) => {}
            Item::Named(s, e, label, entry) => spans.push(NameSpan { ts: s, te: e, label, entry, refers_to: None }),
            Item::Plain(s, e) => {
                if let Some(&ps) = person_ending.get(&e).filter(|&&ps| ps >= s) {
                    spans.push(NameSpan { ts: ps, te: e, label: Label::Person, entry: None, refers_to: None });
                    continue;
                }
                if let Some(&(ls, label)) = labelled.get(&e).filter(|(ls, _)| *ls >= s) {
                    // A lone family name after an honorific with no full name to refer to
                    // (`Ms Oyelaran said`) is a person by itself.
                    spans.push(NameSpan { ts: ls, te: e, label, entry: None, refers_to: None });
                    continue;
                }
                // A single word that is the first or last word of a full name in this document
                // (`Trung` for `Lê Hoài Trung`, `Xi` for `Xi Jinping`): the nearest one before it,
                // else the first after it.
                for j in s..e {
                    let Some(full) = by_word.get(c.folded(j)) else { continue };
                    let before = full.partition_point(|&(ps, _)| ps < j);
                    let target = if before > 0 { full[before - 1] } else { full[0] };
                    spans.push(NameSpan { ts: j, te: j + 1, label: Label::Person, entry: None, refers_to: Some(target) });
                }
            }
            Item::Title(..) => {}
        }
    }
    // `the congress` in lower case, once the document has named a congress.
    let named: Vec<&str> = c
        .lex
        .back_references
        .iter()
        .map(String::as_str)
        .filter(|w| spans.iter().any(|s| s.label == Label::Event && (s.ts..s.te).any(|j| c.folded(j) == *w)))
        .collect();
    if !named.is_empty() {
        for j in 1..toks.len() {
            if c.is_word(j) && !toks[j].cap && named.contains(&c.folded(j)) && c.folded(j - 1) == "the" {
                spans.push(NameSpan { ts: j, te: j + 1, label: Label::Event, entry: None, refers_to: None });
            }
        }
    }
    for s in spans.iter_mut() {
        // `Ferdinand Marcos Jr.`: the abbreviation's full stop is part of the name.
        if s.label == Label::Person
            && matches!(c.folded(s.te - 1), "jr" | "sr")
            && toks.get(s.te).is_some_and(|t| t.kind == Kind::Punct && t.fstart == toks[s.te - 1].fend && c.tok_text(s.te) == ".")
        {
            s.te += 1;
        }
        // `National Assembly building`: a body's name followed by a building word is the building.
        if matches!(s.label, Label::Org | Label::Gpe)
            && s.te - s.ts >= 2
            && s.te < toks.len()
            && c.is_word(s.te)
            && !toks[s.te].cap
            && c.lex.building_words.contains(c.folded(s.te))
        {
            s.te += 1;
            s.label = Label::Fac;
            s.entry = None;
        }
        // `second plenum of the 14th Party Central Committee`.
        if s.label == Label::Org {
            let before = &c.text[..toks[s.ts].start];
            let mut tail_start = before.len().saturating_sub(48);
            while !before.is_char_boundary(tail_start) {
                tail_start += 1;
            }
            let tail = &before[tail_start..];
            if let Some(m) = MEETING.find(tail) {
                let start = tail_start + m.start();
                let ts = toks.partition_point(|t| t.start < start);
                if ts < s.ts {
                    s.ts = ts;
                    s.label = Label::Event;
                    s.entry = None;
                }
            }
        }
    }
    spans.retain(|s| !is_credit(c, s.ts, s.te));
    spans.sort_by_key(|s| (s.ts, std::cmp::Reverse(s.te)));
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        if out.last().is_none_or(|l| s.ts >= l.te) {
            out.push(s);
        }
    }
    out
}

/// Is the name in tokens `[s, e)` an agency's credit rather than a mention: in brackets after a
/// dateline (`HANOI (AFP) -`) or closing its line (`... risks. (AFP)`), or after a dash that
/// closes the line (`— Reuters`, `— AFP/Reuters`)?
fn is_credit(c: &Ctx, s: usize, e: usize) -> bool {
    let n = c.toks.len();
    let line_end = |k: usize| k >= n || c.toks[k].newline_before;
    let punct = |k: usize, p: &[&str]| k < n && c.toks[k].kind == Kind::Punct && p.contains(&c.tok_text(k));
    if s > 0 && punct(s - 1, &["("]) && punct(e, &[")"]) {
        // A dateline is a few words at the start of its line. (Looks stay short, so a line of
        // thousands of bracketed names stays linear.)
        let dateline = s <= 7 || (s - 7..s).any(|k| c.toks[k].newline_before);
        return dateline || line_end(e + 1);
    }
    // After a dash, then only agencies joined by `/` to the end of the line.
    let mut k = s;
    while k >= 2 && k + 8 > s && punct(k - 1, &["/"]) && c.is_cap(k - 2) {
        k -= 2;
    }
    if !(k > 0 && punct(k - 1, &["—", "–", "-", "--"])) {
        return false;
    }
    let mut j = e;
    while j < e + 8 && punct(j, &["/"]) && c.is_cap(j + 1) {
        j += 2;
    }
    line_end(j) || (punct(j, &["."]) && line_end(j + 1))
}

fn item_end(it: &Item) -> usize {
    match *it {
        Item::Title(_, e) | Item::Person(_, e) | Item::Named(_, e, _, _) | Item::Plain(_, e) => e,
    }
}

#[cfg(test)]
mod tests {
    //! Sentences written for these tests, with invented names that no shipped list holds.
    use super::*;
    use crate::{fold, tokens};

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::shipped();
        let f = fold::fold(text);
        let toks = tokens::tokenize(text, &f);
        let hits = lex.hits(&f, text);
        find_names(text, &f, &toks, &lex, &hits).iter().map(|n| (text[toks[n.ts].start..toks[n.te - 1].end].to_owned(), n.label.as_str())).collect()
    }

    fn has(found: &[(String, &str)], text: &str, label: &str) -> bool {
        found.iter().any(|(t, l)| t == text && *l == label)
    }

    #[test]
    fn people_no_list_knows_by_what_stands_around_them() {
        let found = names("Marta Oyelaran-Price, 52, chairs the board. Mr Kowalczyk said the plan was sound. Talks with Zbigniew Kowalczyk resumed.");
        assert!(has(&found, "Marta Oyelaran-Price", "PERSON"), "{found:?}");
        assert!(has(&found, "Kowalczyk", "PERSON"), "{found:?}");
        assert!(has(&found, "Zbigniew Kowalczyk", "PERSON"), "{found:?}");
        let found = names("Senator Ines Fallowby met Ursula von der Leyen and Khalid bin Saeed al-Zarqawani.");
        for person in ["Ines Fallowby", "Ursula von der Leyen", "Khalid bin Saeed al-Zarqawani"] {
            assert!(has(&found, person, "PERSON"), "{person}: {found:?}");
        }
    }

    #[test]
    fn companies_by_legal_form_context_and_apposition() {
        let found = names("Shares of Polska Energia SA fell. Quorvane, a Warsaw-based lender, said it would sell its stake in Trenholm & Vey Securities.");
        assert!(has(&found, "Polska Energia SA", "ORG"), "{found:?}");
        assert!(has(&found, "Quorvane", "ORG"), "{found:?}");
        assert!(has(&found, "Warsaw", "GPE"), "{found:?}");
        assert!(has(&found, "Trenholm & Vey Securities", "ORG"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.starts_with("Shares")), "{found:?}");
        let found = names("The fine hit Minh Ngoc Trading and Service Company Limited and Banco Estrella Austral.");
        assert!(has(&found, "Minh Ngoc Trading and Service Company Limited", "ORG"), "{found:?}");
        assert!(has(&found, "Banco Estrella Austral", "ORG"), "{found:?}");
    }

    #[test]
    fn places_and_bodies_named_with_them() {
        let found = names("The People's Committee of Kha Viên province and the Binh Duong Province People's Court met at the Dung Quat Economic Zone.");
        assert!(has(&found, "People's Committee of Kha Viên province", "ORG"), "{found:?}");
        assert!(has(&found, "Binh Duong Province People's Court", "ORG"), "{found:?}");
        assert!(has(&found, "Dung Quat Economic Zone", "LOC"), "{found:?}");
        // A place written the way a Vietnamese person is: the words after it tell.
        let found = names("Foxconn built a plant at Quang Chau industrial park.");
        assert!(!found.iter().any(|(_, l)| *l == "PERSON"), "{found:?}");
    }

    #[test]
    fn nationalities_and_countries_no_list_knows() {
        let found = names("The Valdorian envoy flew home. Valdoria will reply, the Ostrevian deputy minister said.");
        assert!(has(&found, "Valdorian", "NORP"), "{found:?}");
        assert!(has(&found, "Valdoria", "GPE"), "{found:?}");
        assert!(has(&found, "Ostrevian", "NORP"), "{found:?}");
    }

    #[test]
    fn no_evidence_no_name() {
        for text in [
            "Shares fell 3 percent on Tuesday.",
            "Published 3 hours ago",
            "Prime Ministers met behind closed doors.",
            "Markets Rally As Rates Hold Steady",
            "HANOI (AFP) - Exports rose in the first quarter.",
            "Gold hit a record, dealers said. — AFP/Reuters",
        ] {
            let found = names(text);
            assert!(found.iter().all(|(t, l)| t == "HANOI" && *l == "GPE"), "{text}: {found:?}");
        }
    }

    #[test]
    fn events_and_documents_no_list_knows() {
        let found = names("Leaders met at the 12th Meridian Summit and the Kolvara-Senthi Summit to discuss the National Power Development Plan VIII.");
        assert!(has(&found, "12th Meridian Summit", "EVENT"), "{found:?}");
        assert!(has(&found, "Kolvara-Senthi Summit", "EVENT"), "{found:?}");
        assert!(has(&found, "National Power Development Plan VIII", "LAW"), "{found:?}");
    }
}
