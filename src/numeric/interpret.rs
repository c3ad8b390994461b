//! The interpreter: what each rule's match means. Checks what a regex cannot (a real day of the
//! month, a number used as a year, `one another`) and computes the normalised value.

use chrono::{Datelike, NaiveDate};

use super::calendar::*;
use super::context::*;
use super::numbers::*;
use super::rules::{Hit, Rule, RuleSet, FALLBACK, MAIN};
use crate::knowledge::{CURRENCY_PREFIX, CURRENCY_SUFFIX, UNITS};
use crate::label::Label;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericSpan {
    pub start: usize,          // UTF-8 byte offset into `text`
    pub end: usize,            // exclusive byte offset
    pub label: Label,          // one of the numeric labels (`Label::is_numeric`)
    pub value: Option<String>, // normalised value, None when unresolvable
    pub unit: Option<String>,  // currency code for MONEY, unit for QUANTITY
}

/// All numeric/temporal mentions of `text`, sorted by start, non-overlapping.
/// `doc_date` is the publication date of the document if known.
pub fn find_numeric(text: &str, doc_date: Option<NaiveDate>) -> Vec<NumericSpan> {
    let mut scan = Scan { text, doc: doc_date, out: Vec::new(), first_full_year: None };
    let mut pos = 0;
    while pos < text.len() {
        let Some((rule, start, end)) = MAIN.next(text, pos, text.len()) else { break };
        pos = scan.step(&MAIN, rule, start, end).unwrap_or_else(|| scan.fallback(start, end));
    }
    scan.finish()
}

/// Words after which a month name alone (`in May`) is a date rather than a verb or a name.
#[rustfmt::skip]
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "before", "after", "during", "from", "through", "throughout", "of", "to",
    "between", "and", "or", "last", "next", "this", "early", "late", "mid", "for", "as",
];

struct Found {
    start: usize,
    end: usize,
    label: Label,
    value: Pending,
    unit: Option<String>,
    /// The year of a full date (day, month, year): the first one anchors year-less dates.
    full_year: Option<i32>,
}

enum Step {
    Emit(Found),
    /// A run of number words holding several numbers (`one two`).
    Many(Vec<Found>),
    Skip,
    /// Not a mention, and neither is the code it starts (`2021-26-30`, `123/2025/ND-CP`).
    SkipTo(usize),
    Reject,
}

struct Scan<'t> {
    text: &'t str,
    doc: Option<NaiveDate>,
    out: Vec<Found>,
    first_full_year: Option<i32>,
}

fn found(start: usize, end: usize, label: Label, value: Pending) -> Step {
    Step::Emit(Found { start, end, label, value, unit: None, full_year: None })
}

fn ready(start: usize, end: usize, label: Label, value: Option<String>) -> Step {
    found(start, end, label, Pending::Ready(value))
}

fn with_unit(h: &Hit, label: Label, value: Option<String>, unit: &str) -> Step {
    let unit = Some(unit.to_string());
    Step::Emit(Found { start: h.start, end: h.end, label, value: Pending::Ready(value), unit, full_year: None })
}

/// A date that states its year; when valid it may anchor the year-less dates of the text.
fn full_date(h: &Hit, y: i32, value: Option<String>) -> Step {
    let full_year = value.as_ref().map(|_| y);
    Step::Emit(Found { start: h.start, end: h.end, label: Label::Date, value: Pending::Ready(value), unit: None, full_year })
}

impl Scan<'_> {
    /// Interprets the match `start..end` of `set`; returns where the next search starts, or None
    /// when the rule rejected its match.
    fn step(&mut self, set: &RuleSet, rule: usize, start: usize, end: usize) -> Option<usize> {
        let (rule, re) = set.rules.get(rule)?;
        // The commonest rules read nothing but the whole match: skip resolving their groups.
        let whole = matches!(rule, Rule::Skip | Rule::Cardinal | Rule::CardinalWords | Rule::OrdinalDigits | Rule::OrdinalWord | Rule::Weekday);
        // (Nor allocate their group slots: a match is found every 250 bytes.)
        let locs = if whole {
            None
        } else {
            let mut locs = re.capture_locations();
            re.captures_read(&mut locs, &self.text[start..end])?;
            Some(locs)
        };
        let hit = Hit { text: self.text, rule: *rule, re, locs: locs.as_ref(), start, end };
        match self.apply(&hit) {
            Step::Emit(f) => self.accept(f),
            Step::Many(fs) => fs.into_iter().map(|f| self.accept(f)).last().flatten().or(Some(end)),
            Step::Skip => Some(end),
            Step::SkipTo(pos) => Some(pos.max(end)),
            Step::Reject => None,
        }
    }

    /// Keeps an emitted span whose edges do not cut a word; returns where the next search starts.
    fn accept(&mut self, f: Found) -> Option<usize> {
        if !clean_edges(self.text, f.start, f.end) {
            return None;
        }
        if self.first_full_year.is_none() {
            self.first_full_year = f.full_year;
        }
        let next = f.end;
        self.out.push(f);
        Some(next)
    }

    /// Reads the rejected region `start..end` again with the plain-number rules only.
    fn fallback(&mut self, start: usize, end: usize) -> usize {
        let min_next = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        // Bounded to the region, so a rejection never costs a search through the rest of the text.
        let Some((rule, s, e)) = FALLBACK.next(self.text, start, end) else { return end };
        self.step(&FALLBACK, rule, s, e).unwrap_or(e).max(min_next)
    }

    fn finish(self) -> Vec<NumericSpan> {
        let anchor = self.doc.map(|d| d.year()).or(self.first_full_year);
        let apposed: Vec<Option<usize>> = self.out.iter().map(|f| if let Pending::FromNext(p) = f.value { Some(p) } else { None }).collect();
        let mut spans: Vec<NumericSpan> =
            self.out.into_iter().map(|f| NumericSpan { start: f.start, end: f.end, label: f.label, value: resolve(f.value, anchor), unit: f.unit }).collect();
        for (i, precision) in apposed.iter().enumerate() {
            let Some(precision) = precision else { continue };
            let Some(next) = spans.get(i + 1) else { continue };
            let gap = self.text[spans[i].end..next.start].trim_matches([',', ' ', '\u{a0}']).to_ascii_lowercase();
            let date = next
                .value
                .as_deref()
                .filter(|v| next.label == Label::Date && v.len() >= *precision && v.as_bytes()[4..].iter().all(|b| matches!(b, b'-' | b'0'..=b'9')));
            if matches!(gap.as_str(), "" | "on" | "in") {
                spans[i].value = date.map(|v| v[..*precision].to_string());
            }
        }
        spans
    }

    fn apply(&self, h: &Hit) -> Step {
        match h.rule {
            Rule::Skip => Step::Skip,
            Rule::WeekdayDate | Rule::MonthDay | Rule::DayMonth => Self::day_date(h),
            Rule::MonthDayRange | Rule::DayMonthRange => Self::day_range(h),
            Rule::MonthRange => month_range(h),
            Rule::MonthYear => month_year(h),
            Rule::IsoDate => Self::iso_date(h),
            Rule::NumericDate => Self::numeric_date(h),
            Rule::Decade => ready(h.start, h.end, Label::Date, h.s("dec").map(str::to_string)),
            Rule::Century => century(h),
            Rule::QuarterHalf | Rule::QuarterCode => self.quarter(h),
            Rule::Anniversary => Self::anniversary(h),
            Rule::PartOfDay => ready(h.start, h.end, Label::Time, None),
            Rule::Relative => self.relative(h),
            Rule::EndOfThe => self.end_of_the(h),
            Rule::Today => self.today(h),
            Rule::PastNext => past_next(h),
            Rule::DurationAgo | Rule::Duration => self.duration(h),
            Rule::Aged => aged(h),
            Rule::YearPrefixed => ready(h.start, h.end, Label::Date, h.s("y").map(str::to_string)),
            Rule::BareMonth => Self::bare_month(h),
            Rule::Weekday => self.weekday(h),
            Rule::Clock | Rule::ClockAmPm | Rule::ClockWord => clock(h),
            Rule::Noon => noon(h),
            Rule::Percent => percent(h),
            Rule::MoneyPrefix | Rule::MoneySuffix => Self::money(h),
            Rule::Quantity => quantity(h),
            Rule::OrdinalDigits => ordinal_digits(h),
            Rule::OrdinalWord => Self::ordinal_word(h),
            Rule::YearRange | Rule::YearSpanTo => Self::year_range(h),
            Rule::NumberRange => Self::number_range(h),
            Rule::Cardinal => self.cardinal(h),
            Rule::CardinalWords => Self::cardinal_words(h),
            Rule::Vague => match h.at("s") {
                Some((s, e)) => ready(s, e, Label::Cardinal, None),
                None => Step::Skip,
            },
        }
    }

    // ----- calendar dates -----

    fn day_date(h: &Hit) -> Step {
        let (Some(m), Some(d)) = (h.s("m").or(h.s("m2")).and_then(month_num), h.s("d").or(h.s("d2")).and_then(day_num)) else {
            return Step::Reject;
        };
        match h.s("y").and_then(year_num) {
            Some(y) => {
                let value = ymd(y, m, d);
                full_date(h, y, value)
            }
            None => found(h.start, h.end, Label::Date, Pending::Day(m, d)),
        }
    }

    fn day_range(h: &Hit) -> Step {
        // One month name serves both days: `January 19-23`, `19–23 January`.
        let (m1, m2) = (h.s("m1").and_then(month_num), h.s("m2").and_then(month_num));
        let (m1, m2) = (m1.or(m2), m2.or(m1));
        let (Some(m1), Some(m2), Some(d1), Some(d2)) = (m1, m2, h.s("d1").and_then(day_num), h.s("d2").and_then(day_num)) else {
            return Step::Reject;
        };
        // `January 19 and 23` names two days, not a period: keep the span, leave the value open.
        if h.lower("sep").is_some_and(|s| s.contains("and")) {
            return ready(h.start, h.end, Label::Date, None);
        }
        match h.s("y").and_then(year_num) {
            Some(y) => {
                let value = day_range_value(y, (m1, d1), (m2, d2));
                full_date(h, y, value)
            }
            None => found(h.start, h.end, Label::Date, Pending::DayRange((m1, d1), (m2, d2))),
        }
    }

    fn iso_date(h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        if h.s("s1") != h.s("s2") {
            return Step::Reject;
        }
        let (Some(y), Some(m), Some(d)) = (h.s("y").and_then(year_num), h.s("mo").and_then(num_u32), h.s("d").and_then(num_u32)) else {
            return Step::Reject;
        };
        let value = ymd(y, m, d);
        full_date(h, y, value)
    }

    /// `23/01/2026`, `01/23/2026`: the order that makes a real date; `02/03/2026` stays unresolved
    /// (either order could be meant), except with dots (`02.03.2026`), which only day-first
    /// writers use.
    fn numeric_date(h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        if h.s("s1") != h.s("s2") {
            return Step::Reject;
        }
        let (Some(a), Some(b), Some(y)) = (h.s("a").and_then(num_u32), h.s("b").and_then(num_u32), h.s("y").and_then(year_num)) else {
            return Step::Reject;
        };
        let dotted = h.s("s1") == Some(".");
        let value = if a > 12 || dotted || a == b {
            ymd(y, b, a)
        } else if b > 12 {
            ymd(y, a, b)
        } else {
            None
        };
        full_date(h, y, value)
    }

    fn quarter(&self, h: &Hit) -> Step {
        let (kind, n) = if let Some(q) = h.s("q") {
            let mut cs = q.chars();
            (cs.next().unwrap_or('Q'), cs.next().and_then(|c| c.to_digit(10)).unwrap_or(0))
        } else {
            let kind = if h.lower("qh").as_deref() == Some("half") { 'H' } else { 'Q' };
            let o = h.lower("o").unwrap_or_default();
            let n = match o.as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" => 4,
                _ if kind == 'H' => 2, // `final`
                _ => 4,
            };
            (kind, n)
        };
        if (kind == 'H' && n > 2) || n == 0 {
            return Step::Reject;
        }
        let year = match (h.s("y").and_then(year_num), h.lower("rel")) {
            (Some(y), _) => Some(y),
            (None, Some(rel)) => self.doc.map(|d| d.year() + rel_step(&rel)),
            (None, None) => return found(h.start, h.end, Label::Date, Pending::Part(kind, n)),
        };
        ready(h.start, h.end, Label::Date, year.map(|y| format!("{y:04}-{kind}{n}")))
    }

    /// `the 100th anniversary of the founding (1930–2030)` is 2030; `to 2045, the centenary` is
    /// 2045: the year comes from the period or year the sentence gives, never from a guess.
    fn anniversary(h: &Hit) -> Step {
        let n = if let Some(n) = h.s("n").and_then(num_u32) {
            Some(n)
        } else if let Some(w) = h.s("w") {
            ordinal_words(w).and_then(|v| u32::try_from(v).ok())
        } else {
            match h.lower("c").as_deref() {
                Some("centenary" | "centennial") => Some(100),
                Some("bicentenary" | "bicentennial") => Some(200),
                Some("semicentennial") => Some(50),
                Some("sesquicentennial") => Some(150),
                _ => None,
            }
        };
        let value = n.and_then(|n| anniversary_year(h.text, h.start, h.end, n)).map(|y| y.to_string());
        ready(h.start, h.end, Label::Date, value)
    }

    fn relative(&self, h: &Hit) -> Step {
        let (Some(rel), Some(unit)) = (h.lower("rel"), h.s("u")) else {
            return Step::Reject;
        };
        let value = self.doc.and_then(|d| relative_value(d, &rel, unit));
        ready(h.start, h.end, Label::Date, value)
    }

    fn end_of_the(&self, h: &Hit) -> Step {
        let value = self.doc.and_then(|d| match h.lower("u").as_deref() {
            Some("year") => Some(format!("{:04}", d.year())),
            Some("month") => Some(format!("{:04}-{:02}", d.year(), d.month())),
            Some("week") => Some(iso_week(d)),
            _ => None,
        });
        ready(h.start, h.end, Label::Date, value)
    }

    fn today(&self, h: &Hit) -> Step {
        let shift = match h.text[h.start..h.end].to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let value = self.doc.and_then(|d| add_days(d, shift)).map(day_string);
        ready(h.start, h.end, Label::Date, value)
    }

    fn duration(&self, h: &Hit) -> Step {
        let Some((label, designator, factor)) = h.s("u").and_then(unit_info) else {
            return Step::Reject;
        };
        let mut end = h.end;
        let mut rel = h.lower("rel");
        // `80 years on` means "now"; in `40 years on the throne` the `on` belongs to the noun.
        if rel.as_deref() == Some("on") && followed_by_word(h.text, h.end) {
            rel = None;
            end = h.at("old").or(h.at("u")).map_or(h.end, |(_, e)| e);
        }
        // `a week` is a duration; `once a year`, `twice a week`, `$5 a day` are rates.
        // `in a second`, `wait a minute` are idioms, not durations.
        if h.has("a") && h.lower("u").is_some_and(|u| u.starts_with("sec") || u.starts_with("min")) {
            return Step::Skip;
        }
        if h.has("a")
            && (matches!(prev_word(h.text, h.start).as_str(), "once" | "twice" | "thrice" | "times" | "per")
                || h.text[..h.start].trim_end().ends_with(|c: char| c.is_ascii_digit() || c == '%')
                || rate_after_quantity(h.text, h.start)
                || h.text[h.end..].starts_with("-on-"))
        {
            return Step::Skip;
        }
        let n = match h.s("n") {
            Some(n) => parse_number(n),
            None => Some("1".to_string()), // `a year ago`, `a week`
        };
        let value = if h.has("n2") {
            None
        } else if h.has("old") {
            n.filter(|_| designator == 'Y' && factor == 1).map(|n| format!("P{n}Y"))
        } else {
            match rel.as_deref() {
                None => n.map(|n| iso_duration(label, &times_small(&n, factor), designator)),
                Some("ago") if self.doc.is_none() && label == Label::Date => {
                    let precision = match designator {
                        'Y' => 4,
                        'M' => 7,
                        _ => 10,
                    };
                    return found(h.start, end, label, Pending::FromNext(precision));
                }
                Some("ago") => self.doc.zip(n).and_then(|(d, n)| ago_value(d, &n, designator, factor)),
                Some("on") => self.doc.filter(|_| label == Label::Date && designator == 'Y').map(|d| d.year().to_string()),
                _ => None,
            }
        };
        ready(h.start, end, label, value)
    }

    fn bare_month(h: &Hit) -> Step {
        let Some(m) = h.s("m").and_then(month_num) else {
            return Step::Reject;
        };
        // A month name alone is a date after a preposition (`in May`), not as a verb or a name.
        if !h.has("pfx") && !MONTH_CUES.contains(&prev_word(h.text, h.start).as_str()) {
            return Step::Skip;
        }
        found(h.start, h.end, Label::Date, Pending::Month(m))
    }

    fn weekday(&self, h: &Hit) -> Step {
        let value = h.s("wd").and_then(weekday_of).zip(self.doc).and_then(|(wd, d)| add_days(d, -i64::from(days_back(d.weekday(), wd)))).map(day_string);
        ready(h.start, h.end, Label::Date, value)
    }

    // ----- amounts -----

    fn money(h: &Hit) -> Step {
        let Some(cur) = h.s("cur") else { return Step::Reject };
        let Some(code) = currency_code(cur, h.rule == Rule::MoneyPrefix) else {
            return Step::Reject;
        };
        let Some(n) = h.s("n") else { return Step::Reject };
        let ln = n.to_ascii_lowercase();
        let scaled = ["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn"].iter().any(|w| ln.contains(w));
        // `won` and `pounds` are also a verb and a weight: only with a scale word are they money.
        match cur {
            "won" if !scaled => return Step::Reject,
            "pounds" | "pound" if !scaled => {
                let value = if h.has("n2") { None } else { parse_number(n) };
                return with_unit(h, Label::Quantity, value, "lb");
            }
            _ => {}
        }
        let value = if h.has("n2") { None } else { parse_number(n) };
        with_unit(h, Label::Money, value, code)
    }

    // ----- ordinals and plain numbers -----

    fn ordinal_word(h: &Hit) -> Step {
        let Some(w) = h.s("w") else { return Step::Reject };
        let lw = w.to_ascii_lowercase();
        let next = &h.text[h.end..];
        // `one-third` is a fraction; `third-party` no rank.
        let fraction = hyphen_then_letter(h.text[..h.start].chars().rev());
        if is_title_name(h.text, h.start, h.end) || fraction || next.starts_with("-part") || (lw == "second" && is_time_second(h.text, h.start, h.end)) {
            return Step::Skip;
        }
        ready(h.start, h.end, Label::Ordinal, ordinal_words(w).map(|v| v.to_string()))
    }

    fn year_range(h: &Hit) -> Step {
        let (Some(a), Some(b)) = (h.s("y1"), h.s("y2")) else {
            return Step::Reject;
        };
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        let (Some(y1), Some(y2)) = (num_u32(a), num_u32(b)) else {
            return Step::Reject;
        };
        let slash = h.s("sep") == Some("/");
        let is_year = |y: u32| (1000..=2199).contains(&y);
        let value = match (a.len(), b.len()) {
            (4, 2) if is_year(y1) => {
                let mut end = y1 / 100 * 100 + y2;
                if end <= y1 {
                    // `2026-01` is a month; `1998–02` crosses a century.
                    if !slash && (1..=12).contains(&y2) && h.s("sep") == Some("-") {
                        return ready(h.start, h.end, Label::Date, Some(format!("{y1:04}-{y2:02}")));
                    }
                    end += 100;
                }
                Some(format!("{y1}/{end}"))
            }
            (4, 4) if is_year(y1) && is_year(y2) => (y1 <= y2).then(|| format!("{y1}/{y2}")),
            // `226–2031`: a typo for a period, still a date mention but with no value.
            (3, 4) if is_year(y2) && !slash => None,
            _ if slash => return Step::Skip, // `123/2025`: a document number
            _ => return ready(h.start, h.end, Label::Cardinal, None),
        };
        // `2025/26` is a season; `2021/2030` rarely a period: read slashes as periods only when short.
        if slash && value.is_some() && y2 % 100 != (y1 + 1) % 100 {
            return Step::Skip;
        }
        ready(h.start, h.end, Label::Date, value)
    }

    fn number_range(h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        ready(h.start, h.end, Label::Cardinal, None)
    }

    fn cardinal(&self, h: &Hit) -> Step {
        let Some((s, e)) = h.at("n") else { return Step::Reject };
        let n = &h.text[s..e];
        // `0912`, `007`: a code or a phone number, not a count.
        if n.len() > 1 && n.starts_with('0') && n.as_bytes()[1].is_ascii_digit() {
            return Step::Skip;
        }
        if n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(y) = num_u32(n) {
                if self.year_like(s, e, y) {
                    return ready(s, e, Label::Date, Some(n.to_string()));
                }
            }
        }
        ready(s, e, Label::Cardinal, parse_number(n))
    }

    /// A four-digit number written without a separator is a year when it could be one; older
    /// years need a cue (`in 1858`, `(1858)`), since `1500 workers` is a count.
    fn year_like(&self, s: usize, e: usize, y: u32) -> bool {
        const CUES: &[&str] = &["in", "since", "by", "from", "until", "till", "to", "before", "after", "during", "of", "year", "early", "late", "mid"];
        if (1900..=2100).contains(&y) {
            return true;
        }
        if !(1000..=2199).contains(&y) {
            return false;
        }
        let bracketed = self.text[..s].ends_with('(') && self.text[e..].starts_with(')');
        bracketed || CUES.contains(&prev_word(self.text, s).as_str())
    }

    /// Splits a run of number words into well-formed numbers: `one two` is two mentions.
    fn cardinal_words(h: &Hit) -> Step {
        let Some((mut s, end)) = h.at("n") else {
            return Step::Reject;
        };
        let mut out = Vec::new();
        while s < end {
            let Some((value, used)) = parse_words(&h.text[s..end]) else {
                break;
            };
            let e = s + used;
            let word = h.text[s..e].to_ascii_lowercase();
            let skip = is_hyphen_compound(h.text, s, e) || is_title_name(h.text, s, e) || (word == "one" && is_pronoun_one(h.text, s, e));
            if !skip {
                out.push(Found { start: s, end: e, label: Label::Cardinal, value: Pending::Ready(Some(value.to_string())), unit: None, full_year: None });
            }
            s = e + h.text[e..end].find(|c: char| c.is_ascii_alphabetic()).unwrap_or(end - e);
        }
        Step::Many(out)
    }
}

fn month_range(h: &Hit) -> Step {
    let (Some(m1), Some(m2)) = (h.s("m1").and_then(month_num), h.s("m2").and_then(month_num)) else {
        return Step::Reject;
    };
    if h.lower("sep").is_some_and(|s| s.contains("and")) {
        return ready(h.start, h.end, Label::Date, None);
    }
    match h.s("y").and_then(year_num) {
        Some(y) => ready(h.start, h.end, Label::Date, Some(format!("{y:04}-{m1:02}/{y:04}-{m2:02}"))),
        None => found(h.start, h.end, Label::Date, Pending::MonthRange(m1, m2)),
    }
}

fn month_year(h: &Hit) -> Step {
    let value = h.s("m").and_then(month_num).zip(h.s("y").and_then(year_num)).map(|(m, y)| format!("{y:04}-{m:02}"));
    ready(h.start, h.end, Label::Date, value)
}

/// `the 21st century` is `20` in ISO 8601 (the years 2000–2099).
fn century(h: &Hit) -> Step {
    let n = h.s("n").and_then(num_u32).or_else(|| h.s("w").and_then(ordinal_words).and_then(|v| u32::try_from(v).ok()));
    ready(h.start, h.end, Label::Date, n.filter(|n| (1..=100).contains(n)).map(|n| format!("{:02}", n - 1)))
}

fn past_next(h: &Hit) -> Step {
    let Some((label, designator, factor)) = h.s("u").and_then(unit_info) else {
        return Step::Reject;
    };
    let rel = h.lower("rel").unwrap_or_default();
    let unit = h.lower("u").unwrap_or_default();
    let value = if h.has("n2") || h.has("v") {
        None
    } else if let Some(n) = h.s("n") {
        parse_number(n).map(|n| iso_duration(label, &times_small(&n, factor), designator))
    } else {
        // `the past year` is a year-long period; `the next day` is a day, not a duration.
        let period = matches!(rel.as_str(), "past" | "last" | "previous" | "coming" | "next")
            && !unit.ends_with('s')
            && matches!(designator, 'Y' | 'M' | 'W')
            && label == Label::Date;
        period.then(|| iso_duration(label, &factor.to_string(), designator))
    };
    ready(h.start, h.end, label, value)
}

fn aged(h: &Hit) -> Step {
    let Some((s, e)) = h.at("s") else { return Step::Reject };
    ready(s, e, Label::Date, parse_number(&h.text[s..e]).map(|n| format!("P{n}Y")))
}

fn clock(h: &Hit) -> Step {
    let hour = h.s("h").or(h.s("h2")).and_then(parse_number).and_then(|s| s.parse::<u32>().ok());
    let minute = h.s("mi").or(h.s("mi2")).or(h.s("mi3")).and_then(num_u32).unwrap_or(0);
    let Some(mut hour) = hour else { return Step::Reject };
    match h.lower("ap").map(|s| s.starts_with('p')) {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return Step::Reject;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        None if h.rule == Rule::ClockWord && !(1..=12).contains(&hour) => return Step::Reject,
        None => {}
    }
    if hour > 24 || (hour == 24 && minute > 0) {
        return Step::Reject;
    }
    // `8 to 10 p.m.` is a period: the span is right, a single time would not be.
    let value = (!h.has("h0")).then(|| format!("T{:02}:{minute:02}", hour % 24));
    ready(h.start, h.end, Label::Time, value)
}

fn noon(h: &Hit) -> Step {
    let value = if h.lower("w").as_deref() == Some("midnight") { "T00:00" } else { "T12:00" };
    ready(h.start, h.end, Label::Time, Some(value.into()))
}

fn percent(h: &Hit) -> Step {
    let value = if h.has("n2") { None } else { h.s("n").and_then(parse_number) };
    ready(h.start, h.end, Label::Percent, value)
}

fn quantity(h: &Hit) -> Step {
    let Some(u) = h.s("u") else { return Step::Reject };
    let key = u.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((_, unit)) = UNITS.iter().find(|(w, _)| *w == key) else { return Step::Reject };
    let value = if h.has("n2") { None } else { h.s("n").and_then(parse_number) };
    with_unit(h, Label::Quantity, value, unit)
}

fn ordinal_digits(h: &Hit) -> Step {
    let digits = h.text[h.start..h.end].trim_end_matches(|c: char| c.is_ascii_alphabetic());
    ready(h.start, h.end, Label::Ordinal, plain_decimal(digits))
}

fn currency_code(written: &str, prefix: bool) -> Option<&'static str> {
    let key = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let table: &[(&str, &'static str)] = if prefix { &CURRENCY_PREFIX } else { &CURRENCY_SUFFIX };
    table.iter().find(|(w, _)| *w == key).map(|(_, c)| *c)
}
/// `1 million tons of LNG a year`: `a year` after a quantity in the same clause (a figure a
/// few words back, no punctuation between) is a rate, not a duration. `a year-on-year rise`
/// is no duration either (checked by the caller).
fn rate_after_quantity(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let clause = before.rfind([',', ';', '.', ':', '\n', '(', ')']).map_or(before, |i| &before[i + 1..]);
    clause.split_whitespace().rev().take(5).any(|w| w.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
}
