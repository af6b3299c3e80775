//! Ids used twice.

use std::collections::HashMap;

use crate::load::application::Application;

use crate::diagnostics::finding::Finding;
use crate::load::ids::DUPLICATE_ID;

/// Reports every application whose id another file also uses: each finding names the first other
/// file and counts the rest, so the output grows linearly with the number of files.
pub fn duplicate_applications(apps: &mut [Application]) {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::with_capacity(apps.len());
    for (i, app) in apps.iter().enumerate() {
        by_id.entry(app.id.as_str()).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by_id.into_values().filter(|v| v.len() > 1).collect();
    groups.sort_unstable();
    for group in groups {
        for &i in &group {
            let app = &apps[i];
            let first_other = group.iter().map(|&o| &apps[o].file).find(|f| **f != app.file);
            let Some(first_other) = first_other else { continue };
            let others = match group.len() - 2 {
                0 => first_other.clone(),
                1 => format!("{first_other} and 1 other file"),
                rest => format!("{first_other} and {rest} other files"),
            };
            let finding = Finding::at(
                DUPLICATE_ID.severity,
                DUPLICATE_ID.name,
                app.file.clone(),
                &app.id_position,
                format!("application id `{}` is also used by {others}", app.id),
            )
            .with_help("every application needs its own id; change `id` or rename the file")
            .for_application(app.id.clone());
            apps[i].findings.push(finding);
        }
    }
}
