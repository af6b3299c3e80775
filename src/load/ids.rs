//! Ids defined twice or not at all: the codes that reading (prize.toml's own references, a
//! sheet's rows, a roster's judges) and the checks across files both emit.

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::fields::{self, Sp};

/// `duplicate-id`: two things share an id.
pub static DUPLICATE_ID: Code = Code {
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "two applications (or two entries of prize.toml or judges.toml) share an id",
    explanation: "\
Ids must be unique: two application files with the same id (from `id = …` or from the file
name), or two tracks, criteria, rounds, awards, rules or judges with the same id. For
applications, every file involved gets a finding that names the others.

### Example

    applications/2026/a.toml:   id = \"SSCP-2026-0001\"
    applications/late/b.toml:   id = \"SSCP-2026-0001\"

### How to fix

Give one of them a new id, or remove the copy.
",
};

macro_rules! reference_code {
    ($name:ident, $code:literal, $summary:literal, $explanation:literal) => {
        #[doc = concat!("`", $code, "`: ", $summary, ".")]
        pub static $name: Code = Code {
            name: $code,
            severity: Severity::Error,
            summary: $summary,
            explanation: $explanation,
        };
    };
}

reference_code!(
    UNKNOWN_TRACK,
    "unknown-track",
    "a track id that prize.toml does not define",
    "\
An application's `track`, an award's `track` or a key of a round's `advance` table names a
track that has no `[[tracks]]` entry in prize.toml. The closest id is suggested.

### Example

    track = \"human-centric\"

### How to fix

    track = \"human-centricity\"
"
);

reference_code!(
    UNKNOWN_SECTOR,
    "unknown-sector",
    "a sector id that prize.toml does not list",
    "\
An application's `sector` (or an award's `sectors`) is not in `prize.sectors`.

### Example

    sector = \"transport\"     # prize.toml lists \"mobility\"

### How to fix

    sector = \"mobility\"
"
);

reference_code!(
    UNKNOWN_APPLICANT_TYPE,
    "unknown-applicant-type",
    "an applicant type that prize.toml does not list",
    "\
An application's `applicant.type` (or a track's or award's `applicant_types`) is not in
`prize.applicant_types`.

### Example

    [applicant]
    type = \"municipality\"

### How to fix

    type = \"city\"
"
);

reference_code!(
    UNKNOWN_ROUND,
    "unknown-round",
    "a round id that prize.toml does not define",
    "\
A judge's `rounds` in judges.toml (or a score-sheet folder) names a round that has no
`[[rounds]]` entry in prize.toml.

### Example

    rounds = [\"semi-final\"]

### How to fix

Use the ids of prize.toml's `[[rounds]]`, e.g. `rounds = [\"first\"]`.
"
);

reference_code!(
    UNKNOWN_APPLICATION,
    "unknown-application",
    "an application id that no application file has",
    "\
A judge's declared `conflicts`, `scoring.jury_order`, an award's `picks` or a score-sheet row
names an application id that no file under `applications/` has.

### Example

    conflicts = [\"SSCP-2026-0420\"]

### How to fix

Correct the id; `prize list` shows them all.
"
);

/// A finding for a reference to an id that is not defined, suggesting the closest known one.
pub fn unknown(file: &SourceFile, code: &'static Code, what: &str, id: &Sp<String>, known: &[&str]) -> Finding {
    let help = fields::did_you_mean(&id.value, known.iter().copied(), || match known.len() {
        0 => format!("no {what} is defined in prize.toml"),
        1..=12 => format!("known {what}s: {}", known.join(", ")),
        _ => format!("see the {what}s in prize.toml"),
    });
    code.at(file, id.span.clone(), format!("unknown {what} `{}`", id.value))
        .with_help(help)
}
