//! Placeholder until the numeric module lands.
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericSpan {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub value: Option<String>,
    pub unit: Option<String>,
}

pub fn find_numeric(_text: &str, _doc_date: Option<NaiveDate>) -> Vec<NumericSpan> {
    Vec::new()
}
