//! The registry of finding codes. Each code is defined, with its explanation, in the module
//! that produces it; this list only gathers them for `prize explain-code`.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;

/// A finding code: its name, its severity and its long explanation.
#[derive(Debug)]
pub struct Code {
    /// The stable kebab-case name.
    pub name: &'static str,
    /// The severity findings of this code have.
    pub severity: Severity,
    /// One line saying what the code means.
    pub summary: &'static str,
    /// The long explanation, with an example, as `rustc --explain` prints.
    pub explanation: &'static str,
}

impl Code {
    /// A finding of this code pointing at `span` in `file`.
    pub fn at(&'static self, file: &SourceFile, span: Range<usize>, message: impl Into<String>) -> Finding {
        file.finding(self.severity, Cow::Borrowed(self.name), span, message)
    }

    /// A finding of this code at the start of `file` (a path relative to the archive root).
    pub fn in_file(&'static self, file: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding::at_file(self.severity, self.name, file, message)
    }
}

/// Every code defined in the crate, gathered from the modules that define them by the build
/// script (`build.rs`), so that a new code is explained as soon as it is defined.
static DEFINED: &[&Code] = include!(concat!(env!("OUT_DIR"), "/codes.rs"));

/// Every built-in code, in alphabetical order.
pub fn all() -> Vec<&'static Code> {
    let mut codes: Vec<&'static Code> = DEFINED.to_vec();
    codes.sort_by_key(|c| c.name);
    codes.dedup_by_key(|c| c.name);
    codes
}

/// `insufficient-scores`: the reason an application is left out of a ranking. Not a finding
/// (the archive is not wrong), but `rank`, `explain` and the JSON outputs carry it as a code.
pub static INSUFFICIENT_SCORES: Code = Code {
    name: "insufficient-scores",
    severity: Severity::Warning,
    summary: "not ranked: fewer judges' totals than `scoring.min_judges`",
    explanation: "\
An application competes in a round but is not ranked when fewer judges than `min_judges` (in
`[scoring]` of prize.toml, default 1) gave it a total that counts. Totals that do not count: a
row left blank, a score from a judge with a conflict of interest, a sheet of a judge who does
not serve in the round. `prize rank` lists such applications as not ranked, `--format json`
under `unranked` with this reason, and `prize progress` names those still short of judges.

### Example

    # prize.toml: min_judges = 3
    SSCP-2026-0042 has totals from j-kim and j-lee only: not ranked (insufficient-scores)

### How to fix

Have more judges score it (`prize progress` lists what is missing; `prize assign` gives every
application enough judges), or lower `min_judges` if the rules allow.
",
};

/// Looks a code up by name.
pub fn find(name: &str) -> Option<&'static Code> {
    all().into_iter().find(|c| c.name == name)
}

/// Whether `name` is a built-in code (custom rules may not take such an id).
pub fn is_builtin(name: &str) -> bool {
    find(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_defined_once_and_reads_as_its_family() {
        let mut names: Vec<&str> = DEFINED.iter().map(|c| c.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a code defined twice: {names:?}");
        // Codes from each way of defining one: a plain static, each macro, another module.
        for name in [
            "not-utf8",
            "unknown-track",
            "late-submission",
            "csv-syntax",
            "not-competing",
            "not-assigned",
            "insufficient-scores",
        ] {
            assert!(find(name).is_some(), "`{name}` is missing from {names:?}");
        }
        assert!(names.iter().all(|n| is_builtin(n)));
        assert!(!is_builtin("city-named"));
    }
}
