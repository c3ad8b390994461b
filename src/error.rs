//! Every error and every per-file problem the library reports, with its code and message in one
//! place. The Python binding maps `Error` to exceptions in one function (`python::to_pyerr`), so a
//! message is never written twice.

use std::fmt;

/// A failure that stops a whole call (bad arguments, a missing corpus root). Per-file problems are
/// not errors: they become `Issue` rows so that one bad file never stops a load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A source path that does not exist (maps to `FileNotFoundError`).
    NotFound(String),
    /// A glob pattern that does not parse.
    BadPattern(String),
    /// An argument out of range or of the wrong shape (maps to `ValueError`).
    InvalidArgument(String),
    /// A patterns or alias file that cannot be read or parsed.
    BadPatterns(String),
    /// The user pressed Ctrl-C while the core was working, finding files or between documents
    /// (maps to `KeyboardInterrupt`).
    Interrupted,
    /// A bug: a panic inside the core, caught before it could abort the interpreter.
    Internal(String),
}

impl Error {
    /// Stable code, printed in messages and searchable in the README.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound(_) => "E001",
            Error::BadPattern(_) => "E002",
            Error::InvalidArgument(_) => "E003",
            Error::BadPatterns(_) => "E004",
            Error::Interrupted => "E005",
            Error::Internal(_) => "E006",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code();
        match self {
            Error::NotFound(p) => write!(f, "[{code}] no such file or folder: {p}"),
            Error::BadPattern(m) => write!(f, "[{code}] invalid glob pattern: {m}"),
            Error::InvalidArgument(m) => write!(f, "[{code}] {m}"),
            Error::BadPatterns(m) => write!(f, "[{code}] cannot use patterns: {m}"),
            Error::Interrupted => write!(f, "[{code}] interrupted"),
            Error::Internal(m) => write!(f, "[{code}] internal error in congress_corpus (please report it): {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// What went wrong with one input. The names are the `kind` column of the errors table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IssueKind {
    NotFound,
    Unreadable,
    NotUtf8,
    Binary,
    Empty,
    TooLarge,
    BadJson,
    /// A CSV/TSV row that does not parse (wrong number of cells, bad quoting).
    BadCsv,
    MissingText,
    /// A date field or page date that is not a date: the document is loaded without one.
    BadDate,
    DuplicateId,
    NotRegular,
    SymlinkLoop,
    BadFileName,
    UnsupportedType,
}

impl IssueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::NotFound => "not_found",
            IssueKind::Unreadable => "unreadable",
            IssueKind::NotUtf8 => "not_utf8",
            IssueKind::Binary => "binary",
            IssueKind::Empty => "empty",
            IssueKind::TooLarge => "too_large",
            IssueKind::BadJson => "bad_json",
            IssueKind::BadCsv => "bad_csv",
            IssueKind::MissingText => "missing_text",
            IssueKind::BadDate => "bad_date",
            IssueKind::DuplicateId => "duplicate_id",
            IssueKind::NotRegular => "not_regular_file",
            IssueKind::SymlinkLoop => "symlink_loop",
            IssueKind::BadFileName => "bad_file_name",
            IssueKind::UnsupportedType => "unsupported_type",
        }
    }
}

/// One row of the errors table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub path: String,
    pub kind: IssueKind,
    pub message: String,
    /// True where the document was still loaded (e.g. decoded with a fallback encoding).
    pub loaded: bool,
}

impl Issue {
    pub fn new(path: impl Into<String>, kind: IssueKind, message: impl Into<String>, loaded: bool) -> Self {
        Issue { path: path.into(), kind, message: message.into(), loaded }
    }
}
