//! `prize` runs an award programme from a folder of plain files: applications as TOML, the
//! jury's score sheets as CSV, the rules in one `prize.toml`.
//!
//! The layers, from the ground up; each imports only those below it:
//!
//! - [`diagnostics`]: findings, their codes, source excerpts, escaping.
//! - [`model`]: plain data: configuration, rules, roster, score sheets, an application's status.
//! - [`load`]: reading the archive's files into the model, with spans and the reading findings.
//! - [`check`]: every rule of the spec's section 3, as functions returning findings.
//! - [`score`]: totals and one file per method; [`ranking`]: rounds, order, ties, advancing.
//! - [`award`]: winners; [`trust`]: judges' leniency, agreement, methods compared, stability;
//!   [`report`]: the result values commands print, and [`report::open`],
//!   which reads, checks and judges the archive once for every command.
//! - [`jury`]: assigning judges, sheet templates, importing sheets (the writers).
//! - [`intake`]: applications from a form export, and feedback letters (writers).
//! - [`render`]: one renderer per output format behind one trait, over those values.
//! - [`cmd`]: the command line, one thin file per command; `main.rs` is a shell around it.

pub mod award;
pub mod check;
pub mod cmd;
pub mod diagnostics;
pub mod intake;
pub mod jury;
pub mod load;
pub mod model;
pub mod ranking;
pub mod render;
pub mod report;
pub mod score;
pub mod trust;
