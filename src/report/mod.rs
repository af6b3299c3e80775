//! The result values commands print, and the one way every command reads the archive.

pub mod stats;
pub mod validation;

use std::path::Path;

use crate::check;
use crate::load::{self, Archive, ArchiveError};
use crate::ranking;

/// Reads the archive at `root` and checks it: each application as it is read (in parallel),
/// then the checks across files, then the findings only judging the rounds can make (scores
/// for applications that do not compete).
pub fn open(root: &Path) -> Result<Archive, ArchiveError> {
    let mut archive = load::load(root, &check::application)?;
    check::archive(&mut archive);
    let judged = ranking::findings(&archive);
    archive.findings.extend(judged);
    Ok(archive)
}
