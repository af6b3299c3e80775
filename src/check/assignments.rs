//! The assignments against the sheets: a score from a judge the round's assignment did not give
//! the application.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::load::assignment::Assignment;

/// `not-assigned`: a score from a judge for an application not assigned to them.
pub static NOT_ASSIGNED: Code = Code {
    name: "not-assigned",
    severity: Severity::Warning,
    summary: "a judge scored an application that was not assigned to them",
    explanation: "\
When `assignments/<round>.csv` exists, every scored row of a judge's sheet should be for an
application assigned to that judge in that round. A score outside the assignment still counts
(nothing in the spec forbids it), but it usually means a sheet was filed under the wrong judge
or round, or the judge took on a colleague's application.

### Example

    assignments/first.csv:      SSCP-2026-0042,j-kim
    scores/first/j-lee.csv:     SSCP-2026-0042,8,7,6,9,7,8,

### How to fix

Check the sheet's judge and round; if the change was agreed, update the assignment
(`prize assign --replace`) or leave the warning as a record.
",
};

/// `not-assigned` warnings: scored rows of sheets whose round has an assignment that does not
/// pair the row's application with the sheet's judge.
pub fn unassigned(assignments: &[Assignment], sheets: &[crate::model::sheet::ScoreSheet]) -> Vec<Finding> {
    let mut out = Vec::new();
    for assignment in assignments {
        // A fast hash (FxHash) of the pairs, built at its full size at once; the sheets are
        // looked at in parallel, their findings kept in path order.
        // Each judge's applications, grouped once; each sheet's set is then made and tested by
        // its own thread.
        let mut by_judge: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for (application, judge) in &assignment.pairs {
            by_judge.entry(judge).or_default().push(application);
        }
        let round: Vec<&crate::model::sheet::ScoreSheet> =
            sheets.iter().filter(|s| s.round == assignment.round).collect();
        let found: Vec<Vec<Finding>> = round
            .par_iter()
            .map(|sheet| {
                let assigned: FxHashSet<&str> = by_judge
                    .get(sheet.judge.as_str())
                    .map(|applications| applications.iter().copied().collect())
                    .unwrap_or_default();
                unassigned_in(assignment, sheet, &assigned)
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
    out
}

/// The `not-assigned` warnings of one sheet of the round of `assignment`, whose pairs are `set`.
fn unassigned_in(
    assignment: &Assignment,
    sheet: &crate::model::sheet::ScoreSheet,
    assigned: &FxHashSet<&str>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in sheet.rows.iter().filter(|r| r.scores.is_some()) {
        if assigned.contains(row.application.as_str()) {
            continue;
        }
        out.push(
            Finding::at(
                NOT_ASSIGNED.severity,
                NOT_ASSIGNED.name,
                sheet.file.clone(),
                &sheet.position(row),
                format!(
                    "{} was not assigned to {} in round `{}`",
                    row.application, sheet.judge, assignment.round
                ),
            )
            .with_help(format!("{} lists who scores what in this round", assignment.file)),
        );
    }
    out
}
