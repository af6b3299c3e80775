//! The jury roster (`judges.toml`) as read.

use crate::diagnostics::source::SourceFile;
use crate::model::spanned::Sp;

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
