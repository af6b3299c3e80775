//! `judges.toml`: the jury roster.

use crate::application::{check_country, is_application_id};
use crate::check::ids::DUPLICATE_ID;
use crate::fields::{self, INVALID_VALUE, Reader, Sp};
use crate::finding::{Finding, Severity};
use crate::source::SourceFile;

/// One judge.
#[derive(Clone, Debug)]
pub struct Judge {
    /// Judge id, also the score sheet's file name.
    pub id: String,
    /// Full name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Organization.
    pub organization: Option<String>,
    /// Declared conflicts of interest (application ids).
    pub conflicts: Vec<Sp<String>>,
    /// Rounds served in; `None` means all.
    pub rounds: Option<Vec<Sp<String>>>,
}

/// The roster and the file it came from.
#[derive(Debug)]
pub struct Roster {
    /// `judges.toml`.
    pub file: SourceFile,
    /// Judges in file order.
    pub judges: Vec<Judge>,
}

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

/// Why `judge` may not score `app`, if they may not: a declared conflict, the same country
/// (with `[conflicts] same_country`), or the same organization (with `same_organization`: the
/// judge's name or organization equals the applicant's name or organization, all four pairs,
/// compared by [`same_name`]).
pub fn conflict(
    rules: &crate::config::Conflicts,
    judge: &Judge,
    app: &crate::application::Application,
) -> Option<String> {
    if judge.conflicts.iter().any(|c| c.value == app.id) {
        return Some(format!("{} declared a conflict of interest with {}", judge.id, app.id));
    }
    if rules.same_country
        && let (Some(j), Some(a)) = (&judge.country, &app.applicant.country)
        && j == a
    {
        return Some(format!("{} and the applicant are both from {j}", judge.id));
    }
    if rules.same_organization {
        let ours = [
            ("name", Some(judge.name.as_str())),
            ("organization", judge.organization.as_deref()),
        ];
        let theirs = [
            ("name", app.applicant.name.as_deref()),
            ("organization", app.applicant.organization.as_deref()),
        ];
        for (our_field, ours) in ours {
            let Some(ours) = ours else { continue };
            for (their_field, theirs) in theirs {
                if let Some(theirs) = theirs.filter(|t| same_name(ours, t)) {
                    return Some(format!(
                        "{}'s {our_field} is the applicant's {their_field}, {}",
                        judge.id,
                        theirs.trim()
                    ));
                }
            }
        }
    }
    None
}

/// The characters of a name as `same_organization` compares them: surrounding space ignored,
/// case folded by upper- then lower-casing each character, so that `STRASSE` meets `Straße`
/// and `Σ` meets both `σ` and `ς`, which plain lower-casing keeps apart.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.trim()
        .chars()
        .flat_map(char::to_uppercase)
        .flat_map(char::to_lowercase)
}

/// The key under which [`same_name`] finds a name equal: two names are the same exactly when
/// their keys are, so a lookup by key agrees with [`conflict`].
pub fn name_key(s: &str) -> String {
    folded(s).collect()
}

/// Whether two names are the same for `same_organization`; a blank name is no one's.
/// Nothing is allocated: this runs for every row of every sheet, and most names differ in
/// their first few characters.
pub fn same_name(x: &str, y: &str) -> bool {
    let (x, y) = (trim(x), trim(y));
    let (Some(&a), Some(&b)) = (x.as_bytes().first(), y.as_bytes().first()) else {
        // A blank name is no one's, and no name is blank.
        return false;
    };
    // Equal but for the case of ASCII letters: equal once folded too.
    if x.len() == y.len() && x.eq_ignore_ascii_case(y) {
        return true;
    }
    // An ASCII character folds to one ASCII character: two that differ start different folds.
    if a.is_ascii() && b.is_ascii() && !a.eq_ignore_ascii_case(&b) {
        return false;
    }
    if x.is_ascii() && y.is_ascii() {
        return false;
    }
    folded(x).eq(folded(y))
}

/// `s.trim()`, without its search when `s` starts and ends with a visible ASCII character.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_same_whatever_the_case_and_the_surrounding_space() {
        assert!(same_name("  Seoul Digital FOUNDATION ", "seoul digital foundation"));
        // Lower-casing alone gives "straße" and "strasse"; the fold meets both.
        assert!(same_name("MÜNCHNER STRASSE GMBH", "Münchner Straße GmbH"));
        assert!(same_name("ΟΔΟΣ", "οδοσ"));
        assert!(!same_name("Seoul", "Seoul Digital Foundation"));
        assert!(!same_name("", ""), "a blank name matches nothing");
        assert!(!same_name("   ", "   "));
        for (x, y) in [
            ("Straße", "STRASSE"),
            ("Ab", "aB"),
            ("ΟΔΟΣ", "οδος"),
            ("x", "y"),
            ("ſt", "ST"),
            ("Kelvin", "\u{212A}elvin"),
            (" a ", "A"),
            ("\u{a0}b", "B\u{a0}"),
            ("ab", "a"),
        ] {
            assert_eq!(same_name(x, y), name_key(x) == name_key(y), "{x} / {y}");
        }
    }
}
