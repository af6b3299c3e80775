//! Eligibility (spec 3.2): the codes that make a well-formed application ineligible.

use rustc_hash::FxHashMap;

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::application::Application;
use crate::model::config::Config;

macro_rules! eligibility_code {
    ($name:ident, $code:literal, $summary:literal, $explanation:literal) => {
        #[doc = concat!("`", $code, "`: ", $summary, ".")]
        pub static $name: Code = Code {
            name: $code,
            severity: Severity::Ineligible,
            summary: $summary,
            explanation: $explanation,
        };
    };
}

eligibility_code!(
    LATE_SUBMISSION,
    "late-submission",
    "submitted after eligibility.deadline",
    "\
`submitted` is later than `eligibility.deadline` in prize.toml. Both are instants with a
time-zone offset and are compared as such: 10:00 in London (+00:00) is after a deadline of
18:00 in Seoul (+09:00) on the same day, since that deadline is 09:00 in London.

### Example

    # prize.toml: deadline = 2026-05-29T18:00:00+09:00
    submitted = 2026-05-29T18:05:00+09:00

### How to fix

Nothing to fix in the file if it was late. If the committee accepts it anyway, waive it:

    [screening]
    waive = [\"late-submission\"]
    waive_reason = \"portal outage on 29 May, committee decision of 2 June\"
"
);

eligibility_code!(
    EARLY_SUBMISSION,
    "early-submission",
    "submitted before eligibility.opens",
    "\
`submitted` is earlier than `eligibility.opens`: the call was not open yet. Often a typo in
the year.

### Example

    # prize.toml: opens = 2026-02-13T09:00:00+09:00
    submitted = 2025-05-20T14:03:00+09:00

### How to fix

Correct the date, or waive the code in `[screening]` with a reason.
"
);

eligibility_code!(
    TRACK_APPLICANT_TYPE,
    "track-applicant-type",
    "the applicant type may not enter this track",
    "\
The track's `applicant_types` in prize.toml does not list the applicant's `type`.

### Example

    # prize.toml: leadership is for applicant_types = [\"individual\"]
    track = \"leadership\"
    [applicant]
    type = \"city\"

### How to fix

Move the application to a track its applicant may enter, or correct `applicant.type`.
"
);

eligibility_code!(
    PROJECT_STATUS,
    "project-status",
    "project.status is not one the call accepts",
    "\
`eligibility.project_status` lists the statuses accepted (for example only pilot and
operational projects), and the application's `project.status` is not among them.

### Example

    # prize.toml: project_status = [\"pilot\", \"operational\"]
    [project]
    status = \"planned\"

### How to fix

Nothing, if the project is only planned: it is not eligible this year.
"
);

eligibility_code!(
    OPERATING_TOO_SHORT,
    "operating-too-short",
    "the project started too shortly before the deadline",
    "\
`project.started` is later than the deadline minus `eligibility.min_operating_months`
calendar months. With a deadline of 29 May 2026 and 6 months, a project must have started on
or before 29 November 2025. Months are calendar months: from 31 August, six months back is
28 (or 29) February.

### Example

    [project]
    started = 2026-01-15

### How to fix

Check the start date with the applicant; otherwise it is not eligible this year.
"
);

eligibility_code!(
    NO_BENEFICIARIES,
    "no-beneficiaries",
    "the project names no beneficiaries",
    "\
`eligibility.require_beneficiaries` is true and `project.beneficiaries` is missing or empty.

### Example

    [project]
    beneficiaries = []

### How to fix

    beneficiaries = [\"older adults\", \"people with disabilities\"]
"
);

eligibility_code!(
    SUMMARY_TOO_LONG,
    "summary-too-long",
    "project.summary has more words than allowed",
    "\
`project.summary` has more words (runs of non-whitespace characters) than
`eligibility.max_summary_words`.

### Example

    # prize.toml: max_summary_words = 300
    summary = \"…a summary of 412 words…\"

### How to fix

Ask the applicant for a shorter summary.
"
);

eligibility_code!(
    DUPLICATE_APPLICANT,
    "duplicate-applicant",
    "the applicant already applied to this track",
    "\
`eligibility.one_per_applicant` is true and another application of the same track has the
same applicant: the same country and the same name, compared without regard to case,
accents or spaces (`Bogotá D.C.` = `BOGOTA D. C.`). The earliest submitted stays eligible;
every later one gets this finding.

### Example

    applications/a.toml:  name = \"Bogotá D.C.\"   submitted = 2026-04-02T10:00:00-05:00
    applications/b.toml:  name = \"BOGOTA D. C.\"  submitted = 2026-05-20T09:00:00-05:00

### How to fix

Keep one application per applicant and track, or waive the code on the later one.
"
);

eligibility_code!(
    SCREENING_REJECTED,
    "screening-rejected",
    "the secretariat rejected the application at screening",
    "\
The application's `[screening]` table says `decision = \"reject\"` (with its `reason`).

### Example

    [screening]
    decision = \"reject\"
    reason = \"no evidence of results\"

### How to fix

Nothing: this records a decision. Change it to `accept` if the decision changes.
"
);

/// Every eligibility code.
pub static CODES: &[&Code] = &[
    &LATE_SUBMISSION,
    &EARLY_SUBMISSION,
    &TRACK_APPLICANT_TYPE,
    &PROJECT_STATUS,
    &OPERATING_TOO_SHORT,
    &NO_BENEFICIARIES,
    &SUMMARY_TOO_LONG,
    &DUPLICATE_APPLICANT,
    &SCREENING_REJECTED,
];

/// "2 days 3 h 5 min": how far apart two instants are, for messages.
fn how_long(from: jiff::Timestamp, to: jiff::Timestamp) -> String {
    let minutes = (to.as_second() - from.as_second()).unsigned_abs().div_ceil(60);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let mut parts = Vec::new();
    if days > 0 {
        parts.push(format!("{days} day{}", if days == 1 { "" } else { "s" }));
    }
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if mins > 0 || parts.is_empty() {
        parts.push(format!("{mins} min"));
    }
    parts.join(" ")
}

/// The eligibility checks that need only one application and the configuration.
pub fn application(config: &Config, file: &SourceFile, app: &Application) -> Vec<Finding> {
    let rules = &config.eligibility;
    let mut out = Vec::new();
    if let Some(submitted) = &app.submitted {
        if let Some(deadline) = rules.deadline.as_ref().filter(|d| submitted.value > d.value) {
            out.push(
                LATE_SUBMISSION
                    .at(file, submitted.span.clone(), format!("submitted {} after the deadline", how_long(deadline.value, submitted.value)))
                    .with_help("if the committee accepts it anyway, add `waive = [\"late-submission\"]` and a `waive_reason` under [screening]"),
            );
        }
        if let Some(opens) = rules.opens.as_ref().filter(|o| submitted.value < o.value) {
            out.push(
                EARLY_SUBMISSION
                    .at(
                        file,
                        submitted.span.clone(),
                        format!(
                            "submitted {} before the call opened",
                            how_long(submitted.value, opens.value)
                        ),
                    )
                    .with_help("check the date; the year is often the typo"),
            );
        }
    }
    if let (Some(kind), Some(track)) = (
        &app.applicant.kind,
        app.track.as_ref().and_then(|t| config.track(&t.value)),
    ) && let Some(allowed) = &track.applicant_types
        && config.applicant_types.contains(&kind.value)
        && !allowed.contains(&kind.value)
    {
        out.push(
            TRACK_APPLICANT_TYPE
                .at(
                    file,
                    kind.span.clone(),
                    format!("a {} may not enter track `{}`", kind.value, track.id),
                )
                .with_help(format!("track `{}` is for: {}", track.id, allowed.join(", "))),
        );
    }
    if let (Some(status), Some(allowed)) = (&app.project.status, &rules.project_status)
        && !allowed.contains(&status.value)
    {
        out.push(
            PROJECT_STATUS
                .at(
                    file,
                    status.span.clone(),
                    format!("{} projects are not eligible", status.value),
                )
                .with_help(format!("eligible statuses: {}", allowed.join(", "))),
        );
    }
    if let (Some(started), Some(months), Some(deadline)) =
        (&app.project.started, rules.min_operating_months, rules.deadline_date)
        && let Some(latest) = latest_start(deadline, months).or(Some(jiff::civil::Date::MIN))
        && started.value > latest
    {
        out.push(
            OPERATING_TOO_SHORT
                .at(
                    file,
                    started.span.clone(),
                    format!(
                        "started {}, less than {months} months before the deadline",
                        started.value
                    ),
                )
                .with_help(format!("projects must have started on or before {latest}")),
        );
    }
    if rules.require_beneficiaries && app.project.present {
        match &app.project.beneficiaries {
            None => out.push(
                NO_BENEFICIARIES
                    .at(file, app.project.anchor.clone(), "the project names no beneficiaries")
                    .with_help("add `beneficiaries = [\"…\"]` under [project]"),
            ),
            Some(list) if list.value.is_empty() => out.push(
                NO_BENEFICIARIES
                    .at(file, list.span.clone(), "the list of beneficiaries is empty")
                    .with_help("name who benefits, e.g. [\"older adults\"]"),
            ),
            Some(_) => {}
        }
    }
    if let (Some(words), Some(max)) = (&app.project.summary_words, rules.max_summary_words)
        && words.value as i64 > max
    {
        out.push(
            SUMMARY_TOO_LONG
                .at(
                    file,
                    words.span.clone(),
                    format!("the summary has {} words, more than {max}", words.value),
                )
                .with_help(format!("shorten it by {} words", words.value as i64 - max)),
        );
    }
    if let Some(screening) = &app.screening
        && let Some(decision) = screening.decision.as_ref().filter(|d| d.value == "reject")
    {
        let reason = screening.reason.as_deref().unwrap_or("no reason given");
        out.push(SCREENING_REJECTED.at(file, decision.span.clone(), format!("rejected at screening: {reason}")));
    }
    out
}

/// The last start date that still meets `months` calendar months before `deadline`.
pub fn latest_start(deadline: jiff::civil::Date, months: i64) -> Option<jiff::civil::Date> {
    deadline.checked_sub(jiff::Span::new().try_months(months).ok()?).ok()
}

/// Marks every application but the earliest submitted of each applicant and track.
pub fn duplicate_applicants(apps: &mut [Application]) {
    // The first application of each (track, country, name), and the groups of those met again:
    // no list is made for the many met once.
    let mut first_of: FxHashMap<(&str, &str, &str), usize> =
        FxHashMap::with_capacity_and_hasher(apps.len(), Default::default());
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, app) in apps.iter().enumerate() {
        let (Some(name), Some(country), Some(track)) = (&app.applicant.name_key, &app.applicant.country, &app.track)
        else {
            continue;
        };
        let first = *first_of.entry((&track.value, country, name)).or_insert(i);
        if first != i {
            groups.entry(first).or_insert_with(|| vec![first]).push(i);
        }
    }
    // Groups in file order, so that nothing depends on the hash map's order.
    let mut repeated: Vec<Vec<usize>> = groups.into_values().collect();
    repeated.sort_unstable();
    for mut group in repeated {
        group.sort_by(|&a, &b| {
            let (a, b) = (&apps[a], &apps[b]);
            let when = |x: &Application| x.submitted.as_ref().map(|s| s.value);
            (when(a).is_none(), when(a), &a.id, &a.file).cmp(&(when(b).is_none(), when(b), &b.id, &b.file))
        });
        let first = group[0];
        let (first_id, first_file) = (apps[first].id.clone(), apps[first].file.clone());
        for &i in &group[1..] {
            let app = &apps[i];
            let Some(position) = &app.applicant.name_position else {
                continue;
            };
            let finding = Finding::at(
                DUPLICATE_APPLICANT.severity,
                DUPLICATE_APPLICANT.name,
                app.file.clone(),
                position,
                format!(
                    "{} ({}) already applied to track `{}` with {first_id}, submitted earlier",
                    app.applicant.name.as_deref().unwrap_or_default(),
                    app.country(),
                    app.track_id()
                ),
            )
            .with_help(format!(
                "one application per applicant per track; the earlier one is {first_file}"
            ))
            .for_application(app.id.clone());
            apps[i].findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(latest_start(date(2026, 5, 29), 6), Some(date(2025, 11, 29)));
        assert_eq!(latest_start(date(2026, 8, 31), 6), Some(date(2026, 2, 28)));
        assert_eq!(latest_start(date(2024, 8, 31), 6), Some(date(2024, 2, 29)));
        assert_eq!(latest_start(date(2026, 3, 31), 1), Some(date(2026, 2, 28)));
        assert_eq!(latest_start(date(2026, 5, 29), 0), Some(date(2026, 5, 29)));
    }

    #[test]
    fn durations_read_well() {
        let t = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
        assert_eq!(how_long(t("2026-05-29T09:00:00Z"), t("2026-05-29T09:05:00Z")), "5 min");
        assert_eq!(
            how_long(t("2026-05-29T09:00:00Z"), t("2026-05-31T12:00:30Z")),
            "2 days 3 h 1 min"
        );
    }
}
