//! The calls that differ by operating system, each with a portable fallback, so that the crate
//! builds everywhere and the rest of it has no `cfg`.

use std::fs::File;
use std::path::{Path, PathBuf};

/// Open `path` for reading without blocking on a FIFO (unix: `O_NONBLOCK`; the caller refuses
/// what is not a regular file after one `fstat`). Elsewhere an ordinary open: there is no FIFO
/// to block on in a folder walk.
pub fn open_for_reading(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What makes two paths one file, to load a file reached twice once: (device, inode) on unix,
/// else the canonical path (links resolved, one spelling).
#[cfg(unix)]
pub type FileId = (u64, u64);
#[cfg(not(unix))]
pub type FileId = PathBuf;

/// The `FileId` of `path`, None when it cannot be read.
pub fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok()
    }
}

/// A path as bytes, to hand to another process (a Dask worker) unchanged: the raw bytes on unix,
/// where a file name need not be UTF-8; elsewhere its UTF-8 form (Windows names are Unicode).
pub fn path_to_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

/// The path `path_to_bytes` gave.
pub fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_survive_bytes_and_one_file_has_one_id() {
        let d = std::env::temp_dir().join(format!("cc-platform-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.txt"), "x").unwrap();
        let p = d.join("a.txt");
        assert_eq!(path_from_bytes(path_to_bytes(&p)), p);
        // Two spellings of one file, and another file.
        let other_spelling = d.join("sub").join("..").join("a.txt");
        std::fs::write(d.join("b.txt"), "x").unwrap();
        assert_eq!(file_id(&p), file_id(&other_spelling));
        assert_ne!(file_id(&p), file_id(&d.join("b.txt")));
        assert_eq!(file_id(&d.join("missing.txt")), None);
        let mut read = String::new();
        std::io::Read::read_to_string(&mut open_for_reading(&p).unwrap(), &mut read).unwrap();
        assert_eq!(read, "x");
    }
}
