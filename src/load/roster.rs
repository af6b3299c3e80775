//! `judges.toml`: the jury roster.

use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::application::{check_country, is_application_id};
use crate::load::fields::{self, INVALID_VALUE, Reader};
use crate::load::ids::DUPLICATE_ID;
use crate::model::roster::{Judge, Roster};

/// Reads `judges.toml`; problems become findings.
pub fn parse(file: SourceFile) -> (Roster, Vec<Finding>) {
    let (judges, findings) = match fields::parse(&file) {
        Ok(doc) => {
            let mut r = Reader::new(&file, Severity::Error);
            let root = r.root(&doc);
            r.unknown_keys(&root, &["judges"]);
            let judges = judges(&mut r, &root);
            (judges, r.findings)
        }
        Err(findings) => (Vec::new(), findings),
    };
    (Roster { file, judges }, findings)
}

fn judges(r: &mut Reader<'_>, root: &fields::Table<'_, '_>) -> Vec<Judge> {
    let mut out: Vec<Judge> = Vec::new();
    for t in r.tables(root, "judges") {
        r.unknown_keys(&t, &["id", "name", "country", "organization", "conflicts", "rounds"]);
        let id = r.id(&t, "id", true);
        let name = r.text(&t, "name", true);
        let country = r
            .string(&t, "country", false)
            .and_then(|c| check_country(r, "country", c));
        let organization = r.string(&t, "organization", false).map(|o| o.value);
        let conflicts = r.strings(&t, "conflicts", false).map(|l| l.value).unwrap_or_default();
        for c in &conflicts {
            if !is_application_id(&c.value) {
                r.report(
                    &INVALID_VALUE,
                    c.span.clone(),
                    format!("{:?} is not an application id", c.value),
                );
            }
        }
        let rounds = r.ids(&t, "rounds", false).map(|l| l.value);
        let Some(id) = id else { continue };
        if out.iter().any(|j| j.id == id.value) {
            r.report_help(
                &DUPLICATE_ID,
                id.span,
                format!("judge `{}` is listed twice", id.value),
                "each judge needs an id of their own",
            );
            continue;
        }
        out.push(Judge {
            id: id.value,
            name: name.map(|n| n.value).unwrap_or_default(),
            country,
            organization,
            conflicts,
            rounds,
        });
    }
    out
}
