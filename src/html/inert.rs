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

use super::regions::{Carried, Ended, Region};
use super::start_tag::{has_ci, is_space, StartTag};

/// The elements removed whole, with their contents (`noscript` and `iframe` hold raw text for a
/// parser with scripting on, as html5ever is; extraction drops them anyway).
const INERT: [&[u8]; 5] = [b"script", b"style", b"svg", b"noscript", b"iframe"];

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
