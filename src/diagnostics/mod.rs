//! Findings, their codes and the source excerpts they point into.

pub mod codes;
pub mod escape;
pub mod finding;
pub mod source;
