//! Checks: every rule of the spec's section 3, as plain functions returning findings.

pub mod eligibility;
pub mod ids;
pub mod references;
pub mod sheets;
pub mod waivers;

use crate::application::{self, Application};
use crate::archive::Archive;
use crate::config::Config;
use crate::fields::{self, Reader};
use crate::finding::Severity;
use crate::rules;
use crate::source::SourceFile;

pub use eligibility::Status;

/// Reads one application file and makes every check that needs only it and the configuration.
pub fn application(config: Option<&Config>, file: &SourceFile) -> Application {
    let doc = match fields::parse(file) {
        Ok(doc) => doc,
        Err(findings) => return Application::unreadable(&file.path, findings),
    };
    let mut reader = Reader::new(file, Severity::Warning);
    let root = reader.root(&doc);
    let mut app = application::read(file, &mut reader, &root);
    let mut findings = reader.findings;
    if let Some(config) = config {
        findings.extend(references::application(config, file, &app));
        findings.extend(eligibility::application(config, file, &app));
        findings.extend(rules::apply(&config.rules, file, &root, &app.id));
    }
    application::tag(&mut findings, &app.id);
    app.findings = findings;
    app
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
    for app in &mut archive.applications {
        waivers::apply(app);
        app.status = Status::of(&app.findings);
    }
    if let Some(config) = &archive.config {
        let found = references::picks(config, &archive.config_file, &archive.applications);
        archive.findings.extend(found);
    }
}
