//! The rule table and its compiler: every numeric form as one regex over shared fragments, all of
//! them compiled into one multi-pattern automaton that finds the next mention and names its rule.

use std::sync::LazyLock;

use regex::{CaptureLocations, Regex, RegexBuilder};
use regex_automata::{meta, nfa::thompson::WhichCaptures, Input};

use crate::knowledge::{CURRENCY_PREFIX, CURRENCY_SUFFIX, MONTHS, UNITS};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
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
pub(super) const RULES: &[(Rule, &str, bool)] = &[
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

/// Reusable pieces of the rule patterns, each expanded against the ones before it.
pub(super) fn fragments() -> Vec<(&'static str, String)> {
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
pub(super) fn alternation<'a>(items: impl Iterator<Item = &'a str>, open_boundary: bool, close_boundary: bool) -> String {
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

pub(super) fn expand(pattern: &str, fragments: &[(&'static str, String)]) -> String {
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
pub(super) struct RuleSet {
    find: meta::Regex,
    pub(super) rules: Vec<(Rule, Regex)>,
}

pub(super) static MAIN: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::build(false));
pub(super) static FALLBACK: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::build(true));

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
            .configure(meta::Config::new().nfa_size_limit(Some(256 << 20)).hybrid_cache_capacity(32 << 20).which_captures(WhichCaptures::Implicit))
            .build_many(&bodies)
            .expect("the numeric rule table is a valid regex");
        RuleSet { find, rules }
    }

    /// The next match at or after `pos` in `text[..end]`: (rule index, start, end).
    pub(super) fn next(&self, text: &str, pos: usize, end: usize) -> Option<(usize, usize, usize)> {
        let m = self.find.search(&Input::new(&text[..end]).range(pos..))?;
        Some((m.pattern().as_usize(), m.start(), m.end()))
    }
}

pub(super) fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern).size_limit(256 << 20).dfa_size_limit(32 << 20).build().expect("the numeric rule table is a valid regex")
}

/// The current match: which rule, where, and its named parts.
pub(super) struct Hit<'a, 't> {
    pub(super) text: &'t str,
    pub(super) rule: Rule,
    pub(super) re: &'a Regex,
    /// None when the rule's only group is the whole match.
    pub(super) locs: Option<&'a CaptureLocations>,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl<'t> Hit<'_, 't> {
    pub(super) fn at(&self, name: &str) -> Option<(usize, usize)> {
        let Some(locs) = self.locs else { return Some((self.start, self.end)) };
        let idx = self.re.capture_names().position(|n| n == Some(name))?;
        locs.get(idx).map(|(a, b)| (self.start + a, self.start + b))
    }
    pub(super) fn s(&self, name: &str) -> Option<&'t str> {
        self.at(name).map(|(a, b)| &self.text[a..b])
    }
    pub(super) fn has(&self, name: &str) -> bool {
        self.at(name).is_some()
    }
    pub(super) fn lower(&self, name: &str) -> Option<String> {
        self.s(name).map(str::to_ascii_lowercase)
    }
}
