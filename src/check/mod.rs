//! Checks: every rule of the spec's section 3, as plain functions returning findings.

pub mod assignments;
pub mod conflicts;
pub mod eligibility;
pub mod ids;
pub mod references;
pub mod rules;
pub mod sheets;
pub mod waivers;

use crate::diagnostics::finding::Finding;
use crate::diagnostics::source::SourceFile;
use crate::load::Archive;
use crate::load::application::Application;
use crate::load::fields::Table;
use crate::model::Status;
use crate::model::config::Config;

/// Every check that needs only one application, its file and the configuration. Loading runs
/// it in the same parallel pass that reads the application (see [`crate::load::load`]).
pub fn application(config: &Config, file: &SourceFile, app: &Application, root: &Table<'_, '_>) -> Vec<Finding> {
    let mut findings = references::application(config, file, app);
    findings.extend(eligibility::application(config, file, app));
    findings.extend(rules::apply(&config.rules, file, root, &app.id));
    findings
}

/// The checks that look across files, then each application's status.
pub fn archive(archive: &mut Archive) {
    ids::duplicate_applications(&mut archive.applications);
    if let Some(config) = &archive.config {
        if config.eligibility.one_per_applicant {
            eligibility::duplicate_applicants(&mut archive.applications);
        }
        let found = references::cross_files(
            config,
            &archive.config_file,
            archive.roster.as_ref(),
            &archive.applications,
        );
        archive.findings.extend(found);
    }
    sheets::all(archive);
    let unassigned = assignments::unassigned(&archive.assignments, &archive.sheets);
    archive.findings.extend(unassigned);
    for app in &mut archive.applications {
        waivers::apply(app);
        app.status = Status::of(&app.findings);
    }
    if let Some(config) = &archive.config {
        let found = references::picks(config, &archive.config_file, &archive.applications);
        archive.findings.extend(found);
    }
}
