//! Cutting out of a page, before it is parsed, what can never be article text: scripts (but
//! JSON-LD, which holds the article's metadata), style sheets, inline SVG, `noscript` and
//! `iframe` elements, comments, and the
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

/// The elements removed whole, with their contents (`noscript` and `iframe` hold raw text for a
/// parser with scripting on, as html5ever is; extraction drops them anyway).
const INERT: [&[u8]; 5] = [b"script", b"style", b"svg", b"noscript", b"iframe"];

/// Attributes that extraction reads (`mod.rs`: visibility, class and id names, roles, meta
/// tags, dates, the canonical link, the language, JSON-LD's type); `href` only on `<link>`.
const KEPT_ATTRIBUTES: &[&[u8]] = &[
    b"class", b"id", b"style", b"hidden", b"aria-hidden", b"role", b"itemprop", b"datetime",
    b"content", b"name", b"property", b"rel", b"lang", b"type",
];

/// Elements whose text is copied as it is: markup-looking text in them is text.
const VERBATIM: [&[u8]; 2] = [b"title", b"textarea"];

/// `html` without its scripts (JSON-LD kept), style sheets, inline SVG, comments and unread
/// attributes.
pub fn strip(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    // `kept`: the end of what has been copied (or skipped); `at`: where to look for the next tag.
    let (mut kept, mut at) = (0, 0);
    while let Some(off) = memchr(b'<', &b[at..]) {
        let lt = at + off;
        if let Some(end) = inert_end(b, lt) {
            push_collapsed(&mut out, &html[kept..lt]);
            (kept, at) = (end, end);
            continue;
        }
        let rest = &b[lt + 1..];
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let Some(tag) = StartTag::read(rest) else {
            break;
        };
        push_collapsed(&mut out, &html[kept..lt]);
        tag.write(&html[lt + 1..], &mut out);
        (kept, at) = (lt + 1 + tag.len, lt + 1 + tag.len);
        let name = &rest[..tag.name_len];
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

/// A start tag, read from after its `<`: its name, the attributes to keep, its length to just
/// past its `>`.
struct StartTag {
    name_len: usize,
    /// Byte ranges (after the `<`) of each kept attribute, name and value.
    kept: Vec<std::ops::Range<usize>>,
    self_closing: bool,
    len: usize,
}

impl StartTag {
    /// None when the tag has no `>` (the page is cut off): the parser gets the rest as it is.
    fn read(rest: &[u8]) -> Option<StartTag> {
        let name_len = rest.iter().position(|&c| is_space(c) || c == b'/' || c == b'>')?;
        let is_link = rest[..name_len].eq_ignore_ascii_case(b"link");
        let mut tag = StartTag { name_len, kept: Vec::new(), self_closing: false, len: 0 };
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
            if rest.get(j) == Some(&b'=') {
                j += 1;
                while j < rest.len() && is_space(rest[j]) {
                    j += 1;
                }
                match rest.get(j)? {
                    &q @ (b'"' | b'\'') => j += 2 + memchr(q, &rest[j + 1..])?,
                    _ => {
                        while j < rest.len() && !(is_space(rest[j]) || rest[j] == b'>') {
                            j += 1;
                        }
                    }
                }
                i = j;
            }
            let wanted = KEPT_ATTRIBUTES.iter().any(|k| name.eq_ignore_ascii_case(k)) || (is_link && name.eq_ignore_ascii_case(b"href"));
            if wanted {
                tag.kept.push(start..i);
            }
        }
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

fn has_ci(hay: &[u8], needle: &[u8]) -> bool {
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
                "<a class=more>Next</a><img /><br />",
                "<textarea><p data-x=1></textarea><P HIDDEN Style=\"display:none\">x</P>",
            )
        );
        // A tag cut off by the end of the page: the rest is left to the parser.
        assert_eq!(strip("<p class=a data-x=1>one</p><div class=\"b"), "<p class=a>one</p><div class=\"b");
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
