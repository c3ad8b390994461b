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
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
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

fn utf16(bytes: &[u8], little: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| if little { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

/// Decode a file's bytes. Never fails: the worst outcome is `Binary`.
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
        return decode_utf8_or_fallback(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Decoded::Text(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Decoded::Text(utf16(rest, false));
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Decoded::Binary(format!("{what}, not text"));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Decoded::Binary("contains NUL bytes: binary data, not text".into());
    }
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

/// `\r\n` and lone `\r` become `\n`, and NUL or other C0 controls (except tab and newline)
/// are dropped, so that offsets and line logic downstream see one convention.
pub fn normalise_newlines(s: &str) -> Cow<'_, str> {
    // Most files need nothing: checked in blocks without early exit, which the compiler
    // vectorises, and then the text is returned as it is, not copied.
    let needs = s.as_bytes().chunks(256).any(|block| block.iter().fold(false, |acc, &b| acc | ((b < 0x20) & (b != b'\n') & (b != b'\t'))));
    if !needs {
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
    }

    #[test]
    fn newlines() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(normalise_newlines("a\u{0}b"), "ab");
    }
}
