//! Ids used twice.

use rayon::prelude::*;

use crate::load::application::Application;

use crate::diagnostics::finding::Finding;
use crate::load::ids::DUPLICATE_ID;

/// Reports every application whose id another file also uses: each finding names the first other
/// file and counts the rest, so the output grows linearly with the number of files.
pub fn duplicate_applications(apps: &mut [Application]) {
    // Sorted by id, the files of one id are neighbours: no map, no list per id.
    let mut order: Vec<usize> = (0..apps.len()).collect();
    order.par_sort_unstable_by(|&a, &b| (apps[a].id.as_str(), a).cmp(&(apps[b].id.as_str(), b)));
    let mut groups: Vec<Vec<usize>> = order
        .chunk_by(|&a, &b| apps[a].id == apps[b].id)
        .filter(|g| g.len() > 1)
        .map(<[usize]>::to_vec)
        .collect();
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
