//! Typed forms of the normalised values: the number a figure's value string holds, and the days a
//! DATE value covers. Computed from the value string alone, so they can never disagree with it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::label::Label;

/// The number of a CARDINAL, ORDINAL, PERCENT, MONEY or QUANTITY value (`1900000` -> 1.9e6).
pub fn number(label: Label, value: &str) -> Option<f64> {
    if !label.is_numeric() || label == Label::Date || label == Label::Time {
        return None;
    }
    value.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The first and last day (inclusive) a DATE value covers: a day, a month (`2026-01`), a year
/// (`2030`), a century (`20`: 2000..2099), a quarter (`2026-Q1`), a half (`2026-H2`), an ISO week
/// (`2026-W03`) or its weekend (`2026-W03-WE`), or a range of any two of these (`2021/2026`).
/// None for durations (`P5D`), times and anything unresolved.
pub fn date_span(label: Label, value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if label != Label::Date {
        return None;
    }
    match value.split_once('/') {
        Some((a, b)) => {
            let (start, _) = span(a)?;
            let (_, end) = span(b)?;
            (start <= end).then_some((start, end))
        }
        None => span(value),
    }
}

fn span(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = v.split('-').collect();
    match parts.as_slice() {
        [c] if c.len() == 2 && digits(c) => {
            let y = c.parse::<i32>().ok()? * 100;
            Some((ymd(y, 1, 1)?, ymd(y + 99, 12, 31)?))
        }
        [y] if y.len() == 4 && digits(y) => {
            let y = y.parse().ok()?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
        }
        [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => months(y.parse().ok()?, m.parse().ok()?, 1),
        [y, p] if y.len() == 4 && digits(y) && p.len() >= 2 => {
            let y: i32 = y.parse().ok()?;
            let (kind, n) = p.split_at(1);
            let n: u32 = if digits(n) { n.parse().ok()? } else { return None };
            match kind {
                "Q" if (1..=4).contains(&n) => months(y, 3 * n - 2, 3),
                "H" if (1..=2).contains(&n) => months(y, 6 * n - 5, 6),
                "W" => week(y, n).map(|mon| (mon, mon + Duration::days(6))),
                _ => None,
            }
        }
        [y, w, we] if *we == "WE" && w.starts_with('W') && digits(y) && digits(&w[1..]) => {
            let mon = week(y.parse().ok()?, w[1..].parse().ok()?)?;
            Some((mon + Duration::days(5), mon + Duration::days(6)))
        }
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && digits(d) => {
            let day = ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `count` months from month `m` of year `y`: their first and last day.
fn months(y: i32, m: u32, count: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = ymd(y, m, 1)?;
    let last = m + count - 1;
    let next = if last == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, last + 1, 1)? };
    Some((start, next.pred_opt()?))
}

/// The Monday of ISO week `w` of ISO year `y`.
fn week(y: i32, w: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).filter(|d| d.iso_week().week() == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn span_of(v: &str) -> Option<(NaiveDate, NaiveDate)> {
        date_span(Label::Date, v)
    }

    #[test]
    fn days_months_years_and_ranges() {
        assert_eq!(span_of("2026-01-07"), Some((d("2026-01-07"), d("2026-01-07"))));
        assert_eq!(span_of("2026-01"), Some((d("2026-01-01"), d("2026-01-31"))));
        assert_eq!(span_of("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(span_of("2026-12"), Some((d("2026-12-01"), d("2026-12-31"))));
        assert_eq!(span_of("2030"), Some((d("2030-01-01"), d("2030-12-31"))));
        assert_eq!(span_of("2021/2026"), Some((d("2021-01-01"), d("2026-12-31"))));
        assert_eq!(span_of("2026-01-19/2026-01-23"), Some((d("2026-01-19"), d("2026-01-23"))));
        assert_eq!(span_of("2026-01/2026-03"), Some((d("2026-01-01"), d("2026-03-31"))));
        assert_eq!(span_of("20"), Some((d("2000-01-01"), d("2099-12-31"))));
    }

    #[test]
    fn quarters_halves_and_weeks() {
        assert_eq!(span_of("2026-Q1"), Some((d("2026-01-01"), d("2026-03-31"))));
        assert_eq!(span_of("2026-Q4"), Some((d("2026-10-01"), d("2026-12-31"))));
        assert_eq!(span_of("2026-H2"), Some((d("2026-07-01"), d("2026-12-31"))));
        // ISO week 3 of 2026 runs Monday 12 to Sunday 18 January.
        assert_eq!(span_of("2026-W03"), Some((d("2026-01-12"), d("2026-01-18"))));
        assert_eq!(span_of("2026-W03-WE"), Some((d("2026-01-17"), d("2026-01-18"))));
    }

    #[test]
    fn durations_times_and_nonsense_have_no_days() {
        for v in ["P40Y", "P5D", "T14:30", "2026-13", "2026-02-30", "2026-Q5", "2026-H3", "2026-W54", "2027/2021", "", "spring"] {
            assert_eq!(span_of(v), None, "{v}");
        }
        assert_eq!(date_span(Label::Cardinal, "2026"), None);
    }

    #[test]
    fn numbers_of_figures_only() {
        assert_eq!(number(Label::Cardinal, "1900000"), Some(1_900_000.0));
        assert_eq!(number(Label::Percent, "6.5"), Some(6.5));
        assert_eq!(number(Label::Money, "15000000000"), Some(15e9));
        assert_eq!(number(Label::Ordinal, "14"), Some(14.0));
        assert_eq!(number(Label::Date, "2026"), None);
        assert_eq!(number(Label::Cardinal, "many"), None);
        assert_eq!(number(Label::Cardinal, "inf"), None);
    }
}
