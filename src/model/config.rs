//! The configuration of one edition (`prize.toml`) as read: tracks, sectors, criteria,
//! eligibility, rules, scoring, rounds and awards.

use std::collections::BTreeMap;

use crate::model::rules::Rule;
use crate::model::spanned::Sp;

/// Values `project.status` may take.
pub const PROJECT_STATUSES: &[&str] = &["planned", "pilot", "operational"];

/// The whole configuration of one edition.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The prize's name.
    pub name: String,
    /// The edition, e.g. "2026".
    pub edition: String,
    /// Sector ids.
    pub sectors: Vec<String>,
    /// Applicant type ids.
    pub applicant_types: Vec<String>,
    /// Tracks, in file order.
    pub tracks: Vec<Track>,
    /// Eligibility rules.
    pub eligibility: Eligibility,
    /// Custom rules.
    pub rules: Vec<Rule>,
    /// Which judges are conflicted.
    pub conflicts: Conflicts,
    /// Scoring criteria.
    pub criteria: Vec<Criterion>,
    /// How totals become a ranking.
    pub scoring: Scoring,
    /// Rounds, in order.
    pub rounds: Vec<Round>,
    /// Awards, in the order they are decided.
    pub awards: Vec<Award>,
    /// Limits across all awards.
    pub winners: Winners,
}

/// A competition track.
#[derive(Clone, Debug)]
pub struct Track {
    /// Track id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Applicant types allowed to enter; `None` allows all.
    pub applicant_types: Option<Vec<String>>,
}

/// The `[eligibility]` table.
#[derive(Clone, Debug, Default)]
pub struct Eligibility {
    /// Applications submitted before this are `early-submission`.
    pub opens: Option<Sp<jiff::Timestamp>>,
    /// Applications submitted after this are `late-submission`.
    pub deadline: Option<Sp<jiff::Timestamp>>,
    /// The calendar date of the deadline in its own offset, for month arithmetic.
    pub deadline_date: Option<jiff::civil::Date>,
    /// Allowed project statuses.
    pub project_status: Option<Vec<String>>,
    /// Minimum operating time in calendar months before the deadline.
    pub min_operating_months: Option<i64>,
    /// Whether `project.beneficiaries` must be non-empty.
    pub require_beneficiaries: bool,
    /// Maximum words in `project.summary`.
    pub max_summary_words: Option<i64>,
    /// One application per applicant per track.
    pub one_per_applicant: bool,
}

/// The `[conflicts]` table.
#[derive(Clone, Copy, Debug)]
pub struct Conflicts {
    /// Judges may not score applicants from their own country.
    pub same_country: bool,
    /// Judges may not score applicants whose name or organization equals theirs.
    pub same_organization: bool,
}

impl Default for Conflicts {
    fn default() -> Conflicts {
        Conflicts {
            same_country: false,
            same_organization: true,
        }
    }
}

/// One scoring criterion.
#[derive(Clone, Debug)]
pub struct Criterion {
    /// Criterion id (a score-sheet column).
    pub id: String,
    /// Display name (also accepted as a column header).
    pub name: String,
    /// Weight as written; normalised to sum to 1 when scoring.
    pub weight: f64,
    /// Lowest score.
    pub min: f64,
    /// Highest score.
    pub max: f64,
}

/// One key of `scoring.tie_break`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// The mean normalised score on one criterion.
    Criterion(String),
    /// The median of the totals.
    Median,
    /// The lowest total.
    Min,
    /// The highest total.
    Max,
}

/// The `[scoring]` table.
#[derive(Clone, Debug)]
pub struct Scoring {
    /// Default method for every round.
    pub method: String,
    /// Totals dropped at each end by `trimmed`.
    pub trim: usize,
    /// Fewer valid totals leave an application unranked.
    pub min_judges: usize,
    /// Keys that separate equal scores, in order.
    pub tie_break: Vec<TieBreak>,
    /// The jury's recorded order for ties left after `tie_break`.
    pub jury_order: Vec<Sp<String>>,
}

impl Default for Scoring {
    fn default() -> Scoring {
        Scoring {
            method: "mean".to_string(),
            trim: 1,
            min_judges: 1,
            tie_break: Vec::new(),
            jury_order: Vec::new(),
        }
    }
}

/// How many applications a round sends on.
#[derive(Clone, Debug, PartialEq)]
pub enum Advance {
    /// The same number for every track.
    All(usize),
    /// A number per track id.
    PerTrack(BTreeMap<String, usize>),
}

/// One judging round.
#[derive(Clone, Debug)]
pub struct Round {
    /// Round id (a folder under `scores/`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// How many go on; `None` on the last round.
    pub advance: Option<Advance>,
    /// The method of this round, overriding `scoring.method`.
    pub method: Option<String>,
}

/// One award.
#[derive(Clone, Debug)]
pub struct Award {
    /// Award id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The track whose ranking decides it (absent for committee picks).
    pub track: Option<String>,
    /// How many winners.
    pub count: Option<usize>,
    /// Only these applicant types.
    pub applicant_types: Option<Vec<String>>,
    /// Only these sectors.
    pub sectors: Option<Vec<String>>,
    /// Only scores at least this.
    pub min_score: Option<f64>,
    /// At most this many winners per country within the award.
    pub max_per_country: Option<usize>,
    /// The committee's own choice; the ranking is not used.
    pub picks: Option<Vec<Sp<String>>>,
}

/// The `[winners]` table.
#[derive(Clone, Debug, Default)]
pub struct Winners {
    /// At most this many awards per country across all awards.
    pub max_per_country: Option<usize>,
}

impl Config {
    /// The track with this id.
    pub fn track(&self, id: &str) -> Option<&Track> {
        self.tracks.iter().find(|t| t.id == id)
    }
}
