//! What a page says about itself: `<title>`, `<meta>` tags (Open Graph, `article:*`, author,
//! keywords), `<link rel=canonical>`, JSON-LD (`NewsArticle` and kin) and `<time>`.

use rustc_hash::FxHashMap;
use scraper::Html;
use serde_json::Value;

use super::text::{attr, collapse, text_of};

#[derive(Default)]
pub(super) struct Metadata {
    /// `<meta property|name|itemprop>` values by lower-cased key, first one wins.
    metas: FxHashMap<String, String>,
    /// Every `article:tag` (there is one meta per tag).
    tags: Vec<String>,
    html_title: Option<String>,
    canonical: Option<String>,
    language: Option<String>,
    first_h1: Option<String>,
    first_time: Option<String>,
    rel_authors: Vec<String>,
    ld: LdArticle,
    pub(super) ld_body: Option<String>,
}

#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    date: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    section: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
    keywords: Option<String>,
    kind: Option<String>,
}

/// JSON-LD types that describe an article (schema.org).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
    "TechArticle",
    "SocialMediaPosting",
];

// The `<meta>` keys read for each field, lower-cased, in order of preference.
const TITLE: &[&str] = &["og:title", "twitter:title", "dc.title", "headline"];
const DATE: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "og:pubdate",
];
const AUTHOR: &[&str] = &["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"];
const KEYWORDS: &[&str] = &["news_keywords", "keywords"];
const URL: &[&str] = &["og:url"];
const SITE_NAME: &[&str] = &["og:site_name", "application-name"];
const SECTION: &[&str] = &["article:section", "parsely-section"];
const DESCRIPTION: &[&str] = &["og:description", "description", "twitter:description"];
const MODIFIED: &[&str] = &["article:modified_time", "datemodified", "og:updated_time"];
const TYPE: &[&str] = &["og:type"];
/// Each tag's value is kept, not only the first.
const TAG: &str = "article:tag";

/// Is `key` (lower-cased) a `<meta>` key extraction reads? `inert` cuts the page's other meta
/// tags before parsing.
pub(super) fn is_read_meta_key(key: &str) -> bool {
    key == TAG || [TITLE, DATE, AUTHOR, KEYWORDS, URL, SITE_NAME, SECTION, DESCRIPTION, MODIFIED, TYPE].iter().any(|keys| keys.contains(&key))
}

impl Metadata {
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.get(*k)).cloned()
    }

    pub(super) fn title(&self) -> Option<String> {
        self.ld
            .headline
            .clone()
            .or_else(|| self.get(TITLE))
            .or_else(|| self.first_h1.clone())
            .or_else(|| self.html_title.as_deref().map(strip_site_name))
            .filter(|t| !t.is_empty())
    }

    pub(super) fn date(&self) -> Option<String> {
        self.ld.date.clone().or_else(|| self.get(DATE)).or_else(|| self.first_time.clone())
    }

    pub(super) fn author(&self) -> Option<String> {
        let mut names = self.ld.authors.clone();
        if names.is_empty() {
            // `article:author` is often a profile URL, which names no one.
            if let Some(a) = self.get(AUTHOR) {
                if !a.starts_with("http") {
                    names.push(a);
                }
            }
        }
        if names.is_empty() {
            names.clone_from(&self.rel_authors);
        }
        let mut seen = Vec::new();
        for n in names {
            if !n.is_empty() && !seen.contains(&n) {
                seen.push(n);
            }
        }
        (!seen.is_empty()).then(|| seen.join(", "))
    }

    pub(super) fn extra(&self) -> Vec<(String, String)> {
        let keywords = self.ld.keywords.clone().or_else(|| self.get(KEYWORDS)).or_else(|| (!self.tags.is_empty()).then(|| self.tags.join(", ")));
        let fields = [
            ("url", self.canonical.clone().or_else(|| self.get(URL)).or_else(|| self.ld.url.clone())),
            ("site_name", self.get(SITE_NAME).or_else(|| self.ld.publisher.clone())),
            ("section", self.ld.section.clone().or_else(|| self.get(SECTION))),
            ("description", self.get(DESCRIPTION).or_else(|| self.ld.description.clone())),
            ("keywords", keywords),
            ("language", self.language.clone()),
            ("modified", self.ld.modified.clone().or_else(|| self.get(MODIFIED))),
            ("type", self.ld.kind.clone().or_else(|| self.get(TYPE))),
        ];
        fields.into_iter().filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k.to_owned(), v))).collect()
    }
}

/// `Headline | Site`, `Site - Headline` give the headline: the part of most words, the first
/// of equals (sites put their name last more often than first).
fn strip_site_name(t: &str) -> String {
    [" | ", " – ", " — ", " - ", " :: ", " « ", " » "]
        .iter()
        .find(|sep| t.contains(**sep))
        .and_then(|sep| {
            // `max_by_key` keeps the last of equals, so the parts are taken from the end.
            t.rsplit(*sep).map(str::trim).max_by_key(|p| p.split_whitespace().count())
        })
        .unwrap_or(t)
        .to_owned()
}

pub(super) fn read_metadata(doc: &Html) -> Metadata {
    let mut m = Metadata::default();
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        match el.name() {
            "html" => m.language = attr(el, "lang").map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
            "title" if m.html_title.is_none() => m.html_title = Some(collapse(&text_of(node))).filter(|t| !t.is_empty()),
            "meta" => {
                let key = attr(el, "property").or_else(|| attr(el, "name")).or_else(|| attr(el, "itemprop"));
                let value = attr(el, "content").or_else(|| attr(el, "datetime"));
                if let (Some(k), Some(v)) = (key, value) {
                    let (k, v) = (k.trim().to_ascii_lowercase(), collapse(v));
                    if v.is_empty() {
                        continue;
                    }
                    if k == TAG {
                        m.tags.push(v);
                    } else {
                        m.metas.entry(k).or_insert(v);
                    }
                }
            }
            "link" => {
                let rel = attr(el, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && m.canonical.is_none() {
                    m.canonical = attr(el, "href").map(|h| h.trim().to_owned());
                }
            }
            "script" if attr(el, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                if let Ok(v) = serde_json::from_str::<Value>(text_of(node).trim()) {
                    if let Some(article) = find_ld_article(&v) {
                        read_ld_article(article, &mut m);
                    }
                }
            }
            "h1" if m.first_h1.is_none() => m.first_h1 = Some(collapse(&text_of(node))).filter(|t| !t.is_empty()),
            "time" if m.first_time.is_none() => m.first_time = attr(el, "datetime").map(|d| d.trim().to_owned()).filter(|d| !d.is_empty()),
            "a" if attr(el, "rel").is_some_and(|r| r.split_whitespace().any(|r| r == "author")) => {
                let name = collapse(&text_of(node));
                if !name.is_empty() && name.chars().count() < 60 {
                    m.rel_authors.push(name);
                }
            }
            _ => {}
        }
    }
    m
}

/// The first object of an article type, in a list, an `@graph`, or alone.
fn find_ld_article(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    match v {
        Value::Array(items) => items.iter().find_map(find_ld_article),
        Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                Some(o)
            } else {
                o.get("@graph").and_then(find_ld_article)
            }
        }
        _ => None,
    }
}

/// A name from a JSON-LD person/organisation: a string, `{"name": ...}`, or a list of either.
fn ld_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(collapse(s)),
        Value::Object(o) => {
            if let Some(n) = o.get("name") {
                ld_names(n, out)
            }
        }
        Value::Array(items) => items.iter().for_each(|i| ld_names(i, out)),
        _ => {}
    }
}

fn ld_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(|i| ld_text(Some(i))).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => ld_text(o.get("@id").or_else(|| o.get("url")).or_else(|| o.get("name"))),
        _ => None,
    }
}

fn read_ld_article(o: &serde_json::Map<String, Value>, m: &mut Metadata) {
    let ld = &mut m.ld;
    ld.headline = ld_text(o.get("headline")).or_else(|| ld_text(o.get("name")));
    ld.date = ld_text(o.get("datePublished")).or_else(|| ld_text(o.get("dateCreated")));
    ld.modified = ld_text(o.get("dateModified"));
    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
        ld_names(a, &mut ld.authors);
        ld.authors.retain(|a| !a.is_empty() && !a.starts_with("http"));
    }
    ld.section = ld_text(o.get("articleSection"));
    ld.url = ld_text(o.get("url")).or_else(|| ld_text(o.get("mainEntityOfPage")));
    ld.publisher = o.get("publisher").and_then(|p| {
        let mut names = Vec::new();
        ld_names(p, &mut names);
        names.into_iter().next()
    });
    ld.description = ld_text(o.get("description"));
    ld.keywords = ld_text(o.get("keywords"));
    ld.kind = ld_text(o.get("@type"));
    m.ld_body = o.get("articleBody").and_then(Value::as_str).map(paragraphs_of).filter(|b| !b.is_empty());
}

/// Plain text with its line structure: each non-empty line a paragraph.
fn paragraphs_of(s: &str) -> String {
    s.lines().map(collapse).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}
