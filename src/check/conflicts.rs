//! Conflicts of interest (spec 1.1 `[conflicts]`, 1.2 `conflicts`): who may not score whom.

use rustc_hash::FxHashSet;

use crate::load::application::Application;
use crate::model::config::Conflicts;
use crate::model::roster::Judge;

/// Why `judge` may not score `app`, if they may not: a declared conflict, the same country
/// (with `[conflicts] same_country`), or the same organization (with `same_organization`: the
/// judge's name or organization equals the applicant's name or organization, all four pairs,
/// compared by [`same_name`]).
pub fn conflict(rules: &Conflicts, judge: &Judge, app: &Application) -> Option<String> {
    conflict_given(rules, judge, |id| judge.conflicts.iter().any(|c| c.value == id), app)
}

/// One judge's conflicts, made ready once for the many rows of their sheet: the declared ones
/// looked up by hash instead of compared one by one with every application.
pub struct JudgeConflicts<'a> {
    judge: &'a Judge,
    declared: FxHashSet<&'a str>,
}

impl<'a> JudgeConflicts<'a> {
    /// `judge`'s conflicts.
    pub fn new(judge: &'a Judge) -> JudgeConflicts<'a> {
        JudgeConflicts {
            judge,
            declared: judge.conflicts.iter().map(|c| c.value.as_str()).collect(),
        }
    }

    /// [`conflict`] of this judge with `app`.
    pub fn with(&self, rules: &Conflicts, app: &Application) -> Option<String> {
        conflict_given(rules, self.judge, |id| self.declared.contains(id), app)
    }
}

/// [`conflict`], with `declared` telling whether the judge declared a conflict with an id.
fn conflict_given(
    rules: &Conflicts,
    judge: &Judge,
    declared: impl Fn(&str) -> bool,
    app: &Application,
) -> Option<String> {
    if declared(&app.id) {
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
