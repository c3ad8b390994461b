//! A saved news page (HTML) to its article: main text, title, date, author, captions and the
//! page's other metadata. Pure Rust; the loader decides what becomes a document.
//!
//! The main text is found by general scoring, as readability and trafilatura do, never by
//! per-site rules: the page is cut into text blocks; boilerplate (navigation, menus, comments,
//! share buttons, related links, scripts, styles, hidden parts) is left out by tag, by widely used
//! class/id names and by link density; each paragraph-like block scores its ancestors by length
//! and commas, and the best-scoring container, with the siblings that score close to it, is the
//! article.

use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{Html, Node};
use std::sync::LazyLock;

mod inert;
mod metadata;
mod regions;
mod start_tag;
mod text;

use metadata::read_metadata;
use start_tag::style_hides;
use text::{attr, collapse};

/// What a page holds. `text` is the article body, paragraphs separated by a blank line; headline
/// and captions are not in it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    /// Publication date or timestamp as the page states it (`2026-01-19T08:30:00+07:00`).
    pub date: Option<String>,
    /// Authors joined by `, ` in page order.
    pub author: Option<String>,
    /// Photo captions (`<figcaption>` and caption blocks) of the article, in order.
    pub captions: Vec<String>,
    /// Every other fact the page states about itself, by name: `url`, `site_name`, `section`,
    /// `description`, `keywords`, `language`, `modified`, `type`. Only names that have a value.
    pub metadata: Vec<(String, String)>,
}

/// Extract the article from an HTML page.
pub fn extract(html: &str) -> Page {
    extract_parsed(&inert::strip(html))
}

/// Extract the article from a page as it is, scripts and all (`extract` cuts them out first).
fn extract_parsed(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = read_metadata(&doc);
    let mut page = Page { title: meta.title(), date: meta.date(), author: meta.author(), metadata: meta.extra(), ..Page::default() };
    let Some(body) = find_body(&doc) else {
        page.text = meta.ld_body.clone().unwrap_or_default();
        return page;
    };
    let article = |by_class: bool, whole_body: bool| {
        let mut blocks = Blocks { by_class, ..Blocks::default() };
        blocks.walk(body, false);
        let chosen = if whole_body { vec![body.id()] } else { choose_content(&blocks, body) };
        assemble(&blocks, &chosen, &doc.tree, page.title.as_deref())
    };
    let (mut text, mut captions) = article(true, false);
    // Boilerplate names on a layout wrapper (`with-sidebar-right`, `below-banner`) cut the
    // article away with it, and a short article in scattered blocks has no best container: as
    // readability does, a short result is tried again, without the names, then over the whole
    // page, and the longest kept.
    if text.chars().count() < RETRY_BELOW {
        for (by_class, whole_body) in [(false, false), (true, true)] {
            let (t, c) = article(by_class, whole_body);
            if t.chars().count() > text.chars().count() {
                (text, captions) = (t, c);
            }
        }
    }
    // A page whose visible body is mostly script (a client-rendered app) often still ships the
    // article in its JSON-LD; it is taken only when it is clearly more than what was found.
    page.text = match meta.ld_body {
        Some(b) if b.chars().count() > 2 * text.chars().count() + 200 => b,
        _ => text,
    };
    page.captions = captions;
    page
}

// ---------------------------------------------------------------------------------------------
// Text blocks: the page cut at block-level elements.

/// A run of text between block boundaries.
struct Block {
    /// The block-level element the text sits in.
    owner: NodeId,
    text: String,
    chars: usize,
    link_chars: usize,
    kind: BlockKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockKind {
    Paragraph,
    Heading,
    Caption,
    ListItem,
    Cell,
}

/// A line shorter than this after the article's last sentence is not part of it.
const TAIL_LINE: usize = 80;
const SENTENCE_END: [char; 9] = ['.', '!', '?', '"', '”', '»', ')', '…', '。'];

/// Characters under which an article is looked for again without class/id names.
const RETRY_BELOW: usize = 500;

#[derive(Default)]
struct Blocks {
    /// Leave out elements by their class/id names (off on the second try).
    by_class: bool,
    blocks: Vec<Block>,
    text: String,
    link_chars: usize,
    owner: Option<NodeId>,
    kind: Option<BlockKind>,
}

/// Never article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "button", "iframe", "select", "input", "textarea", "menu", "object", "embed",
    "canvas", "head", "dialog", "video", "audio", "map", "math", "picture", "img", "source",
];

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
];

/// Class and id names that mark boilerplate on most sites (readability's "unlikely candidates",
/// with share/newsletter/cookie widgets added).
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|\bads?\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|subscribe|cookie|consent|\bnav|navbar|masthead|byline|promo|outbrain|taboola|recommend|read-?more|most-?(read|popular)|trending|toolbar|print-?only|skip-?link|sr-only|visually-?hidden|signup|author-?bio|tag-?list|\btags\b",
    )
    .unwrap()
});

/// Names that save an element from `UNLIKELY` (`article-header` is the article's).
static MAYBE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)and|article|body|column|content|main|mathjax|shadow|story|entry|post-?text").unwrap());

/// Class and id names that weigh for or against a container (readability's weights).
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose").unwrap());
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|\bhid\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|card").unwrap()
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)caption").unwrap());

/// Short lines that are widgets, not text.
const WIDGET_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "share",
    "share this",
    "share this article",
    "tweet",
    "print",
    "email",
    "read more",
    "continue reading",
    "comments",
    "loading...",
    "scroll to continue",
    "story continues below advertisement",
    "sponsored",
    "skip to content",
    "skip to main content",
];

/// The only words of a line that dates the page (`Friday, 23/1/2026, 17:45 (GMT+7)`,
/// `January 22, 2026 4:10 AM UTC`, `Updated: 10:02 19-01-2026`).
const STAMP_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "am",
    "pm",
    "gmt",
    "utc",
    "ict",
    "est",
    "edt",
    "bst",
    "cet",
    "cest",
    "ist",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "st",
    "nd",
    "rd",
    "th",
    "h",
];

/// A short line of nothing but a date and time: the page's stamp, not the article's text.
fn is_timestamp(line: &str) -> bool {
    line.len() <= 60
        && line.bytes().any(|b| b.is_ascii_digit())
        && line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| STAMP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// The element's class and id names, one string (borrowed when it has only one of them: this
/// runs for every element of the page).
fn class_and_id(el: &scraper::node::Element) -> std::borrow::Cow<'_, str> {
    match (attr(el, "class"), attr(el, "id")) {
        (Some(c), Some(i)) => format!("{c} {i}").into(),
        (Some(c), None) => c.into(),
        (None, Some(i)) => i.into(),
        (None, None) => "".into(),
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if attr(el, "hidden").is_some() || attr(el, "aria-hidden").is_some_and(|v| v == "true") {
        return true;
    }
    attr(el, "style").is_some_and(style_hides)
}

fn is_boilerplate(el: &scraper::node::Element, names: &str, by_class: bool) -> bool {
    let name = el.name();
    if DROPPED_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if !by_class || matches!(name, "body" | "html" | "main" | "article" | "a") {
        return false;
    }
    // Roles that say the same as the tags above.
    if attr(el, "role").is_some_and(|r| matches!(r, "navigation" | "menu" | "menubar" | "complementary" | "banner" | "contentinfo" | "dialog" | "alert")) {
        return true;
    }
    !names.is_empty() && UNLIKELY.is_match(names) && !MAYBE.is_match(names)
}

impl Blocks {
    fn flush(&mut self) {
        // Most flushes hold nothing or the whitespace between two blocks.
        if self.text.bytes().all(|c| matches!(c, b'\t'..=b'\r' | b' ')) {
            self.text.clear();
            self.link_chars = 0;
            return;
        }
        let text = collapse(&self.text);
        self.text.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        if let (false, Some(owner)) = (text.is_empty(), self.owner) {
            let chars = text.chars().count();
            let kind = self.kind.unwrap_or(BlockKind::Paragraph);
            self.blocks.push(Block { owner, text, chars, link_chars: link_chars.min(chars), kind });
        }
    }

    fn walk(&mut self, node: NodeRef<Node>, in_link: bool) {
        match node.value() {
            Node::Text(t) => {
                self.text.push_str(t);
                if in_link {
                    self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count() + usize::from(t.chars().any(char::is_whitespace));
                }
            }
            Node::Element(el) => {
                let name = el.name();
                if name == "br" {
                    self.flush();
                    return;
                }
                let names = class_and_id(el);
                let caption = name == "figcaption" || (name != "figure" && !names.is_empty() && CAPTION.is_match(&names));
                if is_boilerplate(el, &names, self.by_class) && !caption {
                    // Inline boilerplate (a share link) inside a paragraph must not split it.
                    if BLOCK_TAGS.contains(&name) {
                        self.flush();
                    }
                    return;
                }
                if name == "figure" {
                    // A figure holds nothing but its picture and its caption.
                    self.flush();
                    for child in node.descendants() {
                        if child.value().as_element().is_some_and(|e| e.name() == "figcaption") {
                            self.block(child, BlockKind::Caption, in_link);
                        }
                    }
                    return;
                }
                if BLOCK_TAGS.contains(&name) || caption {
                    let kind = if caption {
                        Some(BlockKind::Caption)
                    } else {
                        match name {
                            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
                            "li" | "dt" | "dd" => Some(BlockKind::ListItem),
                            "td" | "th" => Some(BlockKind::Cell),
                            "p" => Some(BlockKind::Paragraph),
                            _ => None,
                        }
                    };
                    self.block(node, kind.or(self.kind).unwrap_or(BlockKind::Paragraph), in_link);
                } else {
                    let in_link = in_link || name == "a";
                    for child in node.children() {
                        self.walk(child, in_link);
                    }
                }
            }
            _ => {}
        }
    }

    /// A block-level element: its inline text is one block, its inner blocks their own.
    fn block(&mut self, node: NodeRef<Node>, kind: BlockKind, in_link: bool) {
        self.flush();
        let saved = (self.owner.replace(node.id()), self.kind.replace(kind));
        for child in node.children() {
            self.walk(child, in_link);
        }
        self.flush();
        (self.owner, self.kind) = saved;
    }
}

// ---------------------------------------------------------------------------------------------
// Choosing the article's container.

fn find_body(doc: &Html) -> Option<NodeRef<'_, Node>> {
    doc.root_element().children().find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
}

/// Text and link characters inside each element, summed over the blocks it holds.
fn totals(blocks: &Blocks, tree: NodeRef<Node>) -> FxHashMap<NodeId, (usize, usize)> {
    let mut t: FxHashMap<NodeId, (usize, usize)> = FxHashMap::default();
    let doc = tree.tree();
    for b in &blocks.blocks {
        let mut n = doc.get(b.owner);
        while let Some(node) = n {
            let e = t.entry(node.id()).or_default();
            e.0 += b.chars;
            e.1 += b.link_chars;
            n = node.parent();
        }
    }
    t
}

fn class_weight(el: &scraper::node::Element) -> f64 {
    let names = class_and_id(el);
    if names.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if POSITIVE.is_match(&names) {
        w += 25.0;
    }
    if NEGATIVE.is_match(&names) {
        w -= 25.0;
    }
    if attr(el, "itemprop").is_some_and(|p| p.contains("articleBody")) {
        w += 50.0;
    }
    w
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The elements whose blocks are the article.
fn choose_content(blocks: &Blocks, body: NodeRef<Node>) -> Vec<NodeId> {
    let doc = body.tree();
    let totals = totals(blocks, body);
    let density = |id: NodeId| totals.get(&id).map_or(0.0, |&(c, l)| if c == 0 { 0.0 } else { l as f64 / c as f64 });
    let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
    let initial = |node: NodeRef<Node>| node.value().as_element().map_or(0.0, |e| tag_weight(e.name()) + class_weight(e));
    for b in blocks.blocks.iter().filter(|b| b.chars >= 25 && !matches!(b.kind, BlockKind::Heading | BlockKind::Caption)) {
        let score = 1.0 + b.text.matches([',', '，', '、']).count() as f64 + (b.chars as f64 / 100.0).min(3.0);
        let Some(owner) = doc.get(b.owner) else { continue };
        // The paragraph's container and its ancestors share its score, less the further up.
        for (level, anc) in std::iter::once(owner).chain(owner.ancestors()).take(5).enumerate() {
            if anc.value().as_element().is_none_or(|e| e.name() == "html") {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *scores.entry(anc.id()).or_insert_with(|| initial(anc)) += score / divider;
        }
    }
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(&id, &s)| (id, s * (1.0 - density(id)))).collect();
    // Ties go to the element parsed first, so the choice never depends on hash order.
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let final_score = |id: NodeId| scores.get(&id).map(|s| s * (1.0 - density(id)));
    let Some(&(mut top, mut top_score)) = ranked.first() else {
        return vec![body.id()];
    };
    // Several near-best candidates under one ancestor: the article is split, take the ancestor.
    let rivals: Vec<NodeId> = ranked[1..].iter().take(4).filter(|(_, s)| *s >= 0.75 * top_score).map(|r| r.0).collect();
    if rivals.len() >= 2 {
        let top_node = doc.get(top).unwrap();
        for anc in top_node.ancestors() {
            if anc.id() == body.id() {
                break;
            }
            let held = rivals.iter().filter(|r| doc.get(**r).unwrap().ancestors().any(|a| a.id() == anc.id())).count();
            if held >= 2 {
                top = anc.id();
                top_score = final_score(top).unwrap_or(top_score);
                break;
            }
        }
    }
    // A parent that scores higher still holds more of the article.
    let mut last = top_score;
    let mut node = doc.get(top).unwrap();
    while let Some(parent) = node.parent().filter(|p| p.id() != body.id() && p.value().is_element()) {
        let Some(ps) = final_score(parent.id()) else {
            node = parent;
            continue;
        };
        if ps < top_score / 3.0 {
            break;
        }
        if ps > last {
            top = parent.id();
            top_score = ps;
            break;
        }
        last = ps;
        node = parent;
    }
    // Siblings that score close to the top candidate, or are good paragraphs, belong to it.
    let top_node = doc.get(top).unwrap();
    let Some(parent) = top_node.parent() else { return vec![top] };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top_node.value().as_element().and_then(|e| attr(e, "class"));
    let mut chosen = Vec::new();
    for sib in parent.children().filter(|c| c.value().is_element()) {
        if sib.id() == top {
            chosen.push(top);
            continue;
        }
        let el = sib.value().as_element().unwrap();
        let bonus = if top_class.is_some() && attr(el, "class") == top_class { top_score * 0.2 } else { 0.0 };
        let keep = final_score(sib.id()).is_some_and(|s| s + bonus >= threshold) || {
            let (chars, _) = totals.get(&sib.id()).copied().unwrap_or((0, 0));
            let ld = density(sib.id());
            el.name() == "p" && ((chars > 80 && ld < 0.25) || (chars > 0 && ld == 0.0 && text_ends_sentence(blocks, sib.id())))
        };
        if keep {
            chosen.push(sib.id());
        }
    }
    chosen
}

fn text_ends_sentence(blocks: &Blocks, id: NodeId) -> bool {
    blocks.blocks.iter().rev().find(|b| b.owner == id).is_some_and(|b| b.text.ends_with(['.', '!', '?', '"', '”']))
}

/// The article's text and captions from the blocks inside the chosen elements.
fn assemble(blocks: &Blocks, chosen: &[NodeId], doc: &ego_tree::Tree<Node>, title: Option<&str>) -> (String, Vec<String>) {
    // Whether a block's element is one of `tops` or inside one: its ancestors are looked up, not
    // every node under the tops collected (a block has a few ancestors, the body thousands of nodes).
    let under = |tops: &FxHashSet<NodeId>, id: NodeId| doc.get(id).is_some_and(|n| std::iter::once(n).chain(n.ancestors()).any(|a| tops.contains(&a.id())));
    let chosen_set: FxHashSet<NodeId> = chosen.iter().copied().collect();
    // The article's pictures often sit beside its text (lead photo above the body), not in it.
    let container = chosen.first().and_then(|c| doc.get(*c)?.parent()).filter(|p| p.value().as_element().is_some_and(|e| e.name() != "body"));
    let near_set: FxHashSet<NodeId> = container.map_or_else(|| chosen_set.clone(), |c| std::iter::once(c.id()).collect());
    let inside = |id: NodeId| under(&chosen_set, id);
    let near = |id: NodeId| under(&near_set, id);
    let mut paragraphs: Vec<&str> = Vec::new();
    let mut captions = Vec::new();
    let title = title.map(collapse);
    for b in blocks.blocks.iter() {
        if b.kind == BlockKind::Caption {
            if near(b.owner) && !captions.contains(&b.text) {
                captions.push(b.text.clone());
            }
            continue;
        }
        if !inside(b.owner) {
            continue;
        }
        // Mostly links: a list of related stories, tags or a menu, not text.
        let ld = b.link_chars as f64 / b.chars.max(1) as f64;
        match b.kind {
            BlockKind::ListItem | BlockKind::Paragraph | BlockKind::Cell if ld > 0.5 && b.chars < 200 => continue,
            _ if ld > 0.8 => continue,
            // The headline repeated in the page, as a heading or a styled div.
            _ if title.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(&b.text)) => continue,
            _ => {}
        }
        if WIDGET_LINES.iter().any(|w| b.text.eq_ignore_ascii_case(w)) || paragraphs.last() == Some(&b.text.as_str()) || is_timestamp(&b.text) {
            continue;
        }
        paragraphs.push(&b.text);
    }
    // What follows an article's last sentence and is no sentence itself is the page's again
    // ("Share this:", "Related posts", "Category: News", a date).
    while paragraphs.last().is_some_and(|p| p.chars().count() < TAIL_LINE && !p.ends_with(SENTENCE_END)) {
        paragraphs.pop();
    }
    (paragraphs.join("\n\n"), captions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_only_date_and_time_is_a_stamp() {
        for stamp in ["Friday, 23/1/2026, 17:45 (GMT+7)", "January 22, 2026 4:10 AM UTC", "Updated: 10:02 19-01-2026", "2026-01-19"] {
            assert!(is_timestamp(stamp), "{stamp}");
        }
        for text in ["On May 5, 2026 delegates met.", "Friday", "Jan 22 (Reuters) - Vietnam set a goal", "1,586 delegates"] {
            assert!(!is_timestamp(text), "{text}");
        }
    }

    #[test]
    fn collapse_makes_every_run_of_whitespace_one_space() {
        assert_eq!(collapse(" \t Tràng\u{a0}\u{a0}An\r\n\u{200b}is\u{85}\u{3000}here\x0b "), "Tràng An is here");
        assert_eq!(collapse("\u{a0} \n"), "");
        assert_eq!(collapse("one"), "one");
    }

    fn page(name: &str) -> Page {
        let path = format!("{}/tests/data/html/{name}", env!("CARGO_MANIFEST_DIR"));
        extract(&std::fs::read_to_string(path).unwrap())
    }

    fn meta<'a>(p: &'a Page, key: &str) -> Option<&'a str> {
        p.metadata.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    #[test]
    fn news_site_article_without_menus_comments_or_related() {
        let p = page("vn_news.html");
        let paragraphs: Vec<&str> = p.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 7, "{paragraphs:#?}");
        assert!(paragraphs[0].starts_with("The 14th National Congress of the Communist Party"));
        assert!(paragraphs[1].starts_with("Party General Secretary Tô Lâm delivered"));
        // A link inside a paragraph stays part of it.
        assert!(paragraphs[2].ends_with("according to the organising board."));
        assert_eq!(paragraphs[3], "Economic targets");
        assert_eq!(paragraphs[6], "The congress is held every five years.");
        for gone in [
            "Society",
            "Skip to content",
            "Facebook",
            "Advertisement",
            "Related News",
            "Delegates arrive",
            "Great news",
            "Most read",
            "All rights reserved",
            "dataLayer",
            "By Minh Anh",
            "Party Congress Politics",
        ] {
            assert!(!p.text.contains(gone), "{gone:?} left in the text");
        }
        assert_eq!(p.captions, ["Delegates attend the opening session at the National Convention Centre. — VNA/VNS Photo"]);
        assert_eq!(p.title.as_deref(), Some("14th National Party Congress opens in Hà Nội"));
        assert_eq!(p.date.as_deref(), Some("2026-01-19T08:30:00+07:00"));
        assert_eq!(p.author.as_deref(), Some("Minh Anh, Trần Hương"));
        assert_eq!(meta(&p, "url"), Some("https://vietnamnews.example/politics-laws/1234/congress-opens.html"));
        assert_eq!(meta(&p, "site_name"), Some("Việt Nam News"));
        assert_eq!(meta(&p, "section"), Some("Politics & Laws"));
        assert_eq!(meta(&p, "keywords"), Some("Party Congress, Politics"));
        assert_eq!(meta(&p, "language"), Some("en"));
        assert_eq!(meta(&p, "modified"), Some("2026-01-19T10:02:00+07:00"));
        assert_eq!(meta(&p, "description"), Some("The 14th National Party Congress opened on Monday."));
    }

    #[test]
    fn every_written_page_gives_its_reference_text() {
        // tests/data/html/NAME.txt: the title, a blank line, the text (the benchmark scores them).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/html");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let Ok(reference) = std::fs::read_to_string(path.with_extension("txt")) else { continue };
            if path.extension().is_some_and(|e| e == "html") {
                let p = extract(&std::fs::read_to_string(&path).unwrap());
                assert_eq!(format!("{}\n\n{}\n", p.title.unwrap_or_default(), p.text), reference, "{path:?}");
                n += 1;
            }
        }
        assert_eq!(n, 4);
    }

    #[test]
    fn table_layout_page_split_by_line_breaks() {
        let p = page("wire_divs.html");
        let paragraphs: Vec<&str> = p.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
        assert!(paragraphs[0].starts_with("VIENTIANE (Asia Wire) — Leaders of Viet Nam and Laos"));
        assert_eq!(paragraphs[2], "Energy");
        assert_eq!(paragraphs[4], "(Reporting by Somchai Vongsa; editing by Mai Lan)");
        for gone in ["Log in", "Sections", "Read more", "Comments are powered", "Advertise", "Copyright", "21/01/2026", "_gaq"] {
            assert!(!p.text.contains(gone), "{gone:?} left in the text");
        }
        assert_eq!(p.title.as_deref(), Some("Viet Nam, Laos pledge closer ties"));
        assert_eq!(p.date.as_deref(), Some("2026-01-21"));
        // JSON-LD names the reporter; the meta tag only the desk.
        assert_eq!(p.author.as_deref(), Some("Somchai Vongsa"));
        assert_eq!(meta(&p, "keywords"), Some("Viet Nam, Laos, diplomacy"));
        assert_eq!(meta(&p, "type"), Some("ReportageNewsArticle"));
        assert!(p.captions.is_empty());
    }

    #[test]
    fn client_rendered_page_falls_back_to_json_ld_body() {
        let p = page("app_shell.html");
        assert_eq!(p.text.split("\n\n").count(), 3);
        assert!(p.text.starts_with("Sáng 10/2, Quốc hội khai mạc"));
        assert!(!p.text.contains("Loading") && !p.text.contains("JavaScript"));
        assert_eq!(p.author.as_deref(), Some("Lê Minh"));
        assert_eq!(meta(&p, "language"), Some("vi"));
    }

    #[test]
    fn bare_and_broken_markup() {
        // No metadata at all: the <title> without its site name, paragraphs as they are.
        let p = extract("<title>Floods hit the centre - Daily</title><p>Heavy rain flooded five provinces, officials said on Sunday, and thousands were moved.<p>Schools closed for two days, and roads were cut in many places.");
        assert_eq!(p.title.as_deref(), Some("Floods hit the centre"));
        assert_eq!(p.text, "Heavy rain flooded five provinces, officials said on Sunday, and thousands were moved.\n\nSchools closed for two days, and roads were cut in many places.");
        assert_eq!(p.date, None);
        assert_eq!(extract("<title>Rain - Daily</title>").title.as_deref(), Some("Rain"));
        assert_eq!(extract("<title>Daily News | Rain in the north</title>").title.as_deref(), Some("Rain in the north"));
        // Nothing to extract is an empty page, not a panic.
        for input in ["", "<html>", "<<<>>>", "<script>alert(1)</script>", "\u{0}\u{feff}<p>"] {
            let p = extract(input);
            assert!(p.text.trim().is_empty() || input.contains('<'), "{input:?}");
        }
        // Entities decoded, whitespace (nbsp too) collapsed, inline tags do not split words.
        let p = extract("<p>Tr&agrave;ng An&nbsp;&nbsp; is <b>UNES</b>CO&#8209;listed, and it draws many visitors each year.</p>");
        assert_eq!(p.text, "Tràng An is UNESCO\u{2011}listed, and it draws many visitors each year.");
    }

    #[test]
    fn layout_wrapper_with_a_boilerplate_name_does_not_hide_the_article() {
        let html = r#"<body><div class="site-container with-sidebar-right below-banner">
            <div class="share-bar"><a href="/s">Share on Facebook</a></div>
            <article><p>The first paragraph of the article, long enough to count, with a comma or two.</p>
            <p>The second paragraph of the article, also long enough to count, and it ends.</p></article>
            <aside><p>Sidebar text that is not part of the article at all, though it is long.</p></aside>
            </div></body>"#;
        let p = extract(html);
        assert_eq!(p.text.split("\n\n").count(), 2, "{}", p.text);
        assert!(p.text.starts_with("The first paragraph"));
    }

    #[test]
    fn hidden_and_widget_text_left_out() {
        let html = r#"<body><div class="content">
            <p>First paragraph of the story, long enough to be counted as text, with commas, yes.</p>
            <p style="display: none">Hidden teaser that readers never see on the page itself.</p>
            <p hidden>Another hidden paragraph that must not be extracted from the page.</p>
            <p>Share</p>
            <p>Second paragraph of the story, also long enough to be counted, and it ends.</p>
            <h4>Similar posts</h4><p>Category: <a href="/news">News</a> · 12 March</p>
            </div></body>"#;
        let p = extract(html);
        assert_eq!(p.text.split("\n\n").count(), 2, "{}", p.text);
    }
}
