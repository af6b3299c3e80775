//! `prize rank`'s groups: each track's ranking of a round, or each track split by a key.

use std::borrow::Cow;

use crate::load::Archive;
use crate::model::config::{Config, Round};
use crate::ranking::order::Placed;
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
pub fn groups<'r>(
    archive: &Archive,
    config: &Config,
    result: &'r RoundResult,
    track: Option<&str>,
    by: Option<By>,
) -> Vec<Cow<'r, Group>> {
    let tracks = config.tracks.iter().filter(|t| track.is_none_or(|only| only == t.id));
    let mut out = Vec::new();
    for track in tracks {
        let Some(by) = by else {
            if let Some(g) = result.groups.iter().find(|g| g.track == track.id) {
                // The judged ranking itself, not a copy of its hundred thousand rows.
                out.push(Cow::Borrowed(g));
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
            out.push(Cow::Owned(ranking::group(
                archive,
                config,
                result,
                &track.id,
                Some(key.clone()),
                |a| key_of(a) == key,
            )));
        }
    }
    out
}

/// `prize rank`'s result: one round's groups as one method ranked them.
pub struct Standings<'a> {
    /// The archive the applications come from.
    pub archive: &'a Archive,
    /// Its configuration.
    pub config: &'a Config,
    /// The round shown.
    pub round: &'a Round,
    /// The round as judged with the method shown (who advanced is always the round's own).
    pub result: &'a RoundResult,
    /// The groups, in track order (then key order with `by`).
    pub groups: Vec<Cow<'a, Group>>,
    /// What each track is split by, if anything.
    pub by: Option<By>,
    /// Only the applications ranked this or better (`--top`).
    pub top: Option<usize>,
}

impl Standings<'_> {
    /// The rows of `group` that `--top` keeps.
    pub fn visible<'g>(&self, group: &'g Group) -> impl Iterator<Item = &'g Placed> {
        let top = self.top;
        group.ranking.iter().filter(move |p| top.is_none_or(|n| p.rank <= n))
    }
}
