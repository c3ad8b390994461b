//! Turning what the user passed (folders, files, globs, lists of them) into a sorted list of
//! inputs, without reading any of them. Problems met while walking (dangling links, loops, FIFOs)
//! become `Issue` rows; only a source that does not exist at all is an `Error`.

use std::path::{Path, PathBuf};

use std::time::{Duration, Instant};

use globset::{GlobBuilder, GlobMatcher};
use walkdir::WalkDir;

use crate::error::{Error, Issue, IssueKind};

/// How an input file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
    /// A JSON array of articles, an object holding such a list, or one article (news-please).
    Json,
    Csv,
    Tsv,
    /// A saved web page: its article is extracted (`html`).
    Html,
}

impl Format {
    /// The name `Plan.inputs()` gives a format (the first extension that reads it).
    pub fn name(self) -> &'static str {
        READERS.iter().find(|(_, f)| *f == self).map_or("txt", |(e, _)| e)
    }

    pub fn from_name(name: &str) -> Option<Format> {
        READERS.iter().find(|(e, _)| *e == name).map(|(_, f)| *f)
    }
}

/// One file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Path relative to the source root, `/`-separated, without extension: the `doc_id`.
    pub doc_id: String,
    pub format: Format,
}

impl Input {
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// The readers, by file extension (lower-cased): the one place a new reader plugs in. A file
/// whose extension is not here is an `unsupported_type` row, never silently passed over.
const READERS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("jsonl", Format::JsonLines),
    ("ndjson", Format::JsonLines),
    ("json", Format::Json),
    ("csv", Format::Csv),
    ("tsv", Format::Tsv),
    ("html", Format::Html),
    ("htm", Format::Html),
];

pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    READERS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
}

fn unsupported(path: &Path) -> Issue {
    let ext = path.extension().map_or_else(|| "files without an extension".to_owned(), |e| format!(".{} files", e.to_string_lossy()));
    let known: Vec<String> = READERS.iter().map(|(e, _)| format!(".{e}")).collect();
    Issue::new(path.to_string_lossy(), IssueKind::UnsupportedType, format!("no reader for {ext} (read: {}): skipped", known.join(", ")), false)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_glob_meta(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// `a/b/c.txt` relative to `root` -> `b/c` (or the file stem when the file is the root).
fn doc_id_for(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).ok().filter(|r| !r.as_os_str().is_empty());
    let rel = match rel {
        Some(r) => r.to_path_buf(),
        None => PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
    };
    let no_ext = rel.with_extension("");
    let parts: Vec<String> = no_ext.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Split a glob into the folder to walk (its literal prefix) and the pattern to match below it.
fn glob_base(pattern: &str) -> (PathBuf, String) {
    let mut base = PathBuf::new();
    let mut rest = Vec::new();
    let mut in_glob = false;
    for part in pattern.split('/') {
        if in_glob || has_glob_meta(part) {
            in_glob = true;
            rest.push(part);
        } else if part.is_empty() && base.as_os_str().is_empty() {
            base.push("/");
        } else {
            base.push(part);
        }
    }
    if base.as_os_str().is_empty() {
        base.push(".");
    }
    (base, rest.join("/"))
}

fn compile(pattern: &str, literal_separator: bool) -> Result<GlobMatcher, Error> {
    GlobBuilder::new(pattern)
        .literal_separator(literal_separator)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| Error::BadPattern(format!("{pattern}: {e}")))
}

/// Which files of a walk to keep, and how deep the walk need go.
struct Filter {
    matcher: GlobMatcher,
    /// Matchers of the pattern's first components, for the folders at those depths: a folder
    /// that cannot lead to a match is not entered.
    dirs: Vec<GlobMatcher>,
    /// The pattern's number of components when it has no `**`: nothing deeper can match.
    max_depth: Option<usize>,
}

impl Filter {
    /// `pattern=` of a folder: matched against the path below the folder, `*` crossing `/`.
    fn pattern(pattern: &str) -> Result<Filter, Error> {
        Ok(Filter { matcher: compile(pattern, false)?, dirs: Vec::new(), max_depth: None })
    }

    /// A glob source below its literal prefix: `*` stays within one folder, as in a shell, so
    /// `/*.txt` reads one folder instead of walking the whole file system.
    fn glob(rest: &str) -> Result<Filter, Error> {
        let parts: Vec<&str> = rest.split('/').collect();
        let fixed = parts.iter().position(|p| p.contains("**")).unwrap_or(parts.len());
        let dirs = parts[..fixed.min(parts.len().saturating_sub(1))].iter().map(|p| compile(p, true)).collect::<Result<_, _>>()?;
        Ok(Filter { matcher: compile(rest, true)?, dirs, max_depth: (fixed == parts.len()).then_some(parts.len()) })
    }

    fn enters(&self, depth: usize, name: &std::ffi::OsStr) -> bool {
        depth == 0 || self.dirs.get(depth - 1).is_none_or(|m| m.is_match(name))
    }
}

/// A file found, before duplicates are removed.
struct Found {
    input: Input,
    /// Reached through a symbolic link (to it or to a folder above it).
    via_link: bool,
    source: usize,
}

/// How often discovery asks whether the user pressed Ctrl-C.
const INTERRUPT_EVERY: Duration = Duration::from_millis(50);

/// Walk `root`, keep files that `filter` matches (relative path) or, without one, that have a
/// known extension.
fn walk(root: &Path, filter: Option<&Filter>, source: usize, cx: &mut Context) -> Result<(), Error> {
    let mut walker = WalkDir::new(root).follow_links(true).sort_by_file_name();
    if let Some(d) = filter.and_then(|f| f.max_depth) {
        walker = walker.max_depth(d);
    }
    let walker = walker.into_iter().filter_entry(|e| {
        e.depth() == 0 || (!is_hidden(e.file_name()) && (!e.file_type().is_dir() || filter.is_none_or(|f| f.enters(e.depth(), e.file_name()))))
    });
    // The depth of the shallowest symlinked folder above the current entry.
    let mut link_depth: Option<usize> = None;
    for entry in walker {
        cx.check_interrupt()?;
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_default();
                // Under a glob or pattern, only what it matches is reported.
                if filter.is_some_and(|f| !f.matcher.is_match(path.strip_prefix(root).unwrap_or(&path))) {
                    continue;
                }
                let shown = path.to_string_lossy().into_owned();
                if err.loop_ancestor().is_some() {
                    cx.issues.push(Issue::new(shown, IssueKind::SymlinkLoop, "symbolic link loop: skipped", false));
                } else if path.symlink_metadata().is_ok() && !path.exists() {
                    cx.issues.push(Issue::new(shown, IssueKind::NotFound, "dangling symbolic link: its target does not exist", false));
                } else {
                    cx.issues.push(Issue::new(shown, IssueKind::Unreadable, err.to_string(), false));
                }
                continue;
            }
        };
        if link_depth.is_some_and(|d| entry.depth() <= d) {
            link_depth = None;
        }
        let ft = entry.file_type();
        if ft.is_dir() {
            if entry.path_is_symlink() && link_depth.is_none() {
                link_depth = Some(entry.depth());
            }
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path);
        if filter.is_some_and(|f| !f.matcher.is_match(rel)) {
            continue;
        }
        let Some(format) = format_of(path) else {
            cx.issues.push(unsupported(path));
            continue;
        };
        if !ft.is_file() {
            cx.issues.push(Issue::new(path.to_string_lossy(), IssueKind::NotRegular, "not a regular file (FIFO, socket or device): skipped", false));
            continue;
        }
        if path.to_str().is_none() {
            cx.issues.push(Issue::new(
                path.to_string_lossy(),
                IssueKind::BadFileName,
                "file name is not valid UTF-8: loaded, with replacement characters in doc_id",
                true,
            ));
        }
        let input = Input { path: path.to_path_buf(), doc_id: doc_id_for(path, root), format };
        cx.found.push(Found { input, via_link: link_depth.is_some() || entry.path_is_symlink(), source });
    }
    Ok(())
}

/// What discovery has found so far, and when it last asked about Ctrl-C.
struct Context<'a> {
    found: Vec<Found>,
    issues: Vec<Issue>,
    interrupted: &'a dyn Fn() -> bool,
    asked: Instant,
}

impl Context<'_> {
    fn check_interrupt(&mut self) -> Result<(), Error> {
        if self.asked.elapsed() >= INTERRUPT_EVERY {
            self.asked = Instant::now();
            if (self.interrupted)() {
                return Err(Error::Interrupted);
            }
        }
        Ok(())
    }
}

/// Every input named by `sources`, sorted by path, each file once.
///
/// Each source is a folder (walked recursively, hidden entries skipped), a file, or a glob.
/// `pattern` filters files found in folders by their path relative to the folder (`*.txt`,
/// `2026/**/*.jsonl`). `interrupted` is asked every 50 ms whether to stop (Ctrl-C).
pub fn discover(sources: &[String], pattern: Option<&str>, interrupted: &dyn Fn() -> bool) -> Result<(Vec<Input>, Vec<Issue>), Error> {
    let filter = pattern.map(Filter::pattern).transpose()?;
    let mut cx = Context { found: Vec::new(), issues: Vec::new(), interrupted, asked: Instant::now() };
    for (source_index, source) in sources.iter().enumerate() {
        let path = Path::new(source);
        if path.is_dir() {
            walk(path, filter.as_ref(), source_index, &mut cx)?;
        } else if path.is_file() {
            match format_of(path) {
                Some(format) => {
                    let input = Input { path: path.to_path_buf(), doc_id: doc_id_for(path, path), format };
                    let via_link = path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
                    cx.found.push(Found { input, via_link, source: source_index });
                }
                None => cx.issues.push(unsupported(path)),
            }
        } else if path.symlink_metadata().is_ok() {
            if path.exists() {
                cx.issues.push(Issue::new(source.clone(), IssueKind::NotRegular, "not a regular file: skipped", false));
            } else {
                cx.issues.push(Issue::new(source.clone(), IssueKind::NotFound, "dangling symbolic link", false));
            }
        } else if has_glob_meta(source) {
            let (base, rest) = glob_base(source);
            let before = (cx.found.len(), cx.issues.len());
            if base.is_dir() {
                walk(&base, Some(&Filter::glob(&rest)?), source_index, &mut cx)?;
            } else {
                Filter::glob(&rest)?;
            }
            if (cx.found.len(), cx.issues.len()) == before {
                return Err(Error::NotFound(format!("{source} (the glob matches no file)")));
            }
        } else {
            return Err(Error::NotFound(source.clone()));
        }
    }
    let mut found = cx.found;
    found.sort_by(|a, b| a.input.path.cmp(&b.input.path));
    found.dedup_by(|a, b| a.input.path == b.input.path);
    let found = once_each(found, sources.len() > 1);
    Ok((found.into_iter().map(|f| f.input).collect(), cx.issues))
}

/// The files reached twice (through a symbolic link, two spellings of one folder, overlapping
/// sources) kept once: the one reached without a link, else the first in path order. Only files
/// that could be reached twice are stat'ed: a file met through a link (then every file, since
/// the link may lead anywhere), or, across several sources, a file whose name another source
/// also found (overlaps keep file names). A plain folder walk stats nothing more.
fn once_each(found: Vec<Found>, several_sources: bool) -> Vec<Found> {
    use std::collections::{HashMap, HashSet};
    let any_link = found.iter().any(|f| f.via_link);
    if !any_link && !several_sources {
        return found;
    }
    let mut sources_of: HashMap<&std::ffi::OsStr, HashSet<usize>> = HashMap::new();
    if !any_link {
        for f in &found {
            sources_of.entry(f.input.path.file_name().unwrap_or_default()).or_default().insert(f.source);
        }
    }
    let suspect = |f: &Found| any_link || sources_of.get(f.input.path.file_name().unwrap_or_default()).is_some_and(|s| s.len() > 1);
    let mut order: Vec<usize> = (0..found.len()).filter(|&i| suspect(&found[i])).collect();
    order.sort_by_key(|&i| found[i].via_link);
    let mut seen = HashSet::new();
    let mut drop = vec![false; found.len()];
    for i in order {
        if let Some(id) = crate::platform::file_id(&found[i].input.path) {
            drop[i] = !seen.insert(id);
        }
    }
    found.into_iter().zip(drop).filter(|(_, d)| !d).map(|(f, _)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn tmpdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("cc-discover-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn walks_sorted_skips_hidden_and_unknown_extensions() {
        let d = tmpdir("walk");
        fs::create_dir_all(d.join("b")).unwrap();
        fs::create_dir_all(d.join(".git")).unwrap();
        fs::write(d.join("b/z.txt"), "z").unwrap();
        fs::write(d.join("a.txt"), "a").unwrap();
        fs::write(d.join("c.jsonl"), "{}").unwrap();
        fs::write(d.join(".DS_Store"), "x").unwrap();
        fs::write(d.join(".git/x.txt"), "x").unwrap();
        fs::write(d.join("notes.md"), "x").unwrap();
        let (inputs, issues) = discover(&[d.to_string_lossy().into_owned()], None, &|| false).unwrap();
        let ids: Vec<_> = inputs.iter().map(|i| i.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "b/z", "c"]);
        assert_eq!(inputs[2].format, Format::JsonLines);
        let kinds: Vec<_> = issues.iter().map(|i| (i.path.rsplit('/').next().unwrap(), i.kind)).collect();
        assert_eq!(kinds, [("notes.md", IssueKind::UnsupportedType)]);
    }

    #[test]
    fn glob_and_pattern() {
        let d = tmpdir("glob");
        fs::create_dir_all(d.join("x")).unwrap();
        fs::write(d.join("x/one.txt"), "1").unwrap();
        fs::write(d.join("two.txt"), "2").unwrap();
        let g = format!("{}/**/*.txt", d.display());
        let (inputs, _) = discover(&[g], None, &|| false).unwrap();
        assert_eq!(inputs.len(), 2);
        let (inputs, _) = discover(&[d.to_string_lossy().into_owned()], Some("x/*.txt"), &|| false).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].doc_id, "x/one");
    }

    #[test]
    fn missing_root_is_an_error() {
        let err = discover(&["/no/such/dir/anywhere".into()], None, &|| false).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
    }

    #[cfg(unix)]
    #[test]
    fn dangling_link_and_loop_are_issues() {
        let d = tmpdir("links");
        fs::write(d.join("ok.txt"), "fine").unwrap();
        std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
        let (inputs, issues) = discover(&[d.to_string_lossy().into_owned()], None, &|| false).unwrap();
        assert_eq!(inputs.len(), 1);
        let kinds: Vec<_> = issues.iter().map(|i| i.kind).collect();
        assert!(kinds.contains(&IssueKind::NotFound), "{issues:?}");
        assert!(kinds.contains(&IssueKind::SymlinkLoop), "{issues:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_glob_stays_below_its_prefix_and_reports_only_what_it_matches() {
        let d = tmpdir("prefix");
        fs::create_dir_all(d.join("sub")).unwrap();
        fs::write(d.join("top.txt"), "t").unwrap();
        fs::write(d.join("notes.md"), "#").unwrap();
        fs::write(d.join("sub/deep.txt"), "d").unwrap();
        std::os::unix::fs::symlink(d.join("gone"), d.join("sub/dangling.txt")).unwrap();
        let (inputs, issues) = discover(&[format!("{}/*.txt", d.display())], None, &|| false).unwrap();
        assert_eq!(inputs.iter().map(|i| i.doc_id.as_str()).collect::<Vec<_>>(), ["top"]);
        assert!(issues.is_empty(), "{issues:?}");
        let (inputs, issues) = discover(&[format!("{}/*/*.txt", d.display())], None, &|| false).unwrap();
        assert_eq!(inputs.iter().map(|i| i.doc_id.as_str()).collect::<Vec<_>>(), ["sub/deep"]);
        assert_eq!(issues.iter().map(|i| i.kind).collect::<Vec<_>>(), [IssueKind::NotFound]);
        let (_, issues) = discover(&[format!("{}/*.md", d.display())], None, &|| false).unwrap();
        assert_eq!(issues.iter().map(|i| i.kind).collect::<Vec<_>>(), [IssueKind::UnsupportedType]);
        for nothing in [format!("{}/*.csv", d.display()), format!("{}/no/*.txt", d.display())] {
            assert!(matches!(discover(&[nothing], None, &|| false), Err(Error::NotFound(_))));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_twice_is_found_once() {
        let d = tmpdir("twice");
        fs::create_dir_all(d.join("real")).unwrap();
        fs::write(d.join("real/a.txt"), "a").unwrap();
        std::os::unix::fs::symlink(d.join("real"), d.join("alias")).unwrap();
        std::os::unix::fs::symlink(d.join("real/a.txt"), d.join("b.txt")).unwrap();
        let root = d.to_string_lossy().into_owned();
        let (inputs, _) = discover(std::slice::from_ref(&root), None, &|| false).unwrap();
        assert_eq!(inputs.iter().map(|i| i.doc_id.as_str()).collect::<Vec<_>>(), ["real/a"]);
        let dot = format!("{}/./real", root);
        let (inputs, _) = discover(&[format!("{root}/real"), dot, format!("{root}/real/a.txt")], None, &|| false).unwrap();
        assert_eq!(inputs.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn discovery_stops_when_interrupted() {
        // A folder of links that fans out 2^40 ways: only an interrupt ends its walk.
        let d = tmpdir("fan");
        for level in 0..40 {
            fs::create_dir_all(d.join(format!("l{level}"))).unwrap();
            for name in ["x", "y"] {
                std::os::unix::fs::symlink(d.join(format!("l{}", level + 1)), d.join(format!("l{level}/{name}"))).unwrap();
            }
        }
        fs::create_dir_all(d.join("l40")).unwrap();
        let asked = std::cell::Cell::new(0);
        let stop = || {
            asked.set(asked.get() + 1);
            asked.get() > 3
        };
        let r = discover(&[d.join("l0").to_string_lossy().into_owned()], None, &stop);
        assert_eq!(r.unwrap_err(), Error::Interrupted);
    }
}
