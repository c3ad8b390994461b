//! Who a statement's speaker is: a name, a pronoun, a title or an organisation, from the words
//! around its cue.

use super::scan::*;
use super::*;

pub(super) const SKIPPED_BEFORE_VERB: &[&str] = &[
    "also",
    "further",
    "then",
    "later",
    "has",
    "have",
    "had",
    "once",
    "again",
    "repeatedly",
    "previously",
    "recently",
    "earlier",
    "reportedly",
    "clearly",
    "firmly",
    "strongly",
    "particularly",
];
pub(super) const PASSIVE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "of", "to", "for", "with", "by", "in", "on", "my", "our"];
pub(super) const HONORIFICS: &[&str] = &["comrade", "mr", "mrs", "ms", "dr", "madam", "sir", "."];
pub(super) const PREPOSITIONS: &[&str] =
    &["in", "at", "on", "during", "after", "before", "while", "to", "at", "via", "through", "from", "by", "with", "reporters", "journalists", "media", "press"];

/// Words that open a clause, never a modifier of the speaker noun after them (`what rights groups say`).
pub(super) const CLAUSE_WORDS: &[&str] = &["what", "which", "who", "whom", "that", "and", "but", "or", "as", "while", "when", "where"];
/// Words that make another title of a title (`Prime Minister`, `Deputy Governor`).
pub(super) const RANKS: &[&str] = &["prime", "deputy", "vice", "assistant"];

/// Whether a title (lower case) holds `noun` as it is (`minister` in `minister of finance`,
/// not in `prime minister`, unless `noun` is `prime minister`).
pub(super) fn holds(title: &str, noun: &str) -> bool {
    title.match_indices(noun).any(|(at, _)| {
        let before = title[..at].trim_end();
        let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        !RANKS.contains(&prev) || RANKS.iter().any(|r| noun.starts_with(r))
    })
}

/// One document's view for the rules.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [(usize, usize)],
    /// Sorted by start, without overlaps.
    pub(super) mentions: &'a [Mention],
    /// The mentions' byte starts, searched (`first_from`) instead of the mentions themselves:
    /// those are 100 bytes or more each, and every step of a binary search over them missed the
    /// cache (most of the time of `speaker_ending_at`).
    pub(super) starts: Vec<usize>,
    pub(super) roles: &'a [Role],
    /// People referred to by a title (`the Samsung Chairman`), where: a later `he` may mean them.
    pub(super) referents: std::cell::RefCell<Vec<(usize, Speaker)>>,
}

/// A speaker and the byte span naming it.
pub(super) type Found = (Speaker, (usize, usize));

pub(super) fn speaks(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Norp)
}

impl<'a> Ctx<'a> {
    pub(super) fn sentence_span(&self, p: usize) -> (usize, usize) {
        self.sentences.get(sentences::sentence_of(self.sentences, p)).copied().unwrap_or((0, self.text.len()))
    }

    /// The Python `str` offset of byte offset `p`: counted on from the nearest mention starting
    /// at or before it, whose offset in both units is known, a few words back (counted from the
    /// start of the text, a document's quotes read it all up to the last of them).
    pub(super) fn char_offset(&self, p: usize) -> usize {
        match self.first_from(p + 1).checked_sub(1).map(|i| &self.mentions[i]) {
            Some(m) => m.start + self.text[m.bstart..p].chars().count(),
            None => self.text[..p].chars().count(),
        }
    }

    /// The index of the first mention starting at or after `p`.
    pub(super) fn first_from(&self, p: usize) -> usize {
        self.starts.partition_point(|&s| s < p)
    }

    /// The mention that ends exactly at `p`.
    pub(super) fn mention_ending_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.first_from(p);
        self.mentions[..i].last().filter(|m| m.bend == p)
    }

    /// The mention that starts exactly at `p`.
    pub(super) fn mention_starting_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.first_from(p);
        self.mentions.get(i).filter(|m| m.bstart == p)
    }

    /// The nearest mention of `label` ending at or before `p` (and at or after `lo`).
    pub(super) fn nearest_before(&self, p: usize, lo: usize, label: Label) -> Option<&'a Mention> {
        let i = self.first_from(p);
        self.mentions[..i].iter().rev().take_while(|m| m.bstart >= lo).find(|m| m.label == label && m.bend <= p)
    }

    pub(super) fn entity(m: &Mention) -> Speaker {
        Speaker::Entity(m.label, m.key.clone())
    }

    /// A pronoun at `w`, resolved to the nearest person (an organisation for `it`) named before;
    /// with nobody named before (an article that opens on `..., he added`), the first person
    /// named after.
    pub(super) fn pronoun(&self, w: (usize, usize)) -> Option<Found> {
        let word = lower(self.text, w);
        // `according to him`; `her` only where it ends the phrase (not `her ministry`).
        let ends_phrase = || word_after(self.text, w.1, self.text.len()).is_none_or(|x| !self.text[x.0..x.1].starts_with(char::is_alphanumeric));
        let label = match word.as_ref() {
            "he" | "she" | "they" | "him" | "them" => Label::Person,
            "her" if ends_phrase() => Label::Person,
            "it" => Label::Org,
            _ => return None,
        };
        let mut m = self.nearest_before(w.0, 0, label);
        if m.is_none() && label == Label::Person && word != "they" && word != "them" {
            // Not someone of the same sentence (`he said at talks with Joko Widodo`).
            let (_, se) = self.sentence_span(w.0);
            m = self.mentions[self.first_from(se)..].iter().find(|m| m.label == Label::Person);
        }
        if label == Label::Person {
            let refs = self.referents.borrow();
            let titled = refs.iter().filter(|r| r.0 < w.0).max_by_key(|r| r.0);
            if let Some((_, who)) = titled.filter(|r| m.is_none_or(|m| r.0 > m.bstart)) {
                return Some((who.clone(), w));
            }
        }
        Some((Self::entity(m?), w))
    }

    /// `the minister`, `the ministry`, `rights groups` ending at `p` (its head word last): the
    /// organisation or person it stands for, else the words themselves.
    pub(super) fn noun_phrase(&self, lo: usize, p: usize) -> Option<Found> {
        let r = rules();
        let head = word_before(self.text, lo, p)?;
        let head_word = lower(self.text, head);
        if !head_word.chars().next().is_some_and(char::is_alphabetic) || !r.noun_heads.contains(head_word.as_ref()) {
            return None;
        }
        let head_word = head_word.into_owned();
        // Walk back over modifiers (`the foreign affairs minister`, `the Samsung Chairman`) to
        // a determiner; a phrase without one is a bare plural (`lawyers said`).
        let mut start = head.0;
        let mut det: Option<String> = None;
        let mut words = vec![head_word.clone()];
        for _ in 0..5 {
            let Some(w) = word_before(self.text, lo, start) else { break };
            let lw = lower(self.text, w).into_owned();
            let possessive_name = lw.ends_with("'s") || lw.ends_with("’s");
            if matches!(lw.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our") || possessive_name {
                start = w.0;
                det = Some(lw);
                break;
            }
            if !lw.chars().next().is_some_and(char::is_alphanumeric)
                || PASSIVE.contains(&lw.as_str())
                || DETERMINERS.contains(&lw.as_str())
                || CLAUSE_WORDS.contains(&lw.as_str())
            {
                break;
            }
            if self.mention_ending_at(w.1).is_some_and(|m| m.label == Label::Person) {
                break;
            }
            words.push(lw);
            start = w.0;
        }
        let two = words.get(1).map(|w| format!("{w} {head_word}"));
        let ranked = two.clone().filter(|_| words.get(1).is_some_and(|w| RANKS.contains(&w.as_str())));
        let noun = two.filter(|t| r.nouns.contains(t)).or(ranked).unwrap_or(head_word.clone());
        if !r.nouns.contains(&noun) && !r.nouns.contains(&head_word) {
            return None;
        }
        let span = (start, p);
        let definite = matches!(det.as_deref(), Some("the" | "a" | "an"));
        let plural = head_word.ends_with('s') || head_word == "police";
        let as_written = || Some((Speaker::Words(self.text[span.0..span.1].to_owned()), span));
        // An organisation named before whose name has the head word (`the ministry`).
        let org = self.mentions[..self.first_from(start)]
            .iter()
            .rev()
            .find(|m| matches!(m.label, Label::Org | Label::Gpe) && m.key.split(' ').any(|k| k == head_word));
        if let Some(m) = org.filter(|_| definite) {
            return Some((Self::entity(m), span));
        }
        // A body or a document (`its leadership`, `a press conference`) is never a person; a
        // possessive (`his office`, `his spokesman`) is someone of that side, not the owner.
        if r.bodies.contains(&noun) || r.bodies.contains(&head_word) || (det.is_some() && !definite) {
            return if det.is_some() || plural { as_written() } else { None };
        }
        // `a Vietnamese official`: someone not named before.
        if matches!(det.as_deref(), Some("a" | "an")) {
            return as_written();
        }
        if definite && !plural {
            if let Some(person) = self.title_holder(&noun, start) {
                self.referents.borrow_mut().push((start, person.clone()));
                return Some((person, span));
            }
        }
        // A bare singular title (`President`) names nobody by itself.
        if det.is_none() && !plural {
            return None;
        }
        as_written()
    }

    /// The person named before `p` whose title contains `noun`: from the roles the document
    /// states, else the person nearest the noun where it was written earlier, else the person
    /// named last.
    pub(super) fn title_holder(&self, noun: &str, p: usize) -> Option<Speaker> {
        let role = self.roles.iter().rev().filter(|r| r.bstart < p).find(|r| holds(&r.role.to_lowercase(), noun));
        if let Some(r) = role {
            return Some(Speaker::Entity(Label::Person, r.person_key.clone()));
        }
        // The title written earlier, where it is not a higher or lower rank of it (`the
        // minister` is not the Prime Minister named before).
        let mut end = p;
        let mut written = None;
        while let Some(at) = rfind_ascii_ci(&self.text[..end], noun) {
            let mut from = at.saturating_sub(12);
            while !self.text.is_char_boundary(from) {
                from -= 1;
            }
            if holds(&self.text[from..at + noun.len()].to_lowercase(), noun) {
                written = Some(at);
                break;
            }
            end = at;
        }
        if let Some(at) = written {
            let (ss, se) = self.sentence_span(at);
            if let Some(m) = self.nearest_before(at, ss, Label::Person) {
                return Some(Self::entity(m));
            }
            let i = self.first_from(at);
            if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bstart < se).find(|m| m.label == Label::Person) {
                return Some(Self::entity(m));
            }
        }
        self.nearest_before(p, 0, Label::Person).map(Self::entity)
    }

    /// The speaker named by the words ending at `p`: a mention, a pronoun or a noun phrase.
    pub(super) fn speaker_ending_at(&self, lo: usize, p: usize) -> Option<Found> {
        let w = word_before(self.text, lo, p)?;
        if let Some(m) = self.mention_ending_at(w.1).filter(|m| speaks(m.label)) {
            return Some((Self::entity(m), (m.bstart, m.bend)));
        }
        self.pronoun(w).or_else(|| self.noun_phrase(lo, w.1)).or_else(|| self.surname(w))
    }

    /// A capitalised word that is part of the name of a person named before (`Mr. Hung` after
    /// `Nguyen Quoc Hung`), which the extractor did not tie to that person.
    pub(super) fn surname(&self, w: (usize, usize)) -> Option<Found> {
        let word = &self.text[w.0..w.1];
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        let k = crate::fold::key(word);
        let i = self.first_from(w.0);
        let m = self.mentions[..i].iter().rev().find(|m| m.label == Label::Person && m.key.contains(k.as_str()) && m.key.split(' ').any(|x| x == k))?;
        Some((Self::entity(m), w))
    }

    /// The speaker named by the words starting at `p` (`said Trung`, `said the minister`).
    pub(super) fn speaker_starting_at(&self, p: usize, hi: usize) -> Option<Found> {
        let first = word_after(self.text, p, hi)?;
        if let Some(found) = self.pronoun(first) {
            return Some(found);
        }
        // A name after its title (`according to Deputy Governor of the State Bank of Vietnam
        // (SBV) Dao Minh Tu`): the first person named before the next comma.
        let phrase_end = self.text[first.0..hi].find([',', ';', ':', '“', '"']).map_or(hi, |k| first.0 + k);
        let i = self.first_from(first.0);
        if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bend <= phrase_end).take(6).find(|m| m.label == Label::Person) {
            return Some((Self::entity(m), (m.bstart, m.bend)));
        }
        // A title whose words are listed with commas (`said Investment, Trade and Industry
        // Minister Tengku Zafrul`): only capitalised words and connectors up to the person.
        if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bend <= hi).take(6).find(|m| m.label == Label::Person) {
            let title = &self.text[first.0..m.bstart];
            let title_like = title.split_whitespace().all(|t| {
                let t = t.trim_matches(|c: char| c == ',' || c == '(' || c == ')');
                t.is_empty() || t.starts_with(char::is_uppercase) || matches!(t, "and" | "of" | "the" | "for" | "&")
            });
            if title_like && !has_words(title, 11) {
                return Some((Self::entity(m), (m.bstart, m.bend)));
            }
        }
        let mut w = first;
        for _ in 0..8 {
            if let Some(m) = self.mention_starting_at(w.0).filter(|m| speaks(m.label)) {
                // `the Samsung Chairman`, `Vietnam's government`: an organisation or country that
                // modifies a title or a body.
                let after = word_after(self.text, m.bend, hi);
                let after = after.filter(|x| matches!(&self.text[x.0..x.1], "'s" | "’s")).and_then(|x| word_after(self.text, x.1, hi)).or(after);
                let modifies = m.label != Label::Person && after.is_some_and(|x| rules().nouns.contains(lower(self.text, x).as_ref()));
                if !modifies {
                    return Some((Self::entity(m), (m.bstart, m.bend)));
                }
                break;
            }
            let lw = lower(self.text, w);
            let title_like = HONORIFICS.contains(&lw.as_ref()) || lw == "the" || self.text[w.0..w.1].starts_with(char::is_uppercase);
            match word_after(self.text, w.1, hi) {
                Some(next) if title_like => w = next,
                _ => break,
            }
        }
        // A noun phrase up to the next punctuation (`noted the Samsung Chairman.`), its head
        // the first speaker noun, or two (`a press conference`, `official schedules`).
        let nouns = &rules().nouns;
        let next_word = |x: (usize, usize)| word_after(self.text, x.1, hi).filter(|y| self.text[y.0..y.1].starts_with(char::is_alphanumeric));
        let mut last = first;
        for _ in 0..6 {
            let here = lower(self.text, last);
            let next = next_word(last);
            let pair = next.map(|x| format!("{here} {}", lower(self.text, x)));
            if let (Some(x), Some(pair)) = (next, pair) {
                if nouns.contains(&pair) || nouns.contains(here.as_ref()) && nouns.contains(lower(self.text, x).as_ref()) {
                    last = x;
                    break;
                }
            }
            if nouns.contains(here.as_ref()) {
                break;
            }
            match next {
                Some(x) => last = x,
                None => break,
            }
        }
        // `according to newswire Vneconomy`: a body noun, then the body's name.
        if rules().bodies.contains(lower(self.text, last).as_ref()) {
            if let Some(x) = next_word(last).filter(|x| self.text[x.0..x.1].starts_with(char::is_uppercase)) {
                if let Some(m) = self.mention_starting_at(x.0).filter(|m| speaks(m.label)) {
                    return Some((Self::entity(m), (m.bstart, m.bend)));
                }
                let mut end = x;
                while let Some(y) = next_word(end).filter(|y| self.text[y.0..y.1].starts_with(char::is_uppercase)) {
                    end = y;
                }
                let span = (x.0, end.1);
                return Some((Speaker::Words(self.text[span.0..span.1].to_owned()), span));
            }
        }
        let found = self.noun_phrase(first.0, last.1).or_else(|| self.capitalised_run(first.0, phrase_end, true))?;
        // `said one of his lawyers, Le Dinh Viet,`: the name in apposition.
        if let Speaker::Words(_) = found.0 {
            let after = found.1 .1 + self.text[found.1 .1..hi].len() - self.text[found.1 .1..hi].trim_start_matches([',', ' ']).len();
            if self.text[found.1 .1..after].contains(',') {
                if let Some(m) = self.mention_starting_at(after).filter(|m| m.label == Label::Person) {
                    return Some((Self::entity(m), (m.bstart, m.bend)));
                }
            }
        }
        Some(found)
    }

    /// Two to six capitalised words from `p` (`forward`) or ending at `p`: a name the extractor
    /// did not find (`Nakagawa Tetsuyuki said`). Stops at a title, a determiner or an entity.
    pub(super) fn capitalised_run(&self, p: usize, hi: usize, forward: bool) -> Option<Found> {
        let r = rules();
        let mut span: Option<(usize, usize)> = None;
        let mut n = 0;
        let mut w = if forward { word_after(self.text, p, hi)? } else { word_before(self.text, hi, p)? };
        loop {
            let t = &self.text[w.0..w.1];
            let lw = t.to_lowercase();
            let i = self.first_from(w.0 + 1);
            let in_mention = self.mentions[..i].last().is_some_and(|m| m.bend >= w.1);
            if !t.starts_with(char::is_uppercase) || r.nouns.contains(&lw) || DETERMINERS.contains(&lw.as_str()) || in_mention || n == 6 {
                break;
            }
            n += 1;
            span = Some(span.map_or(w, |s: (usize, usize)| (s.0.min(w.0), s.1.max(w.1))));
            let next = if forward { word_after(self.text, w.1, hi) } else { word_before(self.text, hi, w.0) };
            match next {
                Some(x) => w = x,
                None => break,
            }
        }
        // One capitalised word is a name only where it is the whole subject: right after a comma
        // or at the start of the clause (`..., Trump declared:`), never a sentence's first word
        // (`Officials said` is a capitalised noun).
        let alone = |s: (usize, usize)| !forward && word_before(self.text, hi, s.0).is_some_and(|x| &self.text[x.0..x.1] == ",");
        let span = span.filter(|&s| n >= 2 || alone(s))?;
        let found = (Speaker::Words(self.text[span.0..span.1].to_owned()), span);
        self.referents.borrow_mut().push((span.0, found.0.clone()));
        Some(found)
    }

    /// A name the extractor did not find, as written where it opens the clause before a cue
    /// (`Furusawa Yasuyuki, general director of AEON Vietnam, said`): two to five capitalised
    /// words followed by a comma or the cue.
    pub(super) fn leading_name(&self, lo: usize, cue: usize) -> Option<Found> {
        let mut w = word_after(self.text, lo, cue)?;
        // `Meanwhile, Isac Patrício Nhabinde, head of ..., described`
        if let Some(comma) = word_after(self.text, w.1, cue).filter(|x| &self.text[x.0..x.1] == ",") {
            w = word_after(self.text, comma.1, cue)?;
        }
        let start = w.0;
        let mut n = 0;
        loop {
            let t = &self.text[w.0..w.1];
            if !t.starts_with(char::is_uppercase) || DETERMINERS.contains(&t.to_lowercase().as_str()) || n == 5 {
                return None;
            }
            n += 1;
            let end = w.1;
            match word_after(self.text, end, cue) {
                Some(x) if self.text[x.0..x.1].chars().next().is_some_and(char::is_alphanumeric) => w = x,
                next => {
                    let closes = next.is_none() || next.is_some_and(|x| &self.text[x.0..x.1] == ",");
                    let found = (n >= 2 && closes).then(|| (Speaker::Words(self.text[start..end].to_owned()), (start, end)));
                    if let Some(f) = &found {
                        self.referents.borrow_mut().push((start, f.0.clone()));
                    }
                    return found;
                }
            }
        }
    }

    /// The subject of a reporting verb at `cue`, left of it in its sentence: the words right
    /// before it (adverbs skipped), else the nearest person of the sentence (a subject with an
    /// apposition: `Trinh Van Quyet, Politburo member, ..., underlined`).
    pub(super) fn subject(&self, lo: usize, cue: usize) -> Option<Found> {
        let mut p = self.before_adverbs(lo, cue);
        // `the Ministry in a statement said`, `Trung on Monday said`: the phrase between the
        // subject and its verb is skipped.
        if let Some(pp) = self.adverbial_before(lo, p) {
            p = self.before_adverbs(lo, pp);
        }
        let prev = word_before(self.text, lo, p)?;
        let prev_word = lower(self.text, prev);
        // No article stands right before a verb: a capitalised `An` there ends a name (`Nguyễn
        // Văn An said`), not a noun phrase.
        let name_word = self.text[prev.0..prev.1].starts_with(char::is_uppercase) && word_before(self.text, lo, prev.0).is_some();
        if PASSIVE.contains(&prev_word.as_ref()) || DETERMINERS.contains(&prev_word.as_ref()) && !name_word {
            return None;
        }
        // `He congratulated Putin and praised ...`: the verb shares the sentence's subject.
        if prev_word == "and" {
            return self.speaker_starting_at(lo, prev.0).filter(|f| f.1 .1 <= prev.0);
        }
        let mut attached_to = None;
        if prev_word != "," {
            if let Some(found) = self.speaker_ending_at(lo, p) {
                // `Bui Duc Giang of the Phu Tho Provincial Youth Union said`: the person.
                // (`the` skipped; after a comma only as a title in apposition: `Giang, head
                // of the Union,`.)
                let mut w = word_before(self.text, lo, found.1 .0);
                if w.is_some_and(|x| lower(self.text, x) == "the") {
                    w = w.and_then(|x| word_before(self.text, lo, x.0));
                }
                let attached = matches!(found.0, Speaker::Entity(l, _) if l != Label::Person)
                    && w.is_some_and(|x| match lower(self.text, x).as_ref() {
                        "of" | "from" | "at" | "with" | "in" => true,
                        "," => self.mention_ending_at(x.0).is_some_and(|m| m.label == Label::Person),
                        _ => false,
                    });
                if !attached {
                    return Some(found);
                }
                attached_to = Some(found);
            }
        }
        self.nearest_subject(cue, lo)
            .map(|m| (Self::entity(m), (m.bstart, m.bend)))
            // `a notice issued by the Political Bureau said`: no person, so the organisation.
            .or(attached_to)
            .or_else(|| self.leading_name(lo, cue))
            .or_else(|| if prev_word == "," { None } else { self.capitalised_run(p, lo, false) })
    }

    /// The nearest person named in `[lo, cue)` who can be the subject: not a possessive
    /// (`Following Tuyen's arrest, the ministry said`).
    fn nearest_subject(&self, cue: usize, lo: usize) -> Option<&'a Mention> {
        let i = self.first_from(cue);
        self.mentions[..i]
            .iter()
            .rev()
            .take_while(|m| m.bstart >= lo)
            .find(|m| m.label == Label::Person && m.bend <= cue && !self.text[m.bend..].starts_with(['\'', '’']))
    }

    /// `p` moved back over the adverbs right before it (`also`, `has`, `reportedly`).
    fn before_adverbs(&self, lo: usize, mut p: usize) -> usize {
        while let Some(w) = word_before(self.text, lo, p) {
            if !SKIPPED_BEFORE_VERB.contains(&lower(self.text, w).as_ref()) {
                break;
            }
            p = w.0;
        }
        p
    }

    /// The start of a short prepositional phrase ending at `p` (`in a statement`, `on Monday`,
    /// `in an interview with Reuters`), when a speaker stands before it.
    pub(super) fn adverbial_before(&self, lo: usize, p: usize) -> Option<usize> {
        let mut q = p;
        for _ in 0..6 {
            let w = word_before(self.text, lo, q)?;
            let lw = lower(self.text, w);
            if !lw.starts_with(char::is_alphanumeric) {
                return None;
            }
            if matches!(lw.as_ref(), "in" | "on" | "at" | "during" | "via" | "through") {
                return self.speaker_ending_at(lo, w.0).is_some().then_some(w.0);
            }
            q = w.0;
        }
        None
    }
}
