//! Context checks: what the text around a match says about it (a word cut in two, a code that
//! continues, a number word inside a name, the pronoun `one`).

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A mention must not start or end inside a word (`ệ5`, `5ệ`): the regex only knows ASCII words.
pub(super) fn clean_edges(text: &str, s: usize, e: usize) -> bool {
    let span = &text[s..e];
    let starts_word = span.chars().next().is_some_and(is_word_char);
    let ends_word = span.chars().next_back().is_some_and(is_word_char);
    let prev_ok = !starts_word || !text[..s].chars().next_back().is_some_and(is_word_char);
    let next_ok = !ends_word || !text[e..].chars().next().is_some_and(is_word_char);
    s < e && prev_ok && next_ok
}

/// `2021-26-30`, `123/2025/ND-CP`, `2026-01.5`: the match is the start of a longer code. A full
/// stop before a letter is a missing space (`2026–2030.Other`), not a code.
pub(super) fn continues_identifier(text: &str, e: usize) -> bool {
    let mut cs = text[e..].chars();
    match cs.next() {
        Some('-' | '/' | '\u{2010}' | '\u{2011}') => cs.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        Some('.' | ':') => cs.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Where the code continuing at `e` ends.
pub(super) fn identifier_end(text: &str, e: usize) -> usize {
    let is_code = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ':' | '_' | '\u{2010}' | '\u{2011}');
    let len = text[e..].find(|c: char| !is_code(c)).unwrap_or(text.len() - e);
    e + len
}

pub(super) fn followed_by_word(text: &str, e: usize) -> bool {
    text[e..].trim_start_matches([' ', '\t', '\u{a0}']).chars().next().is_some_and(char::is_alphanumeric)
}

/// The word before `pos`, lowercased, skipping spaces and an opening bracket.
pub(super) fn prev_word(text: &str, pos: usize) -> String {
    let before = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
    let start = before.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].to_lowercase()
}

pub(super) fn next_word(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start_matches(|c: char| c.is_whitespace());
    let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
    &after[..end]
}

pub(super) fn at_sentence_start(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end_matches([' ', '\t', '\u{a0}']);
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            matches!(c, '.' | '!' | '?' | '\n' | '\r' | ':' | ';' | '"' | '“' | '‘' | '(' | '[' | '—' | '–' | '-' | '•')
        }
    }
}

/// `Two Sessions`, `One Pillar Pagoda`, `First Secretary`: a capitalised number word inside a
/// sentence followed by another capitalised word belongs to a name.
pub(super) fn is_title_name(text: &str, s: usize, e: usize) -> bool {
    let capitalised = text[s..e].starts_with(|c: char| c.is_uppercase());
    capitalised && !at_sentence_start(text, s) && next_word(text, e).starts_with(|c: char| c.is_uppercase())
}

/// `two-tier`, `one-party`, `Formula-One`: a number word fused with another word is no count.
pub(super) fn is_hyphen_compound(text: &str, s: usize, e: usize) -> bool {
    hyphen_then_letter(text[e..].chars()) || hyphen_then_letter(text[..s].chars().rev())
}

pub(super) fn hyphen_then_letter(mut cs: impl Iterator<Item = char>) -> bool {
    matches!(cs.next(), Some('-' | '\u{2010}' | '\u{2011}')) && cs.next().is_some_and(char::is_alphabetic)
}

/// `one another`, `no one`, `the one who`: the pronoun, not the number.
pub(super) fn is_pronoun_one(text: &str, s: usize, e: usize) -> bool {
    let prev = prev_word(text, s);
    let next = next_word(text, e).to_ascii_lowercase();
    matches!(prev.as_str(), "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "someone" | "little")
        || matches!(next.as_str(), "another" | "by")
}

/// `in a second.`, `one second later`: the unit of time, not the ordinal.
pub(super) fn is_time_second(text: &str, s: usize, e: usize) -> bool {
    let prev = prev_word(text, s);
    let next = next_word(text, e).to_ascii_lowercase();
    let after = text[e..].trim_start().chars().next();
    matches!(prev.as_str(), "a" | "one" | "per" | "split")
        && (after.is_none_or(|c| !c.is_alphanumeric()) || matches!(next.as_str(), "ago" | "later" | "earlier"))
}

pub(super) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_does_not_cut_a_word() {
        let t = "Việt5 and 5ệ and 5";
        assert!(!clean_edges(t, t.find('5').unwrap(), t.find('5').unwrap() + 1));
        let last = t.rfind('5').unwrap();
        assert!(clean_edges(t, last, last + 1));
    }

    #[test]
    fn codes_continue_and_a_missing_space_does_not() {
        let t = "123/2025/ND-CP";
        assert!(continues_identifier(t, 8));
        assert_eq!(identifier_end(t, 8), t.len());
        assert!(!continues_identifier("2026-2030.Other", 9));
        assert!(continues_identifier("2026-01.5", 7));
    }

    #[test]
    fn number_words_in_names_and_pronouns() {
        let t = "They visited the One Pillar Pagoda.";
        let s = t.find("One").unwrap();
        assert!(is_title_name(t, s, s + 3));
        let t = "One Pillar Pagoda opened.";
        assert!(!is_title_name(t, 0, 3), "capitalised at the start of a sentence");
        let t = "they helped one another";
        let s = t.find("one").unwrap();
        assert!(is_pronoun_one(t, s, s + 3));
        let t = "a two-tier system";
        let s = t.find("two").unwrap();
        assert!(is_hyphen_compound(t, s, s + 3));
    }

    #[test]
    fn the_word_before_skips_spaces_and_a_bracket() {
        assert_eq!(prev_word("Founded in (1930", 12), "in");
        assert_eq!(prev_word("", 0), "");
        assert_eq!(floor_boundary("aệ", 2), 1);
    }
}
