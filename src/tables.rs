//! The tables of the data contract as Arrow record batches, built column by column in Rust.
//! pandas, polars, pyarrow and DuckDB read them through the Arrow C stream interface without a
//! Python object per row (the binding only wraps them in a capsule).

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Int64Builder, ListBuilder, StringBuilder, TimestampSecondBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int8Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, TimeUnit};
use chrono::NaiveDate;

use crate::document::Document;
use crate::entities::EntityRow;
use crate::error::Issue;
use crate::extract::DocResult;
use crate::label::Label;

fn seconds(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0).map_or(0, |t| t.and_utc().timestamp())
}

fn date_field(name: &str) -> Field {
    Field::new(name, DataType::Timestamp(TimeUnit::Second, None), true)
}

fn label_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::Utf8))
}

/// Labels as a dictionary column whose dictionary is always the 18 labels in contract order, so
/// every table (and every partition) has the same categories.
fn labels(values: impl Iterator<Item = Label>) -> ArrayRef {
    let keys: Int8Array = values.map(|l| Label::ALL.iter().position(|x| *x == l).map(|i| i as i8)).collect();
    let dict = StringArray::from(Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>());
    Arc::new(DictionaryArray::<Int8Type>::try_new(keys, Arc::new(dict)).expect("keys index the dictionary"))
}

fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    let mut b = StringBuilder::new();
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

fn ints(values: impl Iterator<Item = i64>) -> ArrayRef {
    let mut b = Int64Builder::new();
    for v in values {
        b.append_value(v);
    }
    Arc::new(b.finish())
}

fn dates(values: impl Iterator<Item = Option<NaiveDate>>) -> ArrayRef {
    let mut b = TimestampSecondBuilder::new();
    for v in values {
        b.append_option(v.map(seconds));
    }
    Arc::new(b.finish())
}

fn batch(fields: Vec<Field>, columns: Vec<ArrayRef>) -> Result<RecordBatch, ArrowError> {
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)
}

pub fn documents(docs: &[Document]) -> Result<RecordBatch, ArrowError> {
    let s = |name: &str, null: bool| Field::new(name, DataType::Utf8, null);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    batch(
        vec![s("doc_id", false), s("path", false), s("title", true), date_field("date"), s("dateline", true), s("source", true), s("url", true), s("text", false), i("n_chars"), i("n_words"), i("n_sentences"), s("sha256", false)],
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
        ],
    )
}

pub fn errors(issues: &[Issue]) -> Result<RecordBatch, ArrowError> {
    let mut loaded = BooleanBuilder::new();
    for i in issues {
        loaded.append_value(i.loaded);
    }
    batch(
        vec![Field::new("path", DataType::Utf8, false), Field::new("kind", DataType::Utf8, false), Field::new("message", DataType::Utf8, false), Field::new("loaded", DataType::Boolean, false)],
        vec![
            strings(issues.iter().map(|i| Some(i.path.as_str()))),
            strings(issues.iter().map(|i| Some(i.kind.as_str()))),
            strings(issues.iter().map(|i| Some(i.message.as_str()))),
            Arc::new(loaded.finish()),
        ],
    )
}

/// One document's inputs to the mentions and roles tables.
pub struct DocView<'a> {
    pub doc_id: &'a str,
    pub text: &'a str,
    pub result: &'a DocResult,
    /// Row in `entities` of each mention's entity, in mention order.
    pub entity: &'a [u32],
    /// The entities table (for display names).
    pub entities: &'a [EntityRow],
    /// Display name of each role's person, in role order.
    pub role_person: &'a [String],
}

pub fn mentions(docs: &[DocView]) -> Result<RecordBatch, ArrowError> {
    let all = || docs.iter().flat_map(|d| d.result.mentions.iter().map(move |m| (d, m)));
    let n = all().count();
    let mut doc_id = StringBuilder::with_capacity(n, n * 16);
    let mut text = StringBuilder::with_capacity(n, n * 12);
    let mut eid = StringBuilder::with_capacity(n, n * 24);
    let mut canon = StringBuilder::with_capacity(n, n * 16);
    let mut value = StringBuilder::new();
    let mut unit = StringBuilder::new();
    for d in docs {
        for (k, m) in d.result.mentions.iter().enumerate() {
            let row = &d.entities[d.entity[k] as usize];
            doc_id.append_value(d.doc_id);
            text.append_value(m.text(d.text));
            eid.append_value(&row.entity_id);
            canon.append_value(&row.canonical);
            value.append_option(m.value.as_deref());
            unit.append_option(m.unit.as_deref());
        }
    }
    let s = |name: &str, null: bool| Field::new(name, DataType::Utf8, null);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    batch(
        vec![s("doc_id", false), i("sentence"), i("start"), i("end"), s("text", false), Field::new("label", label_type(), false), s("entity_id", false), s("canonical", false), s("value", true), s("unit", true)],
        vec![
            Arc::new(doc_id.finish()),
            ints(all().map(|(_, m)| m.sentence as i64)),
            ints(all().map(|(_, m)| m.start as i64)),
            ints(all().map(|(_, m)| m.end as i64)),
            Arc::new(text.finish()),
            labels(all().map(|(_, m)| m.label)),
            Arc::new(eid.finish()),
            Arc::new(canon.finish()),
            Arc::new(value.finish()),
            Arc::new(unit.finish()),
        ],
    )
}

pub fn roles(docs: &[DocView]) -> Result<RecordBatch, ArrowError> {
    let all = || docs.iter().flat_map(|d| d.result.roles.iter().enumerate().map(move |(k, r)| (d, k, r)));
    let s = |name: &str, null: bool| Field::new(name, DataType::Utf8, null);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    let pid: Vec<String> = all().map(|(_, _, r)| format!("PERSON:{}", r.person_key)).collect();
    batch(
        vec![s("doc_id", false), i("sentence"), i("start"), i("end"), s("person_entity_id", false), s("person", false), s("role", false), s("org_entity_id", true)],
        vec![
            strings(all().map(|(d, _, _)| Some(d.doc_id))),
            ints(all().map(|(_, _, r)| r.sentence as i64)),
            ints(all().map(|(_, _, r)| r.start as i64)),
            ints(all().map(|(_, _, r)| r.end as i64)),
            strings(pid.iter().map(|p| Some(p.as_str()))),
            strings(all().map(|(d, k, _)| Some(d.role_person[k].as_str()))),
            strings(all().map(|(_, _, r)| Some(r.role.as_str()))),
            strings(all().map(|(_, _, r)| r.org_entity_id.as_deref())),
        ],
    )
}

pub fn entities(rows: &[EntityRow]) -> Result<RecordBatch, ArrowError> {
    let mut aliases = ListBuilder::new(StringBuilder::new());
    for r in rows {
        for a in &r.aliases {
            aliases.values().append_value(a);
        }
        aliases.append(true);
    }
    let aliases = aliases.finish();
    let s = |name: &str| Field::new(name, DataType::Utf8, false);
    let i = |name: &str| Field::new(name, DataType::Int64, false);
    batch(
        vec![s("entity_id"), Field::new("label", label_type(), false), s("canonical"), Field::new("aliases", aliases.data_type().clone(), false), i("n_mentions"), i("n_docs"), date_field("first_date"), date_field("last_date")],
        vec![
            strings(rows.iter().map(|r| Some(r.entity_id.as_str()))),
            labels(rows.iter().map(|r| r.label)),
            strings(rows.iter().map(|r| Some(r.canonical.as_str()))),
            Arc::new(aliases),
            ints(rows.iter().map(|r| r.n_mentions as i64)),
            ints(rows.iter().map(|r| r.n_docs as i64)),
            dates(rows.iter().map(|r| r.first_date)),
            dates(rows.iter().map(|r| r.last_date)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    #[test]
    fn mentions_batch_has_contract_columns() {
        let text = "Tô Lâm visited Hà Nội.";
        let result = Extractor::default().extract(text, None);
        let docs = [(text, None, &result)];
        let asm = crate::pipeline::assemble(&docs);
        let b = mentions(&[DocView { doc_id: "a", text, result: &result, entity: &asm.mention_entity[0], entities: &asm.entities, role_person: &[] }]).unwrap();
        let names: Vec<_> = b.schema().fields().iter().map(|f| f.name().clone()).collect();
        assert_eq!(names, ["doc_id", "sentence", "start", "end", "text", "label", "entity_id", "canonical", "value", "unit"]);
        assert_eq!(b.num_rows(), 2);
        let text_col = b.column(4).as_any().downcast_ref::<StringArray>().unwrap();
        assert_eq!(text_col.value(0), "Tô Lâm");
        let label_col = b.column(5).as_any().downcast_ref::<DictionaryArray<Int8Type>>().unwrap();
        assert_eq!(label_col.values().len(), 18);
    }

    #[test]
    fn dates_are_midnight_seconds() {
        assert_eq!(seconds(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 86_400);
    }
}
