//! Finding names: people, organisations, places, events and documents. Capitalised runs of
//! words (with the connectors names contain: `of`, `for`, `and`, `the`, `(CPV)`, comma lists)
//! are cut into chunks, and each chunk is read left to right: a known name from the gazetteer, a
//! title (`Minister of Foreign Affairs`), a person (a surname or given name from the lists, or
//! the words a title introduces), or a phrase whose head word says what it is (`... Commission`
//! is an ORG, `... Congress` an EVENT, `... Hall` a FAC, `Resolution of ...` a LAW). Everything
//! here is a general pattern; the knowledge is in the lexicon's data files.

use crate::fold::Folded;
use crate::lexicon::{Hit, Lexicon};
use crate::tokens::Token;

mod chunks;
mod context;
mod evidence;
mod people;
mod resolve;

use chunks::{chunk_end, segment};
pub use context::NameSpan;
use context::{item_end, Ctx};

/// Names in a document.
pub fn find_names(text: &str, f: &Folded, toks: &[Token], lex: &Lexicon, hits: &[Hit]) -> Vec<NameSpan> {
    let n = toks.len();
    let c = Ctx::new(text, f, toks, lex, hits);

    let mut items = Vec::new();
    let mut i = 0;
    while i < n {
        let starts = c.is_cap(i) || c.gaz(i).is_some() || c.docnum(i).is_some() || (c.is_ordinal(i) && c.is_cap(i + 1));
        if !starts {
            i += 1;
            continue;
        }
        let mut a = i;
        let b = chunk_end(&c, i).max(i + 1);
        // Capitalised sentence openers are not names (`The`, `Through`, `Responding`).
        // (Not a Vietnamese syllable that is a stop word inside a sentence: `the An Bình company`.)
        while a < b && c.is_stop(a) && c.gaz(a).is_none() && c.title_at(a, b).is_none() && c.person_at(a, b).is_none() && !(c.name_syllable(a) && a + 1 < b) {
            a += 1;
        }
        // A common word opening a sentence is capitalised for the sentence, not as a name
        // (`Shares of ...`, `State-owned PetroVietnam`, `Police arrested`), unless it heads a
        // longer name (`Ministry of Finance`, `Typhoon Bualoi`); so is a compound of common
        // words whose capital is only its first part's (`the State-owned PetroVietnam`).
        if a < b
            && (c.flags[a].sentence_start || lower_tail(&c, a))
            && c.flags[a].common
            && !c.flags[a].name_like()
            && c.gaz(a).is_none()
            && c.title_at(a, b).is_none()
            && c.person_at(a, b).is_none()
            && (c.head_label(a).is_none() || b - a == 1)
            // `Typhoon Bualoi made landfall`: a word that opens a name, the kind first.
            && (c.flags[a].opening.is_none() || b - a == 1)
            // `South Sulawesi's governor`: a point of the compass before a known region.
            && chunks::compass_place(&c, a, b).is_none()
        {
            a += 1;
        }
        if a < b {
            segment(&c, a, b, &mut items);
        }
        // A name may end past its chunk (`Highway 1`, `of Quảng Ninh province`).
        i = items.last().map_or(b, |it| item_end(it).max(b));
    }
    resolve::resolve(&c, items)
}

/// A hyphenated word whose last part is written in lower case (`State-owned`, `Party-run`).
fn lower_tail(c: &Ctx, i: usize) -> bool {
    c.tok_text(i).rsplit_once('-').is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    //! Sentences written for these tests, with invented names that no shipped list holds.
    use super::*;
    use crate::{fold, tokens};

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let lex = Lexicon::shipped();
        let f = fold::fold(text);
        let toks = tokens::tokenize(text, &f);
        let hits = lex.hits(&f, text);
        find_names(text, &f, &toks, &lex, &hits).iter().map(|n| (text[toks[n.ts].start..toks[n.te - 1].end].to_owned(), n.label.as_str())).collect()
    }

    fn has(found: &[(String, &str)], text: &str, label: &str) -> bool {
        found.iter().any(|(t, l)| t == text && *l == label)
    }

    #[test]
    fn people_no_list_knows_by_what_stands_around_them() {
        let found = names("Marta Oyelaran-Price, 52, chairs the board. Mr Kowalczyk said the plan was sound. Talks with Zbigniew Kowalczyk resumed.");
        assert!(has(&found, "Marta Oyelaran-Price", "PERSON"), "{found:?}");
        assert!(has(&found, "Kowalczyk", "PERSON"), "{found:?}");
        assert!(has(&found, "Zbigniew Kowalczyk", "PERSON"), "{found:?}");
        // A title, then the name set off by commas.
        let found = names("Ostrevia's oil minister, Dariush Mehrabanpour, met the press. Asked why, its chief executive, Kavitha Ramachandrula.");
        assert!(has(&found, "Dariush Mehrabanpour", "PERSON"), "{found:?}");
        assert!(has(&found, "Kavitha Ramachandrula", "PERSON"), "{found:?}");
        let found = names("The novelist Golnaz Esfandiyari-Moghaddam will speak. The unit is run by Jericho Bautista-Lacsamana.");
        assert!(has(&found, "Golnaz Esfandiyari-Moghaddam", "PERSON"), "{found:?}");
        assert!(has(&found, "Jericho Bautista-Lacsamana", "PERSON"), "{found:?}");
        // An acronym title between a body and a person (`X CEO Y`) is a title, and the body's.
        let found = names("According to Goertek Vina CEO Yoshinaga Kazuyoshi, the company grew. Quorvane CEO Lee Jae-yong agreed.");
        assert!(has(&found, "Goertek Vina", "ORG"), "{found:?}");
        assert!(has(&found, "Yoshinaga Kazuyoshi", "PERSON"), "{found:?}");
        assert!(has(&found, "Lee Jae-yong", "PERSON"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("CEO")), "{found:?}");
        let found = names("Siriwat Chanthapornkul, 50, chief executive of Siam Lotus Petrochem, said margins recovered.");
        assert!(has(&found, "Siam Lotus Petrochem", "ORG"), "{found:?}");
        // A short form keeps the particles of the full name.
        let found = names("Annelies van der Vlught, a director at Zeemeeuw Logistiek BV, spoke. Van der Vlught did not say more, and Mr van der Vlught left.");
        assert!(has(&found, "Van der Vlught", "PERSON"), "{found:?}");
        assert!(has(&found, "van der Vlught", "PERSON"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t == "Van" || t == "Vlught"), "{found:?}");
        let found = names("Senator Ines Fallowby met Ursula von der Leyen and Khalid bin Saeed al-Zarqawani.");
        for person in ["Ines Fallowby", "Ursula von der Leyen", "Khalid bin Saeed al-Zarqawani"] {
            assert!(has(&found, person, "PERSON"), "{person}: {found:?}");
        }
    }

    #[test]
    fn companies_by_legal_form_context_and_apposition() {
        let found = names("Shares of Polska Energia SA fell. Quorvane, a Warsaw-based lender, said it would sell its stake in Trenholm & Vey Securities.");
        assert!(has(&found, "Polska Energia SA", "ORG"), "{found:?}");
        assert!(has(&found, "Quorvane", "ORG"), "{found:?}");
        assert!(has(&found, "Warsaw", "GPE"), "{found:?}");
        assert!(has(&found, "Trenholm & Vey Securities", "ORG"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.starts_with("Shares")), "{found:?}");
        // A legal form written with stops and commas, and the branch's place in brackets.
        let found = names("Quorvane Vietnam Co., Ltd. and Trenholm Investment Pte. Ltd sued Zeemeeuw (Hong Kong) Limited and Orvane Sdn. Bhd. this week.");
        for company in ["Quorvane Vietnam Co., Ltd.", "Trenholm Investment Pte. Ltd", "Zeemeeuw (Hong Kong) Limited", "Orvane Sdn. Bhd."] {
            assert!(has(&found, company, "ORG"), "{company}: {found:?}");
        }
        // The stop of an abbreviated legal form is the name's inside a sentence, the sentence's at its end.
        let found = names("Orvane Electronics Co. on Tuesday sued Halcyon Tide Shipping Ltd.");
        assert!(has(&found, "Orvane Electronics Co.", "ORG"), "{found:?}");
        assert!(has(&found, "Halcyon Tide Shipping Ltd", "ORG"), "{found:?}");
        let found = names("The fine hit Minh Ngoc Trading and Service Company Limited and Banco Estrella Austral.");
        assert!(has(&found, "Minh Ngoc Trading and Service Company Limited", "ORG"), "{found:?}");
        assert!(has(&found, "Banco Estrella Austral", "ORG"), "{found:?}");
    }

    #[test]
    fn korean_names_centres_for_something_and_staff_credits() {
        let found = names("Coach Park Hang-seo left, and Kim Sang-sik arrived. The Center for Strategic and International Studies and the Zeemeeuw Centre for Forecasting met at the Velsk Convention Centre. By Reuters Staff");
        assert!(has(&found, "Park Hang-seo", "PERSON"), "{found:?}");
        assert!(has(&found, "Kim Sang-sik", "PERSON"), "{found:?}");
        assert!(has(&found, "Center for Strategic and International Studies", "ORG"), "{found:?}");
        assert!(has(&found, "Zeemeeuw Centre for Forecasting", "ORG"), "{found:?}");
        assert!(has(&found, "Velsk Convention Centre", "FAC"), "{found:?}");
        assert!(has(&found, "Reuters", "ORG"), "{found:?}");
        // A compound of English words is no Korean given name.
        assert!(!names("Lee Low-cost carriers grew.").iter().any(|(t, l)| *l == "PERSON" && t.contains("Low-cost")));
    }

    #[test]
    fn places_and_bodies_named_with_them() {
        let found = names("The People's Committee of Kha Viên province and the Binh Duong Province People's Court met at the Dung Quat Economic Zone.");
        assert!(has(&found, "People's Committee of Kha Viên province", "ORG"), "{found:?}");
        assert!(has(&found, "Binh Duong Province People's Court", "ORG"), "{found:?}");
        assert!(has(&found, "Dung Quat Economic Zone", "LOC"), "{found:?}");
        // A place written the way a Vietnamese person is: the words after it tell.
        let found = names("Foxconn built a plant at Quang Chau industrial park.");
        assert!(!found.iter().any(|(_, l)| *l == "PERSON"), "{found:?}");
    }

    #[test]
    fn nationalities_and_countries_no_list_knows() {
        let found = names("The Valdorian envoy flew home. Valdoria will reply, the Ostrevian deputy minister said.");
        assert!(has(&found, "Valdorian", "NORP"), "{found:?}");
        assert!(has(&found, "Valdoria", "GPE"), "{found:?}");
        assert!(has(&found, "Ostrevian", "NORP"), "{found:?}");
    }

    #[test]
    fn no_evidence_no_name() {
        for text in [
            "Shares fell 3 percent on Tuesday.",
            "Published 3 hours ago",
            "Prime Ministers met behind closed doors.",
            "Markets Rally As Rates Hold Steady",
            "HANOI (AFP) - Exports rose in the first quarter.",
            "Gold hit a record, dealers said. — AFP/Reuters",
        ] {
            let found = names(text);
            assert!(found.iter().all(|(t, l)| t == "HANOI" && *l == "GPE"), "{text}: {found:?}");
        }
    }

    #[test]
    fn vietnamese_names_with_a_stop_word_syllable() {
        // `Mỹ` is four bytes but a short word; `An` ends a name but starts none of its own.
        let found = names(
            "Trương Mỹ Lan was sentenced. Deputy Minister Nguyễn Văn An said so, and Mr Tran Thi An agreed. An Giang province and Nghệ An reported floods.",
        );
        for person in ["Trương Mỹ Lan", "Nguyễn Văn An", "Tran Thi An"] {
            assert!(has(&found, person, "PERSON"), "{person}: {found:?}");
        }
        assert!(has(&found, "An Giang", "GPE") && has(&found, "Nghệ An", "GPE"), "{found:?}");
        // Inside a sentence it may open a name too; at a sentence's start it is the article.
        let found = names("The firm An Bình Air Services Company Limited was fined. An official said so.");
        assert!(has(&found, "An Bình Air Services Company Limited", "ORG"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.starts_with("An official") || t == "An"), "{found:?}");
    }

    #[test]
    fn a_point_of_the_compass_before_a_known_region() {
        let found =
            names("Towns in West Sulawesi province were hit. North Sumatra voted. The West Bank and East Asia are known, and Central Vietnam is Vietnam.");
        assert!(has(&found, "West Sulawesi", "GPE"), "{found:?}");
        assert!(has(&found, "North Sumatra", "LOC"), "{found:?}");
        assert!(has(&found, "West Bank", "GPE") && has(&found, "East Asia", "LOC"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t == "West" || t == "Central Vietnam"), "{found:?}");
    }

    #[test]
    fn storms_named_after_their_kind() {
        let found = names("Typhoon Wutaro made landfall on Sunday. Days later, Hurricane Xelvina hit the coast, and Cyclone Brannoc weakened.");
        for storm in ["Typhoon Wutaro", "Hurricane Xelvina", "Cyclone Brannoc"] {
            assert!(has(&found, storm, "EVENT"), "{storm}: {found:?}");
        }
    }

    #[test]
    fn a_plural_title_before_names() {
        let found =
            names("Talks between Presidents Oleksa Varenko of Ostrevia and Tomasz Ilvane of Valdoria ended. Prime Ministers Sonexa Phavong and Hun Rotha met.");
        for person in ["Oleksa Varenko", "Tomasz Ilvane", "Sonexa Phavong", "Hun Rotha"] {
            assert!(has(&found, person, "PERSON"), "{person}: {found:?}");
        }
        // Not before a word that heads a name or reads as common: `Board of Directors,`,
        // `Leaders Week`.
        let found = names("He is Chairman of the Board of Directors, General Director of Veltra Company, and spoke at the APEC Economic Leaders Week.");
        assert!(!found.iter().any(|(t, _)| t == "Board"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.ends_with("Leaders") || t == "Week" || t == "Leaders Week"), "{found:?}");
    }

    #[test]
    fn words_ending_like_a_demonym_before_a_verb_are_no_nationality() {
        // Only `-ian`, `-an`, `-ese` make a nationality of a word no list knows: `Kremlin` and
        // a storm's `Bualoi` end in `-n` and `-i` but are none.
        for text in ["Velkrin will not comment on the agenda.", "Tovaloi made landfall on Sunday."] {
            assert!(!names(text).iter().any(|(_, l)| *l == "NORP"), "{text}: {:?}", names(text));
        }
        assert!(has(&names("The Kremlin will not comment on the agenda."), "Kremlin", "ORG"));
    }

    #[test]
    fn events_and_documents_no_list_knows() {
        let found = names("Leaders met at the 12th Meridian Summit and the Kolvara-Senthi Summit to discuss the National Power Development Plan VIII.");
        assert!(has(&found, "12th Meridian Summit", "EVENT"), "{found:?}");
        assert!(has(&found, "Kolvara-Senthi Summit", "EVENT"), "{found:?}");
        assert!(has(&found, "National Power Development Plan VIII", "LAW"), "{found:?}");
    }

    #[test]
    fn a_spaced_dash_joins_names_only_before_a_facility_or_event_head() {
        let found = names("Work resumed on the Kha Viên – Tân Lạc Expressway before the 3rd Valdoria – Ostrevia People's Forum.");
        assert!(has(&found, "Kha Viên – Tân Lạc Expressway", "FAC"), "{found:?}");
        assert!(has(&found, "3rd Valdoria – Ostrevia People's Forum", "EVENT"), "{found:?}");
        // A spaced dash after a dateline, or before words with no such head, joins nothing.
        let found = names("Kha Viên – Tân Lạc traffic rose.");
        assert!(!found.iter().any(|(t, _)| t.contains('–')), "{found:?}");
        let found = names("VELSK – The Marrowick Trade Forum opened on Monday.");
        assert!(has(&found, "Marrowick Trade Forum", "EVENT"), "{found:?}");
    }

    #[test]
    fn a_compound_capitalised_only_in_its_first_part_starts_no_name() {
        let found = names("Gas came from a subsidiary of the State-owned Quorvane Energy Corporation.");
        assert!(has(&found, "Quorvane Energy Corporation", "ORG"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("State-owned")), "{found:?}");
    }

    #[test]
    fn places_no_list_knows_by_what_stands_around_them() {
        for (text, place) in [
            ("Voters in Marrowick queued from dawn.", "Marrowick"),
            ("The zone, in northern Valdoria, attracted $3 billion.", "Valdoria"),
            ("Trung, head of Ostrevia's Ministry of Transport, resigned.", "Ostrevia"),
            ("María Quintanilla, finance minister of Quelmara, said the band would hold.", "Quelmara"),
        ] {
            assert!(has(&names(text), place, "GPE"), "{text}: {:?}", names(text));
        }
        // A place written with diacritics matches in lower case, unless folded it is an English
        // word (`Salé`, `sale`).
        assert!(!names("It made VND49 billion from a stake sale at the Quorvane unit.").iter().any(|(_, l)| *l == "GPE"));
        assert!(has(&names("Prices rose in hà nội."), "hà nội", "GPE"));
        // After `in`, an acronym or a name of common words only is no place.
        for text in [
            "Hanoi led the country in FDI, and in FDI attraction.",
            "Investors put money in IPs and in IPs again.",
            "The order is set out in Official Telegram No. 92.",
        ] {
            assert!(!names(text).iter().any(|(t, l)| *l == "GPE" && t != "Hanoi"), "{text}: {:?}", names(text));
        }
    }
}
