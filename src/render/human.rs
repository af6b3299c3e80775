//! Human output: rustc-style diagnostics, tables and plain lines for people at a terminal.

use std::io::{self, Write};

use super::table::{Table, Value};
use super::{Format, Renderer, diagnostics, escape};
use crate::diagnostics::finding::Severity;
use crate::jury::assign::Short;
use crate::jury::assigned::{Assigned, AssignmentOutcome, plural};
use crate::jury::import::{ImportOutcome, Report};
use crate::jury::template::{TemplatesWritten, Written};
use crate::report::awards::{Awarded, tie_advice};
use crate::report::explanation::{Explanation, fmt};
use crate::report::listing::Listing;
use crate::report::progress::Progress;
use crate::report::standings::{By, Standings};
use crate::report::stats::{Count, Stats};
use crate::report::validation::Validation;
use crate::trust::agreement::{Agreement, Scope};
use crate::trust::compare::Comparison;
use crate::trust::judges::Judges;
use crate::trust::stability::{Change, ChangeKind, Stability};

/// Human output; `color` for the diagnostics, `quiet` (`-q`) for errors only.
pub struct Human {
    /// Whether to colour the diagnostics.
    pub color: bool,
    /// `-q`: only the errors, without the summary line.
    pub quiet: bool,
}

impl Renderer for Human {
    fn validation(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        for f in validation
            .findings
            .iter()
            .filter(|f| !self.quiet || f.severity == Severity::Error)
        {
            writeln!(out, "{}\n", diagnostics::render(f, self.color))?;
        }
        // `-q` is for scripts and hooks that want the problems and nothing else.
        if !self.quiet {
            writeln!(out, "{}", validation.summary.line())?;
        }
        Ok(())
    }

    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        progress_text(out, progress, false)
    }

    fn ranking(&self, out: &mut dyn Write, standings: &Standings<'_>) -> io::Result<()> {
        ranking_text(out, standings, Format::Human, self.quiet)
    }

    fn listing(&self, out: &mut dyn Write, listing: &Listing<'_>) -> io::Result<()> {
        listing_table(out, listing, Format::Human, self.quiet)
    }

    fn templates_written(&self, out: &mut dyn Write, w: &TemplatesWritten<'_>) -> io::Result<()> {
        for f in &w.files {
            let (shown, rows) = (&f.file, f.rows);
            let rows = format!("{rows} row{}", if rows == 1 { "" } else { "s" });
            let line = match f.status {
                Written::Refused => format!(
                    "{shown}: refused: a different file is there (filled in already?); nothing written; \
                     use --replace to overwrite it"
                ),
                other => format!("{shown}: {} ({rows})", other.as_str()),
            };
            writeln!(out, "{}", escape(&line))?;
        }
        let round_id = w.round;
        let from = match w.assignment {
            Some(file) => format!("the applications {file} gives each judge"),
            None => format!(
                "no assignments/{round_id}.csv, so each lists every competing application the judge has no \
                 conflict with"
            ),
        };
        let n = w.files.len();
        let summary = format!(
            "{n} template{} for round `{round_id}` in {}: {from}",
            if n == 1 { "" } else { "s" },
            w.dir
        );
        writeln!(out, "{}", escape(&summary))?;
        if !self.quiet {
            out.flush()?;
            for note in w.notes {
                let _ = writeln!(std::io::stderr(), "note: {}", escape(note));
            }
        }
        Ok(())
    }

    fn assigned(&self, out: &mut dyn Write, assigned: &Assigned<'_>) -> io::Result<()> {
        assigned_text(out, assigned)
    }

    fn sheets_imported(&self, out: &mut dyn Write, reports: &[Report]) -> io::Result<()> {
        for report in reports {
            for f in report
                .findings
                .iter()
                .filter(|f| !self.quiet || f.severity == Severity::Error)
            {
                writeln!(out, "{}\n", diagnostics::render(f, self.color))?;
            }
            writeln!(out, "{}", escape(&line(report)))?;
        }
        Ok(())
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats, top: usize) -> io::Result<()> {
        stats_tables(out, stats, top, Format::Human)
    }

    fn explanation(&self, out: &mut dyn Write, e: &Explanation) -> io::Result<()> {
        explanation(out, e)
    }

    fn judges(&self, out: &mut dyn Write, judges: &Judges) -> io::Result<()> {
        judges_text(out, judges, Format::Human, self.quiet)
    }

    fn agreement(&self, out: &mut dyn Write, agreement: &Agreement) -> io::Result<()> {
        agreement_text(out, agreement, Format::Human, self.quiet)
    }

    fn applications_imported(&self, out: &mut dyn Write, r: &crate::intake::import::Imported) -> io::Result<()> {
        super::intake::imported_human(out, r, self.color, self.quiet)
    }

    fn feedback_written(&self, out: &mut dyn Write, l: &crate::intake::feedback::Letters) -> io::Result<()> {
        super::intake::letters_human(out, l, self.quiet)
    }

    fn winners(&self, out: &mut dyn Write, w: &Awarded<'_>) -> io::Result<()> {
        let (archive, config, round, decisions) = (w.archive, w.config, w.round, &w.decisions);
        let app = |i: usize| &archive.applications[i];
        let mut sections: Vec<(String, Table)> = Vec::new();
        for d in decisions {
            let a = &config.awards[d.award];
            let track_name = a
                .track
                .as_ref()
                .and_then(|t| config.track(t))
                .map_or("Committee picks".to_string(), |t| t.name.clone());
            if sections.last().is_none_or(|(name, _)| *name != track_name) {
                sections.push((
                    track_name.clone(),
                    Table::new(&["award", "rank", "id", "applicant", "country", "score"]),
                ));
            }
            let table = &mut sections.last_mut().expect("a section was just pushed").1;
            for w in &d.winners {
                let x = app(w.application);
                let mark = if d.tie_at_cutoff.contains(&w.application) {
                    " (tie)"
                } else {
                    ""
                };
                let rank = w.rank.map_or(String::new(), |r| format!("{r}{mark}"));
                let score = w.score.map_or(String::new(), |s| format!("{s:.2}"));
                let name = x.applicant.name.clone().unwrap_or_default();
                table.push(vec![
                    a.name.as_str().into(),
                    rank.into(),
                    x.id.as_str().into(),
                    name.into(),
                    x.country().into(),
                    score.into(),
                ]);
            }
            if d.unfilled > 0 {
                let note = format!("{} unfilled", d.unfilled);
                table.push(vec![
                    a.name.as_str().into(),
                    "".into(),
                    note.into(),
                    "".into(),
                    "".into(),
                    "".into(),
                ]);
            }
        }
        let title = format!(
            "{} {} — awards from {} ({})",
            config.name, config.edition, round.name, w.method
        );
        writeln!(out, "{}\n", escape(title.trim()))?;
        // An award with nothing to show yet (a committee's `picks = []`) gets no empty table.
        let shown = sections.iter().filter(|(_, table)| !table.rows.is_empty());
        for (i, (name, table)) in shown.enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{}", escape(name))?;
            table.human(out)?;
        }
        for d in decisions.iter().filter(|d| d.undecided()) {
            writeln!(out)?;
            if !d.tie_at_cutoff.is_empty() {
                write!(out, "{}", tie_advice(archive, config, d))?;
            }
            for problem in &d.pick_problems {
                writeln!(
                    out,
                    "{} is undecided: {}; correct its picks in prize.toml",
                    escape(&config.awards[d.award].name),
                    escape(&problem.message())
                )?;
            }
        }
        Ok(())
    }

    fn comparison(&self, out: &mut dyn Write, c: &Comparison<'_>) -> io::Result<()> {
        comparison_text(out, c, Format::Human)
    }

    fn stability(&self, out: &mut dyn Write, s: &Stability<'_>) -> io::Result<()> {
        stability_text(out, s, Format::Human)
    }
}

/// `prize progress` as text, with a Markdown heading and table when `markdown`.
pub(super) fn progress_text(out: &mut dyn Write, progress: &Progress<'_>, markdown: bool) -> io::Result<()> {
    let round_id = escape(progress.round);
    if progress.competing == 0 {
        // A table of judges with nothing to score, and "every competing application has enough
        // judges", would both be true and both mislead.
        let why = match progress.previous {
            None => "no application is eligible (`prize validate` says why)".to_string(),
            Some(before) => format!(
                "no application has advanced from round `{}` (its scores decide who does)",
                escape(before)
            ),
        };
        let name = escape(progress.name);
        if markdown {
            writeln!(out, "### Round {round_id} — {name}\n")?;
        } else {
            writeln!(out, "Round {round_id} — {name}")?;
        }
        writeln!(out, "nothing competes in round `{round_id}` yet: {why}")?;
        return Ok(());
    }
    let mut table = if progress.assignment {
        Table::new(&["judge", "name", "assigned", "scored", "remaining", "not assigned"])
    } else {
        Table::new(&["judge", "name", "scored"])
    };
    for j in &progress.judges {
        table.push(if progress.assignment {
            vec![
                j.judge.into(),
                j.name.into(),
                j.assigned.into(),
                j.scored.into(),
                j.remaining.into(),
                j.unassigned.into(),
            ]
        } else {
            vec![j.judge.into(), j.name.into(), j.scored.into()]
        });
    }
    let name = escape(progress.name);
    let overall = match progress.completion {
        Some(c) => format!(
            "{} of {} assigned scores in ({:.1}%)",
            progress.scored,
            progress.assigned,
            100.0 * c
        ),
        None => format!("no assignment for round `{round_id}`; {} scores in", progress.scored),
    };
    if markdown {
        writeln!(out, "### Round {round_id} — {name}\n")?;
        table.markdown(out)?;
        writeln!(out)?;
    } else {
        writeln!(out, "Round {round_id} — {name}")?;
        table.human(out)?;
    }
    writeln!(out, "{overall}")?;
    let min_judges = progress.min_judges;
    if progress.short.is_empty() {
        writeln!(out, "every competing application has at least {min_judges} judge(s)")?;
    } else {
        // People read the first few; scripts get them all with --format json.
        const SHOWN: usize = 12;
        let mut list: Vec<String> = progress
            .short
            .iter()
            .take(SHOWN)
            .map(|s| format!("{} ({}/{min_judges})", escape(s.id), s.judges))
            .collect();
        if progress.short.len() > SHOWN {
            list.push(format!(
                "and {} more (--format json lists them all)",
                progress.short.len() - SHOWN
            ));
        }
        writeln!(
            out,
            "{} application(s) short of min_judges = {min_judges}: {}",
            progress.short.len(),
            list.join(", ")
        )?;
    }
    Ok(())
}

/// `prize explain` as text.
fn explanation(out: &mut dyn Write, e: &Explanation) -> io::Result<()> {
    let esc = escape;
    writeln!(
        out,
        "{} — {}",
        esc(&e.id),
        esc(e.title.as_deref().unwrap_or("(no title)"))
    )?;
    let entry = &e.entry;
    writeln!(
        out,
        "track {} · sector {} · {} · {} ({})",
        esc(&entry.track),
        esc(&entry.sector),
        esc(&entry.kind),
        esc(&entry.applicant),
        esc(&entry.country)
    )?;
    let reasons = if e.reasons.is_empty() {
        String::new()
    } else {
        format!(" ({})", esc(&e.reasons.join(", ")))
    };
    writeln!(out, "status: {}{reasons}", e.status.as_str())?;
    for f in &e.findings {
        writeln!(out, "  {}", esc(f))?;
    }
    let criteria = &e.criteria;
    for r in &e.rounds {
        let name = &r.name;
        writeln!(out, "\nround {} — {} ({})", esc(&r.round), esc(name), r.method)?;
        if !r.competing {
            writeln!(out, "  not competing in this round")?;
        }
        if !r.judges.is_empty() {
            writeln!(out, "  scores in criterion order: {}", criteria.join(", "))?;
        }
        for j in &r.judges {
            let scores: Vec<String> = j.scores.iter().map(|x| x.to_string()).collect();
            let total = j.total.map_or("—".to_string(), fmt);
            match (&j.reason, &j.method) {
                (Some(why), _) => writeln!(
                    out,
                    "  {:<12} [{}] total {total}: not counted, {}",
                    esc(&j.judge),
                    scores.join(" "),
                    esc(why)
                )?,
                (None, Some(m)) => writeln!(
                    out,
                    "  {:<12} [{}] total {total}; {}",
                    esc(&j.judge),
                    scores.join(" "),
                    esc(m)
                )?,
                (None, None) => writeln!(out, "  {:<12} [{}] total {total}", esc(&j.judge), scores.join(" "))?,
            }
            if !j.comment.trim().is_empty() {
                // Debug formatting quotes the comment and shows control characters escaped
                // (`\u{1b}`), so a sheet cannot drive the terminal.
                writeln!(out, "  {:<12} comment: {:?}", "", j.comment.trim())?;
            }
        }
        if let Some(f) = &r.formula {
            writeln!(out, "  score: {}", esc(f))?;
        }
        if let Some(rank) = r.rank {
            let tied = if r.tied { ", tied" } else { "" };
            writeln!(out, "  rank {rank} of {}{tied}", r.of)?;
        }
        if let Some(d) = &r.decided_by {
            writeln!(out, "  {}", esc(d))?;
        }
        if let Some(u) = &r.unranked {
            writeln!(out, "  not ranked — {}", esc(u))?;
        }
        match r.advanced {
            Some(true) => writeln!(out, "  advanced to the next round")?,
            Some(false) => writeln!(out, "  did not advance")?,
            None => {}
        }
    }
    if !e.awards.is_empty() {
        writeln!(out, "\nawards")?;
        for w in &e.awards {
            writeln!(out, "  {}: {} — {}", esc(&w.name), esc(w.result), esc(&w.reason))?;
        }
    }
    if let Some(s) = &e.stability {
        stability_line(out, s)?;
    }
    Ok(())
}

/// `prize rank` as text in `format` (human, Markdown or CSV); `quiet` leaves out the legends.
pub(super) fn ranking_text(out: &mut dyn Write, s: &Standings<'_>, format: Format, quiet: bool) -> io::Result<()> {
    let (archive, config) = (s.archive, s.config);
    let round_id = s.round.id.as_str();
    let shown = s.result;
    let advanced = |app: usize| shown.advanced.binary_search(&app).is_ok();
    let by_name = s.by.map(By::name);
    let mut csv_table = Table::new(&[
        "round",
        "method",
        "track",
        "group",
        "rank",
        "id",
        "applicant",
        "country",
        "sector",
        "score",
        "judges",
        "tied",
        "advanced",
    ]);
    for (i, g) in s.groups.iter().enumerate() {
        let mut table = Table::new(&["rank", "id", "applicant", "country", "sector", "score", "judges"]);
        for p in s.visible(g) {
            let a = &archive.applications[p.candidate.application];
            let applicant = a.applicant.name.clone().unwrap_or_default();
            let mark = if p.tied { "=" } else { "" };
            let adv = if advanced(p.candidate.application) { " →" } else { "" };
            table.push(vec![
                format!("{}{mark}{adv}", p.rank).into(),
                a.id.as_str().into(),
                applicant.as_str().into(),
                a.country().into(),
                a.sector_id().into(),
                p.candidate.score.into(),
                p.candidate.judges.into(),
            ]);
            csv_table.push(vec![
                round_id.into(),
                shown.method.as_str().into(),
                g.track.as_str().into(),
                g.key.clone().unwrap_or_default().into(),
                p.rank.into(),
                a.id.as_str().into(),
                applicant.into(),
                a.country().into(),
                a.sector_id().into(),
                p.candidate.score.into(),
                p.candidate.judges.into(),
                p.tied.to_string().into(),
                advanced(p.candidate.application).to_string().into(),
            ]);
        }
        if format == Format::Csv {
            continue;
        }
        let track_name = config.track(&g.track).map_or(g.track.as_str(), |t| t.name.as_str());
        let title = match (&g.key, by_name) {
            (Some(key), Some(by)) => format!("{track_name}, {by} {key}"),
            _ => track_name.to_string(),
        };
        if i > 0 {
            writeln!(out)?;
        }
        let heading = format!("{title} — {} ({})", s.round.name, shown.method);
        let heading = escape(&heading);
        if format == Format::Markdown {
            writeln!(out, "### {heading}\n")?;
        } else {
            writeln!(out, "{heading}")?;
        }
        if table.rows.is_empty() {
            writeln!(out, "no application ranked")?;
        } else if format == Format::Markdown {
            table.markdown(out)?;
        } else {
            table.human(out)?;
        }
        if !g.unranked.is_empty() {
            let list: Vec<String> = g
                .unranked
                .iter()
                .map(|u| {
                    format!(
                        "{} ({} judge{})",
                        archive.applications[u.application].id,
                        u.judges,
                        if u.judges == 1 { "" } else { "s" }
                    )
                })
                .collect();
            let min = config.scoring.min_judges;
            writeln!(
                out,
                "{}not ranked (scored by fewer than {min} judge{}): {}",
                if format == Format::Markdown { "\n" } else { "" },
                if min == 1 { "" } else { "s" },
                escape(&list.join(", "))
            )?;
        }
    }
    if format == Format::Csv {
        csv_table.csv(out)?;
    } else if !quiet && s.groups.iter().any(|g| g.ranking.iter().any(|p| p.tied)) {
        writeln!(out, "\n= shares its rank (a tie that no tie-break settled)")?;
    }
    if format == Format::Human && !shown.advanced.is_empty() && !quiet {
        writeln!(out, "→ advances to the next round")?;
    }
    Ok(())
}

/// `prize list` as a table in `format` (human, Markdown or CSV); `quiet` leaves out the count.
pub(super) fn listing_table(out: &mut dyn Write, listing: &Listing<'_>, format: Format, quiet: bool) -> io::Result<()> {
    let mut table = Table::new(&["id", "track", "sector", "type", "country", "status", "reasons", "title"]);
    for r in &listing.applications {
        let text = |s: Option<&str>| Value::from(s.unwrap_or_default());
        table.push(vec![
            r.id.into(),
            text(r.track),
            text(r.sector),
            text(r.kind),
            text(r.country),
            r.status.as_str().into(),
            r.reasons.join(" ").into(),
            text(r.title),
        ]);
    }
    match format {
        Format::Csv => table.csv(out),
        Format::Markdown => table.markdown(out),
        _ => {
            table.human(out)?;
            if !quiet {
                writeln!(out, "{} of {} applications", listing.count, listing.total)?;
            }
            Ok(())
        }
    }
}

/// `prize stats` as titled tables in `format` (human, Markdown or CSV), each reason list cut to
/// its `top` entries.
pub(super) fn stats_tables(out: &mut dyn Write, stats: &Stats, top: usize, format: Format) -> io::Result<()> {
    for (i, (title, table)) in sections(stats, top).into_iter().enumerate() {
        if table.rows.is_empty() {
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        match format {
            Format::Csv => table.csv(out)?,
            Format::Markdown => {
                writeln!(out, "### {title}\n")?;
                table.markdown(out)?;
            }
            _ => {
                writeln!(out, "{title}")?;
                table.human(out)?;
            }
        }
    }
    Ok(())
}

fn counts(title: &str, header: &str, list: &[Count], with_names: bool, limit: usize) -> (String, Table) {
    let mut table = if with_names {
        Table::new(&[header, "name", "applications"])
    } else {
        Table::new(&[header, "applications"])
    };
    for c in list.iter().take(limit) {
        let mut row: Vec<Value> = vec![c.key.as_str().into()];
        if with_names {
            row.push(c.name.clone().unwrap_or_default().into());
        }
        row.push(c.count.into());
        table.push(row);
    }
    (title.to_string(), table)
}

/// The sections printed, each a titled table.
fn sections(s: &Stats, top: usize) -> Vec<(String, Table)> {
    let mut headers: Vec<&str> = vec!["track"];
    headers.extend(s.sectors.iter().map(String::as_str));
    headers.push("total");
    let mut grid = Table::new(&headers);
    for row in &s.tracks {
        let mut cells: Vec<Value> = vec![row.track.as_str().into()];
        cells.extend(row.sectors.iter().map(|(_, n)| Value::Count(*n)));
        cells.push(row.total.into());
        grid.push(cells);
    }
    let mut totals: Vec<Value> = vec!["total".into()];
    for i in 0..s.sectors.len() {
        totals.push(s.tracks.iter().map(|r| r.sectors[i].1).sum::<usize>().into());
    }
    totals.push(s.applications.into());
    grid.push(totals);
    vec![
        ("Applications by track and sector".to_string(), grid),
        counts("Applicant types", "type", &s.applicant_types, false, usize::MAX),
        counts(
            &format!("Countries ({})", s.countries.len()),
            "country",
            &s.countries,
            true,
            usize::MAX,
        ),
        counts("Status", "status", &s.statuses, false, usize::MAX),
        counts(
            "Top reasons for ineligibility",
            "code",
            &s.ineligible_reasons,
            false,
            top,
        ),
        counts("Top reasons for invalidity", "code", &s.invalid_reasons, false, top),
        coverage(s),
    ]
}

/// Per round: how many compete, how many have enough judges, the totals and the judges.
fn coverage(s: &Stats) -> (String, Table) {
    let mut table = Table::new(&["round", "name", "competing", "with_min_judges", "totals", "judges"]);
    for r in &s.coverage {
        table.push(vec![
            r.round.as_str().into(),
            r.name.as_str().into(),
            r.competing.into(),
            r.with_min_judges.into(),
            r.totals.into(),
            r.judges.into(),
        ]);
    }
    let title = match s.coverage.first() {
        Some(r) => format!("Scoring coverage (min_judges = {})", r.min_judges),
        None => "Scoring coverage".to_string(),
    };
    (title, table)
}

fn rows(n: usize) -> String {
    format!("{n} row{}", if n == 1 { "" } else { "s" })
}

/// The one line a file gets in human output.
fn line(r: &Report) -> String {
    let changes = r.changes.unwrap_or_default();
    let mut counts = format!(
        "{} added, {} changed, {} removed",
        rows(changes.added),
        changes.changed,
        changes.removed
    );
    // Row counts do not say that a blank template sent back would wipe a judge's scores.
    if r.scores_removed > 0 {
        counts.push_str(&format!("; removes {}", scores(r.scores_removed)));
    }
    let size = format!("{}, {} scored", rows(r.rows), r.scored);
    match r.status {
        ImportOutcome::Imported => format!("{}: imported {} ({} scored)", r.stored, rows(r.rows), r.scored),
        ImportOutcome::WouldImport => format!(
            "{}: would import {} ({} scored); nothing written (--dry-run)",
            r.stored,
            rows(r.rows),
            r.scored
        ),
        ImportOutcome::Unchanged => format!("{}: unchanged ({size})", r.stored),
        ImportOutcome::Replaced => format!("{}: replaced: {counts} ({size})", r.stored),
        ImportOutcome::WouldReplace => format!(
            "{}: would replace: {counts} ({size}); nothing written (--dry-run)",
            r.stored
        ),
        ImportOutcome::Refused if r.changes.is_some() && r.scored == 0 && r.scores_removed > 0 => format!(
            "{}: refused: {} has no scores, and storing it removes {} stored there; nothing written; \
             use --replace to store it over them",
            r.stored,
            r.file,
            scores(r.scores_removed)
        ),
        ImportOutcome::Refused if r.changes.is_some() => format!(
            "{}: refused: a different sheet is stored ({counts}); nothing written; use --replace to store {} over it",
            r.stored, r.file
        ),
        ImportOutcome::Refused => format!(
            "{}: refused: {}; nothing written to {}",
            r.file,
            r.reason.as_deref().unwrap_or("errors"),
            r.stored
        ),
    }
}

fn scores(n: usize) -> String {
    format!("{n} score{}", if n == 1 { "" } else { "s" })
}

/// Shortfalls listed in human output before "and N more".
const SHOWN_SHORTFALLS: usize = 50;

/// `prize assign` as text.
fn assigned_text(out: &mut dyn Write, r: &Assigned<'_>) -> io::Result<()> {
    let plan = &r.plan;
    let k = r.k();
    if r.status == AssignmentOutcome::Impossible && k > r.judges.len() {
        // One line, not one per application: no application can have K judges.
        return writeln!(
            out,
            "error: --per-application {k} asks for more judges than the {} serving in round `{}`; \
             nothing written to {}",
            r.judges.len(),
            r.round,
            r.file
        );
    }
    if r.status == AssignmentOutcome::Impossible {
        let n = plan.shortfalls.len();
        writeln!(
            out,
            "error: {} of round `{}` cannot get {}; nothing written to {}",
            plural(n, "application", "applications"),
            r.round,
            plural(k, "judge", "judges"),
            r.file
        )?;
        let mut capacity_told = false;
        for s in plan.shortfalls.iter().take(SHOWN_SHORTFALLS) {
            let id = escape(&r.applications[s.application].id);
            let Short::Capacity { judges, room, needed } = s.why else {
                writeln!(out, "  {id}: {}", r.shortfall_message(s))?;
                for reason in r.conflict_reasons(s).iter().take(5) {
                    writeln!(out, "      {}", escape(reason))?;
                }
                continue;
            };
            if !capacity_told {
                capacity_told = true;
                let all = if judges == r.judges.len() {
                    " (every judge serving in the round)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "  with --max-per-judge {}, {}{all} can take {room} assignments, but these applications, \
                     whose free judges are all among them, need {needed}; allow more per judge or add judges:",
                    r.max_per_judge.unwrap_or(0),
                    plural(judges, "judge", "judges"),
                )?;
            }
            writeln!(
                out,
                "    {id} ({} free of conflicts)",
                plural(s.free, "judge", "judges")
            )?;
        }
        if n > SHOWN_SHORTFALLS {
            writeln!(
                out,
                "  ... and {} more (--format json lists them all)",
                n - SHOWN_SHORTFALLS
            )?;
        }
        return Ok(());
    }
    let total: usize = plan.loads.iter().sum();
    let what = format!(
        "{} × {} = {} among {}",
        plural(r.applications.len(), "application", "applications"),
        plural(k, "judge", "judges"),
        plural(total, "assignment", "assignments"),
        plural(r.judges.len(), "judge", "judges")
    );
    match (r.status, r.changes) {
        (AssignmentOutcome::Refused, Some((added, removed))) => writeln!(
            out,
            "{}: refused: a different assignment is stored ({added} pairs would be added, {removed} removed); \
             nothing written; use --replace to write over it",
            r.file
        )?,
        (AssignmentOutcome::Replaced | AssignmentOutcome::WouldReplace, Some((added, removed))) => writeln!(
            out,
            "{}: {}: {what} ({added} pairs added, {removed} removed){}",
            r.file,
            r.status.name(),
            dry(r.status)
        )?,
        _ => writeln!(out, "{}: {}: {what}{}", r.file, r.status.name(), dry(r.status))?,
    }
    let (min, max) = (
        plan.loads.iter().copied().min().unwrap_or(0),
        plan.loads.iter().copied().max().unwrap_or(0),
    );
    let uneven = if max > min + 1 {
        " (the conflicts allow no evener spread)"
    } else {
        ""
    };
    if min == max {
        writeln!(out, "  load: {} each", plural(min, "application", "applications"))?;
    } else {
        writeln!(out, "  load: {min} to {max} applications per judge{uneven}")?;
    }
    if plan.max_pair > 0 {
        writeln!(
            out,
            "  most-repeated pair: two judges share {} ({})",
            plural(plan.max_pair, "application", "applications"),
            plural(plan.pairs_at_max, "pair", "pairs")
        )?;
    }
    if plan.parts <= 1 {
        writeln!(out, "  judge–application graph: connected")?;
    } else {
        writeln!(
            out,
            "  judge–application graph: {} parts that share no application (the bias method compares \
             judges only within a part)",
            plan.parts
        )?;
    }
    Ok(())
}

fn dry(status: AssignmentOutcome) -> &'static str {
    match status {
        AssignmentOutcome::WouldWrite | AssignmentOutcome::WouldReplace => "; nothing written (--dry-run)",
        _ => "",
    }
}

/// A number that may be absent: "–" for people, an empty cell in CSV.
fn maybe(x: Option<f64>, format: Format) -> Value {
    match (x, format) {
        (Some(x), _) => number(x, format),
        (None, Format::Csv) => "".into(),
        (None, _) => "–".into(),
    }
}

/// A number in `format`: every digit in CSV; for people snapped to 1e-9 first, so that two
/// values equal but for their last bits (0.625 computed as 0.6250000000001 and 0.6249999999999)
/// print alike, and never as −0.00.
pub(super) fn number(x: f64, format: Format) -> Value {
    if format == Format::Csv {
        return Value::Score(x);
    }
    let snapped = (x * 1e9).round() / 1e9 + 0.0;
    Value::Score(if snapped.is_finite() { snapped } else { x })
}

/// A titled table in `format`: a heading line (`###` in Markdown) then the table; CSV has
/// neither title nor other text.
fn titled(out: &mut dyn Write, title: &str, table: &Table, format: Format) -> io::Result<()> {
    match format {
        Format::Csv => table.csv(out),
        Format::Markdown => {
            writeln!(out, "### {}\n", escape(title))?;
            table.markdown(out)
        }
        _ => {
            writeln!(out, "{}", escape(title))?;
            table.human(out)
        }
    }
}

/// `prize judges` in `format` (human, Markdown or CSV); `quiet` leaves out the legend.
pub(super) fn judges_text(out: &mut dyn Write, j: &Judges, format: Format, quiet: bool) -> io::Result<()> {
    let headers: &[&str] = &[
        "judge",
        "name",
        "totals",
        "mean",
        "sd",
        "leniency",
        "offset",
        "correlation",
        "fit",
        "flags",
    ];
    let mut table = if format == Format::Csv {
        Table::new(&[&["round"], headers].concat())
    } else {
        Table::new(headers)
    };
    for r in &j.judges {
        let mut row: Vec<Value> = Vec::new();
        if format == Format::Csv {
            row.push(j.round.as_str().into());
        }
        row.extend([
            r.id.as_str().into(),
            r.name.as_str().into(),
            r.totals.into(),
            number(r.mean, format),
            number(r.sd, format),
            maybe(r.leniency, format),
            maybe(r.offset, format),
            maybe(r.correlation, format),
            maybe(r.fit, format),
            r.flags.join(" ").into(),
        ]);
        table.push(row);
    }
    if format == Format::Csv {
        return table.csv(out);
    }
    let title = format!("Judges — {} (`{}`)", j.round_name, j.round);
    if table.rows.is_empty() {
        writeln!(out, "{}", escape(&title))?;
        return writeln!(out, "no judge has a total in this round");
    }
    titled(out, &title, &table, format)?;
    if !quiet {
        let legend = "\
leniency: points on 0–100 above the typical judge (the bias fit); offset: the mean difference
from the other judges on the same applications; correlation: with the other judges' means;
fit: the mean squared standardised residual of the bias fit (about 1 is typical).
flags: lenient (leniency ≥ 10), severe (≤ −10), erratic (fit ≥ 2), flat (sd < 5 over ≥ 5
totals), contrarian (correlation < 0 over ≥ 5 applications with another judge).";
        writeln!(out, "\n{legend}")?;
    }
    Ok(())
}

/// `prize agreement` in `format` (human, Markdown or CSV): one row per scope, then the
/// largest disagreements of the round; `quiet` leaves out the legend.
pub(super) fn agreement_text(out: &mut dyn Write, a: &Agreement, format: Format, quiet: bool) -> io::Result<()> {
    let scopes: Vec<&Scope> = std::iter::once(&a.overall).chain(&a.tracks).collect();
    if format == Format::Csv {
        let mut table = Table::new(&[
            "round",
            "track",
            "alpha_interval",
            "alpha_ordinal",
            "pairable",
            "judges_per_application",
            "panel_reliability",
            "note",
            "disagreements",
        ]);
        for s in &scopes {
            let ids: Vec<&str> = s.disagreements.iter().map(|d| d.id.as_str()).collect();
            table.push(vec![
                a.round.as_str().into(),
                s.track.clone().unwrap_or_default().into(),
                maybe(s.alpha.interval, format),
                maybe(s.alpha.ordinal, format),
                s.alpha.pairable.into(),
                maybe(s.judges_per_application, format),
                maybe(s.panel_reliability, format),
                s.alpha.note.clone().unwrap_or_default().into(),
                ids.join(" ").into(),
            ]);
        }
        return table.csv(out);
    }
    let mut table = Table::new(&[
        "scope",
        "α interval",
        "α ordinal",
        "pairable",
        "judges per application",
        "panel reliability",
    ]);
    let mut notes: Vec<String> = Vec::new();
    for s in &scopes {
        let name = s.track_name.clone().unwrap_or_else(|| "all tracks".to_string());
        if let Some(note) = &s.alpha.note {
            notes.push(format!("{name}: {note}"));
        }
        table.push(vec![
            name.into(),
            maybe(s.alpha.interval, format),
            maybe(s.alpha.ordinal, format),
            s.alpha.pairable.into(),
            maybe(s.judges_per_application, format),
            maybe(s.panel_reliability, format),
        ]);
    }
    titled(
        out,
        &format!("Agreement — {} (`{}`)", a.round_name, a.round),
        &table,
        format,
    )?;
    let gap = if format == Format::Markdown { "\n" } else { "" };
    for note in &notes {
        writeln!(out, "{gap}{}", escape(note))?;
    }
    writeln!(out)?;
    let mut worst = Table::new(&["id", "track", "sd", "min", "max", "judges"]);
    for d in &a.overall.disagreements {
        worst.push(vec![
            d.id.as_str().into(),
            d.track.as_str().into(),
            number(d.sd, format),
            number(d.min, format),
            number(d.max, format),
            d.judges.into(),
        ]);
    }
    if worst.rows.is_empty() {
        writeln!(out, "no application ranked, so no disagreement to show")?;
    } else {
        titled(
            out,
            "Largest disagreements (sd of the totals of a ranked application)",
            &worst,
            format,
        )?;
    }
    if !quiet {
        let legend = "\
α: Krippendorff's alpha, applications as units and judges as coders (1 = full agreement,
0 = no better than chance); panel reliability: how reliable the mean of that many judges is
(Spearman–Brown from interval α).";
        writeln!(out, "\n{legend}")?;
    }
    Ok(())
}

// `prize compare` and `prize stability` (spec section 8).

/// A share as a percentage with one decimal.
pub(super) fn percent(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

/// The ids of `apps`, joined with `, ` (`—` for none).
fn id_list(archive: &crate::load::Archive, apps: &[usize]) -> String {
    if apps.is_empty() {
        return "—".to_string();
    }
    let ids: Vec<&str> = apps.iter().map(|&a| archive.applications[a].id.as_str()).collect();
    ids.join(", ")
}

/// `prize compare` as text in `format` (human, Markdown or CSV).
pub(super) fn comparison_text(out: &mut dyn Write, c: &Comparison<'_>, format: Format) -> io::Result<()> {
    let (archive, config) = (c.archive, c.config);
    let round = &config.rounds[c.round];
    let methods = &c.methods;
    let markdown = format == Format::Markdown;
    // The awards each application wins, per method, for the CSV's `wins` column.
    let wins = |app: usize, m: usize| -> Vec<&str> {
        c.awards
            .iter()
            .flatten()
            .filter(|a| a.winners[m].contains(&app))
            .map(|a| config.awards[a.award].id.as_str())
            .collect()
    };
    if format == Format::Csv {
        let mut headers: Vec<String> = vec!["round".into(), "track".into(), "id".into(), "applicant".into()];
        for m in methods {
            headers.push(format!("rank_{m}"));
            headers.push(format!("score_{m}"));
        }
        headers.push("advances_under".into());
        headers.push("wins".into());
        let mut table = Table {
            headers,
            rows: Vec::new(),
        };
        for t in &c.tracks {
            for r in &t.rows {
                let a = &archive.applications[r.application];
                let mut row: Vec<Value> = vec![
                    round.id.as_str().into(),
                    t.track.as_str().into(),
                    a.id.as_str().into(),
                    a.applicant.name.clone().unwrap_or_default().into(),
                ];
                for m in 0..methods.len() {
                    row.push(r.ranks[m].map_or_else(|| "".into(), Value::Count));
                    row.push(r.scores[m].map_or_else(|| "".into(), Value::Score));
                }
                let under: Vec<&str> = (0..methods.len())
                    .filter(|&m| r.advances[m])
                    .map(|m| methods[m].as_str())
                    .collect();
                row.push(under.join(" ").into());
                let won: Vec<String> = (0..methods.len())
                    .flat_map(|m| {
                        wins(r.application, m)
                            .into_iter()
                            .map(move |w| format!("{}:{w}", methods[m]))
                    })
                    .collect();
                row.push(won.join(" ").into());
                table.push(row);
            }
        }
        return table.csv(out);
    }
    let heading = |out: &mut dyn Write, text: &str| -> io::Result<()> {
        if markdown {
            writeln!(out, "### {}\n", escape(text))
        } else {
            writeln!(out, "{}", escape(text))
        }
    };
    let table_out = |out: &mut dyn Write, table: &Table| {
        if markdown {
            table.markdown(out)
        } else {
            table.human(out)
        }
    };
    for (i, t) in c.tracks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let name = config.track(&t.track).map_or(t.track.as_str(), |x| x.name.as_str());
        heading(out, &format!("{name} — {}: rank (score) under each method", round.name))?;
        if t.rows.is_empty() {
            writeln!(out, "no application ranked")?;
            continue;
        }
        let mut headers = vec!["id"];
        headers.extend(methods.iter().map(String::as_str));
        let mut table = Table::new(&headers);
        for r in &t.rows {
            let mut row: Vec<Value> = vec![archive.applications[r.application].id.as_str().into()];
            for m in 0..methods.len() {
                row.push(match (r.ranks[m], r.scores[m]) {
                    (Some(rank), Some(score)) => format!("{rank} ({})", fmt(score)).into(),
                    _ => "—".into(),
                });
            }
            table.push(row);
        }
        table_out(out, &table)?;
        if methods.len() > 1 {
            writeln!(out)?;
            let mut headers = vec!["τ-b"];
            headers.extend(methods[1..].iter().map(String::as_str));
            let mut tau = Table::new(&headers);
            for a in 0..methods.len() - 1 {
                let mut row: Vec<Value> = vec![methods[a].as_str().into()];
                for b in 1..methods.len() {
                    let cell = t.tau.iter().find(|x| x.a == a && x.b == b).map_or(String::new(), |x| {
                        x.tau.map_or("—".to_string(), |v| format!("{v:.3}"))
                    });
                    row.push(cell.into());
                }
                tau.push(row);
            }
            table_out(out, &tau)?;
        }
    }
    if let Some(advancing) = &c.advancing {
        writeln!(out)?;
        heading(out, "Advancing")?;
        if advancing.is_empty() {
            writeln!(out, "every method advances the same applications")?;
        } else {
            let mut table = Table::new(&["id", "track", "advances under", "not under"]);
            for a in advancing {
                let x = &archive.applications[a.application];
                let not: Vec<&str> = (0..methods.len())
                    .filter(|m| !a.methods.contains(m))
                    .map(|m| methods[m].as_str())
                    .collect();
                let under: Vec<&str> = a.methods.iter().map(|&m| methods[m].as_str()).collect();
                table.push(vec![
                    x.id.as_str().into(),
                    x.track_id().into(),
                    under.join(", ").into(),
                    not.join(", ").into(),
                ]);
            }
            table_out(out, &table)?;
        }
    }
    if let Some(awards) = &c.awards {
        for a in awards {
            let award = &config.awards[a.award];
            writeln!(out)?;
            heading(out, &format!("{} — winners under each method", award.name))?;
            let mut table = Table::new(&["method", "winners", "tie at the cutoff"]);
            for (m, method) in methods.iter().enumerate() {
                table.push(vec![
                    method.as_str().into(),
                    id_list(archive, &a.winners[m]).into(),
                    id_list(archive, &a.tie_at_cutoff[m]).into(),
                ]);
            }
            table_out(out, &table)?;
            if a.changes.is_empty() {
                writeln!(
                    out,
                    "{}every method gives the same winners",
                    if markdown { "\n" } else { "" }
                )?;
            } else {
                writeln!(
                    out,
                    "{}won under some methods only: {}",
                    if markdown { "\n" } else { "" },
                    escape(&id_list(archive, &a.changes))
                )?;
            }
        }
    }
    Ok(())
}

/// `prize explain`'s stability line: the rank interval and the chances, as percentages.
fn stability_line(out: &mut dyn Write, s: &crate::report::explanation::StabilityLine) -> io::Result<()> {
    writeln!(
        out,
        "\nstability (round {}, {} samples of the jury, seed {}, {})",
        escape(&s.round),
        s.samples,
        s.seed,
        s.method
    )?;
    let interval = match (s.rank_low, s.rank_high) {
        (Some(lo), Some(hi)) => format!("rank {lo}–{hi} in 90% of the samples that rank it"),
        _ => "ranked in no sample".to_string(),
    };
    let mut parts = vec![interval, format!("unranked in {}", percent(s.p_unranked))];
    if let Some(p) = s.p_advance {
        parts.push(format!("P(advance) {}", percent(p)));
    }
    if let Some(p) = s.p_any_award {
        let each: Vec<String> = s
            .p_award
            .iter()
            .flatten()
            .filter(|a| a.p > 0.0)
            .map(|a| format!("{} {}", a.name, percent(a.p)))
            .collect();
        let each = if each.is_empty() {
            String::new()
        } else {
            format!(" ({})", each.join(", "))
        };
        parts.push(format!("P(any award) {}{each}", percent(p)));
    }
    writeln!(out, "  {}", escape(&parts.join("; ")))
}

/// What one leave-one-out change does to its application, in words: `no longer advances`,
/// `loses Gold`.
fn change_words(config: &crate::model::config::Config, c: &Change) -> String {
    let award = c.award.map_or("", |a| config.awards[a].name.as_str());
    match c.kind {
        ChangeKind::NoLongerAdvances => "no longer advances".to_string(),
        ChangeKind::NowAdvances => "now advances".to_string(),
        ChangeKind::LosesAward => format!("loses {award}"),
        ChangeKind::WinsAward => format!("wins {award}"),
    }
}

/// `prize stability` as text in `format` (human, Markdown or CSV).
pub(super) fn stability_text(out: &mut dyn Write, s: &Stability<'_>, format: Format) -> io::Result<()> {
    let (archive, config) = (s.archive, s.config);
    let round = &config.rounds[s.round];
    let roster: &[crate::model::roster::Judge] = archive.roster.as_ref().map_or(&[], |r| r.judges.as_slice());
    let judge_id = |j: usize| roster.get(j).map_or("", |x| x.id.as_str());
    let count = |n: Option<usize>| n.map_or_else(|| Value::from(""), Value::Count);
    if format == Format::Csv {
        let mut headers: Vec<String> = [
            "round",
            "method",
            "samples",
            "seed",
            "track",
            "rank",
            "id",
            "rank_low",
            "rank_high",
            "p_unranked",
        ]
        .map(String::from)
        .to_vec();
        if s.advances {
            headers.push("p_advance".into());
        }
        if s.last {
            headers.push("p_any_award".into());
            headers.extend(config.awards.iter().map(|a| format!("p_award_{}", a.id)));
        }
        headers.push("leave_one_out".into());
        let mut table = Table {
            headers,
            rows: Vec::new(),
        };
        for a in &s.applications {
            let mut row: Vec<Value> = vec![
                round.id.as_str().into(),
                s.method.as_str().into(),
                s.samples.into(),
                s.seed.to_string().into(),
                a.track.as_str().into(),
                count(a.rank),
                archive.applications[a.application].id.as_str().into(),
                count(a.rank_low),
                count(a.rank_high),
                a.p_unranked.into(),
            ];
            if let Some(p) = a.p_advance {
                row.push(p.into());
            }
            if let Some(p) = a.p_any_award {
                row.push(p.into());
                for award in 0..config.awards.len() {
                    let p = a.p_award.iter().flatten().find(|(x, _)| *x == award);
                    row.push(p.map_or_else(|| Value::from(""), |(_, p)| Value::Score(*p)));
                }
            }
            let left: Vec<String> = s
                .leave_one_out
                .iter()
                .flat_map(|l| {
                    l.changes
                        .iter()
                        .filter(|c| c.application == a.application)
                        .map(move |c| {
                            let award = c.award.map_or(String::new(), |x| format!(" {}", config.awards[x].id));
                            format!("{}: {}{award}", judge_id(l.judge), c.kind.as_str())
                        })
                })
                .collect();
            row.push(left.join("; ").into());
            table.push(row);
        }
        return table.csv(out);
    }
    let markdown = format == Format::Markdown;
    let table_out = |out: &mut dyn Write, table: &Table| {
        if markdown {
            table.markdown(out)
        } else {
            table.human(out)
        }
    };
    let title = format!(
        "{} — stability over {} samples of the jury (seed {}, {})",
        round.name, s.samples, s.seed, s.method
    );
    if markdown {
        writeln!(out, "### {}\n", escape(&title))?;
    } else {
        writeln!(out, "{}", escape(&title))?;
    }
    let mut headers = vec!["track", "rank", "id", "rank 5–95%", "unranked"];
    if s.advances {
        headers.push("P(advance)");
    }
    if s.last {
        headers.push("P(any award)");
        headers.push("P(award)");
    }
    let mut table = Table::new(&headers);
    for a in &s.applications {
        let interval = match (a.rank_low, a.rank_high) {
            (Some(lo), Some(hi)) if lo == hi => lo.to_string(),
            (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
            _ => "—".to_string(),
        };
        let mut row: Vec<Value> = vec![
            a.track.as_str().into(),
            a.rank.map_or_else(|| "—".into(), Value::Count),
            archive.applications[a.application].id.as_str().into(),
            interval.into(),
            percent(a.p_unranked).into(),
        ];
        if let Some(p) = a.p_advance {
            row.push(percent(p).into());
        }
        if let Some(p) = a.p_any_award {
            row.push(percent(p).into());
            let awards: Vec<String> = a
                .p_award
                .iter()
                .flatten()
                .filter(|(_, p)| *p > 0.0)
                .map(|(x, p)| format!("{} {}", config.awards[*x].name, percent(*p)))
                .collect();
            row.push(
                if awards.is_empty() {
                    "—".to_string()
                } else {
                    awards.join(", ")
                }
                .into(),
            );
        }
        table.push(row);
    }
    if s.applications.is_empty() {
        writeln!(out, "no application competes")?;
    } else {
        table_out(out, &table)?;
    }
    writeln!(out)?;
    let heading = "Leave one judge out (exact)";
    if markdown {
        writeln!(out, "### {heading}\n")?;
    } else {
        writeln!(out, "{heading}")?;
    }
    if s.leave_one_out.is_empty() {
        writeln!(out, "no judge has a total in this round")?;
        return Ok(());
    }
    // One row per change, so that a judge who moves several awards reads down, not across.
    let mut loo = Table::new(&["without", "id", "what changes"]);
    for l in &s.leave_one_out {
        if l.changes.is_empty() {
            loo.push(vec![judge_id(l.judge).into(), "".into(), "nothing".into()]);
        }
        for c in &l.changes {
            loo.push(vec![
                judge_id(l.judge).into(),
                archive.applications[c.application].id.as_str().into(),
                change_words(config, c).into(),
            ]);
        }
    }
    table_out(out, &loo)
}
