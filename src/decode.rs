//! Bytes on disk to text. Scraped corpora come in every encoding; anything that is text is
//! decoded (UTF-8, UTF-16 with a BOM, Windows-1252 as the fallback) and anything that is not
//! (images, archives, NUL-filled files) is refused, so it never reaches the extractor.

use std::borrow::Cow;

/// How a file's bytes were turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Clean UTF-8 (a UTF-8 BOM removed) or UTF-16 with a BOM.
    Text(String),
    /// Not valid UTF-8: decoded as Windows-1252 (a superset of printable Latin-1), which is what
    /// such files almost always are. The caller records a `not_utf8` row.
    Fallback(String, String),
    /// Not text at all; the message says why.
    Binary(String),
}

/// Magic numbers of files that end up renamed `.txt` in scraped folders.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
];

/// Windows-1252 code points for bytes 0x80..=0x9F (the rest of the high half is Latin-1).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š',
    '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// UTF-16 text; a lone surrogate or an odd trailing byte becomes U+FFFD and a `Fallback`, so the
/// damage is reported rather than hidden.
fn utf16(bytes: &[u8], little: bool) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| if little { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    let mut bad = None;
    let mut text: String = char::decode_utf16(units)
        .enumerate()
        .map(|(i, r)| {
            r.unwrap_or_else(|_| {
                bad.get_or_insert(format!("invalid UTF-16: lone surrogate near byte {}: replaced by U+FFFD", 2 + 2 * i));
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        bad.get_or_insert("invalid UTF-16: odd trailing byte: replaced by U+FFFD".into());
    }
    match bad {
        Some(msg) => Decoded::Fallback(text, msg),
        None => Decoded::Text(text),
    }
}

/// C0 controls that no text file holds (`file(1)` reads them as data): NUL, 0x01-0x06,
/// 0x0E-0x1A and 0x1C-0x1F. Tab, newlines, form feed, bell, backspace and escape do occur in text.
fn is_binary_control(c: char) -> bool {
    matches!(c, '\0'..='\u{6}' | '\u{e}'..='\u{1a}' | '\u{1c}'..='\u{1f}')
}

/// Has `text` (already decoded) a control character that makes it data, anywhere in it? The
/// check is one vectorised pass that finds no byte below 0x20 but newline and tab in most files.
pub fn binary_control(text: &str) -> Option<usize> {
    if !has_control(text) {
        return None;
    }
    text.char_indices().find(|&(_, c)| is_binary_control(c)).map(|(i, _)| i)
}

fn has_control(s: &str) -> bool {
    // Checked in blocks without early exit, which the compiler vectorises.
    s.as_bytes().chunks(256).any(|block| block.iter().fold(false, |acc, &b| acc | ((b < 0x20) & (b != b'\n') & (b != b'\t'))))
}

/// Decode a file's bytes. Never fails: the worst outcome is `Binary`.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    match decode_any(bytes) {
        Decoded::Text(t) | Decoded::Fallback(t, _) if binary_control(&t).is_some() => {
            let at = binary_control(&t).unwrap_or(0);
            Decoded::Binary(format!("control character U+{:04X} at byte {at}: binary data, not text", t[at..].chars().next().map_or(0, |c| c as u32)))
        }
        other => other,
    }
}

fn decode_any(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
        return decode_utf8_or_fallback(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return utf16(rest, false);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Decoded::Binary(format!("{what}, not text"));
        }
    }
    // NUL and the other controls of data are looked for in the whole file (after decoding), not
    // only its head: a text head on a binary file is still binary.
    decode_utf8_or_fallback(bytes)
}

/// Valid UTF-8 becomes the text without a copy.
fn decode_utf8_or_fallback(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(s) => Decoded::Text(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Decoded::Fallback(cp1252(e.as_bytes()), format!("invalid UTF-8 at byte {at}: decoded as Windows-1252"))
        }
    }
}

/// `\r\n`, lone `\r`, vertical tab and form feed become `\n`, and other C0 controls (except tab)
/// are dropped, so that offsets and line logic downstream see one convention.
pub fn normalise_newlines(s: &str) -> Cow<'_, str> {
    // Most files need nothing, and the text is returned as it is, not copied.
    if !has_control(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            // A vertical tab or form feed (a page break) separates lines: dropped, it would glue
            // the words on either side together.
            '\u{b}' | '\u{c}' => out.push('\n'),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Hà Nội".as_bytes().to_vec()), Decoded::Text("Hà Nội".into()));
        assert_eq!(decode(b"\xef\xbb\xbfabc".to_vec()), Decoded::Text("abc".into()));
    }

    #[test]
    fn utf16_both_orders() {
        let le: Vec<u8> = b"\xff\xfe".iter().copied().chain("Tô".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> = b"\xfe\xff".iter().copied().chain("Tô".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(le.clone()), Decoded::Text("Tô".into()));
        assert_eq!(decode(be.clone()), Decoded::Text("Tô".into()));
    }

    #[test]
    fn cp1252_fallback() {
        match decode(b"caf\xe9 \x93quoted\x94".to_vec()) {
            Decoded::Fallback(s, msg) => {
                assert_eq!(s, "café “quoted”");
                assert!(msg.contains("byte 3"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn binary_detected() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n....".to_vec()), Decoded::Binary(_)));
        assert!(matches!(decode(b"abc\0def".to_vec()), Decoded::Binary(_)));
        // Past the first 8 KB, and in UTF-16 text as well.
        let mut late = vec![b'a'; 20_000];
        late.push(0x01);
        assert!(matches!(decode(late), Decoded::Binary(_)));
        let u16nul: Vec<u8> = b"\xff\xfe".iter().copied().chain("a\0b".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert!(matches!(decode(u16nul), Decoded::Binary(_)));
        // Escape, bell, form feed occur in text.
        assert!(matches!(decode(b"a\x1b[1mb\x07\x0cc".to_vec()), Decoded::Text(_)));
    }

    #[test]
    fn damaged_utf16_is_a_fallback() {
        let lone: Vec<u8> = b"\xff\xfe".iter().copied().chain([0x41, 0, 0x00, 0xd8, 0x42, 0]).collect();
        match decode(lone) {
            Decoded::Fallback(t, msg) => assert!(t == "A\u{fffd}B" && msg.contains("surrogate"), "{t:?} {msg}"),
            other => panic!("{other:?}"),
        }
        let odd: Vec<u8> = b"\xfe\xff".iter().copied().chain([0, 0x41, 0x42]).collect();
        assert!(matches!(decode(odd), Decoded::Fallback(t, m) if t == "A\u{fffd}" && m.contains("odd")));
    }

    #[test]
    fn newlines() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalise_newlines("a\u{7}b"), "ab");
        assert_eq!(normalise_newlines("page\u{c}next"), "page\nnext");
    }
}
