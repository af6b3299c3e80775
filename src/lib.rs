//! `prize` runs an award programme from a folder of plain files: applications as TOML, the
//! jury's score sheets as CSV, the rules in one `prize.toml`.
//!
//! Data flows one way: [`archive`] loads (with spans), [`check`] makes findings, and
//! [`render`] prints them. The binary in `main.rs` is a thin shell around this library.

pub mod application;
pub mod archive;
pub mod assign;
pub mod assignment;
pub mod award;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod codes;
pub mod config;
pub mod country;
pub mod fields;
pub mod finding;
pub mod judging;
pub mod rank;
pub mod render;
pub mod roster;
pub mod rules;
pub mod score;
pub mod sheet;
pub mod source;
pub mod stats;
pub mod validation;
