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

/// A user's alias: the alias, the name it stands for, and that name's label when given.
pub type AliasSpec = (String, String, Option<Label>);

/// New entries (aliases of names nothing knows yet), and (alias, known name) pairs to join.
pub type ResolvedAliases = (Vec<EntrySpec>, Vec<(String, String)>);

/// User aliases made ready for `Extractor::new`. An alias of a name that `patterns` or the
/// shipped knowledge know joins that entity, with its label (`{"Ha Noi": "Hanoi"}` joins
/// `Hà Nội`, a GPE). Any other name becomes an entry of its own, labelled as given, else as the
/// extractor reads the name (`Samsung Electronics Co` is an ORG); a name it cannot read is an
/// error asking for the label, never a guess.
pub fn resolve_aliases(patterns: &[EntrySpec], aliases: Vec<AliasSpec>) -> Result<ResolvedAliases, Error> {
    let shipped = crate::extract::Extractor::default();
    let mut entries = Vec::new();
    let mut joins = Vec::new();
    for (alias, name, label) in aliases {
        let name = name.trim().to_owned();
        let key = crate::fold::key(&name);
        if let Some(p) = patterns.iter().find(|p| crate::fold::key(&p.canonical) == key && label.is_none_or(|l| l == p.label)) {
            joins.push((alias, p.canonical.clone()));
            continue;
        }
        let read = shipped.extract(&name, None);
        let whole = read.mentions.iter().find(|m| m.bstart == 0 && m.bend == name.len() && !m.label.is_numeric());
        match (whole, label) {
            (Some(m), _) if m.known_name.is_some() && label.is_none_or(|l| l == m.label) => {
                joins.push((alias, m.known_name.as_deref().unwrap_or(&name).to_owned()));
            }
            (_, Some(l)) => entries.push(EntrySpec { label: l, canonical: name, aliases: vec![alias], id: None }),
            (Some(m), None) => entries.push(EntrySpec { label: m.label, canonical: name, aliases: vec![alias], id: None }),
            (None, None) => {
                return Err(Error::BadPatterns(format!(
                    "alias {alias:?}: cannot tell what {name:?} is; give its label, e.g. {{{alias:?}: (\"ORG\", {name:?})}}"
                )))
            }
        }
    }
    Ok((entries, joins))
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

    #[test]
    fn aliases_take_the_label_of_their_name() {
        let (entries, joins) = resolve_aliases(
            &[],
            vec![
                ("Samsung".into(), "Samsung Electronics Co".into(), Some(Label::Org)),
                ("Ha Noi".into(), "Hanoi".into(), None),
                ("Uncle Ho".into(), "Hồ Chí Minh".into(), None),
            ],
        )
        .unwrap();
        assert_eq!(entries.iter().map(|e| (e.label, e.canonical.as_str())).collect::<Vec<_>>()[0], (Label::Org, "Samsung Electronics Co"));
        assert!(joins.iter().any(|(a, n)| a == "Ha Noi" && n == "Hà Nội"), "{joins:?}");
        assert!(entries.iter().any(|e| e.canonical == "Hồ Chí Minh" && e.label == Label::Person) || joins.iter().any(|(a, _)| a == "Uncle Ho"));
        let err = resolve_aliases(&[], vec![("x".into(), "zzq qqz".into(), None)]).unwrap_err();
        assert!(err.to_string().contains("give its label"), "{err}");
    }
}
