//! Tabular results printed as a human table, CSV or Markdown.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, presets};

use crate::diagnostics::escape::{csv_io, formula_safe};

/// A table of text and numbers, ready for any tabular format.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<Value>>,
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text (made formula-safe in CSV, its control characters escaped elsewhere).
    Text(String),
    /// A whole number (right-aligned, written as a number in CSV).
    Count(usize),
    /// A score: two decimals for people, every digit in CSV.
    Score(f64),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::Score(x)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Count(n)
    }
}

impl Table {
    /// A table with these headers and no rows.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<Value>) {
        self.rows.push(row);
    }

    /// A table drawn with box characters for people.
    pub fn human(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut t = comfy_table::Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(self.headers.iter().map(|h| Cell::new(super::escape(h))));
        for row in &self.rows {
            t.add_row(row.iter().map(|v| match v {
                Value::Text(s) => Cell::new(super::escape(s)),
                Value::Count(n) => Cell::new(n).set_alignment(CellAlignment::Right),
                Value::Score(x) => Cell::new(format!("{x:.2}")).set_alignment(CellAlignment::Right),
            }));
        }
        writeln!(out, "{t}")
    }

    /// CSV with a header row; text cells that a spreadsheet would run as formulas get a `'`.
    pub fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.headers).map_err(csv_io)?;
        for row in &self.rows {
            let record: Vec<String> = row
                .iter()
                .map(|v| match v {
                    Value::Text(s) => formula_safe(s),
                    Value::Count(n) => n.to_string(),
                    Value::Score(x) => x.to_string(),
                })
                .collect();
            w.write_record(&record).map_err(csv_io)?;
        }
        w.flush()
    }

    /// A GitHub-flavoured Markdown table.
    pub fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let cells = |row: Vec<String>| format!("| {} |", row.join(" | "));
        writeln!(
            out,
            "{}",
            cells(self.headers.iter().map(|h| markdown_escape(h)).collect())
        )?;
        let rule: Vec<String> = (0..self.headers.len())
            .map(|i| {
                let numeric = !self.rows.is_empty()
                    && self
                        .rows
                        .iter()
                        .all(|r| matches!(r.get(i), Some(Value::Count(_) | Value::Score(_))));
                if numeric { "---:".to_string() } else { "---".to_string() }
            })
            .collect();
        writeln!(out, "{}", cells(rule))?;
        for row in &self.rows {
            let texts = row
                .iter()
                .map(|v| match v {
                    Value::Text(s) => markdown_escape(s),
                    Value::Count(n) => n.to_string(),
                    Value::Score(x) => format!("{x:.2}"),
                })
                .collect();
            writeln!(out, "{}", cells(texts))?;
        }
        Ok(())
    }
}

/// Markdown's own escapes after [`super::escape`], so that a cell stays on its row.
fn markdown_escape(s: &str) -> String {
    super::escape(s).replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_defuses_formulas_but_not_numbers() {
        let mut t = Table::new(&["name", "n"]);
        t.push(vec!["=HYPERLINK(\"x\")".into(), 3.into()]);
        t.push(vec!["-1".into(), 0.into()]);
        t.push(vec!["@a,b".into(), 12.into()]);
        let mut out = Vec::new();
        t.csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name,n\n\"'=HYPERLINK(\"\"x\"\")\",3\n'-1,0\n\"'@a,b\",12\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut t = Table::new(&["a", "n"]);
        t.push(vec!["x|y".into(), 2.into()]);
        let mut out = Vec::new();
        t.markdown(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a | n |\n| --- | ---: |\n| x\\|y | 2 |\n"
        );
    }
}
