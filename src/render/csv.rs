//! CSV, safe to open in a spreadsheet (see [`super::table::formula_safe`]).

use super::Renderer;

/// CSV output.
pub struct Csv;

impl Renderer for Csv {}
