//! `prize` runs an award programme from a folder of plain files: applications as TOML, the
//! jury's score sheets as CSV, the rules in one `prize.toml`.
//!
//! The layers, from the ground up; each imports only those below it:
//!
//! - [`diagnostics`]: findings, their codes, source excerpts.
//! - [`model`]: plain data shared above loading (an application's status, countries).
//! - [`load`]: reading the archive's files into values, with spans and the reading findings.
//! - [`check`]: every rule of the spec's section 3, as functions returning findings.
//! - [`score`]: totals and one file per method; [`ranking`]: rounds, order, ties, advancing.
//! - [`award`]: winners; [`report`]: the result values commands print.
//! - [`render`]: those values as human text, JSON, CSV, Markdown, GitHub annotations.
//! - [`jury`]: assigning judges, sheet templates, importing sheets (the writers).
//! - [`cmd`]: the command line, one thin file per command; `main.rs` is a shell around it.

pub mod award;
pub mod check;
pub mod cmd;
pub mod diagnostics;
pub mod jury;
pub mod load;
pub mod model;
pub mod ranking;
pub mod render;
pub mod report;
pub mod score;
