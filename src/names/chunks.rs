//! Cutting a document's capitalised runs into chunks, and a chunk into items: known names,
//! titles, people, phrases named by their head word (`... Commission`), and plain capitalised
//! words the document-level step weighs later.

use super::context::{Ctx, Item, EXTENDERS};
use super::evidence;
use crate::label::Label;
use crate::tokens::Kind;

/// The longest chunk, in tokens: no name is longer than a few dozen words, and an unbounded run
/// (`14th National Party Congress of CPV of 14th National ...` repeated) made one name whose key
/// every later `the Congress` copied, so time and output grew with the square of the run.
pub(super) const MAX_CHUNK_TOKENS: usize = 64;

/// Where a chunk of capitalised words that starts at `i` ends (at most `MAX_CHUNK_TOKENS` on).
pub(super) fn chunk_end(c: &Ctx, i: usize) -> usize {
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
        if let Some(e) = c.docnum(j).or(c.gaz_end(j)) {
            j = e;
            continue;
        }
        // `Trương Mỹ Lan`: a short stop word (`My`) after a family name, before a name word.
        // (Three letters, not bytes: `Mỹ` is four bytes.)
        let inner_stop = j > i && c.flags[j - 1].surname && c.tok_text(j).chars().count() <= 3 && c.name_word(j + 1, n);
        // `Nguyễn Văn An`: a given name that is also a stop word may end a Vietnamese name, a
        // family name one or two words before it.
        let final_stop = j >= i + 2 && (j - 2..j).any(|k| c.flags[k].surname) && c.last_name_syllable(j);
        if c.is_cap(j) && (j == i || !c.is_stop(j) || inner_stop || final_stop || c.person_at(j, n).is_some()) {
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
pub(super) fn comma_list_end(c: &Ctx, mut j: usize) -> Option<usize> {
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
pub(super) fn legal_span(c: &Ctx, p: usize, b: usize) -> Option<usize> {
    let mut j = p;
    let mut end = None;
    let mut joined = false;
    // A registered name is short; the bound keeps a run of thousands of capitalised words linear.
    let b = b.min(p + 24);
    let mut gaz_end = None;
    while j < b {
        gaz_end = c.gaz_end(j).or(gaz_end);
        if j > p && (c.title_at(j, b).is_some() || c.gaz(j).is_some_and(|(_, e)| c.lex.entries[e as usize].label == Label::Person)) {
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

/// The end of a head phrase's core starting at `p`: capitalised words, known names, ordinals and
/// `(ABBR)`, up to a connector, a title or a person. Returns (end, label of its last head).
pub(super) fn core_at(c: &Ctx, p: usize, b: usize) -> (usize, Option<Label>) {
    core_walk(c, p, b, &mut Vec::new())
}

/// `core_at`, pushing every position the walk stands on to `path`.
pub(super) fn core_walk(c: &Ctx, p: usize, b: usize, path: &mut Vec<usize>) -> (usize, Option<Label>) {
    let mut j = p;
    let mut label = if c.is_cap(p) { c.flags[p].opening } else { None };
    let opened = label.is_some();
    while j < b {
        path.push(j);
        if j > p && (c.title_at(j, b).is_some() || (!opened && c.person_at(j, b).is_some_and(|e| c.head_label(e).is_none()))) {
            break;
        }
        if let Some(e) = c.docnum(j) {
            label = Some(Label::Law);
            j = e;
            continue;
        }
        if let Some((e, entry)) = c.gaz(j) {
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
pub(super) fn extension(c: &Ctx, q: usize, b: usize) -> Option<usize> {
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
    if let Some((ge, entry)) = c.gaz(s) {
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

/// The end of a known island or region after a point of the compass at `p` (`West Sulawesi`).
pub(super) fn compass_place(c: &Ctx, p: usize, b: usize) -> Option<usize> {
    if !(c.is_cap(p) && c.flags[p].compass) {
        return None;
    }
    c.gaz(p + 1).filter(|&(e, entry)| e <= b && c.lex.entries[entry as usize].label == Label::Loc).map(|(e, _)| e)
}

pub(super) fn segment(c: &Ctx, a: usize, b: usize, items: &mut Vec<Item>) {
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
        if let Some(e) = c.docnum(p) {
            let mut q = e;
            while let Some(x) = extension(c, q, b) {
                q = x;
            }
            items.push(Item::Named(p, q.min(b), Label::Law, None));
            p = q;
            continue;
        }
        let gaz = c.gaz(p).filter(|(e, _)| *e <= b);
        // `West Sulawesi province`, `East Java`: a point of the compass before a known island or
        // region that no list has with it is part of its name, a province or state when the text
        // says so. (Before a country it names a part of it, `Central Vietnam`, which is left as
        // the country.)
        if let Some(e) = compass_place(c, p, b).filter(|_| gaz.is_none()) {
            let admin = c.is_word(e) && !c.toks[e].cap && matches!(c.folded(e), "province" | "state" | "region" | "prefecture" | "regency");
            items.push(Item::Named(p, e, if admin { Label::Gpe } else { Label::Loc }, None));
            p = e;
            continue;
        }
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
        if let (Some(mut label), true) = (head, core_end > p) {
            let only_gaz = gaz.is_some_and(|(e, _)| e == core_end);
            let mut q = core_end;
            // `Center for Strategic and International Studies`, `National Centre for Hydro-
            // meteorological Forecasting`: a centre *for* something is an institution.
            if label == Label::Fac && matches!(c.folded(core_end - 1), "centre" | "center") && c.toks.get(q).is_some_and(|_| c.folded(q) == "for") {
                label = Label::Org;
            }
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
                while s + 1 < q && c.is_stop(s) && c.gaz(s).is_none() && !c.name_syllable(s) {
                    s += 1;
                }
                // `Quảng Ninh Province` is the place `Quảng Ninh`, however its division is written.
                let place = gaz.filter(|&(ge, entry)| {
                    label == Label::Gpe
                        && s == p
                        && c.lex.entries[entry as usize].label == Label::Gpe
                        && (ge..q).all(|j| c.lex.words.get(c.folded(j)).is_some_and(|w| w.head == Some(Label::Gpe)))
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
        while q < b && ((c.is_cap(q) && c.gaz(q).is_none() && c.title_at(q, b).is_none() && c.person_at(q, b).is_none()) || c.joins(q)) {
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

#[cfg(test)]
mod tests {
    use super::super::context::{at, with_ctx};
    use super::*;

    #[test]
    fn a_chunk_runs_over_connectors_before_capitalised_words_only() {
        with_ctx("He thanked the Ministry of Foreign Affairs of Vietnam for its help.", |c| {
            let end = chunk_end(c, at(c, "Ministry"));
            assert_eq!(c.tok_text(end), "for", "`of Vietnam` belongs, `for its help` does not");
        });
    }

    #[test]
    fn a_chunk_stops_at_a_line_break() {
        with_ctx("Hanoi Opens\nNew Bridge", |c| {
            assert_eq!(chunk_end(c, 0), at(c, "New"));
        });
    }

    #[test]
    fn a_registered_name_joined_by_and_runs_to_its_legal_form() {
        with_ctx("Hai Long Air Services and Tourism Trading Company Limited said on Monday.", |c| {
            let end = legal_span(c, 0, at(c, "said")).expect("a legal form closes the joined name");
            assert_eq!(c.tok_text(end), "said");
        });
        // Without a join the head-phrase reading finds the name, not this one.
        with_ctx("Polska Energia SA said on Monday.", |c| assert_eq!(legal_span(c, 0, at(c, "said")), None));
    }
}
