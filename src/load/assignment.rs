//! Assignments (`assignments/<round>.csv`): which judge scores which application in a round.

use std::collections::HashSet;
use std::path::Path;

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::diagnostics::finding::Finding;
use crate::load::files;

/// One (application id, judge id) pair of an assignment; a judge's id is shared by all of
/// theirs.
pub type Pair = (String, Arc<str>);

/// One round's assignment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Round id.
    pub round: String,
    /// Path relative to the archive root.
    pub file: String,
    /// (application id, judge id) pairs, sorted.
    pub pairs: Vec<Pair>,
}

impl Assignment {
    /// The pairs as a set, for lookups.
    pub fn set(&self) -> HashSet<(&str, &str)> {
        self.pairs.iter().map(|(a, j)| (a.as_str(), &**j)).collect()
    }

    /// The canonical file text: header `application,judge`, one sorted row a pair.
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record(["application", "judge"]);
        for (a, j) in &self.pairs {
            let _ = w.write_record([a.as_str(), j]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// The path of a round's assignment, relative to the archive root.
pub fn path(round: &str) -> String {
    format!("assignments/{round}.csv")
}

/// Reads `assignments/<round>.csv` if it exists. A file that cannot be read as an assignment is
/// a finding (`invalid-value`), and no assignment; so is one that is not a regular file
/// (`not-a-regular-file`), which is never opened.
pub fn load(root: &Path, round: &str) -> Result<(Option<Assignment>, Vec<Finding>), files::Unreadable> {
    let rel = path(round);
    let full = root.join(&rel);
    match full.symlink_metadata() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((None, Vec::new())),
        Err(reason) => return Err(files::Unreadable { path: full, reason }),
        Ok(_) => {}
    }
    // An assignment of a large edition (100,000 applications × 5 judges) is megabytes: it
    // takes the score sheets' size limit, not the applications' 1 MiB.
    let file = match crate::load::sheet::load::read_stored(&full, &rel)?.and_then(|bytes| files::decode(&rel, bytes)) {
        Ok(file) => file,
        Err(finding) => return Ok((None, vec![*finding])),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(file.text.as_bytes());
    let mut pairs: Vec<Pair> = Vec::new();
    // A few hundred judges for half a million pairs: each judge's id is kept once.
    let mut judges: FxHashMap<String, Arc<str>> = FxHashMap::default();
    let mut findings = Vec::new();
    let header_ok = reader
        .headers()
        .is_ok_and(|h| h.iter().map(str::trim).collect::<Vec<_>>() == ["application", "judge"]);
    if !header_ok {
        findings.push(
            crate::load::fields::INVALID_VALUE
                .in_file(&rel, "an assignment's header must be `application,judge`")
                .with_help("write it with `prize assign`"),
        );
        return Ok((None, findings));
    }
    // One record reused for every row: an assignment of a large edition has half a million.
    let mut record = csv::StringRecord::new();
    let mut i = 0;
    loop {
        let line = i + 2;
        i += 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) if record.len() == 2 && !record[0].trim().is_empty() && !record[1].trim().is_empty() => {
                let judge = record[1].trim();
                let judge = match judges.get(judge) {
                    Some(id) => id.clone(),
                    None => {
                        let id: Arc<str> = Arc::from(judge);
                        judges.insert(judge.to_string(), id.clone());
                        id
                    }
                };
                pairs.push((record[0].trim().to_string(), judge));
            }
            _ => {
                let mut f =
                    crate::load::fields::INVALID_VALUE.in_file(&rel, format!("line {line} is not `application,judge`"));
                f.line = line;
                findings.push(f);
            }
        }
    }
    // `prize assign` writes the pairs sorted: then there is nothing to sort.
    if !pairs.is_sorted() {
        pairs.par_sort_unstable();
    }
    pairs.dedup();
    Ok((
        Some(Assignment {
            round: round.to_string(),
            file: rel,
            pairs,
        }),
        findings,
    ))
}
