//! CSV, safe to open in a spreadsheet (see [`crate::diagnostics::escape::formula_safe`]).

use std::io::{self, Write};

use super::table::{Table, Value};
use super::{Format, Renderer, escape};
use crate::report::awards::{Awarded, tie_advice};
use crate::report::listing::Listing;
use crate::report::standings::Standings;
use crate::report::stats::Stats;
use crate::trust::agreement::Agreement;
use crate::trust::compare::Comparison;
use crate::trust::judges::Judges;
use crate::trust::stability::Stability;

/// CSV output.
pub struct Csv;

impl Renderer for Csv {
    fn listing(&self, out: &mut dyn Write, listing: &Listing<'_>) -> io::Result<()> {
        super::human::listing_table(out, listing, Format::Csv, false)
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats, top: usize) -> io::Result<()> {
        super::human::stats_tables(out, stats, top, Format::Csv)
    }

    fn ranking(&self, out: &mut dyn Write, standings: &Standings<'_>) -> io::Result<()> {
        super::human::ranking_text(out, standings, Format::Csv, false)
    }

    fn winners(&self, out: &mut dyn Write, w: &Awarded<'_>) -> io::Result<()> {
        winner_rows(out, w, true)
    }

    fn judges(&self, out: &mut dyn Write, judges: &Judges) -> io::Result<()> {
        super::human::judges_text(out, judges, Format::Csv, false)
    }

    fn agreement(&self, out: &mut dyn Write, agreement: &Agreement) -> io::Result<()> {
        super::human::agreement_text(out, agreement, Format::Csv, false)
    }

    fn comparison(&self, out: &mut dyn Write, c: &Comparison<'_>) -> io::Result<()> {
        super::human::comparison_text(out, c, Format::Csv)
    }

    fn stability(&self, out: &mut dyn Write, s: &Stability<'_>) -> io::Result<()> {
        super::human::stability_text(out, s, Format::Csv)
    }
}

/// `--format csv|markdown`: a header and one row per winner, nothing else on stdout, so that a
/// script or a document can take the table as it is. Unfilled places, ties and pick problems go
/// to stderr, where a person running the command still sees them.
pub(super) fn winner_rows(out: &mut dyn Write, w: &Awarded<'_>, csv: bool) -> io::Result<()> {
    let (archive, config, round, method, decisions) =
        (w.archive, w.config, w.round.id.as_str(), w.method, &w.decisions);
    // Scripts key on ids; a document shows the names people know.
    let mut table = if csv {
        Table::new(&[
            "round",
            "method",
            "award",
            "award_name",
            "track",
            "rank",
            "id",
            "title",
            "applicant",
            "organization",
            "city",
            "country",
            "country_name",
            "email",
            "score",
            "tied",
        ])
    } else {
        Table::new(&["award", "track", "rank", "id", "applicant", "country", "score", "tied"])
    };
    let mut notes: Vec<String> = Vec::new();
    for d in decisions {
        let award = &config.awards[d.award];
        let track_id = award.track.as_deref().unwrap_or_default();
        let track_name = config.track(track_id).map_or("", |t| t.name.as_str());
        for w in &d.winners {
            let x = &archive.applications[w.application];
            // A committee pick outside the ranking has no rank or score: an empty cell.
            let rank: Value = w.rank.map_or_else(|| "".into(), Value::Count);
            let score: Value = w.score.map_or_else(|| "".into(), Value::Score);
            let tied = d.tie_at_cutoff.contains(&w.application).to_string();
            let applicant = x.applicant.name.as_deref().unwrap_or_default();
            let mut row: Vec<Value> = if csv {
                vec![
                    round.into(),
                    method.into(),
                    award.id.as_str().into(),
                    award.name.as_str().into(),
                    track_id.into(),
                ]
            } else {
                vec![award.name.as_str().into(), track_name.into()]
            };
            if csv {
                // What the ceremony needs beside the ranking (spec section 10).
                let text = |v: &Option<String>| Value::from(v.as_deref().unwrap_or_default());
                row.extend([
                    rank,
                    x.id.as_str().into(),
                    text(&x.title),
                    applicant.into(),
                    text(&x.applicant.organization),
                    text(&x.applicant.city),
                    x.country().into(),
                    crate::model::country::name(x.country()).unwrap_or_default().into(),
                    text(&x.applicant.email),
                    score,
                    tied.into(),
                ]);
            } else {
                row.extend([
                    rank,
                    x.id.as_str().into(),
                    applicant.into(),
                    x.country().into(),
                    score,
                    tied.into(),
                ]);
            }
            table.push(row);
        }
        if d.unfilled > 0 {
            notes.push(format!(
                "{}: {} place{} unfilled\n",
                award.name,
                d.unfilled,
                if d.unfilled == 1 { "" } else { "s" }
            ));
        }
        if !d.tie_at_cutoff.is_empty() {
            notes.push(tie_advice(archive, config, d));
        }
        notes.extend(
            d.pick_problems
                .iter()
                .map(|p| format!("{}: {}\n", escape(&award.name), escape(&p.message()))),
        );
    }
    if csv {
        table.csv(out)?;
    } else {
        table.markdown(out)?;
    }
    // The rows first, so that a terminal shows the notes after them.
    out.flush()?;
    let mut stderr = std::io::stderr().lock();
    for note in notes {
        let _ = write!(stderr, "{note}");
    }
    Ok(())
}
