//! Finding and reading the archive's files: regular files only, size limit, UTF-8 with optional
//! BOM, symlinks.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Position, Severity};
use crate::diagnostics::source::SourceFile;

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
`prize` does not follow symbolic links under `applications/`: a link could point outside the
archive, make a loop, or count one file twice. The link is skipped with this warning. (A link
for `judges.toml`, `scores/`, a round's folder, a score sheet or an assignment is an error,
`not-a-regular-file`.)

### Example

    applications/latest.toml -> ../drafts/latest.toml

### How to fix

Move or copy the file into `applications/` and remove the link.
",
};

/// `not-a-regular-file`: a file the archive needs is a link, a pipe, a device or a folder.
pub static NOT_A_REGULAR_FILE: Code = Code {
    name: "not-a-regular-file",
    severity: Severity::Error,
    summary: "judges.toml, an application, a score sheet or an assignment is a link, a pipe, a device or a folder",
    explanation: "\
`prize` reads only regular files. `judges.toml`, a score sheet (`scores/<round>/<judge>.csv`) or
an assignment (`assignments/<round>.csv`) that is a symbolic link, a named pipe (FIFO), a device
or a folder is not opened at all, nor is a pipe or a device named `*.toml` under
`applications/`: a link could show lines of a file outside the archive (say `/etc/passwd`) in a
finding's excerpt, and a pipe or a device could make `prize` wait forever. The file is treated
as missing, with this error. `scores/` or a round's folder that is a symbolic link is not
followed either, and is this error too: every sheet of the round would be missing. (`prize.toml`
itself must be a regular file too, or no command runs: exit 2.)

### Example

    judges.toml -> /etc/passwd
    scores/first/j-kim.csv -> ../../drafts/j-kim.csv
    scores/first -> ../drafts/first

### How to fix

Put the file itself in its place:

    cp --remove-destination \"$(readlink judges.toml)\" judges.toml
",
};

/// `stray-file`: a file where only score sheets or applications are read, not named like one.
pub static STRAY_FILE: Code = Code {
    name: "stray-file",
    severity: Severity::Warning,
    summary: "a file in scores/<round>/ not named `<judge>.csv`, or under applications/ named `*.TOML`, is not read",
    explanation: "\
A round's folder holds only score sheets, each named exactly `<judge-id>.csv` with the extension
in lower case. Anything else there is not read and is reported with this warning: a copy such as
`j-kim.csv.bak`, notes, a folder, and `j-kim.CSV` too, since reading it beside `j-kim.csv`
would count the judge twice. Files whose name starts with `.` are skipped without a word.

Under `applications/`, an application's extension is `.toml` in lower case: a file named
`APP-7.TOML` or `app-7.Toml` is not read, and gets this warning rather than passing unseen.

### Example

    scores/first/j-kim.csv
    scores/first/j-kim.CSV          # a second copy, saved by a spreadsheet
    scores/first/notes.txt
    applications/APP-7.TOML

### How to fix

Keep one sheet per judge, named `<judge-id>.csv`, and move everything else out of `scores/`
(`git mv scores/first/J-KIM.CSV scores/first/j-kim.csv` for a sheet saved with capitals).
Rename an application `*.toml` (`git mv applications/APP-7.TOML applications/APP-7.toml`).
",
};

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRegular {
    /// A symbolic link.
    Symlink,
    /// A named pipe (FIFO).
    Fifo,
    /// A character or block device.
    Device,
    /// A socket.
    Socket,
    /// A folder.
    Folder,
    /// Anything else that is not a regular file.
    Special,
}

impl NotRegular {
    /// What `file_type` is when it is not a regular file; `None` for a regular file.
    pub fn of(file_type: fs::FileType) -> Option<NotRegular> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_symlink() {
            return Some(NotRegular::Symlink);
        }
        if file_type.is_dir() {
            return Some(NotRegular::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(NotRegular::Fifo);
            }
            if file_type.is_char_device() || file_type.is_block_device() {
                return Some(NotRegular::Device);
            }
            if file_type.is_socket() {
                return Some(NotRegular::Socket);
            }
        }
        Some(NotRegular::Special)
    }

    /// What it is, as a sentence says it ("a named pipe").
    pub fn describe(self) -> &'static str {
        match self {
            NotRegular::Symlink => "a symbolic link",
            NotRegular::Fifo => "a named pipe",
            NotRegular::Device => "a device",
            NotRegular::Socket => "a socket",
            NotRegular::Folder => "a folder",
            NotRegular::Special => "a special file",
        }
    }

    /// The error of a path that must be a regular file for the command to run at all.
    pub fn unreadable(self, path: &Path) -> Unreadable {
        Unreadable {
            path: path.to_path_buf(),
            reason: io::Error::other(format!(
                "it is {}, not a regular file, and prize reads only regular files",
                self.describe()
            )),
        }
    }
}

/// Opens `path` for reading only if it is a regular file: `Ok(Err(what))` when it is not, and
/// then a link's target, a pipe or a device is never opened. The path is looked at without
/// following a link, then opened (on Unix with `O_NOFOLLOW | O_NONBLOCK`) and the open file
/// looked at again, so that a link or a pipe swapped in between is refused, not followed or
/// waited on.
pub fn open_regular(path: &Path) -> io::Result<Result<(fs::File, fs::Metadata), NotRegular>> {
    if let Some(what) = NotRegular::of(fs::symlink_metadata(path)?.file_type()) {
        return Ok(Err(what));
    }
    open_seen_regular(path)
}

/// Opens a file a folder listing (or `symlink_metadata`) has shown to be regular, checking the
/// open file again: one open and one fstat, no further path lookup.
fn open_seen_regular(path: &Path) -> io::Result<Result<(fs::File, fs::Metadata), NotRegular>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a pipe does not wait for a writer. It changes nothing for the reads
        // of a regular file.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        // What O_NOFOLLOW gives for a link (ELOOP on Linux, EMLINK on FreeBSD).
        #[cfg(unix)]
        Err(e) if matches!(e.raw_os_error(), Some(libc::ELOOP | libc::EMLINK)) => return Ok(Err(NotRegular::Symlink)),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    Ok(match NotRegular::of(meta.file_type()) {
        Some(what) => Err(what),
        None => Ok((file, meta)),
    })
}

/// The `not-a-regular-file` finding for `rel`, which is `what`.
pub fn not_regular(rel: &str, what: NotRegular) -> Finding {
    NOT_A_REGULAR_FILE
        .in_file(
            rel,
            format!("{rel} is {}, not a regular file; it is not read", what.describe()),
        )
        .with_help(match what {
            NotRegular::Symlink => "put the file itself here: prize does not follow links to what they point at",
            NotRegular::Folder => "this name is for a file: move the folder away",
            _ => "put a regular file here: prize opens no pipe, device or socket",
        })
}

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
    /// `symlink-skipped` and `stray-file` warnings, `not-a-regular-file` errors.
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

/// Every `.toml` file below `applications/`, skipping dot files and symbolic links (with a
/// warning). A pipe or a device named `*.toml` is `not-a-regular-file` and is never opened; a
/// file named `*.TOML` (the extension in another case) is `stray-file` and is not read.
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
        // What a walk from a file finds: nothing named `*.toml` under it.
        Ok(meta) if !meta.is_dir() => return Ok(listing),
        Ok(_) => {}
    }
    let mut listing = list_folder(root, &dir, "applications")?;
    // Path order as findings print it (`a-b.toml` before `a/x.toml`), not walk order.
    listing.files.par_sort_unstable();
    Ok(listing)
}

/// The listing of one folder below `applications/` (`rel`: its path from the root), entries in
/// name order and each subfolder where it comes, as a walk would give them; the subfolders
/// (a track's folder each) are listed in parallel. Dot files and dot folders are passed over.
fn list_folder(root: &Path, dir: &Path, rel: &str) -> Result<Listing, Unreadable> {
    let unreadable = |path: &Path, reason| Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| unreadable(dir, e))? {
        let entry = entry.map_err(|e| unreadable(dir, e))?;
        let name = entry.file_name();
        if hidden(&name) {
            continue;
        }
        let file_type = entry.file_type().map_err(|e| unreadable(&entry.path(), e))?;
        entries.push((name, file_type));
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let path_of = |name: &str| format!("{rel}/{name}");
    let mut folders = entries
        .par_iter()
        .filter(|(_, file_type)| file_type.is_dir())
        .map(|(name, _)| list_folder(root, &dir.join(name), &path_of(&name.to_string_lossy())))
        .collect::<Vec<_>>()
        .into_iter();
    let mut listing = Listing::default();
    for (name, file_type) in &entries {
        if file_type.is_symlink() {
            listing.findings.push(symlink(root, &dir.join(name)));
        } else if file_type.is_dir() {
            let folder = folders.next().expect("one listing per folder")?;
            listing.files.extend(folder.files);
            listing.findings.extend(folder.findings);
        } else {
            let name = name.to_string_lossy();
            if name.ends_with(".toml") {
                // A pipe or a device is never opened: reading it could wait forever.
                match NotRegular::of(*file_type) {
                    None => listing.files.push(path_of(&name)),
                    Some(what) => listing.findings.push(not_regular(&path_of(&name), what)),
                }
            } else if let Some(stem) = toml_in_other_case(&name).filter(|_| file_type.is_file()) {
                listing.findings.push(
                    STRAY_FILE
                        .in_file(
                            path_of(&name),
                            format!("`{name}` is not read: an application's extension is `.toml`, in lower case"),
                        )
                        .with_help(format!("rename it `{stem}.toml` to have it read")),
                );
            }
        }
    }
    Ok(listing)
}

/// The stem of `name` when its extension is `.toml` in another case than lower case
/// (`LOUD.TOML`, `app.Toml`).
fn toml_in_other_case(name: &str) -> Option<&str> {
    let dot = name.len().checked_sub(5)?;
    let ext = name.get(dot..)?;
    (ext.eq_ignore_ascii_case(".toml") && ext != ".toml").then(|| &name[..dot])
}

fn symlink(root: &Path, path: &Path) -> Finding {
    SYMLINK_SKIPPED
        .in_file(relative(root, path), "symbolic link not followed")
        .with_help("move the file itself into applications/")
}

/// Reads a text file of the archive: `Ok(Err(finding))` when it is not a regular file, too
/// large or not UTF-8.
pub fn read(root: &Path, rel: &str) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    read_with(root, rel, open_regular, |what, _| Ok(Box::new(not_regular(rel, what))))
}

/// Reads a file that must be a regular file for the command to run (`prize.toml`): when it is
/// not, the command cannot run.
pub fn read_required(root: &Path, rel: &str) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    read_with(root, rel, open_regular, |what, path| Err(what.unreadable(path)))
}

/// Reads a file that [`list_applications`] found to be a regular file.
pub fn read_listed(root: &Path, rel: &str) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    // One open and one fstat per file: path lookups are what reading 100,000 files costs.
    read_with(root, rel, open_seen_regular, |what, _| {
        Ok(Box::new(not_regular(rel, what)))
    })
}

/// The folders of the listed applications, each opened once, so that a file is opened by its
/// name in its open folder: the kernel then looks up one name per file, not every folder of
/// its path again (which was a tenth of the time reading 20,000 applications took).
pub struct Folders {
    root: PathBuf,
    #[cfg(unix)]
    open: rustc_hash::FxHashMap<String, std::os::fd::OwnedFd>,
}

impl Folders {
    /// Opens the folders that hold `files` (paths relative to `root`, as a [`Listing`] has them).
    pub fn open(root: &Path, files: &[String]) -> Result<Folders, Unreadable> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let mut open = rustc_hash::FxHashMap::default();
            for rel in files {
                let Some((folder, _)) = rel.rsplit_once('/') else {
                    continue;
                };
                if open.contains_key(folder) {
                    continue;
                }
                let path = root.join(folder);
                let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                let fd =
                    rustix::fs::open(&path, flags, Mode::empty()).map_err(|e| Unreadable { path, reason: e.into() })?;
                open.insert(folder.to_string(), fd);
            }
            Ok(Folders {
                root: root.to_path_buf(),
                open,
            })
        }
        #[cfg(not(unix))]
        {
            let _ = files;
            Ok(Folders {
                root: root.to_path_buf(),
            })
        }
    }

    /// [`read_listed`], by name in the file's open folder.
    pub fn read(&self, rel: &str) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
        #[cfg(unix)]
        if let Some((folder, name)) = rel.rsplit_once('/')
            && let Some(dir) = self.open.get(folder)
        {
            use rustix::fs::{Mode, OFlags};
            let path = || self.root.join(rel);
            let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
            let file = match rustix::fs::openat(dir, name, flags, Mode::empty()) {
                Ok(fd) => fs::File::from(fd),
                // What O_NOFOLLOW gives for a link (ELOOP on Linux, EMLINK on FreeBSD).
                Err(e) if e == rustix::io::Errno::LOOP || e == rustix::io::Errno::MLINK => {
                    return Ok(Err(Box::new(not_regular(rel, NotRegular::Symlink))));
                }
                Err(e) => {
                    return Err(Unreadable {
                        path: path(),
                        reason: e.into(),
                    });
                }
            };
            let meta = file.metadata().map_err(|reason| Unreadable { path: path(), reason })?;
            return match NotRegular::of(meta.file_type()) {
                Some(what) => Ok(Err(Box::new(not_regular(rel, what)))),
                None => read_opened(rel, &path, (file, meta)),
            };
        }
        read_listed(&self.root, rel)
    }
}

/// How a reader opens a file: the open file and its metadata, or what it is if not regular.
type Opener = fn(&Path) -> io::Result<Result<(fs::File, fs::Metadata), NotRegular>>;

/// Opens `rel` with `open` and reads it; `refused` says what a file that is not regular means.
fn read_with(
    root: &Path,
    rel: &str,
    open: Opener,
    refused: impl FnOnce(NotRegular, &Path) -> Result<Box<Finding>, Unreadable>,
) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    let path = root.join(rel);
    match open(&path).map_err(|reason| Unreadable {
        path: path.clone(),
        reason,
    })? {
        Ok(opened) => read_opened(rel, &|| path.clone(), opened),
        Err(what) => refused(what, &path).map(Err),
    }
}

/// Reads an open regular file (`path`: its path, made only for an error).
fn read_opened(
    rel: &str,
    path: &dyn Fn() -> PathBuf,
    (file, meta): (fs::File, fs::Metadata),
) -> Result<Result<SourceFile, Box<Finding>>, Unreadable> {
    let unreadable = |reason| Unreadable { path: path(), reason };
    if meta.len() > MAX_FILE_BYTES {
        return Ok(Err(Box::new(
            FILE_TOO_LARGE
                .in_file(rel, format!("file is {} bytes, over the limit of 1 MiB", meta.len()))
                .with_help("keep attachments outside the archive's text files"),
        )));
    }
    // The size the fstat gave is what is read, with no further read to find the end (the
    // file's contents at that moment; a file that shrank ends sooner). A file whose size is
    // not known (0: some file systems say so of files that are not) is read to its end, at
    // most one byte past the limit.
    let limit = match meta.len() {
        0 => MAX_FILE_BYTES + 1,
        len => len,
    };
    let mut bytes = Vec::with_capacity(limit.min(MAX_FILE_BYTES) as usize);
    file.take(limit).read_to_end(&mut bytes).map_err(unreadable)?;
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

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        fs::write(&file, "x = 1").unwrap();
        assert!(open_regular(&file).unwrap().is_ok());
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert_eq!(open_regular(&link).unwrap().err(), Some(NotRegular::Symlink));
        // Even when a listing saw a regular file there, O_NOFOLLOW refuses the link.
        assert_eq!(open_seen_regular(&link).unwrap().err(), Some(NotRegular::Symlink));
        assert_eq!(open_regular(dir.path()).unwrap().err(), Some(NotRegular::Folder));
        let null = Path::new("/dev/null");
        if fs::metadata(null).is_ok_and(|m| !m.is_file()) {
            assert_eq!(open_regular(null).unwrap().err(), Some(NotRegular::Device));
            assert_eq!(open_seen_regular(null).unwrap().err(), Some(NotRegular::Device));
        }
    }

    #[test]
    fn bom_is_dropped_and_offsets_count_it() {
        assert_eq!(decode("a.toml", b"\xEF\xBB\xBFx = 1".to_vec()).unwrap().text, "x = 1");
        let err = decode("a.toml", b"\xEF\xBB\xBFa = 1\nb = \"\xE1\"".to_vec()).unwrap_err();
        assert_eq!((err.line, err.column), (2, 6));
        assert!(err.message.starts_with("byte 14 (0xE1)"), "{}", err.message);
    }
}
