//! The matching key: Unicode NFD with combining marks removed, `đ`/`Đ` -> `d`, lower case,
//! typographic quotes and dashes made plain, whitespace runs collapsed. `Tô Lâm`, `To Lam` and
//! `TO LAM` share one key. `fold` keeps a map from every folded byte back to the original text,
//! so that matches found in folded text are reported at original offsets (never recomputed).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text and, for each folded byte, the byte offset of the original char it came from.
/// `map` has one extra entry, the original length, so that an exclusive end maps too.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    pub map: Vec<u32>,
}

impl Folded {
    /// Original byte offset of folded byte `i` (`i` may be `text.len()`).
    #[inline]
    pub fn orig(&self, i: usize) -> usize {
        self.map[i] as usize
    }
}

/// Append the folded form of `c` to `out`. Most news text is ASCII, so that path is one branch.
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'đ' | 'Đ' => out.push('d'),
        '’' | '‘' | '‛' | 'ʼ' | '′' | '`' | '´' => out.push('\''),
        '“' | '”' | '„' | '″' => out.push('"'),
        '‐' | '‑' | '‒' => out.push('-'),
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => out.push(' '),
        // Zero-width characters carry nothing to match on.
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                if d == 'đ' || d == 'Đ' {
                    out.push('d');
                } else {
                    // `İ` lowercases to `i` plus a combining dot: keep only the base letter.
                    out.extend(d.to_lowercase().filter(|l| !is_combining_mark(*l)));
                }
            }
        }),
    }
}

/// Fold `s`, keeping the map back to it.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Runs of ASCII (most of an English article) fold byte for byte, mapping to themselves.
        let run = b[i..].iter().position(|c| !c.is_ascii()).unwrap_or(b.len() - i);
        if run > 0 {
            let at = text.len();
            text.push_str(&s[i..i + run]);
            text[at..].make_ascii_lowercase();
            map.extend(i as u32..(i + run) as u32);
            i += run;
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a char boundary");
        fold_char(c, &mut text);
        map.resize(text.len(), i as u32);
        i += c.len_utf8();
    }
    map.push(s.len() as u32);
    Folded { text, map }
}

/// The matching key of a name: folded, whitespace collapsed, trimmed.
pub fn key(s: &str) -> String {
    // Figures, dates and English names are ASCII: lower-cased word by word in one pass.
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for w in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            let at = out.len();
            out.push_str(w);
            out[at..].make_ascii_lowercase();
        }
        return out;
    }
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    for w in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// True for text that has diacritics (used to prefer `Tô Lâm` over `To Lam` as a display name).
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_unify_spellings() {
        assert_eq!(key("Tô Lâm"), "to lam");
        assert_eq!(key("TO  LAM"), "to lam");
        assert_eq!(key(" The\t14th \u{b}Congress\n"), "the 14th congress");
        assert_eq!(key("Đà Nẵng"), "da nang");
        assert_eq!(key("HÀ NỘI"), key("Ha Noi"));
        assert_eq!(key("Việt Nam’s"), "viet nam's");
        // NFD input folds like NFC input.
        assert_eq!(key("To\u{302} La\u{302}m"), "to lam");
    }

    #[test]
    fn map_points_back_to_original() {
        let s = "Ở Hà Nội, 🇻🇳 Tô Lâm";
        let f = fold(s);
        let i = f.text.find("to lam").unwrap();
        let (a, b) = (f.orig(i), f.orig(i + "to lam".len()));
        assert_eq!(&s[a..b], "Tô Lâm");
        assert_eq!(f.map.len(), f.text.len() + 1);
    }

    #[test]
    fn nfd_text_maps_whole_characters() {
        let s = "Le\u{302} Hoa\u{300}i Trung";
        let f = fold(s);
        assert_eq!(f.text, "le hoai trung");
        assert_eq!(&s[f.orig(0)..f.orig(f.text.len())], s);
    }
}
