//! Finding names: people, organisations, places, events and documents. Capitalised runs of
//! words (with the connectors names contain: `of`, `for`, `and`, `the`, `(CPV)`, comma lists)
//! are cut into chunks, and each chunk is read left to right: a known name from the gazetteer, a
//! title (`Minister of Foreign Affairs`), a person (a surname or given name from the lists, or
//! the words a title introduces), or a phrase whose head word says what it is (`... Commission`
//! is an ORG, `... Congress` an EVENT, `... Hall` a FAC, `Resolution of ...` a LAW). Everything
//! here is a general pattern; the knowledge is in the lexicon's data files.

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
}

fn token_flags(f: &Folded, toks: &[Token], lex: &Lexicon) -> Vec<Flags> {
    let mut out = vec![Flags::default(); toks.len()];
    for (i, t) in toks.iter().enumerate() {
        // Only capitalised words start names, titles or heads in running text.
        if t.kind != Kind::Word || !t.cap {
            continue;
        }
        let info = lex.words.get(t.folded(f)).copied().unwrap_or_default();
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
        out[i] = Flags { stop: info.stop, head: info.head, title, surname: info.surname, given: info.given };
    }
    out
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
    fn gaz_end(&self, i: usize) -> Option<usize> {
        self.gaz.get(i).copied().flatten().map(|(e, _)| e)
    }
    /// A capitalised word that can be part of a person's name.
    fn name_word(&self, i: usize, limit: usize) -> bool {
        i < limit
            && self.is_cap(i)
            && !self.is_stop(i)
            && self.head_label(i).is_none()
            && self.title_at(i, limit).is_none()
            && !self.folded(i).contains('-')
    }
    /// A person's full name starting at `i`: a known surname or given name and one to four more
    /// name words (`Lê Hoài Trung`, `Xi Jinping`, `Pauline Tamesis`).
    fn person_at(&self, i: usize, limit: usize) -> Option<usize> {
        if !self.is_cap(i) || self.toks[i].upper {
            return None;
        }
        let max_more = if self.flags[i].surname {
            4
        } else if self.flags[i].given {
            2
        } else {
            return None;
        };
        let mut j = i + 1;
        while j < limit && j - i <= max_more && self.name_word(j, limit) && !self.toks[j].upper {
            j += 1;
        }
        if j == i + 1 {
            return None;
        }
        // A known place or body wins over a name shape (`Ha Noi`, `Ho Chi Minh City`).
        if self.gaz_end(i).is_some_and(|g| g >= j) {
            return None;
        }
        Some(j)
    }
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
        if c.is_cap(j) && (j == i || !c.is_stop(j) || c.person_at(j, n).is_some()) {
            j += 1;
            continue;
        }
        if c.is_ordinal(j) && c.is_cap(j + 1) {
            j += 1;
            continue;
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
    while j < b {
        path.push(j);
        if j > p && (c.title_at(j, b).is_some() || c.person_at(j, b).is_some_and(|e| c.head_label(e).is_none())) {
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
                label = match l {
                    Label::Org | Label::Event | Label::Law | Label::Fac => Some(l),
                    _ => label,
                };
                j = e;
                continue;
            }
        }
        if c.is_ordinal(j) {
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
    if q >= b || !c.is_connector(q) || !EXTENDERS.contains(&c.folded(q)) {
        return None;
    }
    let mut s = q + 1;
    while s < b && c.is_connector(s) && matches!(c.folded(s), "the" | "its") {
        s += 1;
    }
    if s >= b || c.title_at(s, b).is_some() || c.person_at(s, b).is_some() {
        return None;
    }
    let (mut e, _) = core_at(c, s, b);
    if e == s {
        return None;
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
    // Has this segment had a title yet? Kept as items are pushed: asking `items` at every
    // position made a long run of names quadratic.
    let mut titled = false;
    // The last head-phrase walk that found no head: its end, and the positions it stood on.
    // From any of those positions the walk goes the same way to the same end without a head,
    // so it is not walked again (a run of known places `Hanoi Hanoi ...` was quadratic).
    let mut headless: (usize, Vec<usize>) = (0, Vec::new());
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
        if let Some(t) = c.title_at(p, b) {
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
        // A name shape inside a longer capitalised name is not a person: `Di Dong Viet` (a
        // company), `Saigon Hi-Tech Park Management Board`, `Nguyen Du Street`.
        // (Not after a title in the same chunk: `Minister of Industry and Trade Nguyen Sinh
        // Nhat Tan` names a person after the title's complement.)
        let inside_name = !titled && matches!(items.last(), Some(Item::Plain(_, e)) if *e == p);
        if let Some(e) = c.person_at(p, b).filter(|&e| !inside_name && c.head_label(e).is_none()) {
            items.push(Item::Person(p, e));
            p = e;
            continue;
        }
        // A nationality before a body is its own mention: `the Vietnamese Party and State`.
        if let Some((e, entry)) = gaz {
            if c.lex.entries[entry as usize].label == Label::Norp {
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
            if label != Label::Fac {
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
                items.push(Item::Named(s, q, label, None));
            }
            p = q;
            continue;
        }
        if let Some((e, entry)) = gaz {
            items.push(Item::Named(p, e, c.lex.entries[entry as usize].label, Some(entry)));
            p = e;
            continue;
        }
        let mut q = p + 1;
        while q < b && c.is_cap(q) && c.gaz[q].is_none() && c.title_at(q, b).is_none() && c.person_at(q, b).is_none() {
            q += 1;
        }
        items.push(Item::Plain(p, q));
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
    let flags = token_flags(f, toks, lex);
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
        if a < b {
            segment(&c, a, b, &mut items);
        }
        i = b;
    }
    resolve(&c, items)
}

/// Turn items into spans: people introduced by titles, short references to people named in
/// full elsewhere in the document, `the congress`, `National Assembly building`, meetings.
fn resolve(c: &Ctx, items: Vec<Item>) -> Vec<NameSpan> {
    let toks = c.toks;
    let mut spans: Vec<NameSpan> = Vec::new();
    let mut full_people: Vec<(usize, usize)> = Vec::new();
    for (k, it) in items.iter().enumerate() {
        match *it {
            Item::Title(..) => {}
            Item::Person(s, e) => full_people.push((s, e)),
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
                if ((after_title && adjacent && !complement) || before_title) && (2..=4).contains(&words) && (s..e).all(|j| c.name_word(j, e)) {
                    full_people.push((s, e));
                }
            }
            Item::Named(..) => {}
        }
    }
    full_people.sort_unstable();
    // The full names by their first and last words (in document order), so that a short
    // reference finds its candidates without walking every full name of the document (which
    // made a long document quadratic).
    let mut by_word: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (k, &(s, e)) in full_people.iter().enumerate() {
        let (first, last) = (c.folded(s), c.folded(e - 1));
        by_word.entry(first).or_default().push(k);
        if last != first {
            by_word.entry(last).or_default().push(k);
        }
    }
    for it in &items {
        match *it {
            Item::Person(s, e) => spans.push(NameSpan { ts: s, te: e, label: Label::Person, entry: None, refers_to: None }),
            Item::Named(s, e, label, entry) => spans.push(NameSpan { ts: s, te: e, label, entry, refers_to: None }),
            Item::Plain(s, e) => {
                if full_people.binary_search(&(s, e)).is_ok() {
                    spans.push(NameSpan { ts: s, te: e, label: Label::Person, entry: None, refers_to: None });
                    continue;
                }
                // A single word that is the first or last word of a full name in this document
                // (`Trung` for `Lê Hoài Trung`, `Xi` for `Xi Jinping`): the nearest one before it,
                // else the first after it.
                for j in s..e {
                    let Some(candidates) = by_word.get(c.folded(j)) else { continue };
                    let n_before = candidates.partition_point(|&k| full_people[k].0 < j);
                    let chosen = if n_before > 0 { candidates[n_before - 1] } else { candidates[0] };
                    if let Some(&full) = full_people.get(chosen) {
                        spans.push(NameSpan { ts: j, te: j + 1, label: Label::Person, entry: None, refers_to: Some(full) });
                    }
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
    spans.sort_by_key(|s| (s.ts, std::cmp::Reverse(s.te)));
    let mut out: Vec<NameSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        if out.last().is_none_or(|l| s.ts >= l.te) {
            out.push(s);
        }
    }
    out
}

fn item_end(it: &Item) -> usize {
    match *it {
        Item::Title(_, e) | Item::Person(_, e) | Item::Named(_, e, _, _) | Item::Plain(_, e) => e,
    }
}
