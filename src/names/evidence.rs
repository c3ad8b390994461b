//! Reading a name no list knows. A capitalised chunk that is neither a known name, nor a title,
//! nor headed by a word that says what it is (`... Bank`, `... Province`) gets evidence from
//! what it holds (the world's given and family names, an acronym, common English words) and
//! from where it stands (honorifics, reporting verbs, appositions, prepositions of place,
//! possessives: `evidence.tsv`). Evidence is summed over every mention of the same name in the
//! document, so one clear context labels them all, and a name is labelled only when one label
//! clearly wins: with no evidence it stays out.

use super::context::Ctx;
use crate::label::Label;
use crate::lexicon::{CueAt, CUE_LABELS};
use crate::tokens::Kind;

/// Weight per label, in `CUE_LABELS` order.
pub(super) type Scores = [f32; 5];

pub(super) const PERSON: usize = 0;
const ORG: usize = 1;
const GPE: usize = 2;

/// The least total evidence that labels a name. An honorific alone (3), a given name with a
/// reporting verb (2 + 1.2), an apposition (2.5) or a preposition of place before a word that
/// is no acronym and not only common words (2) pass; a reporting verb after an unknown word
/// (1.5) does not.
const THRESHOLD: f32 = 2.0;
/// How far the winner must lead the runner-up: `X said` is as likely a company as a person.
const MARGIN: f32 = 1.0;

/// Evidence from the words of the chunk `[s, e)`.
pub(super) fn inside(c: &Ctx, s: usize, e: usize) -> Scores {
    let mut sc = [0.0; 5];
    let words = e - s;
    let first = c.flags[s];
    let last = c.flags[e - 1];
    if words >= 2 {
        // Vietnamese family names are also common syllables of place and company names
        // (`Quang Chau`, `Tan Van`), so alone they weigh less than a given name.
        if first.given {
            sc[PERSON] += 1.5;
        } else if first.surname || first.given_weak {
            sc[PERSON] += 1.0;
        }
        if last.sector {
            sc[ORG] += 2.0;
        }
        if last.family {
            sc[PERSON] += 1.5;
        } else if last.family_weak {
            sc[PERSON] += 0.5;
        }
        // Two to four name-shaped words, none a common English word: `Jan Kowalczyk`.
        if words <= 4 && (s..e).all(|i| c.name_word(i, e) && !c.toks[i].upper) {
            sc[PERSON] += 0.5;
        }
    } else if last.family || last.surname || last.given {
        // A lone name (`Kowalczyk said`, `Bình added`) needs its context too.
        sc[PERSON] += 1.0;
    }
    // Common words are not names (`Prime Ministers`, `Shares`, `Markets Rally`), and a name of
    // common words only is no person's, whatever stands around it (`Deputy Ministers attended`).
    let common = (s..e).filter(|&i| c.flags[i].common && !c.flags[i].name_like()).count();
    sc[PERSON] -= 1.5 * common as f32;
    if common == words {
        sc[PERSON] = f32::NEG_INFINITY;
        // Nor, from a preposition alone, a place (`in Official Telegram No. 92`).
        sc[GPE] -= 1.0;
    }
    if words == 1 && c.toks[s].upper && c.toks[s].end - c.toks[s].start <= 6 {
        // An unknown acronym is far likelier a body than anything else.
        sc[ORG] += 1.5;
    }
    if words == 1 && is_acronym_or_plural(c.tok_text(s)) {
        // The places written as acronyms are known ones: an unknown acronym after `in` is a
        // thing (`in FDI`, `in IPs`).
        sc[GPE] = f32::NEG_INFINITY;
    }
    sc
}

/// `FDI`, `IPs`: two or more capitals, and at most a plural `s` after them.
fn is_acronym_or_plural(w: &str) -> bool {
    let caps = w.strip_suffix('s').unwrap_or(w);
    caps.chars().count() >= 2 && caps.chars().all(|ch| ch.is_uppercase())
}

/// The folded text of tokens `[a, b]` (inclusive): words as the folded text joins them, one
/// space apart, so a phrase is looked up without building a string.
fn phrase<'a>(c: &Ctx<'a>, a: usize, b: usize) -> &'a str {
    &c.f.text[c.toks[a].fstart..c.toks[b].fend]
}

/// Add the weights of the longest cue at `at` among `phrases` (longest first).
fn add_first<'a>(c: &Ctx, at: CueAt, phrases: impl Iterator<Item = &'a str>, sc: &mut Scores) {
    for p in phrases {
        if let Some(w) = c.lex.cues.get(at, p) {
            for (x, y) in sc.iter_mut().zip(w) {
                *x += y;
            }
            return;
        }
    }
}

/// The first token of the phrase of up to `n` words ending just before token `s` (`according
/// to`; a full stop right after a short word, `Mr.`, is part of it).
fn before_start(c: &Ctx, s: usize, n: usize) -> Option<usize> {
    let mut k = s;
    let mut words = 0;
    while words < n && k > 0 {
        let t = &c.toks[k - 1];
        match t.kind {
            Kind::Word => k -= 1,
            Kind::Punct if words == 0 && k == s && c.tok_text(k - 1) == "." && k >= 2 && c.is_word(k - 2) && c.toks[k - 2].fend == t.fstart => k -= 2,
            _ => break,
        }
        words += 1;
    }
    (k < s).then_some(k)
}

/// The last token of the phrase of up to `n` tokens from `e`: words, a possessive, or
/// `Ankara-based`'s hyphen and word as one.
fn after_end(c: &Ctx, e: usize, n: usize) -> Option<usize> {
    if e + 1 < c.toks.len() && c.toks[e].kind == Kind::Punct && c.tok_text(e) == "-" && e > 0 && c.toks[e].start == c.toks[e - 1].end && c.is_word(e + 1) {
        return Some(e + 1);
    }
    let mut k = e;
    while k < c.toks.len() && k < e + n && matches!(c.toks[k].kind, Kind::Word | Kind::Possessive) {
        k += 1;
    }
    (k > e).then(|| k - 1)
}

/// Where the words that describe a name start: after a second name joined by a dash
/// (`Tân Vạn – Nhơn Trạch section`) or a short aside in brackets (`Tri Thức (Knowledge)
/// Publishing House`), which describe both.
fn after_aside(c: &Ctx, e: usize) -> usize {
    let Some(t) = c.toks.get(e) else { return e };
    if t.kind != Kind::Punct {
        return e;
    }
    let mut k = e + 1;
    match c.tok_text(e) {
        "-" | "–" | "—" => {
            while k < c.toks.len() && k <= e + 4 && c.is_cap(k) {
                k += 1;
            }
            if k > e + 1 {
                k
            } else {
                e
            }
        }
        "(" => {
            while k < c.toks.len() && k <= e + 4 && c.tok_text(k) != ")" {
                k += 1;
            }
            if c.toks.get(k).is_some_and(|_| c.tok_text(k) == ")") {
                k + 1
            } else {
                e
            }
        }
        _ => e,
    }
}

/// Evidence from the context of one mention `[s, e)`.
pub(super) fn around(c: &Ctx, s: usize, e: usize) -> Scores {
    let mut sc = [0.0; 5];
    let max = c.lex.cues.max_words;
    // The phrase ending just before the name: `according to`, then `to`. Before a possessive,
    // one that ends in a preposition is about what the name has (`head of Ostrevia's Ministry
    // of Transport`, `according to Valdoria's ministry`), not about the name.
    // So is one before a name that a title follows (`according to Goertek Vina CEO Yoshinaga`).
    let possessor = c.toks.get(e).is_some_and(|t| t.kind == Kind::Possessive) || c.title_at(e, c.toks.len()).is_some();
    let about_possessed = possessor && s > 0 && c.is_word(s - 1) && matches!(c.folded(s - 1), "of" | "to" | "by" | "with" | "for" | "from" | "at" | "on");
    if let Some(first) = before_start(c, s, max).filter(|_| !about_possessed) {
        add_first(c, CueAt::Before, (first..s).map(|k| phrase(c, k, s - 1)), &mut sc);
    }
    // A title, then the name set off by commas: `Iran's oil minister, Dariush Mehrabanpour,
    // met ...`, `said its chief executive, Kavitha Ramachandrula.`
    let set_off = c.toks.get(e).is_none_or(|t| t.kind == Kind::Punct && matches!(c.tok_text(e), "," | "." | ";"));
    if s >= 2 && c.toks[s - 1].kind == Kind::Punct && c.tok_text(s - 1) == "," && title_before(c, s - 1) && set_off {
        sc[PERSON] += 2.5;
    }
    let from = after_aside(c, e);
    if let Some(last) = after_end(c, from, max) {
        add_first(c, CueAt::After, (from..=last).rev().map(|k| phrase(c, from, k)), &mut sc);
    }
    // Appositions: `X, 45,` and `X, (a|the) ... chairman|lender|province ...`.
    if c.toks.get(e).is_some_and(|t| t.kind == Kind::Punct && c.tok_text(e) == ",") {
        let age = c.toks.get(e + 1).is_some_and(|t| t.kind == Kind::Number && c.tok_text(e + 1).len() <= 3)
            && c.toks.get(e + 2).is_some_and(|t| t.kind == Kind::Punct && matches!(c.tok_text(e + 2), "," | ")"));
        if age {
            sc[PERSON] += 3.0;
        } else {
            let mut k = e + 1;
            if c.is_word(k) && matches!(c.folded(k), "a" | "an" | "the") {
                k += 1;
            } else if c.is_cap(k) {
                // `X, Trade and Industry Minister ...` goes on a list; an apposition starts in
                // lower case or with an article (`X, chairman of`, `X, a lender`).
                k = c.toks.len();
            } else if c.is_word(k) && c.folded(k) == "who" {
                // `X, who runs ...`: only people are `who`.
                sc[PERSON] += 2.5;
                k = c.toks.len();
            }
            // The apposition's head noun is among its first few words (`a Warsaw-based lender`),
            // before a capitalised name starts a new clause (`, the Tarrasco Group will`) or a
            // preposition its complement (`chairman of ...`).
            let mut best = [0.0f32; 5];
            let mut j = k;
            let end = (k + 6).min(c.toks.len());
            while j < end {
                // `a Warsaw-based lender`: the place and its suffix describe the noun.
                if c.is_cap(j) && j + 2 < c.toks.len() && c.tok_text(j + 1) == "-" && c.is_word(j + 2) {
                    j += 3;
                    continue;
                }
                if !c.is_word(j)
                    || (c.toks[j].cap && !c.folded(j).contains('-'))
                    || matches!(c.folded(j), "of" | "for" | "at" | "in" | "to" | "which" | "that" | "who")
                {
                    break;
                }
                for p in [Some(c.folded(j)), (j + 1 < c.toks.len() && c.is_word(j + 1)).then(|| phrase(c, j, j + 1))].into_iter().flatten() {
                    if let Some(w) = c.lex.cues.get(CueAt::Appos, p) {
                        for (b, y) in best.iter_mut().zip(w) {
                            *b = b.max(*y);
                        }
                    }
                }
                j += 1;
            }
            for (x, b) in sc.iter_mut().zip(best) {
                *x += b;
            }
        }
    }
    sc
}

/// Does the context of a two-word name shaped like a Vietnamese person's say it is something
/// else (`Quang Châu industrial park`, `Hoàng Mai district`, `La Gàn wind power project`)? Place
/// names are written the same way as people's, so only the words around them tell.
pub(super) fn contradicts_person(c: &Ctx, s: usize, e: usize) -> bool {
    let sc = around(c, s, e);
    let other = sc[PERSON + 1..].iter().copied().fold(0.0f32, f32::max);
    other >= 1.5 && other > sc[PERSON]
}

/// The country names a nationality word may come from (`valdorian` -> `valdoria`, `sahriyan`
/// -> `sahriya`, `quelmaran` -> `quelmara`, `ostrevian` -> `ostrevia`, `lanese` -> `lana`):
/// empty for a word not shaped like a nationality.
pub(super) fn demonym_stem(word: &str) -> impl Iterator<Item = String> + '_ {
    const RULES: [(&str, &str); 6] = [("ian", "ia"), ("an", "a"), ("n", ""), ("ese", "a"), ("ese", ""), ("i", "")];
    RULES
        .iter()
        .filter(move |(suffix, _)| word.len() > suffix.len() + 3 && word.ends_with(suffix))
        .map(move |(suffix, add)| format!("{}{add}", &word[..word.len() - suffix.len()]))
}

/// Is `word` shaped like a nationality on its own, with no country of that stem in the text
/// (`Ostrevian`, `Quelmaran`, `Valdese`)? Only the productive endings: the bare `-n` and `-i`
/// that `demonym_stem` also tries read `Kremlin` and a typhoon's name as nationalities.
pub(super) fn demonym_shaped(word: &str) -> bool {
    ["ian", "an", "ese"].iter().any(|suffix| word.len() > suffix.len() + 3 && word.ends_with(suffix))
}

/// Is the word before token `p` a role that introduces a person (`Manager`, `Director`)?
pub(super) fn role_before(c: &Ctx, p: usize) -> bool {
    p > 0 && c.is_word(p - 1) && c.lex.cues.get(CueAt::Before, c.folded(p - 1)).is_some_and(|w| w[PERSON] >= 2.0)
}

/// Does a phrase that introduces a person (`chief executive`, `minister`) end just before
/// token `p`?
fn title_before(c: &Ctx, p: usize) -> bool {
    before_start(c, p, c.lex.cues.max_words)
        .is_some_and(|first| (first..p).any(|k| c.lex.cues.get(CueAt::Before, phrase(c, k, p - 1)).is_some_and(|w| w[PERSON] >= 2.0)))
}

/// The label the evidence gives, if one clearly wins.
pub(super) fn decide(sc: &Scores) -> Option<Label> {
    let mut order: Vec<usize> = (0..sc.len()).collect();
    order.sort_by(|&a, &b| sc[b].total_cmp(&sc[a]));
    let (best, second) = (sc[order[0]], sc[order[1]].max(0.0));
    (best >= THRESHOLD && best - second >= MARGIN).then_some(CUE_LABELS[order[0]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_winner_or_nothing() {
        assert_eq!(decide(&[3.0, 0.0, 0.0, 0.0, 0.0]), Some(Label::Person));
        assert_eq!(decide(&[0.0, 2.5, 1.2, 0.0, 0.0]), Some(Label::Org));
        // Too little evidence, or two labels as likely.
        assert_eq!(decide(&[1.2, 0.0, 0.0, 0.0, 0.0]), None);
        assert_eq!(decide(&[2.2, 2.0, 0.0, 0.0, 0.0]), None);
        assert_eq!(decide(&[-1.0, -2.0, 0.0, 0.0, 0.0]), None);
    }
}
