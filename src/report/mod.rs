//! The result values commands print, and the one way every command reads the archive.

pub mod awards;
pub mod committee;
pub mod explanation;
pub mod listing;
pub mod progress;
pub mod standings;
pub mod stats;
pub mod validation;

use std::path::Path;

use crate::check;
use crate::load::{self, Archive, ArchiveError};
use crate::ranking::{self, RoundResult};

/// The archive read, checked and judged once: what every command works from.
#[derive(Debug)]
pub struct Edition {
    /// Everything read from the archive, with every finding.
    pub archive: Archive,
    /// Every round judged with its own method, in order: totals, scores, rankings, who advanced.
    /// Empty without a configuration or without rounds.
    pub rounds: Vec<RoundResult>,
}

/// Reads the archive at `root`, checks it (each application as it is read, in parallel, then
/// the checks across files) and judges every round once, adding the findings only judging can
/// make (scores for applications that do not compete).
pub fn open(root: &Path) -> Result<Edition, ArchiveError> {
    let mut archive = load::load(root, &check::application, &crate::score::names())?;
    check::archive(&mut archive);
    let rounds = match &archive.config {
        Some(config) if !config.rounds.is_empty() => ranking::rounds(&archive, config, config.rounds.len() - 1),
        _ => Vec::new(),
    };
    if let Some(config) = &archive.config {
        let judged = ranking::findings(&archive, config, &rounds);
        archive.findings.extend(judged);
    }
    Ok(Edition { archive, rounds })
}
