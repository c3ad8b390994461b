//! Sentence boundaries, shared by the document counts and the `sentence` column of mentions.
//! A rule splitter: news prose is regular enough, and the exceptions (abbreviations, initials,
//! `No. 57`) are listed below rather than learned.

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "nos", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "co", "corp", "inc", "ltd", "jr", "sr", "assoc", "dept", "gov", "sen", "rep", "est", "approx", "fig", "vol", "art", "e.g",
    "i.e", "etc", "u.s", "u.k", "u.n", "a.m", "p.m", "ph.d",
];

fn is_abbreviation(word: &str) -> bool {
    // Every listed abbreviation is short: most words end a sentence without an allocation.
    if word.len() > 8 {
        return false;
    }
    // Initials such as `H.` in `Nguyen H. Minh` or the `S` of `U.S.`.
    let raw = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if raw.chars().count() == 1 && raw.chars().all(char::is_uppercase) {
        return true;
    }
    // The list is ASCII without a `k`, so ASCII case folding finds what full lower-casing would
    // (only the Kelvin sign lower-cases to ASCII), without a String per full stop.
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(raw))
}

/// The next byte at or after `i` that the splitter must look at (`\n`, `.`, `?`, `!`), or `n`.
/// `!` is rare, so its next position is kept in `bang` and searched for again only once passed,
/// and the vectorised three-byte search does the rest.
#[inline]
fn next_special(b: &[u8], i: usize, bang: &mut usize) -> usize {
    if *bang < i {
        *bang = memchr::memchr(b'!', &b[i..]).map_or(b.len(), |k| i + k);
    }
    let other = memchr::memchr3(b'\n', b'.', b'?', &b[i..*bang]).map_or(*bang, |k| i + k);
    other.min(*bang)
}

/// Byte ranges `[start, end)` of the sentences of `text`, leading and trailing whitespace
/// excluded. Every non-space character belongs to exactly one sentence.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 120 + 1);
    let mut i = 0;
    let mut bang = memchr::memchr(b'!', b).unwrap_or(n);
    'sentences: loop {
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n {
            break;
        }
        let start = i;
        loop {
            i = next_special(b, i, &mut bang);
            if i >= n {
                out.push((start, trim_end(text, start, n)));
                break 'sentences;
            }
            if b[i] == b'\n' {
                out.push((start, trim_end(text, start, i)));
                i += 1;
                continue 'sentences;
            }
            // At `.`, `!` or `?`: closing quotes and brackets belong to the sentence they close.
            let p = b[i];
            let mut j = i + 1;
            while j < n {
                let c = text[j..].chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') || (c == '.' && p != b'.') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let next_is_space = j >= n || b[j].is_ascii_whitespace();
            if next_is_space {
                // The word before the stop; spaces may be multi-byte (U+00A0, U+3000).
                let word_start = text[..i].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(q, c)| q + c.len_utf8());
                let word = &text[word_start.max(start)..i];
                let next = text[j..].trim_start_matches([' ', '\t']).chars().next();
                let starts_new = next.is_none_or(|c| c.is_uppercase() || c.is_numeric() || "\"“‘'(\n".contains(c));
                if p != b'.' || (!is_abbreviation(word) && starts_new) {
                    out.push((start, j));
                    i = j;
                    continue 'sentences;
                }
            }
            i = j;
        }
    }
    out
}

fn trim_end(text: &str, s: usize, e: usize) -> usize {
    s + text[s..e].trim_end().len()
}

/// Index of the sentence containing byte `pos` (the last sentence starting at or before it).
pub fn sentence_of(bounds: &[(usize, usize)], pos: usize) -> usize {
    bounds.partition_point(|&(s, _)| s <= pos).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn splits_on_stops_and_newlines() {
        assert_eq!(texts("One here. Two “quoted.” Three?\nFour"), ["One here.", "Two “quoted.”", "Three?", "Four"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            texts("Directive No. 01-CT/TW was issued on Jan. 23 by Mr. Lam. The U.S. agreed."),
            ["Directive No. 01-CT/TW was issued on Jan. 23 by Mr. Lam.", "The U.S. agreed."]
        );
    }

    #[test]
    fn decimal_numbers_do_not_split() {
        assert_eq!(texts("It grew 1.9 percent. Next."), ["It grew 1.9 percent.", "Next."]);
    }

    #[test]
    fn multibyte_spaces_before_a_stop() {
        assert_eq!(texts("Một\u{3000}hai. Ba\u{a0}bốn. Năm"), ["Một\u{3000}hai.", "Ba\u{a0}bốn.", "Năm"]);
    }

    #[test]
    fn sentence_of_finds_index() {
        let t = "A b. C d. E f.";
        let b = split(t);
        assert_eq!(sentence_of(&b, 0), 0);
        assert_eq!(sentence_of(&b, 5), 1);
        assert_eq!(sentence_of(&b, t.len() - 1), 2);
    }
}
