//! The roles table: the titles a document gives a named person, in both orders —
//! `Politburo member and Minister of Foreign Affairs Lê Hoài Trung` (titles before the name) and
//! `Trinh Van Quyet, Politburo member, Secretary of ...` (an apposition after it). A role phrase
//! must contain a title from the shipped list; `and` and commas split phrases only where a new
//! title follows, so `Minister of Science and Technology` stays whole.

use std::cell::Cell;

use crate::knowledge::{HONORIFICS, TITLE_BODIES};
use crate::label::Label;
use crate::lexicon::Lexicon;
use crate::mention::{Doc, Mention};
use crate::names::NameSpan;
use crate::tokens::Kind;

/// One (person, title) statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    pub sentence: u32,
    /// Code-point offsets of the title text.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the title text (the quotes pass reads the text by bytes).
    pub bstart: usize,
    /// Entity key of the person (label PERSON).
    pub person_key: String,
    /// The title as written, without a leading `the`.
    pub role: String,
    /// Entity id of the organisation the title names, if any.
    pub org_entity_id: Option<String>,
}

const JOINERS: &[&str] = &["of", "to", "in", "for", "the", "its", "and", "on", "at"];

struct R<'a, 'd> {
    doc: &'a Doc<'d>,
    lex: &'a Lexicon,
    /// For each token, the name span covering it (index into names).
    name_of: Vec<Option<usize>>,
    /// `title_end` of each token once asked: the walk back from a name asks again for the
    /// same tokens at every step.
    title_ends: Vec<Cell<Option<Option<u32>>>>,
}

impl R<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.doc.tokens[i].folded(&self.doc.folded)
    }
    fn surface(&self, i: usize) -> &str {
        self.doc.tokens[i].text(self.doc.text)
    }
    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }
    /// The longest title (any case, plural allowed) starting at `i`.
    fn title_end(&self, i: usize) -> Option<usize> {
        let memo = self.title_ends.get(i)?;
        if let Some(known) = memo.get() {
            return known.map(|e| e as usize);
        }
        let found = self.longest_title(i);
        memo.set(Some(found.map(|e| e as u32)));
        found
    }
    fn longest_title(&self, i: usize) -> Option<usize> {
        let n = self.doc.tokens.len();
        let mut best = None;
        for j in i + 1..=(i + self.lex.max_title_words).min(n) {
            if !self.is_word(j - 1) {
                break;
            }
            let t = &self.doc.tokens;
            let s = &self.doc.folded.text[t[i].fstart..t[j - 1].fend];
            let prefix = self.lex.title_prefixes.get(s);
            if prefix == Some(&true) || s.strip_suffix('s').is_some_and(|x| self.lex.title_prefixes.get(x) == Some(&true)) {
                best = Some(j);
            }
            // A longer title would start with these words (a plural `s` ends a title only).
            if prefix.is_none() {
                break;
            }
        }
        best
    }
    /// A role phrase starts at `i`: a title, or names (ORG, NORP, GPE) then a title.
    fn starts_role(&self, i: usize, limit: usize) -> bool {
        let mut j = i;
        while j < limit {
            if let Some(e) = self.title_end(j) {
                return !HONORIFICS.contains(&self.w(j)) || e > j + 1;
            }
            match self.name_of[j] {
                Some(_) => {
                    while j < limit && self.name_of[j].is_some() {
                        j += 1;
                    }
                    if j < limit && self.doc.tokens[j].kind == Kind::Possessive {
                        j += 1;
                    }
                }
                None => return false,
            }
        }
        false
    }
    fn has_title(&self, s: usize, e: usize) -> bool {
        (s..e).any(|i| self.title_end(i).is_some_and(|t| t <= e && !(t == i + 1 && HONORIFICS.contains(&self.w(i)))))
    }
}

pub fn find_roles(doc: &Doc, names: &[NameSpan], mentions: &[Mention], lex: &Lexicon) -> Vec<Role> {
    let n = doc.tokens.len();
    let mut name_of = vec![None; n];
    for (k, s) in names.iter().enumerate() {
        for slot in &mut name_of[s.ts..s.te] {
            *slot = Some(k);
        }
    }
    let r = R { doc, lex, name_of, title_ends: vec![Cell::new(None); n] };
    // Mentions are sorted by offset.
    let mention_at = |bstart: usize| mentions.binary_search_by_key(&bstart, |m| m.bstart).ok().map(|i| &mentions[i]);
    // Where the clause holding a token ends (`;`, `.`, `:`, a dash or a new line). Persons come
    // in text order, so the last clause scanned answers every later query inside it: each token
    // is scanned once (a scan from every name made a long clause quadratic; a backward pass over
    // the whole document for the first query cost 2% of extraction).
    let last_clause: Cell<(usize, usize)> = Cell::new((n, n));
    let clause_end_of = |j: usize| -> usize {
        let (from, end) = last_clause.get();
        if from <= j && j < end {
            return end;
        }
        let end = (j..n).find(|&i| matches!(r.surface(i), ";" | "." | ":" | "—" | "–") || doc.tokens[i].newline_before).unwrap_or(n);
        last_clause.set((j, end));
        end
    };
    let mut out: Vec<Role> = Vec::new();
    let mut pending_plural: Option<(usize, usize, u32)> = None; // (role start, end, sentence)
    for span in names.iter().filter(|s| s.label == Label::Person && s.refers_to.is_none()) {
        let Some(person) = mention_at(doc.tokens[span.ts].start) else { continue };
        let mut phrases: Vec<(usize, usize)> = Vec::new();
        // Titles before the name.
        let mut a = span.ts;
        while a > 0 {
            let i = a - 1;
            let t = &doc.tokens[i];
            let ok = match t.kind {
                Kind::Possessive => true,
                Kind::Word => {
                    // Capitalised words complete a title (`Minister of Science and Technology`).
                    (t.cap && r.name_of[i].is_none())
                        || r.name_of[i].is_some_and(|k| names[k].label != Label::Person)
                        || (0..=i).rev().take(lex.max_title_words).any(|s| r.title_end(s).is_some_and(|e| e > i))
                        || (JOINERS.contains(&r.w(i)) && {
                            // `of`/`to`/`in` join a title to what it governs only after a capitalised title word.
                            let w = r.w(i);
                            if matches!(w, "of" | "to" | "in" | "for" | "on" | "at") {
                                i > 0 && doc.tokens[i - 1].cap && r.is_word(i - 1) || (i > 0 && r.name_of[i - 1].is_some())
                            } else {
                                true
                            }
                        })
                }
                _ => false,
            };
            if !ok {
                break;
            }
            a = i;
            if t.newline_before {
                break;
            }
        }
        while a < span.ts && matches!(r.w(a), "and" | "the" | "of" | "to" | "in" | "its") {
            a += 1;
        }
        if a < span.ts {
            split_phrases(&r, a, span.ts, &mut phrases);
        }
        // An apposition after the name: `, Secretary of ... and Minister of ...,`.
        let mut j = span.te;
        if j < n && r.surface(j) == "," {
            j += 1;
            let stop = clause_end_of(j);
            // Phrases separated by top-level commas; the first that is not a role ends the list.
            let mut p = j;
            while p < stop {
                if !r.starts_role(p, stop) {
                    break;
                }
                let mut q = p;
                while q < stop && !(r.surface(q) == "," && r.name_of[q].is_none()) {
                    q += 1;
                }
                split_phrases(&r, p, q, &mut phrases);
                p = q + 1;
            }
        }
        let plural = |e: usize| {
            let last = r.w(e - 1);
            last.len() > 1 && last.ends_with('s') && lex.titles.contains(&last[..last.len() - 1]) && !lex.titles.contains(last)
        };
        let plural_now = phrases.iter().any(|&(_, e)| plural(e));
        if phrases.is_empty() {
            // `Party Central Committee members A, ...; B, ...`: B shares the plural title.
            if let Some((ps, pe, sent)) = pending_plural {
                let prev = doc.text[..doc.tokens[span.ts].start].trim_end();
                if person.sentence == sent && (prev.ends_with(';') || prev.ends_with("; and")) {
                    phrases.push((ps, pe));
                }
            }
        }
        for &(s, e) in &phrases {
            let (bs, be) = (doc.tokens[s].start, doc.tokens[e - 1].end);
            let mut role = doc.text[bs..be].to_owned();
            // `Party Central Committee members A, ...; B, ...`: each is a member.
            if plural(e) && role.ends_with('s') {
                role.pop();
            }
            if out.iter().any(|x| x.person_key == person.key && x.role == role) {
                continue;
            }
            let org_entity_id = org_of(&r, s, e, names, mentions);
            // Byte offsets until the end, where they all become code points in one pass.
            out.push(Role { sentence: person.sentence, start: bs, end: be, bstart: bs, person_key: person.key.clone(), role, org_entity_id });
        }
        if plural_now {
            if let Some(&(s, e)) = phrases.iter().find(|&&(_, e)| plural(e)) {
                pending_plural = Some((s, e, person.sentence));
            }
        }
    }
    let bytes: Vec<usize> = out.iter().flat_map(|r| [r.start, r.end]).collect();
    for (r, c) in out.iter_mut().zip(crate::tokens::char_offsets(doc.text, &bytes).chunks_exact(2)) {
        (r.start, r.end) = (c[0], c[1]);
    }
    out
}

/// Split `[s, e)` at top-level `and` (and commas) where a new role phrase begins.
fn split_phrases(r: &R, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let mut start = s;
    let mut i = s;
    while i < e {
        let sep = r.name_of[i].is_none() && (r.w(i) == "and" || r.surface(i) == ",");
        if sep && i > start && r.starts_role(i + 1, e) {
            push_phrase(r, start, i, out);
            start = i + 1;
        }
        i += 1;
    }
    push_phrase(r, start, e, out);
}

fn push_phrase(r: &R, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && matches!(r.w(s), "the" | "and" | ",") {
        s += 1;
    }
    while e > s && (matches!(r.w(e - 1), "and" | "the" | "of") || r.surface(e - 1) == ",") {
        e -= 1;
    }
    if e > s && r.has_title(s, e) {
        out.push((s, e));
    }
}

/// The organisation a title names: `Minister of Foreign Affairs` -> the Ministry
/// (`title_bodies.tsv`); else the last ORG named inside the title.
fn org_of(r: &R, s: usize, e: usize, names: &[NameSpan], mentions: &[Mention]) -> Option<String> {
    let text = &r.doc.text[r.doc.tokens[s].start..r.doc.tokens[e - 1].end];
    for (title, body) in TITLE_BODIES.iter() {
        if let Some(rest) = text.find(title.as_str()).map(|i| &text[i + title.len()..]) {
            let key = crate::fold::key(&format!("{body}{rest}"));
            let key = r.lex.entry_of(&key).filter(|e| e.label == Label::Org).map_or(key.as_str(), |e| e.key.as_str());
            return Some(Label::Org.entity_id(key));
        }
    }
    let org = names.iter().rfind(|n| n.ts >= s && n.te <= e && n.label == Label::Org)?;
    let m = mentions.binary_search_by_key(&r.doc.tokens[org.ts].start, |m| m.bstart).ok().map(|i| &mentions[i])?;
    Some(m.entity_id())
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;

    /// (person key, role, org id) of every role in `text`, checking its code-point offsets.
    fn roles(text: &str) -> Vec<(String, String, Option<String>)> {
        let r = Extractor::default().extract(text, None);
        r.roles
            .iter()
            .map(|x| {
                let written: String = text.chars().skip(x.start).take(x.end - x.start).collect();
                // A plural title (`Politburo members`) is recorded singular.
                assert!(written == x.role || written == format!("{}s", x.role), "offsets are code points of the title: {written:?} {x:?}");
                (x.person_key.clone(), x.role.clone(), x.org_entity_id.clone())
            })
            .collect()
    }

    fn role_names(found: &[(String, String, Option<String>)]) -> Vec<(&str, &str)> {
        found.iter().map(|(p, r, _)| (p.as_str(), r.as_str())).collect()
    }

    #[test]
    fn titles_before_a_name_split_at_and_where_a_new_title_follows() {
        let found = roles("Politburo member and Minister of Foreign Affairs Đào Văn Khải met the delegation.");
        assert_eq!(role_names(&found), [("dao van khai", "Politburo member"), ("dao van khai", "Minister of Foreign Affairs")]);
        // The title names the ministry: the org id is the ministry the lexicon knows.
        assert_eq!(found[1].2.as_deref(), Some("ORG:ministry of foreign affairs"));
        // Else the organisation named inside the title.
        assert_eq!(found[0].2.as_deref(), Some("ORG:politburo"));
    }

    #[test]
    fn and_inside_a_ministry_name_does_not_split_the_title() {
        let found = roles("Minister of Science and Technology Vũ Minh Khoa opened the forum.");
        assert_eq!(role_names(&found), [("vu minh khoa", "Minister of Science and Technology")]);
        assert_eq!(found[0].2.as_deref(), Some("ORG:ministry of science and technology"));
    }

    #[test]
    fn an_apposition_after_the_name_gives_each_title() {
        let found = roles("Hoàng Văn Tiến, Politburo member, Secretary of the Party Committee of Hải Dương province, spoke.");
        let names = role_names(&found);
        assert_eq!(names.len(), 2, "{found:?}");
        assert_eq!(names[0], ("hoang van tien", "Politburo member"));
        assert!(names[1].1.starts_with("Secretary of the Party Committee"), "{found:?}");
    }

    #[test]
    fn an_honorific_alone_is_not_a_role() {
        let found = roles("Mr. Đỗ Quang Vinh thanked the hosts.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_plural_title_is_shared_by_the_people_after_a_semicolon() {
        let found = roles("Politburo members Lý Văn Sang, head of the commission; and Tạ Quốc Bình attended.");
        let people: Vec<_> = found.iter().filter(|(_, r, _)| r == "Politburo member").map(|(p, _, _)| p.as_str()).collect();
        assert_eq!(people, ["ly van sang", "ta quoc binh"], "{found:?}");
    }

    #[test]
    fn a_minister_of_an_unknown_ministry_keys_the_ministry_by_its_name() {
        let found = roles("Minister of Lunar Affairs Phan Đức Toàn arrived.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2.as_deref(), Some("ORG:ministry of lunar affairs"));
    }
}
