//! Where a statement starts and ends, for each form: words in quotation marks, `X said (that)
//! ...`, `..., X said.`, `according to X, ...`.

use super::scan::*;
use super::speaker::*;
use super::*;

/// The end of a statement that runs from `from` to the end of its sentence `se`: before the
/// final full stop, or at the comma of a following cue (`..., adding that`, `..., he said`).
pub(super) fn content_end(ctx: &Ctx, from: usize, se: usize, cues: &[Cue]) -> usize {
    let text = ctx.text;
    for c in cues.iter().filter(|c| c.start > from && c.start < se) {
        // The comma before the cue, with at most a speaker between (`, he said`, `, Trung said`).
        let before = &text[from..c.start];
        if let Some(comma) = before.rfind(',') {
            let between = before[comma + 1..].trim();
            let short = between.split_whitespace().count() <= 4 && !between.contains(['“', '"']);
            if short && (between.is_empty() || ctx.speaker_ending_at(from + comma + 1, c.start).is_some()) {
                return from + comma;
            }
        }
    }
    trim_statement(text, from, se)
}

/// `[from, to)` without the spaces around it and the final full stop.
pub(super) fn trim_statement(text: &str, from: usize, to: usize) -> usize {
    let s = text[from..to].trim_end();
    let s = s.strip_suffix(['.', ';']).unwrap_or(s).trim_end();
    from + s.len()
}

/// After a cue: `that`, a colon or a comma before the reported words.
pub(super) fn content_start(text: &str, p: usize, hi: usize) -> usize {
    let mut q = skip_spaces(text, p, hi);
    if let Some(w) = word_after(text, q, hi) {
        let lw = lower(text, w);
        if lw == "that" || lw == ":" || lw == "," {
            q = skip_spaces(text, w.1, hi);
        }
    }
    q
}

/// A statement that starts after its cue: `said in a statement on Monday that` and
/// `told reporters that` skip to the `that`.
pub(super) fn start_after_cue(text: &str, cue_end: usize, se: usize) -> usize {
    let q = skip_spaces(text, cue_end, se);
    if let Some(w) = word_after(text, q, se) {
        if PREPOSITIONS.contains(&lower(text, w).as_ref()) || w.0 < se && text[w.0..w.1].chars().next().is_some_and(char::is_uppercase) {
            let mut window = std::iter::successors(Some(w), |&x| word_after(text, x.1, se)).take(12);
            if let Some(that) = window.find(|&x| matches!(lower(text, x).as_ref(), "that" | ":")) {
                return skip_spaces(text, that.1, se);
            }
        }
    }
    content_start(text, cue_end, se)
}

pub(super) fn direct_quotes(ctx: &Ctx, quoted: &[(usize, usize, usize, usize)], cues: &[Cue], used: &mut [bool], out: &mut Vec<Draft>) {
    let text = ctx.text;
    let mut last: Option<Speaker> = None;
    let mut last_end = 0;
    let mut last_cue = (0, 0);
    for &(os, cs, ce, oe) in quoted {
        if !has_words(&text[cs..ce], 2) {
            continue;
        }
        let (ss, _) = ctx.sentence_span(os);
        let (_, qe) = ctx.sentence_span(oe.saturating_sub(1));
        let hi = text.len().min(qe.max(oe + 80));
        let mut found: Option<(usize, Option<Found>)> = None;
        // After: `"...," he said`, `"...," said the minister`, `"...", Trung said.`
        // The first cue after the quote decides.
        if let Some((i, c)) = cues.iter().enumerate().find(|(_, c)| c.kind == CueKind::Verb && c.start >= oe && c.start < hi) {
            let between = text[oe..c.start].trim_matches(|ch: char| ch.is_whitespace() || ch == ',');
            let quoted_words = &text[cs..ce];
            // `"Tradition and Friendship", stated that`: a name in quotation marks, not a quote.
            let statement = quoted_words.trim_end().ends_with([',', '.', '?', '!', '…']) || has_words(quoted_words, 5);
            if between.is_empty() {
                if statement && !text[c.start..c.end].ends_with("ing") {
                    let cue_hi = ctx.sentence_span(c.end).1.max(c.end);
                    found = Some((i, ctx.speaker_starting_at(c.end, cue_hi)));
                }
            } else if !has_words(between, 26) && !between.contains(['“', '"', '”']) && !text[oe..c.start].contains('\n') && !ends_a_sentence(between) {
                // `"...," Trung said`, or with an apposition: `"...," Lieutenant Colonel Phan
                // Duy Cuong, the operations assistant of ..., said`.
                let after = oe + (text[oe..].len() - text[oe..].trim_start_matches(|ch: char| ch.is_whitespace() || ch == ',').len());
                found = ctx
                    .speaker_ending_at(oe, c.start)
                    .filter(|f| f.1 .0 >= oe && !has_words(between, 7))
                    .or_else(|| ctx.speaker_starting_at(after, c.start).filter(|f| f.1 .0 >= oe))
                    .or_else(|| ctx.leading_name(after, c.start))
                    .map(|f| (i, Some(f)));
            }
        }
        // Before: `Trung said: "..."`, `he said "..."`.
        if found.is_none() {
            let before = cues.iter().enumerate().rev().find(|(_, c)| c.end <= os && c.end >= ss.min(os));
            if let Some((i, c)) = before {
                let gap = text[c.end..os].trim();
                let gap = gap.trim_start_matches([':', ',']).trim();
                if gap.is_empty() || gap.eq_ignore_ascii_case("that") {
                    let who = match c.kind {
                        CueKind::Verb => ctx.subject(ss, c.start),
                        CueKind::Source => ctx.speaker_starting_at(c.end, os),
                    };
                    found = Some((i, who));
                }
            }
        }
        match found {
            Some((i, who)) => {
                used[i] = true;
                last = who.as_ref().map(|f| f.0.clone()).or(last.clone());
                last_end = oe;
                last_cue = (cues[i].start, cues[i].end);
                out.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: who, inherited: None, cue: (cues[i].start, cues[i].end) });
            }
            // A quote that opens a paragraph without a cue of its own goes on from the speaker
            // of the quote before it.
            None if opens_sentence(text, os) && last.is_some() && last_end + 400 >= os && has_words(&text[cs..ce], 4) => {
                // The cue is the one that attributed the quote it goes on from.
                out.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: None, inherited: last.clone(), cue: last_cue });
                last_end = oe;
            }
            None => {}
        }
    }
}

/// Words in quotation marks inside reported speech (`Trong said the framework will create
/// "favorable conditions"`) are the speaker's own words: a direct quote each, with the
/// statement's speaker and cue.
pub(super) fn partial_quotes(quoted: &[(usize, usize, usize, usize)], out: &mut Vec<Draft>) {
    let mut found = Vec::new();
    for d in out.iter().filter(|d| d.kind == QuoteKind::Indirect) {
        for &(_, cs, ce, _) in quoted.iter().filter(|&&(os, _, _, oe)| d.start <= os && oe <= d.end + 3) {
            if cs < ce {
                found.push(Draft { start: cs, end: ce, kind: QuoteKind::Direct, speaker: d.speaker.clone(), inherited: d.inherited.clone(), cue: d.cue });
            }
        }
    }
    out.extend(found);
}

/// Whether a full stop in `s` ends a sentence (not the one of `Mr.`, `Dr.`).
pub(super) fn ends_a_sentence(s: &str) -> bool {
    s.match_indices('.').any(|(i, _)| !["Mr", "Ms", "Mrs", "Dr", "Prof", "St"].iter().any(|h| s[..i].ends_with(h)))
}

/// Whether a quotation mark at `os` opens a sentence or a paragraph.
pub(super) fn opens_sentence(text: &str, os: usize) -> bool {
    let before = text[..os].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', '.', '?', '!', '”', '"'])
}

pub(super) fn indirect_quotes(ctx: &Ctx, quoted: &[(usize, usize, usize, usize)], cues: &[Cue], used: &[bool], out: &mut Vec<Draft>) {
    let text = ctx.text;
    let inside_quote = |p: usize| quoted.iter().any(|&(_, cs, ce, _)| cs <= p && p < ce);
    // Statements found so far that a later cue may sit inside (`..., while adding viewpoints`).
    let mut covered_until = 0;
    let mut prev: Option<(usize, Option<Found>)> = None;
    for (i, c) in cues.iter().enumerate() {
        if used[i] || c.start < covered_until || inside_quote(c.start) {
            continue;
        }
        let (ss, se) = ctx.sentence_span(c.start);
        let draft = match c.kind {
            CueKind::Source => source_quote(ctx, c, ss, se, cues),
            CueKind::Verb => verb_quote(ctx, c, ss, se, cues, prev.as_ref().filter(|(s, _)| *s == ss).and_then(|p| p.1.clone())),
        };
        let Some(d) = draft else { continue };
        if !has_words(&text[d.start..d.end], 2) || quoted.iter().any(|&(_, cs, ce, _)| cs <= d.start && d.end <= ce) {
            continue;
        }
        covered_until = covered_until.max(if d.start > c.end { d.end } else { c.end });
        prev = Some((ss, d.speaker.clone()));
        out.push(d);
    }
}

/// `According to X, ...` and `..., according to X.`
pub(super) fn source_quote(ctx: &Ctx, c: &Cue, ss: usize, se: usize, cues: &[Cue]) -> Option<Draft> {
    let text = ctx.text;
    let who = ctx.speaker_starting_at(c.end, se);
    let lead = text[ss..c.start].trim();
    let (start, end) = if lead.is_empty() || lead.ends_with(',') && !has_words(lead, 4) {
        // The source comes first: the statement follows the comma after it.
        let comma = text[c.end..se].find(',')? + c.end;
        let s = skip_spaces(text, comma + 1, se);
        let s = content_start(text, s, se);
        (s, content_end(ctx, s, se, cues))
    } else if lead.ends_with(',') {
        (ss, ss + text[ss..c.start].trim_end().len() - 1)
    } else {
        return None;
    };
    (end > start).then_some(Draft { start, end, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) })
}

/// Words that open the end of a sentence after `..., X said`: when, where, to whom, how.
const TAIL_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "yesterday",
    "today",
    "tonight",
    "last",
    "earlier",
    "later",
    "late",
    "when",
    "while",
    "from",
    "via",
    "through",
    "by",
    "with",
    "recently",
    "previously",
    "afterwards",
    "reporters",
    "journalists",
];

/// `X said (that) ...`, `..., X said.`, `..., said X.`, and a participle that opens its sentence
/// (`Affirming that ..., Trung proposed ...`).
pub(super) fn verb_quote(ctx: &Ctx, c: &Cue, ss: usize, se: usize, cues: &[Cue], same_sentence: Option<Found>) -> Option<Draft> {
    let text = ctx.text;
    let before = text[ss..c.start].trim_end();
    // `..., he said.` / `..., said the minister.`: the statement is the clause before the comma.
    let comma_at = before.rfind(',').map(|k| ss + k);
    if let Some(comma) = comma_at {
        let between = &text[comma + 1..c.start];
        let after_speaker = match between.trim().is_empty() {
            true => ctx.speaker_starting_at(c.end, se).map(|f| (f.1 .1, Some(f))),
            // `..., the ministry in a statement said`: the phrase before the verb skipped.
            false => ctx
                .speaker_ending_at(comma + 1, ctx.adverbial_before(comma + 1, c.start).unwrap_or(c.start))
                .filter(|f| f.1 .0 > comma)
                .map(|f| (c.end, Some(f))),
        };
        if let Some((tail_from, who)) = after_speaker {
            let tail = text[tail_from..se].trim().trim_end_matches(['.', '”', '"']);
            // The sentence ends there, or goes on with when and where (`on Monday`) or with
            // another cue (`, adding that ...`); not with a statement of its own (`..., the
            // ministry said the law was applied`).
            let first = tail.split_whitespace().next().unwrap_or("").to_lowercase();
            let apposition = tail.starts_with(',') && !has_words(tail, 13);
            let goes_on = tail.starts_with(',') && cues.iter().any(|x| x.start > tail_from && x.start < tail_from + 16);
            let ends = !has_words(tail, 3) || TAIL_WORDS.contains(&first.as_str()) || apposition || goes_on;
            if ends {
                let start = clause_start(text, ss, comma);
                return Some(Draft { start, end: comma, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) });
            }
        }
    }
    // `... in the event of invasion said Nigel Gould-Davies, a senior fellow ...`: a person right
    // after the verb, its comma left out, and nothing after them but an apposition.
    if comma_at.is_none_or(|comma| has_words(&text[comma..c.start], 4)) && has_words(before, 4) {
        let after = skip_spaces(text, c.end, se);
        if let Some(m) = ctx.mention_starting_at(after).filter(|m| m.label == Label::Person) {
            let rest = text[m.bend..se].trim_start();
            if rest.is_empty() || rest.starts_with([',', '.']) {
                let start = clause_start(text, ss, c.start);
                let end = trim_statement(text, start, c.start);
                let who = Some((Ctx::entity(m), (m.bstart, m.bend)));
                return (end > start).then_some(Draft { start, end, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) });
            }
        }
    }
    let start = start_after_cue(text, c.end, se);
    let subject = ctx.subject(ss, c.start);
    let who = match subject {
        Some(f) => Some(f),
        // `..., adding that ...` after a statement of this sentence: the same speaker.
        None if before.ends_with(',') && same_sentence.is_some() => same_sentence,
        None if before.is_empty() || !has_words(before, 6) && before.ends_with(',') => {
            // A participle opening the sentence: the statement runs to the comma before the
            // subject of the sentence (`Affirming that ..., Trung proposed`).
            let mut p = start;
            let mut found = None;
            while let Some(k) = text[p..se].find(',') {
                let comma = p + k;
                if let Some(f) = ctx.speaker_starting_at(comma + 1, se).filter(|f| matches!(f.0, Speaker::Entity(Label::Person, _))) {
                    found = Some((comma, f));
                    break;
                }
                p = comma + 1;
            }
            let (comma, f) = found?;
            return Some(Draft { start, end: comma, kind: QuoteKind::Indirect, speaker: Some(f), inherited: None, cue: (c.start, c.end) });
        }
        None => return None,
    };
    let end = content_end(ctx, start, se, cues);
    (end > start).then_some(Draft { start, end, kind: QuoteKind::Indirect, speaker: who, inherited: None, cue: (c.start, c.end) })
}

/// Where the clause that ends at `comma` starts: the sentence start, or after an earlier
/// `X said` of the same sentence; an opening quotation mark skipped.
pub(super) fn clause_start(text: &str, ss: usize, comma: usize) -> usize {
    let s = skip_spaces(text, ss, comma);
    s + text[s..comma].chars().next().filter(|&c| mark(c).is_some()).map_or(0, char::len_utf8)
}
