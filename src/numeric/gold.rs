//! Development check against the hand-annotated seeds (run: cargo test -- --ignored --nocapture).

use chrono::NaiveDate;

use super::*;

const NUMERIC_LABELS: [&str; 7] = ["DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"];

#[derive(Debug, Clone)]
enum Json {
    Literal, // true, false, null
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    fn num(&self) -> Option<usize> {
        match self {
            Json::Num(n) => Some(*n as usize),
            _ => None,
        }
    }
}

/// Just enough JSON for the gold file, so this module needs no serde.
fn parse_json(s: &str) -> Option<Json> {
    fn ws(b: &[char], i: &mut usize) {
        while *i < b.len() && b[*i].is_whitespace() {
            *i += 1;
        }
    }
    fn value(b: &[char], i: &mut usize) -> Option<Json> {
        ws(b, i);
        match *b.get(*i)? {
            '{' => {
                *i += 1;
                let mut kv = Vec::new();
                loop {
                    ws(b, i);
                    if *b.get(*i)? == '}' {
                        *i += 1;
                        return Some(Json::Obj(kv));
                    }
                    let Json::Str(k) = value(b, i)? else { return None };
                    ws(b, i);
                    (*b.get(*i)? == ':').then_some(())?;
                    *i += 1;
                    kv.push((k, value(b, i)?));
                    ws(b, i);
                    if *b.get(*i)? == ',' {
                        *i += 1;
                    }
                }
            }
            '[' => {
                *i += 1;
                let mut items = Vec::new();
                loop {
                    ws(b, i);
                    if *b.get(*i)? == ']' {
                        *i += 1;
                        return Some(Json::Arr(items));
                    }
                    items.push(value(b, i)?);
                    ws(b, i);
                    if *b.get(*i)? == ',' {
                        *i += 1;
                    }
                }
            }
            '"' => {
                *i += 1;
                let mut out = String::new();
                loop {
                    let c = *b.get(*i)?;
                    *i += 1;
                    match c {
                        '"' => return Some(Json::Str(out)),
                        '\\' => {
                            let e = *b.get(*i)?;
                            *i += 1;
                            match e {
                                'n' => out.push('\n'),
                                't' => out.push('\t'),
                                'r' => out.push('\r'),
                                'b' => out.push('\u{8}'),
                                'f' => out.push('\u{c}'),
                                'u' => {
                                    let hex: String = b.get(*i..*i + 4)?.iter().collect();
                                    *i += 4;
                                    let mut cp = u32::from_str_radix(&hex, 16).ok()?;
                                    if (0xD800..0xDC00).contains(&cp) && b.get(*i) == Some(&'\\') {
                                        let lo: String = b.get(*i + 2..*i + 6)?.iter().collect();
                                        *i += 6;
                                        let lo = u32::from_str_radix(&lo, 16).ok()?;
                                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                                    }
                                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                }
                                other => out.push(other),
                            }
                        }
                        c => out.push(c),
                    }
                }
            }
            't' | 'n' => {
                *i += 4;
                Some(Json::Literal)
            }
            'f' => {
                *i += 5;
                Some(Json::Literal)
            }
            _ => {
                let start = *i;
                while *i < b.len() && (b[*i].is_ascii_digit() || "+-.eE".contains(b[*i])) {
                    *i += 1;
                }
                let t: String = b[start..*i].iter().collect();
                t.parse().ok().map(Json::Num)
            }
        }
    }
    let chars: Vec<char> = s.chars().collect();
    value(&chars, &mut 0)
}

struct Gold {
    label: String,
    start: usize,
    end: usize,
    value: Option<String>,
    zone: String,
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    tp: usize,
    valued: usize,
    value_ok: usize,
}

impl Score {
    fn report(&self, name: &str) -> (f64, f64) {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let acc = self.value_ok as f64 / self.valued.max(1) as f64;
        println!(
            "{name}: gold {} pred {} tp {} | P {p:.3} R {r:.3} F1 {f:.3} | value {}/{} = {acc:.3}",
            self.gold, self.pred, self.tp, self.value_ok, self.valued
        );
        (f, acc)
    }
}

/// Scores one zone of one document: (label, text) as multisets, values on exact-offset matches.
fn score_zone(raw: &str, preds: &[NumericSpan], gold: &[Gold], zone: &str, ignore: &[(usize, usize)], sc: &mut Score) {
    let cp = |byte: usize| raw[..byte].chars().count();
    let chars: Vec<char> = raw.chars().collect();
    let text_of = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let mine: Vec<(usize, usize, &NumericSpan)> =
        preds.iter().map(|p| (cp(p.start), cp(p.end), p)).filter(|(s, e, _)| !ignore.iter().any(|(a, b)| s < b && a < e)).collect();
    let gz: Vec<&Gold> = gold.iter().filter(|g| g.zone == zone && NUMERIC_LABELS.contains(&g.label.as_str())).collect();
    let mut pool: Vec<(String, String)> = mine.iter().map(|(s, e, p)| (p.label.to_string(), text_of(*s, *e))).collect();
    sc.gold += gz.len();
    sc.pred += pool.len();
    for g in &gz {
        let key = (g.label.clone(), text_of(g.start, g.end));
        if let Some(i) = pool.iter().position(|k| *k == key) {
            pool.swap_remove(i);
            sc.tp += 1;
        } else {
            println!("  MISS {:?} {:?} @{}", g.label, key.1, g.start);
        }
        if let Some((_, _, p)) = mine.iter().find(|(s, e, p)| *s == g.start && *e == g.end && p.label.as_str() == g.label) {
            sc.valued += 1;
            if p.value == g.value {
                sc.value_ok += 1;
            } else {
                println!("  VALUE {:?} {:?}: got {:?} want {:?}", g.label, key.1, p.value, g.value);
            }
        }
    }
    for (l, t) in pool {
        println!("  EXTRA {l:?} {t:?}");
    }
}

#[test]
#[ignore = "development check against /work/shared (run with --ignored)"]
fn gold_seeds() {
    let root = std::path::Path::new("/work/shared");
    let Ok(lines) = std::fs::read_to_string(root.join("gold/seeds.jsonl")) else {
        return;
    };
    let (mut body, mut related) = (Score::default(), Score::default());
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let doc = parse_json(line).expect("gold line is JSON");
        let id = doc.get("doc_id").and_then(Json::str).unwrap_or_default().to_string();
        let Ok(raw) = std::fs::read_to_string(root.join(format!("seeds/{id}.txt"))) else {
            continue;
        };
        let date = doc.get("meta").and_then(|m| m.get("date")).and_then(Json::str).and_then(|s| s.parse::<NaiveDate>().ok());
        let gold: Vec<Gold> = match doc.get("mentions") {
            Some(Json::Arr(ms)) => ms
                .iter()
                .map(|m| Gold {
                    label: m.get("label").and_then(Json::str).unwrap_or_default().to_string(),
                    start: m.get("start").and_then(Json::num).unwrap_or(0),
                    end: m.get("end").and_then(Json::num).unwrap_or(0),
                    value: m.get("value").and_then(Json::str).map(str::to_string),
                    zone: m.get("zone").and_then(Json::str).unwrap_or_default().to_string(),
                })
                .collect(),
            _ => Vec::new(),
        };
        // The library's text is the body only: cut the `Related News` / `See Also` tail before running.
        let cut = ["\nRelated News", "\nSee Also"].iter().filter_map(|m| raw.find(m)).min().unwrap_or(raw.len());
        let cut_cp = raw[..cut].chars().count();
        // Named entities override numeric spans; other zones are not scored here.
        let mut ignore: Vec<(usize, usize)> =
            gold.iter().filter(|g| g.zone != "body" || !NUMERIC_LABELS.contains(&g.label.as_str())).map(|g| (g.start, g.end)).collect();
        ignore.push((0, 17)); // the ` date YYYY-MM-DD` marker
        println!("{id} (date {date:?})");
        let preds = find_numeric(&raw[..cut], date);
        score_zone(&raw, &preds, &gold, "body", &ignore, &mut body);
        let tail: Vec<NumericSpan> = find_numeric(&raw, date).into_iter().filter(|p| p.start >= cut).collect();
        let ignore_rel: Vec<(usize, usize)> = gold
            .iter()
            .filter(|g| g.zone != "related" || !NUMERIC_LABELS.contains(&g.label.as_str()))
            .map(|g| (g.start, g.end))
            .chain(std::iter::once((0, cut_cp)))
            .collect();
        score_zone(&raw, &tail, &gold, "related", &ignore_rel, &mut related);
    }
    let (f1, acc) = body.report("body");
    related.report("related");
    assert!(f1 >= 0.95 && acc >= 0.95, "body F1 {f1:.3}, value accuracy {acc:.3}");
}
