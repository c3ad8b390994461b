//! From items to names, over the whole document: people a title introduces, evidence weighed
//! for each name no list knows over all its mentions, nationalities beside their countries,
//! short references to people named in full, `the congress`, buildings and meetings, and
//! agencies' credits left out.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::context::{item_end, Ctx, Item, NameSpan};
use super::evidence;
use crate::label::Label;
use crate::tokens::Kind;

/// `second plenum of the`, `10th session of the`: a meeting named by its ordinal and body.
pub(super) static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+(?:plenum|plenary\s+session|plenary\s+meeting|extraordinary\s+session|session|meeting|congress)\s+of\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// The hash of a name's folded words, as a key without the string (a collision would merge two
/// names' evidence; at 64 bits, within one document, it does not happen).
pub(super) fn words_hash<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
    let mut h = BuildHasherDefault::<rustc_hash::FxHasher>::default().build_hasher();
    for w in words {
        h.write(w.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

/// Turn items into spans: people introduced by titles, short references to people named in
/// full elsewhere in the document, `the congress`, `National Assembly building`, meetings.
pub(super) fn resolve(c: &Ctx, items: Vec<Item>) -> Vec<NameSpan> {
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
        if stem.is_none() && !(before_noun && evidence::demonym_shaped(key)) {
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
    // A shorter form of a longer name in the document (`Tengku Zafrul` for `Tengku Datuk Seri
    // Zafrul Tengku Abdul Aziz`; `Mr. Quoc Anh` for `Trinh Quoc Anh`, whose first word is a
    // middle name) refers to it. Only the few nearest candidates are tried, so a document of
    // many namesakes stays linear.
    let longer = |s: usize, e: usize| {
        let longer_by = |w: &str| {
            by_word.get(w).and_then(|full| {
                let before = full.partition_point(|&(ps, _)| ps < s);
                full[before.saturating_sub(8)..before]
                    .iter()
                    .rev()
                    .copied()
                    .find(|&(ps, pe)| pe - ps > e - s && (s..e).all(|j| (ps..pe).any(|i| c.folded(i) == c.folded(j))))
            })
        };
        longer_by(c.folded(s)).or_else(|| longer_by(c.folded(e - 1)))
    };
    for (k, it) in items.iter().enumerate() {
        match *it {
            Item::Person(s, e) => {
                spans.push(NameSpan { ts: s, te: e, label: Label::Person, entry: None, refers_to: longer(s, e) });
            }
            // `Police General X`, `Army Colonel X`: a lone head word before a title is a rank.
            Item::Named(s, e, _, None)
                if e == s + 1 && c.head_label(s).is_some() && items.get(k + 1).is_some_and(|x| matches!(x, Item::Title(ts, _) if *ts == e)) => {}
            // In a Title Case line, common words with a head are a phrase (`Gather For Budget
            // Week`), not a name.
            Item::Named(s, e, _, None) if c.flags[s].headline && (s..e).all(|i| c.flags[i].common || c.flags[i].stop) => {}
            Item::Named(s, e, label, entry) => spans.push(NameSpan { ts: s, te: e, label, entry, refers_to: None }),
            Item::Plain(s, e) => {
                if let Some(&ps) = person_ending.get(&e).filter(|&&ps| ps >= s) {
                    spans.push(NameSpan { ts: ps, te: e, label: Label::Person, entry: None, refers_to: longer(ps, e) });
                    continue;
                }
                if let Some(&(ls, label)) = labelled.get(&e).filter(|(ls, _)| *ls >= s) {
                    // A lone family name after an honorific with no full name to refer to
                    // (`Ms Oyelaran said`) is a person by itself.
                    let refers_to = if label == Label::Person && e - ls >= 2 { longer(ls, e) } else { None };
                    spans.push(NameSpan { ts: ls, te: e, label, entry: None, refers_to });
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
        for (j, t) in toks.iter().enumerate().skip(1) {
            if c.is_word(j) && !t.cap && named.contains(&c.folded(j)) && c.folded(j - 1) == "the" {
                spans.push(NameSpan { ts: j, te: j + 1, label: Label::Event, entry: None, refers_to: None });
            }
        }
    }
    for s in spans.iter_mut() {
        // `Mr von der Hasenburg`, `Van der Vlught` (opening a sentence): a short form keeps the
        // particles its full name has before the same word.
        if let (Label::Person, Some((fs, fe))) = (s.label, s.refers_to) {
            if let Some(p) = (fs..fe).find(|&i| c.folded(i) == c.folded(s.ts)) {
                let (mut a, mut q) = (s.ts, p);
                while q > fs && a > 0 && c.is_word(a - 1) && c.lex.particles.contains(c.folded(q - 1)) && c.folded(a - 1) == c.folded(q - 1) {
                    (a, q) = (a - 1, q - 1);
                }
                s.ts = a;
            }
        }
        // `By Reuters Staff`: a known body's staff are its credit, not another body.
        if s.label == Label::Org && s.te - s.ts >= 2 && c.folded(s.te - 1) == "staff" {
            if let Some((_, entry)) = c.gaz(s.ts).filter(|&(ge, _)| ge == s.te - 1) {
                s.te -= 1;
                s.entry = Some(entry);
            }
        }
        // `Ferdinand Marcos Jr.`: the abbreviation's full stop is part of the name.
        // `Samsung Electronics Co. on Tuesday`: so is a legal form's inside a sentence (at its end
        // the stop is the sentence's).
        let stop_after = toks.get(s.te).is_some_and(|t| t.kind == Kind::Punct && t.fstart == toks[s.te - 1].fend && c.tok_text(s.te) == ".");
        let sentence_goes_on = toks.get(s.te + 1).is_some_and(|t| !(t.newline_before || t.kind == Kind::Word && t.cap));
        if stop_after
            && (s.label == Label::Person && matches!(c.folded(s.te - 1), "jr" | "sr")
                || s.label == Label::Org
                    && sentence_goes_on
                    && matches!(c.folded(s.te - 1), "co" | "corp" | "inc" | "ltd" | "bhd" | "pte" | "pvt" | "tbk" | "llc" | "plc"))
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
        // (The pattern ends in `of` or `of the`: a name after any other word needs no search.)
        if s.label == Label::Org && s.ts > 0 && matches!(c.folded(s.ts - 1), "of" | "the") {
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
pub(super) fn is_credit(c: &Ctx, s: usize, e: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::context::{at, with_ctx};
    use super::*;

    #[test]
    fn word_hashes_keep_word_boundaries() {
        let h = |ws: &[&str]| words_hash(ws.iter().copied());
        assert_eq!(h(&["ha", "noi"]), h(&["ha", "noi"]));
        assert_ne!(h(&["ha", "noi"]), h(&["hanoi"]));
        assert_ne!(h(&["ha", "noi"]), h(&["noi", "ha"]));
    }

    #[test]
    fn agency_credits_after_a_dateline_or_a_closing_dash() {
        with_ctx("HANOI (AFP) - Talks began.\nThe ministry agreed. — Reuters\nAFP staff met Reuters editors.", |c| {
            let afp = at(c, "AFP");
            assert!(is_credit(c, afp, afp + 1));
            let reuters = at(c, "Reuters");
            assert!(is_credit(c, reuters, reuters + 1));
            let last = c.toks.len() - 3;
            assert_eq!(c.tok_text(last), "Reuters");
            assert!(!is_credit(c, last, last + 1), "a name in a sentence is no credit");
        });
    }
}
