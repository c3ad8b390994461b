//! The shipped knowledge (gazetteers, alias tables, title and name lists in `src/data/`) and the
//! user's additions, compiled for matching: tries over the folded aliases of every
//! gazetteer entry (walked from word starts only), and folded word sets for the rules.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, LazyLock};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{nfa::contiguous, Anchored, MatchKind};

use crate::error::Error;
use crate::fold::{self, Folded};
use crate::label::Label;
use crate::tokens::{word_after, word_before, ASCII_WORD};

/// A named entity the lexicon knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub label: Label,
    /// Display name (`Việt Nam`), shared by every mention of the entry.
    pub canonical: Arc<str>,
    /// Entity key: the matching key of the canonical name, or the user's pattern `id`.
    pub key: String,
}

/// One way of writing an entry.
#[derive(Debug, Clone)]
struct Pattern {
    entry: u32,
    /// An all-capitals alias (`CPV`, `US`) matches only when written in capitals.
    acronym: bool,
    /// An alias written in lower case (`đổi mới`) may match in lower case; others need a capital.
    lower_ok: bool,
}

/// A gazetteer hit in folded-text byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub fstart: usize,
    pub fend: usize,
    pub entry: u32,
}

/// Everything the extractor knows before it reads a document.
#[derive(Debug)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    /// Every alias but acronyms, over the folded text.
    aliases: StartMatcher,
    /// The aliases that may match in lower case: a lower-case word start is tried against them
    /// first, since most words start in lower case and most aliases need a capital.
    lower_aliases: StartMatcher,
    /// Acronyms (`CPV`, `US`, `WHO`), case-sensitive over the original text: folded, they would
    /// match `us` and `who` in every sentence and be rejected one by one.
    acronyms: StartMatcher,
    acronym_entries: Vec<u32>,
    /// Matching key of every name and alias -> its entry, for names the rules find
    /// (`viet nam` -> Việt Nam) and abbreviations inside names (`cpv`).
    pub alias_keys: HashMap<String, u32>,
    /// The party a lone `Party` means when a document names none (`defaults.tsv`).
    pub home_party: String,
    /// Every title, for the roles table (`Secretary of the Party Central Committee`).
    pub titles: HashSet<String>,
    pub max_title_words: usize,
    /// Every word prefix of a title -> whether it is a whole title, so that a search for the
    /// longest title stops at the first prefix no title has.
    pub title_prefixes: StrMap<bool>,
    /// What the word lists (`surnames.txt`, `*_heads.txt`, ...) say of one folded word, in one lookup: the chunker asks of
    /// every capitalised word (profiled: seven set lookups per word were 12% of extraction).
    pub words: StrMap<WordInfo>,
    /// Titles without an organisation's name in them, for finding names: a title must not
    /// swallow the ORG it names (`Secretary of the Party Central Committee` holds an ORG
    /// mention). `CPC General Secretary` contributes `General Secretary`.
    /// They are kept as every word prefix of such a title -> whether it is a whole title, so a
    /// title search stops at the first prefix no title has.
    pub name_title_prefixes: StrMap<bool>,
    pub max_name_title_words: usize,
    /// Lower-case words that make a body's name before them a building (`building_words.txt`).
    pub building_words: HashSet<String>,
    /// Event heads that, as `the congress`, refer back to a named event (`back_references.txt`).
    pub back_references: HashSet<String>,
    /// What the words around a name no list knows say of it (`evidence.tsv`).
    pub cues: Cues,
    /// Names that are also common words (`Apple`, `Shell`): a gazetteer hit needs support.
    pub ambiguous: HashSet<String>,
    /// Words whose possessive stays inside a name (`People's Committee`).
    pub name_possessives: HashSet<String>,
    /// Heads of bodies named with where they are (`Embassy in Russia`).
    pub located_heads: HashSet<String>,
    /// Lower-case particles inside names (`von`, `bin`): asked of many lower-case words, so a
    /// short set with a length bound answers without the large word table.
    pub particles: HashSet<String>,
    pub max_particle_len: usize,
}

/// Where a cue stands relative to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueAt {
    Before,
    After,
    Appos,
}

/// The labels the name classifier weighs, in score-array order.
pub const CUE_LABELS: [Label; 5] = [Label::Person, Label::Org, Label::Gpe, Label::Loc, Label::Fac];

/// Context phrases -> weight per label (`CUE_LABELS` order), one map per position.
#[derive(Debug, Default)]
pub struct Cues {
    before: StrMap<[f32; 5]>,
    after: StrMap<[f32; 5]>,
    appos: StrMap<[f32; 5]>,
    /// Longest phrase, in words.
    pub max_words: usize,
}

impl Cues {
    fn parse(data: &str) -> Result<Cues, Error> {
        let mut cues = Cues::default();
        for (n, line) in lines(data).enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = || Error::BadPatterns(format!("evidence.tsv:{}: expected `where<TAB>LABEL<TAB>weight<TAB>phrases`", n + 1));
            let [at, label, weight, phrases] = cols[..] else { return Err(bad()) };
            let map = match at {
                "before" => &mut cues.before,
                "after" => &mut cues.after,
                "appos" => &mut cues.appos,
                _ => return Err(bad()),
            };
            let slot = Label::parse(label).and_then(|l| CUE_LABELS.iter().position(|&x| x == l)).ok_or_else(bad)?;
            let weight: f32 = weight.parse().map_err(|_| bad())?;
            for p in phrases.split('|').map(fold::key).filter(|p| !p.is_empty()) {
                cues.max_words = cues.max_words.max(p.split(' ').count());
                let w = &mut map.slot(&p)[slot];
                *w = w.max(weight);
            }
        }
        Ok(cues)
    }

    /// The weights of a phrase at a position.
    pub fn get(&self, at: CueAt, phrase: &str) -> Option<&[f32; 5]> {
        match at {
            CueAt::Before => self.before.get(phrase),
            CueAt::After => self.after.get(phrase),
            CueAt::Appos => self.appos.get(phrase),
        }
    }
}

/// The word lists' facts about one folded word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    pub stop: bool,
    /// A family name written first (`Lê`, `Xi`): starts a person's name.
    pub surname: bool,
    /// A given name that is rarely anything else: starts a person's name.
    pub given: bool,
    /// A given name that is also a common word (`Will`, `Grace`): evidence, not proof.
    pub given_weak: bool,
    /// A family name written last (`Kowalczyk`, `Tanaka`), and whether it is a common word too.
    pub family: bool,
    pub family_weak: bool,
    /// A frequent lower-case English word (`shares`, `published`).
    pub common: bool,
    /// A sector word that ends many company names (`Steel`, `Motors`, `Textile`).
    pub sector: bool,
    /// A legal form that ends a company's name (`JSC`, `Limited`: `legal_forms`).
    pub legal: bool,
    /// A Vietnamese given name that is also an English stop word (`An`: `name_stop_words`): it
    /// may end a Vietnamese name (`Nguyễn Văn An`).
    pub name_stop: bool,
    /// A point of the compass (`West`, `Northern`: `compass_words`), part of a known place's
    /// name before it (`West Sulawesi`).
    pub compass: bool,
    /// A word that opens a name of its kind, the kind first: a body's (`Banco`, `PT`:
    /// `opening_heads`) or an event's (`Typhoon`, `Hurricane`: `event_openings`).
    pub opening: Option<Label>,
    /// Head word of a kind of name (laws first, then events, organisations, facilities).
    pub head: Option<Label>,
    /// The first word of a title that introduces a name (`name_title_prefixes`): a capitalised
    /// word that opens none needs no lookup of the prefixes.
    pub title_start: bool,
}

/// Sets one `WordInfo` flag (for the table of word lists).
type SetFlag = fn(&mut WordInfo);

/// Folded words or phrases -> facts, keyed by their 64-bit hash: a lookup touches one slot of
/// the table and never a string (the world's name lists made the word table too large for a
/// core's cache, and the string comparisons missed it twice). A text's word whose hash equals a
/// listed one's would take its facts; at 64 bits over some 50,000 entries it does not happen.
#[derive(Debug)]
pub struct StrMap<V>(HashMap<u64, V>);

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap(HashMap::default())
    }
}

impl<V: Default> StrMap<V> {
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.get(&word_hash(key.as_bytes()))
    }

    fn slot(&mut self, key: &str) -> &mut V {
        self.0.entry(word_hash(key.as_bytes())).or_default()
    }
}

const GAZETTEERS: &[(&str, &str)] = &[
    ("places.tsv", include_str!("data/places.tsv")),
    ("world/places.tsv", include_str!("data/world/places.tsv")),
    ("world/organisations.tsv", include_str!("data/world/organisations.tsv")),
    ("demonyms.tsv", include_str!("data/demonyms.tsv")),
    ("organisations.tsv", include_str!("data/organisations.tsv")),
    ("events.tsv", include_str!("data/events.tsv")),
    ("laws.tsv", include_str!("data/laws.tsv")),
];

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim_end).filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn word_set(data: &str) -> HashSet<String> {
    lines(data).map(fold::key).collect()
}

/// `name<TAB>flag` lines: (folded name, flagged `w` as a common word).
fn flagged(data: &str) -> impl Iterator<Item = (String, bool)> + '_ {
    lines(data).map(|l| {
        let mut cols = l.split('\t');
        let name = fold::key(cols.next().unwrap_or_default());
        (name, cols.next().is_some_and(|f| f.trim() == "w"))
    })
}

/// Patterns matched where a word may start, by an anchored walk of the Aho-Corasick trie from
/// that byte. Profiled: an unanchored scan over every byte of the text was the largest single
/// cost of extraction, while a hit can only start a word, and the walk from most word starts dies
/// within a few bytes. The trie is the compact contiguous NFA, not a DFA: walks jump to scattered
/// states, and the DFA's 6 MB table did not stay in cache beside the rest of extraction (4% slower
/// end to end).
#[derive(Debug)]
struct StartMatcher {
    trie: contiguous::NFA,
    start: StateID,
    /// Bytes some pattern starts with.
    first: [bool; 256],
    /// Byte pairs some pattern starts with, a bit each, so that a word start no pattern begins
    /// costs no walk. Walks were two thirds of the gazetteer scan; this filter's own gain was
    /// within this machine's noise (under 2% end to end), at 8 KB a trie.
    pairs: Box<[u64; 1024]>,
    /// Hashes of the words patterns start with: a word no pattern starts with (most words of a
    /// text) costs one hash, not a walk of the trie, and the trie of the world's places and
    /// organisations no longer fits in a core's cache.
    /// A bit per hash bucket (a one-hash Bloom filter, 16 KB): a set lookup per word cost as much
    /// as the walks it saved.
    first_words: Box<[u64; FIRST_WORD_BITS / 64]>,
    /// The pattern id of each distinct pattern the trie holds.
    ids: Vec<usize>,
}

impl StartMatcher {
    fn new(patterns: &[String]) -> Result<StartMatcher, Error> {
        let bad = |e: &dyn std::fmt::Display| Error::BadPatterns(format!("cannot compile gazetteer: {e}"));
        // Each distinct pattern once, standing for the first of its copies (the one a search
        // reports): the builder lists every copy's match in one state, and appending to that list
        // made the thousands of placeholders quadratic (two thirds of the lexicon's build time).
        let mut first_of: HashMap<&str, usize> = HashMap::default();
        let mut ids = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            first_of.entry(p.as_str()).or_insert_with(|| {
                ids.push(i);
                i
            });
        }
        let unique: Vec<&str> = ids.iter().map(|&i| patterns[i].as_str()).collect();
        let trie = contiguous::Builder::new().match_kind(MatchKind::LeftmostLongest).prefilter(false).build(&unique).map_err(|e| bad(&e))?;
        let start = trie.start_state(Anchored::Yes).map_err(|e| bad(&e))?;
        let mut first = [false; 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut set = |pair: usize| pairs[pair >> 6] |= 1 << (pair & 63);
        let mut first_words = Box::new([0u64; FIRST_WORD_BITS / 64]);
        for p in &unique {
            match *p.as_bytes() {
                [] => {}
                [b] => {
                    first[b as usize] = true;
                    (0..256).for_each(|next| set((b as usize) << 8 | next));
                }
                [b, next, ..] => {
                    first[b as usize] = true;
                    set((b as usize) << 8 | next as usize);
                }
            }
            let w = word_len(p, 0);
            if w > 0 {
                let b = word_hash(&p.as_bytes()[..w]) as usize % FIRST_WORD_BITS;
                first_words[b / 64] |= 1 << (b % 64);
            }
        }
        Ok(StartMatcher { trie, start, first, pairs, first_words, ids })
    }

    /// May a pattern start with the word `hay[at..at + len]`?
    #[inline]
    fn may_start_word(&self, hay: &[u8], at: usize, len: usize) -> bool {
        let b = word_hash(&hay[at..at + len]) as usize % FIRST_WORD_BITS;
        self.first_words[b / 64] & (1 << (b % 64)) != 0
    }

    /// Could a pattern start at `at`?
    #[inline]
    fn may_start(&self, hay: &[u8], at: usize) -> bool {
        match hay.get(at + 1) {
            Some(&next) => {
                let pair = (hay[at] as usize) << 8 | next as usize;
                self.pairs[pair >> 6] & (1 << (pair & 63)) != 0
            }
            None => self.first[hay[at] as usize],
        }
    }

    /// The longest pattern starting at `at` (the first listed among equal ones): (pattern, end).
    #[inline]
    fn longest_at(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        self.longest_at_where(hay, at, |_| true)
    }

    /// `longest_at` among the patterns whose end `ends_ok` accepts: `Vietnam` in `Vietnam
    /// posted`, where the longest, `Vietnam Post`, ends inside a word.
    #[inline]
    fn longest_at_where(&self, hay: &[u8], at: usize, ends_ok: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        if !self.may_start(hay, at) {
            return None;
        }
        let mut sid = self.start;
        let mut best = None;
        for (i, &b) in hay[at..].iter().enumerate() {
            sid = self.trie.next_state(Anchored::Yes, sid, b);
            if self.trie.is_special(sid) {
                if self.trie.is_dead(sid) {
                    break;
                }
                if self.trie.is_match(sid) {
                    // A match state also lists the patterns its failure links reach, which start
                    // after `at`: only a pattern as long as the walk starts here.
                    let own = (0..self.trie.match_len(sid)).map(|k| self.trie.match_pattern(sid, k)).find(|&p| self.trie.pattern_len(p) == i + 1);
                    if let Some(p) = own.filter(|_| ends_ok(at + i + 1)) {
                        best = Some((self.ids[p.as_usize()], at + i + 1));
                    }
                }
            }
        }
        best
    }
}

/// Byte length of the word (alphanumeric chars, as `char_class` says) starting at byte `i` of `s`.
#[inline]
fn word_len(s: &str, i: usize) -> usize {
    let mut j = i;
    while j < s.len() {
        let (word, len) = char_class(s, j);
        if !word {
            break;
        }
        j += len;
    }
    j - i
}

/// Bits of `StartMatcher::first_words`: about ten per pattern's first word, so that one word in
/// a hundred that starts no pattern is walked all the same.
const FIRST_WORD_BITS: usize = 1 << 17;

/// A word's hash, for sets of words kept without their strings.
#[inline]
pub(crate) fn word_hash(w: &[u8]) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(w)
}

/// (is alphanumeric, byte length) of the char starting at byte `i` of `s`.
#[inline]
fn char_class(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (ASCII_WORD[b as usize], 1);
    }
    s[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

/// A user's or the shipped gazetteer entry before compilation.
#[derive(Debug, Clone)]
pub struct EntrySpec {
    pub label: Label,
    pub canonical: String,
    pub aliases: Vec<String>,
    pub id: Option<String>,
}

/// A value of `defaults.tsv` (`name<TAB>value`).
fn defaults(name: &str) -> Option<String> {
    lines(include_str!("data/defaults.tsv")).find_map(|l| l.split_once('\t').filter(|(k, _)| k.trim() == name).map(|(_, v)| v.trim().to_owned()))
}

/// Every word prefix of `phrases` (space-separated) -> whether it is a whole phrase.
fn word_prefixes(phrases: &HashSet<String>) -> StrMap<bool> {
    let mut out: StrMap<bool> = StrMap::default();
    for t in phrases {
        let mut end = 0;
        for w in t.split(' ') {
            end += w.len();
            out.slot(&t[..end]);
            end += 1;
        }
        *out.slot(t) = true;
    }
    out
}

/// The surface an acronym alias is matched as: its folded form in capitals (`cpv` -> `CPV`).
fn acronym_surface(folded: &str) -> String {
    folded.to_uppercase()
}

/// Parse `label<TAB>name<TAB>alias|alias` lines.
pub fn parse_tsv(name: &str, data: &str) -> Result<Vec<EntrySpec>, Error> {
    let mut out = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let label = cols.first().and_then(|l| Label::parse(l));
        let (Some(label), Some(canonical)) = (label, cols.get(1).map(|s| s.trim()).filter(|s| !s.is_empty())) else {
            return Err(Error::BadPatterns(format!("{name}:{}: expected `LABEL<TAB>name<TAB>aliases`", n + 1)));
        };
        let aliases = cols.get(2).map(|a| a.split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned).collect()).unwrap_or_default();
        out.push(EntrySpec { label, canonical: canonical.to_owned(), aliases, id: None });
    }
    Ok(out)
}

impl Lexicon {
    /// The shipped lexicon plus `extra` entries (user patterns) and `aliases` (alias -> canonical).
    pub fn build(extra: &[EntrySpec], aliases: &[(String, String)]) -> Result<Lexicon, Error> {
        let mut specs = Vec::new();
        for (name, data) in GAZETTEERS {
            specs.extend(parse_tsv(name, data)?);
        }
        specs.extend(extra.iter().cloned());
        // An alias whose canonical name the gazetteers do not know names a person
        // (`{"Uncle Ho": "Hồ Chí Minh"}`): both become a PERSON entry so both are found.
        for (alias, canonical) in aliases {
            let ck = fold::key(canonical);
            if !specs.iter().any(|s| fold::key(&s.canonical) == ck || s.id.as_deref() == Some(ck.as_str())) {
                specs.push(EntrySpec { label: Label::Person, canonical: canonical.clone(), aliases: vec![alias.clone()], id: None });
            }
        }
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_key: HashMap<(Label, String), u32> = HashMap::default();
        let mut patterns = Vec::new();
        let mut folded_patterns: Vec<String> = Vec::new();
        let mut alias_keys = HashMap::default();
        let english = word_set(include_str!("data/world/common_words.txt"));
        let add_pattern = |surface: &str, entry: u32, patterns: &mut Vec<Pattern>, folded: &mut Vec<String>| {
            let k = fold::key(surface);
            if k.is_empty() {
                return;
            }
            let acronym = crate::tokens::all_capitals(surface) && !surface.contains(' ');
            // Lower-case aliases (`đổi mới`) and Vietnamese terms written with diacritics may
            // match in lower case: they are not ordinary English words. Unless, folded, they are
            // (`Salé` is `sale`).
            let lower_ok =
                surface.chars().next().is_some_and(|c| c.is_lowercase()) || (fold::has_diacritics(surface) && !k.split(' ').all(|w| english.contains(w)));
            patterns.push(Pattern { entry, acronym, lower_ok });
            folded.push(k);
        };
        for spec in &specs {
            let key = spec.id.clone().unwrap_or_else(|| fold::key(&spec.canonical));
            let idx = *by_key.entry((spec.label, key.clone())).or_insert_with(|| {
                entries.push(Entry { label: spec.label, canonical: Arc::from(spec.canonical.as_str()), key: key.clone() });
                (entries.len() - 1) as u32
            });
            add_pattern(&spec.canonical, idx, &mut patterns, &mut folded_patterns);
            alias_keys.insert(fold::key(&spec.canonical), idx);
            for a in &spec.aliases {
                add_pattern(a, idx, &mut patterns, &mut folded_patterns);
                alias_keys.entry(fold::key(a)).or_insert(idx);
            }
        }
        for (alias, canonical) in aliases {
            let ck = fold::key(canonical);
            let target = entries.iter().position(|e| e.key == ck || fold::key(&e.canonical) == ck);
            match target {
                Some(i) => {
                    add_pattern(alias, i as u32, &mut patterns, &mut folded_patterns);
                    alias_keys.insert(fold::key(alias), i as u32);
                }
                None => unreachable!("every alias target was added as an entry above"),
            }
        }
        // Acronyms go to their own automaton; the folded one keeps a placeholder that never
        // matches folded text (a NUL), so pattern ids stay aligned with `patterns`.
        let mut acronym_surfaces = Vec::new();
        let mut acronym_entries = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            if p.acronym {
                acronym_surfaces.push(acronym_surface(&folded_patterns[i]));
                acronym_entries.push(p.entry);
                folded_patterns[i] = "\u{0}".to_owned();
            }
        }
        let lower: Vec<String> = folded_patterns.iter().zip(&patterns).map(|(f, p)| if p.lower_ok { f.clone() } else { "\u{0}".to_owned() }).collect();
        let aliases = StartMatcher::new(&folded_patterns)?;
        let lower_aliases = StartMatcher::new(&lower)?;
        let acronyms = StartMatcher::new(&acronym_surfaces)?;
        let mut org_heads = word_set(include_str!("data/org_heads.txt"));
        org_heads.extend(word_set(include_str!("data/world/org_suffixes.txt")));
        let raw_titles: Vec<&str> = lines(include_str!("data/titles.txt")).map(str::trim).collect();
        let titles: HashSet<String> = raw_titles.iter().map(|t| fold::key(t)).collect();
        let max_title_words = titles.iter().map(|t| t.split(' ').count()).max().unwrap_or(1);
        let mut name_titles = HashSet::default();
        for t in &raw_titles {
            let words: Vec<&str> = t.split_whitespace().collect();
            let names_org = |w: &str| org_heads.contains(&fold::key(w)) || crate::tokens::all_capitals(w);
            // A title that is one acronym (`CEO`, `MP`) names no body: it is the title.
            match words.iter().rposition(|w| names_org(w)).filter(|_| words.len() > 1) {
                None => {
                    name_titles.insert(fold::key(t));
                }
                Some(last) if last + 1 < words.len() && !words[..=last].iter().any(|w| matches!(*w, "of" | "to" | "in" | "for")) => {
                    name_titles.insert(fold::key(&words[last + 1..].join(" ")));
                }
                Some(_) => {}
            }
        }
        let max_name_title_words = name_titles.iter().map(|t| t.split(' ').count()).max().unwrap_or(1);
        let name_title_prefixes = word_prefixes(&name_titles);
        let title_prefixes = word_prefixes(&titles);
        let particles = word_set(include_str!("data/world/name_particles.txt"));
        let mut words: StrMap<WordInfo> = StrMap::default();
        // A word on several head lists takes the last one here: law over event over org over fac.
        for (list, label) in [
            (word_set(include_str!("data/loc_heads.txt")), Label::Loc),
            (word_set(include_str!("data/gpe_heads.txt")), Label::Gpe),
            (word_set(include_str!("data/fac_heads.txt")), Label::Fac),
            (org_heads, Label::Org),
            (word_set(include_str!("data/event_heads.txt")), Label::Event),
            (word_set(include_str!("data/law_heads.txt")), Label::Law),
        ] {
            for w in list {
                words.slot(&w).head = Some(label);
            }
        }
        // What each word list says of a word, set in the one entry the chunker looks up per
        // capitalised word (profiled: one lookup per fact was 12% of extraction).
        let flag_lists: [(&str, SetFlag); 10] = [
            (include_str!("data/surnames.txt"), |w| w.surname = true),
            (include_str!("data/given_names.txt"), |w| w.given = true),
            (include_str!("data/stopwords.txt"), |w| w.stop = true),
            (include_str!("data/world/org_sector_words.txt"), |w| w.sector = true),
            (include_str!("data/legal_forms.txt"), |w| w.legal = true),
            (include_str!("data/world/org_suffixes.txt"), |w| w.legal = true),
            (include_str!("data/opening_heads.txt"), |w| w.opening = Some(Label::Org)),
            (include_str!("data/event_openings.txt"), |w| w.opening = Some(Label::Event)),
            (include_str!("data/name_stop_words.txt"), |w| w.name_stop = true),
            (include_str!("data/compass_words.txt"), |w| w.compass = true),
        ];
        for (data, set) in flag_lists {
            for w in word_set(data) {
                set(words.slot(&w));
            }
        }
        // The common English words, read once above for the gazetteer's patterns.
        for w in &english {
            words.slot(w).common = true;
        }
        // The world's name lists: `name<TAB>flag`, flag `w` where the name is a common word too.
        for (line, family) in
            flagged(include_str!("data/world/given_names.tsv")).map(|l| (l, false)).chain(flagged(include_str!("data/world/surnames.tsv")).map(|l| (l, true)))
        {
            let (name, weak) = line;
            let info = words.slot(&name);
            match (family, weak) {
                (false, false) => info.given = true,
                (false, true) => info.given_weak = true,
                (true, false) => info.family = true,
                (true, true) => info.family_weak = true,
            }
        }
        for t in &name_titles {
            let first = t.split(' ').next().unwrap_or(t);
            words.slot(first).title_start = true;
            // `Presidents Putin and Xi`: a plural title starts where its singular does.
            words.slot(&format!("{first}s")).title_start = true;
        }
        Ok(Lexicon {
            entries,
            patterns,
            aliases,
            lower_aliases,
            acronyms,
            acronym_entries,
            alias_keys,
            home_party: defaults("home_party").map(|p| fold::key(&p)).unwrap_or_default(),
            titles,
            max_title_words,
            max_name_title_words,
            words,
            name_title_prefixes,
            title_prefixes,
            building_words: word_set(include_str!("data/building_words.txt")),
            back_references: word_set(include_str!("data/back_references.txt")),
            cues: Cues::parse(include_str!("data/evidence.tsv"))?,
            ambiguous: word_set(include_str!("data/world/organisations_ambiguous.txt")),
            name_possessives: word_set(include_str!("data/name_possessives.txt")),
            located_heads: word_set(include_str!("data/located_heads.txt")),
            max_particle_len: particles.iter().map(String::len).max().unwrap_or(0),
            particles,
        })
    }

    /// The entry a name or alias (by matching key) stands for.
    pub fn entry_of(&self, key: &str) -> Option<&Entry> {
        self.alias_keys.get(key).map(|&i| &self.entries[i as usize])
    }

    /// The shipped lexicon, built once per process.
    pub fn shipped() -> Arc<Lexicon> {
        static SHIPPED: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::build(&[], &[]).expect("the shipped data files parse")));
        Arc::clone(&SHIPPED)
    }

    /// Gazetteer hits in `f` (folded `original`): on word boundaries, written with a capital
    /// (acronyms in capitals), leftmost-longest and non-overlapping, in folded-text offsets.
    pub fn hits(&self, f: &Folded, original: &str) -> Vec<Hit> {
        let t = f.text.as_str();
        // Leftmost-longest and non-overlapping: at each position the longest alias starting
        // there. A hit may not start inside a word, so those positions are not tried. A rejected
        // match (ending inside a word: `mali` in `malian`; or in lower case: `the democratic
        // people's ...`) must not hide the valid ones that start inside it (`Democratic
        // People's Republic of Korea`), so after a rejection the next position is tried.
        let mut out: Vec<Hit> = Vec::new();
        let mut acronyms: Vec<(usize, usize, u32)> = Vec::new();
        let mut acronym_end = 0;
        let (tb, ob) = (t.as_bytes(), original.as_bytes());
        let mut prev_word = false;
        let mut i = 0;
        while i < tb.len() {
            let (word, len) = char_class(t, i);
            // No alias or acronym starts with a space (the commonest byte that is not a word's).
            let may_start = word || (tb[i] != b' ' && (self.aliases.first[tb[i] as usize] || self.acronyms.first[ob[f.orig(i)] as usize]));
            let mut next = i + len;
            if !(prev_word && word) && may_start {
                let o = f.orig(i);
                // The word is measured once: for the first-word filter, and to step over the
                // rest of it, where no hit can start.
                let word_end = if word { i + word_len(t, i) } else { next };
                next = word_end;
                // Written in lower case (any letter that is not a capital): only aliases that
                // may match in lower case can be accepted, and a word start that begins none of
                // them needs no walk of the whole automaton.
                let lower = if ob[o] < 0x80 {
                    ob[o].is_ascii_lowercase()
                } else {
                    original[o..].chars().next().is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
                };
                // A hit starts with a whole word: `mali` (a pattern) in `malian` ends inside one
                // and is rejected below, so a word no pattern starts with cannot start a hit.
                // A word in lower case is asked of the aliases that may match in lower case: the
                // world's places written with diacritics begin with nearly every pair of letters,
                // so only their first words rule most lower-case words out (the walks of that
                // automaton fell from 5.2 to 0.9 million on the 53 MB corpus).
                let first_words = if lower { &self.lower_aliases } else { &self.aliases };
                let found = if (word && !first_words.may_start_word(tb, i, word_end - i)) || (lower && self.lower_aliases.longest_at(tb, i).is_none()) {
                    None
                } else {
                    // The longest alias that ends where a word does (`Vietnam` in `Vietnam posted`).
                    self.aliases.longest_at_where(tb, i, |e| !(word_after(t, e) && word_before(t, e)))
                };
                if let Some((pid, e)) = found {
                    let p = &self.patterns[pid];
                    if p.lower_ok || !lower {
                        out.push(Hit { fstart: i, fend: e, entry: p.entry });
                        prev_word = word_before(t, e);
                        i = e;
                        continue;
                    }
                }
                // Acronyms: matched in the original text, case-sensitive, each leftmost-longest
                // match consuming its span whether accepted or not.
                if o >= acronym_end && !self.acronym_entries.is_empty() {
                    if let Some((pid, e)) = self.acronyms.longest_at(ob, o) {
                        acronym_end = e;
                        if !(word_after(original, e) && word_before(original, e)) {
                            acronyms.push((o, e, self.acronym_entries[pid]));
                        }
                    }
                }
            }
            prev_word = word;
            i = next;
        }
        if acronyms.is_empty() {
            return out;
        }
        // An acronym inside a longer gazetteer hit is part of that name.
        let mut extra = Vec::new();
        for (s, e, entry) in acronyms {
            let fs = f.map.partition_point(|&o| (o as usize) < s);
            let fe = f.map.partition_point(|&o| (o as usize) < e);
            // `out` is sorted and overlap-free, so its ends are sorted too.
            let k = out.partition_point(|h| h.fend <= fs);
            if out.get(k).is_some_and(|h| h.fstart < fe) {
                continue;
            }
            extra.push(Hit { fstart: fs, fend: fe, entry });
        }
        if !extra.is_empty() {
            out.extend(extra);
            out.sort_by_key(|h| h.fstart);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit_texts(text: &str) -> Vec<String> {
        let lex = Lexicon::shipped();
        let f = fold::fold(text);
        lex.hits(&f, text).iter().map(|h| text[f.orig(h.fstart)..f.orig(h.fend)].to_owned()).collect()
    }

    #[test]
    fn a_hit_is_a_whole_alias_starting_at_a_word() {
        // `Communist Party of India (Marxist)` is an alias, so the walk from `Communist` passes
        // through the state of `... India`, which the failure link of `India` marks as a match:
        // that match starts later and must not be taken for one starting at `Communist`.
        assert_eq!(hit_texts("a member of the Communist Party of India (CPC) Central Committee"), ["India", "CPC"]);
        assert_eq!(hit_texts("the Communist Party of India (Marxist) said"), ["Communist Party of India (Marxist)"]);
        // Not inside a word, not ending inside one; acronyms only in capitals.
        assert_eq!(hit_texts("Hanoians and Hanoi, formalised in Mali; the cpv and the CPV"), ["Hanoi", "Mali", "CPV"]);
        // A longer alias that ends inside a word hides no shorter one (`Vietnam Post`).
        assert_eq!(hit_texts("data showed Vietnam posted a surplus"), ["Vietnam"]);
    }

    #[test]
    fn lower_case_matches_only_aliases_that_allow_it() {
        // Diacritics mark a Vietnamese name, which may be written in lower case; an English
        // alias needs its capital.
        assert_eq!(hit_texts("in hà nội and in china and in China"), ["hà nội", "China"]);
    }
}
