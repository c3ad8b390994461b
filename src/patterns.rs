//! User patterns in spaCy's EntityRuler JSONL format (`{"label", "pattern", "id"}`), accepted
//! unchanged: a phrase pattern is a string; a token pattern is a list of `{"LOWER"|"TEXT"|"ORTH":
//! ...}` dicts, which is a phrase too once joined. Other token attributes cannot be a gazetteer
//! entry and are refused with the line number, never silently dropped.

use serde_json::Value;

use crate::error::Error;
use crate::label::Label;
use crate::lexicon::EntrySpec;

/// Parse EntityRuler JSONL text.
pub fn parse_entity_ruler(source: &str, text: &str) -> Result<Vec<EntrySpec>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{source}:{}", i + 1);
        let v: Value = serde_json::from_str(line).map_err(|e| Error::BadPatterns(format!("{at}: {e}")))?;
        out.push(parse_one(&at, &v)?);
    }
    Ok(out)
}

/// One pattern object.
pub fn parse_one(at: &str, v: &Value) -> Result<EntrySpec, Error> {
    let label_s = v.get("label").and_then(Value::as_str).ok_or_else(|| Error::BadPatterns(format!("{at}: no string `label`")))?;
    let label = Label::parse(label_s).ok_or_else(|| Error::BadPatterns(format!("{at}: unknown label {label_s:?}")))?;
    let phrase = match v.get("pattern") {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Array(tokens)) => {
            let mut words = Vec::with_capacity(tokens.len());
            for t in tokens {
                let w = ["LOWER", "TEXT", "ORTH", "lower", "text", "orth"]
                    .iter()
                    .find_map(|k| t.get(*k).and_then(Value::as_str))
                    .ok_or_else(|| Error::BadPatterns(format!("{at}: only LOWER/TEXT/ORTH token patterns are supported, got {t}")))?;
                words.push(w.to_owned());
            }
            words.join(" ")
        }
        _ => return Err(Error::BadPatterns(format!("{at}: `pattern` must be a string or a list of token dicts"))),
    };
    if phrase.is_empty() {
        return Err(Error::BadPatterns(format!("{at}: empty pattern")));
    }
    let id = match v.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Some(crate::fold::key(s)),
        _ => None,
    };
    Ok(EntrySpec { label, canonical: phrase, aliases: Vec::new(), id })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_and_token_patterns() {
        let text = r#"{"label": "ORG", "pattern": "Saolatek", "id": "saolatek"}
{"label": "GPE", "pattern": [{"LOWER": "san"}, {"LOWER": "francisco"}]}
"#;
        let p = parse_entity_ruler("p.jsonl", text).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].label, Label::Org);
        assert_eq!(p[0].id.as_deref(), Some("saolatek"));
        assert_eq!(p[1].canonical, "san francisco");
    }

    #[test]
    fn bad_patterns_name_the_line() {
        let e = parse_entity_ruler("p.jsonl", "{\"label\": \"ORG\"}\n").unwrap_err();
        assert!(e.to_string().contains("p.jsonl:1"));
        let e = parse_entity_ruler("p.jsonl", r#"{"label": "ORG", "pattern": [{"POS": "NOUN"}]}"#).unwrap_err();
        assert!(e.to_string().contains("LOWER"));
        assert!(parse_entity_ruler("p", r#"{"label": "XYZ", "pattern": "a"}"#).is_err());
    }
}
