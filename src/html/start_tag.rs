//! Reading a start tag from the raw bytes of a page, before it is parsed: its name, the
//! attributes extraction reads (`mod.rs` and `metadata.rs`), and whether the element is a void
//! one nothing reads. `inert.rs` rewrites tags with what this keeps; `regions.rs` reads them to
//! know whether a region can be emptied.

use memchr::memchr;

use super::metadata::is_read_meta_key;

/// Void elements cut whole: no text, and extraction reads none of their attributes.
const UNREAD_VOID: [&[u8]; 3] = [b"img", b"input", b"source"];

pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether extraction reads the attribute `name` with `value` (as written) on a `tag` element:
/// `mod.rs` class and id names, visibility (a style only when it hides) and roles on any
/// element, `metadata.rs` the rest on its own elements. A value with a character reference is
/// kept, to be decoded by the parser.
fn is_read(tag: &[u8], name: &[u8], value: &[u8]) -> bool {
    let on = |t: &[u8]| tag.eq_ignore_ascii_case(t);
    let is = |a: &[u8]| name.eq_ignore_ascii_case(a);
    if is(b"class") || is(b"id") || is(b"hidden") || is(b"role") || is(b"itemprop") {
        true
    } else if is(b"style") {
        value.contains(&b'&') || std::str::from_utf8(value).is_ok_and(style_hides)
    } else if is(b"aria-hidden") {
        value == b"true" || value.contains(&b'&')
    } else if is(b"content") || is(b"name") || is(b"property") {
        on(b"meta")
    } else if is(b"datetime") {
        on(b"meta") || on(b"time")
    } else if is(b"rel") {
        on(b"a") || on(b"link")
    } else if is(b"href") {
        on(b"link")
    } else if is(b"lang") {
        on(b"html")
    } else if is(b"type") {
        on(b"script")
    } else {
        false
    }
}

/// A start tag, read from after its `<`: its name, the attributes to keep, its length to just
/// past its `>`.
pub(super) struct StartTag {
    pub(super) name_len: usize,
    /// Byte ranges (after the `<`) of each kept attribute, name and value.
    pub(super) kept: Vec<std::ops::Range<usize>>,
    self_closing: bool,
    pub(super) len: usize,
}

impl StartTag {
    /// None when the tag has no `>` (the page is cut off): the parser gets the rest as it is.
    pub(super) fn read(rest: &[u8], mut kept: Vec<std::ops::Range<usize>>) -> Option<StartTag> {
        let name_len = rest.iter().position(|&c| is_space(c) || c == b'/' || c == b'>')?;
        kept.clear();
        let mut tag = StartTag { name_len, kept, self_closing: false, len: 0 };
        // The parser keeps the first of an attribute given twice: a later one, whose value
        // decides whether it is written, must not stand in for a first one left out.
        let (mut had_style, mut had_aria_hidden) = (false, false);
        let mut i = name_len;
        loop {
            while i < rest.len() && (is_space(rest[i]) || rest[i] == b'/') {
                tag.self_closing = rest[i] == b'/';
                i += 1;
            }
            match rest.get(i)? {
                b'>' => {
                    tag.len = i + 1;
                    return Some(tag);
                }
                _ => tag.self_closing = false,
            }
            let start = i;
            // An attribute's name runs to whitespace, `/`, `>` or `=` (a leading `=` is part of it).
            i += 1;
            while i < rest.len() && !(is_space(rest[i]) || matches!(rest[i], b'/' | b'>' | b'=')) {
                i += 1;
            }
            let name = &rest[start..i];
            let mut j = i;
            while j < rest.len() && is_space(rest[j]) {
                j += 1;
            }
            let mut value: &[u8] = b"";
            if rest.get(j) == Some(&b'=') {
                j += 1;
                while j < rest.len() && is_space(rest[j]) {
                    j += 1;
                }
                let from = j;
                match rest.get(j)? {
                    &q @ (b'"' | b'\'') => {
                        j += 2 + memchr(q, &rest[j + 1..])?;
                        value = &rest[from + 1..j - 1];
                    }
                    _ => {
                        while j < rest.len() && !(is_space(rest[j]) || rest[j] == b'>') {
                            j += 1;
                        }
                        value = &rest[from..j];
                    }
                }
                i = j;
            }
            let first = if name.eq_ignore_ascii_case(b"style") {
                !std::mem::replace(&mut had_style, true)
            } else if name.eq_ignore_ascii_case(b"aria-hidden") {
                !std::mem::replace(&mut had_aria_hidden, true)
            } else {
                true
            };
            if first && is_read(&rest[..name_len], name, value) {
                tag.kept.push(start..i);
            }
        }
    }

    /// The value of the kept attribute `name` as written, quotes removed ("" when it has none).
    pub(super) fn value<'a>(&self, rest: &'a str, name: &[u8]) -> Option<&'a str> {
        let r = self.kept.iter().find(|r| {
            let a = &rest.as_bytes()[(*r).clone()];
            a.len() >= name.len() && a[..name.len()].eq_ignore_ascii_case(name) && a.get(name.len()).is_none_or(|&c| c == b'=' || is_space(c))
        })?;
        let after = rest[r.start + name.len()..r.end].trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        let value = after.strip_prefix('=').unwrap_or("").trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        let unquoted = |q: char| value.strip_prefix(q).and_then(|v| v.strip_suffix(q));
        Some(unquoted('"').or_else(|| unquoted('\'')).unwrap_or(value))
    }

    /// A void element that extraction never reads: a `<link>` that is no canonical link, a
    /// `<meta>` whose key `metadata` does not read, a picture or form field (no text; the tree
    /// builder inserts and pops them where they stand). A value with a character reference is
    /// kept, to be decoded by the parser.
    pub(super) fn never_read(&self, rest: &str) -> bool {
        let name = &rest.as_bytes()[..self.name_len];
        if name.eq_ignore_ascii_case(b"link") {
            let rel = self.value(rest, b"rel").unwrap_or("");
            return !rel.contains('&') && !has_ci(rel.as_bytes(), b"canonical");
        }
        if name.eq_ignore_ascii_case(b"meta") {
            let key = self.value(rest, b"property").or_else(|| self.value(rest, b"name")).or_else(|| self.value(rest, b"itemprop"));
            return key.is_none_or(|k| !k.contains('&') && !is_read_meta_key(&k.trim().to_ascii_lowercase()));
        }
        UNREAD_VOID.iter().any(|v| name.eq_ignore_ascii_case(v))
    }

    pub(super) fn write(&self, rest: &str, out: &mut String) {
        out.push('<');
        out.push_str(&rest[..self.name_len]);
        for r in &self.kept {
            out.push(' ');
            out.push_str(&rest[r.clone()]);
        }
        // ` />`: `/>` right after an unquoted value would become part of it.
        out.push_str(if self.self_closing { " />" } else { ">" });
    }
}

/// Does `hay` hold `needle`, ASCII case ignored?
pub(super) fn has_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// Does an inline style hide its element?
pub(super) fn style_hides(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}
