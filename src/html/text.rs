//! The text and attributes of parsed elements, as extraction and `metadata.rs` read them:
//! whitespace collapsed the way a browser shows it.

use ego_tree::NodeRef;
use scraper::Node;

/// An attribute's value. scraper's `Element::attr` interns the name as an atom at every call,
/// which showed in profiles; an element has few attributes left (`inert.rs`) to scan.
pub(super) fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs.iter().find(|(k, _)| k.prefix.is_none() && k.ns.is_empty() && &*k.local == name).map(|(_, v)| &**v)
}

/// The text of a node and its descendants, as written.
pub(super) fn text_of(node: NodeRef<Node>) -> String {
    node.descendants().filter_map(|n| n.value().as_text().map(|t| &**t)).collect()
}

/// Runs of whitespace (non-breaking spaces included) to one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Byte by byte, a character decoded only where one starts beyond ASCII: this runs over all
    // of a page's text.
    let b = s.as_bytes();
    let (mut i, mut word) = (0, None);
    while i < b.len() {
        let (space, len) = match b[i] {
            c if c.is_ascii() => (matches!(c, b'\t'..=b'\r' | b' '), 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace() || c == '\u{200b}', c.len_utf8())
            }
        };
        match (space, word) {
            (true, Some(start)) => {
                push_word(&mut out, &s[start..i]);
                word = None;
            }
            (false, None) => word = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word {
        push_word(&mut out, &s[start..]);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}
