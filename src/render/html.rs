//! `prize report` as one self-contained HTML file (spec section 9): inline CSS, inline SVG
//! charts, no script, a Content-Security-Policy that lets nothing be fetched, and every text of
//! the archive escaped — maud escapes whatever it interpolates, so nothing here writes raw text.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Format;
use super::human::{number, percent};
use super::svg::{Anchor, Chart, Fill, Shape};
use super::table::Value;
use crate::award::Decision;
use crate::load::application::{Application, is_url};
use crate::report::committee::{Committee, Finalist, RoundReport, Spread, cutoff};
use crate::trust::agreement::Scope;
use crate::trust::judges::{JudgeRow, LENIENT};
use crate::trust::stability::ApplicationStability;

/// The Content-Security-Policy of the report: nothing may be fetched, only the inline style.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The stylesheet: a readable screen layout, and A4 pages where each section and each finalist
/// starts a new page and no table row is split.
const CSS: &str = "
body { font-family: Georgia, 'Times New Roman', serif; color: #000; background: #fff;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.2; }
h2 { border-bottom: 2px solid #000; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #777; padding: 0.15rem 0.4rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #000; }
tbody th { font-weight: normal; font-style: italic; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.advance-line td { border-bottom: 3px double #000; }
p.note, .muted { font-size: 0.85rem; }
nav ol ol { columns: 2; column-gap: 3rem; padding-left: 2.5rem; }
nav li { break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }
.flag { font-weight: bold; }
@page { size: A4; margin: 18mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { break-inside: avoid; }
  a { color: #000; }
}
";

/// Writes the report of `c`.
pub fn report(out: &mut dyn Write, c: &Committee<'_>) -> io::Result<()> {
    out.write_all(page(c).into_string().as_bytes())?;
    writeln!(out)
}

/// A score or figure as people read it elsewhere: snapped, two decimals.
fn num(x: f64) -> String {
    match number(x, Format::Human) {
        Value::Score(v) => format!("{v:.2}"),
        Value::Count(n) => n.to_string(),
        Value::Text(t) => t,
    }
}

/// A number that may be absent: "–" as in the human tables.
fn maybe(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), num)
}

fn title_of(app: &Application) -> &str {
    app.title.as_deref().unwrap_or("(no title)")
}

fn page(c: &Committee<'_>) -> Markup {
    let config = c.config;
    let heading = format!("{} {}", config.name, config.edition);
    let heading = heading.trim();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (heading) " — committee report" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { (heading) " — committee report" }
                    @if let Some(date) = &c.date {
                        p { "Date: " time datetime=(date) { (date) } }
                    }
                }
                (contents(c))
                (glance(c))
                (screening(c))
                @for r in &c.rounds {
                    (round(c, r))
                }
                (winners(c))
                (jury(c))
                (methods(c))
                @for f in &c.finalists {
                    (finalist(c, f))
                }
            }
        }
    }
}

fn round_anchor(c: &Committee<'_>, r: &RoundReport<'_>) -> String {
    format!("round-{}", c.config.rounds[r.result.round].id)
}

fn app_anchor(app: &Application) -> String {
    format!("app-{}", app.id)
}

fn contents(c: &Committee<'_>) -> Markup {
    html! {
        nav aria-label="Contents" {
            h2 { "Contents" }
            ol {
                li { a href="#glance" { "The edition at a glance" } }
                li { a href="#screening" { "Screening" } }
                @for r in &c.rounds {
                    li { a href={ "#" (round_anchor(c, r)) } { "Round: " (c.config.rounds[r.result.round].name) } }
                }
                li { a href="#winners" { "The winners" } }
                li { a href="#jury" { "The jury" } }
                li { a href="#methods" { "Method sensitivity" } }
                @if !c.finalists.is_empty() {
                    li {
                        "Finalists"
                        ol {
                            @for f in &c.finalists {
                                @let app = &c.archive.applications[f.application];
                                li { a href={ "#" (app_anchor(app)) } { (app.id) " — " (title_of(app)) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn glance(c: &Committee<'_>) -> Markup {
    let s = &c.stats;
    let count = |status: &str| s.statuses.iter().find(|x| x.key == status).map_or(0, |x| x.count);
    let countries = s.countries.iter().filter(|x| x.key != "(unknown)").count();
    html! {
        section id="glance" {
            h2 { "The edition at a glance" }
            table {
                tbody {
                    tr { th { "applications" } td.n { (s.applications) } }
                    tr { th { "countries" } td.n { (countries) } }
                    tr { th { "tracks" } td.n { (c.config.tracks.len()) } }
                    tr { th { "eligible" } td.n { (count("eligible")) } }
                    tr { th { "ineligible" } td.n { (count("ineligible")) } }
                    tr { th { "invalid" } td.n { (count("invalid")) } }
                    tr { th { "rounds" } td.n { (c.config.rounds.len()) } }
                }
            }
            h3 { "Applications per track" }
            table {
                thead { tr { th { "track" } th.n { "applications" } } }
                tbody {
                    @for t in &s.tracks {
                        tr { td { (c.config.track(&t.track).map_or(t.track.as_str(), |x| x.name.as_str())) } td.n { (t.total) } }
                    }
                }
            }
            h3 { "Rounds" }
            table {
                thead { tr { th { "round" } th { "method" } th.n { "competing" } th.n { "judges" } th.n { "totals" } th.n { "advanced" } } }
                tbody {
                    @for (i, round) in c.config.rounds.iter().enumerate() {
                        @let judged = c.rounds.iter().find(|r| r.result.round == i);
                        @let coverage = s.coverage.iter().find(|x| x.round == round.id);
                        tr {
                            td { (round.name) " (" code { (round.id) } ")" }
                            td { (judged.map_or("–", |r| r.result.method.as_str())) }
                            td.n { (coverage.map_or(0, |x| x.competing)) }
                            td.n { (coverage.map_or(0, |x| x.judges)) }
                            td.n { (coverage.map_or(0, |x| x.totals)) }
                            td.n {
                                @match judged {
                                    Some(r) if round.advance.is_some() => (r.result.advanced.len()),
                                    _ => "–",
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn screening(c: &Committee<'_>) -> Markup {
    html! {
        section id="screening" {
            h2 { "Screening" }
            table {
                thead { tr { th { "track" } th.n { "eligible" } th.n { "ineligible" } th.n { "invalid" } th { "ineligible by reason" } } }
                tbody {
                    @for t in &c.screening {
                        tr {
                            td { (t.name) }
                            td.n { (t.eligible) }
                            td.n { (t.ineligible) }
                            td.n { (t.invalid) }
                            td {
                                @for (i, (code, n)) in t.ineligible_by_reason.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    code { (code) } " " (n)
                                }
                            }
                        }
                    }
                }
            }
            p.note { "An ineligible application with several reasons is counted under each." }
            h3 { "Waivers" }
            @if c.waivers.is_empty() {
                p { "No eligibility finding was waived." }
            } @else {
                table {
                    thead { tr { th { "id" } th { "title" } th { "waived" } th { "reason" } } }
                    tbody {
                        @for w in &c.waivers {
                            @let app = &c.archive.applications[w.application];
                            tr {
                                td { (app.id) }
                                td { (title_of(app)) }
                                td { (w.codes.join(", ")) }
                                td { @if w.reason.is_empty() { "(no reason given)" } @else { (w.reason) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The stability of each application of a round, by archive index.
fn stability_of<'s>(r: &'s RoundReport<'_>, apps: usize) -> Vec<Option<&'s ApplicationStability>> {
    let mut out = vec![None; apps];
    for a in &r.stability.applications {
        if let Some(slot) = out.get_mut(a.application) {
            *slot = Some(a);
        }
    }
    out
}

fn interval(s: Option<&ApplicationStability>) -> String {
    match s.and_then(|s| s.rank_low.zip(s.rank_high)) {
        Some((lo, hi)) if lo == hi => lo.to_string(),
        Some((lo, hi)) => format!("{lo}–{hi}"),
        None => "–".to_string(),
    }
}

fn round(c: &Committee<'_>, r: &RoundReport<'_>) -> Markup {
    let (archive, config) = (c.archive, c.config);
    let spec = &config.rounds[r.result.round];
    let advances = spec.advance.is_some();
    let last = r.result.round + 1 == config.rounds.len();
    let stab = stability_of(r, archive.applications.len());
    let probability = if advances {
        Some(("P(advance)", true))
    } else if last {
        Some(("P(any award)", false))
    } else {
        None
    };
    let advanced = |app: usize| r.result.advanced.binary_search(&app).is_ok();
    html! {
        section id=(round_anchor(c, r)) {
            h2 { "Round: " (spec.name) " (" code { (spec.id) } ")" }
            p {
                "Method " code { (r.result.method) } ". "
                "Stability: " (r.stability.samples) " bootstrap samples of the jury, seed " (r.stability.seed)
                "; the interval holds the rank in 90% of the samples that rank the application (5th–95th percentile)."
            }
            @for g in &r.result.groups {
                @let track = config.track(&g.track).map_or(g.track.as_str(), |t| t.name.as_str());
                @let n = cutoff(spec.advance.as_ref(), &g.track);
                @let last_in = g.ranking.iter().rposition(|p| advanced(p.candidate.application));
                h3 { (track) }
                @if let Some(n) = n {
                    p.note { "The top " (n) " advance (ties at the cutoff all advance): "
                        (g.ranking.iter().filter(|p| advanced(p.candidate.application)).count())
                        " in this track; the double line marks the cutoff, → each that advances." }
                }
                @if g.ranking.is_empty() {
                    p { "No application ranked." }
                } @else {
                    table {
                        thead {
                            tr {
                                th.n { "rank" } th { "id" } th { "title" } th { "applicant" } th { "country" }
                                th.n { "score" } th.n { "judges" } th.n { "rank interval" }
                                @if let Some((name, _)) = probability { th.n { (name) } }
                            }
                        }
                        tbody {
                            @for (i, p) in g.ranking.iter().enumerate() {
                                @let app = &archive.applications[p.candidate.application];
                                @let s = stab[p.candidate.application];
                                tr class=[(Some(i) == last_in).then_some("advance-line")] {
                                    td.n {
                                        (p.rank) @if p.tied { "=" }
                                        @if advanced(p.candidate.application) { " →" }
                                    }
                                    td { (app.id) }
                                    td { (title_of(app)) }
                                    td { (app.applicant.name.as_deref().unwrap_or("")) }
                                    td { (app.country()) }
                                    td.n { (num(p.candidate.score)) }
                                    td.n { (p.candidate.judges) }
                                    td.n { (interval(s)) }
                                    @if let Some((_, adv)) = probability {
                                        td.n {
                                            (s.and_then(|s| if adv { s.p_advance } else { s.p_any_award }).map_or("–".to_string(), percent))
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p.note { "= shares its rank (a tie no tie-break settled)." }
                }
                @if !g.unranked.is_empty() {
                    p {
                        "Not ranked: "
                        @for (i, u) in g.unranked.iter().enumerate() {
                            @if i > 0 { "; " }
                            (archive.applications[u.application].id) " (" (u.reason) ", " (u.judges) " judge"
                            @if u.judges != 1 { "s" } ")"
                        }
                    }
                }
            }
        }
    }
}

fn winners(c: &Committee<'_>) -> Markup {
    html! {
        section id="winners" {
            h2 { "The winners" }
            @match &c.awarded {
                None => p { "No round is judged, so no award is decided." },
                Some(awarded) => {
                    p { "Decided from " (awarded.round.name) " with the method " code { (awarded.method) } "." }
                    @if awarded.decisions.is_empty() { p { "prize.toml defines no awards." } }
                    @for d in &awarded.decisions {
                        (award(c, d))
                    }
                }
            }
        }
    }
}

fn award(c: &Committee<'_>, d: &Decision) -> Markup {
    let (archive, config) = (c.archive, c.config);
    let a = &config.awards[d.award];
    let picks = a.picks.is_some();
    let track = a
        .track
        .as_ref()
        .map(|t| config.track(t).map_or(t.as_str(), |x| x.name.as_str()));
    let mut conditions: Vec<String> = Vec::new();
    if let Some(types) = &a.applicant_types {
        conditions.push(format!("applicant types {}", types.join(", ")));
    }
    if let Some(sectors) = &a.sectors {
        conditions.push(format!("sectors {}", sectors.join(", ")));
    }
    if let Some(min) = a.min_score {
        conditions.push(format!("a score of at least {}", num(min)));
    }
    if let Some(n) = a.max_per_country.or(config.winners.max_per_country) {
        conditions.push(format!("at most {n} per country"));
    }
    let paged = |app: usize| c.finalists.iter().any(|f| f.application == app);
    html! {
        h3 { (a.name) }
        p.muted {
            @if let Some(list) = &a.picks {
                "Chosen by the committee; the ranking is not used. Picks: "
                @if list.is_empty() { "none yet" }
                @for (i, pick) in list.iter().enumerate() { @if i > 0 { ", " } (pick.value) }
                "."
            }
            @else if let Some(t) = track { "From the ranking of " (t) "." }
            @if let Some(n) = a.count { " " (n) " place" @if n != 1 { "s" } "." }
            @if !conditions.is_empty() { " Conditions: " (conditions.join("; ")) "." }
        }
        @if d.winners.is_empty() {
            p { "No winner." }
        } @else {
            table {
                thead { tr { th { "winner" } th { "title" } th { "applicant" } th { "country" } th.n { "rank" } th.n { "score" } th { "why" } } }
                tbody {
                    @for w in &d.winners {
                        @let app = &archive.applications[w.application];
                        @let tied = d.tie_at_cutoff.contains(&w.application);
                        tr {
                            td {
                                @if paged(w.application) { a href={ "#" (app_anchor(app)) } { (app.id) } }
                                @else { (app.id) }
                            }
                            td { (title_of(app)) }
                            td { (app.applicant.name.as_deref().unwrap_or("")) }
                            td { (app.country()) }
                            td.n { (w.rank.map_or("–".to_string(), |r| r.to_string())) }
                            td.n { (maybe(w.score)) }
                            td {
                                @if picks { "picked by the committee" }
                                @else if tied { "provisional: tied at the cutoff" }
                                @else { "the highest ranked not yet a winner that meets the conditions" }
                            }
                        }
                    }
                }
            }
        }
        @if d.unfilled > 0 {
            p { strong { (d.unfilled) " place" @if d.unfilled != 1 { "s" } " unfilled." } }
        }
        @if !d.tie_at_cutoff.is_empty() {
            p {
                strong { "Undecided — a tie to settle: " }
                @for (i, &t) in d.tie_at_cutoff.iter().enumerate() {
                    @if i > 0 { ", " }
                    (archive.applications[t].id)
                }
                " are tied at the cutoff; the provisional winners are taken in id order until "
                code { "scoring.jury_order" } " in prize.toml records the jury's order."
            }
        }
        @for problem in &d.pick_problems {
            p { strong { "Undecided: " } (problem.message()) "; correct its picks in prize.toml." }
        }
        @if !d.passed_over.is_empty() {
            p.note {
                "Passed over: "
                @for (i, p) in d.passed_over.iter().enumerate() {
                    @if i > 0 { "; " }
                    (archive.applications[p.application].id) " (" (p.reason) ")"
                }
            }
        }
    }
}

/// The leniency of each judge as bars around 0, labelled with the value.
fn leniency_chart(rows: &[&JudgeRow]) -> Chart {
    let (left, width, row_h) = (150.0, 300.0, 18.0);
    let height = 30.0 + row_h * rows.len() as f64;
    let mut chart = Chart::new(
        left + width + 70.0,
        height,
        "Each judge's leniency (points on 0–100 above the typical judge)",
    );
    let extent = rows
        .iter()
        .filter_map(|r| r.leniency)
        .fold(LENIENT * 1.5, |m, l| m.max(l.abs()));
    let x = |v: f64| left + width / 2.0 + v / extent * (width / 2.0);
    let bottom = height - 18.0;
    chart.line(x(0.0), 4.0, x(0.0), bottom, 1.0);
    for v in [-LENIENT, LENIENT] {
        chart.guide(x(v), 4.0, x(v), bottom);
        chart.text(x(v), height - 5.0, Anchor::Middle, num(v));
    }
    chart.text(x(0.0), height - 5.0, Anchor::Middle, "0");
    for (i, r) in rows.iter().enumerate() {
        let y = 6.0 + row_h * i as f64;
        chart.text(left - 6.0, y + 11.0, Anchor::End, r.id.clone());
        match r.leniency {
            Some(l) => {
                // Lenient judges hollow, severe ones solid: told apart without colour, and by sign.
                let fill = if l >= 0.0 { Fill::Hollow } else { Fill::Solid };
                chart.rect(x(0.0), y + 2.0, x(l), y + row_h - 4.0, fill);
                // The sign of the printed value: a leniency of 1e-15 is "0.00", not "+0.00".
                let label = num(l);
                let label = if label.starts_with('-') || label == "0.00" {
                    label
                } else {
                    format!("+{label}")
                };
                chart.text(left + width + 6.0, y + 11.0, Anchor::Start, label);
            }
            None => chart.text(left + width + 6.0, y + 11.0, Anchor::Start, "–"),
        }
    }
    chart
}

/// Each judge's totals: a line from the smallest to the largest, a box of mean ± sd, the mean
/// as a dot.
fn spread_chart(rows: &[&JudgeRow], spreads: &[Spread]) -> Chart {
    let (left, width, row_h) = (150.0, 300.0, 18.0);
    let height = 30.0 + row_h * rows.len() as f64;
    let mut chart = Chart::new(
        left + width + 20.0,
        height,
        "The spread of each judge's totals on 0–100: smallest to largest, mean ± sd, mean",
    );
    let x = |v: f64| left + v.clamp(0.0, 100.0) / 100.0 * width;
    let bottom = height - 18.0;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        chart.guide(x(v), 4.0, x(v), bottom);
        chart.text(x(v), height - 5.0, Anchor::Middle, format!("{v}"));
    }
    for (i, r) in rows.iter().enumerate() {
        let y = 6.0 + row_h * i as f64;
        let mid = y + row_h / 2.0 - 1.0;
        chart.text(left - 6.0, y + 11.0, Anchor::End, r.id.clone());
        if let Some(s) = spreads.iter().find(|s| s.judge == r.judge) {
            chart.line(x(s.min), mid, x(s.max), mid, 1.2);
            chart.line(x(s.min), mid - 4.0, x(s.min), mid + 4.0, 1.2);
            chart.line(x(s.max), mid - 4.0, x(s.max), mid + 4.0, 1.2);
        }
        chart.rect(x(r.mean - r.sd), mid - 4.0, x(r.mean + r.sd), mid + 4.0, Fill::Light);
        chart.push(Shape::Circle {
            cx: x(r.mean),
            cy: mid,
            r: 3.0,
            fill: Fill::Solid,
        });
    }
    chart
}

fn scope_row(s: &Scope) -> Markup {
    html! {
        tr {
            td { (s.track_name.as_deref().unwrap_or("all tracks")) }
            td.n { (maybe(s.alpha.interval)) }
            td.n { (maybe(s.alpha.ordinal)) }
            td.n { (s.alpha.pairable) }
            td.n { (maybe(s.judges_per_application)) }
            td.n { (maybe(s.panel_reliability)) }
            td { (s.alpha.note.as_deref().unwrap_or("")) }
        }
    }
}

fn jury(c: &Committee<'_>) -> Markup {
    html! {
        section id="jury" {
            h2 { "The jury" }
            @match (&c.judges, &c.agreement) {
                (Some(j), Some(a)) => {
                    p { "The judges of " (j.round_name) " (" code { (j.round) } "), as " code { "prize judges" } " gives them." }
                    @if j.judges.is_empty() {
                        p { "No judge has a total in this round." }
                    } @else {
                        @let rows: Vec<&JudgeRow> = j.judges.iter().collect();
                        table {
                            thead { tr { th { "judge" } th { "name" } th.n { "totals" } th.n { "mean" } th.n { "sd" }
                                th.n { "leniency" } th.n { "offset" } th.n { "correlation" } th.n { "fit" } th { "flags" } } }
                            tbody {
                                @for r in &rows {
                                    tr {
                                        td { (r.id) } td { (r.name) } td.n { (r.totals) } td.n { (num(r.mean)) } td.n { (num(r.sd)) }
                                        td.n { (maybe(r.leniency)) } td.n { (maybe(r.offset)) } td.n { (maybe(r.correlation)) }
                                        td.n { (maybe(r.fit)) } td.flag { (r.flags.join(" ")) }
                                    }
                                }
                            }
                        }
                        p.note { "leniency: points on 0–100 above the typical judge (the bias fit); offset: the mean difference from the other judges on the same applications; correlation: with the other judges' means; fit: the mean squared standardised residual of the bias fit (about 1 is typical). flags: lenient (leniency ≥ 10), severe (≤ −10), erratic (fit ≥ 2), flat (sd < 5 over ≥ 5 totals), contrarian (correlation < 0 over ≥ 5 applications with another judge)." }
                        h3 { "Leniency" }
                        (leniency_chart(&rows))
                        p.note { "Hollow bars: more lenient than the typical judge; solid bars: more severe; dashed lines at ±10 (the flags)." }
                        h3 { "Spread of each judge's totals" }
                        (spread_chart(&rows, &c.spreads))
                        p.note { "The line runs from the judge's smallest to largest total, the grey box spans the mean ± one sd, the dot is the mean." }
                    }
                    h3 { "Agreement" }
                    table {
                        thead { tr { th { "scope" } th.n { "α interval" } th.n { "α ordinal" } th.n { "pairable" } th.n { "judges per application" } th.n { "panel reliability" } th { "note" } } }
                        tbody {
                            (scope_row(&a.overall))
                            @for s in &a.tracks { (scope_row(s)) }
                        }
                    }
                    p.note { "α: Krippendorff's alpha, applications as units and judges as coders (1 = full agreement, 0 = no better than chance); panel reliability: how reliable the mean of that many judges is (Spearman–Brown from interval α)." }
                    h3 { "Largest disagreements" }
                    @if a.overall.disagreements.is_empty() {
                        p { "No application ranked, so no disagreement to show." }
                    } @else {
                        table {
                            thead { tr { th { "id" } th { "track" } th.n { "sd" } th.n { "min" } th.n { "max" } th.n { "judges" } } }
                            tbody {
                                @for d in &a.overall.disagreements {
                                    tr { td { (d.id) } td { (d.track) } td.n { (num(d.sd)) } td.n { (num(d.min)) } td.n { (num(d.max)) } td.n { (d.judges) } }
                                }
                            }
                        }
                    }
                }
                _ => p { "No round is judged." },
            }
        }
    }
}

fn methods(c: &Committee<'_>) -> Markup {
    let archive = c.archive;
    let ids = |apps: &[usize]| -> String {
        if apps.is_empty() {
            return "—".to_string();
        }
        apps.iter()
            .map(|&a| archive.applications[a].id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    html! {
        section id="methods" {
            h2 { "Method sensitivity" }
            @match &c.comparison {
                None => p { "No round is judged." },
                Some(cmp) => {
                    p { "Every method of " code { "prize compare" } " on " (c.config.rounds[cmp.round].name) "." }
                    @if let Some(awards) = &cmp.awards {
                        h3 { "Winners under each method" }
                        table {
                            thead { tr { th { "award" } @for m in &cmp.methods { th { (m) } } th { "changes" } } }
                            tbody {
                                @for a in awards {
                                    tr {
                                        td { (c.config.awards[a.award].name) }
                                        @for w in &a.winners { td { (ids(w)) } }
                                        td.flag { (ids(&a.changes)) }
                                    }
                                }
                            }
                        }
                    }
                    @if let Some(adv) = &cmp.advancing {
                        h3 { "Advancing under some methods only" }
                        @if adv.is_empty() { p { "Every method advances the same applications." } }
                        @for a in adv {
                            p { (archive.applications[a.application].id) ": "
                                (a.methods.iter().map(|&m| cmp.methods[m].as_str()).collect::<Vec<_>>().join(", ")) }
                        }
                    }
                    h3 { "Kendall's τ-b between the methods' scores" }
                    @for t in &cmp.tracks {
                        h3 { (c.config.track(&t.track).map_or(t.track.as_str(), |x| x.name.as_str())) }
                        table {
                            thead { tr { th { "" } @for m in &cmp.methods { th.n { (m) } } } }
                            tbody {
                                @for (i, m) in cmp.methods.iter().enumerate() {
                                    tr {
                                        th { (m) }
                                        @for j in 0..cmp.methods.len() {
                                            td.n {
                                                @if i == j { "1" } @else {
                                                    (t.tau.iter().find(|x| (x.a, x.b) == (i, j) || (x.a, x.b) == (j, i)).map_or("–".to_string(), |x| maybe(x.tau)))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    p.note { "τ-b: 1 when two methods order the applications alike, −1 when reversed; – with fewer than 2 applications or when a method's scores are all equal." }
                }
            }
        }
    }
}

fn finalist(c: &Committee<'_>, f: &Finalist) -> Markup {
    let (archive, config) = (c.archive, c.config);
    let app = &archive.applications[f.application];
    let e = &f.explanation;
    let roster = archive.roster.as_ref().map_or(&[][..], |r| r.judges.as_slice());
    let judge_name = |id: &str| roster.iter().find(|j| j.id == id).map_or("", |j| j.name.as_str());
    let last = c.rounds.last();
    let stab = last.and_then(|r| r.stability.applications.iter().find(|s| s.application == f.application));
    let website = app.project.website.as_deref().filter(|w| is_url(w));
    html! {
        section.finalist id=(app_anchor(app)) {
            h2 { (app.id) " — " (title_of(app)) }
            table {
                tbody {
                    tr { th { "applicant" } td { (e.entry.applicant) } }
                    tr { th { "country" } td { (e.entry.country) } }
                    tr { th { "track" } td { (config.track(&e.entry.track).map_or(e.entry.track.as_str(), |t| t.name.as_str())) } }
                    tr { th { "sector" } td { (e.entry.sector) } }
                    tr { th { "type" } td { (e.entry.kind) } }
                    @if let Some(w) = website { tr { th { "website" } td { a href=(w) { (w) } } } }
                }
            }
            @for r in e.rounds.iter().filter(|r| r.competing) {
                h3 { (r.name) " (" code { (r.round) } ", " (r.method) ")" }
                @let detail = r.judges.iter().any(|j| j.reason.is_some() || j.method.is_some());
                @if r.judges.is_empty() {
                    p { "No score." }
                } @else {
                    table {
                        thead {
                            tr {
                                th { "judge" } @for crit in &e.criteria { th.n { (crit) } } th.n { "total" }
                                @if detail { th { "how it counts" } }
                                th { "comment" }
                            }
                        }
                        tbody {
                            @for j in &r.judges {
                                tr {
                                    td { (judge_name(&j.judge)) " (" (j.judge) ")" }
                                    @for x in &j.scores { td.n { (x) } }
                                    td.n { (j.total.map_or("—".to_string(), num)) }
                                    @if detail {
                                        td.muted {
                                            @if let Some(why) = &j.reason { "not counted: " (why) }
                                            @else if let Some(m) = &j.method { (m) }
                                        }
                                    }
                                    td { (j.comment.trim()) }
                                }
                            }
                        }
                    }
                }
                @if let Some(formula) = &r.formula { p { "Score: " (formula) } }
                @if let Some(rank) = r.rank { p { "Rank " (rank) " of " (r.of) @if r.tied { ", tied" } "." } }
                @if let Some(d) = &r.decided_by { p { (d) } }
                @if let Some(u) = &r.unranked { p { "Not ranked — " (u) } }
                @match r.advanced { Some(true) => p { "Advanced to the next round." }, Some(false) => p { "Did not advance." }, None => {} }
            }
            @if !e.awards.is_empty() {
                h3 { "Awards" }
                ul {
                    @for w in &e.awards {
                        li { strong { (w.name) } ": " (w.result) " — " (w.reason) }
                    }
                }
            }
            @if let (Some(s), Some(r)) = (stab, last) {
                p.note {
                    "Stability (" (r.stability.samples) " samples of the jury, seed " (r.stability.seed) "): "
                    @match s.rank_low.zip(s.rank_high) {
                        Some((lo, hi)) => { "rank " (lo) "–" (hi) " in 90% of the samples that rank it" },
                        None => "ranked in no sample",
                    }
                    "; unranked in " (percent(s.p_unranked))
                    @if let Some(p) = s.p_advance { "; P(advance) " (percent(p)) }
                    @if let Some(p) = s.p_any_award { "; P(any award) " (percent(p)) }
                    "."
                }
            }
        }
    }
}
