//! `prize assign`'s result: the plan for a round and what became of `assignments/<round>.csv`.

use serde::Serialize;

use crate::check::conflicts::conflict;
use crate::jury::assign::{Plan, Short, Shortfall};
use crate::load::application::Application;
use crate::model::config::Conflicts;
use crate::model::roster::Judge;

/// What became of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssignmentOutcome {
    /// Written where there was none.
    Written,
    /// The same assignment is already stored.
    Unchanged,
    /// Written over a different assignment (`--replace`).
    Replaced,
    /// Not written: a different assignment is stored and `--replace` was not given.
    Refused,
    /// `--dry-run`: it would be written.
    WouldWrite,
    /// `--dry-run --replace`: it would replace the stored one.
    WouldReplace,
    /// Not written: some application cannot have K judges.
    Impossible,
}

impl AssignmentOutcome {
    /// The words people read.
    pub fn name(self) -> &'static str {
        match self {
            AssignmentOutcome::Written => "written",
            AssignmentOutcome::Unchanged => "unchanged",
            AssignmentOutcome::Replaced => "replaced",
            AssignmentOutcome::Refused => "refused",
            AssignmentOutcome::WouldWrite => "would write",
            AssignmentOutcome::WouldReplace => "would replace",
            AssignmentOutcome::Impossible => "impossible",
        }
    }
}

/// `prize assign`'s result: the plan for a round, what became of the file, and the options
/// it was made with.
pub struct Assigned<'a> {
    /// The round id.
    pub round: &'a str,
    /// The assignment file, relative to the archive root.
    pub file: String,
    /// What became of the file.
    pub status: AssignmentOutcome,
    /// The competing applications, by id.
    pub applications: Vec<&'a Application>,
    /// The judges serving in the round, by id.
    pub judges: Vec<&'a Judge>,
    /// The plan.
    pub plan: Plan,
    /// Pairs added and removed against a stored assignment.
    pub changes: Option<(usize, usize)>,
    /// The seed (`--seed`).
    pub seed: u64,
    /// K as asked (`--per-application`).
    pub per_application: u64,
    /// `--max-per-judge`.
    pub max_per_judge: Option<u32>,
    /// The rules of `[conflicts]`, to word a shortfall's conflicts.
    pub conflicts: &'a Conflicts,
}

impl Assigned<'_> {
    /// K as a count; a K beyond `usize` is as impossible as `usize::MAX`.
    pub fn k(&self) -> usize {
        usize::try_from(self.per_application).unwrap_or(usize::MAX)
    }

    /// One line saying why an application cannot have K judges.
    pub fn shortfall_message(&self, s: &Shortfall) -> String {
        let r = self;
        match &s.why {
            Short::Conflicts if r.judges.is_empty() => format!("no judge serves in round `{}`", r.round),
            Short::Conflicts => format!(
                "only {} of the {} serving in round `{}` {} free of conflicts with it (it needs {})",
                s.free,
                plural(r.judges.len(), "judge", "judges"),
                r.round,
                if s.free == 1 { "is" } else { "are" },
                r.per_application
            ),
            Short::Capacity { judges, room, needed } => format!(
                "its free judges are all among {} who, with --max-per-judge {}, can take {room} assignments \
                 but would need {needed}",
                plural(*judges, "judge", "judges"),
                r.max_per_judge.unwrap_or(0),
            ),
        }
    }

    /// The conflicts behind a shortfall, as `check::conflicts::conflict` words them.
    pub fn conflict_reasons(&self, s: &Shortfall) -> Vec<String> {
        let r = self;
        if s.why != Short::Conflicts {
            return Vec::new();
        }
        let app = r.applications[s.application];
        r.judges.iter().filter_map(|j| conflict(r.conflicts, j, app)).collect()
    }
}

/// `n` and the word for one or for many.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
