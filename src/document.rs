//! The documents table's row type and the counts derived from the body.

use chrono::NaiveDate;

use crate::sentences;

/// One loaded document: a row of the documents table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub doc_id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub dateline: Option<String>,
    /// Agencies credited, joined by `/` in order of appearance.
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub n_chars: usize,
    pub n_words: usize,
    pub n_sentences: usize,
    pub sha256: String,
}

impl Document {
    /// Fill the counts from `text` (sentences only when asked: extraction splits sentences
    /// anyway and fills `n_sentences` from its own split, so it is done once).
    pub fn with_counts(mut self, sentences: bool) -> Self {
        self.n_chars = self.text.chars().count();
        self.n_words = count_words(&self.text);
        if sentences {
            self.n_sentences = sentences::split(&self.text).len();
        }
        self
    }
}

/// Whitespace-separated tokens that contain a letter or digit (a lone dash is not a word).
pub fn count_words(text: &str) -> usize {
    // Byte classes: 0 space, 1 letter or digit, 2 other ASCII, 3 start of a non-ASCII char
    // (decoded, since Unicode has spaces and letters outside ASCII).
    const CLASS: [u8; 256] = {
        let mut t = [2u8; 256];
        let mut i = 0;
        while i < 256 {
            let c = i as u8;
            t[i] = if c >= 0x80 {
                3
            } else if c.is_ascii_whitespace() {
                0
            } else if c.is_ascii_alphanumeric() {
                1
            } else {
                2
            };
            i += 1;
        }
        t
    };
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    // Word by word: a tight loop over the bytes of each word, which mispredicts once per word
    // (at its end) rather than at every change between letters and punctuation.
    while i < b.len() {
        let mut alnum = false;
        while i < b.len() {
            match CLASS[b[i] as usize] {
                0 => break,
                3 => {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    let (space, letter) = non_ascii_class(c);
                    if space {
                        break;
                    }
                    alnum |= letter;
                    i += c.len_utf8();
                }
                c => {
                    alnum |= c == 1;
                    i += 1;
                }
            }
        }
        n += alnum as usize;
        // Past the space (multi-byte spaces such as U+00A0 included).
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    n
}

/// (is whitespace, is alphanumeric) of a non-ASCII char. The Latin letters with diacritics of
/// Vietnamese and European names, and the dashes, quotes and spaces of news typography, are
/// answered by range; Unicode's tables (a slow binary search) only for the rest.
fn non_ascii_class(c: char) -> (bool, bool) {
    match c as u32 {
        // Latin-1 letters and Latin Extended-A/B are all letters, but for × and ÷.
        0xC0..=0x24F => (false, c != '×' && c != '÷'),
        // Latin Extended Additional (ạ, ế, ở...): all letters.
        0x1E00..=0x1EFF => (false, true),
        // General Punctuation: spaces, dashes, quotes; no letter or digit.
        0x2000..=0x206F => (c.is_whitespace(), false),
        _ => (c.is_whitespace(), c.is_alphanumeric()),
    }
}

/// Lower-case hex SHA-256 of the raw bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_ranges_agree_with_unicode() {
        for c in ('\u{80}'..='\u{2100}').filter(|c| !c.is_ascii()) {
            assert_eq!(non_ascii_class(c), (c.is_whitespace(), c.is_alphanumeric()), "{c:?}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(count_words("Tô Lâm — met 3 leaders."), 5);
        assert_eq!(count_words(" a\u{a0}b\u{3000}— ,x "), 3);
        assert_eq!(count_words("(Reuters) - “Đổi Mới” ... 2026.\n--- x"), 5);
        assert_eq!(count_words(""), 0);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
