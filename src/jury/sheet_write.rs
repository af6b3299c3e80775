//! The canonical form a sheet is stored in, and what changes between two versions of a sheet.

use std::collections::HashMap;
use std::io;

use crate::diagnostics::escape::{csv_io, formula_safe};
use crate::model::config::Criterion;
use crate::model::sheet::SheetRow;

/// The canonical bytes of a sheet: UTF-8 without BOM, comma-separated, `\n` line ends, header
/// `application,<criterion ids in prize.toml order>,comment`, rows in the given order, scores
/// in Rust's shortest round-trip form (`7.5`, `8`), blank cells for unscored rows, comments
/// kept (with a `'` before a leading `=`, `+`, `-` or `@`, which the reader takes off again).
pub fn canonical(criteria: &[Criterion], rows: &[SheetRow]) -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut record: Vec<String> = Vec::with_capacity(criteria.len() + 2);
    record.push("application".to_string());
    record.extend(criteria.iter().map(|c| c.id.clone()));
    record.push("comment".to_string());
    w.write_record(&record).map_err(csv_io)?;
    for row in rows {
        record.clear();
        record.push(row.application.clone());
        match &row.scores {
            Some(scores) => record.extend(scores.iter().map(|x| format!("{x}"))),
            None => record.extend(criteria.iter().map(|_| String::new())),
        }
        record.push(formula_safe(&row.comment));
        w.write_record(&record).map_err(csv_io)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// How a new version of a sheet differs from the stored one, row by row (by application id).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Applications only in the new sheet.
    pub added: usize,
    /// Applications in both with other scores or another comment.
    pub changed: usize,
    /// Applications only in the stored sheet.
    pub removed: usize,
}

/// Compares the rows of the stored sheet with those of the new one.
pub fn compare<'a>(stored: impl IntoIterator<Item = &'a SheetRow>, new: &[SheetRow]) -> Changes {
    let mut old: HashMap<&str, &SheetRow> = HashMap::new();
    for row in stored {
        old.entry(row.application.as_str()).or_insert(row);
    }
    let mut changes = Changes::default();
    let mut kept = 0;
    for row in new {
        match old.get(row.application.as_str()) {
            None => changes.added += 1,
            Some(before) => {
                kept += 1;
                if before.scores != row.scores || before.comment != row.comment {
                    changes.changed += 1;
                }
            }
        }
    }
    changes.removed = old.len() - kept;
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, scores: Option<Vec<f64>>, comment: &str) -> SheetRow {
        SheetRow {
            line: 0,
            application: id.to_string(),
            column: 1,
            span: 0..0,
            scores,
            comment: comment.to_string(),
        }
    }

    fn criteria() -> Vec<Criterion> {
        ["impact", "design"]
            .iter()
            .map(|id| Criterion {
                id: id.to_string(),
                name: id.to_string(),
                weight: 1.0,
                min: 0.0,
                max: 10.0,
            })
            .collect()
    }

    #[test]
    fn canonical_form() {
        let rows = vec![
            row("APP-1", Some(vec![8.0, 7.5]), "Clear, \"strong\" uptake"),
            row("APP-2", None, ""),
            row("APP-3", Some(vec![0.1 + 0.2, 10.0]), "-not a formula\nsecond line"),
        ];
        let bytes = canonical(&criteria(), &rows).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "application,impact,design,comment\n\
             APP-1,8,7.5,\"Clear, \"\"strong\"\" uptake\"\n\
             APP-2,,,\n\
             APP-3,0.30000000000000004,10,\"'-not a formula\nsecond line\"\n"
        );
    }

    #[test]
    fn changes_by_application() {
        let stored = vec![
            row("A", Some(vec![1.0]), ""),
            row("B", Some(vec![2.0]), ""),
            row("C", Some(vec![3.0]), ""),
        ];
        let new = vec![
            row("B", Some(vec![2.0]), "now with a comment"),
            row("A", Some(vec![1.0]), ""),
            row("D", None, ""),
            row("E", Some(vec![5.0]), ""),
        ];
        assert_eq!(
            compare(&stored, &new),
            Changes {
                added: 2,
                changed: 1,
                removed: 1
            }
        );
        assert_eq!(compare(&stored, &stored), Changes::default());
    }
}
