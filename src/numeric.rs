//! Numeric and temporal mentions: DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL and CARDINAL in the
//! OntoNotes 5 sense, with normalised values (ISO 8601 dates and durations, plain decimal numbers).
//!
//! How it works. One table of rules (`RULES`) lists every form as a regex over shared fragments
//! (`{NUM}`, `{MON}`, `{UNITS}`...). All rules together make one multi-pattern regex that finds
//! the next mention with the lazy DFA alone. It reports the leftmost match and, among rules that
//! match there, the first in table order, so the table lists specific forms (`January 19 to
//! January 23`, `15 billion USD`) before general ones (`19`, `15`). The match names the rule that
//! produced it, and that rule's own small regex reads its parts (resolving groups on the
//! combined automaton would cost several times more). A small interpreter per rule checks what a
//! regex cannot (a real day of the month, a number used as a year, `one another`) and computes the
//! value. A rule that rejects its match hands the region to the fallback set, built from the
//! plain-number rules of the same table, so a doubtful `3 won` still yields the CARDINAL `3`.
//!
//! Year-less dates are resolved after the scan: they take the year of `doc_date`, else that of the
//! first full date (day, month and year) of the text, else stay unresolved.
//!
//! Offsets are UTF-8 byte offsets; every offset comes from a regex match or a char-aware scan, so
//! it lands on a char boundary. The regex crate runs in linear time, and each search resumes
//! after what the previous one consumed, so the whole scan is linear in the text length.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{CaptureLocations, Regex, RegexBuilder};
use regex_automata::{meta, nfa::thompson::WhichCaptures, Input};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumericSpan {
    pub start: usize,          // UTF-8 byte offset into `text`
    pub end: usize,            // exclusive byte offset
    pub label: &'static str,   // "DATE" | "TIME" | "PERCENT" | "MONEY" | "QUANTITY" | "ORDINAL" | "CARDINAL"
    pub value: Option<String>, // normalised value, None when unresolvable
    pub unit: Option<String>,  // currency code for MONEY, unit for QUANTITY
}

pub const DATE: &str = "DATE";
pub const TIME: &str = "TIME";
pub const PERCENT: &str = "PERCENT";
pub const MONEY: &str = "MONEY";
pub const QUANTITY: &str = "QUANTITY";
pub const ORDINAL: &str = "ORDINAL";
pub const CARDINAL: &str = "CARDINAL";

/// All numeric/temporal mentions of `text`, sorted by start, non-overlapping.
/// `doc_date` is the publication date of the document if known.
pub fn find_numeric(text: &str, doc_date: Option<NaiveDate>) -> Vec<NumericSpan> {
    let mut scan = Scan { text, doc: doc_date, out: Vec::new(), first_full_year: None };
    let mut pos = 0;
    while pos < text.len() {
        let Some((rule, start, end)) = MAIN.next(text, pos, text.len()) else { break };
        pos = scan.step(&MAIN, rule, start, end).unwrap_or_else(|| scan.fallback(start, end));
    }
    scan.finish()
}

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

// ---------------------------------------------------------------------------------------------
// The rule table.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Skip,
    WeekdayDate,
    MonthDayRange,
    DayMonthRange,
    MonthRange,
    MonthDay,
    DayMonth,
    MonthYear,
    IsoDate,
    NumericDate,
    Decade,
    Century,
    QuarterHalf,
    QuarterCode,
    Anniversary,
    PartOfDay,
    Relative,
    EndOfThe,
    Today,
    PastNext,
    DurationAgo,
    Aged,
    Duration,
    YearPrefixed,
    BareMonth,
    Weekday,
    Clock,
    ClockAmPm,
    ClockWord,
    Noon,
    Percent,
    MoneyPrefix,
    MoneySuffix,
    Quantity,
    OrdinalDigits,
    OrdinalWord,
    YearRange,
    YearSpanTo,
    NumberRange,
    Cardinal,
    CardinalWords,
    Vague,
}

/// (rule, pattern, also in the fallback set). `{NAME}` placeholders are the fragments below.
/// Order matters only between rules that can match at the same position: the earlier one wins.
/// Word lists use `(?i-u:...)`: ASCII case folding keeps the automaton small (Unicode folding
/// would add `ſ` for `s` and the Kelvin sign for `k`).
#[rustfmt::skip]
const RULES: &[(Rule, &str, bool)] = &[
    // Not mentions at all; nothing else starts at `http`, `name@`, `+84` or `(024)`.
    (Rule::Skip, r#"(?:https?://|www\.)[^\s<>"]+"#, false),
    // Repetitions that may run on without a match are bounded: a search that must read far
    // ahead to rule one out, once per short match, would make the scan quadratic.
    (Rule::Skip, r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", false),
    (Rule::Skip, r"\+[0-9]{1,3}[ .\-]?(?:\(?[0-9]{1,4}\)?[ .\-]?){2,5}[0-9]", false),
    (Rule::Skip, r"\(0[0-9]{1,3}\)[ .\-]?[0-9]{3,4}[ .\-]?[0-9]{3,4}|{B}0[0-9]{2,3}[ .\-][0-9]{3,4}[ .\-]?[0-9]{3,4}{B}", false),
    // Calendar dates, longest forms first.
    (Rule::WeekdayDate, r"(?P<wd>{WEEKDAY}),?{SP}+(?:(?P<m>{MON}){SP}+(?P<d>{DAY})|(?P<d2>{DAY}){SP}+(?:of{SP}+)?(?P<m2>{MON}))(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::MonthDayRange, r"(?P<m1>{MON}){SP}+(?P<d1>{DAY})(?P<sep>{RSEP})(?:(?P<m2>{MON}){SP}+)?(?P<d2>{DAY})(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::DayMonthRange, r"(?P<d1>{DAY})(?:{SP}+(?P<m1>{MON}))?(?P<sep>{RSEP})(?P<d2>{DAY}){SP}+(?:of{SP}+)?(?P<m2>{MON})(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::MonthRange, r"(?P<m1>{MONF})(?P<sep>{RSEP})(?P<m2>{MONF})(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::MonthDay, r"(?P<m>{MON}){SP}+(?P<d>{DAY})(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::DayMonth, r"(?P<d>{DAY}){SP}+(?:(?i-u:of){SP}+)?(?P<m>{MON})(?:,?{SP}+(?P<y>{YEAR}))?", false),
    (Rule::MonthYear, r"(?:{PFX}(?:{HY}|{SP}+))?(?P<m>{MON}),?{SP}+(?P<y>{YEAR})", false),
    (Rule::IsoDate, r"(?P<y>[12][0-9]{3})(?P<s1>[\-/.])(?P<mo>[01]?[0-9])(?P<s2>[\-/.])(?P<d>[0-3]?[0-9]){B}", false),
    (Rule::NumericDate, r"(?P<a>[0-3]?[0-9])(?P<s1>[\-/.])(?P<b>[01]?[0-9])(?P<s2>[\-/.])(?P<y>[12][0-9]{3}){B}", false),
    (Rule::Decade, r"(?:{THE}{SP}+)?(?:(?i-u:early|mid|late)(?:{HY}|{SP}+))?(?P<dec>(?:1[0-9]|20|21)[0-9])0['’]?s{B}", false),
    (Rule::Century, r"(?:{THE}{SP}+)?(?:(?i-u:early|mid|late)(?:{HY}|{SP}+))?(?:(?P<n>[0-9]{1,2})(?:st|nd|rd|th)|(?P<w>{ORDW})){SP}+(?i-u:century){B}", false),
    (Rule::QuarterHalf, r"(?:{THE}{SP}+)?(?P<o>(?i-u:first|second|third|fourth|final|1st|2nd|3rd|4th)){SP}+(?P<qh>(?i-u:quarter|half))(?:{SP}+(?i-u:of){SP}+(?:(?P<y>{YEAR})|(?P<rel>(?i-u:this|last|next)){SP}+(?i-u:year)|{THE}{SP}+(?i-u:year)))?{B}", false),
    (Rule::QuarterCode, r"(?P<q>Q[1-4]|H[12])(?:{SP}*[/\-]?{SP}*(?P<y>{YEAR}))?{B}", false),
    (Rule::Anniversary, r"{THE}{SP}+(?:(?:(?P<n>[0-9]{1,4})(?:st|nd|rd|th)|(?P<w>{ORDW})){SP}+(?i-u:anniversary)|(?P<c>(?i-u:centenary|centennial|bicentenary|bicentennial|semicentennial|sesquicentennial))){B}", false),
    // Relative expressions, resolved against the document date.
    (Rule::PartOfDay, r"(?:(?i-u:this|tomorrow|yesterday|last)|{WEEKDAY}){SP}+(?i-u:morning|afternoon|evening|night){B}|(?i-u:tonight){B}", false),
    (Rule::Relative, r"(?:(?P<pfx>(?i-u:early|late|earlier|later|mid)|(?:{THE}{SP}+)?(?i-u:end|beginning|start|middle){SP}+(?i-u:of))(?:{HY}|{SP}+))?(?P<rel>(?i-u:this|last|next)){SP}+(?P<u>(?i-u:year|month|week|weekend|quarter|spring|summer|autumn|fall|winter){B}|{WEEKDAY}|{MONF})", false),
    (Rule::EndOfThe, r"{THE}{SP}+(?i-u:end|beginning|start|middle){SP}+(?i-u:of){SP}+{THE}{SP}+(?P<u>(?i-u:year|month|week)){B}", false),
    (Rule::Today, r"(?i-u:today|yesterday|tomorrow){B}", false),
    (Rule::PastNext, r"{THE}{SP}+(?P<rel>(?i-u:past|next|last|coming|previous|following|first|final|remaining|initial)){SP}+(?:(?P<n>{NUM})(?:{RNG}(?P<n2>{NUM}))?{SP}+|(?P<v>(?i-u:few|several|many)){SP}+)?(?P<u>{UNITT})(?:{SP}+(?i-u:of){SP}+(?:{YEAR}|(?i-u:this|last|next){SP}+(?i-u:year){B}))?", false),
    (Rule::DurationAgo, r"(?i-u:an?){SP}+(?P<u>{UNITT}){SP}+(?P<rel>(?i-u:ago|earlier|later)){B}", false),
    (Rule::Aged, r"(?i-u:aged){SP}+(?P<s>{NUM})", false),
    (Rule::Duration, r"(?:(?P<n>{NUM})(?:{RNG}(?P<n2>{NUM}))?|(?P<a>(?i-u:an?)){B})(?:{SP}+|{SP}*{HY}{SP}*)(?:(?i-u:working|business|consecutive|calendar){SP}+)?(?P<u>{UNITT})(?P<old>(?:{SP}+|{HY})(?i-u:olds?){B})?(?:{SP}+(?P<rel>(?i-u:ago|earlier|later|on)){B})?", false),
    (Rule::YearPrefixed, r"{PFX}(?:{HY}|{SP}+)(?P<y>{YEAR})", false),
    (Rule::BareMonth, r"(?P<pfx>{PFX}(?:{HY}|{SP}+))?(?P<m>{MONF})", false),
    (Rule::Weekday, r"(?P<wd>{WEEKDAY})", false),
    // Clock times.
    (Rule::Clock, r"(?P<h>[01]?[0-9]|2[0-4]):(?P<mi>[0-5][0-9])(?::[0-5][0-9])?(?:{SP}*(?P<ap>{AMPM}))?(?:{SP}+(?:GMT|UTC|ICT)(?:{SP}*[+\-]{SP}*[0-9]{1,2})?{B})?", false),
    (Rule::ClockAmPm, r"(?:(?P<h0>1[0-2]|0?[0-9])(?:[.:][0-5][0-9])?{SP}*(?:{AMPM})?{SP}*(?:{DASH}|(?i-u:to)){SP}*)?(?P<h>1[0-2]|0?[0-9])(?:[.:h](?P<mi>[0-5][0-9]))?{SP}*(?P<ap>{AMPM})|(?P<h2>[01]?[0-9]|2[0-3])(?:h(?P<mi2>[0-5][0-9])|(?P<mi3>[0-5][0-9]){SP}+(?:GMT|UTC))(?-u:\b)", false),
    (Rule::ClockWord, r"(?P<h>[0-9]{1,2}|{WNUM}){SP}+o['’]clock{B}", false),
    (Rule::Noon, r"(?P<w>(?i-u:noon|midday|midnight)){B}", false),
    // Amounts with a unit.
    (Rule::Percent, r"(?P<n>{NUMQ})(?:%?{RNG}(?P<n2>{NUMQ}))?(?:{SP}*[%％]|(?:{SP}+|{SP}*{HY}{SP}*)(?:(?i-u:percentage){SP}+(?i-u:points?)|(?i-u:per){SP}?(?i-u:cent(?:age)?){SP}+(?i-u:points?)|(?i-u:percent|pct)|(?i-u:per){SP}?(?i-u:cent)){B})", false),
    (Rule::MoneyPrefix, r"(?P<cur>{CURP}){SP}?(?P<n>{NUMM})(?:{SP}*(?:{DASH}|to){SP}*(?:{CURP})?{SP}?(?P<n2>{NUMM}))?{B}", false),
    (Rule::MoneySuffix, r"(?P<n>{NUMQ})(?:{RNG}(?P<n2>{NUMQ}))?{SP}*(?P<cur>{CURS})", false),
    (Rule::Quantity, r"(?P<n>{NUMQ})(?:{RNG}(?P<n2>{NUMQ}))?(?:{SP}*|{SP}*{HY}{SP}*)(?P<u>{UNITS})", false),
    // Ordinals.
    (Rule::OrdinalDigits, r"(?P<n>[0-9]+)(?:st|nd|rd|th|ST|ND|RD|TH){B}", true),
    (Rule::OrdinalWord, r"(?P<w>{ORDW})", true),
    // Ranges of bare numbers: years first.
    (Rule::YearRange, r"(?P<y1>[0-9]{3,4}){SP}?(?P<sep>{DASH}|/){SP}?(?P<y2>[0-9]{4}|[0-9]{2}){B}", false),
    (Rule::YearSpanTo, r"(?P<y1>{YEAR}){SP}+(?i-u:to|until|till|through){SP}+(?P<y2>{YEAR})", false),
    (Rule::NumberRange, r"(?P<n>{NUMS}){SP}*{DASH}{SP}*(?P<n2>{NUMS})", false),
    // Plain numbers, and the identifiers that must not yield one.
    (Rule::Cardinal, r"(?P<n>[0-9]{1,3}(?:\.[0-9]{3}){2,}){B}", true),
    (Rule::Skip, r"[0-9]+(?:\.[0-9]+){2,}", true),
    (Rule::Skip, r"{B}(?:No|NO|Nos|no)\.{SP}*[0-9][0-9A-Za-z/.\-]*|#[0-9]+", true),
    (Rule::Cardinal, r"(?P<n>{NUMD}{SP}?(?:bn|mn|trn|tn){B})", true),
    // Digits glued to letters (`5G`, `57-NQ/TW`); a full stop before a letter is a missing space.
    (Rule::Skip, r"[0-9](?:[0-9.,]{0,30}[0-9])?(?:[A-Za-z_]|[/\-\x{2010}\x{2011}][0-9A-Za-z])[0-9A-Za-z_./\-\x{2010}\x{2011}]*", true),
    (Rule::Skip, r"[A-Za-z][A-Za-z.&'’]*[/+\-\x{2010}\x{2011}]?[0-9][0-9A-Za-z_./\-]*", true),
    (Rule::Cardinal, r"(?P<n>{NUMS})", true),
    (Rule::CardinalWords, r"(?P<n>{WNUM})", true),
    (Rule::Vague, r"(?P<s>(?:(?i-u:tens|hundreds){SP}+(?i-u:of){SP}+(?i-u:thousands|millions|billions))|(?i-u:dozens|hundreds|thousands|millions|billions|tens)){SP}+(?i-u:of){B}", true),
];

/// Words after which a month name alone (`in May`) is a date rather than a verb or a name.
#[rustfmt::skip]
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "before", "after", "during", "from", "through", "throughout", "of", "to",
    "between", "and", "or", "last", "next", "this", "early", "late", "mid", "for", "as",
];

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// Quantity units as written, and the unit reported for them.
#[rustfmt::skip]
const UNITS: &[(&str, &str)] = &[
    ("km", "km"), ("kms", "km"), ("kilometres", "km"), ("kilometers", "km"), ("kilometre", "km"), ("kilometer", "km"),
    ("metres", "m"), ("meters", "m"), ("metre", "m"), ("meter", "m"),
    ("cm", "cm"), ("centimetres", "cm"), ("centimeters", "cm"), ("mm", "mm"), ("millimetres", "mm"), ("millimeters", "mm"),
    ("sq km", "km2"), ("sq. km", "km2"), ("square kilometres", "km2"), ("square kilometers", "km2"),
    ("square kilometre", "km2"), ("square kilometer", "km2"), ("km2", "km2"), ("km²", "km2"),
    ("sq m", "m2"), ("square metres", "m2"), ("square meters", "m2"), ("square metre", "m2"), ("square meter", "m2"),
    ("m2", "m2"), ("m²", "m2"), ("cubic metres", "m3"), ("cubic meters", "m3"), ("m3", "m3"), ("m³", "m3"),
    ("ha", "ha"), ("hectares", "ha"), ("hectare", "ha"), ("acres", "acre"), ("acre", "acre"),
    ("tonnes", "tonnes"), ("tonne", "tonnes"), ("tons", "tonnes"), ("ton", "tonnes"), ("metric tons", "tonnes"),
    ("metric tonnes", "tonnes"), ("kg", "kg"), ("kilograms", "kg"), ("kilogrammes", "kg"), ("kilogram", "kg"),
    ("grams", "g"), ("gram", "g"),
    ("MW", "MW"), ("megawatts", "MW"), ("megawatt", "MW"), ("GW", "GW"), ("gigawatts", "GW"), ("gigawatt", "GW"),
    ("kW", "kW"), ("kilowatts", "kW"), ("kilowatt", "kW"), ("kWh", "kWh"), ("MWh", "MWh"), ("GWh", "GWh"),
    ("TWh", "TWh"), ("kilowatt-hours", "kWh"), ("kilowatt hours", "kWh"), ("MWp", "MWp"),
    ("miles", "mi"), ("mile", "mi"), ("nautical miles", "nmi"), ("feet", "ft"), ("foot", "ft"), ("ft", "ft"),
    ("litres", "l"), ("liters", "l"), ("litre", "l"), ("liter", "l"), ("barrels", "barrels"), ("barrel", "barrels"),
    ("TEUs", "TEU"), ("TEU", "TEU"), ("°C", "°C"), ("degrees Celsius", "°C"), ("°F", "°F"),
    ("degrees Fahrenheit", "°F"), ("km/h", "km/h"), ("kph", "km/h"), ("mph", "mph"), ("Mbps", "Mbps"), ("Gbps", "Gbps"),
];

/// Currency marks written before the amount.
#[rustfmt::skip]
const CURRENCY_PREFIX: &[(&str, &str)] = &[
    ("US$", "USD"), ("U.S.$", "USD"), ("S$", "SGD"), ("A$", "AUD"), ("AU$", "AUD"), ("HK$", "HKD"), ("NZ$", "NZD"),
    ("C$", "CAD"), ("CA$", "CAD"), ("NT$", "TWD"), ("R$", "BRL"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"),
    ("¥", "JPY"), ("₫", "VND"), ("₹", "INR"), ("₩", "KRW"), ("₱", "PHP"), ("฿", "THB"), ("USD", "USD"), ("EUR", "EUR"),
    ("GBP", "GBP"), ("JPY", "JPY"), ("CNY", "CNY"), ("RMB", "CNY"), ("VND", "VND"), ("VNĐ", "VND"), ("VNđ", "VND"),
    ("KRW", "KRW"), ("SGD", "SGD"), ("AUD", "AUD"), ("THB", "THB"), ("INR", "INR"), ("HKD", "HKD"), ("CHF", "CHF"),
    ("CAD", "CAD"), ("TWD", "TWD"), ("MYR", "MYR"), ("IDR", "IDR"), ("LAK", "LAK"), ("KHR", "KHR"), ("RUB", "RUB"),
    ("NZD", "NZD"),
];

/// Currency names and codes written after the amount.
#[rustfmt::skip]
const CURRENCY_SUFFIX: &[(&str, &str)] = &[
    ("USD", "USD"), ("US dollars", "USD"), ("US dollar", "USD"), ("U.S. dollars", "USD"), ("American dollars", "USD"),
    ("Australian dollars", "AUD"), ("Singapore dollars", "SGD"), ("Singaporean dollars", "SGD"),
    ("Hong Kong dollars", "HKD"), ("Canadian dollars", "CAD"), ("New Zealand dollars", "NZD"),
    ("Taiwan dollars", "TWD"), ("dollars", "USD"), ("dollar", "USD"), ("VND", "VND"), ("VNĐ", "VND"), ("VNđ", "VND"),
    ("dong", "VND"), ("đồng", "VND"), ("euros", "EUR"), ("euro", "EUR"), ("EUR", "EUR"), ("yuan", "CNY"),
    ("CNY", "CNY"), ("RMB", "CNY"), ("renminbi", "CNY"), ("yen", "JPY"), ("JPY", "JPY"), ("won", "KRW"),
    ("KRW", "KRW"), ("baht", "THB"), ("THB", "THB"), ("ringgit", "MYR"), ("MYR", "MYR"), ("rupiah", "IDR"),
    ("IDR", "IDR"), ("rupees", "INR"), ("rupee", "INR"), ("INR", "INR"), ("Philippine pesos", "PHP"),
    ("Mexican pesos", "MXN"), ("roubles", "RUB"), ("rubles", "RUB"), ("pounds sterling", "GBP"), ("pounds", "GBP"),
    ("pound", "GBP"), ("GBP", "GBP"), ("sterling", "GBP"), ("kip", "LAK"), ("LAK", "LAK"), ("riels", "KHR"),
    ("riel", "KHR"), ("KHR", "KHR"), ("Swiss francs", "CHF"), ("CHF", "CHF"), ("SGD", "SGD"), ("AUD", "AUD"),
    ("HKD", "HKD"), ("CAD", "CAD"), ("NZD", "NZD"), ("TWD", "TWD"), ("kyat", "MMK"),
];

/// Reusable pieces of the rule patterns, each expanded against the ones before it.
fn fragments() -> Vec<(&'static str, String)> {
    let months_full: Vec<String> = MONTHS.iter().flat_map(|m| [m.to_string(), m.to_uppercase()]).collect();
    let raw: Vec<(&'static str, String)> = vec![
        // Spaces that may sit inside a mention; a newline ends it.
        ("SP", r"[ \t\x{A0}\x{2009}\x{202F}]".into()),
        // ASCII word boundary: the Unicode one stops the lazy DFA on non-ASCII text.
        ("B", r"(?-u:\b)".into()),
        ("HY", r"[\-\x{2010}\x{2011}]".into()),
        ("DASH", r"[\-\x{2010}-\x{2014}\x{2212}]".into()),
        ("THE", r"(?i-u:the)".into()),
        ("RSEP", r"(?:{SP}*{DASH}{SP}*|{SP}+(?:to|through|until|till|and){SP}+)".into()),
        ("RNG", r"(?:{SP}*{DASH}{SP}*|{SP}+(?i-u:to|or){SP}+)".into()),
        ("NUMD", r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]+(?:\.[0-9]+)?)".into()),
        ("SCALE", r"(?i-u:hundred|thousand|million|billion|trillion){B}".into()),
        ("NUMX", r"(?:{NUMD}(?:{SP}+{SCALE}|{SP}?(?:bn|mn|trn|tn){B})?)".into()),
        ("NUMS", r"(?:{NUMX}{B})".into()),
        // After a currency sign, a lone letter is a scale too: `$5m`, `£3bn`, `$2B`.
        ("NUMM", r"(?:{NUMD}(?:{SP}+{SCALE}|{SP}?(?:bn|mn|trn|tn|[mbkMBK]){B})?)".into()),
        (
            "WTOK",
            r"(?:(?i-u:twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:{HY}(?i-u:one|two|three|four|five|six|seven|eight|nine))?|(?i-u:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion|trillion|dozen)){B}"
                .into(),
        ),
        // A run of number words; `parse_words` splits it into well-formed numbers.
        ("WNUM", r"(?:(?i-u:an?){SP}+(?i-u:hundred|thousand|million|billion|trillion|dozen){B}|{WTOK})(?:(?:{SP}+(?i-u:and))?(?:{SP}+|{HY}){WTOK})*".into()),
        ("NUM", r"(?:{NUMS}|{WNUM})".into()),
        ("NUMQ", r"(?:{NUMX}|{WNUM})".into()),
        ("MONF", format!("(?:{}){{B}}", months_full.join("|"))),
        ("MON", r"(?:{MONF}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec){B}\.?)".into()),
        ("DAY", r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{B}".into()),
        ("YEAR", r"(?:1[0-9]{3}|2[01][0-9]{2}){B}".into()),
        ("WEEKDAY", r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){B}".into()),
        ("PFX", r"(?:(?i-u:early|mid|late|end)|(?:{THE}{SP}+)?(?i-u:end|beginning|start|middle|turn){SP}+(?i-u:of))".into()),
        (
            "UNITT",
            r"(?i-u:years?|months?|weeks?|days?|decades?|century|centuries|fortnights?|hours?|hrs?|minutes?|mins?|seconds?|secs?){B}"
                .into(),
        ),
        (
            "ORDW",
            r"(?:(?:(?i-u:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety){HY})?(?i-u:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?i-u:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|millionth|billionth)){B}"
                .into(),
        ),
        ("AMPM", r"(?:[aApP]\.[mM]\.|(?:[aApP]\.[mM]|am|pm|AM|PM){B})".into()),
        ("UNITS", alternation(UNITS.iter().map(|u| u.0), false, true)),
        ("CURS", alternation(CURRENCY_SUFFIX.iter().map(|c| c.0), false, true)),
        ("CURP", alternation(CURRENCY_PREFIX.iter().map(|c| c.0), true, false)),
    ];
    let mut done: Vec<(&'static str, String)> = Vec::with_capacity(raw.len());
    for (name, pat) in raw {
        let expanded = expand(&pat, &done);
        done.push((name, expanded));
    }
    done
}

/// Literal alternatives, longest first (the regex prefers the first that matches), each closed by
/// a word boundary when it ends in a letter, so `m` does not match the start of `million`. Units
/// and currencies after a number may be glued to it (`500MW`), so they open with no boundary;
/// a currency code before one may be too (`VND100`), so it closes with none.
fn alternation<'a>(items: impl Iterator<Item = &'a str>, open_boundary: bool, close_boundary: bool) -> String {
    let mut items: Vec<&str> = items.collect();
    items.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let alts: Vec<String> = items
        .iter()
        .map(|s| {
            let starts_word = open_boundary && s.starts_with(|c: char| c.is_ascii_alphanumeric());
            let ends_word = close_boundary && s.ends_with(|c: char| c.is_ascii_alphanumeric());
            let body = regex::escape(s).replace(' ', "{SP}+");
            format!("{}{body}{}", if starts_word { "{B}" } else { "" }, if ends_word { "{B}" } else { "" })
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

fn expand(pattern: &str, fragments: &[(&'static str, String)]) -> String {
    let mut out = pattern.to_string();
    for (name, body) in fragments {
        out = out.replace(&format!("{{{name}}}"), body);
    }
    out
}

/// A compiled rule set. Finding spans and reading their parts are split, because resolving capture
/// groups costs time in proportion to the size of the automaton: `find` (every rule as its own
/// pattern, no groups) locates the next mention with the lazy DFA alone and names the rule that
/// matched, whose small regex then reads its groups.
struct RuleSet {
    find: meta::Regex,
    rules: Vec<(Rule, Regex)>,
}

static MAIN: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::build(false));
static FALLBACK: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::build(true));

impl RuleSet {
    fn build(fallback_only: bool) -> RuleSet {
        let frags = fragments();
        let mut bodies = Vec::new();
        let mut rules = Vec::new();
        for &(rule, pat, in_fallback) in RULES {
            if fallback_only && !in_fallback {
                continue;
            }
            let mut body = expand(pat, &frags);
            // Mentions start a word; the skips and currency signs may start with punctuation.
            if !matches!(rule, Rule::Skip | Rule::MoneyPrefix) {
                body = format!(r"(?-u:\b)(?:{body})");
            }
            rules.push((rule, compile(&format!("^(?:{body})$"))));
            bodies.push(body);
        }
        // One pattern per rule, leftmost-first: at the leftmost position where any rule matches,
        // the first rule in table order wins (as in one alternation of them all), and the match
        // says which rule it was. The finder reads no groups.
        let find = meta::Regex::builder()
            .configure(
                meta::Config::new()
                    .nfa_size_limit(Some(256 << 20))
                    .hybrid_cache_capacity(32 << 20)
                    .which_captures(WhichCaptures::Implicit),
            )
            .build_many(&bodies)
            .expect("the numeric rule table is a valid regex");
        RuleSet { find, rules }
    }

    /// The next match at or after `pos` in `text[..end]`: (rule index, start, end).
    fn next(&self, text: &str, pos: usize, end: usize) -> Option<(usize, usize, usize)> {
        let m = self.find.search(&Input::new(&text[..end]).range(pos..))?;
        Some((m.pattern().as_usize(), m.start(), m.end()))
    }
}

fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .size_limit(256 << 20)
        .dfa_size_limit(32 << 20)
        .build()
        .expect("the numeric rule table is a valid regex")
}

/// The current match: which rule, where, and its named parts.
struct Hit<'a, 't> {
    text: &'t str,
    rule: Rule,
    re: &'a Regex,
    /// None when the rule's only group is the whole match.
    locs: Option<&'a CaptureLocations>,
    start: usize,
    end: usize,
}

impl<'t> Hit<'_, 't> {
    fn at(&self, name: &str) -> Option<(usize, usize)> {
        let Some(locs) = self.locs else { return Some((self.start, self.end)) };
        let idx = self.re.capture_names().position(|n| n == Some(name))?;
        locs.get(idx).map(|(a, b)| (self.start + a, self.start + b))
    }
    fn s(&self, name: &str) -> Option<&'t str> {
        self.at(name).map(|(a, b)| &self.text[a..b])
    }
    fn has(&self, name: &str) -> bool {
        self.at(name).is_some()
    }
    fn lower(&self, name: &str) -> Option<String> {
        self.s(name).map(str::to_ascii_lowercase)
    }
}

// ---------------------------------------------------------------------------------------------
// Interpreting matches.

/// A value that may need the anchor year, known only at the end of the scan.
#[derive(Debug, Clone)]
enum Pending {
    Ready(Option<String>),
    Day(u32, u32),
    DayRange((u32, u32), (u32, u32)),
    Month(u32),
    MonthRange(u32, u32),
    /// Quarter (`Q`) or half (`H`) of a year.
    Part(char, u32),
    /// `Eighty years ago, on January 6, 1946`: the date in apposition, at this precision
    /// (the length of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    FromNext(usize),
}

struct Found {
    start: usize,
    end: usize,
    label: &'static str,
    value: Pending,
    unit: Option<String>,
    /// The year of a full date (day, month, year): the first one anchors year-less dates.
    full_year: Option<i32>,
}

enum Step {
    Emit(Found),
    /// A run of number words holding several numbers (`one two`).
    Many(Vec<Found>),
    Skip,
    /// Not a mention, and neither is the code it starts (`2021-26-30`, `123/2025/ND-CP`).
    SkipTo(usize),
    Reject,
}

struct Scan<'t> {
    text: &'t str,
    doc: Option<NaiveDate>,
    out: Vec<Found>,
    first_full_year: Option<i32>,
}

fn found(start: usize, end: usize, label: &'static str, value: Pending) -> Step {
    Step::Emit(Found { start, end, label, value, unit: None, full_year: None })
}

fn ready(start: usize, end: usize, label: &'static str, value: Option<String>) -> Step {
    found(start, end, label, Pending::Ready(value))
}

fn with_unit(h: &Hit, label: &'static str, value: Option<String>, unit: &str) -> Step {
    let unit = Some(unit.to_string());
    Step::Emit(Found { start: h.start, end: h.end, label, value: Pending::Ready(value), unit, full_year: None })
}

/// A date that states its year; when valid it may anchor the year-less dates of the text.
fn full_date(h: &Hit, y: i32, value: Option<String>) -> Step {
    let full_year = value.as_ref().map(|_| y);
    Step::Emit(Found { start: h.start, end: h.end, label: DATE, value: Pending::Ready(value), unit: None, full_year })
}

impl Scan<'_> {
    /// Interprets the match `start..end` of `set`; returns where the next search starts, or None
    /// when the rule rejected its match.
    fn step(&mut self, set: &RuleSet, rule: usize, start: usize, end: usize) -> Option<usize> {
        let (rule, re) = set.rules.get(rule)?;
        // The commonest rules read nothing but the whole match: skip resolving their groups.
        let whole = matches!(
            rule,
            Rule::Skip | Rule::Cardinal | Rule::CardinalWords | Rule::OrdinalDigits | Rule::OrdinalWord | Rule::Weekday
        );
        let mut locs = re.capture_locations();
        if !whole {
            re.captures_read(&mut locs, &self.text[start..end])?;
        }
        let locs = (!whole).then_some(&locs);
        let hit = Hit { text: self.text, rule: *rule, re, locs, start, end };
        match self.apply(&hit) {
            Step::Emit(f) => self.accept(f),
            Step::Many(fs) => fs.into_iter().map(|f| self.accept(f)).last().flatten().or(Some(end)),
            Step::Skip => Some(end),
            Step::SkipTo(pos) => Some(pos.max(end)),
            Step::Reject => None,
        }
    }

    /// Keeps an emitted span whose edges do not cut a word; returns where the next search starts.
    fn accept(&mut self, f: Found) -> Option<usize> {
        if !clean_edges(self.text, f.start, f.end) {
            return None;
        }
        if self.first_full_year.is_none() {
            self.first_full_year = f.full_year;
        }
        let next = f.end;
        self.out.push(f);
        Some(next)
    }

    /// Reads the rejected region `start..end` again with the plain-number rules only.
    fn fallback(&mut self, start: usize, end: usize) -> usize {
        let min_next = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        // Bounded to the region, so a rejection never costs a search through the rest of the text.
        let Some((rule, s, e)) = FALLBACK.next(self.text, start, end) else { return end };
        self.step(&FALLBACK, rule, s, e).unwrap_or(e).max(min_next)
    }

    fn finish(self) -> Vec<NumericSpan> {
        let anchor = self.doc.map(|d| d.year()).or(self.first_full_year);
        let apposed: Vec<Option<usize>> =
            self.out.iter().map(|f| if let Pending::FromNext(p) = f.value { Some(p) } else { None }).collect();
        let mut spans: Vec<NumericSpan> = self
            .out
            .into_iter()
            .map(|f| NumericSpan {
                start: f.start,
                end: f.end,
                label: f.label,
                value: resolve(f.value, anchor),
                unit: f.unit,
            })
            .collect();
        for (i, precision) in apposed.iter().enumerate() {
            let Some(precision) = precision else { continue };
            let Some(next) = spans.get(i + 1) else { continue };
            let gap = self.text[spans[i].end..next.start].trim_matches([',', ' ', '\u{a0}']).to_ascii_lowercase();
            let date = next.value.as_deref().filter(|v| {
                next.label == DATE
                    && v.len() >= *precision
                    && v.as_bytes()[4..].iter().all(|b| matches!(b, b'-' | b'0'..=b'9'))
            });
            if matches!(gap.as_str(), "" | "on" | "in") {
                spans[i].value = date.map(|v| v[..*precision].to_string());
            }
        }
        spans
    }

    fn apply(&self, h: &Hit) -> Step {
        match h.rule {
            Rule::Skip => Step::Skip,
            Rule::WeekdayDate | Rule::MonthDay | Rule::DayMonth => self.day_date(h),
            Rule::MonthDayRange | Rule::DayMonthRange => self.day_range(h),
            Rule::MonthRange => month_range(h),
            Rule::MonthYear => month_year(h),
            Rule::IsoDate => self.iso_date(h),
            Rule::NumericDate => self.numeric_date(h),
            Rule::Decade => ready(h.start, h.end, DATE, h.s("dec").map(str::to_string)),
            Rule::Century => century(h),
            Rule::QuarterHalf | Rule::QuarterCode => self.quarter(h),
            Rule::Anniversary => self.anniversary(h),
            Rule::PartOfDay => ready(h.start, h.end, TIME, None),
            Rule::Relative => self.relative(h),
            Rule::EndOfThe => self.end_of_the(h),
            Rule::Today => self.today(h),
            Rule::PastNext => past_next(h),
            Rule::DurationAgo | Rule::Duration => self.duration(h),
            Rule::Aged => aged(h),
            Rule::YearPrefixed => ready(h.start, h.end, DATE, h.s("y").map(str::to_string)),
            Rule::BareMonth => self.bare_month(h),
            Rule::Weekday => self.weekday(h),
            Rule::Clock | Rule::ClockAmPm | Rule::ClockWord => clock(h),
            Rule::Noon => noon(h),
            Rule::Percent => percent(h),
            Rule::MoneyPrefix | Rule::MoneySuffix => self.money(h),
            Rule::Quantity => quantity(h),
            Rule::OrdinalDigits => ordinal_digits(h),
            Rule::OrdinalWord => self.ordinal_word(h),
            Rule::YearRange | Rule::YearSpanTo => self.year_range(h),
            Rule::NumberRange => self.number_range(h),
            Rule::Cardinal => self.cardinal(h),
            Rule::CardinalWords => self.cardinal_words(h),
            Rule::Vague => match h.at("s") {
                Some((s, e)) => ready(s, e, CARDINAL, None),
                None => Step::Skip,
            },
        }
    }

    // ----- calendar dates -----

    fn day_date(&self, h: &Hit) -> Step {
        let (Some(m), Some(d)) = (h.s("m").or(h.s("m2")).and_then(month_num), h.s("d").or(h.s("d2")).and_then(day_num))
        else {
            return Step::Reject;
        };
        match h.s("y").and_then(year_num) {
            Some(y) => {
                let value = ymd(y, m, d);
                full_date(h, y, value)
            }
            None => found(h.start, h.end, DATE, Pending::Day(m, d)),
        }
    }

    fn day_range(&self, h: &Hit) -> Step {
        // One month name serves both days: `January 19-23`, `19–23 January`.
        let (m1, m2) = (h.s("m1").and_then(month_num), h.s("m2").and_then(month_num));
        let (m1, m2) = (m1.or(m2), m2.or(m1));
        let (Some(m1), Some(m2), Some(d1), Some(d2)) =
            (m1, m2, h.s("d1").and_then(day_num), h.s("d2").and_then(day_num))
        else {
            return Step::Reject;
        };
        // `January 19 and 23` names two days, not a period: keep the span, leave the value open.
        if h.lower("sep").is_some_and(|s| s.contains("and")) {
            return ready(h.start, h.end, DATE, None);
        }
        match h.s("y").and_then(year_num) {
            Some(y) => {
                let value = day_range_value(y, (m1, d1), (m2, d2));
                full_date(h, y, value)
            }
            None => found(h.start, h.end, DATE, Pending::DayRange((m1, d1), (m2, d2))),
        }
    }

    fn iso_date(&self, h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        if h.s("s1") != h.s("s2") {
            return Step::Reject;
        }
        let (Some(y), Some(m), Some(d)) =
            (h.s("y").and_then(year_num), h.s("mo").and_then(num_u32), h.s("d").and_then(num_u32))
        else {
            return Step::Reject;
        };
        let value = ymd(y, m, d);
        full_date(h, y, value)
    }

    /// `23/01/2026`, `01/23/2026`: the order that makes a real date; `02/03/2026` stays unresolved
    /// (either order could be meant), except with dots (`02.03.2026`), which only day-first
    /// writers use.
    fn numeric_date(&self, h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        if h.s("s1") != h.s("s2") {
            return Step::Reject;
        }
        let (Some(a), Some(b), Some(y)) =
            (h.s("a").and_then(num_u32), h.s("b").and_then(num_u32), h.s("y").and_then(year_num))
        else {
            return Step::Reject;
        };
        let dotted = h.s("s1") == Some(".");
        let value = if a > 12 || dotted || a == b {
            ymd(y, b, a)
        } else if b > 12 {
            ymd(y, a, b)
        } else {
            None
        };
        full_date(h, y, value)
    }

    fn quarter(&self, h: &Hit) -> Step {
        let (kind, n) = if let Some(q) = h.s("q") {
            let mut cs = q.chars();
            (cs.next().unwrap_or('Q'), cs.next().and_then(|c| c.to_digit(10)).unwrap_or(0))
        } else {
            let kind = if h.lower("qh").as_deref() == Some("half") { 'H' } else { 'Q' };
            let o = h.lower("o").unwrap_or_default();
            let n = match o.as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                "fourth" | "4th" => 4,
                _ if kind == 'H' => 2, // `final`
                _ => 4,
            };
            (kind, n)
        };
        if (kind == 'H' && n > 2) || n == 0 {
            return Step::Reject;
        }
        let year = match (h.s("y").and_then(year_num), h.lower("rel")) {
            (Some(y), _) => Some(y),
            (None, Some(rel)) => self.doc.map(|d| d.year() + rel_step(&rel)),
            (None, None) => return found(h.start, h.end, DATE, Pending::Part(kind, n)),
        };
        ready(h.start, h.end, DATE, year.map(|y| format!("{y:04}-{kind}{n}")))
    }

    /// `the 100th anniversary of the founding (1930–2030)` is 2030; `to 2045, the centenary` is
    /// 2045: the year comes from the period or year the sentence gives, never from a guess.
    fn anniversary(&self, h: &Hit) -> Step {
        let n = if let Some(n) = h.s("n").and_then(num_u32) {
            Some(n)
        } else if let Some(w) = h.s("w") {
            ordinal_words(w).and_then(|v| u32::try_from(v).ok())
        } else {
            match h.lower("c").as_deref() {
                Some("centenary" | "centennial") => Some(100),
                Some("bicentenary" | "bicentennial") => Some(200),
                Some("semicentennial") => Some(50),
                Some("sesquicentennial") => Some(150),
                _ => None,
            }
        };
        let value = n.and_then(|n| anniversary_year(h.text, h.start, h.end, n)).map(|y| y.to_string());
        ready(h.start, h.end, DATE, value)
    }

    fn relative(&self, h: &Hit) -> Step {
        let (Some(rel), Some(unit)) = (h.lower("rel"), h.s("u")) else {
            return Step::Reject;
        };
        let value = self.doc.and_then(|d| relative_value(d, &rel, unit));
        ready(h.start, h.end, DATE, value)
    }

    fn end_of_the(&self, h: &Hit) -> Step {
        let value = self.doc.and_then(|d| match h.lower("u").as_deref() {
            Some("year") => Some(format!("{:04}", d.year())),
            Some("month") => Some(format!("{:04}-{:02}", d.year(), d.month())),
            Some("week") => Some(iso_week(d)),
            _ => None,
        });
        ready(h.start, h.end, DATE, value)
    }

    fn today(&self, h: &Hit) -> Step {
        let shift = match h.text[h.start..h.end].to_ascii_lowercase().as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let value = self.doc.and_then(|d| add_days(d, shift)).map(day_string);
        ready(h.start, h.end, DATE, value)
    }

    fn duration(&self, h: &Hit) -> Step {
        let Some((label, designator, factor)) = h.s("u").and_then(unit_info) else {
            return Step::Reject;
        };
        let mut end = h.end;
        let mut rel = h.lower("rel");
        // `80 years on` means "now"; in `40 years on the throne` the `on` belongs to the noun.
        if rel.as_deref() == Some("on") && followed_by_word(h.text, h.end) {
            rel = None;
            end = h.at("old").or(h.at("u")).map_or(h.end, |(_, e)| e);
        }
        // `a week` is a duration; `once a year`, `twice a week`, `$5 a day` are rates.
        // `in a second`, `wait a minute` are idioms, not durations.
        if h.has("a") && h.lower("u").is_some_and(|u| u.starts_with("sec") || u.starts_with("min")) {
            return Step::Skip;
        }
        if h.has("a") && (matches!(prev_word(h.text, h.start).as_str(), "once" | "twice" | "thrice" | "times" | "per") || h.text[..h.start].trim_end().ends_with(|c: char| c.is_ascii_digit() || c == '%')) {
            return Step::Skip;
        }
        let n = match h.s("n") {
            Some(n) => parse_number(n),
            None => Some("1".to_string()), // `a year ago`, `a week`
        };
        let value = if h.has("n2") {
            None
        } else if h.has("old") {
            n.filter(|_| designator == 'Y' && factor == 1).map(|n| format!("P{n}Y"))
        } else {
            match rel.as_deref() {
                None => n.map(|n| iso_duration(label, &times_small(&n, factor), designator)),
                Some("ago") if self.doc.is_none() && label == DATE => {
                    let precision = match designator {
                        'Y' => 4,
                        'M' => 7,
                        _ => 10,
                    };
                    return found(h.start, end, label, Pending::FromNext(precision));
                }
                Some("ago") => self.doc.zip(n).and_then(|(d, n)| ago_value(d, &n, designator, factor)),
                Some("on") => self.doc.filter(|_| label == DATE && designator == 'Y').map(|d| d.year().to_string()),
                _ => None,
            }
        };
        ready(h.start, end, label, value)
    }

    fn bare_month(&self, h: &Hit) -> Step {
        let Some(m) = h.s("m").and_then(month_num) else {
            return Step::Reject;
        };
        // A month name alone is a date after a preposition (`in May`), not as a verb or a name.
        if !h.has("pfx") && !MONTH_CUES.contains(&prev_word(h.text, h.start).as_str()) {
            return Step::Skip;
        }
        found(h.start, h.end, DATE, Pending::Month(m))
    }

    fn weekday(&self, h: &Hit) -> Step {
        let value = h
            .s("wd")
            .and_then(weekday_of)
            .zip(self.doc)
            .and_then(|(wd, d)| add_days(d, -i64::from(days_back(d.weekday(), wd))))
            .map(day_string);
        ready(h.start, h.end, DATE, value)
    }

    // ----- amounts -----

    fn money(&self, h: &Hit) -> Step {
        let Some(cur) = h.s("cur") else { return Step::Reject };
        let Some(code) = currency_code(cur, h.rule == Rule::MoneyPrefix) else {
            return Step::Reject;
        };
        let Some(n) = h.s("n") else { return Step::Reject };
        let ln = n.to_ascii_lowercase();
        let scaled =
            ["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "tn"].iter().any(|w| ln.contains(w));
        // `won` and `pounds` are also a verb and a weight: only with a scale word are they money.
        match cur {
            "won" if !scaled => return Step::Reject,
            "pounds" | "pound" if !scaled => {
                let value = if h.has("n2") { None } else { parse_number(n) };
                return with_unit(h, QUANTITY, value, "lb");
            }
            _ => {}
        }
        let value = if h.has("n2") { None } else { parse_number(n) };
        with_unit(h, MONEY, value, code)
    }

    // ----- ordinals and plain numbers -----

    fn ordinal_word(&self, h: &Hit) -> Step {
        let Some(w) = h.s("w") else { return Step::Reject };
        let lw = w.to_ascii_lowercase();
        let next = &h.text[h.end..];
        // `one-third` is a fraction; `third-party` no rank.
        let fraction = hyphen_then_letter(h.text[..h.start].chars().rev());
        if is_title_name(h.text, h.start, h.end)
            || fraction
            || next.starts_with("-part")
            || (lw == "second" && is_time_second(h.text, h.start, h.end))
        {
            return Step::Skip;
        }
        ready(h.start, h.end, ORDINAL, ordinal_words(w).map(|v| v.to_string()))
    }

    fn year_range(&self, h: &Hit) -> Step {
        let (Some(a), Some(b)) = (h.s("y1"), h.s("y2")) else {
            return Step::Reject;
        };
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        let (Some(y1), Some(y2)) = (num_u32(a), num_u32(b)) else {
            return Step::Reject;
        };
        let slash = h.s("sep") == Some("/");
        let is_year = |y: u32| (1000..=2199).contains(&y);
        let value = match (a.len(), b.len()) {
            (4, 2) if is_year(y1) => {
                let mut end = y1 / 100 * 100 + y2;
                if end <= y1 {
                    // `2026-01` is a month; `1998–02` crosses a century.
                    if !slash && (1..=12).contains(&y2) && h.s("sep") == Some("-") {
                        return ready(h.start, h.end, DATE, Some(format!("{y1:04}-{y2:02}")));
                    }
                    end += 100;
                }
                Some(format!("{y1}/{end}"))
            }
            (4, 4) if is_year(y1) && is_year(y2) => (y1 <= y2).then(|| format!("{y1}/{y2}")),
            // `226–2031`: a typo for a period, still a date mention but with no value.
            (3, 4) if is_year(y2) && !slash => None,
            _ if slash => return Step::Skip, // `123/2025`: a document number
            _ => return ready(h.start, h.end, CARDINAL, None),
        };
        // `2025/26` is a season; `2021/2030` rarely a period: read slashes as periods only when short.
        if slash && value.is_some() && y2 % 100 != (y1 + 1) % 100 {
            return Step::Skip;
        }
        ready(h.start, h.end, DATE, value)
    }

    fn number_range(&self, h: &Hit) -> Step {
        if continues_identifier(h.text, h.end) {
            return Step::SkipTo(identifier_end(h.text, h.end));
        }
        ready(h.start, h.end, CARDINAL, None)
    }

    fn cardinal(&self, h: &Hit) -> Step {
        let Some((s, e)) = h.at("n") else { return Step::Reject };
        let n = &h.text[s..e];
        // `0912`, `007`: a code or a phone number, not a count.
        if n.len() > 1 && n.starts_with('0') && n.as_bytes()[1].is_ascii_digit() {
            return Step::Skip;
        }
        if n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(y) = num_u32(n) {
                if self.year_like(s, e, y) {
                    return ready(s, e, DATE, Some(n.to_string()));
                }
            }
        }
        ready(s, e, CARDINAL, parse_number(n))
    }

    /// A four-digit number written without a separator is a year when it could be one; older
    /// years need a cue (`in 1858`, `(1858)`), since `1500 workers` is a count.
    fn year_like(&self, s: usize, e: usize, y: u32) -> bool {
        if (1900..=2100).contains(&y) {
            return true;
        }
        if !(1000..=2199).contains(&y) {
            return false;
        }
        const CUES: &[&str] = &[
            "in", "since", "by", "from", "until", "till", "to", "before", "after", "during", "of", "year", "early",
            "late", "mid",
        ];
        let bracketed = self.text[..s].ends_with('(') && self.text[e..].starts_with(')');
        bracketed || CUES.contains(&prev_word(self.text, s).as_str())
    }

    /// Splits a run of number words into well-formed numbers: `one two` is two mentions.
    fn cardinal_words(&self, h: &Hit) -> Step {
        let Some((mut s, end)) = h.at("n") else {
            return Step::Reject;
        };
        let mut out = Vec::new();
        while s < end {
            let Some((value, used)) = parse_words(&h.text[s..end]) else {
                break;
            };
            let e = s + used;
            let word = h.text[s..e].to_ascii_lowercase();
            let skip = is_hyphen_compound(h.text, s, e)
                || is_title_name(h.text, s, e)
                || (word == "one" && is_pronoun_one(h.text, s, e));
            if !skip {
                out.push(Found {
                    start: s,
                    end: e,
                    label: CARDINAL,
                    value: Pending::Ready(Some(value.to_string())),
                    unit: None,
                    full_year: None,
                });
            }
            s = e + h.text[e..end].find(|c: char| c.is_ascii_alphabetic()).unwrap_or(end - e);
        }
        Step::Many(out)
    }
}

fn month_range(h: &Hit) -> Step {
    let (Some(m1), Some(m2)) = (h.s("m1").and_then(month_num), h.s("m2").and_then(month_num)) else {
        return Step::Reject;
    };
    if h.lower("sep").is_some_and(|s| s.contains("and")) {
        return ready(h.start, h.end, DATE, None);
    }
    match h.s("y").and_then(year_num) {
        Some(y) => ready(h.start, h.end, DATE, Some(format!("{y:04}-{m1:02}/{y:04}-{m2:02}"))),
        None => found(h.start, h.end, DATE, Pending::MonthRange(m1, m2)),
    }
}

fn month_year(h: &Hit) -> Step {
    let value = h.s("m").and_then(month_num).zip(h.s("y").and_then(year_num)).map(|(m, y)| format!("{y:04}-{m:02}"));
    ready(h.start, h.end, DATE, value)
}

/// `the 21st century` is `20` in ISO 8601 (the years 2000–2099).
fn century(h: &Hit) -> Step {
    let n = h.s("n").and_then(num_u32).or_else(|| h.s("w").and_then(ordinal_words).and_then(|v| u32::try_from(v).ok()));
    ready(h.start, h.end, DATE, n.filter(|n| (1..=100).contains(n)).map(|n| format!("{:02}", n - 1)))
}

fn past_next(h: &Hit) -> Step {
    let Some((label, designator, factor)) = h.s("u").and_then(unit_info) else {
        return Step::Reject;
    };
    let rel = h.lower("rel").unwrap_or_default();
    let unit = h.lower("u").unwrap_or_default();
    let value = if h.has("n2") || h.has("v") {
        None
    } else if let Some(n) = h.s("n") {
        parse_number(n).map(|n| iso_duration(label, &times_small(&n, factor), designator))
    } else {
        // `the past year` is a year-long period; `the next day` is a day, not a duration.
        let period = matches!(rel.as_str(), "past" | "last" | "previous" | "coming" | "next")
            && !unit.ends_with('s')
            && matches!(designator, 'Y' | 'M' | 'W')
            && label == DATE;
        period.then(|| iso_duration(label, &factor.to_string(), designator))
    };
    ready(h.start, h.end, label, value)
}

fn aged(h: &Hit) -> Step {
    let Some((s, e)) = h.at("s") else { return Step::Reject };
    ready(s, e, DATE, parse_number(&h.text[s..e]).map(|n| format!("P{n}Y")))
}

fn clock(h: &Hit) -> Step {
    let hour = h.s("h").or(h.s("h2")).and_then(parse_number).and_then(|s| s.parse::<u32>().ok());
    let minute = h.s("mi").or(h.s("mi2")).or(h.s("mi3")).and_then(num_u32).unwrap_or(0);
    let Some(mut hour) = hour else { return Step::Reject };
    match h.lower("ap").map(|s| s.starts_with('p')) {
        Some(pm) => {
            if !(1..=12).contains(&hour) {
                return Step::Reject;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        None if h.rule == Rule::ClockWord && !(1..=12).contains(&hour) => return Step::Reject,
        None => {}
    }
    if hour > 24 || (hour == 24 && minute > 0) {
        return Step::Reject;
    }
    // `8 to 10 p.m.` is a period: the span is right, a single time would not be.
    let value = (!h.has("h0")).then(|| format!("T{:02}:{minute:02}", hour % 24));
    ready(h.start, h.end, TIME, value)
}

fn noon(h: &Hit) -> Step {
    let value = if h.lower("w").as_deref() == Some("midnight") { "T00:00" } else { "T12:00" };
    ready(h.start, h.end, TIME, Some(value.into()))
}

fn percent(h: &Hit) -> Step {
    let value = if h.has("n2") { None } else { h.s("n").and_then(parse_number) };
    ready(h.start, h.end, PERCENT, value)
}

fn quantity(h: &Hit) -> Step {
    let Some(u) = h.s("u") else { return Step::Reject };
    let key = u.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((_, unit)) = UNITS.iter().find(|(w, _)| *w == key) else { return Step::Reject };
    let value = if h.has("n2") { None } else { h.s("n").and_then(parse_number) };
    with_unit(h, QUANTITY, value, unit)
}

fn ordinal_digits(h: &Hit) -> Step {
    let digits = h.text[h.start..h.end].trim_end_matches(|c: char| c.is_ascii_alphabetic());
    ready(h.start, h.end, ORDINAL, plain_decimal(digits))
}

fn currency_code(written: &str, prefix: bool) -> Option<&'static str> {
    let key = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = if prefix { CURRENCY_PREFIX } else { CURRENCY_SUFFIX };
    table.iter().find(|(w, _)| *w == key).map(|(_, c)| *c)
}

// ---------------------------------------------------------------------------------------------
// Dates.

fn resolve(value: Pending, anchor: Option<i32>) -> Option<String> {
    match value {
        Pending::Ready(v) => v,
        Pending::Day(m, d) => ymd(anchor?, m, d),
        Pending::DayRange(a, b) => day_range_value(anchor?, a, b),
        Pending::Month(m) => Some(format!("{:04}-{m:02}", anchor?)),
        Pending::MonthRange(a, b) => {
            let y = anchor?;
            Some(format!("{y:04}-{a:02}/{y:04}-{b:02}"))
        }
        Pending::Part(kind, n) => Some(format!("{:04}-{kind}{n}", anchor?)),
        Pending::FromNext(_) => None,
    }
}

/// A period within one stated year; `December 30 to January 2, 2026` starts the year before.
fn day_range_value(y: i32, (m1, d1): (u32, u32), (m2, d2): (u32, u32)) -> Option<String> {
    let y1 = if (m1, d1) > (m2, d2) { y - 1 } else { y };
    Some(format!("{}/{}", ymd(y1, m1, d1)?, ymd(y, m2, d2)?))
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(y, m, d).map(day_string)
}

fn day_string(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Month arithmetic on (year, month) pairs.
fn add_months(y: i32, m: u32, k: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + k;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

fn rel_step(rel: &str) -> i32 {
    match rel {
        "last" => -1,
        "next" => 1,
        _ => 0,
    }
}

/// Days from the latest `wd` on or before a day of weekday `today` (0 when they are the same).
fn days_back(today: Weekday, wd: Weekday) -> u32 {
    (today.num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7
}

fn relative_value(d: NaiveDate, rel: &str, unit: &str) -> Option<String> {
    let k = rel_step(rel);
    if let Some(wd) = weekday_of(unit) {
        let back = i64::from(days_back(d.weekday(), wd));
        let day = match rel {
            // The one before today, or a week back when today is that day.
            "last" => add_days(d, -(if back == 0 { 7 } else { back })),
            "next" => add_days(d, if back == 0 { 7 } else { 7 - back }),
            // The one in the same ISO week.
            _ => add_days(d, i64::from(wd.num_days_from_monday()) - i64::from(d.weekday().num_days_from_monday())),
        };
        return day.map(day_string);
    }
    if let Some(m) = month_num(unit) {
        let y = match rel {
            "last" if m >= d.month() => d.year() - 1,
            "next" if m <= d.month() => d.year() + 1,
            _ => d.year(),
        };
        return Some(format!("{y:04}-{m:02}"));
    }
    match unit.to_ascii_lowercase().as_str() {
        "year" => Some(format!("{:04}", d.year() + k)),
        "month" => {
            let (y, m) = add_months(d.year(), d.month(), k);
            Some(format!("{y:04}-{m:02}"))
        }
        "week" => add_days(d, 7 * i64::from(k)).map(iso_week),
        "weekend" => add_days(d, 7 * i64::from(k)).map(|w| format!("{}-WE", iso_week(w))),
        "quarter" => {
            let q = (d.month() - 1) / 3;
            let (y, m) = add_months(d.year(), q * 3 + 1, 3 * k);
            Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
        }
        _ => None, // seasons have no ISO 8601 form
    }
}

/// `five years ago` from the document date, at the precision of the unit.
fn ago_value(d: NaiveDate, n: &str, designator: char, factor: u32) -> Option<String> {
    let n: i64 = n.parse().ok().filter(|n| *n <= 100_000)?;
    let n = n * i64::from(factor);
    match designator {
        'Y' => Some(format!("{}", i64::from(d.year()) - n)),
        'M' => {
            let (y, m) = add_months(d.year(), d.month(), -i32::try_from(n).ok()?);
            Some(format!("{y:04}-{m:02}"))
        }
        'W' => add_days(d, -7 * n).map(iso_week),
        'D' => add_days(d, -n).map(day_string),
        _ => None,
    }
}

fn anniversary_year(text: &str, start: usize, end: usize, n: u32) -> Option<u32> {
    // `... to 2045, the centenary`: an apposition to the year just before.
    let before = text[..start].trim_end().trim_end_matches([',', '–', '—', '-']).trim_end();
    if let Some(y) = before.get(before.len().saturating_sub(4)..).and_then(num_u32) {
        let glued = before.len() > 4 && before[..before.len() - 4].ends_with(|c: char| c.is_ascii_digit());
        if (1000..=2199).contains(&y) && !glued && before.len() < text[..start].len() {
            return Some(y);
        }
    }
    // `... anniversary of the founding (1930–2030)` or `(1930)` later in the same sentence.
    let window = &text[end..floor_boundary(text, end + 200)];
    let window = window.split(['\n', ';']).next().unwrap_or("");
    let window = window.find(". ").map_or(window, |i| &window[..i]);
    for (i, _) in window.match_indices('(') {
        let inside = &window[i + 1..];
        let close = inside.find(')').unwrap_or(inside.len());
        let years: Vec<u32> =
            inside[..close].split(|c: char| !c.is_ascii_digit()).filter(|t| t.len() == 4).filter_map(num_u32).collect();
        match years.as_slice() {
            [a, b] if b.checked_sub(*a) == Some(n) => return Some(*b),
            [a] => return a.checked_add(n),
            _ => {}
        }
    }
    None
}

fn month_num(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    let idx = MONTHS.iter().position(|m| {
        let m = m.to_ascii_lowercase();
        l.len() >= 3 && (m == l || (l.len() <= 4 && m.starts_with(&l)))
    })?;
    Some(idx as u32 + 1)
}

fn weekday_of(s: &str) -> Option<Weekday> {
    match s.get(..3)?.to_ascii_lowercase().as_str() {
        "mon" => Some(Weekday::Mon),
        "tue" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
    .filter(|_| s.to_ascii_lowercase().ends_with("day"))
}

fn day_num(s: &str) -> Option<u32> {
    num_u32(s.trim_end_matches(|c: char| c.is_ascii_alphabetic()))
}

fn year_num(s: &str) -> Option<i32> {
    num_u32(s).and_then(|y| i32::try_from(y).ok())
}

/// Short digit strings only: longer ones would overflow and are no day, month or year anyway.
fn num_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// (label, ISO 8601 designator, multiplier) of a duration unit.
fn unit_info(u: &str) -> Option<(&'static str, char, u32)> {
    let u = u.to_ascii_lowercase();
    let info = if u.starts_with("year") {
        (DATE, 'Y', 1)
    } else if u.starts_with("decade") {
        (DATE, 'Y', 10)
    } else if u.starts_with("centur") {
        (DATE, 'Y', 100)
    } else if u.starts_with("month") {
        (DATE, 'M', 1)
    } else if u.starts_with("fortnight") {
        (DATE, 'W', 2)
    } else if u.starts_with("week") {
        (DATE, 'W', 1)
    } else if u.starts_with("day") {
        (DATE, 'D', 1)
    } else if u.starts_with("h") {
        (TIME, 'H', 1)
    } else if u.starts_with("min") {
        (TIME, 'M', 1)
    } else if u.starts_with("sec") {
        (TIME, 'S', 1)
    } else {
        return None;
    };
    Some(info)
}

fn iso_duration(label: &str, n: &str, designator: char) -> String {
    if label == TIME {
        format!("PT{n}{designator}")
    } else {
        format!("P{n}{designator}")
    }
}

// ---------------------------------------------------------------------------------------------
// Context checks.

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A mention must not start or end inside a word (`ệ5`, `5ệ`): the regex only knows ASCII words.
fn clean_edges(text: &str, s: usize, e: usize) -> bool {
    let span = &text[s..e];
    let starts_word = span.chars().next().is_some_and(is_word_char);
    let ends_word = span.chars().next_back().is_some_and(is_word_char);
    let prev_ok = !starts_word || !text[..s].chars().next_back().is_some_and(is_word_char);
    let next_ok = !ends_word || !text[e..].chars().next().is_some_and(is_word_char);
    s < e && prev_ok && next_ok
}

/// `2021-26-30`, `123/2025/ND-CP`, `2026-01.5`: the match is the start of a longer code. A full
/// stop before a letter is a missing space (`2026–2030.Other`), not a code.
fn continues_identifier(text: &str, e: usize) -> bool {
    let mut cs = text[e..].chars();
    match cs.next() {
        Some('-' | '/' | '\u{2010}' | '\u{2011}') => cs.next().is_some_and(|c| c.is_ascii_alphanumeric()),
        Some('.' | ':') => cs.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Where the code continuing at `e` ends.
fn identifier_end(text: &str, e: usize) -> usize {
    let is_code =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ':' | '_' | '\u{2010}' | '\u{2011}');
    let len = text[e..].find(|c: char| !is_code(c)).unwrap_or(text.len() - e);
    e + len
}

fn followed_by_word(text: &str, e: usize) -> bool {
    text[e..].trim_start_matches([' ', '\t', '\u{a0}']).chars().next().is_some_and(char::is_alphanumeric)
}

/// The word before `pos`, lowercased, skipping spaces and an opening bracket.
fn prev_word(text: &str, pos: usize) -> String {
    let before = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
    let start = before.char_indices().rev().find(|(_, c)| !c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
    before[start..].to_lowercase()
}

fn next_word(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start_matches(|c: char| c.is_whitespace());
    let end = after.find(|c: char| !c.is_alphanumeric()).unwrap_or(after.len());
    &after[..end]
}

fn at_sentence_start(text: &str, s: usize) -> bool {
    let before = text[..s].trim_end_matches([' ', '\t', '\u{a0}']);
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            matches!(c, '.' | '!' | '?' | '\n' | '\r' | ':' | ';' | '"' | '“' | '‘' | '(' | '[' | '—' | '–' | '-' | '•')
        }
    }
}

/// `Two Sessions`, `One Pillar Pagoda`, `First Secretary`: a capitalised number word inside a
/// sentence followed by another capitalised word belongs to a name.
fn is_title_name(text: &str, s: usize, e: usize) -> bool {
    let capitalised = text[s..e].starts_with(|c: char| c.is_uppercase());
    capitalised && !at_sentence_start(text, s) && next_word(text, e).starts_with(|c: char| c.is_uppercase())
}

/// `two-tier`, `one-party`, `Formula-One`: a number word fused with another word is no count.
fn is_hyphen_compound(text: &str, s: usize, e: usize) -> bool {
    hyphen_then_letter(text[e..].chars()) || hyphen_then_letter(text[..s].chars().rev())
}

fn hyphen_then_letter(mut cs: impl Iterator<Item = char>) -> bool {
    matches!(cs.next(), Some('-' | '\u{2010}' | '\u{2011}')) && cs.next().is_some_and(char::is_alphabetic)
}

/// `one another`, `no one`, `the one who`: the pronoun, not the number.
fn is_pronoun_one(text: &str, s: usize, e: usize) -> bool {
    let prev = prev_word(text, s);
    let next = next_word(text, e).to_ascii_lowercase();
    matches!(prev.as_str(), "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "someone" | "little")
        || matches!(next.as_str(), "another" | "by")
}

/// `in a second.`, `one second later`: the unit of time, not the ordinal.
fn is_time_second(text: &str, s: usize, e: usize) -> bool {
    let prev = prev_word(text, s);
    let next = next_word(text, e).to_ascii_lowercase();
    let after = text[e..].trim_start().chars().next();
    matches!(prev.as_str(), "a" | "one" | "per" | "split")
        && (after.is_none_or(|c| !c.is_alphanumeric()) || matches!(next.as_str(), "ago" | "later" | "earlier"))
}

fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

// ---------------------------------------------------------------------------------------------
// Numbers, as decimal strings so that no input can overflow.

/// `31,097` -> `31097`, `1.234.567` -> `1234567`, `1.90` -> `1.9`; None unless the separators sit
/// where thousands separators or one decimal point can.
fn plain_decimal(s: &str) -> Option<String> {
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

fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()));
    first_ok && parts.all(|p| p.len() == 3)
}

fn normalize(int: &str, frac: &str) -> String {
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
fn times_pow10(dec: &str, k: usize) -> String {
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
fn times_small(dec: &str, k: u32) -> String {
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
fn apply_scales(base: &str, rest: &str) -> Option<String> {
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

fn scale_power(w: &str) -> Option<usize> {
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
enum W {
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

fn word_kind(w: &str) -> Option<(W, u32)> {
    const UNITS_W: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    const TEENS: [&str; 10] =
        ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
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
fn word_tokens(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
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
fn parse_words(s: &str) -> Option<(u128, usize)> {
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
            W::Scale
                if matches!(last, W::A | W::Unit | W::Teen | W::Tens | W::Hundred | W::Dozen) && v < last_scale =>
            {
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

fn ordinal_word_value(w: &str) -> Option<(u128, bool)> {
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
    const TENS: [&str; 8] =
        ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
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
fn ordinal_words(s: &str) -> Option<u128> {
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

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    /// (text, label, value, unit) of every mention.
    fn run(text: &str, doc: Option<NaiveDate>) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
        find_numeric(text, doc)
            .into_iter()
            .map(|s| (text[s.start..s.end].to_string(), s.label, s.value, s.unit))
            .collect()
    }

    /// The single mention whose text is `span`, as (label, value).
    fn one(text: &str, doc: Option<NaiveDate>, span: &str) -> (&'static str, Option<String>) {
        let all = run(text, doc);
        let hit: Vec<_> = all.iter().filter(|m| m.0 == span).collect();
        assert_eq!(hit.len(), 1, "{span:?} in {text:?}: {all:?}");
        (hit[0].1, hit[0].2.clone())
    }

    fn check(text: &str, doc: Option<NaiveDate>, span: &str, label: &str, value: Option<&str>) {
        let (l, v) = one(text, doc, span);
        assert_eq!((l, v.as_deref()), (label, value), "{span:?} in {text:?}");
    }

    fn texts(text: &str) -> Vec<String> {
        run(text, None).into_iter().map(|m| m.0).collect()
    }

    fn doc() -> Option<NaiveDate> {
        d(2026, 1, 8)
    }

    #[test]
    fn calendar_dates() {
        check("published 2026-01-08 in Hanoi", None, "2026-01-08", DATE, Some("2026-01-08"));
        check("on January 7 the", doc(), "January 7", DATE, Some("2026-01-07"));
        check("on Jan. 23, delegates", doc(), "Jan. 23", DATE, Some("2026-01-23"));
        check("on Jan 23 delegates", doc(), "Jan 23", DATE, Some("2026-01-23"));
        check("held 23 January 2026.", None, "23 January 2026", DATE, Some("2026-01-23"));
        check("dated January 23, 2026 of", None, "January 23, 2026", DATE, Some("2026-01-23"));
        check("on January 6, 1946, history", None, "January 6, 1946", DATE, Some("1946-01-06"));
        check("in October 2025 the", None, "October 2025", DATE, Some("2025-10"));
        check("on the 23rd of January 2026", None, "23rd of January 2026", DATE, Some("2026-01-23"));
        check("on Wednesday, January 7, 2026, he", None, "Wednesday, January 7, 2026", DATE, Some("2026-01-07"));
        check("on February 30 there", doc(), "February 30", DATE, None);
        check("on 23/01/2026 at", None, "23/01/2026", DATE, Some("2026-01-23"));
        check("on 02/03/2026 at", None, "02/03/2026", DATE, None);
    }

    #[test]
    fn year_less_dates_take_an_anchor_year() {
        check("on January 26.", None, "January 26", DATE, None);
        check("on January 26.", d(2025, 5, 1), "January 26", DATE, Some("2025-01-26"));
        // No document date: the first full date of the text, even when written later.
        let t = "It ran from January 19 to January 23. Directive dated January 23, 2026 said.";
        check(t, None, "January 19 to January 23", DATE, Some("2026-01-19/2026-01-23"));
        check("in May the, and on 1 June 2024 the", None, "May", DATE, Some("2024-05"));
    }

    #[test]
    fn date_ranges() {
        check("from January 19 to January 23", doc(), "January 19 to January 23", DATE, Some("2026-01-19/2026-01-23"));
        check("held 19–23 January", doc(), "19–23 January", DATE, Some("2026-01-19/2026-01-23"));
        check("from 19 to 25 January", doc(), "19 to 25 January", DATE, Some("2026-01-19/2026-01-25"));
        check("on January 19-23 the", doc(), "January 19-23", DATE, Some("2026-01-19/2026-01-23"));
        check(
            "December 30 to January 2, 2026",
            None,
            "December 30 to January 2, 2026",
            DATE,
            Some("2025-12-30/2026-01-02"),
        );
        check("the term (2021–26), while", None, "2021–26", DATE, Some("2021/2026"));
        check("for 2026–2030 and", None, "2026–2030", DATE, Some("2026/2030"));
        check("the founding (1930–2030), while", None, "1930–2030", DATE, Some("1930/2030"));
        check("the 2026—2031 term", None, "2026—2031", DATE, Some("2026/2031"));
        check("for the 226–2031 term", None, "226–2031", DATE, None);
        check("from 2021 to 2025 the", None, "2021 to 2025", DATE, Some("2021/2025"));
        check("the 2025/26 season", None, "2025/26", DATE, Some("2025/2026"));
        check("from January to March 2026", None, "January to March 2026", DATE, Some("2026-01/2026-03"));
        assert_eq!(texts("the 2026–2031 term"), vec!["2026–2031"]);
    }

    #[test]
    fn weekdays_and_relative_dates() {
        check("The committee on Wednesday organised", doc(), "Wednesday", DATE, Some("2026-01-07"));
        check("on Thursday it", doc(), "Thursday", DATE, Some("2026-01-08"));
        check("held talks on Friday with", None, "Friday", DATE, None);
        check("this week the", doc(), "this week", DATE, Some("2026-W02"));
        check("last year the", doc(), "last year", DATE, Some("2025"));
        check("next month the", doc(), "next month", DATE, Some("2026-02"));
        check("Last month the", d(2026, 1, 15), "Last month", DATE, Some("2025-12"));
        check("this year", doc(), "this year", DATE, Some("2026"));
        check("earlier this year", doc(), "earlier this year", DATE, Some("2026"));
        check("by the end of this year", doc(), "the end of this year", DATE, Some("2026"));
        check("by the end of the year", doc(), "the end of the year", DATE, Some("2026"));
        check("in early 2026 the", None, "early 2026", DATE, Some("2026"));
        check("since mid-2024 the", None, "mid-2024", DATE, Some("2024"));
        check("in late 2025", None, "late 2025", DATE, Some("2025"));
        check("by the end of 2025,", None, "the end of 2025", DATE, Some("2025"));
        check("last Friday the", doc(), "last Friday", DATE, Some("2026-01-02"));
        check("next Monday", doc(), "next Monday", DATE, Some("2026-01-12"));
        check("last May the", doc(), "last May", DATE, Some("2025-05"));
        check("the first half of next year", doc(), "the first half of next year", DATE, Some("2027-H1"));
        check("today the", doc(), "today", DATE, Some("2026-01-08"));
        check("yesterday the", doc(), "yesterday", DATE, Some("2026-01-07"));
        check("in the 1990s", None, "the 1990s", DATE, Some("199"));
        check("in the 21st century", None, "the 21st century", DATE, Some("20"));
        check("in the first quarter of 2026", None, "the first quarter of 2026", DATE, Some("2026-Q1"));
        check("in Q3 2025 the", None, "Q3 2025", DATE, Some("2025-Q3"));
        check("in mid-January the", doc(), "mid-January", DATE, Some("2026-01"));
        check("since January the", doc(), "January", DATE, Some("2026-01"));
        assert!(texts("May we all agree").is_empty());
    }

    #[test]
    fn durations() {
        check("review 40 years of renewal", None, "40 years", DATE, Some("P40Y"));
        check("five years of implementing", None, "five years", DATE, Some("P5Y"));
        check("After five days of work", None, "five days", DATE, Some("P5D"));
        check("on the 15-year implementation", None, "15-year", DATE, Some("P15Y"));
        check("of the five-year implementation", None, "five-year", DATE, Some("P5Y"));
        check("the 10-year strategy", None, "10-year", DATE, Some("P10Y"));
        check("a review of the 40-year implementation", None, "40-year", DATE, Some("P40Y"));
        check("in the next 100 years (2030–2130)", None, "the next 100 years", DATE, Some("P100Y"));
        check("over the past decade", None, "the past decade", DATE, Some("P10Y"));
        check("three months", None, "three months", DATE, Some("P3M"));
        check("for two weeks", None, "two weeks", DATE, Some("P2W"));
        check("It took a week to agree", None, "a week", DATE, Some("P1W"));
        check("for an hour", None, "an hour", TIME, Some("PT1H"));
        assert!(texts("meets twice a year and pays $5 a day").iter().all(|t| !t.contains("a year") && !t.contains("a day")));
        check("for three decades", None, "three decades", DATE, Some("P30Y"));
        check("within 10 working days", None, "10 working days", DATE, Some("P10D"));
        check("a three-hour meeting", None, "three-hour", TIME, Some("PT3H"));
        check("for 30 minutes", None, "30 minutes", TIME, Some("PT30M"));
        check("two or three years", None, "two or three years", DATE, None);
        check("Eighty years ago, on", doc(), "Eighty years ago", DATE, Some("1946"));
        check("Eighty years ago, on", None, "Eighty years ago", DATE, None);
        // Without a document date, a date in apposition says when `ago` was.
        check("Eighty years ago, on January 6, 1946, history", None, "Eighty years ago", DATE, Some("1946"));
        check("in the first 11 months of 2025, up", None, "the first 11 months of 2025", DATE, Some("P11M"));
        check("Eighty years on: From", d(2026, 1, 1), "Eighty years on", DATE, Some("2026"));
        check("two days ago", doc(), "two days ago", DATE, Some("2026-01-06"));
        check("a year ago", doc(), "a year ago", DATE, Some("2025"));
        check("citizens aged 18 and above", None, "18", DATE, Some("P18Y"));
        check("an 18-year-old student", None, "18-year-old", DATE, Some("P18Y"));
        check("he is 45 years old", None, "45 years old", DATE, Some("P45Y"));
        assert!(texts("the coming period, annually, in the time ahead, daily").is_empty());
        assert_eq!(texts("40 years on the throne"), vec!["40 years"]);
    }

    #[test]
    fn times() {
        check("at 8 a.m. on", None, "8 a.m.", TIME, Some("T08:00"));
        check("at 10:30 the", None, "10:30", TIME, Some("T10:30"));
        check("at 3pm the", None, "3pm", TIME, Some("T15:00"));
        check("at 12 p.m.", None, "12 p.m.", TIME, Some("T12:00"));
        check("at 10h30 the", None, "10h30", TIME, Some("T10:30"));
        check("at noon", None, "noon", TIME, Some("T12:00"));
        check("at eight o'clock", None, "eight o'clock", TIME, Some("T08:00"));
        check("this morning the", doc(), "this morning", TIME, None);
        check("tonight", doc(), "tonight", TIME, None);
        check("at 9:45 p.m. local", None, "9:45 p.m.", TIME, Some("T21:45"));
        check("at 10:30 a.m. local time (0330 GMT)", None, "0330 GMT", TIME, Some("T03:30"));
        check("open from 8 to 10 p.m. daily", None, "8 to 10 p.m.", TIME, None);
    }

    #[test]
    fn percents() {
        check("reached 90% of", None, "90%", PERCENT, Some("90"));
        check("by 10 percent", None, "10 percent", PERCENT, Some("10"));
        check("by 10 per cent", None, "10 per cent", PERCENT, Some("10"));
        check("by 2.5 percentage points", None, "2.5 percentage points", PERCENT, Some("2.5"));
        check("nearly 8% growth", None, "8%", PERCENT, Some("8"));
        check("ten percent", None, "ten percent", PERCENT, Some("10"));
        check("5-10% of", None, "5-10%", PERCENT, None);
        assert_eq!(texts("nearly 8% growth"), vec!["8%"]);
    }

    fn money(text: &str, span: &str, value: &str, unit: &str) {
        let all = run(text, None);
        let m = all.iter().find(|m| m.0 == span).unwrap_or_else(|| panic!("{span:?} in {all:?}"));
        assert_eq!((m.1, m.2.as_deref(), m.3.as_deref()), (MONEY, Some(value), Some(unit)), "{text}");
    }

    #[test]
    fn money_amounts() {
        money("about 15 billion USD in remittances", "15 billion USD", "15000000000", "USD");
        money("worth US$1.7 billion", "US$1.7 billion", "1700000000", "USD");
        money("a $2 million grant", "$2 million", "2000000", "USD");
        money("VND 100 trillion was", "VND 100 trillion", "100000000000000", "VND");
        money("VND100 trillion was", "VND100 trillion", "100000000000000", "VND");
        money("100 trillion VND was", "100 trillion VND", "100000000000000", "VND");
        money("100 trillion dong was", "100 trillion dong", "100000000000000", "VND");
        money("50 billion VNĐ was", "50 billion VNĐ", "50000000000", "VND");
        money("a €5 million fund", "€5 million", "5000000", "EUR");
        money("5 million euros", "5 million euros", "5000000", "EUR");
        money("2 billion yuan", "2 billion yuan", "2000000000", "CNY");
        money("CNY 3 billion", "CNY 3 billion", "3000000000", "CNY");
        money("457 projects worth 1.729 billion USD nationwide", "1.729 billion USD", "1729000000", "USD");
        money("£3bn deal", "£3bn", "3000000000", "GBP");
        money("$5m deal", "$5m", "5000000", "USD");
        money("1.5 billion US dollars", "1.5 billion US dollars", "1500000000", "USD");
        money("two million dollars", "two million dollars", "2000000", "USD");
        money("10 billion won", "10 billion won", "10000000000", "KRW");
        assert_eq!(run("the team 3 won", None)[0].1, CARDINAL);
    }

    fn qty(text: &str, span: &str, value: &str, unit: &str) {
        let all = run(text, None);
        let m = all.iter().find(|m| m.0 == span).unwrap_or_else(|| panic!("{span:?} in {all:?}"));
        assert_eq!((m.1, m.2.as_deref(), m.3.as_deref()), (QUANTITY, Some(value), Some(unit)), "{text}");
    }

    #[test]
    fn quantities() {
        qty("a 30,000 km network", "30,000 km", "30000", "km");
        qty("a 500 MW plant", "500 MW", "500", "MW");
        qty("a 500MW plant", "500MW", "500", "MW");
        qty("on 2,000 hectares of", "2,000 hectares", "2000", "ha");
        qty("10 tonnes of rice", "10 tonnes", "10", "tonnes");
        qty("5 kg of", "5 kg", "5", "kg");
        qty("100 sq km of", "100 sq km", "100", "km2");
        qty("1,200 square metres", "1,200 square metres", "1200", "m2");
        qty("1.2 million tonnes", "1.2 million tonnes", "1200000", "tonnes");
        qty("five kilometres", "five kilometres", "5", "km");
        qty("a 500-MW plant", "500-MW", "500", "MW");
        qty("30°C today", "30°C", "30", "°C");
        // A unit glued to a non-ASCII word is not a unit: `ha` in `hải`.
        assert_eq!(run("5 hải lý", None)[0].1, CARDINAL);
    }

    #[test]
    fn ordinals() {
        check("for the first time", None, "first", ORDINAL, Some("1"));
        check("the first meeting", None, "first", ORDINAL, Some("1"));
        check("the second plenum", None, "second", ORDINAL, Some("2"));
        check("the twentieth", None, "twentieth", ORDINAL, Some("20"));
        check("the twenty-first", None, "twenty-first", ORDINAL, Some("21"));
        check("the tenth", None, "tenth", ORDINAL, Some("10"));
        check("the 1st and", None, "1st", ORDINAL, Some("1"));
        check("the 2nd and", None, "2nd", ORDINAL, Some("2"));
        check("the 14th National Party Congress", None, "14th", ORDINAL, Some("14"));
        check("the 100th session", None, "100th", ORDINAL, Some("100"));
        check("its 14th-tenure committee", None, "14th", ORDINAL, Some("14"));
        assert!(texts("Secondly, the First Secretary came in a second.").is_empty());
    }

    #[test]
    fn cardinals() {
        check("with 31,097 sites", None, "31,097", CARDINAL, Some("31097"));
        check("more than 1.9 million participants", None, "1.9 million", CARDINAL, Some("1900000"));
        check("nearly 6.5 million in", None, "6.5 million", CARDINAL, Some("6500000"));
        check("three documents", None, "three", CARDINAL, Some("3"));
        check("twenty-five delegates", None, "twenty-five", CARDINAL, Some("25"));
        check("the two sides held", None, "two", CARDINAL, Some("2"));
        check("Through 10 topics, the", None, "10", CARDINAL, Some("10"));
        check("to 3,606 sites nationwide", None, "3,606", CARDINAL, Some("3606"));
        check("one hundred and twenty people", None, "one hundred and twenty", CARDINAL, Some("120"));
        check("a dozen states", None, "a dozen", CARDINAL, Some("12"));
        check("over 130 countries", None, "130", CARDINAL, Some("130"));
        check("one of the best", None, "one", CARDINAL, Some("1"));
        check("thousands of people", None, "thousands", CARDINAL, None);
        check("1.234.567 people", None, "1.234.567", CARDINAL, Some("1234567"));
        check("up to 20-25 delegates", None, "20-25", CARDINAL, None);
        assert_eq!(texts("more than 1.9 million"), vec!["1.9 million"]);
        assert_eq!(
            texts("about 500, nearly 600, some 700, around 800, up to 900"),
            vec!["500", "600", "700", "800", "900"]
        );
        assert!(texts("help one another; no one came; someone; a one-party state").is_empty());
        assert!(texts("a two-tier system").is_empty());
        assert_eq!(texts("one two"), vec!["one", "two"]);
        check("a 10.5bn budget", None, "10.5bn", CARDINAL, Some("10500000000"));
        assert!(texts("One-third of them; two-thirds").is_empty());
        assert_eq!(texts("grew in 2026.Other items"), vec!["2026"]); // a missing space after a full stop
    }

    #[test]
    fn bare_years() {
        check("goals by 2030; the", None, "2030", DATE, Some("2030"));
        check("In 2025, Vietnam", None, "2025", DATE, Some("2025"));
        check("(2011–2025), directions", None, "2011–2025", DATE, Some("2011/2025"));
        check("from 2.7 million in 2004 to", None, "2004", DATE, Some("2004"));
        check("1500 workers", None, "1500", CARDINAL, Some("1500"));
        check("founded in 1858 by", None, "1858", DATE, Some("1858"));
    }

    #[test]
    fn identifiers_are_not_numbers() {
        assert!(texts("Directive No. 01-CT/TW and 57-NQ/TW on COVID-19, 5G, G20, A80 and H5N1").is_empty());
        assert!(texts("Decree 13/2023/ND-CP and Decision 1234/QD-TTg").is_empty());
        assert!(texts("see https://vietnamnews.vn/2026/01/08/article-123 or www.vna.vn/2030").is_empty());
        assert!(texts("call +84 24 3825 1234 or (024) 3825 1234, mail a2030@vna.vn").is_empty());
        assert!(texts("version 1.2.3 at 192.168.1.1").is_empty());
        assert!(texts("hotline 0912 345 678, code 007, ASEAN+3, U23").is_empty());
        assert_eq!(texts("In 2025, 5G had"), vec!["2025"]);
        assert_eq!(texts("deployed 30,000 5G base stations"), vec!["30,000"]);
    }

    #[test]
    fn annotated_anniversaries() {
        let t = "marking the 100th anniversary of the Party’s founding (1930–2030), while moving towards the vision to 2045, the centenary of the founding (1945–2045).";
        check(t, None, "the 100th anniversary", DATE, Some("2030"));
        check(t, None, "the centenary", DATE, Some("2045"));
        check("the 80th anniversary of National Day", None, "the 80th anniversary", DATE, None);
    }

    #[test]
    fn spans_are_sorted_disjoint_and_on_char_boundaries() {
        let t = "Việt Nam’s 14th Congress, held January 19–23, 2026 (2026–2031), had 1,586 delegates — 98% of them — and US$2 billion.";
        let spans = find_numeric(t, None);
        assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
        for s in &spans {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end) && s.start < s.end);
        }
        let got: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(got, vec!["14th", "January 19–23, 2026", "2026–2031", "1,586", "98%", "US$2 billion"]);
    }

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
            (
                "12345678901234567890123456789012345678901234567890",
                "12345678901234567890123456789012345678901234567890",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parse_number(input).as_deref(), Some(want), "{input}");
        }
        for bad in ["", "two three", "1,2", "1.2.3", "hundred", "and", "one and", "five apples", "٣", "1e5", "--"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let pieces = [
            "January",
            " ",
            "19",
            "–",
            "2026",
            "Việt",
            "🎉",
            "e\u{301}",
            "\u{a0}",
            "%",
            "$",
            "US$",
            "million",
            "one",
            "-",
            "first",
            "ago",
            ",",
            ".",
            "/",
            "٣",
            "１２",
            "\u{202f}",
            "No.",
            "(",
            ")",
            "a.m.",
            "Wednesday",
            "the next",
            "years",
            "999999999999999999999999999999999999",
            "0",
            "\n",
            "ệ",
            "km",
            "VNĐ",
            "₫",
            "Q1",
            "mid-",
            "th",
        ];
        // A fixed pseudo-random walk over the pieces, so failures reproduce.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(state % 12 + 1) {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            for doc in [None, doc(), d(1, 1, 1), NaiveDate::from_ymd_opt(262_000, 12, 31)] {
                let spans = find_numeric(&t, doc);
                assert!(spans.windows(2).all(|w| w[0].end <= w[1].start), "{t:?}");
                for s in &spans {
                    assert!(s.start < s.end && t.is_char_boundary(s.start) && t.is_char_boundary(s.end), "{t:?}");
                }
            }
            let _ = parse_number(&t);
        }
        let huge = "9".repeat(100_000);
        let spans = find_numeric(&huge, None);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].value.as_deref(), Some(huge.as_str()));
        assert_eq!(find_numeric(&"one two ".repeat(20_000), None).len(), 40_000);
        let _ = find_numeric(&"1-".repeat(50_000), None);
        let _ = find_numeric(&"🎉ệ5".repeat(10_000), None);
        assert_eq!(find_numeric("", None), vec![]);
    }

    // ------------------------------------------------------------------------------------------
    // Development check against the hand-annotated seeds (run: cargo test -- --ignored --nocapture).

    const NUMERIC_LABELS: [&str; 7] = [DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL];

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
    fn score_zone(
        raw: &str,
        preds: &[NumericSpan],
        gold: &[Gold],
        zone: &str,
        ignore: &[(usize, usize)],
        sc: &mut Score,
    ) {
        let cp = |byte: usize| raw[..byte].chars().count();
        let chars: Vec<char> = raw.chars().collect();
        let text_of = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        let mine: Vec<(usize, usize, &NumericSpan)> = preds
            .iter()
            .map(|p| (cp(p.start), cp(p.end), p))
            .filter(|(s, e, _)| !ignore.iter().any(|(a, b)| s < b && a < e))
            .collect();
        let gz: Vec<&Gold> =
            gold.iter().filter(|g| g.zone == zone && NUMERIC_LABELS.contains(&g.label.as_str())).collect();
        let mut pool: Vec<(String, String)> =
            mine.iter().map(|(s, e, p)| (p.label.to_string(), text_of(*s, *e))).collect();
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
            if let Some((_, _, p)) = mine.iter().find(|(s, e, p)| *s == g.start && *e == g.end && p.label == g.label) {
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
            let date = doc
                .get("meta")
                .and_then(|m| m.get("date"))
                .and_then(Json::str)
                .and_then(|s| s.parse::<NaiveDate>().ok());
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
            let mut ignore: Vec<(usize, usize)> = gold
                .iter()
                .filter(|g| g.zone != "body" || !NUMERIC_LABELS.contains(&g.label.as_str()))
                .map(|g| (g.start, g.end))
                .collect();
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
}
