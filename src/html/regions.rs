//! Emptying a page's navigation, sidebars and footers before it is parsed (`inert.rs` calls it as
//! it scans the page): extraction drops these elements whole, so their contents only cost the
//! parser time. A region is emptied only when that cannot change the parse of the rest of the
//! page or anything `metadata.rs` reads; otherwise it is left as it is.

use super::start_tag::{has_ci, StartTag};

/// Elements extraction drops whole (`mod.rs`: `DROPPED_TAGS`) whose contents are emptied
/// before parsing: navigation, sidebars and footers, about a sixth of the bytes the other cuts
/// leave of trafilatura's evaluation pages. The start and end tags stay, so the tree builder
/// closes the same paragraphs and the page's blocks keep their places.
const EMPTIED: [&[u8]; 3] = [b"nav", b"aside", b"footer"];

/// What the parse carries past a region, as far as a scan can tell: an `<a>` perhaps open, a
/// form open (the tree builder's form pointer: a `<form>` in the region would be ignored and its
/// `</form>` would close the outer one), a `<time>` already read (`metadata.rs` reads the first).
#[derive(Default)]
pub(super) struct Carried {
    pub(super) in_link: bool,
    pub(super) form_open: bool,
    pub(super) time_read: bool,
}

impl Carried {
    pub(super) fn start_tag(&mut self, name: &[u8], tag: &StartTag, rest: &str, written: bool) {
        self.in_link |= name.eq_ignore_ascii_case(b"a");
        self.form_open |= name.eq_ignore_ascii_case(b"form");
        self.time_read |= written && name.eq_ignore_ascii_case(b"time") && tag.value(rest, b"datetime").is_some_and(|d| !d.trim().is_empty());
    }
}

/// Elements a region holds only if nothing in it is read: the metadata `metadata.rs` reads, a
/// caption a figure would take, and markup whose parsing reaches past the region's end (a new
/// document part, raw text, MathML, a form or table cell that would close an outer one).
const READ_OR_REACHING: &[&[u8]] = &[
    b"title",
    b"meta",
    b"link",
    b"script",
    b"h1",
    b"figcaption",
    b"html",
    b"head",
    b"body",
    b"frameset",
    b"plaintext",
    b"xmp",
    b"noembed",
    b"noframes",
    b"math",
    b"template",
    b"nobr",
    b"caption",
    b"col",
    b"colgroup",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
];

/// Elements still open at a region's end that its end tag would not close (scope boundaries)
/// or that the tree builder would open again after it (formatting elements).
const MUST_CLOSE: &[&[u8]] = &[
    b"table", b"object", b"marquee", b"applet", b"select", b"button", b"form", b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"s", b"small", b"strike",
    b"strong", b"tt", b"u",
];

const VOID: &[&[u8]] =
    &[b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param", b"source", b"track", b"wbr", b"keygen"];

/// An `EMPTIED` element being read: its contents are cut if, when its end tag comes, nothing in
/// it was read and its markup was balanced (every end tag closing an element opened in it), so
/// that the tree builder would have closed it there with everything in it. It does not start
/// inside a link (an `<a>` in it would close the outer one).
pub(super) struct Region {
    name: &'static [u8],
    /// The length of the output just after the region's start tag.
    from: usize,
    /// Elements opened in the region and not closed yet, by lower-cased name.
    open: Vec<(Vec<u8>, u32)>,
}

pub(super) enum Ended {
    /// Not the region's end.
    Inside,
    /// The region ends here; cut the output back to this length.
    Emptied(usize),
    /// The region ends here (or its markup reached out of it): leave it as it is.
    Kept,
}

impl Region {
    pub(super) fn start(name: &[u8], tag: &StartTag, rest: &str, from: usize) -> Option<Region> {
        let name = *EMPTIED.iter().find(|e| name.eq_ignore_ascii_case(e))?;
        // A caption's class saves an element from being dropped (`mod.rs`).
        let names = [tag.value(rest, b"class"), tag.value(rest, b"id")];
        if names.iter().flatten().any(|n| n.contains('&') || has_ci(n.as_bytes(), b"caption")) {
            return None;
        }
        Some(Region { name, from, open: Vec::new() })
    }

    /// False when the region must be left as it is.
    pub(super) fn start_tag(&mut self, name: &[u8], tag: &StartTag, rest: &str, written: bool, state: &Carried) -> bool {
        with_lower(name, |lower| self.start_tag_lower(lower, tag, rest, written, state))
    }

    fn start_tag_lower(&mut self, lower: &[u8], tag: &StartTag, rest: &str, written: bool, state: &Carried) -> bool {
        let is = |list: &[&[u8]]| list.contains(&lower);
        // A first <time>, or a form where one is open already.
        if (written && lower == b"time" && !state.time_read) || (lower == b"form" && state.form_open) {
            return false;
        }
        let table_open = self.open.iter().any(|(n, c)| n == b"table" && *c > 0);
        if (written && is(READ_OR_REACHING) && !(table_open && is(&[b"tbody", b"thead", b"tfoot", b"tr", b"td", b"th", b"caption", b"col", b"colgroup"])))
            || (lower == b"a" && tag.value(rest, b"rel").is_some_and(|r| r.contains('&') || has_ci(r.as_bytes(), b"author")))
        {
            return false;
        }
        if !is(VOID) {
            match self.open.iter_mut().find(|(n, _)| *n == lower) {
                Some((_, c)) => *c += 1,
                None => self.open.push((lower.to_vec(), 1)),
            }
        }
        true
    }

    fn count(&self, name: &[u8]) -> u32 {
        self.open.iter().find(|(n, _)| n == name).map_or(0, |(_, c)| *c)
    }

    pub(super) fn end_tag(&mut self, name: &[u8]) -> Ended {
        with_lower(name, |lower| self.end_tag_lower(lower))
    }

    fn end_tag_lower(&mut self, lower: &[u8]) -> Ended {
        match self.open.iter_mut().find(|(n, _)| *n == lower) {
            Some((_, c)) if *c > 0 => {
                *c -= 1;
                Ended::Inside
            }
            _ if lower == self.name => {
                let balanced = MUST_CLOSE.iter().all(|m| self.count(m) == 0);
                if balanced {
                    Ended::Emptied(self.from)
                } else {
                    Ended::Kept
                }
            }
            // An end tag of an element opened before the region may close the region with it.
            _ => Ended::Kept,
        }
    }
}

/// `f` of `name` lower-cased, without an allocation for the usual short name (this runs for
/// every tag in a region).
fn with_lower<T>(name: &[u8], f: impl FnOnce(&[u8]) -> T) -> T {
    let mut buf = [0u8; 32];
    match buf.get_mut(..name.len()) {
        Some(short) => {
            short.copy_from_slice(name);
            short.make_ascii_lowercase();
            f(short)
        }
        None => f(&name.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::inert::strip;

    #[test]
    fn navigation_sidebars_and_footers_are_emptied() {
        let page = concat!(
            "<body><nav class=menu><ul><li><a href=/>Home</a><li>News<nav><b>Sub</b></nav></ul></nav><p>Text.</p>",
            "<ASIDE><div><p>Most read</div></Aside><footer id=f><div>\u{a9} 2026</div></footer></body>",
        );
        assert_eq!(strip(page), "<body><nav class=menu></nav><p>Text.</p><ASIDE></Aside><footer id=f></footer></body>");
    }

    #[test]
    fn a_region_with_something_read_or_reaching_out_is_kept() {
        for page in [
            // Read: the first <time>, a rel=author link, JSON-LD, an <h1>, a caption.
            "<nav><time datetime=2026-01-19>19 Jan</time></nav>",
            "<aside><a rel=author>Minh Anh</a></aside>",
            "<footer><script type=\"application/ld+json\">{}</script></footer>",
            "<aside><h1>Headline</h1></aside>",
            "<aside class=photo-caption>A caption</aside>",
            "<nav><figure><figcaption>x</figcaption></figure></nav>",
            // Reaching out: an end tag of an outer element, a formatting element left open, an
            // outer link that an <a> inside would close, a table cell outside a table.
            "<div><nav><ul><li>a</div></nav>",
            "<nav><b>Home</nav>",
            "<a><nav><a>x</a></nav></a>",
            "<nav><td>x</nav>",
        ] {
            assert_eq!(strip(page), page);
        }
        // A table inside is fine when it is whole, a form too when no other is open, a <time>
        // when one was read before.
        assert_eq!(strip("<nav><table><tr><td>x</table></nav>"), "<nav></nav>");
        assert_eq!(strip("<nav><form class=search><input name=q></form></nav>"), "<nav></nav>");
        for page in ["<form><nav><form>x</form></nav></form>", "<nav><form>x</nav>"] {
            assert_eq!(strip(page), page);
        }
        assert_eq!(
            strip("<time datetime=2026-01-19>a</time><footer><time datetime=2026-01-20>b</time></footer>"),
            "<time datetime=2026-01-19>a</time><footer></footer>"
        );
        let page = "<time>a</time><footer><time datetime=2026-01-20>b</time></footer>";
        assert_eq!(strip(page), page);
    }
}
