//! People's names by their shape: a name word, a double name, particles (`von der`), Arabic
//! articles (`al-`), and a full name opened by a known given name or surname.

use super::context::Ctx;

impl Ctx<'_> {
    /// A capitalised word that can be part of a person's name.
    pub(super) fn name_word(&self, i: usize, limit: usize) -> bool {
        i < limit
            && self.is_cap(i)
            && !self.is_stop(i)
            && self.head_label(i).is_none()
            && !self.flags[i].sector
            && self.title_at(i, limit).is_none()
            && (!self.folded(i).contains('-') || self.double_name(i))
    }
    /// A hyphenated word whose every part is capitalised and none a head word: a double name
    /// (`Gonzalez-Whitfield`), not a compound (`Hi-Tech`, `Asia-Pacific` are known or headed).
    pub(super) fn double_name(&self, i: usize) -> bool {
        let text = self.tok_text(i);
        text.split('-').all(|part| part.chars().next().is_some_and(char::is_uppercase) && part.chars().skip(1).any(char::is_lowercase))
            && !self.flags[i].common
            && self.gaz(i).is_none()
    }
    /// A romanised Korean given name: `Hang-seo`, `Yu-jin`, `Dae-hyeon` (two short syllables, the
    /// second in lower case), not a common compound.
    pub(super) fn korean_given(&self, i: usize, limit: usize) -> bool {
        i < limit
            && self.is_word(i)
            && self.tok_text(i).split_once('-').is_some_and(|(a, b)| {
                let syllable = |x: &str, n: usize| (n..=5).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_lowercase());
                // A longer English word after the hyphen makes a compound (`Low-cost`).
                let english = b.len() >= 4 && self.lex.words.get(b).is_some_and(|w| w.common);
                a.len() >= 2 && a.as_bytes()[0].is_ascii_uppercase() && syllable(&a[1..], 1) && syllable(b, 2) && !english
            })
    }
    /// An Arabic article joined to a name (`al-Zarqawani`, `el-Sisi`): lower case, yet part of
    /// the name.
    pub(super) fn name_piece(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.toks[i].cap
            && self.tok_text(i).split_once('-').is_some_and(|(pre, rest)| {
                matches!(pre, "al" | "el" | "ad" | "ash" | "as" | "at" | "an" | "ar" | "az" | "abu" | "abd") && rest.starts_with(char::is_uppercase)
            })
    }
    /// A lower-case particle inside a person's name (`von der`, `de la`, `bin`), followed by
    /// more of the name.
    pub(super) fn particle_at(&self, i: usize, limit: usize) -> bool {
        i + 1 < limit && self.is_word(i) && !self.toks[i].cap && {
            let w = self.folded(i);
            w.len() <= self.lex.max_particle_len && self.lex.particles.contains(w)
        }
    }
    /// A person's full name starting at `i`: a known surname or given name and one to four more
    /// name words (`Lê Hoài Trung`, `Xi Jinping`, `Pauline Tamesis`).
    pub(super) fn person_at(&self, i: usize, limit: usize) -> Option<usize> {
        if !self.is_cap(i) || self.toks[i].upper {
            return None;
        }
        let fl = self.flags[i];
        if fl.headline && !fl.given {
            return None;
        }
        // `Park Hang-seo`, `Kim Sang-sik`: a family name, then a Korean given name (two syllables
        // joined by a hyphen, the second in lower case); `Park` heads no facility here.
        if (fl.family || fl.surname || fl.family_weak) && self.korean_given(i + 1, limit) {
            return Some(i + 2);
        }
        let max_more = if fl.surname {
            4
        } else if fl.given {
            3
        } else if fl.given_weak {
            // `Will`, `Grace`: a person only when a known family name follows.
            let next = (i + 1..limit).find(|&j| !self.particle_at(j, limit))?;
            if !(self.name_word(next, limit) && (self.flags[next].family || self.flags[next].surname)) {
                return None;
            }
            3
        } else {
            return None;
        };
        let mut j = i + 1;
        let mut words = 0;
        while j < limit && words < max_more {
            if self.particle_at(j, limit) {
                // `von der Leyen`: particles only between name words.
                let mut k = j;
                while self.particle_at(k, limit) {
                    k += 1;
                }
                if k < limit && ((self.name_word(k, limit) && !self.toks[k].upper) || self.name_piece(k)) {
                    j = k;
                    continue;
                }
                break;
            }
            // `Trương Mỹ Lan`: a Vietnamese middle name may be an English stop word (`My`),
            // between name words.
            let inner_stop = fl.surname
                && self.is_cap(j)
                && self.is_stop(j)
                && self.tok_text(j).chars().count() <= 3
                && self.name_word(j + 1, limit)
                && !self.toks[j + 1].upper;
            // The last syllable may be one too when it is also a Vietnamese given name (`Nguyễn
            // Văn An`), after at least one name word and before no capitalised word (not `...
            // Văn Thành To Lead` in a headline).
            let final_stop = fl.surname && words >= 1 && self.last_name_syllable(j);
            if final_stop {
                j += 1;
                words += 1;
                break;
            }
            if !(inner_stop || self.name_piece(j) || (self.name_word(j, limit) && !self.toks[j].upper)) {
                break;
            }
            j += 1;
            words += 1;
        }
        // `Quảng Nam Provincial People's Committee`: a possessive inside a name ends no person.
        if words == 0 || self.joins(j) {
            return None;
        }
        // A known place or body wins over a name shape (`Ha Noi`, `Ho Chi Minh City`).
        if self.gaz_end(i).is_some_and(|g| g >= j) {
            return None;
        }
        Some(j)
    }
}

#[cfg(test)]
mod tests {
    use super::super::context::{at, with_ctx};

    #[test]
    fn a_full_name_with_particles_ends_after_its_last_name_word() {
        with_ctx("The talks with Ursula von der Leyen ended.", |c| {
            let end = c.person_at(at(c, "Ursula"), c.toks.len()).expect("a given name opens a person");
            assert_eq!(c.tok_text(end), "ended");
        });
    }

    #[test]
    fn a_vietnamese_name_and_a_double_surname() {
        with_ctx("Lê Hoài Trung met Senator Maria Gonzalez-Whitfield today.", |c| {
            let end = c.person_at(at(c, "Lê"), c.toks.len()).expect("a surname opens a person");
            assert_eq!(c.tok_text(end), "met");
            let end = c.person_at(at(c, "Maria"), c.toks.len()).expect("a given name opens a person");
            assert_eq!(c.tok_text(end), "today");
        });
    }

    #[test]
    fn common_words_and_acronyms_open_no_person() {
        with_ctx("Shares of VNPT rose.", |c| {
            assert_eq!(c.person_at(at(c, "Shares"), c.toks.len()), None);
            assert_eq!(c.person_at(at(c, "VNPT"), c.toks.len()), None);
        });
    }
}
