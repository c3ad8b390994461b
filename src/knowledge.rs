//! The small data files that the passes outside the lexicon read (`src/data/`): month names (the
//! cleaner's datelines and `numeric`), units and currencies (`numeric`), how a party congress is
//! named (`extract`), honorifics and the titles that name the body their holder heads (`roles`).
//! Each is parsed once; a malformed shipped file fails every test, so the `expect`s below cannot
//! fire in a release.

use std::sync::LazyLock;

use regex::Regex;

/// Lines that are neither blank nor `#` comments.
fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// `a<TAB>b<TAB>...` lines as their fields.
fn fields(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(data).map(|l| l.split('\t').map(str::trim).collect())
}

/// The twelve month names, January first (`months.txt`).
pub static MONTHS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let months: Vec<&str> = lines(include_str!("data/months.txt")).map(str::trim).collect();
    assert_eq!(months.len(), 12, "months.txt lists the twelve months");
    months
});

/// Units of measure as written, and the unit reported (`units.tsv`).
pub static UNITS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| fields(include_str!("data/units.tsv")).map(|f| (f[0], *f.get(1).expect("units.tsv: written<TAB>unit"))).collect());

/// Currency marks written before an amount, and their codes (`currencies.tsv`, `before`/`both`).
pub static CURRENCY_PREFIX: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| currencies(&["before", "both"]));

/// Currency names and codes written after an amount (`currencies.tsv`, `after`/`both`).
pub static CURRENCY_SUFFIX: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| currencies(&["after", "both"]));

fn currencies(places: &[&str]) -> Vec<(&'static str, &'static str)> {
    fields(include_str!("data/currencies.tsv"))
        .map(|f| {
            assert!(f.len() == 3 && ["before", "after", "both"].contains(&f[2]), "currencies.tsv: written<TAB>code<TAB>before|after|both: {f:?}");
            f
        })
        .filter(|f| places.contains(&f[2]))
        .map(|f| (f[0], f[1]))
        .collect()
}

/// How a party congress is named (`party_congress.tsv`), in folded keys.
pub struct PartyCongress {
    /// `14th national party congress`, `national congress xiv`, `... of the PARTY`: groups `ord`,
    /// `roman`, `party`, and `nat` or `party` when the name says whose congress it is.
    pub pattern: Regex,
    /// The words a qualifier is made of (`national`, `party`).
    pub qualifier_words: Vec<&'static str>,
    /// The word that names a party (`party`), and it followed by ` of ` (`party of viet nam`).
    pub party: &'static str,
    pub party_of: String,
}

pub static PARTY_CONGRESS: LazyLock<PartyCongress> = LazyLock::new(|| {
    let rows: Vec<Vec<&str>> = fields(include_str!("data/party_congress.tsv")).collect();
    let all =
        |kind: &str| -> Vec<&'static str> { rows.iter().filter(|r| r[0] == kind).map(|r| *r.get(1).expect("party_congress.tsv: kind<TAB>words")).collect() };
    let one = |kind: &str| -> &'static str {
        let found = all(kind);
        assert_eq!(found.len(), 1, "party_congress.tsv has one `{kind}`");
        found[0]
    };
    let (head, party) = (regex::escape(one("head")), one("party"));
    let qualifiers = all("qualifier");
    let nat = qualifiers.iter().map(|q| format!("{} ", regex::escape(q))).collect::<Vec<_>>().join("|");
    let pattern = format!(
        r"^(?:(?P<ord>\d+(?:st|nd|rd|th)) (?P<nat>{nat})?{head}|(?P<nat2>{nat})?{head} (?P<roman>[ivxl]+))(?: of (?:the )?(?P<party>.*\b{}\b.*))?$",
        regex::escape(party)
    );
    let mut qualifier_words: Vec<&str> = qualifiers.iter().flat_map(|q| q.split(' ')).collect();
    qualifier_words.sort_unstable();
    qualifier_words.dedup();
    PartyCongress { pattern: Regex::new(&pattern).expect("party_congress.tsv makes a valid regex"), qualifier_words, party, party_of: format!("{party} of ") }
});

/// Honorifics, folded: titles that introduce a person but are not a role (`honorifics.txt`).
pub static HONORIFICS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lines(include_str!("data/honorifics.txt")).map(str::trim).collect());

/// Titles that name the body their holder heads (`title_bodies.tsv`): (`Minister of `, `Ministry of `).
pub static TITLE_BODIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    fields(include_str!("data/title_bodies.tsv"))
        .map(|f| (format!("{} of ", f[0]), format!("{} of ", f.get(1).expect("title_bodies.tsv: TITLE<TAB>BODY"))))
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_parse() {
        assert_eq!((MONTHS[0], MONTHS[11]), ("January", "December"));
        assert!(UNITS.contains(&("km²", "km2")) && UNITS.contains(&("degrees Celsius", "°C")));
        // `$` before an amount is a dollar; after it, `dollars` is.
        assert!(CURRENCY_PREFIX.contains(&("US$", "USD")) && !CURRENCY_SUFFIX.iter().any(|c| c.0 == "US$"));
        assert!(CURRENCY_SUFFIX.contains(&("dong", "VND")) && !CURRENCY_PREFIX.iter().any(|c| c.0 == "dong"));
        assert!(CURRENCY_PREFIX.contains(&("VND", "VND")) && CURRENCY_SUFFIX.contains(&("VND", "VND")), "`both`");
        assert!(HONORIFICS.contains(&"mr") && !HONORIFICS.contains(&"minister"));
        assert_eq!(TITLE_BODIES[0], ("Minister of ".to_owned(), "Ministry of ".to_owned()));
    }

    #[test]
    fn party_congress_forms() {
        let p = &PARTY_CONGRESS;
        let c = p.pattern.captures("14th national party congress").expect("matches");
        assert_eq!((&c["ord"], c.name("nat").is_some()), ("14th", true));
        let c = p.pattern.captures("national congress xiv of the communist party of viet nam").expect("matches");
        assert_eq!((&c["roman"], &c["party"]), ("xiv", "communist party of viet nam"));
        assert!(p.pattern.captures("14th congress").is_some_and(|c| c.name("nat").is_none()), "a bare congress says not whose");
        assert!(p.pattern.captures("14th national assembly").is_none());
        assert_eq!(p.qualifier_words, ["national", "party"]);
        assert_eq!(p.party_of, "party of ");
    }
}
