//! From a raw article to metadata and a clean body. News files carry a date marker, a headline,
//! photo captions, a dateline, credits and a "Related News" tail around the article; each is
//! recognised by the shape outlets give it (families of patterns, not strings seen once), moved
//! into a metadata field or dropped, and everything else is kept in order.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// What the cleaner found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub dateline: Option<String>,
    /// Agencies credited, in order of appearance, without duplicates.
    pub sources: Vec<String>,
    pub text: String,
    /// Photo captions taken out of the body, in order.
    pub captions: Vec<String>,
    /// The related-stories tail taken out of the body (its heading included).
    pub related: Option<String>,
}

/// Options for one document.
#[derive(Debug, Clone, Copy)]
pub struct CleanOptions {
    /// Treat a short first line without final punctuation as the headline (off when the title is
    /// already known, e.g. from a JSONL field).
    pub detect_title: bool,
}

impl Default for CleanOptions {
    fn default() -> Self {
        CleanOptions { detect_title: true }
    }
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| Regex::new($pat).expect("valid regex"));
    };
}

// A scraper's marker glued to the first line: ` date 2026-01-08 HÀ NỘI — ...`.
re!(DATE_MARKER, r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[ \t]*");

// The line that opens a block of links to other stories (when what follows reads as one: see
// `related_tail`).
re!(
    RELATED_HEAD,
    r"(?i)^\s*(related\s+(news|articles?|stories|posts|content|coverage|topics?)|see\s+also|read\s+(more|also)|also\s+read|more\s+(news|stories)(\s+on\s+.*)?|you\s+may\s+(also\s+)?(like|be\s+interested\s+in)|recommended(\s+for\s+you)?|tags?|keywords?|most\s+read|latest\s+news)\s*:?\s*$"
);

// A photo caption ends with its credit: `(Photo: VNA)`, `Photo: VNA`, `(AP Photo/Hau Dinh)`,
// `Photo courtesy of ...`, `(Photo: nhandan.vn)`, `(Illustrative photo)`.
re!(
    CAPTION_END,
    r"(?i)(\((\p{Lu}{2,10}\s+)?(photos?|file\s+photo|illustrative\s+(photo|image)|image|screenshot)\b[^()]{0,80}\)|\b(photos?|image)\s*(:|/|by\b|courtesy\b)\s*[^.;]{1,60})\s*$"
);

// An agency token as credits write it: VNA, VNS, VNP, NDO, AFP, TASS, and chains VNA/VNS.
const AGENCY: &str = r"\p{Lu}[\p{Lu}\d&]{1,7}(?:\s*/\s*\p{Lu}[\p{Lu}\d&]{1,7})*";

// A credit at the very end of the last paragraph, after the closing punctuation:
// `she said. VNS`, `countries. — VNA/VNS`.
static TRAILING_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"([.!?…”\x22’)])[ \t]*(?:[—–-]+[ \t]*)?({AGENCY})[ \t]*$")).expect("valid regex"));

// A wire's credit in brackets closing the last paragraph, after its closing punctuation:
// `seats. (Anadolu)`, `a year earlier. – (Bloomberg)`, `said. (AFP)`. One to three capitalised
// words: a sentence does not end with a bracketed name after its full stop. (Its groups are
// `TRAILING_CREDIT`'s: the punctuation kept, then the agency.)
static TRAILING_BRACKET_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.!?…”\x22’])[ \t]*(?:[—–-]+[ \t]*)?\((\p{Lu}[\p{L}&.]*(?:[ \t]+\p{Lu}[\p{L}&.]*){0,2})\)[ \t]*$").expect("valid regex"));

// A last line that is only a credit: `VNA`, `NDO`, `— VNA/VNS`, `By VNA/VNP`, `(Source: VNA)`,
// `Source: Xinhua`.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ \t]*(?:[—–-]+[ \t]*)?(?:(?i:by)[ \t]+)?\(?(?:(?i:source)[ \t]*:[ \t]*([^()]{{1,60}}?)|({AGENCY}))\)?[ \t]*\.?[ \t]*$"))
        .expect("valid regex")
});

// `(Source: VNA)` closing a body paragraph.
re!(TRAILING_SOURCE, r"[ \t]*\((?i:source)[ \t]*:[ \t]*([^()]{1,60})\)[ \t]*\.?[ \t]*$");

// Reuters-style staff credits: `(Reporting by ...; Editing by ...)`.
re!(STAFF_CREDIT, r"(?i)[ \t]*\(\s*(additional\s+)?(reporting|writing|editing|compiled|translated|reported)\s+by[^()]*\)[ \t]*$");

// The end-of-article marker of Vietnamese outlets: `tasks./.` and `Congress/.`.
re!(END_MARK, r"(\.)?[ \t]*/\.[ \t]*$");

// A dateline opening a paragraph. PLACE is one to five capitalised words; then an optional
// `, Vietnam` or `, Jan. 23` or `, January 23, 2026`; then an optional `(AGENCY)` or `/TASS/.`;
// then a dash or colon. The guard in `dateline_at` rejects ordinary sentences.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \t]*(?P<place>\p{Lu}[\p{L}'’.]*(?:[ \t]+\p{Lu}[\p{L}'’.]*){0,4}(?:-\p{Lu}[\p{L}'’.]*)?)(?:,[ \t]*(?P<extra>[^,—–:()\n/-]{1,30}(?:,[ \t]*\d{4})?))?[ \t]*(?:\((?P<agency>[^()\n]{1,30})\)[ \t]*(?:\((?P<agency2>[^()\n]{1,30})\))?)?[ \t]*(?:(?P<sep>—|–|--|-|:)|\.?[ \t]*/(?P<slash>\p{Lu}{2,10})/\.?|(?P<dot>\.))(?:[ \t]+|$|(?P<glued>)(?-u:\b))",
    )
    .expect("valid regex")
});

// A month by its first three letters (`Jan.`, `January`, `Sept`), then a day and maybe a year.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_ABBREVIATIONS.join("|");
    Regex::new(&format!(r"(?i)^({months})[a-z]*\.?\s+(\d{{1,2}})\.?(?:,?\s+(\d{{4}}))?\.?$")).expect("valid regex")
});

// A line that is only a page's time stamp: `Mon, April 7, 2025 | 5:37 pm GMT+7`, `February 19,
// 2020 at 18:25 JST`, `PUBLISHED :
// Thursday, 22 May, 2014, 10:52pm`, `Saturday, June 21, 2025`, `Updated 2024-03-05 08:00`. Its
// words are labels, weekdays, a date with its month written out (or ISO), times and zones.
static STAMP_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_ABBREVIATIONS.join("|");
    Regex::new(&format!(
        r"(?i)\b(?:(?P<m1>{months})[a-z]*\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{months})[a-z]*\.?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b"
    ))
    .expect("valid regex")
});
re!(
    STAMP_REST,
    r"(?i)^(?:[\s,|:•·–—-]|published|updated|posted|last|modified|on|at|date|time|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?|\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|(?:gmt|utc|ict|jst|kst|sgt|hkt|pht|wib|ist|msk|cet|cest|bst|aest|aedt|[ecmp][sd]t)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|\(?(?:gmt|utc)\s*[+-]\d{1,2}\)?)*$"
);

/// The date of a line that is only a time stamp, if it is one.
fn stamp_line(line: &str) -> Option<Option<NaiveDate>> {
    let line = line.trim();
    if line.is_empty() || line.len() > 90 {
        return None;
    }
    let m = STAMP_DATE.captures(line)?;
    let whole = m.get(0)?;
    if !(STAMP_REST.is_match(&line[..whole.start()]) && STAMP_REST.is_match(&line[whole.end()..])) {
        return None;
    }
    let num = |k: &str| m.name(k).and_then(|v| v.as_str().parse::<u32>().ok());
    let date = if let Some(mo) = m.name("m1").and_then(|v| month_number(v.as_str())) {
        NaiveDate::from_ymd_opt(i32::try_from(num("y1")?).ok()?, mo, num("d1")?)
    } else if let Some(mo) = m.name("m2").and_then(|v| month_number(v.as_str())) {
        NaiveDate::from_ymd_opt(i32::try_from(num("y2")?).ok()?, mo, num("d2")?)
    } else {
        NaiveDate::from_ymd_opt(i32::try_from(num("y3")?).ok()?, num("m3")?, num("d3")?)
    };
    Some(date)
}

// A full stop with no space before a new sentence: `lives.Responding`, `implementation”.Quyet`.
re!(MISSING_SPACE, r"([\p{Ll}\)”\x22’»])\.(\p{Lu}\p{Ll})");

/// The months' first three letters, lowercase, January first (`months.txt`).
static MONTH_ABBREVIATIONS: LazyLock<Vec<String>> =
    LazyLock::new(|| crate::knowledge::MONTHS.iter().map(|m| m.chars().take(3).collect::<String>().to_lowercase()).collect());

/// The month (1-12) a word names by its first three letters (`Sept.`, `january`).
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_ascii_lowercase();
    MONTH_ABBREVIATIONS.iter().position(|x| word.starts_with(x.as_str())).map(|i| i as u32 + 1)
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() && !v.iter().any(|x| x == s) {
        v.push(s.to_owned());
    }
}

fn split_agencies(s: &str) -> impl Iterator<Item = &str> {
    s.split('/').map(str::trim).filter(|p| !p.is_empty())
}

/// A line that ends like a sentence: a headline does not.
fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'' | ')'));
    t.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// A line of a related-stories block.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListLine {
    /// `Related News`, `See Also`, `Tags`...
    Heading,
    /// A short line that does not end like a sentence: another story's headline (or a tag list).
    Headline,
    /// A paragraph that may stand under a headline as its teaser.
    Teaser,
    /// Anything longer: article text.
    Other,
}

/// Teasers under a related headline run to about 100 words; article paragraphs run longer.
const TEASER_WORDS: usize = 150;

fn list_line(line: &str) -> ListLine {
    let words = line.split_whitespace().count();
    if RELATED_HEAD.is_match(line) {
        ListLine::Heading
    } else if words <= 25 && (!ends_like_sentence(line) || line.trim_end().ends_with(['?', '!'])) {
        ListLine::Headline
    } else if words <= TEASER_WORDS {
        ListLine::Teaser
    } else {
        ListLine::Other
    }
}

/// Where the related-stories tail starts (a line index of `lines`), if there is one: a heading
/// line after some article text, followed up to the end by nothing but headlines, each with at
/// most one teaser paragraph, and further headings. Anything else after a heading (`Latest
/// news` and then an article's paragraphs) means the heading is part of the text, and it stays.
/// One pass from the end, so a text of many headings costs no more than one; it stops where the
/// lines can no longer be a list (two in a row that are not), since no line before them can be
/// either: most texts end with a paragraph, so two or three lines are read, not all of them.
fn related_tail(lines: &[Cow<str>]) -> Option<usize> {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
    // list[k]: kept lines k.. read as a list; headline[k]: and hold a headline. Lines before
    // `first` are never read (their kinds stay Other, which nothing below looks at).
    let n = kept.len();
    let mut kinds = vec![ListLine::Other; n];
    let mut list = vec![false; n + 1];
    let mut headline = vec![false; n + 1];
    list[n] = true;
    let mut first = n;
    for k in (0..n).rev() {
        kinds[k] = list_line(&lines[kept[k]]);
        (list[k], headline[k]) = match kinds[k] {
            ListLine::Heading => (list[k + 1], headline[k + 1]),
            ListLine::Headline if kinds.get(k + 1) == Some(&ListLine::Teaser) => (list[k + 2], true),
            ListLine::Headline => (list[k + 1], true),
            ListLine::Teaser | ListLine::Other => (false, false),
        };
        first = k;
        // Every kind of line takes its `list` from one of the next two: none before is a list.
        if !list[k] && !list[k + 1] {
            break;
        }
    }
    // The first heading after article text whose rest is a list with a headline in it.
    (first.max(1)..n).find(|&k| kinds[k] == ListLine::Heading && list[k + 1] && headline[k + 1]).map(|k| kept[k])
}

/// Non-empty lines as paragraphs: single line breaks kept, runs of blank lines made one.
fn paragraphs<'a, 'b: 'a>(lines: impl Iterator<Item = &'a Cow<'b, str>>, capacity: usize) -> String {
    let mut text = String::with_capacity(capacity);
    let mut blank = false;
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        text.push_str(t);
    }
    text
}

fn is_caption(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 600 && CAPTION_END.is_match(t)
}

struct Dateline {
    place: String,
    agencies: Vec<String>,
    date: Option<NaiveDate>,
    body_start: usize,
}

/// The dateline at the start of `line`, if the line has one. All-capitals places (`HANOI`,
/// `HÀ NỘI`) stand on their own; a title-case place (`Hanoi`) needs an agency or a date beside it,
/// or an ordinary sentence such as `Pham Minh Chinh - the Prime Minister` would qualify.
fn dateline_at(line: &str) -> Option<Dateline> {
    let c = DATELINE.captures(line)?;
    let place = c.name("place")?.as_str().trim();
    // `Mamuju (Indonesia) (AFP) –`: of two bracketed groups, the first is the place's country.
    let agency = c.name("agency2").or(c.name("agency")).map(|m| m.as_str()).or(c.name("slash").map(|m| m.as_str()));
    let extra = c.name("extra").map(|m| m.as_str().trim());
    let extra_date = extra.and_then(|e| MONTH_DAY_YEAR.captures(e));
    let extra_is_date = extra_date.is_some();
    let date = extra_date.and_then(|m| {
        let mon = month_number(&m[1])?;
        let day: u32 = m[2].parse().ok()?;
        let year: i32 = m.get(3)?.as_str().parse().ok()?;
        NaiveDate::from_ymd_opt(year, mon, day)
    });
    let all_caps = crate::tokens::all_capitals(place);
    // `SEOUL--Nearly a year ...`: a dateline glued to its text only by a double hyphen after a
    // place in capitals (not `COVID-19`, `ASEAN-China`).
    if c.name("glued").is_some() && !(all_caps && c.name("sep").is_some_and(|m| m.as_str() == "--") && line[c.get(0)?.end()..].starts_with(char::is_uppercase))
    {
        return None;
    }
    // A full stop closes a dateline only in the TASS form (`MOSCOW, January 23. /TASS/.`) or after a date.
    if c.name("dot").is_some() && !extra_is_date {
        return None;
    }
    let agency_ok = agency.is_some_and(|a| a.chars().next().is_some_and(char::is_uppercase));
    if !(all_caps || agency_ok || extra_is_date) {
        return None;
    }
    // A place is a few words, not a clause: `HANOI, Vietnam (AP) —` or `BEIJING, Jan. 23 (Xinhua) --`.
    if let Some(e) = extra {
        if !extra_is_date && (e.split_whitespace().count() > 3 || !e.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
    }
    let mut agencies = Vec::new();
    if let Some(a) = agency.filter(|_| agency_ok) {
        for part in split_agencies(a) {
            push_unique(&mut agencies, part);
        }
    }
    Some(Dateline { place: place.to_owned(), agencies, date, body_start: c.get(0)?.end() })
}

/// Keep `line[..end]`, without a copy while the line is still the file's text.
fn truncate(line: &mut Cow<str>, end: usize) {
    match line {
        Cow::Borrowed(s) => *s = &s[..end],
        Cow::Owned(s) => s.truncate(end),
    }
}

/// Strip credits from the end of the article (last lines first), returning them in reading order.
fn strip_credits(lines: &mut Vec<Cow<str>>) -> Vec<String> {
    let mut found: Vec<Vec<String>> = Vec::new();
    loop {
        while lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let Some(last) = lines.last_mut() else { break };
        if let Some(c) = CREDIT_LINE.captures(last) {
            let ag = c.get(1).or(c.get(2)).map(|m| m.as_str()).unwrap_or("");
            found.push(split_agencies(ag).map(str::to_owned).collect());
            lines.pop();
            continue;
        }
        if let Some(c) = STAFF_CREDIT.find(last) {
            truncate(last, c.start());
            continue;
        }
        if let Some(c) = TRAILING_SOURCE.captures(last) {
            found.push(split_agencies(&c[1]).map(str::to_owned).collect());
            let start = c.get(0).map_or(last.len(), |m| m.start());
            truncate(last, start);
            continue;
        }
        if let Some(c) = END_MARK.captures(last) {
            let start = c.get(0).map_or(last.len(), |m| m.start());
            truncate(last, start);
            if !ends_like_sentence(last) && !last.trim().is_empty() {
                last.to_mut().push('.');
            }
            continue;
        }
        if let Some(c) = TRAILING_BRACKET_CREDIT.captures(last).or_else(|| TRAILING_CREDIT.captures(last)) {
            found.push(split_agencies(&c[2]).map(str::to_owned).collect());
            let keep = c.get(1).map_or(last.len(), |m| m.end());
            truncate(last, keep);
            continue;
        }
        break;
    }
    found.into_iter().rev().flatten().collect()
}

/// Clean one article.
pub fn clean(raw: &str, opts: CleanOptions) -> Cleaned {
    let mut out = Cleaned::default();
    let mut body = raw;
    if let Some(c) = DATE_MARKER.captures(body) {
        out.date = (|| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))();
        body = &body[c.get(0).map_or(0, |m| m.end())..];
    }
    // Lines borrow the file's text: the few a credit or dateline shortens are re-sliced, and
    // only a credit's added full stop copies one.
    let mut lines: Vec<Cow<str>> = body.split('\n').map(|l| Cow::Borrowed(l.trim_end())).collect();

    // The related-stories tail, kept aside: nothing of the file disappears.
    if let Some(i) = related_tail(&lines) {
        out.related = Some(paragraphs(lines[i..].iter(), 0));
        lines.truncate(i);
    }

    let (captions, body_lines): (Vec<Cow<str>>, Vec<Cow<str>>) = lines.into_iter().partition(|l| is_caption(l));
    out.captions = captions.into_iter().map(|c| c.trim().to_owned()).collect();
    let mut lines = body_lines;
    let credits = strip_credits(&mut lines);

    // Time stamp lines among the first lines (a page's header): the first gives the date when
    // nothing else has.
    let mut seen = 0;
    let mut k = 0;
    while k < lines.len() && seen < 8 {
        if lines[k].trim().is_empty() {
            k += 1;
            continue;
        }
        seen += 1;
        match stamp_line(&lines[k]) {
            Some(date) => {
                out.date = out.date.or(date);
                lines.remove(k);
            }
            None => k += 1,
        }
    }

    // The headline: a short first line without closing punctuation, followed by more text, and
    // not itself a dateline paragraph.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(i) = first {
        let line = lines[i].trim();
        let more = lines[i + 1..].iter().any(|l| !l.trim().is_empty());
        let words = line.split_whitespace().count();
        if opts.detect_title && more && words <= 30 && line.chars().count() <= 250 && !ends_like_sentence(line) && dateline_at(line).is_none() {
            out.title = Some(line.to_owned());
            lines.remove(i);
        }
    }

    // The dateline opens one of the first paragraphs (a standfirst may come before it). Further
    // down a page's header (a byline, a summary's bullets), only the unmistakable wire form:
    // a place in capitals and a bracketed agency (`TOKYO, Jan 24 (Reuters) -`).
    let mut dateline_agencies = Vec::new();
    for (k, l) in lines.iter_mut().filter(|l| !l.trim().is_empty()).take(12).enumerate() {
        if let Some(d) = dateline_at(l).filter(|d| k < 4 || (!d.agencies.is_empty() && crate::tokens::all_capitals(&d.place))) {
            out.dateline = Some(d.place);
            out.date = out.date.or(d.date);
            dateline_agencies = d.agencies;
            *l = match std::mem::take(l) {
                Cow::Borrowed(s) => Cow::Borrowed(&s[d.body_start..]),
                Cow::Owned(s) => Cow::Owned(s[d.body_start..].to_owned()),
            };
            break;
        }
    }
    for a in dateline_agencies.iter().chain(credits.iter()) {
        push_unique(&mut out.sources, a);
    }

    // Paragraphs as in the source, blank runs collapsed.
    let text = paragraphs(lines.iter(), body.len());
    // Most articles need no fix: keep the text rather than copy it.
    let fixed = match MISSING_SPACE.replace_all(&text, "$1. $2") {
        std::borrow::Cow::Owned(fixed) => Some(fixed),
        std::borrow::Cow::Borrowed(_) => None,
    };
    out.text = fixed.unwrap_or(text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(raw: &str) -> Cleaned {
        clean(raw, CleanOptions::default())
    }

    #[test]
    fn date_marker_and_vns_credit() {
        let r = c(" date 2026-01-08 HÀ NỘI — The Party met on Wednesday.\n\nIt went well, she said. VNS");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2026, 1, 8));
        assert_eq!(r.dateline.as_deref(), Some("HÀ NỘI"));
        assert_eq!(r.sources, ["VNS"]);
        assert_eq!(r.title, None);
        assert_eq!(r.text, "The Party met on Wednesday.\n\nIt went well, she said.");
    }

    #[test]
    fn agency_chain_credit() {
        let r = c("HÀ NỘI — Talks were held.\n\nBoth sides agreed. — VNA/VNS");
        assert_eq!(r.sources, ["VNA", "VNS"]);
        assert!(r.text.ends_with("Both sides agreed."));
    }

    #[test]
    fn headline_caption_dateline_standfirst() {
        let raw = "Major tasks on track\nChairing a session, he spoke.\nHe chairs a session. (Photo: VNA)\n\nHanoi (VNA) - As of January 7, work is done.\n\nGeneral Director Vu speaks. (Photo: VNA)\n\nMore work./.\n\nRelated News\n\nOther story\n\nText of it.";
        let r = c(raw);
        assert_eq!(r.title.as_deref(), Some("Major tasks on track"));
        assert_eq!(r.dateline.as_deref(), Some("Hanoi"));
        assert_eq!(r.sources, ["VNA"]);
        assert_eq!(r.text, "Chairing a session, he spoke.\n\nAs of January 7, work is done.\n\nMore work.");
    }

    #[test]
    fn other_outlets_datelines() {
        let cases = [
            ("HANOI, Vietnam (AP) — Vietnam's party met.", "HANOI", vec!["AP"]),
            ("HANOI, Jan 20 (Reuters) – Vietnam's party met.", "HANOI", vec!["Reuters"]),
            ("BEIJING, Jan. 23 (Xinhua) -- China said.", "BEIJING", vec!["Xinhua"]),
            ("MOSCOW, January 23. /TASS/. Russia said.", "MOSCOW", vec!["TASS"]),
            ("Vientiane (VNA) - Laos said.", "Vientiane", vec!["VNA"]),
            ("HÀ NỘI – The party met.", "HÀ NỘI", vec![]),
            ("HANOI : The party met.", "HANOI", vec![]),
            ("TP HỒ CHÍ MINH — The city met.", "TP HỒ CHÍ MINH", vec![]),
            ("Mamuju (Indonesia) (AFP) – Rescuers dug.", "Mamuju", vec!["AFP"]),
            ("Mamuju (Indonesia) (AFP) –\n\nRescuers dug.", "Mamuju", vec!["AFP"]),
            ("SEOUL--Nearly a year later, the court ruled.", "SEOUL", vec![]),
        ];
        for (raw, place, ag) in cases {
            let r = c(raw);
            assert_eq!(r.dateline.as_deref(), Some(place), "{raw}");
            assert_eq!(r.sources, ag, "{raw}");
            assert!(!r.text.contains(place), "{raw} -> {}", r.text);
        }
    }

    #[test]
    fn time_stamp_lines_give_the_date_and_leave_the_body() {
        let r = c("Markets steady as rates hold\n\nBy Staff Writers\nMon, April 7, 2025 | 5:37 pm GMT+7\n\nShares rose on Monday in Velsk.");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2025, 4, 7));
        assert_eq!(r.text, "By Staff Writers\n\nShares rose on Monday in Velsk.");
        let r = c("Standoff at sea\n\nPUBLISHED : Thursday, 22 May, 2014, 10:52pm\nUPDATED : Friday, 23 May, 2014, 1:06am\n\nThe ships met.");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2014, 5, 22));
        assert_eq!(r.text, "The ships met.");
        let r = c("Weather\nSaturday, June 21, 2025\n\nPM approves the plan.\n\nUpdated 2024-03-05 08:00");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2025, 6, 21));
        // A sentence that holds a date is body text; so is a date line deep in the article.
        for body in ["On Monday, April 7, 2025 the plan passed.", "Talks resumed on 22 May, 2014 in Hanoi."] {
            assert_eq!(c(&format!("Title here\n\n{body}")).text, body);
        }
    }

    #[test]
    fn a_wire_dateline_below_a_page_header_is_found() {
        let raw = "Rates rise to a 17-year high - REUTERS\nBy Ann Lee and Bo Kim\nSummary\n- Rate up to 0.5%\n- Forecasts raised\n- Yen jumps\nMarkets calm\nTOKYO, Jan 24 (Reuters) - The bank raised rates.";
        let r = c(raw);
        assert_eq!(r.dateline.as_deref(), Some("TOKYO"));
        assert_eq!(r.sources, ["Reuters"]);
        assert!(r.text.ends_with("Markets calm\nThe bank raised rates."), "{}", r.text);
        // That far down, a title-case place or a dateline without an agency is body text.
        for line in ["Hanoi, Jan 24 (VNA) - The bank raised rates.", "TOKYO - The bank raised rates."] {
            let raw = format!("Title\nOne.\nTwo.\nThree.\nFour.\nFive.\n{line}");
            assert_eq!(c(&raw).dateline, None, "{line}");
        }
    }

    #[test]
    fn glued_hyphens_open_no_dateline_but_a_wire_s() {
        for raw in ["COVID-19 cases rose.", "ASEAN-China ties grew.", "Sea--level rise is a threat.", "HANOI--the city met."] {
            assert_eq!(clean(raw, CleanOptions { detect_title: false }).dateline, None, "{raw}");
        }
    }

    #[test]
    fn time_zones_of_a_stamp_line() {
        let r = c("Court raises sentence\nFebruary 19, 2020 at 18:25 JST\nSEOUL--Nearly a year later, the court ruled.");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2020, 2, 19));
        assert_eq!(r.text, "Nearly a year later, the court ruled.");
    }

    #[test]
    fn dated_dateline_gives_date() {
        let r = c("HANOI, Jan. 20, 2026 (Reuters) - The party met.");
        assert_eq!(r.date, NaiveDate::from_ymd_opt(2026, 1, 20));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for raw in [
            "Politburo member Tran Cam Tu - who chaired - said so.",
            "Pham Minh Chinh - the Prime Minister - spoke.",
            "The Party met on Friday.",
            "Vietnam: a rising economy, experts say.",
        ] {
            let r = clean(raw, CleanOptions { detect_title: false });
            assert_eq!(r.dateline, None, "{raw}");
            assert_eq!(r.text, raw);
        }
    }

    #[test]
    fn other_credit_families() {
        assert_eq!(c("HANOI (AP) — Text here.\n\n(AP Photo/Hau Dinh) caption line (AP Photo/Hau Dinh)\n\nMore text.").text, "Text here.\n\nMore text.");
        let r = c("Text here.\n\nMore text.\nBy VNA/VNP");
        assert_eq!(r.sources, ["VNA", "VNP"]);
        assert_eq!(r.text, "Text here.\n\nMore text.");
        let r = c("Text here.\n\nMore text. (Source: VNA)");
        assert_eq!(r.sources, ["VNA"]);
        assert_eq!(r.text, "Text here.\n\nMore text.");
        let r = c("Text here.\n\nMore text.\nNDO");
        assert_eq!(r.sources, ["NDO"]);
        let r = c("HANOI, Jan 20 (Reuters) – Text here.\n\nMore text. (Reporting by Khanh Vu; Editing by Ed Davies)");
        assert_eq!(r.text, "Text here.\n\nMore text.");
        assert_eq!(r.sources, ["Reuters"]);
        for (raw, agency) in [("Text here.\n\nThey won 103 seats. (Anadolu)", "Anadolu"), ("Text here.\n\nProfit rose. – (Bloomberg)", "Bloomberg")] {
            let r = c(raw);
            assert_eq!(r.sources, [agency], "{raw}");
            assert!(r.text.ends_with("seats.") || r.text.ends_with("rose."), "{}", r.text);
        }
        // A bracket inside the sentence, or before its full stop, is the sentence's own.
        for raw in ["Text here.\n\nThe vote went to the Democratic Party (DP).", "Text here.\n\nHe met the minister (Finance)."] {
            assert!(c(raw).sources.is_empty(), "{raw}");
        }
    }

    #[test]
    fn missing_space_restored_but_not_in_abbreviations() {
        let r = c("Improvements in people’s lives.Responding to it, he spoke.The U.S. agreed.");
        assert_eq!(r.text, "Improvements in people’s lives. Responding to it, he spoke. The U.S. agreed.");
        assert_eq!(c("from “a” to “b”.Quyet noted it.").text, "from “a” to “b”. Quyet noted it.");
    }

    #[test]
    fn sentence_with_acronym_at_end_is_not_a_credit_unless_after_punctuation() {
        let r = c("Viet Nam joined the WTO");
        assert_eq!(r.text, "Viet Nam joined the WTO");
        assert!(r.sources.is_empty());
    }

    #[test]
    fn a_heading_inside_the_article_cuts_nothing() {
        for head in ["Latest news", "Keywords", "Tags", "See Also", "Related News"] {
            let raw = format!("HANOI — The Congress opened.\n\n{head}\n\nTô Lâm was re-elected on Friday.\n\nDelegates voted.");
            let r = c(&raw);
            assert!(r.text.contains("Tô Lâm was re-elected") && r.text.contains("Delegates voted."), "{head}: {}", r.text);
            assert_eq!(r.related, None);
        }
    }

    #[test]
    fn a_list_of_headlines_is_the_related_tail_kept_aside() {
        let raw = "HANOI — The Congress opened.\n\nIt closed on Friday.\n\nRelated News\n\nVietnam sets growth target\n\nThe economy is expected to grow.\n\nSee Also\n\nHanoi hosts summit\n\nTags\n\nCongress, Vietnam";
        let r = c(raw);
        assert_eq!(r.text, "The Congress opened.\n\nIt closed on Friday.");
        assert_eq!(
            r.related.as_deref(),
            Some(
                "Related News\n\nVietnam sets growth target\n\nThe economy is expected to grow.\n\nSee Also\n\nHanoi hosts summit\n\nTags\n\nCongress, Vietnam"
            )
        );
    }

    #[test]
    fn captions_are_kept_aside() {
        let r = c("HANOI — Text here.\n\nDelegates vote. (Photo: VNA)\n\nMore text.");
        assert_eq!(r.text, "Text here.\n\nMore text.");
        assert_eq!(r.captions, ["Delegates vote. (Photo: VNA)"]);
    }

    #[test]
    fn many_headings_cost_one_pass() {
        // Quadratic in the headings this would take minutes; linear, milliseconds.
        let raw = format!("Text.\n{}", "Tags\nA long article paragraph that ends like a sentence.\n".repeat(200_000));
        let r = c(&raw);
        assert_eq!(r.related, None);
    }

    #[test]
    fn related_block_needs_article_before_it() {
        let r = c("Tags\nThe article text.");
        assert!(r.text.contains("The article text."));
    }
}
