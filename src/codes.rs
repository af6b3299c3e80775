//! The registry of finding codes. Each code is defined, with its explanation, in the module
//! that produces it; this list only gathers them for `prize explain-code`.

use std::borrow::Cow;
use std::ops::Range;

use crate::finding::{Finding, Severity};
use crate::source::SourceFile;

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

/// Every built-in code, in alphabetical order.
pub fn all() -> Vec<&'static Code> {
    use crate::archive::files;
    use crate::check::{eligibility, ids, references, waivers};
    use crate::{config, fields};
    let mut codes = vec![
        &files::NOT_UTF8,
        &files::FILE_TOO_LARGE,
        &files::SYMLINK_SKIPPED,
        &files::NOT_A_REGULAR_FILE,
        &fields::TOML_SYNTAX,
        &fields::MISSING_FIELD,
        &fields::INVALID_VALUE,
        &fields::UNKNOWN_FIELD,
        &config::CONFIG_INVALID,
        &references::UNKNOWN_TRACK,
        &references::UNKNOWN_SECTOR,
        &references::UNKNOWN_APPLICANT_TYPE,
        &references::UNKNOWN_ROUND,
        &references::UNKNOWN_APPLICATION,
        &references::PICK_NOT_ELIGIBLE,
        &ids::DUPLICATE_ID,
        &waivers::UNKNOWN_WAIVER,
    ];
    codes.extend(crate::sheet::CODES);
    codes.extend([
        &crate::judging::NOT_COMPETING,
        &crate::judging::DISCONNECTED_JUDGING,
        &crate::assignment::NOT_ASSIGNED,
    ]);
    codes.extend(eligibility::CODES);
    codes.sort_by_key(|c| c.name);
    codes
}

/// Looks a code up by name.
pub fn find(name: &str) -> Option<&'static Code> {
    all().into_iter().find(|c| c.name == name)
}

/// Codes the spec defines for score sheets, scoring and the jury's workflow: reserved now, so
/// that no custom rule takes one of their names.
pub const RESERVED: &[&str] = &["insufficient-scores"];

/// Whether `name` is a built-in code (custom rules may not take such an id).
pub fn is_builtin(name: &str) -> bool {
    RESERVED.contains(&name) || find(name).is_some()
}
