//! Unique `doc_id`s. Two inputs can ask for one id (`a.txt` and `a.TXT`, the same file name under
//! two sources, a JSONL id that a file also has, two non-UTF-8 names that decode alike): the
//! first in input order keeps it, the others get a suffix that is itself free.

use rustc_hash::FxHashSet;

/// The ids given so far in one load (or one JSONL file).
#[derive(Debug, Default, Clone)]
pub struct Ids {
    taken: FxHashSet<String>,
}

impl Ids {
    /// `id` when it is free; else `id#hint` (a JSONL line number), else `id#2`, `id#3`, ...:
    /// the first of these that is free. The id returned is taken.
    pub fn claim(&mut self, id: &str, hint: Option<usize>) -> String {
        if !self.taken.contains(id) {
            self.taken.insert(id.to_owned());
            return id.to_owned();
        }
        let free = hint
            .map(|h| format!("{id}#{h}"))
            .filter(|c| !self.taken.contains(c))
            .unwrap_or_else(|| (2..).map(|k| format!("{id}#{k}")).find(|c| !self.taken.contains(c)).expect("some suffix is free"));
        self.taken.insert(free.clone());
        free
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_are_themselves_free() {
        let mut ids = Ids::default();
        // JSONL ids `x`, `x#3`, `x` (line 3): the third cannot become `x#3`.
        assert_eq!(ids.claim("x", Some(1)), "x");
        assert_eq!(ids.claim("x#3", Some(2)), "x#3");
        assert_eq!(ids.claim("x", Some(3)), "x#2");
        assert_eq!(ids.claim("x", None), "x#4");
        assert_eq!(ids.claim("a", None), "a");
    }
}
