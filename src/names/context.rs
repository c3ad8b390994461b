//! What the name finder knows of each token of a document before it reads a name: the word
//! lists' facts (`Flags`), sentence and headline positions, the gazetteer and document-number
//! spans, and the small tests the chunker asks of a token (`Ctx`). Shared by every step of
//! reading names; it depends on none of them.

use std::sync::LazyLock;

use regex::Regex;

use crate::fold::Folded;
use crate::label::Label;
use crate::lexicon::{Hit, Lexicon};
use crate::tokens::{Kind, Token};

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

/// What a chunk is read as, in token indices: a title, a person by the shape of the name, a
/// name whose head or gazetteer entry gives its label, or capitalised words still to be weighed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    Title(usize, usize),
    Person(usize, usize),
    Named(usize, usize, Label, Option<u32>),
    Plain(usize, usize),
}

/// The end token of an item.
pub(super) fn item_end(it: &Item) -> usize {
    match *it {
        Item::Title(_, e) | Item::Person(_, e) | Item::Named(_, e, _, _) | Item::Plain(_, e) => e,
    }
}

/// Lower-case words a name may hold between capitalised ones (`Ministry of ...`, `de la`).
pub(super) const CONNECTORS: &[&str] = &["of", "for", "and", "the", "to", "in", "on", "its", "de", "du", "des", "la", "le"];
/// Connectors that can join a head word to the rest of its name (`Ministry of ...`).
pub(super) const EXTENDERS: &[&str] = &["of", "for", "to", "on"];

/// Document numbers: `Resolution No. 57-NQ/TW`, `Directive No. 01-CT/TW`, `Decree 15/2020/ND-CP`;
/// the kinds of document are `document_number_heads.txt`.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let heads: Vec<String> =
        include_str!("../data/document_number_heads.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(regex::escape).collect();
    Regex::new(&format!(r"\b(?:{})\s+(?:No\.?|Nos\.?|Number)?\s*\d+[0-9A-Za-zĐđ]*(?:[-/][0-9A-Za-zĐđ]+)*", heads.join("|"))).expect("valid regex")
});

/// A document as the name finder reads it.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) f: &'a Folded,
    pub(super) toks: &'a [Token],
    pub(super) lex: &'a Lexicon,
    /// Gazetteer hit (end token, entry) starting at each token. The end is a u32 here, and
    /// `Flags` keeps a title's length in words: these arrays are written for every token of every
    /// document, and at 64 bytes a token (usize indices, an array for the rare document numbers)
    /// their allocation and zeroing alone were 1.7% of load + extract.
    gaz_hits: Vec<Option<(u32, u32)>>,
    /// Document-number spans (start token, end token), in order: a few documents have any.
    doc_numbers: Vec<(usize, usize)>,
    /// Per-token facts, looked up once: the chunker asks them many times per token.
    pub(super) flags: Vec<Flags>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(text: &'a str, f: &'a Folded, toks: &'a [Token], lex: &'a Lexicon, hits: &[Hit]) -> Ctx<'a> {
        let n = toks.len();
        let tok_at_fstart = |fs: usize| toks.binary_search_by(|t| t.fstart.cmp(&fs)).ok();
        let tok_at_fend = |fe: usize| toks.binary_search_by(|t| t.fend.cmp(&fe)).ok();
        let mut gaz_hits = vec![None; n];
        for h in hits {
            if let (Some(s), Some(e)) = (tok_at_fstart(h.fstart), tok_at_fend(h.fend)) {
                gaz_hits[s] = Some((token_u32(e + 1), h.entry));
            }
        }
        let mut doc_numbers = Vec::new();
        for m in DOC_NUMBER.find_iter(text) {
            let s = toks.partition_point(|t| t.start < m.start());
            let e = toks.partition_point(|t| t.end <= m.end());
            if s < e && toks[s].start == m.start() {
                doc_numbers.push((s, e));
            }
        }
        let mut flags = token_flags(f, toks, lex);
        mark_headlines(text, f, toks, &mut flags);
        Ctx { text, f, toks, lex, gaz_hits, doc_numbers, flags }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Flags {
    pub(super) stop: bool,
    pub(super) head: Option<Label>,
    /// Words of the longest title starting here (0: none); titles run to a few words.
    pub(super) title_words: u8,
    pub(super) surname: bool,
    pub(super) given: bool,
    pub(super) given_weak: bool,
    pub(super) family: bool,
    pub(super) family_weak: bool,
    pub(super) common: bool,
    pub(super) sector: bool,
    pub(super) legal: bool,
    pub(super) name_stop: bool,
    pub(super) compass: bool,
    pub(super) opening: Option<Label>,
    /// The token opens a sentence (or a line): its capital says nothing.
    pub(super) sentence_start: bool,
    /// The token stands in a Title Case line (`Corvenna Foods Ltd To Cut 300 Jobs In Valdoria`),
    /// where capitals say nothing either.
    pub(super) headline: bool,
}

impl Flags {
    /// Any of the name lists knows the word.
    pub(super) fn name_like(&self) -> bool {
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
        // `Presidents Putin and Xi`, `Prime Ministers A and B`: a plural ends a title, where a
        // word that may be a name follows it (not `Board of Directors,`, `Leaders Week`).
        let plural_title = |phrase: &str, next: usize| {
            let name_next = toks.get(next).is_some_and(|n| {
                n.kind == Kind::Word && n.cap && lex.words.get(n.folded(f)).is_none_or(|w| w.head.is_none() && (!w.common || w.given || w.surname || w.family))
            });
            name_next && phrase.strip_suffix('s').is_some_and(|one| lex.name_title_prefixes.get(one) == Some(&true))
        };
        let max = if info.title_start { (i + lex.max_name_title_words).min(toks.len()) } else { i };
        for j in i + 1..=max {
            if toks[j - 1].kind != Kind::Word {
                break;
            }
            let phrase = &f.text[t.fstart..toks[j - 1].fend];
            match lex.name_title_prefixes.get(phrase) {
                Some(true) => title = Some(j),
                Some(false) => {}
                // Folded text joins words with one space, as the prefixes do; no title goes on
                // from a prefix no title has.
                None => {
                    if plural_title(phrase, j) {
                        title = Some(j);
                    }
                    break;
                }
            }
        }
        out[i] = Flags {
            stop: info.stop,
            head: info.head,
            title_words: title.map_or(0, |j| u8::try_from(j - i).expect("a title of a few words")),
            surname: info.surname,
            given: info.given,
            given_weak: info.given_weak,
            family: info.family,
            family_weak: info.family_weak,
            common: info.common,
            sector: info.sector,
            legal: info.legal,
            name_stop: info.name_stop,
            compass: info.compass,
            opening: info.opening,
            sentence_start,
            headline: false,
        };
    }
    out
}

/// A token index as the per-token arrays keep it. Every token is at least a byte, and the
/// folded text's offset map is u32 already: texts stay under 4 GiB (the loader's limit is 1 GiB).
fn token_u32(i: usize) -> u32 {
    u32::try_from(i).expect("a text under 4 GiB")
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
        let words = || (start..end).filter(|&i| toks[i].kind == Kind::Word);
        let (n_words, capped) = words().fold((0, 0), |(n, c), i| (n + 1, c + usize::from(toks[i].cap)));
        // A small English word (`To`, `In`), not a Vietnamese name that folds to one (`Tô`).
        let small = || {
            words().skip(1).any(|i| toks[i].cap && flags[i].stop && toks[i].fend - toks[i].fstart <= 4 && toks[i].text(text).is_ascii() && !flags[i].surname)
        };
        let ends_sentence = toks[end - 1].kind == Kind::Punct && matches!(toks[end - 1].folded(f), "." | "!" | "?");
        if n_words >= 4 && capped * 10 >= n_words * 8 && !ends_sentence && small() {
            (start..end).for_each(|i| flags[i].headline = true);
        }
        start = end;
    }
}

/// Does token `i` open a sentence or a line? After `.`, `!`, `?`, `:` (and a quotation mark after
/// them), but not after the full stop of a short abbreviation (`Mr.`, `Dr.`, `U.S.`).
pub(super) fn opens_sentence(f: &Folded, toks: &[Token], i: usize) -> bool {
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
        "." => {
            !(k > 0 && toks[k - 1].kind == Kind::Word && toks[k - 1].cap && toks[k - 1].fend - toks[k - 1].fstart <= 3 && toks[k - 1].fend == toks[k].fstart)
        }
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    /// The gazetteer hit starting at token `i`: (end token, entry).
    #[inline]
    pub(super) fn gaz(&self, i: usize) -> Option<(usize, u32)> {
        self.gaz_hits.get(i).copied().flatten().map(|(e, entry)| (e as usize, entry))
    }
    /// The end token of the document number starting at token `i`.
    #[inline]
    pub(super) fn docnum(&self, i: usize) -> Option<usize> {
        self.doc_numbers.binary_search_by_key(&i, |&(s, _)| s).ok().map(|k| self.doc_numbers[k].1)
    }
    pub(super) fn folded(&self, i: usize) -> &'a str {
        self.toks[i].folded(self.f)
    }
    pub(super) fn tok_text(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }
    pub(super) fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Word
    }
    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].cap
    }
    pub(super) fn is_connector(&self, i: usize) -> bool {
        self.is_word(i) && !self.toks[i].cap && CONNECTORS.contains(&self.folded(i))
    }
    pub(super) fn is_stop(&self, i: usize) -> bool {
        self.flags[i].stop
    }
    /// A stop word that is a Vietnamese syllable, inside a sentence (`the An Bình company`),
    /// where it is a name's word, not an article.
    pub(super) fn name_syllable(&self, i: usize) -> bool {
        self.flags[i].name_stop && !self.flags[i].sentence_start
    }
    /// A capitalised Vietnamese syllable that is a stop word, with no capitalised word after it:
    /// it may end a name (`Nguyễn Văn An`), not run on into a headline's next word.
    pub(super) fn last_name_syllable(&self, i: usize) -> bool {
        self.is_cap(i) && self.flags[i].name_stop && !self.is_cap(i + 1)
    }
    pub(super) fn is_ordinal(&self, i: usize) -> bool {
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
    pub(super) fn inner_number(&self, i: usize) -> bool {
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
    pub(super) fn number_after(&self, q: usize, label: Label) -> Option<usize> {
        let num = |i: usize| i < self.toks.len() && self.toks[i].kind == Kind::Number && !self.toks[i].newline_before;
        match label {
            Label::Fac if num(q) => Some(q + 1),
            Label::Fac if q + 2 < self.toks.len() && self.folded(q) == "no" && self.tok_text(q + 1) == "." && num(q + 2) => Some(q + 3),
            Label::Event if num(q) && self.tok_text(q).len() == 4 && self.tok_text(q).starts_with(['1', '2']) => Some(q + 1),
            _ => None,
        }
    }
    pub(super) fn head_label(&self, i: usize) -> Option<Label> {
        self.flags.get(i).and_then(|f| f.head)
    }
    /// The longest title starting at `i` (end token) that ends by `limit`, written with a capital.
    pub(super) fn title_at(&self, i: usize, limit: usize) -> Option<usize> {
        let words = usize::from(self.flags.get(i)?.title_words);
        if words == 0 {
            return None;
        }
        let longest = i + words;
        if longest <= limit {
            return Some(longest);
        }
        // Rare: the longest title runs past the chunk; look for a shorter one inside it.
        (i + 1..limit).rev().find(|&j| self.lex.name_title_prefixes.get(&self.f.text[self.toks[i].fstart..self.toks[j - 1].fend]) == Some(&true))
    }
    /// A possessive inside a name: `People's` in `People's Committee`, `Women's` in `Women's
    /// Union` (`name_possessives.txt`), before another capitalised word.
    pub(super) fn joins(&self, j: usize) -> bool {
        if j >= self.toks.len() {
            return false;
        }
        if self.legal_punct(j) {
            return true;
        }
        // `N&G Group`, `AT&T`, `Procter & Gamble`.
        if j > 0 && self.toks[j].kind == Kind::Punct && self.tok_text(j) == "&" {
            return self.is_cap(j - 1) && self.is_cap(j + 1);
        }
        // `Vietnam–China People's Forum`, `Mỹ Thuận–Cần Thơ Expressway`: a dash with no space
        // around it joins two names into one.
        if j > 0 && j + 1 < self.toks.len() && self.toks[j].kind == Kind::Punct && matches!(self.tok_text(j), "–" | "-" | "—") {
            if !(self.is_cap(j - 1) && self.is_cap(j + 1)) {
                return false;
            }
            if self.toks[j - 1].end == self.toks[j].start && self.toks[j].end == self.toks[j + 1].start {
                return true;
            }
            // Spaced (`Mỹ Thuận – Cần Thơ Expressway`, `Vietnam – China People's Forum`): only
            // when the words after it end in a facility or event head, since a spaced dash more
            // often sets off a clause; not after a capitalised line's word (a dateline).
            return !self.toks[j - 1].upper && !self.is_stop(j + 1) && {
                let mut k = j + 1;
                while k < self.toks.len() && k < j + 7 && (self.is_cap(k) || (k > j + 1 && self.joins(k))) {
                    k += 1;
                }
                matches!(self.head_label(k - 1), Some(Label::Fac | Label::Event))
            };
        }
        j > 0
            && j + 1 < self.toks.len()
            && (self.toks[j].kind == Kind::Possessive || (self.toks[j].kind == Kind::Punct && matches!(self.tok_text(j), "'" | "’")))
            && self.toks[j - 1].cap
            && self.toks[j - 1].fend == self.toks[j].fstart
            && self.is_cap(j + 1)
            && self.lex.name_possessives.contains(self.folded(j - 1))
    }
    /// Punctuation inside a company's legal form or before it: `Co., Ltd`, `Pte. Ltd`, `Sdn.
    /// Bhd`, and the brackets of the branch's place in `LG Display (Vietnam) Co., Ltd`.
    fn legal_punct(&self, j: usize) -> bool {
        let n = self.toks.len();
        let punct = |k: usize, p: &[&str]| k < n && self.toks[k].kind == Kind::Punct && p.contains(&self.tok_text(k));
        let legal = |k: usize| k < n && self.is_cap(k) && self.flags[k].legal;
        if j == 0 || !punct(j, &[".", ",", "(", ")"]) {
            return false;
        }
        match self.tok_text(j) {
            "(" => {
                let close = (j + 2..(j + 5).min(n)).find(|&k| punct(k, &[")"]));
                close.is_some_and(|k| (j + 1..k).all(|i| self.is_cap(i)) && legal(k + 1))
            }
            ")" => legal(j + 1) && (j.saturating_sub(4)..j).any(|k| punct(k, &["("])),
            _ => {
                let after_form = self.flags[j - 1].legal || (j >= 2 && punct(j - 1, &[".", ","]) && self.flags[j - 2].legal);
                after_form && (legal(j + 1) || (punct(j + 1, &[".", ","]) && legal(j + 2)))
            }
        }
    }
    pub(super) fn gaz_end(&self, i: usize) -> Option<usize> {
        self.gaz(i).map(|(e, _)| e)
    }
}

/// Read `text` as the name finder does and hand its context to `f`.
#[cfg(test)]
pub(super) fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx) -> R) -> R {
    let lex = Lexicon::shipped();
    let folded = crate::fold::fold(text);
    let toks = crate::tokens::tokenize(text, &folded);
    let hits = lex.hits(&folded, text);
    f(&Ctx::new(text, &folded, &toks, &lex, &hits))
}

/// The token index of the first token whose text is `word`.
#[cfg(test)]
pub(super) fn at(c: &Ctx, word: &str) -> usize {
    (0..c.toks.len()).find(|&i| c.tok_text(i) == word).unwrap_or_else(|| panic!("no token {word:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_case_line_is_a_headline_and_a_sentence_is_not() {
        with_ctx("Corvenna Foods Ltd To Cut 300 Jobs In Valdoria\nCorvenna Foods said on Monday it would cut jobs.", |c| {
            assert!(c.flags[at(c, "Jobs")].headline);
            let said = at(c, "said");
            assert!((said - 2..c.toks.len()).all(|i| !c.flags[i].headline), "the sentence on the next line is running text");
        });
    }

    #[test]
    fn a_sentence_opens_after_a_full_stop_but_not_after_an_honorific() {
        with_ctx("Talks ended. Officials met Mr. Kowalczyk later.", |c| {
            assert!(c.flags[at(c, "Talks")].sentence_start);
            assert!(c.flags[at(c, "Officials")].sentence_start);
            assert!(!c.flags[at(c, "Kowalczyk")].sentence_start);
        });
    }

    #[test]
    fn a_document_number_runs_to_the_end_of_its_code() {
        with_ctx("It adopted Resolution No. 57-NQ/TW on science.", |c| {
            let r = at(c, "Resolution");
            let end = c.docnum(r).expect("a document number starts at Resolution");
            assert_eq!(c.tok_text(end), "on");
            assert!(c.docnum(at(c, "adopted")).is_none());
        });
    }

    #[test]
    fn ordinals_and_connectors() {
        with_ctx("the 14th National Congress of the Party", |c| {
            assert!(c.is_ordinal(at(c, "14th")));
            assert!(c.is_connector(at(c, "of")));
            assert!(!c.is_connector(at(c, "National")), "a capitalised word joins nothing");
        });
    }
}
