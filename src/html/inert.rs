//! Cutting out of a page, before it is parsed, what can never be article text: scripts (but
//! JSON-LD, which holds the article's metadata), style sheets, inline SVG, `noscript` and
//! `iframe` elements, comments, void elements extraction never reads (pictures, form fields,
//! style-sheet links, unread meta tags), the contents of navigation, sidebars and footers when
//! nothing in them is read (`regions.rs`), and the
//! attributes extraction never reads (`src`, `srcset`, `data-*`, `onclick`, `alt`, ...). The
//! parser's tokenizer, the larger part of extraction's time, costs by the byte, and these are
//! most of a real page's bytes: on trafilatura's ~1,000 evaluation pages scripts, styles, SVG
//! and comments are 48% of them, attributes 58% of the rest, and runs of whitespace (which
//! extraction collapses anyway) a quarter of what is left.
//!
//! A scan over the bytes, not a parser: it finds `<script`, `<style`, `<svg` and `<!--` at tag
//! starts and their ends as the HTML tokenizer would (`</script` followed by whitespace, `/` or
//! `>`; the first `-->`), and rewrites start tags with the attributes kept. Text in `<title>`,
//! `<textarea>` and JSON-LD is copied as it is. When an end is missing, the rest of the page is
//! left as it is for the parser to deal with.

use memchr::{memchr, memmem};

use super::metadata::META_KEYS;
use super::regions::{Carried, Ended, Region};
use super::style_hides;

/// The elements removed whole, with their contents (`noscript` and `iframe` hold raw text for a
/// parser with scripting on, as html5ever is; extraction drops them anyway).
const INERT: [&[u8]; 5] = [b"script", b"style", b"svg", b"noscript", b"iframe"];

/// Void elements cut whole: no text, and extraction reads none of their attributes.
const UNREAD_VOID: [&[u8]; 3] = [b"img", b"input", b"source"];

/// Elements whose text is copied as it is: markup-looking text in them is text.
const VERBATIM: [&[u8]; 2] = [b"title", b"textarea"];

/// `html` without its scripts (JSON-LD kept), style sheets, inline SVG, comments, unread void
/// elements and attributes, and the contents of the navigation, sidebars and footers.
pub fn strip(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    // `kept`: the end of what has been copied (or skipped); `at`: where to look for the next tag.
    let (mut kept, mut at) = (0, 0);
    let mut region: Option<Region> = None;
    let mut state = Carried::default();
    // The kept attributes' ranges of the tag being read, one allocation for the page's tags.
    let mut spare = Vec::new();
    while let Some(off) = memchr(b'<', &b[at..]) {
        let lt = at + off;
        if let Some(end) = inert_end(b, lt) {
            push_collapsed(&mut out, &html[kept..lt]);
            (kept, at) = (end, end);
            continue;
        }
        let rest = &b[lt + 1..];
        if rest.first() == Some(&b'/') {
            let name = &rest[1..1 + rest[1..].iter().position(|&c| is_space(c) || c == b'/' || c == b'>').unwrap_or(rest.len() - 1)];
            state.in_link &= !name.eq_ignore_ascii_case(b"a");
            state.form_open &= !name.eq_ignore_ascii_case(b"form");
            match region.as_mut().map(|r| r.end_tag(name)) {
                Some(Ended::Emptied(from)) => {
                    push_collapsed(&mut out, &html[kept..lt]);
                    out.truncate(from);
                    kept = lt;
                    region = None;
                }
                Some(Ended::Kept) => region = None,
                _ => {}
            }
            at = lt + 1;
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let Some(tag) = StartTag::read(rest, std::mem::take(&mut spare)) else {
            break;
        };
        push_collapsed(&mut out, &html[kept..lt]);
        let written = !tag.never_read(&html[lt + 1..]);
        if written {
            tag.write(&html[lt + 1..], &mut out);
        }
        let name = &rest[..tag.name_len];
        match region.as_mut().map(|r| r.start_tag(name, &tag, &html[lt + 1..], written, &state)) {
            Some(false) => region = None,
            Some(true) => {}
            None if !state.in_link => region = Region::start(name, &tag, &html[lt + 1..], out.len()),
            None => {}
        }
        state.start_tag(name, &tag, &html[lt + 1..], written);
        (kept, at) = (lt + 1 + tag.len, lt + 1 + tag.len);
        spare = tag.kept;
        // A script that `inert_end` kept is JSON-LD: its JSON is copied as it is.
        let json_ld = name.eq_ignore_ascii_case(b"script");
        if json_ld || VERBATIM.iter().any(|v| name.eq_ignore_ascii_case(v)) {
            // Copied up to its end tag, which the loop then rewrites.
            match find_close(b, at, name) {
                Some(close) => at = close - end_tag_len(&b[..close]),
                None => break,
            }
        }
    }
    push_collapsed(&mut out, &html[kept..]);
    out
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// `s` with each run of two or more whitespace characters as one (a newline if the run holds
/// one): every block of text is collapsed after parsing, so only the parser sees the difference.
fn push_collapsed(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i + 1 < b.len() {
        if !(is_space(b[i]) && is_space(b[i + 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut newline = false;
        while j < b.len() && is_space(b[j]) {
            newline |= b[j] == b'\n';
            j += 1;
        }
        out.push_str(&s[start..i]);
        out.push(if newline { '\n' } else { ' ' });
        (start, i) = (j, j);
    }
    out.push_str(&s[start..]);
}

/// The length of the end tag that ends at `end` of `b` (from its `<`).
fn end_tag_len(b: &[u8]) -> usize {
    b.iter().rposition(|&c| c == b'<').map_or(0, |i| b.len() - i)
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
    name_len: usize,
    /// Byte ranges (after the `<`) of each kept attribute, name and value.
    kept: Vec<std::ops::Range<usize>>,
    self_closing: bool,
    len: usize,
}

impl StartTag {
    /// None when the tag has no `>` (the page is cut off): the parser gets the rest as it is.
    fn read(rest: &[u8], mut kept: Vec<std::ops::Range<usize>>) -> Option<StartTag> {
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
    fn never_read(&self, rest: &str) -> bool {
        let name = &rest.as_bytes()[..self.name_len];
        if name.eq_ignore_ascii_case(b"link") {
            let rel = self.value(rest, b"rel").unwrap_or("");
            return !rel.contains('&') && !has_ci(rel.as_bytes(), b"canonical");
        }
        if name.eq_ignore_ascii_case(b"meta") {
            let key = self.value(rest, b"property").or_else(|| self.value(rest, b"name")).or_else(|| self.value(rest, b"itemprop"));
            return key.is_none_or(|k| !k.contains('&') && !META_KEYS.contains(&k.trim().to_ascii_lowercase().as_str()));
        }
        UNREAD_VOID.iter().any(|v| name.eq_ignore_ascii_case(v))
    }

    fn write(&self, rest: &str, out: &mut String) {
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

/// Where the inert element or comment that starts at `lt` (a `<`) ends, if one starts there and
/// its end is found.
fn inert_end(b: &[u8], lt: usize) -> Option<usize> {
    let rest = &b[lt + 1..];
    if rest.starts_with(b"!--") {
        // `<!-->` and `<!--->` are whole (empty) comments.
        let body = lt + 4;
        for short in [&b">"[..], b"->"] {
            if b[body..].starts_with(short) {
                return Some(body + short.len());
            }
        }
        return memmem::find(&b[body..], b"-->").map(|i| body + i + 3);
    }
    let name = INERT.iter().find(|n| starts_with_tag(rest, n))?;
    let open_end = lt + 1 + tag_end(rest)?;
    if *name == b"script" && has_ci(&b[lt..open_end], b"ld+json") {
        return None;
    }
    if b[..open_end].ends_with(b"/>") && *name == b"svg" {
        return Some(open_end);
    }
    find_close(b, open_end, name)
}

/// Does `rest` (what follows a `<`) open a `name` tag: the name in any case, then whitespace,
/// `/` or `>`?
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len() && rest[..name.len()].eq_ignore_ascii_case(name) && matches!(rest[name.len()], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The length of the start tag whose text (after `<`) is `rest`, to just past its `>`, quoted
/// attribute values skipped.
fn tag_end(rest: &[u8]) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in rest.iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Just past the `</name ...>` that closes the element whose contents start at `from`; nested
/// `<svg>` elements counted.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(off) = memchr(b'<', &b[at..]) {
        let lt = at + off;
        let rest = &b[lt + 1..];
        if rest.first() == Some(&b'/') && starts_with_tag(&rest[1..], name) {
            let end = lt + 2 + tag_end(&rest[1..])?;
            if depth == 0 {
                return Some(end);
            }
            depth -= 1;
            at = end;
        } else {
            // Only SVG nests; a script or style sheet holds text, whatever it looks like.
            if name == b"svg" && starts_with_tag(rest, name) {
                depth += 1;
            }
            at = lt + 1;
        }
    }
    None
}

pub(super) fn has_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_svg_and_comments_go_json_ld_stays() {
        let page = concat!(
            "<head><SCRIPT src=a.js></SCRIPT><script>if (a < b && '</p>') { x = \"</scripts>\"; }</script >",
            "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
            "<style media=\"a>b\">p > a { color: red }</style></head>",
            "<body><p>One <!-- a <p>comment</p> --> two.</p><svg viewBox=\"0 0 1 1\"><svg><title>x</title></svg><path/></svg>",
            "<p>Three<!-->.</p><svg/><p>Four.</p><noscript><img class='a' src=x /></noscript></body>",
        );
        assert_eq!(
            strip(page),
            concat!(
                "<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script></head>",
                "<body><p>One  two.</p><p>Three.</p><p>Four.</p></body>",
            )
        );
    }

    #[test]
    fn start_tags_keep_only_the_attributes_extraction_reads() {
        let page = concat!(
            "<html lang=vi><link rel=canonical href=\"https://a.example/x\"><meta property='og:title' content=\"A > B\">",
            "<title>Less <b onclick=x>than</b></title><div class=\"story body\" data-x=\"1\" id=main onclick=\"go('>')\">",
            "<a href=\"/next\" class=more>Next</a><img src=a.jpg srcset=\"a 1x, b 2x\" alt=\"\"/><br/>",
            "<textarea><p data-x=1></textarea><P HIDDEN Style=\"display:none\" =odd>x</P>",
        );
        assert_eq!(
            strip(page),
            concat!(
                "<html lang=vi><link rel=canonical href=\"https://a.example/x\"><meta property='og:title' content=\"A > B\">",
                "<title>Less <b onclick=x>than</b></title><div class=\"story body\" id=main>",
                "<a class=more>Next</a><br />",
                "<textarea><p data-x=1></textarea><P HIDDEN Style=\"display:none\">x</P>",
            )
        );
        // A tag cut off by the end of the page: the rest is left to the parser.
        assert_eq!(strip("<p class=a data-x=1>one</p><div class=\"b"), "<p class=a>one</p><div class=\"b");
    }

    #[test]
    fn attributes_are_kept_only_where_they_are_read() {
        let page = concat!(
            "<html lang=en><div style=\"color: red\" name=x type=y lang=fr datetime=z rel=nofollow content=c>",
            "<span aria-hidden=false>a</span><span aria-hidden=true>b</span><p style=\"color:red\" style=\"display:none\">c</p>",
            "<p style=\"DISPLAY : none\">d</p><time datetime=2026-01-19 class=t>e</time><a rel=author name=n>f</a>",
        );
        assert_eq!(
            strip(page),
            concat!(
                "<html lang=en><div>",
                "<span>a</span><span aria-hidden=true>b</span><p>c</p>",
                "<p style=\"DISPLAY : none\">d</p><time datetime=2026-01-19 class=t>e</time><a rel=author>f</a>",
            )
        );
    }

    #[test]
    fn void_elements_extraction_never_reads_are_cut() {
        let page = concat!(
            "<head><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><META PROPERTY=\"OG:Title\" content=T>",
            "<meta name='twitter:image' content=x.png><meta itemprop=datePublished content=2026-01-19><meta property=\"og&#58;title\" content=U>",
            "<link rel=stylesheet href=a.css><link rel=\"Canonical\" href=\"https://a.example/x\"><link href=b.css></head>",
            "<body><p>One<img src=a.jpg> two<input type=text name=q><picture><source srcset=a.webp></picture>.</p></body>",
        );
        assert_eq!(
            strip(page),
            concat!(
                "<head><META PROPERTY=\"OG:Title\" content=T><meta itemprop=datePublished content=2026-01-19>",
                "<meta property=\"og&#58;title\" content=U><link rel=\"Canonical\" href=\"https://a.example/x\"></head>",
                "<body><p>One two<picture></picture>.</p></body>",
            )
        );
    }

    #[test]
    fn runs_of_whitespace_are_one() {
        assert_eq!(strip("<ul>\n    <li>a  b</li>\t \t<li> c\u{a0}\u{a0}d </li>\n</ul>"), "<ul>\n<li>a b</li> <li> c\u{a0}\u{a0}d </li>\n</ul>");
    }

    #[test]
    fn an_element_without_its_end_is_left_to_the_parser() {
        for page in ["<p>a</p><script>never closed", "<p>a <!-- open comment", "<p>a</p><style x=\"unclosed"] {
            assert_eq!(strip(page), page);
        }
        // Words that only begin like the tags stay.
        let page = "<scripted>a</scripted><stylesheet>b</stylesheet><svgx>c</svgx><3 <>";
        assert_eq!(strip(page), page);
    }

    #[test]
    fn the_page_extracts_the_same_without_them() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/html/vn_news.html")).unwrap();
        assert!(strip(&page).len() < page.len());
        let (a, b) = (super::super::extract_parsed(&page), super::super::extract_parsed(&strip(&page)));
        assert_eq!((a.text, a.title, a.date, a.author, a.captions), (b.text, b.title, b.date, b.author, b.captions));
    }
}
