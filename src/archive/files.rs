//! Finding and reading the archive's files: size limit, UTF-8 with optional BOM, symlinks.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::codes::Code;
use crate::finding::{Finding, Position, Severity};
use crate::source::SourceFile;

/// Files larger than this are not parsed.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// `not-utf8`: the file is not UTF-8 text.
pub static NOT_UTF8: Code = Code {
    name: "not-utf8",
    severity: Severity::Error,
    summary: "the file is not UTF-8 text",
    explanation: "\
Every text file of the archive must be UTF-8 (a UTF-8 byte-order mark is accepted). The
finding names the byte offset of the first byte that is not valid UTF-8, and its line. Files
saved by older editors as Latin-1, Windows-1252 or EUC-KR cause this.

### Example

    name = \"Bogot\\xE1\"      # á written as a single Latin-1 byte

### How to fix

Re-save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8), or convert it:

    iconv -f windows-1252 -t utf-8 old.toml > new.toml
",
};

/// `file-too-large`: the file is over the size limit.
pub static FILE_TOO_LARGE: Code = Code {
    name: "file-too-large",
    severity: Severity::Error,
    summary: "the file is over 1 MiB and is not read",
    explanation: "\
An application or configuration file larger than 1 MiB (1,048,576 bytes) is not parsed: no
application needs that much text, and it is usually an attachment saved with the wrong
extension. Score sheets and assignments, which grow with the edition, may be up to 64 MiB.

### Example

    applications/2026/report.toml   (48 MB: a PDF renamed to .toml)

### How to fix

Keep attachments outside `applications/`, or link to them from `[extra]`.
",
};

/// `symlink-skipped`: a symbolic link found where applications are read.
pub static SYMLINK_SKIPPED: Code = Code {
    name: "symlink-skipped",
    severity: Severity::Warning,
    summary: "a symbolic link under applications/ is not followed",
    explanation: "\
`prize` does not follow symbolic links under `applications/` or `scores/`: a link could point
outside the archive, make a loop, or count one file twice. The link is skipped with this warning.

### Example

    applications/latest.toml -> ../drafts/latest.toml

### How to fix

Move or copy the file into `applications/` and remove the link.
",
};

/// Why a path could not be read at all (the command cannot run: exit 2).
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {reason}", path.display())]
pub struct Unreadable {
    /// The path.
    pub path: PathBuf,
    /// The operating system's reason.
    pub reason: io::Error,
}

/// The application files found, and the findings made while looking.
#[derive(Debug, Default)]
pub struct Listing {
    /// Paths relative to the archive root, `/`-separated, sorted.
    pub files: Vec<String>,
    /// `symlink-skipped` warnings.
    pub findings: Vec<Finding>,
}

/// The path of `path` relative to `root`, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Every `.toml` file below `applications/`, skipping dot files and symbolic links.
pub fn list_applications(root: &Path) -> Result<Listing, Unreadable> {
    let dir = root.join("applications");
    let mut listing = Listing::default();
    match fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
        Err(reason) => return Err(Unreadable { path: dir, reason }),
        Ok(meta) if meta.file_type().is_symlink() => {
            listing.findings.push(symlink(root, &dir));
            return Ok(listing);
        }
        Ok(_) => {}
    }
    let walker = walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().map_or_else(|| dir.clone(), Path::to_path_buf);
            let reason = e
                .into_io_error()
                .unwrap_or_else(|| io::Error::other("file system loop"));
            Unreadable { path, reason }
        })?;
        let file_type = entry.file_type();
        if file_type.is_symlink() {
            listing.findings.push(symlink(root, entry.path()));
        } else if file_type.is_file() && entry.file_name().to_string_lossy().ends_with(".toml") {
            listing.files.push(relative(root, entry.path()));
        }
    }
    // Path order as findings print it (`a-b.toml` before `a/x.toml`), not walk order.
    listing.files.sort_unstable();
    Ok(listing)
}

fn symlink(root: &Path, path: &Path) -> Finding {
    SYMLINK_SKIPPED
        .in_file(relative(root, path), "symbolic link not followed")
        .with_help("move the file itself into applications/")
}

/// Reads a text file of the archive: `Ok(Err(finding))` when it is too large or not UTF-8.
pub fn read(root: &Path, rel: &str) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    let path = root.join(rel);
    let unreadable = |reason| Unreadable {
        path: path.clone(),
        reason,
    };
    // One open and one fstat per file: path lookups are what reading 100,000 files costs.
    let mut file = fs::File::open(&path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.len() > MAX_FILE_BYTES {
        return Ok(Err(Box::new(
            FILE_TOO_LARGE
                .in_file(rel, format!("file is {} bytes, over the limit of 1 MiB", meta.len()))
                .with_help("keep attachments outside the archive's text files"),
        )));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // Read at most one byte past the limit, in case the file grew after the fstat.
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Err(Box::new(
            FILE_TOO_LARGE.in_file(rel, "file is over the limit of 1 MiB"),
        )));
    }
    Ok(decode(rel, bytes))
}

/// Decodes UTF-8 with an optional byte-order mark.
pub fn decode(rel: &str, mut bytes: Vec<u8>) -> Result<SourceFile, Box<Finding>> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(rel, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let line = prefix.matches('\n').count() + 1;
            let column = prefix.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            let finding = Finding::at(
                NOT_UTF8.severity,
                NOT_UTF8.name,
                rel,
                &Position {
                    line,
                    column,
                    excerpt: None,
                },
                format!("byte {} (0x{:02X}) is not valid UTF-8", valid + bom, bytes[valid]),
            );
            Err(Box::new(finding.with_help(
                "save the file as UTF-8, e.g. `iconv -f windows-1252 -t utf-8`",
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_offsets_count_it() {
        assert_eq!(decode("a.toml", b"\xEF\xBB\xBFx = 1".to_vec()).unwrap().text, "x = 1");
        let err = decode("a.toml", b"\xEF\xBB\xBFa = 1\nb = \"\xE1\"".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 6));
        assert!(err.message.starts_with("byte 14 (0xE1)"), "{}", err.message);
    }
}
