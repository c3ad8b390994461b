//! Numbers as decimal strings, so that no input can overflow: digits with separators and scale
//! words, and numbers written in words (`two hundred and five`, `twenty-first`).

/// Parse a number written in words or digits ("31,097", "1.9 million", "three", "twenty-five",
/// "first", "14th") to a plain decimal string.
pub fn parse_number(s: &str) -> Option<String> {
    let t = s.trim();
    let first = t.chars().next()?;
    if first.is_ascii_digit() {
        let len = t.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(t.len());
        let (digits, rest) = t.split_at(len);
        let base = plain_decimal(digits)?;
        let rest = rest.trim();
        if matches!(rest.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th") {
            return (!base.contains('.')).then_some(base);
        }
        return apply_scales(&base, rest);
    }
    if let Some(v) = ordinal_words(t) {
        return Some(v.to_string());
    }
    match parse_words(t) {
        Some((v, used)) if used == t.len() => Some(v.to_string()),
        _ => None,
    }
}

/// `31,097` -> `31097`, `1.234.567` -> `1234567`, `1.90` -> `1.9`; None unless the separators sit
/// where thousands separators or one decimal point can.
pub(super) fn plain_decimal(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return None;
    }
    if !b.iter().all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.') {
        return None;
    }
    let dots = s.matches('.').count();
    if s.contains(',') {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if dots > 1 || !grouped(int, ',') || frac.contains(',') {
            return None;
        }
        Some(normalize(&int.replace(',', ""), frac))
    } else if dots >= 2 {
        grouped(s, '.').then(|| normalize(&s.replace('.', ""), ""))
    } else {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        Some(normalize(int, frac))
    }
}

pub(super) fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()));
    first_ok && parts.all(|p| p.len() == 3)
}

pub(super) fn normalize(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Multiplies a plain decimal by 10^k by moving the point.
pub(super) fn times_pow10(dec: &str, k: usize) -> String {
    let (int, frac) = dec.split_once('.').unwrap_or((dec, ""));
    let mut digits = String::with_capacity(int.len() + k + 1);
    digits.push_str(int);
    if frac.len() <= k {
        digits.push_str(frac);
        digits.extend(std::iter::repeat_n('0', k - frac.len()));
        normalize(&digits, "")
    } else {
        digits.push_str(&frac[..k]);
        normalize(&digits, &frac[k..])
    }
}

/// Multiplies a plain decimal by a small integer (decades, dozens) by long multiplication.
pub(super) fn times_small(dec: &str, k: u32) -> String {
    if k == 1 {
        return dec.to_string();
    }
    let (int, frac) = dec.split_once('.').unwrap_or((dec, ""));
    let mut out: Vec<u8> = Vec::with_capacity(int.len() + frac.len() + 12);
    let mut carry: u64 = 0;
    for b in int.bytes().chain(frac.bytes()).rev() {
        let v = u64::from(b - b'0') * u64::from(k) + carry;
        out.push(b'0' + (v % 10) as u8);
        carry = v / 10;
    }
    while carry > 0 {
        out.push(b'0' + (carry % 10) as u8);
        carry /= 10;
    }
    out.reverse();
    let digits = String::from_utf8(out).unwrap_or_default();
    let split = digits.len().saturating_sub(frac.len());
    normalize(&digits[..split], &digits[split..])
}

/// Applies the scale words after a digit string: `million`, `bn`, `hundred thousand`, `dozen`.
pub(super) fn apply_scales(base: &str, rest: &str) -> Option<String> {
    let mut value = base.to_string();
    for word in rest.split(|c: char| c.is_whitespace() || c == '-') {
        if word.is_empty() {
            continue;
        }
        let lw = word.to_ascii_lowercase();
        value = match lw.as_str() {
            "dozen" => times_small(&value, 12),
            _ => times_pow10(&value, scale_power(&lw)?),
        };
    }
    Some(value)
}

pub(super) fn scale_power(w: &str) -> Option<usize> {
    Some(match w {
        "hundred" => 2,
        "thousand" | "k" => 3,
        "million" | "mn" | "m" => 6,
        "billion" | "bn" | "b" => 9,
        "trillion" | "tn" | "trn" => 12,
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum W {
    Start,
    A,
    And,
    Unit,
    Teen,
    Tens,
    Hundred,
    Dozen,
    Scale,
}

pub(super) fn word_kind(w: &str) -> Option<(W, u32)> {
    const UNITS_W: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const TEENS: [&str; 10] = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = UNITS_W.iter().position(|x| *x == w) {
        return Some((if i == 0 { W::Teen } else { W::Unit }, i as u32));
    }
    if let Some(i) = TEENS.iter().position(|x| *x == w) {
        return Some((W::Teen, 10 + i as u32));
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some((W::Tens, 20 + 10 * i as u32));
    }
    Some(match w {
        "fourty" => (W::Tens, 40),
        "a" | "an" => (W::A, 1),
        "and" => (W::And, 0),
        "hundred" => (W::Hundred, 100),
        "dozen" => (W::Dozen, 12),
        "thousand" => (W::Scale, 3),
        "million" => (W::Scale, 6),
        "billion" => (W::Scale, 9),
        "trillion" => (W::Scale, 12),
        _ => return None,
    })
}

/// Byte ranges of the words of `s`, split at spaces and hyphens.
pub(super) fn word_tokens(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let is_sep = |c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}');
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let lead = rest.find(|c: char| !is_sep(c))?;
        let start = pos + lead;
        let len = s[start..].find(is_sep).unwrap_or(s.len() - start);
        pos = start + len;
        Some((start, start + len))
    })
}

/// The value of the longest well-formed run of number words at the start of `s`, and its length
/// in bytes: `two hundred and five` -> 205; `one two` -> 1 (then `two` starts a new number).
pub(super) fn parse_words(s: &str) -> Option<(u128, usize)> {
    let mut total: u128 = 0;
    let mut group: u128 = 0;
    let mut last = W::Start;
    let mut last_scale = u32::MAX;
    let mut best = None;
    for (ts, te) in word_tokens(s) {
        let Some((kind, v)) = word_kind(&s[ts..te].to_ascii_lowercase()) else {
            break;
        };
        let after_sum = matches!(last, W::Start | W::Hundred | W::Scale | W::And);
        match kind {
            W::A if last == W::Start => group = 1,
            W::And if matches!(last, W::Hundred | W::Scale) => {}
            W::Unit if after_sum || last == W::Tens => group += u128::from(v),
            W::Teen | W::Tens if after_sum => group += u128::from(v),
            W::Hundred if matches!(last, W::A | W::Unit | W::Teen) && group < 100 => group *= 100,
            W::Dozen if matches!(last, W::A | W::Unit | W::Teen | W::Tens) => group *= 12,
            W::Scale if matches!(last, W::A | W::Unit | W::Teen | W::Tens | W::Hundred | W::Dozen) && v < last_scale => {
                total = total.checked_add(group.checked_mul(10u128.pow(v))?)?;
                group = 0;
                last_scale = v;
            }
            _ => break,
        }
        last = kind;
        if !matches!(kind, W::A | W::And) {
            best = Some((total.checked_add(group)?, te));
        }
    }
    best
}

pub(super) fn ordinal_word_value(w: &str) -> Option<(u128, bool)> {
    const SMALL: [&str; 20] = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
    if let Some(i) = SMALL.iter().skip(1).position(|x| *x == w) {
        return Some((i as u128 + 1, false));
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some((20 + 10 * i as u128, false));
    }
    Some(match w {
        "hundredth" => (100, true),
        "thousandth" => (1_000, true),
        "millionth" => (1_000_000, true),
        "billionth" => (1_000_000_000, true),
        _ => return None,
    })
}

/// `first` -> 1, `twenty-first` -> 21, `hundredth` -> 100, `two hundredth` -> 200.
pub(super) fn ordinal_words(s: &str) -> Option<u128> {
    let tokens: Vec<(usize, usize)> = word_tokens(s).collect();
    let &(ls, le) = tokens.last()?;
    let (v, multiplier) = ordinal_word_value(&s[ls..le].to_ascii_lowercase())?;
    if tokens.len() == 1 {
        return Some(v);
    }
    let prefix = &s[..ls];
    let (p, used) = parse_words(prefix)?;
    if prefix[used..].chars().any(char::is_alphanumeric) {
        return None;
    }
    if multiplier {
        p.checked_mul(v)
    } else {
        p.checked_add(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_number_forms() {
        let cases = [
            ("31,097", "31097"),
            ("1.9 million", "1900000"),
            ("three", "3"),
            ("twenty-five", "25"),
            ("first", "1"),
            ("14th", "14"),
            ("1.729 billion", "1729000000"),
            ("2.7 million", "2700000"),
            ("one hundred and twenty", "120"),
            ("two million five hundred thousand", "2500000"),
            ("a dozen", "12"),
            ("Ninety-nine", "99"),
            ("1.5bn", "1500000000"),
            ("0.50", "0.5"),
            ("007", "7"),
            ("hundredth", "100"),
            ("twenty-first", "21"),
            ("12345678901234567890123456789012345678901234567890", "12345678901234567890123456789012345678901234567890"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_number(input).as_deref(), Some(want), "{input}");
        }
        for bad in ["", "two three", "1,2", "1.2.3", "hundred", "and", "one and", "five apples", "٣", "1e5", "--"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }
}
