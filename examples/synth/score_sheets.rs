//! Writing the score sheets: how judges score, who scores what, and the CSV files of each round.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::BufWriter;
use std::path::Path;

use rayon::iter::{IndexedParallelIterator, IntoParallelRefIterator, ParallelIterator};

use crate::archive_folder::at;
use crate::command_line::{Args, PresetSpec};
use crate::judges::Judge;
use crate::planning::{Plan, Reality};
use crate::random::SplitMix64;

/// From this many applications on, a run is a benchmark (issue 3, item 10): every
/// application gets exactly `LARGE_RUN_JUDGES` judges in the first round, and the final
/// round is scored only with `--score-final`.
pub(crate) const LARGE_RUN: usize = 10_000;
pub(crate) const LARGE_RUN_JUDGES: usize = 5;
/// The most judges on the panel of a later round: a big roster still sends the finalists
/// to a panel small enough that every judge scores several of them (which `zscore`,
/// `rank` and `bias` need).
const PANEL: usize = 16;

/// A criterion of the preset's `prize.toml`.
pub(crate) struct Criterion {
    id: String,
    min: f64,
    max: f64,
}

/// The criteria of the preset's `prize.toml`, in file order: the columns of every sheet.
pub(crate) fn criteria(preset: &PresetSpec) -> Result<Vec<Criterion>, String> {
    let table: toml::Table = toml::from_str(preset.prize_toml).map_err(|e| format!("preset prize.toml: {e}"))?;
    let number = |c: &toml::Value, key: &str, default: f64| match c.get(key) {
        Some(toml::Value::Integer(i)) => *i as f64,
        Some(toml::Value::Float(f)) => *f,
        _ => default,
    };
    let list = table
        .get("criteria")
        .and_then(toml::Value::as_array)
        .ok_or("preset prize.toml has no [[criteria]]")?;
    list.iter()
        .map(|c| {
            let id = c
                .get("id")
                .and_then(toml::Value::as_str)
                .ok_or("a criterion of the preset prize.toml has no id")?;
            Ok(Criterion {
                id: id.to_string(),
                min: number(c, "min", 0.0),
                max: number(c, "max", 10.0),
            })
        })
        .collect()
}

/// An application as the jury meets it.
pub(crate) struct Entrant {
    id: String,
    track: String,
    /// Applicant name and organization, trimmed and lower-cased, as `prize` compares them
    /// with a judge's organization.
    names: Vec<String>,
    /// Whether it competes in the first round: the generator planted every reason it would not.
    eligible: bool,
    /// Its merit per criterion on a 1–10 scale: what a fair judge without noise would give.
    merit: Vec<f64>,
}

fn organization_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The generated applications, then the showcase, with a latent merit each.
pub(crate) fn entrants(
    preset: &PresetSpec,
    plans: &[Plan],
    ids: &[String],
    showcase: &[(&str, &str)],
    criteria: usize,
    rng: &mut SplitMix64,
) -> Result<Vec<Entrant>, String> {
    let mut out: Vec<Entrant> = plans
        .iter()
        .zip(ids)
        .map(|(plan, id)| Entrant {
            id: id.clone(),
            track: preset.tracks[plan.track].id.to_string(),
            names: std::iter::once(plan.name.as_str())
                .chain(plan.organization.as_deref())
                .map(organization_key)
                .collect(),
            eligible: matches!(
                plan.reality,
                Reality::Clean | Reality::LateWaived | Reality::DuplicateFirst
            ),
            merit: Vec::new(),
        })
        .collect();
    for (file, text) in showcase {
        let table: toml::Table = toml::from_str(text).map_err(|e| format!("showcase {file}: {e}"))?;
        let text_at = |path: &[&str]| -> Option<String> {
            let mut value = table.get(path[0])?;
            for key in &path[1..] {
                value = value.get(*key)?;
            }
            value.as_str().map(str::to_string)
        };
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        out.push(Entrant {
            id: text_at(&["id"]).unwrap_or_else(|| stem.to_string()),
            track: text_at(&["track"]).unwrap_or_default(),
            names: [text_at(&["applicant", "name"]), text_at(&["applicant", "organization"])]
                .into_iter()
                .flatten()
                .map(|n| organization_key(&n))
                .collect(),
            eligible: true,
            merit: Vec::new(),
        });
    }
    let generated = plans.len();
    for (i, entrant) in out.iter_mut().enumerate() {
        // The showcase applications are the polished ones.
        let centre = if i < generated { 5.8 } else { 7.3 };
        let base = centre + 1.3 * rng.normal();
        entrant.merit = (0..criteria).map(|_| base + 0.8 * rng.normal()).collect();
    }
    Ok(out)
}

/// How one judge scores.
#[derive(Clone)]
pub(crate) struct Temper {
    /// What the judge is like, for `--verbose`.
    pub(crate) kind: &'static str,
    /// Added to every score: above 0 lenient, below 0 strict.
    shift: f64,
    /// How far from the middle (6) the judge goes, relative to the merit: 1 follows it.
    spread: f64,
    /// The judge's own noise per score.
    noise: f64,
    /// Scores are multiples of this (1, or 0.5 for a judge who likes halves).
    step: f64,
    /// Percent of rows the judge writes a comment on.
    comments: usize,
    /// Writes most comments in Korean.
    korean: bool,
}

/// Each judge's temper: a few clearly lenient, strict or narrow-ranged judges (one each in a
/// jury of 16), serving in every round where possible so that both rounds feel them; one
/// judge who writes halves; the rest fair with a little noise.
fn tempers(judges: &[Judge], first_round: &str, rng: &mut SplitMix64) -> Vec<Temper> {
    let mut tempers: Vec<Temper> = judges
        .iter()
        .map(|judge| Temper {
            kind: "fair",
            shift: 0.3 * rng.normal(),
            spread: 0.9 + 0.2 * rng.unit(),
            noise: 0.55 + 0.3 * rng.unit(),
            step: 1.0,
            // Korean judges always say something, in Korean mostly.
            comments: (*rng.pick(&[0, 0, 5, 15, 25, 40])).max(if judge.country == "KR" { 15 } else { 0 }),
            korean: judge.country == "KR",
        })
        .collect();
    let mut order: Vec<usize> = (0..judges.len()).collect();
    rng.shuffle(&mut order);
    // Judges who serve in every round first, then the first round's own.
    order.sort_by_key(|&j| match judges[j].rounds {
        None => 0,
        Some(round) if round == first_round => 1,
        Some(_) => 2,
    });
    let each = (judges.len() / 16).max(1);
    let mut next = order.into_iter();
    for (kind, shift, spread, noise) in [
        ("lenient", 1.5, 0.9, 0.6),
        ("strict", -1.5, 1.0, 0.6),
        ("narrow", 0.0, 0.3, 0.3),
    ] {
        for j in next.by_ref().take(each) {
            let t = &mut tempers[j];
            (t.kind, t.shift, t.spread, t.noise) = (kind, shift, spread, noise);
        }
    }
    for j in next.take(each) {
        tempers[j].kind = "fair, in halves";
        tempers[j].step = 0.5;
    }
    tempers
}

const PRAISE: &[&str] = &[
    "Strong evidence of uptake; the evaluation is independent.",
    "Clear problem statement and a credible budget.",
    "Impressive reach for the money, well documented.",
    "Residents shaped it from the start, and it shows.",
    "Transferable model. The open data agreement is a plus.",
    "One of the best-documented projects in my batch.",
    "Good results, measured against a baseline.",
];
const REMARKS: &[&str] = &[
    "Solid, but the results section is thin.",
    "Good idea; the plan to scale it up is unclear.",
    "Promising pilot, too early to judge the impact.",
    "Partners are listed, their roles are not explained.",
    "Would like to see outcomes, not outputs.",
    "Budget lines do not add up to the total stated.",
    "Useful, though similar services exist elsewhere.",
];
const CRITICISM: &[&str] = &[
    "Mostly a technology description; little on who benefits.",
    "No baseline, so the claimed \"40% reduction\" cannot be checked.",
    "Ambitious, but staffing, budget and timeline look unrealistic.",
    "The \"smart\" part is a dashboard nobody uses yet.",
    "Reads like a product brochure.",
    "Very little evidence of results so far.",
];
const PRAISE_KO: &[&str] = &[
    "시민 참여 과정이 인상적임.",
    "취약계층의 접근성을 잘 고려함.",
    "확산 가능성이 높음, 다른 도시에도 적용 가능.",
];
const REMARKS_KO: &[&str] = &[
    "성과 지표가 다소 부족함.",
    "예산 계획이 구체적이지 않음.",
    "운영 인력 계획 보완 필요.",
];
const CRITICISM_KO: &[&str] = &[
    "기술 소개 위주이며 수혜자 설명이 부족함.",
    "데이터 보안 대책이 보이지 않음.",
];

/// One judge's row for one application: the scores, then perhaps a comment.
fn score_row(
    entrant: &Entrant,
    temper: &Temper,
    criteria: &[Criterion],
    rng: &mut SplitMix64,
) -> (Vec<f64>, Option<&'static str>) {
    // What this judge makes of this application, beyond its merit: shared by the criteria.
    let taste = 0.5 * rng.normal();
    let mut share = 0.0;
    let scores: Vec<f64> = criteria
        .iter()
        .zip(&entrant.merit)
        .map(|(c, &merit)| {
            let raw = 6.0 + temper.spread * (merit - 6.0 + taste) + temper.shift + temper.noise * rng.normal();
            let on_scale = c.min + (raw - 1.0) / 9.0 * (c.max - c.min);
            let x = ((on_scale / temper.step).round() * temper.step).clamp(c.min, c.max);
            share += (x - c.min) / (c.max - c.min);
            x
        })
        .collect();
    let comment = if rng.chance(temper.comments) {
        share /= criteria.len().max(1) as f64;
        let korean = temper.korean && rng.chance(70);
        let pool = match (share >= 0.7, share <= 0.45, korean) {
            (true, _, false) => PRAISE,
            (true, _, true) => PRAISE_KO,
            (_, true, false) => CRITICISM,
            (_, true, true) => CRITICISM_KO,
            (false, false, false) => REMARKS,
            (false, false, true) => REMARKS_KO,
        };
        Some(*rng.pick(pool))
    } else {
        None
    };
    (scores, comment)
}

/// For every entrant, the judges who may not score it: declared conflicts, and a judge
/// whose organization (or name) is the applicant's name or organization.
fn conflicts(entrants: &[Entrant], judges: &[Judge]) -> Vec<Vec<usize>> {
    let index: HashMap<&str, usize> = entrants.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut out = vec![Vec::new(); entrants.len()];
    for (j, judge) in judges.iter().enumerate() {
        for id in &judge.conflicts {
            if let Some(&e) = index.get(id.as_str()) {
                out[e].push(j);
            }
        }
        for name in [&judge.organization, &judge.name] {
            by_name.entry(organization_key(name)).or_default().push(j);
        }
    }
    for (e, entrant) in entrants.iter().enumerate() {
        for name in entrant.names.iter().filter(|n| !n.is_empty()) {
            if let Some(js) = by_name.get(name) {
                out[e].extend(js);
            }
        }
        out[e].sort_unstable();
        out[e].dedup();
    }
    out
}

/// Who scores what in one round: each of `who` (entrants) gets `want` judges among
/// `serving`, never a conflicted one, always the least loaded so far (ties drawn at
/// random), so the load is even. Returns each judge's entrants, and how many entrants got
/// fewer judges than wanted.
fn assign(
    who: &[usize],
    serving: &[usize],
    conflicted: &[Vec<usize>],
    judges: usize,
    mut want: impl FnMut(&mut SplitMix64) -> usize,
    rng: &mut SplitMix64,
) -> (Vec<Vec<usize>>, usize) {
    let mut order = who.to_vec();
    rng.shuffle(&mut order);
    let mut load = vec![0u64; judges];
    let mut per_judge = vec![Vec::new(); judges];
    let mut short = 0;
    let mut candidates: Vec<(u64, usize)> = Vec::with_capacity(serving.len());
    for e in order {
        let k = want(rng);
        candidates.clear();
        candidates.extend(
            serving
                .iter()
                .filter(|j| conflicted[e].binary_search(j).is_err())
                .map(|&j| ((load[j] << 32) | (rng.next_u64() >> 32), j)),
        );
        if candidates.len() > k {
            candidates.select_nth_unstable(k - 1);
            candidates.truncate(k);
        }
        if candidates.len() < k {
            short += 1;
        }
        for &(_, j) in &candidates {
            load[j] += 1;
            per_judge[j].push(e);
        }
    }
    (per_judge, short)
}

/// What was written for one round.
#[derive(Default)]
pub(crate) struct Written {
    pub(crate) sheets: usize,
    pub(crate) rows: usize,
    pub(crate) comments: usize,
    /// Applications that got fewer judges than wanted (too many conflicts).
    pub(crate) short: usize,
}

/// Writes `scores/<round>/<judge>.csv` for every judge with work in the round, in the
/// canonical form `prize scores import` stores: UTF-8, `\n`, criterion ids in `prize.toml`
/// order, rows sorted by application id. Every row has its own random stream, so writing
/// the sheets in parallel changes nothing in what is written.
#[allow(clippy::too_many_arguments)]
fn write_sheets(
    root: &Path,
    round: (usize, &str),
    per_judge: &[Vec<usize>],
    judges: &[Judge],
    tempers: &[Temper],
    entrants: &[Entrant],
    criteria: &[Criterion],
    seed: u64,
) -> Result<Written, String> {
    let folder = root.join("scores").join(round.1);
    fs::create_dir_all(&folder).map_err(at(&folder))?;
    let counts = per_judge
        .par_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(j, list)| {
            let mut list = list.clone();
            list.sort_unstable_by(|&a, &b| entrants[a].id.cmp(&entrants[b].id));
            let path = folder.join(format!("{}.csv", judges[j].id));
            let file = fs::File::create(&path).map_err(at(&path))?;
            let mut sheet = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(BufWriter::new(file));
            let fail = |e: csv::Error| format!("{}: {e}", path.display());
            let header = std::iter::once("application")
                .chain(criteria.iter().map(|c| c.id.as_str()))
                .chain(std::iter::once("comment"));
            sheet.write_record(header).map_err(fail)?;
            let mut comments = 0;
            let mut record: Vec<String> = Vec::with_capacity(criteria.len() + 2);
            for &e in &list {
                // The streams of one seed: 1 and 2 plan, 1000 + i write application i,
                // these (above 2^56) score.
                let tag = ((round.0 as u64 + 1) << 56) ^ ((e as u64) << 20) ^ j as u64;
                let mut rng = SplitMix64::stream(seed, tag);
                let (scores, comment) = score_row(&entrants[e], &tempers[j], criteria, &mut rng);
                record.clear();
                record.push(entrants[e].id.clone());
                record.extend(scores.iter().map(|x| format!("{x}")));
                record.push(comment.unwrap_or_default().to_string());
                comments += usize::from(comment.is_some());
                sheet.write_record(&record).map_err(fail)?;
            }
            sheet.flush().map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((list.len(), comments))
        })
        .collect::<Result<Vec<(usize, usize)>, String>>()?;
    write_assignment(root, round.1, per_judge, judges, entrants)?;
    Ok(Written {
        sheets: counts.len(),
        rows: counts.iter().map(|c| c.0).sum(),
        comments: counts.iter().map(|c| c.1).sum(),
        short: 0,
    })
}

/// Writes `assignments/<round>.csv`, the pairs the sheets were made from, in the form
/// `prize assign` writes: header `application,judge`, one row a pair, sorted.
fn write_assignment(
    root: &Path,
    round: &str,
    per_judge: &[Vec<usize>],
    judges: &[Judge],
    entrants: &[Entrant],
) -> Result<(), String> {
    let folder = root.join("assignments");
    fs::create_dir_all(&folder).map_err(at(&folder))?;
    let mut pairs: Vec<(&str, &str)> = per_judge
        .iter()
        .enumerate()
        .flat_map(|(j, list)| {
            list.iter()
                .map(move |&e| (entrants[e].id.as_str(), judges[j].id.as_str()))
        })
        .collect();
    pairs.sort_unstable();
    let mut text = String::from("application,judge\n");
    for (application, judge) in pairs {
        text.push_str(application);
        text.push(',');
        text.push_str(judge);
        text.push('\n');
    }
    let path = folder.join(format!("{round}.csv"));
    fs::write(&path, text).map_err(at(&path))
}

/// The judges of `judges` who serve in `round`.
fn serving(judges: &[Judge], round: &str) -> Vec<usize> {
    (0..judges.len())
        .filter(|&j| judges[j].rounds.is_none_or(|r| r == round))
        .collect()
}

/// The applications that advance from the first round, as `prize` itself decides it from
/// the sheets just written; and whether `prize` agrees with the generator on who competed.
fn finalists(root: &Path, entrants: &[Entrant]) -> Result<Vec<usize>, String> {
    let edition = prize::report::open(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let archive = &edition.archive;
    if archive.config.is_none() {
        return Err("prize could not read the prize.toml just written".to_string());
    }
    if archive.sheets.is_empty() {
        return Err("prize read no score sheet from scores/: cannot decide the finalists".to_string());
    }
    let eligible: BTreeSet<&str> = archive
        .applications
        .iter()
        .filter(|a| a.status == prize::model::Status::Eligible)
        .map(|a| a.id.as_str())
        .collect();
    let planned: BTreeSet<&str> = entrants.iter().filter(|e| e.eligible).map(|e| e.id.as_str()).collect();
    if eligible != planned {
        let differ: Vec<&str> = eligible.symmetric_difference(&planned).copied().take(10).collect();
        return Err(format!(
            "prize and the generator disagree on who is eligible: {}",
            differ.join(" ")
        ));
    }
    let results = &edition.rounds;
    let index: HashMap<&str, usize> = entrants.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let advanced = results.first().map_or(&[][..], |r| r.advanced.as_slice());
    advanced
        .iter()
        .map(|&a| {
            let id = archive.applications[a].id.as_str();
            index
                .get(id)
                .copied()
                .ok_or_else(|| format!("{id} advanced but was not generated"))
        })
        .collect()
}

/// What the jury did, for the summary line.
pub(crate) struct Jury {
    pub(crate) first: Written,
    /// Finalists per track, in the preset's track order; `None` when the final was skipped.
    pub(crate) finalists: Option<Vec<(&'static str, usize)>>,
    pub(crate) last: Option<Written>,
    /// Why the final was not scored.
    pub(crate) skipped: &'static str,
    pub(crate) tempers: Vec<Temper>,
}

/// Scores the first round, lets `prize` decide who advances, then scores the final.
pub(crate) fn judge(
    args: &Args,
    preset: &PresetSpec,
    seed: u64,
    entrants: &[Entrant],
    judges: &[Judge],
) -> Result<Jury, String> {
    let criteria = criteria(preset)?;
    let tempers = tempers(
        judges,
        preset.rounds.first().copied().unwrap_or_default(),
        &mut SplitMix64::stream(seed, 4),
    );
    let conflicted = conflicts(entrants, judges);
    let large = entrants.len() >= LARGE_RUN;
    let Some(&first) = preset.rounds.first() else {
        return Ok(Jury {
            first: Written::default(),
            finalists: None,
            last: None,
            skipped: "",
            tempers,
        });
    };

    let competing: Vec<usize> = (0..entrants.len()).filter(|&e| entrants[e].eligible).collect();
    let (per_judge, short) = assign(
        &competing,
        &serving(judges, first),
        &conflicted,
        judges.len(),
        |rng| {
            if large {
                LARGE_RUN_JUDGES
            } else {
                [3, 4, 5][rng.weighted(&[15, 70, 15])]
            }
        },
        &mut SplitMix64::stream(seed, 5),
    );
    let mut written = write_sheets(
        &args.out,
        (0, first),
        &per_judge,
        judges,
        &tempers,
        entrants,
        &criteria,
        seed,
    )?;
    written.short = short;
    let mut jury = Jury {
        first: written,
        finalists: None,
        last: None,
        skipped: "",
        tempers,
    };

    let &[_, final_round] = preset.rounds else {
        return Ok(jury);
    };
    if large && !args.score_final {
        jury.skipped = "a large run; --score-final scores it";
        return Ok(jury);
    }
    if jury.first.rows == 0 {
        jury.skipped = "no first-round scores to choose finalists from";
        return Ok(jury);
    }
    let finalists = finalists(&args.out, entrants)?;
    let mut panel = serving(judges, final_round);
    if panel.len() > PANEL {
        // The judges with a temper first, so that the final feels them too; then a draw.
        let rng = &mut SplitMix64::stream(seed, 7);
        rng.shuffle(&mut panel);
        panel.sort_by_key(|&j| jury.tempers[j].kind == "fair");
        panel.truncate(PANEL);
    }
    let (per_judge, short) = assign(
        &finalists,
        &panel,
        &conflicted,
        judges.len(),
        |rng| [4, 5][rng.weighted(&[55, 45])],
        &mut SplitMix64::stream(seed, 6),
    );
    let mut written = write_sheets(
        &args.out,
        (1, final_round),
        &per_judge,
        judges,
        &jury.tempers,
        entrants,
        &criteria,
        seed,
    )?;
    written.short = short;
    jury.finalists = Some(
        preset
            .tracks
            .iter()
            .map(|t| (t.id, finalists.iter().filter(|&&e| entrants[e].track == t.id).count()))
            .collect(),
    );
    jury.last = Some(written);
    Ok(jury)
}
