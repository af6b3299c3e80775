//! `prize.toml`: the edition's tracks, sectors, criteria, eligibility, rules, rounds and awards.

use std::collections::BTreeMap;

use crate::diagnostics::codes::{self, Code};
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::number;
use crate::diagnostics::source::SourceFile;
use crate::load::fields::{self, Reader, Sp, Table};
use crate::load::ids::DUPLICATE_ID;
use crate::load::ids::{self, UNKNOWN_APPLICANT_TYPE, UNKNOWN_SECTOR, UNKNOWN_TRACK};
use crate::load::rules;
use crate::model::config::{
    Advance, Award, Config, Conflicts, Criterion, Eligibility, PROJECT_STATUSES, Round, Scoring, TieBreak, Track,
};

/// `config-invalid`: `prize.toml` makes no sense as a whole.
pub static CONFIG_INVALID: Code = Code {
    name: "config-invalid",
    severity: Severity::Error,
    summary: "prize.toml is well-formed but makes no sense",
    explanation: "\
`prize.toml` parses, but its parts do not fit together: no tracks, no criteria or no rounds; a
criterion whose `max` is not above its `min`; a non-positive weight; a weight, `min`, `max` or
`min_score` that is not finite; a criterion whose `max − min`, or criteria whose sum of
weights, is beyond the largest double (the arithmetic would overflow); an `advance` on the last round or missing on an earlier one; an
`advance` table that does not name every track; an unknown scoring method or tie-break key; a
custom rule whose id is a built-in code, whose check is unknown, whose value does not suit the
check or whose regular expression is past its share of the rules' budget; an eligibility
window that closes before it opens. Nothing is ranked until it is fixed.

### Example

    [[criteria]]
    id = \"implementation\"
    min = 10
    max = 1

### How to fix

    min = 1
    max = 10
",
};

const TOP_KEYS: &[&str] = &[
    "prize",
    "tracks",
    "eligibility",
    "rules",
    "conflicts",
    "criteria",
    "scoring",
    "rounds",
    "awards",
    "winners",
];

/// Reads `prize.toml`. `None` when it is not TOML at all; otherwise the usable parts, with a
/// finding for every problem. `methods` are the scoring methods' names, as the layer that
/// defines them gives them (loading knows no method).
pub fn parse(file: &SourceFile, methods: &[&str]) -> (Option<Config>, Vec<Finding>) {
    let doc = match fields::parse(file) {
        Ok(doc) => doc,
        Err(findings) => return (None, findings),
    };
    let mut r = Reader::new(file, Severity::Error);
    let root = r.root(&doc);
    r.unknown_keys(&root, TOP_KEYS);
    let mut config = Config::default();

    if let Some(prize) = r.table(&root, "prize", true) {
        r.unknown_keys(&prize, &["name", "edition", "sectors", "applicant_types"]);
        config.name = r.text(&prize, "name", true).map(|s| s.value).unwrap_or_default();
        config.edition = r.string(&prize, "edition", false).map(|s| s.value).unwrap_or_default();
        config.sectors = id_list(&mut r, &prize, "sectors");
        config.applicant_types = id_list(&mut r, &prize, "applicant_types");
    }

    config.tracks = tracks(&mut r, &root, &config);
    if let Some(t) = r.table(&root, "eligibility", false) {
        config.eligibility = eligibility(&mut r, &t);
    }
    config.rules = rules::parse_all(&mut r, &root);
    if let Some(t) = r.table(&root, "conflicts", false) {
        r.unknown_keys(&t, &["same_country", "same_organization"]);
        let defaults = Conflicts::default();
        config.conflicts = Conflicts {
            same_country: r
                .boolean(&t, "same_country", false)
                .map_or(defaults.same_country, |b| b.value),
            same_organization: r
                .boolean(&t, "same_organization", false)
                .map_or(defaults.same_organization, |b| b.value),
        };
    }
    config.criteria = criteria(&mut r, &root);
    config.scoring = scoring(&mut r, &root, &config.criteria, methods);
    config.rounds = rounds(&mut r, &root, &config, methods);
    config.awards = awards(&mut r, &root, &config);
    if let Some(t) = r.table(&root, "winners", false) {
        r.unknown_keys(&t, &["max_per_country"]);
        config.winners.max_per_country = r.integer(&t, "max_per_country", false, 1).map(|n| n.value as usize);
    }
    (Some(config), r.findings)
}

/// A required, non-empty list of unique ids.
fn id_list(r: &mut Reader<'_>, table: &Table<'_, '_>, key: &str) -> Vec<String> {
    let Some(list) = r.ids(table, key, true) else {
        return Vec::new();
    };
    if list.value.is_empty() {
        r.report_help(
            &CONFIG_INVALID,
            list.span.clone(),
            format!("`{}` is empty", table.key_path(key)),
            "list at least one id",
        );
    }
    unique(r, &table.key_path(key), list.value)
}

/// Drops repeated ids, reporting each repeat as `duplicate-id`.
fn unique(r: &mut Reader<'_>, what: &str, ids: Vec<Sp<String>>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::with_capacity(ids.len());
    for id in ids {
        if seen.contains(&id.value) {
            r.report(
                &DUPLICATE_ID,
                id.span,
                format!("`{}` appears twice in `{what}`", id.value),
            );
        } else {
            seen.push(id.value);
        }
    }
    seen
}

/// Checks that every id in `list` is one of `known`, reporting unknown ones with `code`.
fn known_ids(
    r: &mut Reader<'_>,
    code: &'static Code,
    what: &str,
    list: Sp<Vec<Sp<String>>>,
    known: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    for id in list.value {
        if known.contains(&id.value) {
            out.push(id.value);
        } else {
            unknown_ref(r, code, what, &id, known);
        }
    }
    out
}

/// Reports a reference to an id that is not defined.
pub fn unknown_ref(r: &mut Reader<'_>, code: &'static Code, what: &str, id: &Sp<String>, known: &[String]) {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    r.findings.push(ids::unknown(r.file, code, what, id, &known));
}

fn tracks(r: &mut Reader<'_>, root: &Table<'_, '_>, config: &Config) -> Vec<Track> {
    let tables = r.tables(root, "tracks");
    if tables.is_empty()
        && !root
            .get("tracks")
            .is_some_and(|v| !matches!(v.get_ref(), toml::de::DeValue::Array(_)))
    {
        r.report_help(
            &CONFIG_INVALID,
            0..0,
            "prize.toml defines no tracks",
            "add a `[[tracks]]` table with an `id` and a `name`",
        );
    }
    let mut out: Vec<Track> = Vec::new();
    for t in tables {
        r.unknown_keys(&t, &["id", "name", "applicant_types"]);
        let id = r.id(&t, "id", true);
        let name = r.text(&t, "name", true);
        let types = r
            .strings(&t, "applicant_types", false)
            .map(|l| known_ids(r, &UNKNOWN_APPLICANT_TYPE, "applicant type", l, &config.applicant_types));
        let Some(id) = id else { continue };
        if out.iter().any(|o| o.id == id.value) {
            r.report(&DUPLICATE_ID, id.span, format!("track `{}` is defined twice", id.value));
            continue;
        }
        out.push(Track {
            name: name.map_or_else(|| id.value.clone(), |n| n.value),
            id: id.value,
            applicant_types: types,
        });
    }
    out
}

fn eligibility(r: &mut Reader<'_>, t: &Table<'_, '_>) -> Eligibility {
    r.unknown_keys(
        t,
        &[
            "opens",
            "deadline",
            "project_status",
            "min_operating_months",
            "require_beneficiaries",
            "max_summary_words",
            "one_per_applicant",
        ],
    );
    let opens = r.timestamp(t, "opens", false);
    let deadline = r.timestamp(t, "deadline", false);
    let deadline_date = deadline
        .as_ref()
        .and(t.get("deadline"))
        .and_then(|v| match v.get_ref() {
            toml::de::DeValue::Datetime(d) => fields::to_date(d),
            _ => None,
        });
    if let (Some(o), Some(d)) = (&opens, &deadline)
        && o.value >= d.value
    {
        r.report(
            &CONFIG_INVALID,
            d.span.clone(),
            "`eligibility.deadline` is not after `eligibility.opens`",
        );
    }
    let project_status = r.strings(t, "project_status", false).map(|list| {
        let mut out = Vec::new();
        for s in list.value {
            if PROJECT_STATUSES.contains(&s.value.as_str()) {
                out.push(s.value);
            } else {
                r.report_help(
                    &fields::INVALID_VALUE,
                    s.span.clone(),
                    format!("`{}` is not a project status", s.value),
                    "project statuses are planned, pilot and operational",
                );
            }
        }
        out
    });
    Eligibility {
        opens,
        deadline,
        deadline_date,
        project_status,
        min_operating_months: r.integer(t, "min_operating_months", false, 0).and_then(|n| {
            if n.value <= 1200 {
                Some(n.value)
            } else {
                r.report(
                    &CONFIG_INVALID,
                    n.span,
                    "`eligibility.min_operating_months` is over 1200 (100 years)",
                );
                None
            }
        }),
        require_beneficiaries: r.boolean(t, "require_beneficiaries", false).is_some_and(|b| b.value),
        max_summary_words: r.integer(t, "max_summary_words", false, 1).map(|n| n.value),
        one_per_applicant: r.boolean(t, "one_per_applicant", false).is_some_and(|b| b.value),
    }
}

fn criteria(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Vec<Criterion> {
    let tables = r.tables(root, "criteria");
    if tables.is_empty()
        && !root
            .get("criteria")
            .is_some_and(|v| !matches!(v.get_ref(), toml::de::DeValue::Array(_)))
    {
        r.report_help(
            &CONFIG_INVALID,
            0..0,
            "prize.toml defines no criteria",
            "add a `[[criteria]]` table with an `id`, a `name`, a `weight`, `min` and `max`",
        );
    }
    let mut out: Vec<Criterion> = Vec::new();
    // The span of each kept criterion's `weight`, where one is written.
    let mut weight_spans: Vec<Option<std::ops::Range<usize>>> = Vec::new();
    for t in tables {
        r.unknown_keys(&t, &["id", "name", "weight", "min", "max"]);
        let id = r.id(&t, "id", true);
        let name = r.text(&t, "name", false);
        let mut ok = true;
        let weight = scoring_number(r, &t, "weight", &mut ok);
        let min = scoring_number(r, &t, "min", &mut ok);
        let max = scoring_number(r, &t, "max", &mut ok);
        if let Some(w) = &weight
            && w.value <= 0.0
        {
            r.report(
                &CONFIG_INVALID,
                w.span.clone(),
                "a criterion's `weight` must be positive",
            );
            ok = false;
        }
        let (lo, hi) = (
            min.as_ref().map_or(0.0, |m| m.value),
            max.as_ref().map_or(10.0, |m| m.value),
        );
        if hi <= lo {
            let span = max
                .as_ref()
                .or(min.as_ref())
                .map_or(t.anchor.clone(), |m| m.span.clone());
            r.report_help(
                &CONFIG_INVALID,
                span,
                format!(
                    "criterion `max` ({}) is not above its `min` ({})",
                    number(hi),
                    number(lo)
                ),
                "scores run from `min` to `max`; make `max` the larger",
            );
            ok = false;
        } else if !(hi - lo).is_finite() {
            for bound in [&min, &max].into_iter().flatten() {
                r.report_help(
                    &CONFIG_INVALID,
                    bound.span.clone(),
                    format!(
                        "the range from {} to {} is beyond the largest number the scoring can work with",
                        number(lo),
                        number(hi)
                    ),
                    "`max − min` must be at most about 1.8e308",
                );
            }
            ok = false;
        }
        let Some(id) = id else { continue };
        if out.iter().any(|c| c.id == id.value) {
            r.report(
                &DUPLICATE_ID,
                id.span,
                format!("criterion `{}` is defined twice", id.value),
            );
            continue;
        }
        if ok {
            weight_spans.push(weight.as_ref().map(|w| w.span.clone()));
            out.push(Criterion {
                name: name.map_or_else(|| id.value.clone(), |n| n.value),
                id: id.value,
                weight: weight.map_or(1.0, |w| w.value),
                min: lo,
                max: hi,
            });
        }
    }
    // Summed in the order the scoring sums them: finite here, finite there.
    let sum: f64 = out.iter().map(|c| c.weight).sum();
    if !sum.is_finite() {
        for span in weight_spans.into_iter().flatten() {
            r.report_help(
                &CONFIG_INVALID,
                span,
                "the criteria's weights add up to more than the largest number the scoring can work with",
                "only the weights' ratios count: divide them all by the same number",
            );
        }
        out.clear();
    }
    out
}

/// The optional number `key` of the scoring (a weight, a bound, a `min_score`): one that is not
/// finite is `config-invalid` at its span, clears `ok` and is left out.
fn scoring_number(r: &mut Reader<'_>, t: &Table<'_, '_>, key: &str, ok: &mut bool) -> Option<Sp<f64>> {
    if let Some(value) = t.get(key)
        && let Some(n) = fields::number_value(value.get_ref())
        && !n.is_finite()
    {
        r.report_help(
            &CONFIG_INVALID,
            value.span(),
            format!("`{}` is {n}, not a finite number", t.key_path(key)),
            "weights, `min`, `max` and `min_score` must be finite numbers",
        );
        *ok = false;
        return None;
    }
    r.number(t, key, false)
}

fn method(r: &mut Reader<'_>, t: &Table<'_, '_>, methods: &[&str]) -> Option<String> {
    let m = r.string(t, "method", false)?;
    if methods.contains(&m.value.as_str()) {
        return Some(m.value);
    }
    let help = fields::did_you_mean(&m.value, methods.iter().copied(), || {
        format!("methods: {}", methods.join(", "))
    });
    r.report_help(
        &CONFIG_INVALID,
        m.span,
        format!("unknown scoring method `{}`", m.value),
        help,
    );
    None
}

fn scoring(r: &mut Reader<'_>, root: &Table<'_, '_>, criteria: &[Criterion], methods: &[&str]) -> Scoring {
    let mut s = Scoring::default();
    let Some(t) = r.table(root, "scoring", false) else {
        return s;
    };
    r.unknown_keys(&t, &["method", "trim", "min_judges", "tie_break", "jury_order"]);
    if let Some(m) = method(r, &t, methods) {
        s.method = m;
    }
    if let Some(n) = r.integer(&t, "trim", false, 0) {
        s.trim = n.value as usize;
    }
    if let Some(n) = r.integer(&t, "min_judges", false, 1) {
        s.min_judges = n.value as usize;
    }
    if let Some(keys) = r.strings(&t, "tie_break", false) {
        for key in keys.value {
            match tie_break(&key.value, criteria) {
                Ok(tb) => s.tie_break.push(tb),
                // That criterion's own error is the one to fix; a second finding would mislead.
                Err(_) if broken_criterion(root, &key.value) => {}
                Err(help) => r.report_help(
                    &CONFIG_INVALID,
                    key.span,
                    format!("unknown tie-break key `{}`", key.value),
                    help,
                ),
            }
        }
    }
    if let Some(order) = r.strings(&t, "jury_order", false) {
        let mut seen: Vec<String> = Vec::new();
        for id in order.value {
            if seen.contains(&id.value) {
                r.report(
                    &DUPLICATE_ID,
                    id.span.clone(),
                    format!("`{}` appears twice in `scoring.jury_order`", id.value),
                );
            } else {
                seen.push(id.value.clone());
                s.jury_order.push(id);
            }
        }
    }
    s
}

/// Whether `key` is `criterion:<id>` for a `[[criteria]]` table that prize.toml has but that was
/// left out of the criteria for an error of its own.
fn broken_criterion(root: &Table<'_, '_>, key: &str) -> bool {
    use toml::de::DeValue;
    let Some(id) = key.strip_prefix("criterion:") else {
        return false;
    };
    let Some(DeValue::Array(tables)) = root.get("criteria").map(|v| v.get_ref()) else {
        return false;
    };
    tables.iter().any(|t| match t.get_ref() {
        DeValue::Table(t) => t
            .get("id")
            .is_some_and(|v| matches!(v.get_ref(), DeValue::String(s) if s == id)),
        _ => false,
    })
}

fn tie_break(key: &str, criteria: &[Criterion]) -> Result<TieBreak, String> {
    match key {
        "median" => Ok(TieBreak::Median),
        "min" => Ok(TieBreak::Min),
        "max" => Ok(TieBreak::Max),
        _ => match key.strip_prefix("criterion:") {
            Some(id) if criteria.iter().any(|c| c.id == id) => Ok(TieBreak::Criterion(id.to_string())),
            Some(id) => Err(match fields::suggest(id, criteria.iter().map(|c| c.id.as_str())) {
                Some(close) => format!("did you mean `criterion:{close}`?"),
                None => format!(
                    "criteria: {}",
                    criteria.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            }),
            None => Err("tie-break keys are `criterion:<id>`, `median`, `min` and `max`".to_string()),
        },
    }
}

fn rounds(r: &mut Reader<'_>, root: &Table<'_, '_>, config: &Config, methods: &[&str]) -> Vec<Round> {
    let tables = r.tables(root, "rounds");
    if tables.is_empty()
        && !root
            .get("rounds")
            .is_some_and(|v| !matches!(v.get_ref(), toml::de::DeValue::Array(_)))
    {
        r.report_help(
            &CONFIG_INVALID,
            0..0,
            "prize.toml defines no rounds",
            "add a `[[rounds]]` table with an `id` and a `name`",
        );
    }
    let last = tables.len().saturating_sub(1);
    let track_ids: Vec<String> = config.tracks.iter().map(|t| t.id.clone()).collect();
    let mut out: Vec<Round> = Vec::new();
    for (i, t) in tables.iter().enumerate() {
        r.unknown_keys(t, &["id", "name", "advance", "method"]);
        let id = r.id(t, "id", true);
        let name = r.text(t, "name", false);
        let method = method(r, t, methods);
        let advance = advance(r, t, &track_ids);
        match (&advance, i == last) {
            (Some(a), true) => {
                r.report_help(
                    &CONFIG_INVALID,
                    a.span.clone(),
                    "the last round has an `advance`, but there is no round to advance to",
                    "remove `advance`, or add the next `[[rounds]]`",
                );
            }
            (None, false) if t.get("advance").is_none() => {
                r.report_help(
                    &CONFIG_INVALID,
                    t.anchor.clone(),
                    "this round is followed by another but has no `advance`",
                    "say how many go on per track, e.g. `advance = 20`",
                );
            }
            _ => {}
        }
        let Some(id) = id else { continue };
        if out.iter().any(|o| o.id == id.value) {
            r.report(&DUPLICATE_ID, id.span, format!("round `{}` is defined twice", id.value));
            continue;
        }
        out.push(Round {
            name: name.map_or_else(|| id.value.clone(), |n| n.value),
            id: id.value,
            advance: advance.filter(|_| i != last).map(|a| a.value),
            method,
        });
    }
    out
}

fn advance(r: &mut Reader<'_>, t: &Table<'_, '_>, tracks: &[String]) -> Option<Sp<Advance>> {
    let value = t.get("advance")?;
    if let toml::de::DeValue::Table(_) = value.get_ref() {
        let table = r.table(t, "advance", false)?;
        let mut per_track = BTreeMap::new();
        for (key, v) in table.table.iter() {
            let track = key.get_ref().to_string();
            if !tracks.contains(&track) {
                unknown_ref(r, &UNKNOWN_TRACK, "track", &Sp::new(track, key.span()), tracks);
                continue;
            }
            match fields::number_value(v.get_ref()) {
                Some(n) if n >= 1.0 && n.fract() == 0.0 && matches!(v.get_ref(), toml::de::DeValue::Integer(_)) => {
                    per_track.insert(track, n as usize);
                }
                _ => {
                    r.report(
                        &fields::INVALID_VALUE,
                        v.span(),
                        format!("`advance.{track}` must be a whole number of at least 1"),
                    );
                }
            }
        }
        let missing: Vec<&str> = tracks
            .iter()
            .filter(|t| !per_track.contains_key(*t))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            r.report_help(
                &CONFIG_INVALID,
                value.span(),
                format!(
                    "the `advance` table does not name track{} {}",
                    if missing.len() == 1 { "" } else { "s" },
                    quoted(&missing)
                ),
                "an `advance` table must give a number for every track",
            );
        }
        return Some(Sp::new(Advance::PerTrack(per_track), value.span()));
    }
    let n = r.integer(t, "advance", false, 1)?;
    Some(Sp::new(Advance::All(n.value as usize), n.span))
}

fn quoted(items: &[&str]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

fn awards(r: &mut Reader<'_>, root: &Table<'_, '_>, config: &Config) -> Vec<Award> {
    let track_ids: Vec<String> = config.tracks.iter().map(|t| t.id.clone()).collect();
    let mut out: Vec<Award> = Vec::new();
    for t in r.tables(root, "awards") {
        r.unknown_keys(
            &t,
            &[
                "id",
                "name",
                "track",
                "count",
                "applicant_types",
                "sectors",
                "min_score",
                "max_per_country",
                "picks",
            ],
        );
        let id = r.id(&t, "id", true);
        let name = r.text(&t, "name", false);
        let picks = r.strings(&t, "picks", false);
        let track = r.string(&t, "track", picks.is_none());
        let track = track.and_then(|tr| {
            if track_ids.contains(&tr.value) {
                Some(tr.value)
            } else {
                unknown_ref(r, &UNKNOWN_TRACK, "track", &tr, &track_ids);
                None
            }
        });
        let count = r.integer(&t, "count", picks.is_none(), 1).map(|n| n.value as usize);
        let applicant_types = r
            .strings(&t, "applicant_types", false)
            .map(|l| known_ids(r, &UNKNOWN_APPLICANT_TYPE, "applicant type", l, &config.applicant_types));
        let sectors = r
            .strings(&t, "sectors", false)
            .map(|l| known_ids(r, &UNKNOWN_SECTOR, "sector", l, &config.sectors));
        let min_score = scoring_number(r, &t, "min_score", &mut true).map(|n| n.value);
        let max_per_country = r.integer(&t, "max_per_country", false, 1).map(|n| n.value as usize);
        if let (Some(p), Some(c)) = (&picks, count)
            && p.value.len() > c
        {
            r.report(
                &CONFIG_INVALID,
                p.span.clone(),
                format!("{} picks for an award of {c}", p.value.len()),
            );
        }
        let Some(id) = id else { continue };
        if out.iter().any(|a| a.id == id.value) {
            r.report(&DUPLICATE_ID, id.span, format!("award `{}` is defined twice", id.value));
            continue;
        }
        out.push(Award {
            name: name.map_or_else(|| id.value.clone(), |n| n.value),
            id: id.value,
            track,
            count,
            applicant_types,
            sectors,
            min_score,
            max_per_country,
            picks: picks.map(|p| p.value),
        });
    }
    out
}

/// Whether a custom rule may use `id` (built-in codes are reserved).
pub fn rule_id_free(id: &str) -> bool {
    !codes::is_builtin(id)
}
