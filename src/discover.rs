//! Turning what the user passed (folders, files, globs, lists of them) into a sorted list of
//! inputs, without reading any of them. Problems met while walking (dangling links, loops, FIFOs)
//! become `Issue` rows; only a source that does not exist at all is an `Error`.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use walkdir::WalkDir;

use crate::error::{Error, Issue, IssueKind};

/// How an input file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    JsonLines,
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

/// Extensions picked up when walking a folder; a file named explicitly is loaded whatever its name.
const TEXT_EXT: &[&str] = &["txt", "text"];
const JSONL_EXT: &[&str] = &["jsonl", "ndjson"];

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if TEXT_EXT.contains(&ext.as_str()) {
        Some(Format::Text)
    } else if JSONL_EXT.contains(&ext.as_str()) {
        Some(Format::JsonLines)
    } else {
        None
    }
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
    let parts: Vec<String> =
        no_ext.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// Split a glob into the folder to walk and the pattern to match below it.
fn glob_base(pattern: &str) -> (PathBuf, String) {
    let mut base = PathBuf::new();
    let mut rest = Vec::new();
    let mut in_glob = false;
    for part in pattern.split('/') {
        if in_glob || has_glob_meta(part) {
            in_glob = true;
            rest.push(part);
        } else {
            if part.is_empty() && base.as_os_str().is_empty() {
                base.push("/");
            } else {
                base.push(part);
            }
        }
    }
    if base.as_os_str().is_empty() {
        base.push(".");
    }
    (base, rest.join("/"))
}

fn compile(pattern: &str) -> Result<GlobMatcher, Error> {
    Glob::new(pattern)
        .map(|g| g.compile_matcher())
        .map_err(|e| Error::BadPattern(format!("{pattern}: {e}")))
}

/// Walk `root`, keep files that match `matcher` (relative path) or, without one, that have a
/// known extension.
fn walk(root: &Path, matcher: Option<&GlobMatcher>, out: &mut Vec<Input>, issues: &mut Vec<Issue>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                if err.loop_ancestor().is_some() {
                    issues.push(Issue::new(path, IssueKind::SymlinkLoop, "symbolic link loop: skipped", false));
                } else if let Some(p) = err.path().filter(|p| p.symlink_metadata().is_ok() && !p.exists()) {
                    issues.push(Issue::new(
                        p.to_string_lossy(),
                        IssueKind::NotFound,
                        "dangling symbolic link: its target does not exist",
                        false,
                    ));
                } else {
                    issues.push(Issue::new(path, IssueKind::Unreadable, err.to_string(), false));
                }
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap_or(path);
        let format = match matcher {
            Some(m) if !m.is_match(rel) => continue,
            Some(_) => format_of(path).unwrap_or(Format::Text),
            None => match format_of(path) {
                Some(f) => f,
                None => continue,
            },
        };
        if !ft.is_file() {
            issues.push(Issue::new(
                path.to_string_lossy(),
                IssueKind::NotRegular,
                "not a regular file (FIFO, socket or device): skipped",
                false,
            ));
            continue;
        }
        if path.to_str().is_none() {
            issues.push(Issue::new(
                path.to_string_lossy(),
                IssueKind::BadFileName,
                "file name is not valid UTF-8: loaded, with replacement characters in doc_id",
                true,
            ));
        }
        out.push(Input { path: path.to_path_buf(), doc_id: doc_id_for(path, root), format });
    }
}

/// Every input named by `sources`, sorted by path and without duplicates.
///
/// Each source is a folder (walked recursively, hidden entries skipped), a file, or a glob.
/// `pattern` filters files found in folders by their path relative to the folder (`*.txt`,
/// `2026/**/*.jsonl`).
pub fn discover(sources: &[String], pattern: Option<&str>) -> Result<(Vec<Input>, Vec<Issue>), Error> {
    let matcher = pattern.map(compile).transpose()?;
    let mut inputs = Vec::new();
    let mut issues = Vec::new();
    for source in sources {
        let path = Path::new(source);
        if path.is_dir() {
            walk(path, matcher.as_ref(), &mut inputs, &mut issues);
        } else if path.is_file() {
            let format = format_of(path).unwrap_or(Format::Text);
            inputs.push(Input { path: path.to_path_buf(), doc_id: doc_id_for(path, path), format });
        } else if path.symlink_metadata().is_ok() {
            if path.exists() {
                issues.push(Issue::new(source.clone(), IssueKind::NotRegular, "not a regular file: skipped", false));
            } else {
                issues.push(Issue::new(source.clone(), IssueKind::NotFound, "dangling symbolic link", false));
            }
        } else if has_glob_meta(source) {
            let (base, rest) = glob_base(source);
            let m = compile(&rest)?;
            if base.is_dir() {
                walk(&base, Some(&m), &mut inputs, &mut issues);
            }
        } else {
            return Err(Error::NotFound(source.clone()));
        }
    }
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.dedup_by(|a, b| a.path == b.path);
    Ok((inputs, issues))
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
        let (inputs, issues) = discover(&[d.to_string_lossy().into_owned()], None).unwrap();
        let ids: Vec<_> = inputs.iter().map(|i| i.doc_id.as_str()).collect();
        assert_eq!(ids, ["a", "b/z", "c"]);
        assert_eq!(inputs[2].format, Format::JsonLines);
        assert!(issues.is_empty());
    }

    #[test]
    fn glob_and_pattern() {
        let d = tmpdir("glob");
        fs::create_dir_all(d.join("x")).unwrap();
        fs::write(d.join("x/one.txt"), "1").unwrap();
        fs::write(d.join("two.txt"), "2").unwrap();
        let g = format!("{}/**/*.txt", d.display());
        let (inputs, _) = discover(&[g], None).unwrap();
        assert_eq!(inputs.len(), 2);
        let (inputs, _) = discover(&[d.to_string_lossy().into_owned()], Some("x/*.txt")).unwrap();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].doc_id, "x/one");
    }

    #[test]
    fn missing_root_is_an_error() {
        let err = discover(&["/no/such/dir/anywhere".into()], None).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)));
    }

    #[cfg(unix)]
    #[test]
    fn dangling_link_and_loop_are_issues() {
        let d = tmpdir("links");
        fs::write(d.join("ok.txt"), "fine").unwrap();
        std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();
        std::os::unix::fs::symlink(&d, d.join("loop")).unwrap();
        let (inputs, issues) = discover(&[d.to_string_lossy().into_owned()], None).unwrap();
        assert_eq!(inputs.len(), 1);
        let kinds: Vec<_> = issues.iter().map(|i| i.kind).collect();
        assert!(kinds.contains(&IssueKind::NotFound), "{issues:?}");
        assert!(kinds.contains(&IssueKind::SymlinkLoop), "{issues:?}");
    }
}
