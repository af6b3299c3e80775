//! Writing into the archive: atomically, never through a symbolic link on the way to a default
//! folder, and cleaning up the temporary files an interrupted write left behind.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// How every temporary file of an atomic write is named: `.prize-tmp-` and random letters.
/// The leading dot keeps it out of every listing of the archive (applications, sheets).
pub const TEMP_PREFIX: &str = ".prize-tmp-";

fn with_path(e: io::Error, path: &Path) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Refuses to write when a symbolic link stands at any of `rels` (paths below `root`, each
/// inside the one before): a link on the way to a default output folder could make the write
/// land outside the archive. A path that does not exist ends the check, since nothing below it
/// does either. The user's own `--out` is not checked: the user named that place.
pub fn refuse_links(root: &Path, rels: &[&Path]) -> io::Result<()> {
    for rel in rels {
        let path = root.join(rel);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(io::Error::other(format!(
                    "{} is a symbolic link; `prize` does not write through links",
                    path.display()
                )));
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(with_path(e, &path)),
        }
    }
    Ok(())
}

/// The bytes of the file a write is about to replace, to compare them with the new ones; `None`
/// when there is none. A file there that is not a regular file (a pipe, a device, a folder, a
/// link) is an error naming it: it is not opened, let alone waited on or replaced.
pub fn read_existing(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let (mut file, meta) = match crate::load::files::open_regular(path) {
        Ok(Ok(opened)) => opened,
        Ok(Err(what)) => {
            return Err(io::Error::other(format!(
                "{} is {}, not a regular file; `prize` does not write over it",
                path.display(),
                what.describe()
            )));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(with_path(e, path)),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| with_path(e, path))?;
    Ok(Some(bytes))
}

/// Writes `bytes` to `path` through a temporary file in `dir` renamed over it, so that a reader
/// never sees half a file and a failed write leaves the old one whole. The new file keeps the
/// old one's permissions. Temporary files that an interrupted write left in `dir` are removed
/// first.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_all_atomic(dir, &[(path, bytes)])
}

/// Writes each `(path, bytes)` into `dir` as [`write_atomic`] writes one file: each through a
/// temporary file renamed over it, keeping the old file's permissions. For many files (thousands
/// of application files into one folder), the folder's leftovers are cleaned up once, and the
/// temporary files are all written, then flushed to disk together, then renamed: one flush of
/// the file system instead of one per file, with the same guarantee that a file is on disk
/// before it replaces the old one. A failure before the renames leaves every old file whole.
pub fn write_all_atomic(dir: &Path, files: &[(&Path, &[u8])]) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|e| with_path(e, dir))?;
    remove_leftovers(dir);
    if let [(path, bytes)] = files {
        return write_one(dir, path, bytes);
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut temp = temp_file(dir)?;
        temp.write_all(bytes).map_err(|e| with_path(e, temp.path()))?;
        keep_permissions(&temp, path)?;
        // Closed here (thousands of open files would pass the process's limit); the path is
        // still removed if anything fails before its rename.
        staged.push((temp.into_temp_path(), *path));
    }
    flush_folder(dir, &staged)?;
    for (temp, path) in staged {
        temp.persist(path).map_err(|e| with_path(e.error, path))?;
    }
    Ok(())
}

/// A new temporary file in `dir`, named [`TEMP_PREFIX`]…, locked while it is open.
fn temp_file(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix("");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Like any new file: read-write for everyone the umask allows.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir).map_err(|e| with_path(e, dir))?;
    // Held until the file is closed, by this process or by its end: another write into the
    // folder then knows the file is in use, not left over.
    lock(temp.as_file());
    Ok(temp)
}

/// Gives the temporary file the permissions of the file it replaces, if there is one.
fn keep_permissions(temp: &tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
    if let Ok(meta) = fs::metadata(path) {
        temp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| with_path(e, temp.path()))?;
    }
    Ok(())
}

/// Puts the staged files' bytes on disk: one `syncfs` of the folder's file system on Linux,
/// else each file's own sync.
fn flush_folder(dir: &Path, staged: &[(tempfile::TempPath, &Path)]) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let folder = fs::File::open(dir).map_err(|e| with_path(e, dir))?;
        // SAFETY: syncfs only reads the descriptor, which `folder` keeps open for the call.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } == 0 {
            return Ok(());
        }
    }
    for (temp, _) in staged {
        fs::File::open(temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| with_path(e, temp))?;
    }
    Ok(())
}

fn write_one(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = temp_file(dir)?;
    temp.write_all(bytes).map_err(|e| with_path(e, temp.path()))?;
    keep_permissions(&temp, path)?;
    temp.as_file().sync_all().map_err(|e| with_path(e, temp.path()))?;
    temp.persist(path).map_err(|e| with_path(e.error, path))?;
    Ok(())
}

/// Removes the temporary files of interrupted writes from `dir`: regular files named
/// [`TEMP_PREFIX`]… that no running write holds locked. Best effort: a file that cannot be
/// removed stays, harmless, since nothing reads dot files.
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let ours = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX);
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if ours && regular && !in_use(&entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Takes the advisory lock that marks a temporary file as being written.
#[cfg(unix)]
fn lock(file: &fs::File) {
    use std::os::fd::AsRawFd;
    // SAFETY: flock only reads the descriptor, which `file` keeps open for the call. Failing
    // (a file system without locks) only means another write may take the file for a leftover.
    let _ = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
}

#[cfg(not(unix))]
fn lock(_: &fs::File) {}

/// Whether a running write holds `path` locked. The file is opened without following a link
/// and without waiting; the lock tried is dropped with the descriptor.
#[cfg(unix)]
fn in_use(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(Ok((file, _))) = crate::load::files::open_regular(path) else {
        // Gone already, or not ours to judge: leave it.
        return true;
    };
    // SAFETY: as in `lock`.
    let locked = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0;
    locked && io::Error::last_os_error().raw_os_error() == Some(libc::EWOULDBLOCK)
}

/// Without advisory locks, a temporary file is taken for a leftover.
#[cfg(not(unix))]
fn in_use(_: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_go_and_files_being_written_stay() {
        let dir = tempfile::tempdir().unwrap();
        let leftover = dir.path().join(".prize-tmp-abc123");
        fs::write(&leftover, "half a sheet").unwrap();
        let other = dir.path().join(".prize-notes");
        fs::write(&other, "not ours").unwrap();
        // A write in progress: its temporary file is open and locked.
        let busy = dir.path().join(".prize-tmp-busy00");
        let held = fs::File::create(&busy).unwrap();
        lock(&held);
        write_atomic(dir.path(), &dir.path().join("a.csv"), b"x\n").unwrap();
        assert!(!leftover.exists());
        assert!(other.exists());
        #[cfg(unix)]
        assert!(busy.exists(), "a locked temporary file is in use");
        assert_eq!(fs::read(dir.path().join("a.csv")).unwrap(), b"x\n");
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names.iter().filter(|n| n.starts_with(TEMP_PREFIX)).count(),
            usize::from(cfg!(unix))
        );
        drop(held);
    }

    #[cfg(unix)]
    #[test]
    fn links_on_the_way_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("sheets")).unwrap();
        let err = refuse_links(dir.path(), &[Path::new("sheets"), Path::new("sheets/first")]).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(refuse_links(dir.path(), &[Path::new("scores"), Path::new("scores/first")]).is_ok());
    }
}
