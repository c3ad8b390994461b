//! The tables of the data contract as Arrow record batches, built column by column in Rust.
//! pandas, polars, pyarrow and DuckDB read them through the Arrow C stream interface without a
//! Python object per row (the binding only wraps them in a capsule).

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, ListBuilder, StringBuilder, TimestampSecondBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, DictionaryArray, Float64Array, Int32Array, Int64Array, Int8Array, ListArray, RecordBatch, StringArray, TimestampSecondArray,
};
use arrow_schema::{ArrowError, DataType, Field, Schema, TimeUnit};
use chrono::NaiveDate;

use crate::document::Document;
use crate::entities::{EntityRow, Partial, PartialRow};
use crate::error::Issue;
use crate::extract::DocResult;
use crate::label::Label;
use crate::mention::Mention;
use crate::quotes::{Quote, Speaker};
use crate::values;

/// Bytes the string columns of one record batch may hold: Arrow's `Utf8` has 32-bit offsets,
/// so a column stops at 2 GiB. Tables are cut into record batches below this, by size.
pub const BATCH_BYTES: usize = i32::MAX as usize;

/// Consecutive row ranges whose `weights` add up to at most `limit` (a row heavier than the
/// limit alone in its range).
pub fn cut(weights: impl Iterator<Item = usize>, limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut bytes, mut n) = (0, 0usize, 0);
    for (i, w) in weights.enumerate() {
        if bytes > 0 && bytes.saturating_add(w) > limit {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes = bytes.saturating_add(w);
        n = i + 1;
    }
    if n > start {
        out.push(start..n);
    }
    out
}

/// The bytes a document adds to the string columns of the documents table.
pub fn document_bytes(d: &Document) -> usize {
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    d.doc_id.len()
        + d.path.len()
        + d.text.len()
        + d.sha256.len()
        + opt(&d.title)
        + opt(&d.dateline)
        + opt(&d.source)
        + opt(&d.url)
        + opt(&d.related)
        + opt(&d.fields)
        + d.captions.iter().map(String::len).sum::<usize>()
}

/// The bytes a mention adds to the string columns of the mentions table (before `canonical`,
/// which `with_names` fills and cuts by itself).
pub fn mention_bytes(doc_id: &str, m: &Mention) -> usize {
    doc_id.len() + (m.bend - m.bstart) + m.label.entity_id_len(&m.key) + m.value.as_ref().map_or(0, String::len) + m.unit.as_ref().map_or(0, String::len)
}

/// The bytes a quote adds to the string columns of the quotes table (`speaker` counted as
/// written, which `with_names` replaces for entities and cuts by itself).
pub fn quote_bytes(doc_id: &str, text: &str, q: &Quote) -> usize {
    let speaker = match &q.speaker {
        Some(Speaker::Entity(l, k)) => l.entity_id_len(k),
        Some(Speaker::Words(w)) => w.len(),
        None => 0,
    };
    doc_id.len() + q.text(text).len() + q.kind.as_str().len() + speaker + q.cue(text).len()
}

/// The bytes a role adds to the string columns of the roles table (before `person`).
pub fn role_bytes(doc_id: &str, r: &crate::roles::Role) -> usize {
    doc_id.len() + Label::Person.entity_id_len(&r.person_key) + r.role.len() + r.org_entity_id.as_ref().map_or(0, String::len)
}

fn seconds(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp())
}

fn text_field(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int_field(name: &str) -> Field {
    Field::new(name, DataType::Int64, false)
}

/// Sentence indices and offsets: int32 (the contract says `int`), which takes a tenth off the
/// mentions table, the largest thing a load keeps.
fn position_field(name: &str) -> Field {
    Field::new(name, DataType::Int32, false)
}

fn date_field(name: &str) -> Field {
    Field::new(name, DataType::Timestamp(TimeUnit::Second, None), true)
}

fn dictionary_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
}

/// Labels as a dictionary column whose dictionary is always the 18 labels in contract order, so
/// every table (and every partition) has the same categories.
fn labels(values: impl Iterator<Item = Label> + Clone) -> ArrayRef {
    let mut keys = Vec::with_capacity(values.clone().count());
    // `Label::ALL` is in declaration order (checked at compile time), so a label's discriminant
    // is its index in the dictionary.
    keys.extend(values.map(|l| l as i8));
    let dict = StringArray::from(Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>());
    Arc::new(DictionaryArray::<Int8Type>::try_new(Int8Array::from(keys), Arc::new(dict)).expect("keys index the dictionary"))
}

// Columns are sized exactly, by a first pass over the values: a builder left to grow holds up
// to twice the memory it needs for as long as the table lives (and copies itself as it grows).

pub fn strings<'a>(values: impl Iterator<Item = Option<&'a str>> + Clone) -> ArrayRef {
    let (n, bytes) = values.clone().fold((0, 0), |(n, b), v| (n + 1, b + v.map_or(0, str::len)));
    let mut b = StringBuilder::with_capacity(n, bytes);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

fn ints(values: impl Iterator<Item = i64> + Clone) -> ArrayRef {
    let mut v = Vec::with_capacity(values.clone().count());
    v.extend(values);
    Arc::new(Int64Array::from(v))
}

/// Positions as int32. Only a document of over 2^31 characters overflows, and it is refused with
/// an error rather than wrapped.
fn positions(values: impl Iterator<Item = usize> + Clone) -> Result<ArrayRef, ArrowError> {
    let mut v = Vec::with_capacity(values.clone().count());
    for x in values {
        v.push(i32::try_from(x).map_err(|_| ArrowError::ComputeError(format!("position {x} is beyond int32: a document of over 2^31 characters")))?);
    }
    Ok(Arc::new(Int32Array::from(v)))
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>> + Clone) -> ArrayRef {
    let mut b = TimestampSecondBuilder::with_capacity(values.clone().count());
    for v in values {
        b.append_option(v.map(seconds));
    }
    Arc::new(b.finish())
}

fn batch(fields: Vec<Field>, columns: Vec<ArrayRef>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

/// A list-of-strings column, one list per row.
fn string_lists<'a>(rows: impl Iterator<Item = &'a [String]>) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for row in rows {
        for s in row {
            b.values().append_value(s);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

pub fn documents(docs: &[Document]) -> Result<RecordBatch, ArrowError> {
    let captions = string_lists(docs.iter().map(|d| d.captions.as_slice()));
    batch(
        vec![
            text_field("doc_id", false),
            text_field("path", false),
            text_field("title", true),
            date_field("date"),
            text_field("dateline", true),
            text_field("source", true),
            text_field("url", true),
            text_field("text", false),
            int_field("n_chars"),
            int_field("n_words"),
            int_field("n_sentences"),
            text_field("sha256", false),
            Field::new("captions", captions.data_type().clone(), false),
            text_field("related", true),
            text_field("fields", true),
        ],
        vec![
            strings(docs.iter().map(|d| Some(d.doc_id.as_str()))),
            strings(docs.iter().map(|d| Some(d.path.as_str()))),
            strings(docs.iter().map(|d| d.title.as_deref())),
            dates(docs.iter().map(|d| d.date)),
            strings(docs.iter().map(|d| d.dateline.as_deref())),
            strings(docs.iter().map(|d| d.source.as_deref())),
            strings(docs.iter().map(|d| d.url.as_deref())),
            strings(docs.iter().map(|d| Some(d.text.as_str()))),
            ints(docs.iter().map(|d| d.n_chars as i64)),
            ints(docs.iter().map(|d| d.n_words as i64)),
            ints(docs.iter().map(|d| d.n_sentences as i64)),
            strings(docs.iter().map(|d| Some(d.sha256.as_str()))),
            captions,
            strings(docs.iter().map(|d| d.related.as_deref())),
            strings(docs.iter().map(|d| d.fields.as_deref())),
        ],
    )
}

pub fn errors(issues: &[Issue]) -> Result<RecordBatch, ArrowError> {
    let mut loaded = BooleanBuilder::new();
    for i in issues {
        loaded.append_value(i.loaded);
    }
    batch(
        vec![text_field("path", false), text_field("kind", false), text_field("message", false), Field::new("loaded", DataType::Boolean, false)],
        vec![
            strings(issues.iter().map(|i| Some(i.path.as_str()))),
            strings(issues.iter().map(|i| Some(i.kind.as_str()))),
            strings(issues.iter().map(|i| Some(i.message.as_str()))),
            Arc::new(loaded.finish()),
        ],
    )
}

/// Where in a document a mention was found: the `zone` column. Offsets index `text`, `title`
/// or `captions[zone_index]` of the documents table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    #[default]
    Body,
    Title,
    Caption,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Body, Zone::Title, Zone::Caption];

    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Body => "body",
            Zone::Title => "title",
            Zone::Caption => "caption",
        }
    }
}

/// One document's inputs to the mentions, roles and quotes tables (all its rows, or the part of
/// them that one record batch holds), for one zone of it.
#[derive(Clone, Copy)]
pub struct DocView<'a> {
    pub doc_id: &'a str,
    /// The zone's text, which the mentions' offsets index.
    pub text: &'a str,
    pub mentions: &'a [Mention],
    pub roles: &'a [crate::roles::Role],
    pub quotes: &'a [Quote],
    pub zone: Zone,
    pub zone_index: u32,
}

impl<'a> DocView<'a> {
    pub fn new(doc_id: &'a str, text: &'a str, result: &'a DocResult, quotes: &'a [Quote]) -> Self {
        DocView { doc_id, text, mentions: &result.mentions, roles: &result.roles, quotes, zone: Zone::Body, zone_index: 0 }
    }
}

/// The zone column: a dictionary of the three zones, always in the same order, like labels.
fn zones(values: impl Iterator<Item = Zone>) -> ArrayRef {
    let keys: Int8Array = values.map(|z| Zone::ALL.iter().position(|a| *a == z).unwrap_or(0) as i8).collect();
    let dict = StringArray::from(Zone::ALL.iter().map(|z| z.as_str()).collect::<Vec<_>>());
    Arc::new(DictionaryArray::<Int8Type>::try_new(keys, Arc::new(dict)).expect("keys index the dictionary"))
}

/// Column of display names, looked up by the entity ids in column `ids` of `batch`; the names
/// are known only once the whole corpus is seen, so they are filled in last. Where the id is
/// null (a quote's speaker who is no entity) the name already there is kept. The batch is cut
/// in several where the names would hold more than `limit` bytes.
pub fn with_names(batch: &RecordBatch, ids: usize, target: usize, names: &HashMap<&str, &str>, limit: usize) -> Result<Vec<RecordBatch>, ArrowError> {
    let as_strings =
        |i: usize| batch.column(i).as_any().downcast_ref::<StringArray>().ok_or_else(|| ArrowError::SchemaError("entity ids and names are not strings".into()));
    let (id_col, kept) = (as_strings(ids)?, as_strings(target)?);
    let named: Vec<Option<&str>> = id_col
        .iter()
        .zip(kept.iter())
        .map(|(id, kept)| match id {
            Some(id) => Some(names.get(id).copied().unwrap_or(id.split_once(':').map_or(id, |x| x.1))),
            None => kept,
        })
        .collect();
    cut(named.iter().map(|s| s.map_or(0, str::len)), limit)
        .into_iter()
        .map(|rows| {
            let part = batch.slice(rows.start, rows.len());
            let mut cols = part.columns().to_vec();
            cols[target] = strings(named[rows].iter().copied());
            RecordBatch::try_new(part.schema(), cols)
        })
        .collect()
}

/// The mentions table; `canonical` is empty until `with_names` fills it.
pub fn mentions(docs: &[DocView]) -> Result<RecordBatch, ArrowError> {
    let all = || docs.iter().flat_map(|d| d.mentions.iter().map(move |m| (d, m)));
    let n = all().count();
    let (mut id_bytes, mut text_bytes, mut eid_bytes, mut value_bytes, mut unit_bytes) = (0, 0, 0, 0, 0);
    for (d, m) in all() {
        id_bytes += d.doc_id.len();
        text_bytes += m.bend - m.bstart;
        eid_bytes += m.label.entity_id_len(&m.key);
        value_bytes += m.value.as_ref().map_or(0, String::len);
        unit_bytes += m.unit.as_ref().map_or(0, String::len);
    }
    let mut doc_id = StringBuilder::with_capacity(n, id_bytes);
    let mut text = StringBuilder::with_capacity(n, text_bytes);
    let mut eid = StringBuilder::with_capacity(n, eid_bytes);
    let mut value = StringBuilder::with_capacity(n, value_bytes);
    let mut unit = StringBuilder::with_capacity(n, unit_bytes);
    for d in docs {
        for m in d.mentions {
            doc_id.append_value(d.doc_id);
            text.append_value(m.text(d.text));
            // Written straight into the column: no string per mention.
            let _ = m.label.write_entity_id(&mut eid, &m.key);
            eid.append_value("");
            value.append_option(m.value.as_deref());
            unit.append_option(m.unit.as_deref());
        }
    }
    batch(
        vec![
            text_field("doc_id", false),
            position_field("sentence"),
            position_field("start"),
            position_field("end"),
            text_field("text", false),
            Field::new("label", dictionary_type(), false),
            text_field("entity_id", false),
            text_field("canonical", false),
            text_field("value", true),
            text_field("unit", true),
            Field::new("value_num", DataType::Float64, true),
            date_field("date_start"),
            date_field("date_end"),
            Field::new("zone", dictionary_type(), false),
            position_field("zone_index"),
        ],
        vec![
            Arc::new(doc_id.finish()),
            positions(all().map(|(_, m)| m.sentence as usize))?,
            positions(all().map(|(_, m)| m.start))?,
            positions(all().map(|(_, m)| m.end))?,
            Arc::new(text.finish()),
            labels(all().map(|(_, m)| m.label)),
            Arc::new(eid.finish()),
            strings(all().map(|_| Some(""))),
            Arc::new(value.finish()),
            Arc::new(unit.finish()),
            Arc::new(all().map(|(_, m)| m.value.as_deref().and_then(|v| values::number(m.label, v))).collect::<Float64Array>()),
            dates(all().map(|(_, m)| spans(m).map(|s| s.0))),
            dates(all().map(|(_, m)| spans(m).map(|s| s.1))),
            zones(all().map(|(d, _)| d.zone)),
            positions(all().map(|(d, _)| d.zone_index as usize))?,
        ],
    )
}

fn spans(m: &Mention) -> Option<(NaiveDate, NaiveDate)> {
    m.value.as_deref().and_then(|v| values::date_span(m.label, v))
}

/// Mentions columns that `with_names` reads and fills.
pub const MENTION_ENTITY_ID: usize = 6;
pub const MENTION_CANONICAL: usize = 7;
/// Roles columns that `with_names` reads and fills.
pub const ROLE_PERSON_ID: usize = 4;
pub const ROLE_PERSON: usize = 5;
/// Quotes columns that `with_names` reads and fills.
pub const QUOTE_SPEAKER_ID: usize = 6;
pub const QUOTE_SPEAKER: usize = 7;

/// Speaker offsets: int32 like every position, null where the speaker was named earlier.
fn optional_positions(values: impl Iterator<Item = Option<usize>> + Clone) -> Result<ArrayRef, ArrowError> {
    let mut v = Vec::with_capacity(values.clone().count());
    for x in values {
        v.push(
            x.map(|x| i32::try_from(x).map_err(|_| ArrowError::ComputeError(format!("position {x} is beyond int32: a document of over 2^31 characters"))))
                .transpose()?,
        );
    }
    Ok(Arc::new(Int32Array::from(v)))
}

/// The quotes table; `speaker` is empty for entities until `with_names` fills it, and holds the
/// words as written for a speaker who is no entity (`lawyers`).
pub fn quotes(docs: &[DocView]) -> Result<RecordBatch, ArrowError> {
    let all = || docs.iter().flat_map(|d| d.quotes.iter().map(move |q| (d, q)));
    let ids: Vec<Option<String>> = all().map(|(_, q)| q.speaker_entity_id()).collect();
    let speaker = all().map(|(_, q)| match &q.speaker {
        Some(Speaker::Entity(..)) => Some(""),
        Some(Speaker::Words(w)) => Some(w.as_str()),
        None => None,
    });
    batch(
        vec![
            text_field("doc_id", false),
            position_field("sentence"),
            position_field("start"),
            position_field("end"),
            text_field("text", false),
            text_field("kind", false),
            text_field("speaker_entity_id", true),
            text_field("speaker", true),
            Field::new("speaker_start", DataType::Int32, true),
            Field::new("speaker_end", DataType::Int32, true),
            text_field("cue", false),
        ],
        vec![
            strings(all().map(|(d, _)| Some(d.doc_id))),
            positions(all().map(|(_, q)| q.sentence as usize))?,
            positions(all().map(|(_, q)| q.start))?,
            positions(all().map(|(_, q)| q.end))?,
            strings(all().map(|(d, q)| Some(q.text(d.text)))),
            strings(all().map(|(_, q)| Some(q.kind.as_str()))),
            strings(ids.iter().map(Option::as_deref)),
            strings(speaker),
            optional_positions(all().map(|(_, q)| q.speaker_span.map(|s| s.0)))?,
            optional_positions(all().map(|(_, q)| q.speaker_span.map(|s| s.1)))?,
            strings(all().map(|(d, q)| Some(q.cue(d.text)))),
        ],
    )
}

/// The roles table; `person` is empty until `with_names` fills it.
pub fn roles(docs: &[DocView]) -> Result<RecordBatch, ArrowError> {
    let all = || docs.iter().flat_map(|d| d.roles.iter().map(move |r| (d, r)));
    let mut pid = StringBuilder::with_capacity(all().count(), all().map(|(_, r)| Label::Person.entity_id_len(&r.person_key)).sum());
    for (_, r) in all() {
        let _ = Label::Person.write_entity_id(&mut pid, &r.person_key);
        pid.append_value("");
    }
    batch(
        vec![
            text_field("doc_id", false),
            position_field("sentence"),
            position_field("start"),
            position_field("end"),
            text_field("person_entity_id", false),
            text_field("person", false),
            text_field("role", false),
            text_field("org_entity_id", true),
        ],
        vec![
            strings(all().map(|(d, _)| Some(d.doc_id))),
            positions(all().map(|(_, r)| r.sentence as usize))?,
            positions(all().map(|(_, r)| r.start))?,
            positions(all().map(|(_, r)| r.end))?,
            Arc::new(pid.finish()),
            strings(all().map(|_| Some(""))),
            strings(all().map(|(_, r)| Some(r.role.as_str()))),
            strings(all().map(|(_, r)| r.org_entity_id.as_deref())),
        ],
    )
}

pub fn entities(rows: &[EntityRow]) -> Result<RecordBatch, ArrowError> {
    let aliases = string_lists(rows.iter().map(|r| r.aliases.as_slice()));
    batch(
        vec![
            text_field("entity_id", false),
            Field::new("label", dictionary_type(), false),
            text_field("canonical", false),
            Field::new("aliases", aliases.data_type().clone(), false),
            int_field("n_mentions"),
            int_field("n_docs"),
            date_field("first_date"),
            date_field("last_date"),
        ],
        vec![
            strings(rows.iter().map(|r| Some(r.entity_id.as_str()))),
            labels(rows.iter().map(|r| r.label)),
            strings(rows.iter().map(|r| Some(r.canonical.as_str()))),
            aliases,
            ints(rows.iter().map(|r| r.n_mentions as i64)),
            ints(rows.iter().map(|r| r.n_docs as i64)),
            dates(rows.iter().map(|r| r.first_date)),
            dates(rows.iter().map(|r| r.last_date)),
        ],
    )
}

/// A partial of the entities table (`entities::Partial`) as one record batch: how a Dask
/// partition's counts travel to be merged. Its first and last documents, when it knows them, are
/// schema metadata (`first_doc`, `last_doc`), which pyarrow keeps through pickling.
pub fn partial_entities(p: &Partial) -> Result<RecordBatch, ArrowError> {
    let r = &p.rows;
    let aliases = string_lists(r.iter().map(|x| x.aliases.as_slice()));
    let flag = |name: &str| Field::new(name, DataType::Boolean, false);
    let fields = vec![
        Field::new("label", dictionary_type(), false),
        text_field("key", false),
        text_field("known", true),
        text_field("best", false),
        Field::new("aliases", aliases.data_type().clone(), false),
        int_field("n_mentions"),
        int_field("n_docs"),
        date_field("first_date"),
        date_field("last_date"),
        flag("in_first_doc"),
        flag("in_last_doc"),
    ];
    let columns = vec![
        labels(r.iter().map(|x| x.label)),
        strings(r.iter().map(|x| Some(x.key.as_str()))),
        strings(r.iter().map(|x| x.known.as_deref())),
        strings(r.iter().map(|x| Some(x.best.as_str()))),
        aliases,
        ints(r.iter().map(|x| x.n_mentions as i64)),
        ints(r.iter().map(|x| x.n_docs as i64)),
        dates(r.iter().map(|x| x.first_date)),
        dates(r.iter().map(|x| x.last_date)),
        Arc::new(BooleanArray::from(r.iter().map(|x| x.in_first_doc).collect::<Vec<_>>())),
        Arc::new(BooleanArray::from(r.iter().map(|x| x.in_last_doc).collect::<Vec<_>>())),
    ];
    let edges = [("first_doc", &p.first_doc), ("last_doc", &p.last_doc)];
    let metadata = edges.into_iter().filter_map(|(k, v)| Some((k.to_owned(), v.clone()?))).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields).with_metadata(metadata)), columns)
}

/// The partial that `partial_entities` wrote, from its record batches (as read back from
/// pyarrow, say); an error names what is not of its shape.
pub fn read_partial(schema: &Schema, batches: &[RecordBatch]) -> Result<Partial, ArrowError> {
    fn column<'a, T: 'static>(b: &'a RecordBatch, name: &str) -> Result<&'a T, ArrowError> {
        b.column_by_name(name)
            .and_then(|c| c.as_any().downcast_ref::<T>())
            .ok_or_else(|| ArrowError::SchemaError(format!("not a partial entities table: no column {name:?} of the type partial_entities writes")))
    }
    let mut rows = Vec::new();
    for b in batches {
        let label = column::<DictionaryArray<Int8Type>>(b, "label")?;
        let label_names = label.values().as_any().downcast_ref::<StringArray>().ok_or_else(|| ArrowError::SchemaError("label: not strings".into()))?;
        let (key, known, best) = (column::<StringArray>(b, "key")?, column::<StringArray>(b, "known")?, column::<StringArray>(b, "best")?);
        let aliases = column::<ListArray>(b, "aliases")?;
        let (n_mentions, n_docs) = (column::<Int64Array>(b, "n_mentions")?, column::<Int64Array>(b, "n_docs")?);
        let (first, last) = (column::<TimestampSecondArray>(b, "first_date")?, column::<TimestampSecondArray>(b, "last_date")?);
        let (in_first, in_last) = (column::<BooleanArray>(b, "in_first_doc")?, column::<BooleanArray>(b, "in_last_doc")?);
        let day = |a: &TimestampSecondArray, i: usize| a.is_valid(i).then(|| chrono::DateTime::from_timestamp(a.value(i), 0).map(|t| t.date_naive())).flatten();
        let count = |a: &Int64Array, i: usize| usize::try_from(a.value(i)).map_err(|_| ArrowError::SchemaError(format!("a negative count: {}", a.value(i))));
        for i in 0..b.num_rows() {
            let name = label.key(i).map(|k| label_names.value(k));
            let label = name.and_then(Label::parse).ok_or_else(|| ArrowError::SchemaError(format!("unknown label {name:?}")))?;
            let alias_list = aliases.value(i);
            let alias_strings =
                alias_list.as_any().downcast_ref::<StringArray>().ok_or_else(|| ArrowError::SchemaError("aliases: not lists of strings".into()))?;
            rows.push(PartialRow {
                label,
                key: key.value(i).to_owned(),
                known: known.is_valid(i).then(|| known.value(i).to_owned()),
                best: best.value(i).to_owned(),
                aliases: alias_strings.iter().flatten().map(str::to_owned).collect(),
                n_mentions: count(n_mentions, i)?,
                n_docs: count(n_docs, i)?,
                first_date: day(first, i),
                last_date: day(last, i),
                in_first_doc: in_first.value(i),
                in_last_doc: in_last.value(i),
            });
        }
    }
    let edge = |k: &str| schema.metadata().get(k).cloned();
    Ok(Partial { rows, first_doc: edge("first_doc"), last_doc: edge("last_doc") })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn a_partial_survives_its_table() {
        let row = |key: &str, known: Option<&str>, first: bool| PartialRow {
            label: Label::Person,
            key: key.into(),
            known: known.map(Into::into),
            best: "Tô Lâm".into(),
            aliases: vec!["To Lam".into(), "Tô Lâm".into()],
            n_mentions: 3,
            n_docs: 2,
            first_date: NaiveDate::from_ymd_opt(2026, 1, 5),
            last_date: None,
            in_first_doc: first,
            in_last_doc: !first,
        };
        let p = Partial { rows: vec![row("to lam", Some("Tô Lâm"), true), row("le hoai trung", None, false)], first_doc: Some("a".into()), last_doc: None };
        let b = partial_entities(&p).unwrap();
        assert_eq!(read_partial(&b.schema(), std::slice::from_ref(&b)).unwrap(), p);
        assert!(read_partial(&b.schema(), &[entities(&[]).unwrap()]).is_err(), "another table is refused");
    }

    #[test]
    fn mentions_batch_has_contract_columns() {
        let text = "Tô Lâm visited Hà Nội.";
        let result = Extractor::default().extract(text, None);
        let b = mentions(&[DocView::new("a", text, &result, &[])]).unwrap();
        let names: Vec<_> = b.schema().fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(
            names,
            [
                "doc_id",
                "sentence",
                "start",
                "end",
                "text",
                "label",
                "entity_id",
                "canonical",
                "value",
                "unit",
                "value_num",
                "date_start",
                "date_end",
                "zone",
                "zone_index"
            ]
        );
        assert_eq!(b.num_rows(), 2);
        let text_col = b.column(4).as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(text_col.value(0), "Tô Lâm");
        let label_col = b.column(5).as_any().downcast_ref::<DictionaryArray<Int8Type>>().unwrap();
        assert_eq!(label_col.values().len(), 18);
        let names = HashMap::from_iter([("PERSON:to lam", "Tô Lâm")]);
        let named = with_names(&b, MENTION_ENTITY_ID, MENTION_CANONICAL, &names, BATCH_BYTES).unwrap();
        let canon = named[0].column(MENTION_CANONICAL).as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!((canon.value(0), canon.value(1)), ("Tô Lâm", "ha noi"));
        // Names over the limit cut the batch: one row each here.
        let cut_up = with_names(&b, MENTION_ENTITY_ID, MENTION_CANONICAL, &names, 7).unwrap();
        assert_eq!(cut_up.iter().map(RecordBatch::num_rows).collect::<Vec<_>>(), [1, 1]);
    }

    #[test]
    fn cut_keeps_each_range_under_the_limit() {
        assert_eq!(cut([3, 3, 3, 9, 1, 1].into_iter(), 6), [0..2, 2..3, 3..4, 4..6]);
        assert!(cut(std::iter::empty(), 6).is_empty());
    }

    #[test]
    fn mentions_carry_typed_values() {
        type Row = (String, Option<f64>, Option<String>, Option<String>);
        let text = "About 1.9 million people voted in January 2026, 90% of them on 7 January 2026, over 40 years.";
        let result = Extractor::default().extract(text, None);
        let b = mentions(&[DocView::new("a", text, &result, &[])]).unwrap();
        let col = |name: &str| b.column(b.schema().index_of(name).unwrap()).clone();
        let texts = col("text");
        let texts = texts.as_any().downcast_ref::<StringArray>().unwrap();
        let nums = col("value_num");
        let nums = nums.as_any().downcast_ref::<Float64Array>().unwrap();
        let (starts, ends) = (col("date_start"), col("date_end"));
        let day = |a: &ArrayRef, i: usize| {
            let a = a.as_any().downcast_ref::<arrow_array::TimestampSecondArray>().unwrap();
            a.is_valid(i).then(|| chrono::DateTime::from_timestamp(a.value(i), 0).unwrap().date_naive().to_string())
        };
        let rows: Vec<Row> =
            (0..b.num_rows()).map(|i| (texts.value(i).to_owned(), nums.is_valid(i).then(|| nums.value(i)), day(&starts, i), day(&ends, i))).collect();
        let find = |t: &str| rows.iter().find(|r| r.0 == t).unwrap_or_else(|| panic!("no mention {t:?} in {rows:?}")).clone();
        assert_eq!(find("1.9 million"), ("1.9 million".into(), Some(1_900_000.0), None, None));
        assert_eq!(find("90%"), ("90%".into(), Some(90.0), None, None));
        assert_eq!(find("January 2026"), ("January 2026".into(), None, Some("2026-01-01".into()), Some("2026-01-31".into())));
        assert_eq!(find("7 January 2026"), ("7 January 2026".into(), None, Some("2026-01-07".into()), Some("2026-01-07".into())));
        let years = rows.iter().find(|r| r.0.contains("40 years")).unwrap_or_else(|| panic!("no duration in {rows:?}"));
        assert_eq!((years.1, years.2.clone()), (None, None), "a duration covers no days");
    }

    #[test]
    fn positions_are_int32_and_refuse_to_wrap() {
        let a = positions([0usize, 7, i32::MAX as usize].into_iter()).unwrap();
        let a = a.as_any().downcast_ref::<Int32Array>().unwrap();
        assert_eq!(a.values().to_vec(), [0, 7, i32::MAX]);
        let err = positions([1usize, i32::MAX as usize + 1].into_iter()).unwrap_err();
        assert!(err.to_string().contains("beyond int32"), "{err}");
    }

    #[test]
    fn dates_are_midnight_seconds() {
        assert_eq!(seconds(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 86_400);
    }
}
