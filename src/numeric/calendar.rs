//! Calendar arithmetic: year-less dates resolved against an anchor year, relative dates against
//! the document date, durations in ISO 8601; month, weekday and duration-unit names.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::context::floor_boundary;
use crate::knowledge::MONTHS;
use crate::label::Label;

/// A value that may need the anchor year, known only at the end of the scan.
#[derive(Debug, Clone)]
pub(super) enum Pending {
    Ready(Option<String>),
    Day(u32, u32),
    DayRange((u32, u32), (u32, u32)),
    Month(u32),
    MonthRange(u32, u32),
    /// Quarter (`Q`) or half (`H`) of a year.
    Part(char, u32),
    /// `Eighty years ago, on January 6, 1946`: the date in apposition, at this precision
    /// (the length of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    FromNext(usize),
}

pub(super) fn resolve(value: Pending, anchor: Option<i32>) -> Option<String> {
    match value {
        Pending::Ready(v) => v,
        Pending::Day(m, d) => ymd(anchor?, m, d),
        Pending::DayRange(a, b) => day_range_value(anchor?, a, b),
        Pending::Month(m) => Some(format!("{:04}-{m:02}", anchor?)),
        Pending::MonthRange(a, b) => {
            let y = anchor?;
            Some(format!("{y:04}-{a:02}/{y:04}-{b:02}"))
        }
        Pending::Part(kind, n) => Some(format!("{:04}-{kind}{n}", anchor?)),
        Pending::FromNext(_) => None,
    }
}

/// A period within one stated year; `December 30 to January 2, 2026` starts the year before.
pub(super) fn day_range_value(y: i32, (m1, d1): (u32, u32), (m2, d2): (u32, u32)) -> Option<String> {
    let y1 = if (m1, d1) > (m2, d2) { y - 1 } else { y };
    Some(format!("{}/{}", ymd(y1, m1, d1)?, ymd(y, m2, d2)?))
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(day_string)
}

pub(super) fn day_string(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(super) fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Month arithmetic on (year, month) pairs.
pub(super) fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + k;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

pub(super) fn rel_step(rel: &str) -> i32 {
    match rel {
        "last" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// Days from the latest `wd` on or before a day of weekday `today` (0 when they are the same).
pub(super) fn days_back(today: Weekday, wd: Weekday) -> u32 {
    (today.num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7
}

pub(super) fn relative_value(d: NaiveDate, rel: &str, unit: &str) -> Option<String> {
    let k = rel_step(rel);
    if let Some(wd) = weekday_of(unit) {
        let back = i64::from(days_back(d.weekday(), wd));
        let day = match rel {
            // The one before today, or a week back when today is that day.
            "last" => add_days(d, -(if back == 0 { 7 } else { back })),
            "next" => add_days(d, if back == 0 { 7 } else { 7 - back }),
            // The one in the same ISO week.
            _ => add_days(d, i64::from(wd.num_days_from_monday()) - i64::from(d.weekday().num_days_from_monday())),
        };
        return day.map(day_string);
    }
    if let Some(m) = month_num(unit) {
        let y = match rel {
            "last" if m >= d.month() => d.year() - 1,
            "next" if m <= d.month() => d.year() + 1,
            _ => d.year(),
        };
        return Some(format!("{y:04}-{m:02}"));
    }
    match unit.to_ascii_lowercase().as_str() {
        "year" => Some(format!("{:04}", d.year() + k)),
        "month" => {
            let (y, m) = add_months(d.year(), d.month(), k);
            Some(format!("{y:04}-{m:02}"))
        }
        "week" => add_days(d, 7 * i64::from(k)).map(iso_week),
        "weekend" => add_days(d, 7 * i64::from(k)).map(|w| format!("{}-WE", iso_week(w))),
        "quarter" => {
            let q = (d.month() - 1) / 3;
            let (y, m) = add_months(d.year(), q * 3 + 1, 3 * k);
            Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
        }
        _ => None, // seasons have no ISO 8601 form
    }
}

/// `five years ago` from the document date, at the precision of the unit.
pub(super) fn ago_value(d: NaiveDate, n: &str, designator: char, factor: u32) -> Option<String> {
    let n: i64 = n.parse().ok().filter(|n| *n <= 100_000)?;
    let n = n * i64::from(factor);
    match designator {
        'Y' => Some(format!("{}", i64::from(d.year()) - n)),
        'M' => {
            let (y, m) = add_months(d.year(), d.month(), -i32::try_from(n).ok()?);
            Some(format!("{y:04}-{m:02}"))
        }
        'W' => add_days(d, -7 * n).map(iso_week),
        'D' => add_days(d, -n).map(day_string),
        _ => None,
    }
}

pub(super) fn anniversary_year(text: &str, start: usize, end: usize, n: u32) -> Option<u32> {
    // `... to 2045, the centenary`: an apposition to the year just before.
    let before = text[..start].trim_end().trim_end_matches([',', '–', '—', '-']).trim_end();
    if let Some(y) = before.get(before.len().saturating_sub(4)..).and_then(num_u32) {
        let glued = before.len() > 4 && before[..before.len() - 4].ends_with(|c: char| c.is_ascii_digit());
        if (1000..=2199).contains(&y) && !glued && before.len() < text[..start].len() {
            return Some(y);
        }
    }
    // `... anniversary of the founding (1930–2030)` or `(1930)` later in the same sentence.
    let window = &text[end..floor_boundary(text, end + 200)];
    let window = window.split(['\n', ';']).next().unwrap_or("");
    let window = window.find(". ").map_or(window, |i| &window[..i]);
    for (i, _) in window.match_indices('(') {
        let inside = &window[i + 1..];
        let close = inside.find(')').unwrap_or(inside.len());
        let years: Vec<u32> = inside[..close].split(|c: char| !c.is_ascii_digit()).filter(|t| t.len() == 4).filter_map(num_u32).collect();
        match years.as_slice() {
            [a, b] if b.checked_sub(*a) == Some(n) => return Some(*b),
            [a] => return a.checked_add(n),
            _ => {}
        }
    }
    None
}

pub(super) fn month_num(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let idx = MONTHS.iter().position(|m| {
        let m = m.to_ascii_lowercase();
        l.len() >= 3 && (m == l || (l.len() <= 4 && m.starts_with(&l)))
    })?;
    Some(idx as u32 + 1)
}

pub(super) fn weekday_of(s: &str) -> Option<Weekday> {
    match s.get(..3)?.to_ascii_lowercase().as_str() {
        "mon" => Some(Weekday::Mon),
        "tue" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
    .filter(|_| s.to_ascii_lowercase().ends_with("day"))
}

pub(super) fn day_num(s: &str) -> Option<u32> {
    num_u32(s.trim_end_matches(|c: char| c.is_ascii_alphabetic()))
}

pub(super) fn year_num(s: &str) -> Option<i32> {
    num_u32(s).and_then(|y| i32::try_from(y).ok())
}

/// Short digit strings only: longer ones would overflow and are no day, month or year anyway.
pub(super) fn num_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// (label, ISO 8601 designator, multiplier) of a duration unit.
pub(super) fn unit_info(u: &str) -> Option<(Label, char, u32)> {
    let u = u.to_ascii_lowercase();
    let info = if u.starts_with("year") {
        (Label::Date, 'Y', 1)
    } else if u.starts_with("decade") {
        (Label::Date, 'Y', 10)
    } else if u.starts_with("centur") {
        (Label::Date, 'Y', 100)
    } else if u.starts_with("month") {
        (Label::Date, 'M', 1)
    } else if u.starts_with("fortnight") {
        (Label::Date, 'W', 2)
    } else if u.starts_with("week") {
        (Label::Date, 'W', 1)
    } else if u.starts_with("day") {
        (Label::Date, 'D', 1)
    } else if u.starts_with("h") {
        (Label::Time, 'H', 1)
    } else if u.starts_with("min") {
        (Label::Time, 'M', 1)
    } else if u.starts_with("sec") {
        (Label::Time, 'S', 1)
    } else {
        return None;
    };
    Some(info)
}

pub(super) fn iso_duration(label: Label, n: &str, designator: char) -> String {
    if label == Label::Time {
        format!("PT{n}{designator}")
    } else {
        format!("P{n}{designator}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_day_range_across_new_year_starts_the_year_before() {
        assert_eq!(day_range_value(2026, (12, 30), (1, 2)).as_deref(), Some("2025-12-30/2026-01-02"));
        assert_eq!(day_range_value(2026, (1, 19), (1, 23)).as_deref(), Some("2026-01-19/2026-01-23"));
        assert_eq!(day_range_value(2026, (2, 30), (3, 2)), None, "no February 30");
    }

    #[test]
    fn month_arithmetic_crosses_years_both_ways() {
        assert_eq!(add_months(2026, 1, -1), (2025, 12));
        assert_eq!(add_months(2026, 11, 3), (2027, 2));
        assert_eq!(add_months(2026, 6, -18), (2024, 12));
    }

    #[test]
    fn relative_dates_from_the_document_date() {
        // 2026-01-08 is a Thursday.
        let d = day(2026, 1, 8);
        assert_eq!(relative_value(d, "last", "Thursday").as_deref(), Some("2026-01-01"), "a week back on the same weekday");
        assert_eq!(relative_value(d, "next", "Monday").as_deref(), Some("2026-01-12"));
        assert_eq!(relative_value(d, "this", "Monday").as_deref(), Some("2026-01-05"), "the Monday of the same ISO week");
        assert_eq!(relative_value(d, "last", "December").as_deref(), Some("2025-12"));
        assert_eq!(relative_value(d, "next", "January").as_deref(), Some("2027-01"));
        assert_eq!(relative_value(d, "last", "quarter").as_deref(), Some("2025-Q4"));
        assert_eq!(relative_value(d, "next", "summer"), None, "seasons have no ISO 8601 form");
        assert_eq!(ago_value(d, "3", 'M', 1).as_deref(), Some("2025-10"));
        assert_eq!(ago_value(d, "2", 'Y', 10).as_deref(), Some("2006"), "two decades");
    }

    #[test]
    fn names_of_months_weekdays_and_units() {
        assert_eq!(month_num("Sept."), Some(9));
        assert_eq!(month_num("Ma"), None, "too short to say which month");
        assert_eq!(weekday_of("wednesday"), Some(Weekday::Wed));
        assert_eq!(weekday_of("Wedding"), None);
        assert_eq!(unit_info("fortnights"), Some((Label::Date, 'W', 2)));
        assert_eq!(unit_info("mins"), Some((Label::Time, 'M', 1)));
        assert_eq!(iso_duration(Label::Time, "5", 'H'), "PT5H");
        assert_eq!(iso_duration(Label::Date, "40", 'Y'), "P40Y");
    }

    #[test]
    fn an_anniversary_takes_its_year_from_the_period_given() {
        let t = "the 100th anniversary of the founding (1930-2030) was marked";
        let s = t.find("the 100th").unwrap();
        let e = s + "the 100th anniversary".len();
        assert_eq!(anniversary_year(t, s, e, 100), Some(2030));
        assert_eq!(anniversary_year(t, s, e, 90), None, "a period of another length is not its year");
        let t = "by 2045, the centenary";
        assert_eq!(anniversary_year(t, t.find("the").unwrap(), t.len(), 100), Some(2045));
    }
}
