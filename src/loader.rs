//! Reading one input into documents and error rows (`pipeline` runs it over many inputs in
//! parallel, in input order). Every input yields its documents and its problems.

use chrono::NaiveDate;

use crate::clean::{clean, CleanOptions};
use crate::decode::{decode, normalise_newlines, Decoded};
use crate::discover::{Format, Input};
use crate::document::{sha256_hex, Document};
use crate::error::{Issue, IssueKind};
use crate::ids::Ids;
use crate::records::{self, FieldMap, Record};

/// Default `max_bytes`: far above any article, low enough that a stray database dump is refused.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most text one file may give, whatever `max_bytes` says: half of what an Arrow string
/// column holds, so its record batch has room for the rest of the row.
pub const MAX_TEXT_BYTES: usize = crate::tables::BATCH_BYTES / 2;

/// Which parts of a document besides its body are searched for mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Zones {
    pub title: bool,
    pub caption: bool,
}

impl Zones {
    /// From zone names (`body`, `title`, `caption`); `body` is always searched.
    pub fn parse<S: AsRef<str>>(names: &[S]) -> Result<Zones, String> {
        let mut z = Zones::default();
        for n in names {
            match n.as_ref() {
                "body" => {}
                "title" => z.title = true,
                "caption" | "captions" => z.caption = true,
                other => return Err(format!("unknown zone {other:?}: the zones are \"body\", \"title\" and \"caption\"")),
            }
        }
        Ok(z)
    }
}

/// Everything a load is told, besides what to load and the extractor.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_bytes: u64,
    /// Bytes of strings one record batch holds (`tables::BATCH_BYTES`; smaller in tests).
    pub batch_bytes: usize,
    /// Split sentences for `n_sentences` (off when extraction follows and splits them itself).
    pub count_sentences: bool,
    /// With extraction, find who said what (the quotes table); off saves its cost.
    pub quotes: bool,
    /// Which field of a JSON, JSON Lines, CSV or TSV record holds the text, id, date and title.
    pub fields: FieldMap,
    pub zones: Zones,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            batch_bytes: crate::tables::BATCH_BYTES,
            count_sentences: true,
            quotes: true,
            fields: FieldMap::default(),
            zones: Zones::default(),
        }
    }
}

/// What loading some inputs produced.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub issues: Vec<Issue>,
}

/// Load one input file.
pub fn load_one(input: &Input, opts: &LoadOptions) -> Loaded {
    let path = input.display_path();
    let mut out = Loaded::default();
    // One open and one fstat per file (a path lookup is a good part of reading a small file).
    // Non-blocking, so that a FIFO does not hang the open; it is then refused as not regular.
    let opened = crate::platform::open_for_reading(&input.path);
    let (mut file, meta) = match opened.and_then(|f| f.metadata().map(|m| (f, m))) {
        Ok(x) => x,
        Err(e) => {
            let kind = if e.kind() == std::io::ErrorKind::NotFound { IssueKind::NotFound } else { IssueKind::Unreadable };
            out.issues.push(Issue::new(path, kind, e.to_string(), false));
            return out;
        }
    };
    if !meta.is_file() {
        out.issues.push(Issue::new(path, IssueKind::NotRegular, "not a regular file: skipped", false));
        return out;
    }
    if meta.len() > opts.max_bytes {
        let msg = format!("{} bytes is over max_bytes={}: skipped", meta.len(), opts.max_bytes);
        out.issues.push(Issue::new(path, IssueKind::TooLarge, msg, false));
        return out;
    }
    // Read with the limit, not only checked against the size the file claims: `/proc` and
    // `/sys` files say 0 bytes and then yield without end.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    if let Err(e) = std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, opts.max_bytes.saturating_add(1)), &mut bytes) {
        out.issues.push(Issue::new(path, IssueKind::Unreadable, e.to_string(), false));
        return out;
    }
    if bytes.len() as u64 > opts.max_bytes {
        let msg = format!("more than max_bytes={} bytes (the file said {}): skipped", opts.max_bytes, meta.len());
        out.issues.push(Issue::new(path, IssueKind::TooLarge, msg, false));
        return out;
    }
    // The raw bytes' hash and emptiness are taken first: decoding consumes them, without a copy.
    let sha256 = matches!(input.format, Format::Text | Format::Html).then(|| sha256_hex(&bytes));
    let was_empty = bytes.is_empty();
    let text = match decode(bytes) {
        Decoded::Text(t) => t,
        Decoded::Fallback(t, msg) => {
            out.issues.push(Issue::new(path.clone(), IssueKind::NotUtf8, msg, true));
            t
        }
        Decoded::Binary(msg) => {
            out.issues.push(Issue::new(path, IssueKind::Binary, msg, false));
            return out;
        }
    };
    let text = normalise_newlines(&text);
    // One document's text is one cell of a record batch: it must stay well inside a column.
    if text.len() > MAX_TEXT_BYTES {
        let msg = format!("{} bytes of text is more than one document may hold ({MAX_TEXT_BYTES}): skipped", text.len());
        out.issues.push(Issue::new(path, IssueKind::TooLarge, msg, false));
        return out;
    }
    if text.chars().all(invisible) {
        let msg = if was_empty { "file is empty" } else { "file holds only whitespace or invisible characters" };
        out.issues.push(Issue::new(path, IssueKind::Empty, msg, false));
        return out;
    }
    let map = &opts.fields;
    match input.format {
        Format::Text => {
            let doc = from_text(input.doc_id.clone(), path, &text, sha256.unwrap_or_default(), Meta::default(), opts.count_sentences);
            out.documents.push(doc);
        }
        Format::Html => load_html(input, path, &text, sha256.unwrap_or_default(), opts.count_sentences, &mut out),
        Format::JsonLines => load_records(input, &path, records::read_jsonl(&text, map), opts.count_sentences, &mut out),
        Format::Json => load_records(input, &path, records::read_json(&text, map), opts.count_sentences, &mut out),
        Format::Csv => load_records(input, &path, records::read_delimited(&text, b',', map), opts.count_sentences, &mut out),
        Format::Tsv => load_records(input, &path, records::read_delimited(&text, b'\t', map), opts.count_sentences, &mut out),
    }
    out
}

/// Whitespace, and the format characters that show nothing (zero-width space and joiners, word
/// joiner, soft hyphen, byte-order mark, direction marks): a file of only these is empty.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Metadata a container format (JSONL) supplies; it wins over what the cleaner finds.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// The other fields, as `Document::fields`.
    pub fields: Option<String>,
}

/// Build a document from article text (used for files, JSONL records and in-memory strings).
pub fn from_text(doc_id: String, path: String, raw: &str, sha256: String, meta: Meta, count_sentences: bool) -> Document {
    let c = clean(raw, CleanOptions { detect_title: meta.title.is_none() });
    let mut text = c.text;
    // A JSONL body that repeats its title as the first line.
    if let Some(t) = meta.title.as_deref() {
        if let Some(rest) = text.strip_prefix(t.trim()) {
            if rest.starts_with('\n') {
                text = rest.trim_start().to_owned();
            }
        }
    }
    let source = meta.source.or_else(|| (!c.sources.is_empty()).then(|| c.sources.join("/")));
    Document {
        doc_id,
        path,
        title: meta.title.or(c.title),
        date: meta.date.or(c.date),
        dateline: c.dateline,
        source,
        url: meta.url,
        text,
        n_chars: 0,
        n_words: 0,
        n_sentences: 0,
        sha256,
        captions: c.captions,
        related: c.related,
        fields: meta.fields,
    }
    .with_counts(count_sentences)
}

/// `2026-01-08`, `2026-01-08T10:00:00+07:00`, `2026/01/08`: the day part.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head: String = s.chars().take(10).collect();
    NaiveDate::parse_from_str(&head, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(&head, "%Y/%m/%d")).ok()
}

/// A saved web page: its article, title, date and author from `html::extract`, cleaned like a
/// text file (dateline, credit, captions); the page's captions come before those the cleaner finds.
fn load_html(input: &Input, path: String, page_src: &str, sha256: String, count_sentences: bool, out: &mut Loaded) {
    let page = crate::html::extract(page_src);
    if page.text.trim().is_empty() {
        out.issues.push(Issue::new(path, IssueKind::MissingText, "no article text found in the page", false));
        return;
    }
    let date = page.date.as_deref().and_then(parse_date);
    if let (Some(raw), None) = (&page.date, date) {
        out.issues.push(Issue::new(path.clone(), IssueKind::BadDate, format!("unrecognised date {raw:?}: left empty"), true));
    }
    let mut fields: Vec<(String, records::Value)> = Vec::new();
    if let Some(a) = page.author {
        fields.push(("author".into(), records::Value::Str(a)));
    }
    let mut url = None;
    for (k, v) in page.metadata {
        if k == "url" {
            url = Some(v);
        } else {
            fields.push((k, records::Value::Str(v)));
        }
    }
    let meta = Meta { title: page.title, date, source: None, url, fields: records::fields_json(&fields) };
    let mut doc = from_text(input.doc_id.clone(), path, &normalise_newlines(&page.text), sha256, meta, count_sentences);
    if !page.captions.is_empty() {
        let mut captions = page.captions;
        captions.append(&mut doc.captions);
        doc.captions = captions;
    }
    out.documents.push(doc);
}

/// The records of a JSON, JSON Lines, CSV or TSV file as documents. A record's id is its id
/// field, else the file's id and its place (`file#3`), made unique within the file; `url` and
/// `source` fields fill those columns; the rest are kept as `fields`.
fn load_records(input: &Input, path: &str, read: records::Records, count_sentences: bool, out: &mut Loaded) {
    let place_of = |at: &str| -> Option<usize> { at.strip_prefix('#').and_then(|n| n.parse().ok()) };
    // Problems in the order of the file (records' problems and the unreadable ones are found apart).
    let mut issues: Vec<(usize, Issue)> =
        read.problems.into_iter().map(|p| (place_of(&p.at).unwrap_or(0), Issue::new(format!("{path}{}", p.at), p.kind, p.message, false))).collect();
    let mut ids = Ids::default();
    for rec in read.records {
        let Record { at, text, id, date: date_raw, title, mut fields } = rec;
        let place = place_of(&at);
        let shown = format!("{path}{at}");
        let wanted = id.unwrap_or_else(|| format!("{}{at}", input.doc_id));
        let doc_id = ids.claim(&wanted, place);
        if doc_id != wanted {
            let msg = format!("id {wanted:?} seen before in this file: loaded as {doc_id:?}");
            issues.push((place.unwrap_or(0), Issue::new(shown.clone(), IssueKind::DuplicateId, msg, true)));
        }
        let date = date_raw.as_deref().and_then(parse_date);
        if let (Some(raw), None) = (&date_raw, date) {
            issues.push((place.unwrap_or(0), Issue::new(shown.clone(), IssueKind::BadDate, format!("unrecognised date {raw:?}: left empty"), true)));
        }
        // A `url` or `source` field fills that column (a null one too, so it is not a column twice).
        let take_str = |fields: &mut Vec<(String, records::Value)>, name: &str| -> Option<String> {
            let i = fields.iter().position(|(k, v)| k == name && matches!(v, records::Value::Str(_) | records::Value::Null))?;
            match fields.remove(i).1 {
                records::Value::Str(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
                _ => None,
            }
        };
        let url = take_str(&mut fields, "url");
        let source = take_str(&mut fields, "source");
        let meta = Meta { title, date, source, url, fields: records::fields_json(&fields) };
        let sha = sha256_hex(text.as_bytes());
        let body = normalise_newlines(&text);
        out.documents.push(from_text(doc_id, shown, body.as_ref(), sha, meta, count_sentences));
    }
    issues.sort_by_key(|(place, _)| *place);
    out.issues.extend(issues.into_iter().map(|(_, i)| i));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    fn input(dir: &str, name: &str, bytes: &[u8]) -> Input {
        let d = std::env::temp_dir().join(format!("cc-loader-{dir}-{}", std::process::id()));
        fs::create_dir_all(&d).unwrap();
        let p = d.join(name);
        fs::write(&p, bytes).unwrap();
        let format = crate::discover::format_of(std::path::Path::new(name)).unwrap_or(Format::Text);
        Input { path: p, doc_id: PathBuf::from(name).with_extension("").to_string_lossy().into_owned(), format }
    }

    #[test]
    fn text_file_loaded_with_counts() {
        let i = input("t", "a.txt", " date 2026-01-08 HÀ NỘI — Tô Lâm met them. They agreed. VNS".as_bytes());
        let r = load_one(&i, &LoadOptions::default());
        assert!(r.issues.is_empty());
        let d = &r.documents[0];
        assert_eq!(d.text, "Tô Lâm met them. They agreed.");
        assert_eq!((d.n_chars, d.n_words, d.n_sentences), (29, 6, 2));
        assert_eq!(d.source.as_deref(), Some("VNS"));
    }

    #[test]
    fn each_problem_is_one_row() {
        let opts = LoadOptions { max_bytes: 100, ..Default::default() };
        let cases: [(&str, &[u8], IssueKind, bool); 5] = [
            ("empty.txt", b"", IssueKind::Empty, false),
            ("ws.txt", b"  \n\t\n", IssueKind::Empty, false),
            ("big.txt", &[b'a'; 200], IssueKind::TooLarge, false),
            ("latin.txt", b"caf\xe9 au lait", IssueKind::NotUtf8, true),
            ("zw.txt", "\u{200b}\u{200d} \u{feff}\u{2060}".as_bytes(), IssueKind::Empty, false),
        ];
        for (name, bytes, kind, loaded) in cases {
            let r = load_one(&input("p", name, bytes), &opts);
            assert_eq!(r.issues.len(), 1, "{name}");
            assert_eq!(r.issues[0].kind, kind, "{name}");
            assert_eq!(r.documents.len(), usize::from(loaded), "{name}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn limit_holds_for_files_that_claim_no_size() {
        // `/proc/self/maps` says 0 bytes: read with the limit, it is refused, not read whole.
        let i = Input { path: "/proc/self/maps".into(), doc_id: "maps".into(), format: Format::Text };
        let r = load_one(&i, &LoadOptions { max_bytes: 16, ..Default::default() });
        assert_eq!(r.issues.iter().map(|i| i.kind).collect::<Vec<_>>(), [IssueKind::TooLarge]);
    }

    #[test]
    fn jsonl_records_and_problems() {
        let body = concat!(
            r#"{"id": "a", "text": "HANOI (AP) — One.", "date": "2026-01-20", "title": "T"}"#,
            "\n",
            "{not json\n",
            r#"{"id": "b"}"#,
            "\n",
            r#"{"id": "a", "text": "Two."}"#,
            "\n",
        );
        let r = load_one(&input("j", "c.jsonl", body.as_bytes()), &LoadOptions::default());
        let ids: Vec<_> = r.documents.iter().map(|d| d.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "a#4"]);
        assert_eq!(r.documents[0].date, NaiveDate::from_ymd_opt(2026, 1, 20));
        assert_eq!(r.documents[0].title.as_deref(), Some("T"));
        assert_eq!(r.documents[0].dateline.as_deref(), Some("HANOI"));
        let kinds: Vec<_> = r.issues.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, [IssueKind::BadJson, IssueKind::MissingText, IssueKind::DuplicateId]);
        assert!(r.issues[0].path.ends_with("c.jsonl#2"));
    }

    #[test]
    fn records_keep_their_fields_and_pages_their_metadata() {
        let csv = "id,headline,body,date,shares,url\nx1,Talks,Tô Lâm met Lao leaders.,2026-01-25,3,https://e.example/1\nx2,Later,Hue hosted it.,soon,,\n";
        let r = load_one(&input("r", "e.csv", csv.as_bytes()), &LoadOptions::default());
        let d = &r.documents;
        assert_eq!(d.iter().map(|d| d.doc_id.as_str()).collect::<Vec<_>>(), ["x1", "x2"]);
        assert_eq!((d[0].title.as_deref(), d[0].date, d[0].url.as_deref()), (Some("Talks"), NaiveDate::from_ymd_opt(2026, 1, 25), Some("https://e.example/1")));
        // The url went to its column; what is left keeps its type (a null where a cell is empty).
        assert_eq!(d[0].fields.as_deref(), Some(r#"{"shares":3}"#));
        assert_eq!(d[1].fields.as_deref(), Some(r#"{"shares":null}"#));
        assert_eq!(r.issues.iter().map(|i| (i.kind, i.loaded, i.path.ends_with("e.csv#3"))).collect::<Vec<_>>(), [(IssueKind::BadDate, true, true)]);

        let page = r#"<html><head><title>Talks | Site</title><meta property="og:title" content="Talks">
            <meta property="article:published_time" content="2026-01-25T08:00:00+07:00"><meta property="og:url" content="https://e.example/2">
            <meta name="author" content="Lan"></head><body><nav><a href="/">Home</a></nav><article><h1>Talks</h1>
            <p>HÀ NỘI — Tô Lâm met Lao leaders on Sunday, the ministry said in a statement on its website.</p>
            <figure><img src="a.jpg"><figcaption>Tô Lâm in Hà Nội.</figcaption></figure></article></body></html>"#;
        let r = load_one(&input("r", "p.html", page.as_bytes()), &LoadOptions::default());
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let d = &r.documents[0];
        assert_eq!((d.doc_id.as_str(), d.title.as_deref(), d.date), ("p", Some("Talks"), NaiveDate::from_ymd_opt(2026, 1, 25)));
        assert_eq!((d.dateline.as_deref(), d.url.as_deref()), (Some("HÀ NỘI"), Some("https://e.example/2")));
        assert!(d.text.starts_with("Tô Lâm met Lao leaders on Sunday"), "{}", d.text);
        assert_eq!(d.captions, ["Tô Lâm in Hà Nội."]);
        assert!(d.fields.as_deref().is_some_and(|f| f.starts_with(r#"{"author":"Lan""#)), "{:?}", d.fields);
        assert_eq!(d.sha256, sha256_hex(page.as_bytes()));
        let r = load_one(&input("r", "empty.htm", b"<html><body><nav>Home</nav></body></html>"), &LoadOptions::default());
        assert_eq!(r.issues.iter().map(|i| i.kind).collect::<Vec<_>>(), [IssueKind::MissingText]);
    }
}
