//! Words, numbers and punctuation of a document, found on the folded text (so lookups need no
//! allocation) and carrying their original byte spans and capitalisation.

use crate::fold::Folded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// `’s` / `'s` after a word: splits names (`CPV Central Committee’s Organisation Commission`).
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte span in the folded text.
    pub fstart: usize,
    pub fend: usize,
    pub kind: Kind,
    /// First letter is upper case in the original.
    pub cap: bool,
    /// Every letter is upper case (and there are at least two): an acronym such as `CPV`.
    pub upper: bool,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
}

impl Token {
    #[inline]
    pub fn folded<'a>(&self, f: &'a Folded) -> &'a str {
        &f.text[self.fstart..self.fend]
    }
    #[inline]
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        &original[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Does a word char (letter or digit) end just before byte `i` of `s`?
pub(crate) fn word_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word_char)
}

/// Does a word char start at byte `i` of `s`?
pub(crate) fn word_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(is_word_char)
}

/// Does `rest` open with a suffix that makes the capitalised word before its hyphen a place or a
/// market (`Ankara-based`, `Hong Kong-listed`)?
fn locative_suffix(rest: &str) -> bool {
    const SUFFIXES: [&str; 6] = ["based", "listed", "headquartered", "registered", "born", "bound"];
    SUFFIXES
        .iter()
        .any(|s| rest.len() >= s.len() && rest.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes()) && !rest[s.len()..].starts_with(is_word_char))
}

/// ASCII letters and digits: word chars, without decoding.
pub(crate) const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// At least two letters, every one a capital: an acronym (`CPV`), a place in capitals (`HÀ NỘI`).
pub(crate) fn all_capitals(s: &str) -> bool {
    case_of(s).1
}

/// (first letter is upper case, every letter is upper case and there are at least two).
fn case_of(surface: &str) -> (bool, bool) {
    if surface.is_ascii() {
        let mut letters = surface.bytes().filter(u8::is_ascii_alphabetic);
        let Some(first) = letters.next() else { return (false, false) };
        let cap = first.is_ascii_uppercase();
        let mut n = 1;
        let mut all_upper = cap;
        for l in letters {
            n += 1;
            all_upper &= l.is_ascii_uppercase();
        }
        return (cap, all_upper && n >= 2);
    }
    let mut letters = surface.chars().filter(|c| c.is_alphabetic());
    let cap = letters.clone().next().is_some_and(char::is_uppercase);
    let upper = letters.clone().count() >= 2 && letters.all(char::is_uppercase);
    (cap, upper)
}

/// Python `str` offsets (code points) of byte offsets into `text`, counted on from one offset
/// to the next in byte order: one pass over the text however many offsets there are.
pub(crate) fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    if bytes.is_empty() || text.is_ascii() {
        return bytes.to_vec();
    }
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_unstable_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let (mut byte, mut chars) = (0, 0);
    for i in order {
        chars += text[byte..bytes[i]].chars().count();
        byte = bytes[i];
        out[i] = chars;
    }
    out
}

/// Tokenize `original` through its folded form `f`.
pub fn tokenize(original: &str, f: &Folded) -> Vec<Token> {
    let t = f.text.as_str();
    let b = t.as_bytes();
    let mut out = Vec::with_capacity(t.len() / 5);
    let mut i = 0;
    let mut newline = false;
    // Most news text is ASCII: decode a char only when the byte says it is not.
    let char_at = |i: usize| if b[i] < 0x80 { b[i] as char } else { t[i..].chars().next().unwrap_or(' ') };
    while i < t.len() {
        let c = char_at(i);
        if c.is_whitespace() {
            newline |= c == '\n';
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            i += c.len_utf8();
            loop {
                // ASCII letters and digits: the bulk of every word, one table lookup each.
                while i < b.len() && ASCII_WORD[b[i] as usize] {
                    i += 1;
                }
                if i >= t.len() {
                    break;
                }
                let d = char_at(i);
                if is_word_char(d) {
                    i += d.len_utf8();
                    continue;
                }
                // Most words end at a space: nothing after it can extend them.
                if d == ' ' {
                    break;
                }
                let next = t[i + d.len_utf8()..].chars().next();
                let next_word = next.is_some_and(is_word_char);
                // Hyphenated compounds stay whole: `14th-tenure`, `Hi-Tech`, `self-reliance`;
                // but a name before `-based`, `-listed` is a place of its own (`Ankara-based`).
                if d == '-' && next_word {
                    if original[f.orig(start)..].starts_with(char::is_uppercase) && locative_suffix(&t[i + 1..]) {
                        break;
                    }
                    i += 1;
                    continue;
                }
                // Digit groups and decimals: `31,097`, `1.9`.
                if numeric && (d == ',' || d == '.') && next.is_some_and(|n| n.is_ascii_digit()) && b[i - 1].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                // Apostrophes inside names (`H'Mông`, `d'Ivoire`), but not the possessive `'s`.
                if d == '\'' && next_word {
                    let after = &t[i + 1..];
                    let possessive = after.starts_with('s') && !after[1..].chars().next().is_some_and(is_word_char);
                    if !possessive {
                        i += 1;
                        continue;
                    }
                }
                // Dotted abbreviations: `U.S.`, `U.N.`.
                if d == '.' && i - start == 1 && t[i + 1..].len() >= 2 {
                    let rest = &b[i + 1..];
                    if rest[0].is_ascii_alphabetic() && rest.get(1) == Some(&b'.') {
                        i += 3;
                        continue;
                    }
                }
                break;
            }
            kind = if numeric { Kind::Number } else { Kind::Word };
        } else if c == '\'' && t[i + 1..].starts_with('s') && !t[i + 2..].chars().next().is_some_and(is_word_char) && !out.is_empty() {
            i += 2;
            kind = Kind::Possessive;
        } else {
            i += c.len_utf8();
            kind = Kind::Punct;
        }
        let (os, oe) = (f.orig(start), f.orig(i));
        let (cap, upper) = if kind == Kind::Word { case_of(&original[os..oe]) } else { (false, false) };
        out.push(Token { start: os, end: oe, fstart: start, fend: i, kind, cap, upper, newline_before: newline });
        newline = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn char_offsets_count_code_points_in_any_order() {
        let text = "Tô Lâm, 🇻🇳 Hà Nội";
        let bytes = [text.find("Hà").unwrap(), 0, text.find("Lâm").unwrap(), text.len()];
        let want: Vec<usize> = bytes.iter().map(|&b| text[..b].chars().count()).collect();
        assert_eq!(want, [11, 0, 3, 17]);
        assert_eq!(char_offsets(text, &bytes), want);
        assert_eq!(char_offsets("plain", &[5, 2]), [5, 2]);
    }

    #[test]
    fn ascii_case_agrees_with_the_unicode_definition() {
        // The definition, char by char with Unicode properties; the ASCII path must agree.
        let by_chars = |s: &str| {
            let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
            (letters.first().is_some_and(|c| c.is_uppercase()), letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()))
        };
        let alphabet = b"aZ9.'-_Q";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 6) as usize;
            let s: String = (0..len).map(|k| alphabet[((seed >> (8 + 3 * k)) & 7) as usize] as char).collect();
            assert_eq!(case_of(&s), by_chars(&s), "{s:?}");
        }
        assert_eq!(case_of("CPV"), (true, true));
        assert_eq!(case_of("A1"), (true, false), "one letter is not an acronym");
        assert_eq!(case_of("9Bn"), (true, false));
        assert_eq!(case_of("HÀ"), (true, true), "non-ASCII takes the Unicode path");
    }

    fn toks(s: &str) -> Vec<(String, Kind, bool)> {
        let f = fold(s);
        tokenize(s, &f).into_iter().map(|t| (t.text(s).to_owned(), t.kind, t.cap)).collect()
    }

    #[test]
    fn words_possessives_compounds() {
        let t = toks("the CPV Central Committee’s 14th-tenure Hi-Tech, 31,097 and 1.9 U.S.");
        let words: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(words, ["the", "CPV", "Central", "Committee", "’s", "14th-tenure", "Hi-Tech", ",", "31,097", "and", "1.9", "U.S."]);
        assert_eq!(t[4].1, Kind::Possessive);
        assert_eq!(t[8].1, Kind::Number);
        assert!(t[1].2 && !t[0].2);
    }

    #[test]
    fn diacritics_and_emoji_keep_original_spans() {
        let s = "Tô Lâm 🇻🇳 gặp H'Mông";
        let t = toks(s);
        let words: Vec<_> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(words, ["Tô", "Lâm", "🇻", "🇳", "gặp", "H'Mông"]);
    }
}
