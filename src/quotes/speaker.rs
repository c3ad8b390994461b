//! Who a statement's speaker is: a name, a pronoun, a title or an organisation, from the words
//! around its cue.

use super::scan::*;
use super::*;

pub(super) const SKIPPED_BEFORE_VERB: &[&str] = &["also", "further", "then", "later", "has", "have", "had", "once", "again", "repeatedly", "previously", "recently", "earlier", "reportedly", "clearly", "firmly", "strongly", "particularly"];
pub(super) const PASSIVE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];
pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "of", "to", "for", "with", "by", "in", "on", "my", "our"];
pub(super) const HONORIFICS: &[&str] = &["comrade", "mr", "mrs", "ms", "dr", "madam", "sir", "."];
pub(super) const PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "after", "before", "while", "to", "at", "via", "through", "from", "by", "with", "reporters", "journalists", "media", "press"];

/// One document's view for the rules.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) sentences: &'a [(usize, usize)],
    /// Sorted by start, without overlaps.
    pub(super) mentions: &'a [Mention],
    pub(super) roles: &'a [Role],
    /// Code-point to byte: roles carry code points.
    pub(super) role_bytes: Vec<usize>,
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

    /// The mention that ends exactly at `p`.
    pub(super) fn mention_ending_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions[..i].last().filter(|m| m.bend == p)
    }

    /// The mention that starts exactly at `p`.
    pub(super) fn mention_starting_at(&self, p: usize) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions.get(i).filter(|m| m.bstart == p)
    }

    /// The nearest mention of `label` ending at or before `p` (and at or after `lo`).
    pub(super) fn nearest_before(&self, p: usize, lo: usize, label: Label) -> Option<&'a Mention> {
        let i = self.mentions.partition_point(|m| m.bstart < p);
        self.mentions[..i].iter().rev().take_while(|m| m.bstart >= lo).find(|m| m.label == label && m.bend <= p)
    }

    pub(super) fn entity(m: &Mention) -> Speaker {
        Speaker::Entity(m.label, m.key.clone())
    }

    /// A pronoun at `w`, resolved to the nearest person (an organisation for `it`) named before.
    pub(super) fn pronoun(&self, w: (usize, usize)) -> Option<Found> {
        let label = match lower(self.text, w).as_str() {
            "he" | "she" | "they" => Label::Person,
            "it" => Label::Org,
            _ => return None,
        };
        let m = self.nearest_before(w.0, 0, label);
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
        if !head_word.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        // Walk back over modifiers (`the foreign affairs minister`, `the Samsung Chairman`) to
        // a determiner; a phrase without one is a bare plural (`lawyers said`).
        let mut start = head.0;
        let mut determiner = false;
        let mut words = vec![head_word.clone()];
        for _ in 0..5 {
            let Some(w) = word_before(self.text, lo, start) else { break };
            let lw = lower(self.text, w);
            if lw == "the" || lw == "its" || lw == "a" {
                start = w.0;
                determiner = true;
                break;
            }
            if !lw.chars().next().is_some_and(char::is_alphanumeric) || PASSIVE.contains(&lw.as_str()) || DETERMINERS.contains(&lw.as_str()) {
                break;
            }
            if self.mention_ending_at(w.1).is_some_and(|m| m.label == Label::Person) {
                break;
            }
            words.push(lw);
            start = w.0;
        }
        let two = words.get(1).map(|w| format!("{w} {head_word}"));
        let noun = two.filter(|t| r.nouns.contains(t)).unwrap_or(head_word.clone());
        if !r.nouns.contains(&noun) {
            return None;
        }
        let span = (start, p);
        // An organisation named before whose name has the head word (`the ministry`).
        let org = self.mentions[..self.mentions.partition_point(|m| m.bstart < start)]
            .iter()
            .rev()
            .find(|m| matches!(m.label, Label::Org | Label::Gpe) && m.key.split(' ').any(|k| k == head_word));
        if let Some(m) = org.filter(|_| determiner) {
            return Some((Self::entity(m), span));
        }
        if determiner && !head_word.ends_with('s') {
            if let Some(person) = self.title_holder(&noun, start) {
                self.referents.borrow_mut().push((start, person.clone()));
                return Some((person, span));
            }
        }
        // A bare singular title (`President`) names nobody by itself.
        if !determiner && !head_word.ends_with('s') && head_word != "police" {
            return None;
        }
        Some((Speaker::Words(self.text[span.0..span.1].to_owned()), span))
    }

    /// The person named before `p` whose title contains `noun`: from the roles the document
    /// states, else the person nearest the noun where it was written earlier, else the person
    /// named last.
    pub(super) fn title_holder(&self, noun: &str, p: usize) -> Option<Speaker> {
        let role = self.roles.iter().zip(&self.role_bytes).rev().filter(|(_, &b)| b < p).find(|(r, _)| r.role.to_lowercase().contains(noun));
        if let Some((r, _)) = role {
            return Some(Speaker::Entity(Label::Person, r.person_key.clone()));
        }
        if let Some(at) = rfind_ascii_ci(&self.text[..p], noun) {
            let (ss, se) = self.sentence_span(at);
            if let Some(m) = self.nearest_before(at, ss, Label::Person) {
                return Some(Self::entity(m));
            }
            let i = self.mentions.partition_point(|m| m.bstart < at);
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
        let i = self.mentions.partition_point(|m| m.bstart < w.0);
        let m = self.mentions[..i].iter().rev().find(|m| m.label == Label::Person && m.key.split(' ').any(|x| x == k))?;
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
        let i = self.mentions.partition_point(|m| m.bstart < first.0);
        if let Some(m) = self.mentions[i..].iter().take_while(|m| m.bend <= phrase_end).take(6).find(|m| m.label == Label::Person) {
            return Some((Self::entity(m), (m.bstart, m.bend)));
        }
        let mut w = first;
        for _ in 0..8 {
            if let Some(m) = self.mention_starting_at(w.0).filter(|m| speaks(m.label)) {
                // `the Samsung Chairman`: an organisation or country that modifies a title.
                let modifies = m.label != Label::Person && word_after(self.text, m.bend, hi).is_some_and(|x| rules().nouns.contains(&lower(self.text, x)));
                if !modifies {
                    return Some((Self::entity(m), (m.bstart, m.bend)));
                }
                break;
            }
            let lw = lower(self.text, w);
            let title_like = HONORIFICS.contains(&lw.as_str()) || lw == "the" || self.text[w.0..w.1].starts_with(char::is_uppercase);
            match word_after(self.text, w.1, hi) {
                Some(next) if title_like => w = next,
                _ => break,
            }
        }
        // A noun phrase up to the next punctuation (`noted the Samsung Chairman.`).
        let mut last = first;
        for _ in 0..6 {
            if rules().nouns.contains(&lower(self.text, last)) {
                break;
            }
            match word_after(self.text, last.1, hi) {
                Some(x) if self.text[x.0..x.1].chars().next().is_some_and(char::is_alphanumeric) => last = x,
                _ => break,
            }
        }
        self.noun_phrase(first.0, last.1).or_else(|| self.capitalised_run(first.0, phrase_end, true))
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
            let i = self.mentions.partition_point(|m| m.bstart <= w.0);
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
        let span = span.filter(|_| n >= 2)?;
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
        let mut p = cue;
        while let Some(w) = word_before(self.text, lo, p) {
            if SKIPPED_BEFORE_VERB.contains(&lower(self.text, w).as_str()) {
                p = w.0;
            } else {
                break;
            }
        }
        let prev = word_before(self.text, lo, p)?;
        let prev_word = lower(self.text, prev);
        if PASSIVE.contains(&prev_word.as_str()) || DETERMINERS.contains(&prev_word.as_str()) {
            return None;
        }
        if prev_word != "," {
            if let Some(found) = self.speaker_ending_at(lo, p) {
                // `Bui Duc Giang of the Phu Tho Provincial Youth Union said`: the person.
                let attached = matches!(found.0, Speaker::Entity(l, _) if l != Label::Person)
                    && word_before(self.text, lo, found.1 .0).map(|w| lower(self.text, w)).is_some_and(|w| matches!(w.as_str(), "of" | "from" | "at" | "with" | "in" | "the" | ","));
                if !attached {
                    return Some(found);
                }
            }
        }
        self.nearest_before(cue, lo, Label::Person)
            .map(|m| (Self::entity(m), (m.bstart, m.bend)))
            .or_else(|| self.leading_name(lo, cue))
            .or_else(|| if prev_word == "," { None } else { self.capitalised_run(p, lo, false) })
    }
}
