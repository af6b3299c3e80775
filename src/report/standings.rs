//! `prize rank`'s groups: each track's ranking of a round, or each track split by a key.

use crate::load::Archive;
use crate::model::config::Config;
use crate::ranking::{self, Group, RoundResult};

/// What `prize rank --by` splits each track by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// One ranking per sector within each track.
    Sector,
    /// One ranking per applicant type within each track.
    Type,
    /// One ranking per country within each track.
    Country,
}

impl By {
    /// The key's name, as `--by` and the JSON `by` write it.
    pub fn name(self) -> &'static str {
        match self {
            By::Sector => "sector",
            By::Type => "type",
            By::Country => "country",
        }
    }
}

/// Arguments of `prize rank`.
/// The groups `prize rank` prints: each track's ranking (only `track` when given), or, with
/// `by`, each track's competitors split by that key, each part ranked on its own.
pub fn groups(
    archive: &Archive,
    config: &Config,
    result: &RoundResult,
    track: Option<&str>,
    by: Option<By>,
) -> Vec<Group> {
    let tracks = config.tracks.iter().filter(|t| track.is_none_or(|only| only == t.id));
    let mut out = Vec::new();
    for track in tracks {
        let Some(by) = by else {
            if let Some(g) = result.groups.iter().find(|g| g.track == track.id) {
                out.push(g.clone());
            }
            continue;
        };
        let key_of = |app: usize| -> String {
            let a = &archive.applications[app];
            match by {
                By::Sector => a.sector_id(),
                By::Type => a.type_id(),
                By::Country => a.country(),
            }
            .to_string()
        };
        let mut keys: Vec<String> = result
            .competing
            .iter()
            .filter(|&&a| archive.applications[a].track_id() == track.id)
            .map(|&a| key_of(a))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            out.push(ranking::group(
                archive,
                config,
                result,
                &track.id,
                Some(key.clone()),
                |a| key_of(a) == key,
            ));
        }
    }
    out
}
