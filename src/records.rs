//! Articles held as records: a JSON array, a JSON object holding a list of articles (or one
//! article), JSON Lines, CSV or TSV. Each record gives its text, id, date and title from fields
//! found by their common names (or named by the caller), and keeps every other field, typed as
//! it came. Pure Rust; the loader decides what becomes a document.

use serde_json::{Map, Value as Json};

use crate::error::IssueKind;

/// A field's value as the file gave it. CSV has no types: a column is typed as pandas'
/// `read_csv` would type it (all integers, all numbers, all `True`/`False`), else strings.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A JSON number that is not an integer of 64 bits, kept as written (`1.50`, digits beyond
    /// what a float holds), so an id keeps its digits.
    Number(serde_json::Number),
    Str(String),
    /// A JSON list or object, kept whole.
    Nested(Json),
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Where in the file: `#3` for the third record (1-based; for JSONL and CSV, the line).
    pub at: String,
    pub text: String,
    pub id: Option<String>,
    /// As written (`2026-01-19`, `2026-01-19 08:30:00`): the loader parses it.
    pub date: Option<String>,
    pub title: Option<String>,
    /// Every other field (and `url` even when it is the id): CSV/TSV in column order, JSON in
    /// name order.
    pub fields: Vec<(String, Value)>,
}

/// A record that could not be read; the loader turns it into a row of the errors table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub kind: IssueKind,
    pub message: String,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Records {
    pub records: Vec<Record>,
    pub problems: Vec<Problem>,
}

/// Which field holds what. `None` looks for the common names, case-insensitively, in this order.
#[derive(Debug, Default, Clone)]
pub struct FieldMap {
    pub text: Option<String>,
    pub id: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
}

pub const TEXT_NAMES: &[&str] = &["text", "body", "content", "maintext", "article", "article_text", "full_text"];
pub const ID_NAMES: &[&str] = &["id", "uuid", "url"];
pub const DATE_NAMES: &[&str] = &["date", "published", "date_publish", "publish_date", "published_at", "publication_date", "pubdate", "datepublished"];
pub const TITLE_NAMES: &[&str] = &["title", "headline"];

/// The field names each role takes in a record with these keys.
struct Roles {
    text: Option<String>,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
}

impl FieldMap {
    fn resolve<'a>(&self, keys: impl Iterator<Item = &'a str> + Clone) -> Roles {
        let pick = |given: &Option<String>, names: &[&str]| -> Option<String> {
            match given {
                Some(g) => Some(g.clone()),
                None => names.iter().find_map(|n| keys.clone().find(|k| k.eq_ignore_ascii_case(n))).map(str::to_owned),
            }
        };
        Roles { text: pick(&self.text, TEXT_NAMES), id: pick(&self.id, ID_NAMES), date: pick(&self.date, DATE_NAMES), title: pick(&self.title, TITLE_NAMES) }
    }
}

fn problem(at: String, kind: IssueKind, message: impl Into<String>) -> Problem {
    Problem { at, kind, message: message.into() }
}

/// Text for the id/date/title roles: strings trimmed, numbers written out, nothing else.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A record from its fields, or the reason it has no text.
fn record(at: String, fields: Vec<(String, Value)>, map: &FieldMap) -> Result<Record, Problem> {
    let roles = map.resolve(fields.iter().map(|(k, _)| k.as_str()));
    let Some(text_key) = roles.text else {
        let names = map.text.clone().unwrap_or_else(|| TEXT_NAMES.join("`, `"));
        return Err(problem(at, IssueKind::MissingText, format!("no text field (looked for `{names}`)")));
    };
    let mut rec = Record { at, text: String::new(), id: None, date: None, title: None, fields: Vec::new() };
    let mut found_text = false;
    for (k, v) in fields {
        if k == text_key {
            found_text = true;
            match v {
                Value::Str(s) if !s.trim().is_empty() => rec.text = s,
                _ => return Err(problem(rec.at, IssueKind::MissingText, format!("field `{k}` holds no text"))),
            }
        } else if Some(&k) == roles.id.as_ref() && as_text(&v).is_some() {
            rec.id = as_text(&v);
            // A url that serves as the id is still the documents table's `url` column.
            if k.eq_ignore_ascii_case("url") {
                rec.fields.push((k, v));
            }
        } else if Some(&k) == roles.date.as_ref() && as_text(&v).is_some() {
            rec.date = as_text(&v);
        } else if Some(&k) == roles.title.as_ref() && as_text(&v).is_some() {
            rec.title = as_text(&v);
        } else {
            rec.fields.push((k, v));
        }
    }
    if !found_text {
        return Err(problem(rec.at, IssueKind::MissingText, format!("no field `{text_key}`")));
    }
    Ok(rec)
}

/// Fields as one JSON object (None when there are none), typed as they came and in their order
/// (a CSV's columns), written by hand because serde_json's map sorts its keys; a float that JSON
/// cannot hold (NaN) is null.
pub fn fields_json(fields: &[(String, Value)]) -> Option<String> {
    if fields.is_empty() {
        return None;
    }
    let mut out = String::from("{");
    for (i, (k, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Json::String(k.clone()).to_string());
        out.push(':');
        let j = match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => Json::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
            Value::Number(n) => Json::Number(n.clone()),
            Value::Str(s) => Json::String(s.clone()),
            Value::Nested(n) => n.clone(),
        };
        out.push_str(&j.to_string());
    }
    out.push('}');
    Some(out)
}

fn from_json(v: Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::Number(n) => n.as_i64().map_or(Value::Number(n), Value::Int),
        Json::String(s) => Value::Str(s),
        nested => Value::Nested(nested),
    }
}

fn json_record(at: String, obj: Map<String, Json>, map: &FieldMap) -> Result<Record, Problem> {
    record(at, obj.into_iter().map(|(k, v)| (k, from_json(v))).collect(), map)
}

fn collect(items: impl Iterator<Item = Result<Record, Problem>>) -> Records {
    let mut out = Records::default();
    for item in items {
        match item {
            Ok(r) => out.records.push(r),
            Err(p) => out.problems.push(p),
        }
    }
    out
}

/// A `.json` file: an array of articles, an object holding one (`{"articles": [...]}`,
/// `{"data": {"stories": [...]}}`: the first list of objects, breadth first), or one article.
pub fn read_json(src: &str, map: &FieldMap) -> Records {
    let v: Json = match serde_json::from_str(src) {
        Ok(v) => v,
        Err(e) => return Records { problems: vec![problem(String::new(), IssueKind::BadJson, format!("malformed JSON: {e}"))], ..Records::default() },
    };
    let items = match v {
        Json::Array(items) => items,
        Json::Object(obj) => {
            let looks_like_article = map.resolve(obj.keys().map(String::as_str)).text.is_some_and(|k| obj.contains_key(&k));
            if looks_like_article {
                // One article per file (news-please): the file is the record, no `#1`.
                return collect(std::iter::once(json_record(String::new(), obj, map)));
            }
            match take_article_list(obj) {
                Some(items) => items,
                None => {
                    let msg = "a JSON object without a text field or a list of articles";
                    return Records { problems: vec![problem(String::new(), IssueKind::MissingText, msg)], ..Records::default() };
                }
            }
        }
        _ => {
            return Records { problems: vec![problem(String::new(), IssueKind::BadJson, "JSON that is neither an array nor an object")], ..Records::default() }
        }
    };
    collect(items.into_iter().enumerate().map(|(i, item)| {
        let at = format!("#{}", i + 1);
        match item {
            Json::Object(o) => json_record(at, o, map),
            _ => Err(problem(at, IssueKind::BadJson, "array item is not an object")),
        }
    }))
}

/// The first list of objects in an object, looking at shallower levels first.
fn take_article_list(obj: Map<String, Json>) -> Option<Vec<Json>> {
    let mut level = vec![obj];
    while !level.is_empty() {
        let mut next = Vec::new();
        for o in level {
            for (_, v) in o {
                match v {
                    Json::Array(items) if !items.is_empty() && items.iter().all(Json::is_object) => return Some(items),
                    Json::Object(inner) => next.push(inner),
                    _ => {}
                }
            }
        }
        level = next;
    }
    None
}

/// JSON Lines: one article per line; blank lines skipped.
pub fn read_jsonl(src: &str, map: &FieldMap) -> Records {
    collect(src.split('\n').enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, line)| {
        let at = format!("#{}", i + 1);
        match serde_json::from_str::<Json>(line) {
            Ok(Json::Object(o)) => json_record(at, o, map),
            Ok(_) => Err(problem(at, IssueKind::BadJson, "line is JSON but not an object")),
            Err(e) => Err(problem(at, IssueKind::BadJson, format!("malformed JSON: {e}"))),
        }
    }))
}

/// CSV (`b','`) or TSV (`b'\t'`) with a header row. Quoted fields may hold newlines.
pub fn read_delimited(src: &str, delimiter: u8, map: &FieldMap) -> Records {
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(false).from_reader(src.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim_start_matches('\u{feff}').to_owned()).collect(),
        Err(e) => return Records { problems: vec![problem(String::new(), IssueKind::BadCsv, e.to_string())], ..Records::default() },
    };
    let mut rows = Vec::new();
    let mut out = Records::default();
    for row in reader.records() {
        match row {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                rows.push((format!("#{line}"), r.iter().map(str::to_owned).collect::<Vec<_>>()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.problems.push(problem(format!("#{line}"), IssueKind::BadCsv, e.to_string()));
            }
        }
    }
    let types: Vec<ColumnType> = (0..header.len()).map(|c| column_type(rows.iter().map(|(_, r)| r[c].as_str()))).collect();
    for (at, row) in rows {
        let fields = header.iter().cloned().zip(row.into_iter().zip(&types).map(|(cell, t)| t.value(cell))).collect();
        match record(at, fields, map) {
            Ok(r) => out.records.push(r),
            Err(p) => out.problems.push(p),
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnType {
    Int,
    Float,
    Bool,
    Str,
}

/// pandas' inference: empty cells are missing; a column of integers is int, of numbers float,
/// of `True`/`False` (any case) bool; anything else string.
fn column_type<'a>(cells: impl Iterator<Item = &'a str>) -> ColumnType {
    let (mut int, mut float, mut boolean, mut any) = (true, true, true, false);
    for c in cells.map(str::trim).filter(|c| !c.is_empty()) {
        any = true;
        int &= c.parse::<i64>().is_ok();
        float &= c.parse::<f64>().is_ok();
        boolean &= c.eq_ignore_ascii_case("true") || c.eq_ignore_ascii_case("false");
        if !(int || float || boolean) {
            return ColumnType::Str;
        }
    }
    match (any, int, float, boolean) {
        (false, ..) => ColumnType::Str,
        (_, true, ..) => ColumnType::Int,
        (_, _, true, _) => ColumnType::Float,
        (_, _, _, true) => ColumnType::Bool,
        _ => ColumnType::Str,
    }
}

impl ColumnType {
    fn value(self, cell: String) -> Value {
        let t = cell.trim();
        if t.is_empty() {
            return Value::Null;
        }
        match self {
            ColumnType::Int => t.parse().map(Value::Int).unwrap_or(Value::Str(cell)),
            ColumnType::Float => t.parse().map(Value::Float).unwrap_or(Value::Str(cell)),
            ColumnType::Bool => Value::Bool(t.eq_ignore_ascii_case("true")),
            ColumnType::Str => Value::Str(cell),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(r: &'a Record, k: &str) -> Option<&'a Value> {
        r.fields.iter().find(|(n, _)| n == k).map(|(_, v)| v)
    }

    #[test]
    fn news_please_object_found_by_common_names_and_other_fields_kept() {
        let src = r#"{"authors": ["Minh Anh"], "date_download": null, "date_publish": "2026-01-19 08:30:00",
            "description": "Congress opens", "language": "en", "maintext": "Tô Lâm spoke.", "source_domain": "vietnamnews.vn",
            "title": "Congress opens", "url": "https://vietnamnews.vn/a.html", "word_count": 3, "score": 0.5, "featured": true}"#;
        let r = read_json(src, &FieldMap::default());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let rec = &r.records[0];
        assert_eq!(rec.text, "Tô Lâm spoke.");
        assert_eq!(rec.id.as_deref(), Some("https://vietnamnews.vn/a.html"));
        assert_eq!(rec.date.as_deref(), Some("2026-01-19 08:30:00"));
        assert_eq!(rec.title.as_deref(), Some("Congress opens"));
        let names: Vec<_> = rec.fields.iter().map(|(k, _)| k.as_str()).collect();
        // JSON fields come in name order (serde_json's map is sorted), so every record of a file agrees.
        assert_eq!(names, ["authors", "date_download", "description", "featured", "language", "score", "source_domain", "url", "word_count"]);
        assert_eq!(field(rec, "word_count"), Some(&Value::Int(3)));
        assert_eq!(field(rec, "score").map(as_text), Some(Some("0.5".into())));
        assert_eq!(field(rec, "featured"), Some(&Value::Bool(true)));
        assert_eq!(field(rec, "date_download"), Some(&Value::Null));
        assert_eq!(field(rec, "authors"), Some(&Value::Nested(serde_json::json!(["Minh Anh"]))));
    }

    #[test]
    fn json_array_and_wrapped_lists_with_caller_names() {
        let map = FieldMap { text: Some("story".into()), id: Some("stories_id".into()), ..Default::default() };
        let src = r#"{"meta": {"count": 2}, "data": {"stories": [
            {"stories_id": 11, "story": "One.", "publish_date": "2026-01-20", "media_name": "VNA"},
            {"stories_id": 12, "story": "  ", "publish_date": "2026-01-21"},
            {"stories_id": 13, "headline": "Three"}]}}"#;
        let r = read_json(src, &map);
        assert_eq!(r.records.len(), 1);
        let rec = &r.records[0];
        assert_eq!((rec.id.as_deref(), rec.date.as_deref(), rec.at.as_str()), (Some("11"), Some("2026-01-20"), "#1"));
        assert_eq!(field(rec, "media_name"), Some(&Value::Str("VNA".into())));
        let probs: Vec<_> = r.problems.iter().map(|p| (p.at.as_str(), p.kind)).collect();
        assert_eq!(probs, [("#2", IssueKind::MissingText), ("#3", IssueKind::MissingText)]);

        let r = read_json(r#"[{"Body": "A."}, 3, {"content": "C.", "ID": "x"}]"#, &FieldMap::default());
        let texts: Vec<_> = r.records.iter().map(|r| (r.text.as_str(), r.id.as_deref())).collect();
        assert_eq!(texts, [("A.", None), ("C.", Some("x"))]);
        assert_eq!(r.problems[0].kind, IssueKind::BadJson);
        for bad in ["{oops", "42", r#"{"a": 1}"#] {
            let r = read_json(bad, &FieldMap::default());
            assert!(r.records.is_empty() && r.problems.len() == 1, "{bad}");
        }
    }

    #[test]
    fn jsonl_lines_numbered_and_bad_lines_reported() {
        let r = read_jsonl("{\"text\": \"One.\", \"id\": \"a\"}\n\n{bad\n[1]\n{\"article\": \"Four.\"}\n", &FieldMap::default());
        let got: Vec<_> = r.records.iter().map(|r| (r.at.as_str(), r.text.as_str())).collect();
        assert_eq!(got, [("#1", "One."), ("#5", "Four.")]);
        let probs: Vec<_> = r.problems.iter().map(|p| (p.at.as_str(), p.kind)).collect();
        assert_eq!(probs, [("#3", IssueKind::BadJson), ("#4", IssueKind::BadJson)]);
    }

    #[test]
    fn csv_columns_typed_like_pandas() {
        let src = "\u{feff}id,title,body,published,shares,score,paywall,tags\n\
                   1,First,\"Line one.\nLine two, with a comma.\",2026-01-19,10,1.5,true,x\n\
                   2,Second,Second text.,2026-01-20,,2,FALSE,\n";
        let r = read_delimited(src, b',', &FieldMap::default());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.records.len(), 2);
        let (a, b) = (&r.records[0], &r.records[1]);
        assert_eq!(a.text, "Line one.\nLine two, with a comma.");
        assert_eq!((a.id.as_deref(), a.title.as_deref(), a.date.as_deref()), (Some("1"), Some("First"), Some("2026-01-19")));
        assert_eq!(field(a, "shares"), Some(&Value::Int(10)));
        assert_eq!(field(b, "shares"), Some(&Value::Null));
        assert_eq!(field(b, "score"), Some(&Value::Float(2.0)));
        assert_eq!(field(a, "paywall"), Some(&Value::Bool(true)));
        assert_eq!(field(b, "paywall"), Some(&Value::Bool(false)));
        assert_eq!(field(b, "tags"), Some(&Value::Null));
        // The record's place is its line in the file (the header is line 1).
        assert_eq!((a.at.as_str(), b.at.as_str()), ("#2", "#4"));
    }

    #[test]
    fn tsv_and_ragged_rows() {
        let src = "uuid\tcontent\tpage\nu1\tText one.\t3\nu2\tonly two cells\nu3\tText three.\tA1\n";
        let r = read_delimited(src, b'\t', &FieldMap::default());
        let ids: Vec<_> = r.records.iter().map(|r| r.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["u1", "u3"]);
        // One cell not a number: the column stays strings, as pandas would read it.
        assert_eq!(field(&r.records[0], "page"), Some(&Value::Str("3".into())));
        assert_eq!(r.problems.len(), 1);
        assert_eq!((r.problems[0].at.as_str(), r.problems[0].kind), ("#3", IssueKind::BadCsv));
        let r = read_delimited("title,summary\nA,b\n", b',', &FieldMap::default());
        assert_eq!(r.problems[0].kind, IssueKind::MissingText);
    }
}
