//! The OntoNotes 5 entity labels (so spaCy users feel at home).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl Label {
    pub const ALL: [Label; 18] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Product,
        Label::Event,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.iter().copied().find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Write the corpus-wide id of the entity `key` of this label (`PERSON:le hoai trung`).
    pub fn write_entity_id(self, out: &mut impl fmt::Write, key: &str) -> fmt::Result {
        out.write_str(self.as_str())?;
        out.write_char(':')?;
        out.write_str(key)
    }

    /// The length in bytes of that id, to size a column before writing it.
    pub fn entity_id_len(self, key: &str) -> usize {
        self.as_str().len() + 1 + key.len()
    }

    /// The corpus-wide id of the entity `key` of this label (`PERSON:le hoai trung`).
    pub fn entity_id(self, key: &str) -> String {
        let mut id = String::with_capacity(self.entity_id_len(key));
        let _ = self.write_entity_id(&mut id, key);
        id
    }

    /// Labels whose mentions carry a normalised `value`.
    pub fn is_numeric(self) -> bool {
        matches!(self, Label::Date | Label::Time | Label::Percent | Label::Money | Label::Quantity | Label::Ordinal | Label::Cardinal)
    }
}

// Tables indexed by `label as usize` (the entity counts) need `ALL` in declaration order.
const _: () = {
    let mut i = 0;
    while i < Label::ALL.len() {
        assert!(Label::ALL[i] as usize == i, "Label::ALL lists the labels in declaration order");
        i += 1;
    }
};

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
