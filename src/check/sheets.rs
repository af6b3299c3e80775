//! Score sheets against the rest of the archive: the applications they name, the judge's
//! conflicts of interest, and the rounds the judge serves in.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::check::conflicts;
use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::load::application::Application;
use crate::load::fields;
use crate::load::ids::UNKNOWN_APPLICATION;
use crate::load::sheet::read;
use crate::load::{Archive, CONFIG_FILE};
use crate::model::config::Config;
use crate::model::roster::Roster;
use crate::model::sheet::{ScoreSheet, SheetRow};

/// `conflict-of-interest`: a judge scored an application they may not score.
pub static CONFLICT_OF_INTEREST: Code = Code {
    name: "conflict-of-interest",
    severity: Severity::Error,
    summary: "a judge scored an application they have a conflict of interest with",
    explanation: "\
A judge may not score an application when:

- the application's id is in the judge's `conflicts` in judges.toml;
- `[conflicts] same_country = true` and the judge's `country` is the applicant's country;
- `[conflicts] same_organization = true` (the default) and the judge's organization or name
  equals the applicant's name or organization (case and surrounding space ignored).

Such scores are never counted. A row that leaves every score blank is not a score, so a
sheet template may still list the application.

### Example

    # judges.toml
    [[judges]]
    id = \"j-kim\"
    conflicts = [\"SSCP-2026-0042\"]

    # scores/first/j-kim.csv
    SSCP-2026-0042,8,7,6,9,7,8,

### How to fix

Delete the row (or clear its scores), and have another judge score the application.
",
};

/// `judge-not-in-round`: a sheet from a judge who does not serve in its round.
pub static JUDGE_NOT_IN_ROUND: Code = Code {
    name: "judge-not-in-round",
    severity: Severity::Error,
    summary: "a score sheet from a judge whose `rounds` exclude that round",
    explanation: "\
A judge with `rounds = [...]` in judges.toml serves only in those rounds; a sheet of theirs
under another round's folder is not counted.

### Example

    # judges.toml
    [[judges]]
    id = \"j-kim\"
    rounds = [\"first\"]

    scores/final/j-kim.csv

### How to fix

Move the sheet to the round it belongs to, or add the round to the judge's `rounds`.
",
};

/// The applications of the archive by id, for checking the rows of sheets.
pub struct Applications<'a> {
    /// Id → archive index.
    by_id: FxHashMap<&'a str, usize>,
    /// The applicants, for finding conflicts of interest.
    applicants: conflicts::Applicants,
    /// Lower-cased id → id, for suggesting the right case: built the first time a row names an
    /// unknown id, as most archives have none.
    by_lower: OnceLock<FxHashMap<String, &'a str>>,
    /// The applications, for building `by_lower`.
    apps: &'a [Application],
    /// Whether every application file could be read: when one could not, its id is not known
    /// for sure, and a row naming no application is not reported.
    all_known: bool,
}

/// Above this many applications, an unknown id is not compared with every id for a suggestion.
const MAX_SUGGESTION_CANDIDATES: usize = 5000;

impl<'a> Applications<'a> {
    /// Indexes `apps` (the first of two with one id wins).
    pub fn new(apps: &'a [Application]) -> Applications<'a> {
        let mut by_id = FxHashMap::with_capacity_and_hasher(apps.len(), Default::default());
        for (i, app) in apps.iter().enumerate() {
            by_id.entry(app.id.as_str()).or_insert(i);
        }
        Applications {
            by_id,
            applicants: conflicts::Applicants::new(apps),
            by_lower: OnceLock::new(),
            apps,
            all_known: apps.iter().all(|a| a.readable),
        }
    }

    /// Whether an application has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    fn suggestion(&self, id: &str) -> String {
        let by_lower = self.by_lower.get_or_init(|| {
            let mut by_lower = FxHashMap::with_capacity_and_hasher(self.apps.len(), Default::default());
            for app in self.apps {
                by_lower.entry(app.id.to_lowercase()).or_insert(app.id.as_str());
            }
            by_lower
        });
        let close = by_lower.get(&id.to_lowercase()).copied().or_else(|| {
            (self.by_id.len() <= MAX_SUGGESTION_CANDIDATES)
                .then(|| {
                    let mut ids: Vec<&str> = self.by_id.keys().copied().collect();
                    ids.sort_unstable();
                    fields::suggest(id, ids)
                })
                .flatten()
        });
        match close {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`prize list` shows every application id".to_string(),
        }
    }
}

/// Codes a sheet gets for not matching prize.toml's criteria: when prize.toml has errors, its
/// criteria may be incomplete (a criterion with `max <= min` is left out), and every stored
/// sheet would then repeat the one problem as its own.
const AGAINST_CRITERIA: &[&Code] = &[&read::UNKNOWN_COLUMN, &read::MISSING_COLUMN];

/// Checks every sheet of the archive.
pub fn all(archive: &mut Archive) {
    let config_broken = archive
        .findings
        .iter()
        .any(|f| f.file == CONFIG_FILE && f.severity == Severity::Error);
    if config_broken {
        for sheet in &mut archive.sheets {
            sheet
                .findings
                .retain(|f| !AGAINST_CRITERIA.iter().any(|c| c.name == f.code));
        }
    }
    let (Some(config), Some(roster)) = (&archive.config, &archive.roster) else {
        return;
    };
    let apps = Applications::new(&archive.applications);
    // Half a million rows in a large edition: one sheet per thread.
    archive.sheets.par_iter_mut().for_each(|sheet| {
        let found = check(sheet, config, roster, &apps);
        sheet.findings.extend(found);
    });
}

/// The findings about one sheet's rows and judge: `unknown-application`, `conflict-of-interest`
/// (scored rows only) and `judge-not-in-round`.
pub fn check(sheet: &ScoreSheet, config: &Config, roster: &Roster, apps: &Applications<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let judge = roster.judges.iter().find(|j| j.id == sheet.judge);
    if let Some(judge) = judge
        && let Some(rounds) = judge
            .rounds
            .as_ref()
            .filter(|r| !r.iter().any(|r| r.value == sheet.round))
    {
        let serves: Vec<&str> = rounds.iter().map(|r| r.value.as_str()).collect();
        let help = if serves.is_empty() {
            format!("judges.toml gives `{}` no rounds", judge.id)
        } else {
            format!(
                "judges.toml has `{}` serve in: {}; add `{}` there, or move the sheet",
                judge.id,
                serves.join(", "),
                sheet.round
            )
        };
        out.push(
            JUDGE_NOT_IN_ROUND
                .in_file(
                    sheet.file.clone(),
                    format!("`{}` does not serve in round `{}`", judge.id, sheet.round),
                )
                .with_help(help),
        );
    }
    let conflicts = judge.map(|j| conflicts::JudgeConflicts::new(j, &config.conflicts, &apps.applicants));
    let mut rows: Vec<&SheetRow> = sheet.rows.iter().chain(&sheet.rejected).collect();
    rows.sort_by_key(|r| r.line);
    for row in rows {
        let finding = match apps.by_id.get(row.application.as_str()).copied() {
            None if apps.all_known => Finding::at(
                UNKNOWN_APPLICATION.severity,
                UNKNOWN_APPLICATION.name,
                sheet.file.clone(),
                &sheet.position(row),
                format!("no application has the id `{}`", row.application),
            )
            .with_help(apps.suggestion(&row.application)),
            None => continue,
            Some(index) => {
                let reason = conflicts
                    .as_ref()
                    .filter(|_| row.scores.is_some())
                    .and_then(|c| c.with(&config.conflicts, index, &apps.apps[index]));
                let Some(reason) = reason else { continue };
                Finding::at(
                    CONFLICT_OF_INTEREST.severity,
                    CONFLICT_OF_INTEREST.name,
                    sheet.file.clone(),
                    &sheet.position(row),
                    format!("conflicted score: {reason}"),
                )
                .with_help("delete the row or clear its scores; another judge must score this application")
            }
        };
        out.push(finding.for_application(row.application.clone()));
    }
    out
}
