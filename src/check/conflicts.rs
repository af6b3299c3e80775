//! Conflicts of interest (spec 1.1 `[conflicts]`, 1.2 `conflicts`): who may not score whom.

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::load::application::Application;
use crate::model::config::Conflicts;
use crate::model::names::trim;
use crate::model::roster::Judge;

/// Why `judge` may not score `app`, if they may not: a declared conflict, the same country
/// (with `[conflicts] same_country`), or the same organization (with `same_organization`: the
/// judge's name or organization equals the applicant's name or organization, all four pairs,
/// compared by [`same_name`]).
pub fn conflict(rules: &Conflicts, judge: &Judge, app: &Application) -> Option<String> {
    conflict_given(rules, judge, |id| judge.conflicts.iter().any(|c| c.value == id), app)
}

/// The applicants, indexed once for finding conflicts: the applications (by archive index)
/// under the key of their applicant's name and organization as [`same_name`] compares them,
/// so that a judge's possible conflicts through a name are looked up, not looked for in every
/// row of their sheet.
pub struct Applicants {
    /// (key, archive index) for every applicant's name and organization, sorted.
    by_name: Vec<(u64, usize)>,
}

impl Applicants {
    /// Indexes `apps` (on every core: it is a pass over every application).
    pub fn new(apps: &[Application]) -> Applicants {
        let mut by_name: Vec<(u64, usize)> = apps
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, app)| {
                let names = [app.applicant.name.as_deref(), app.applicant.organization.as_deref()];
                names
                    .into_iter()
                    .flatten()
                    .filter_map(name_hash)
                    .map(move |key| (key, i))
            })
            .collect();
        by_name.par_sort_unstable();
        by_name.dedup();
        Applicants { by_name }
    }

    /// The applications with a name or organization under `key`.
    fn named(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_name.partition_point(|&(k, _)| k < key);
        self.by_name[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, i)| i)
    }
}

/// One judge's conflicts, made ready once for the many rows of their sheet: the declared ones
/// looked up by hash, and the applications a name may tie them to found in [`Applicants`].
/// A row is then compared with the judge only when it may be a conflict.
pub struct JudgeConflicts<'a> {
    judge: &'a Judge,
    declared: FxHashSet<&'a str>,
    /// Archive indices of the applications whose applicant's name or organization has the
    /// key of the judge's name or organization (checked exactly when a row names one).
    named: FxHashSet<usize>,
    /// The judge's country, when `same_country` makes it a conflict.
    country: Option<&'a str>,
}

impl<'a> JudgeConflicts<'a> {
    /// `judge`'s conflicts under `rules`.
    pub fn new(judge: &'a Judge, rules: &Conflicts, applicants: &Applicants) -> JudgeConflicts<'a> {
        let mut named = FxHashSet::default();
        if rules.same_organization {
            for name in [Some(judge.name.as_str()), judge.organization.as_deref()]
                .into_iter()
                .flatten()
            {
                if let Some(key) = name_hash(name) {
                    named.extend(applicants.named(key));
                }
            }
        }
        JudgeConflicts {
            judge,
            declared: judge.conflicts.iter().map(|c| c.value.as_str()).collect(),
            named,
            country: judge.country.as_deref().filter(|_| rules.same_country),
        }
    }

    /// [`conflict`] of this judge with `app`, the application of archive index `index`.
    pub fn with(&self, rules: &Conflicts, index: usize, app: &Application) -> Option<String> {
        let possible = self.named.contains(&index)
            || (!self.declared.is_empty() && self.declared.contains(app.id.as_str()))
            || self
                .country
                .is_some_and(|c| app.applicant.country.as_deref() == Some(c));
        if !possible {
            return None;
        }
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

/// A hash of [`name_key`]`(s)`, made without building the key (`None` for a blank name, which
/// is no one's): two names [`same_name`] finds the same have the same hash.
fn name_hash(s: &str) -> Option<u64> {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Over ASCII, folding is lower-casing: the same characters hashed, without decoding.
    if s.is_ascii() {
        s.bytes()
            .for_each(|b| hasher.write_u32(u32::from(b.to_ascii_lowercase())));
    } else {
        folded(s).for_each(|c| hasher.write_u32(u32::from(c)));
    }
    Some(hasher.finish())
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

    fn judge(name: &str, organization: Option<&str>, country: Option<&str>, declared: &[&str]) -> Judge {
        Judge {
            id: format!("j-{name}"),
            name: name.to_string(),
            country: country.map(str::to_string),
            organization: organization.map(str::to_string),
            conflicts: declared
                .iter()
                .map(|id| crate::model::spanned::Sp {
                    value: id.to_string(),
                    span: 0..0,
                })
                .collect(),
            rounds: None,
        }
    }

    fn application(id: &str, name: Option<&str>, organization: Option<&str>, country: Option<&str>) -> Application {
        let mut app = Application {
            id: id.to_string(),
            ..Application::default()
        };
        app.applicant.name = name.map(str::to_string);
        app.applicant.organization = organization.map(str::to_string);
        app.applicant.country = country.map(str::to_string);
        app
    }

    proptest::proptest! {
        /// The index finds exactly the conflicts `conflict` decides pair by pair, whatever the
        /// case, the space around and the folds of the names, and whichever rules apply.
        #[test]
        fn the_index_finds_every_conflict_and_only_those(
            people in proptest::collection::vec(
                (
                    proptest::option::of("( |\u{a0})?(Ab|aB|ß|SS|ss|Σ|σ|ς|é|E\u{301}|x|K|\u{212a})( |\u{a0})?"),
                    proptest::option::of("(Ab|AB|Straße|STRASSE|ΟΔΟΣ|οδος|  )"),
                    proptest::option::of("(KR|FR)"),
                ),
                1..12,
            ),
            judges in proptest::collection::vec(
                (
                    "(Ab|aB|ß|SS|Σ|ς|x| )",
                    proptest::option::of("(Ab|Straße|STRASSE|ΟΔΟΣ|οδοσ| )"),
                    proptest::option::of("(KR|FR)"),
                    proptest::collection::vec(0usize..12, 0..3),
                ),
                1..6,
            ),
            same_country in proptest::bool::ANY,
            same_organization in proptest::bool::ANY,
        ) {
            let apps: Vec<Application> = people
                .iter()
                .enumerate()
                .map(|(i, (name, organization, country))| {
                    application(&format!("A{i}"), name.as_deref(), organization.as_deref(), country.as_deref())
                })
                .collect();
            let rules = Conflicts { same_country, same_organization };
            let applicants = Applicants::new(&apps);
            for (name, organization, country, declared) in &judges {
                let declared: Vec<String> = declared.iter().map(|i| format!("A{i}")).collect();
                let declared: Vec<&str> = declared.iter().map(String::as_str).collect();
                let judge = judge(name, organization.as_deref(), country.as_deref(), &declared);
                let indexed = JudgeConflicts::new(&judge, &rules, &applicants);
                for (i, app) in apps.iter().enumerate() {
                    proptest::prop_assert_eq!(indexed.with(&rules, i, app), conflict(&rules, &judge, app));
                }
            }
        }
    }
}
