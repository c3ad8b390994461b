//! Where the quotation marks and reporting cues of a text are, and word-level steps over it.

use super::*;

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// Quotation marks: opening, closing, or either (the straight `"`).
pub(super) fn mark(c: char) -> Option<Mark> {
    match c {
        '“' | '„' => Some(Mark::Open),
        '”' => Some(Mark::Close),
        '"' => Some(Mark::Straight),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Open,
    Close,
    Straight,
}

/// Spans `(open mark start, content start, content end, close mark end)` of the quoted
/// passages. A quote whose paragraph ends unclosed goes on when the next paragraph opens with
/// a quotation mark (the newswire convention for a quote over several paragraphs).
pub(super) fn quoted_spans(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut i = 0;
    // Only quotation marks and line ends matter: `"`, the lead byte of `“ ” „` (E2 80 9C-9E)
    // and `\n`, found with a vectorised search rather than by decoding every character.
    while let Some(k) = memchr::memchr3(b'"', 0xE2, b'\n', &b[i..]) {
        let at = i + k;
        i = at + 1;
        if b[at] == b'\n' {
            if let Some(o) = open {
                // Paragraph ends inside a quote: go on only if the next paragraph opens a quote.
                let rest = text[at..].trim_start();
                if rest.chars().next().and_then(mark).is_some_and(|m| m != Mark::Close) {
                    i = text.len() - rest.len() + rest.chars().next().map_or(1, char::len_utf8);
                    open = Some(o);
                } else {
                    open = None;
                }
            }
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let Some(m) = mark(c) else { continue };
        let end = at + c.len_utf8();
        i = end;
        let opens = match m {
            Mark::Open => true,
            Mark::Close => false,
            // A straight mark opens after a space, a bracket, a dash or the start of the text.
            Mark::Straight => text[..at].chars().next_back().is_none_or(|p| p.is_whitespace() || "([—–-:".contains(p)),
        };
        match (opens, open) {
            (true, _) => open = Some((at, end)),
            (false, Some((os, oe))) => {
                out.push((os, oe, at, end));
                open = None;
            }
            (false, None) => {}
        }
    }
    out
}

/// The reporting cues of a text, on word boundaries: at each word start, the longest cue
/// written there, unless a letter or digit goes on right after it; the words of the longest
/// cue written at a place start no other cue.
pub(super) fn find_cues(text: &str) -> Vec<Cue> {
    let r = rules();
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Word starts inside a cue found already start no other.
    let mut resume = 0;
    let mut letter_before = false;
    // A block of 64 bytes at a time: a bit per ASCII letter, computed without a branch, gives
    // the word starts as bits. A loop over bytes cost a mispredicted branch at every word edge,
    // which made this scan a third of the quotes pass.
    for (k, block) in b.chunks(64).enumerate() {
        let letters = ascii_letters(block);
        let mut starts = letters & !((letters << 1) | u64::from(letter_before));
        letter_before = letters >> (block.len() - 1) & 1 == 1;
        while starts != 0 {
            let bit = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let start = k * 64 + bit;
            if start < resume {
                continue;
            }
            let mut len = (!(letters >> bit)).trailing_zeros() as usize;
            if bit + len == 64 {
                len += b[start + len..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            }
            if !(2..=31).contains(&len) {
                continue;
            }
            let (lengths, last) = r.first_letters[usize::from((b[start] | 0x20) - b'a')][usize::from((b[start + 1] | 0x20) - b'a')];
            if lengths & (1 << len) == 0 || last & (1 << ((b[start + len - 1] | 0x20) - b'a')) == 0 {
                continue;
            }
            let mut word = [0u8; 31];
            word[..len].copy_from_slice(&b[start..start + len]);
            word[..len].make_ascii_lowercase();
            let Some(&(alone, longer)) = r.first_words.get(&word[..len]) else { continue };
            // Inside a longer word (after a digit, a hyphen, an apostrophe or a letter of any script): no cue.
            if text[..start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            // The automaton only where a cue of several words may start here (`as stated by`).
            let (end, pattern) = if longer {
                match r.cues.find(Input::new(text).range(start..).anchored(Anchored::Yes)) {
                    Some(m) => (m.end(), m.pattern().as_usize()),
                    None => continue,
                }
            } else {
                match alone {
                    Some(p) => (start + len, p),
                    None => continue,
                }
            };
            if !text[end..].chars().next().is_some_and(char::is_alphanumeric) {
                out.push(Cue { start, end, kind: r.kinds[pattern] });
            }
            // A cue cut off by a letter (`as stated bye`) still takes its words.
            resume = end;
        }
    }
    out
}

/// A bit per ASCII letter of `block` (at most 64 bytes), bit `i` for byte `i`.
pub(super) fn ascii_letters(block: &[u8]) -> u64 {
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // Eight bytes in one integer: with the case bit set and the top bit cleared, a letter is a
    // byte from `a` to `z`, which two additions tell by their carries into the top bit (no
    // carry crosses a byte); a byte beyond ASCII keeps its top bit and is ruled out. A
    // multiplication then gathers the eight top bits into one byte.
    block.chunks(8).enumerate().fold(0u64, |m, (k, chunk)| {
        // A whole chunk is one load; copying each into a buffer compiled to a call to memmove
        // per eight bytes (its length is not known), which cost more than the arithmetic.
        let bytes = match <[u8; 8]>::try_from(chunk) {
            Ok(whole) => whole,
            Err(_) => {
                let mut bytes = [0u8; 8];
                bytes[..chunk.len()].copy_from_slice(chunk);
                bytes
            }
        };
        let y = u64::from_le_bytes(bytes) | each(0x20);
        let low = y & each(0x7f);
        let letter = (low + each(0x80 - b'a')) & !(low + each(0x80 - b'z' - 1)) & !y & each(0x80);
        m | ((letter >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
    })
}

/// The word ending at or before `p` (spaces skipped), not before `lo`: its byte span.
pub(super) fn word_before(text: &str, lo: usize, p: usize) -> Option<(usize, usize)> {
    let s = &text[lo..p];
    let trimmed = s.trim_end();
    let end = lo + trimmed.len();
    let c = trimmed.chars().next_back()?;
    if !is_word_char(c) {
        return Some((end - c.len_utf8(), end));
    }
    let start = trimmed.char_indices().rev().take_while(|&(_, c)| is_word_char(c)).last().map_or(end, |(i, _)| lo + i);
    Some((start, end))
}

/// The word starting at or after `p` (spaces skipped), before `hi`.
pub(super) fn word_after(text: &str, p: usize, hi: usize) -> Option<(usize, usize)> {
    let s = &text[p..hi];
    let start = p + (s.len() - s.trim_start().len());
    let c = text[start..hi].chars().next()?;
    if !is_word_char(c) {
        return Some((start, start + c.len_utf8()));
    }
    let end = text[start..hi].char_indices().find(|&(_, c)| !is_word_char(c)).map_or(hi, |(i, _)| start + i);
    Some((start, end))
}

/// The last place of `needle` (ASCII lower case) in `hay`, ASCII case ignored. Only the places
/// of its first letter, in either case, are compared (found by a vectorised search).
pub(super) fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let first = *n.first()?;
    let last_start = h.len().checked_sub(n.len())?;
    memchr::memrchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &h[..last_start + 1]).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// A word in lower case, borrowed where it already is (most words: no allocation).
pub(super) fn lower(text: &str, (s, e): (usize, usize)) -> std::borrow::Cow<'_, str> {
    let w = &text[s..e];
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    }
}

pub(super) fn skip_spaces(text: &str, p: usize, hi: usize) -> usize {
    p + (text[p..hi].len() - text[p..hi].trim_start().len())
}

/// Whether `s` has at least `n` words (counting stops there: spans can be long).
pub(super) fn has_words(s: &str, n: usize) -> bool {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(n).count() == n
}
