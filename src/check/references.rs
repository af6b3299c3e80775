//! References to things that are not defined: tracks, sectors, applicant types, rounds,
//! applications.

use rayon::prelude::*;

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::application::Application;
use crate::load::fields::Sp;
use crate::load::ids::{
    UNKNOWN_APPLICANT_TYPE, UNKNOWN_APPLICATION, UNKNOWN_ROUND, UNKNOWN_SECTOR, UNKNOWN_TRACK, unknown,
};
use crate::model::Status;
use crate::model::config::Config;
use crate::model::roster::Roster;
use crate::model::status::reasons;

/// `pick-not-eligible`: an award's `picks` names an application that is not `eligible`.
pub static PICK_NOT_ELIGIBLE: Code = Code {
    name: "pick-not-eligible",
    severity: Severity::Error,
    summary: "an award's pick names an application that is not eligible",
    explanation: "\
An award's `picks` (the committee's own choice, such as a Special Mention) names an
application whose status is `ineligible` or `invalid`. Such an application cannot win, so the
award is left undecided and `prize winners` exits 1; `rank` still ranks and every other award
is still decided. `prize explain ID` shows why the application is not eligible.

### Example

    [[awards]]
    id = \"mention\"
    picks = [\"SSCP-2026-0042\"]     # rejected at screening

### How to fix

Pick an eligible application, or, if the committee means to admit this one, settle its
eligibility first (for example with `screening.waive` and a `waive_reason`).
",
};

/// Every award's picks must name an eligible application (an unknown one is reported by
/// [`cross_files`]). Needs each application's final status, so it runs after those are known.
pub fn picks(config: &Config, config_file: &SourceFile, apps: &[Application]) -> Vec<Finding> {
    let mut out = Vec::new();
    for id in config.awards.iter().flat_map(|a| a.picks.iter().flatten()) {
        let Some(app) = apps.iter().find(|a| a.id == id.value) else {
            continue;
        };
        if app.status == Status::Eligible {
            continue;
        }
        let why = reasons(&app.findings, app.status).join(", ");
        out.push(
            PICK_NOT_ELIGIBLE
                .at(
                    config_file,
                    id.span.clone(),
                    format!("pick `{}` is {} ({why})", id.value, app.status.as_str()),
                )
                .with_help(format!(
                    "only an eligible application can win; `prize explain {}` shows why it is not",
                    id.value
                )),
        );
    }
    out
}

/// An application's track, sector and applicant type must be defined in prize.toml.
pub fn application(config: &Config, file: &SourceFile, app: &Application) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(track) = app.track.as_ref().filter(|t| config.track(&t.value).is_none()) {
        let known: Vec<&str> = config.tracks.iter().map(|t| t.id.as_str()).collect();
        out.push(unknown(file, &UNKNOWN_TRACK, "track", track, &known));
    }
    if let Some(sector) = app.sector.as_ref().filter(|s| !config.sectors.contains(&s.value)) {
        let known: Vec<&str> = config.sectors.iter().map(String::as_str).collect();
        out.push(unknown(file, &UNKNOWN_SECTOR, "sector", sector, &known));
    }
    if let Some(kind) = app
        .applicant
        .kind
        .as_ref()
        .filter(|k| !config.applicant_types.contains(&k.value))
    {
        let known: Vec<&str> = config.applicant_types.iter().map(String::as_str).collect();
        out.push(unknown(file, &UNKNOWN_APPLICANT_TYPE, "applicant type", kind, &known));
    }
    out
}

/// References from prize.toml and judges.toml to applications and rounds.
pub fn cross_files(
    config: &Config,
    config_file: &SourceFile,
    roster: Option<&Roster>,
    apps: &[Application],
) -> Vec<Finding> {
    let mut ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    ids.par_sort_unstable();
    let exists = |id: &str| ids.binary_search(&id).is_ok();
    let mut out = Vec::new();
    // An application that could not be read has no known id: references to it cannot be
    // judged, and reporting them would only add false alarms to its own error.
    let all_known = apps.iter().all(|a| a.readable);
    let check = |file: &SourceFile, id: &Sp<String>, out: &mut Vec<Finding>| {
        if all_known && !exists(&id.value) {
            out.push(
                unknown(file, &UNKNOWN_APPLICATION, "application", id, &[])
                    .with_help("`prize list` shows every application id"),
            );
        }
    };
    for id in &config.scoring.jury_order {
        check(config_file, id, &mut out);
    }
    for award in &config.awards {
        for id in award.picks.iter().flatten() {
            check(config_file, id, &mut out);
        }
    }
    if let Some(roster) = roster {
        let rounds: Vec<&str> = config.rounds.iter().map(|r| r.id.as_str()).collect();
        for judge in &roster.judges {
            for id in &judge.conflicts {
                check(&roster.file, id, &mut out);
            }
            for round in judge.rounds.iter().flatten() {
                if !rounds.contains(&round.value.as_str()) {
                    out.push(unknown(&roster.file, &UNKNOWN_ROUND, "round", round, &rounds));
                }
            }
        }
    }
    out
}
