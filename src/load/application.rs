//! One application file (`applications/**/*.toml`), read into typed values with their spans.

use crate::diagnostics::finding::{Finding, Position, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::fields::{self, INVALID_VALUE, Reader, Sp, Table};
use crate::model::Status;
use crate::model::country;

const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "track",
    "sector",
    "submitted",
    "applicant",
    "project",
    "screening",
    "extra",
];
const APPLICANT_KEYS: &[&str] = &["type", "name", "country", "city", "organization", "email"];
const PROJECT_KEYS: &[&str] = &["summary", "status", "started", "beneficiaries", "website"];
const SCREENING_KEYS: &[&str] = &["decision", "reason", "waive", "waive_reason"];

/// An application as read from its file.
#[derive(Clone, Debug, Default)]
pub struct Application {
    /// The id: `id` in the file, else the file stem.
    pub id: String,
    /// Path relative to the archive root.
    pub file: String,
    /// Where the id is written (line 1 when it comes from the file name).
    pub id_position: Position,
    /// Whether the file could be read as TOML at all.
    pub readable: bool,
    /// The title.
    pub title: Option<String>,
    /// The track id.
    pub track: Option<Sp<String>>,
    /// The sector id.
    pub sector: Option<Sp<String>>,
    /// When it was submitted.
    pub submitted: Option<Sp<jiff::Timestamp>>,
    /// Who applies.
    pub applicant: Applicant,
    /// The project.
    pub project: Project,
    /// The secretariat's screening, when the file has a `[screening]` table (few do: boxed, so
    /// that the others do not carry its room).
    pub screening: Option<Box<Screening>>,
    /// Everything found about this application, once checked.
    pub findings: Vec<Finding>,
    /// `eligible`, `ineligible` or `invalid`, once checked.
    pub status: Status,
}

/// The `[applicant]` table.
#[derive(Clone, Debug, Default)]
pub struct Applicant {
    /// The applicant type id.
    pub kind: Option<Sp<String>>,
    /// The applicant's name.
    pub name: Option<String>,
    /// The name as compared for duplicates (no case, accents or spaces).
    pub name_key: Option<String>,
    /// Where the name is written.
    pub name_position: Option<Position>,
    /// ISO 3166-1 alpha-2 code, checked.
    pub country: Option<String>,
    /// City, if given.
    pub city: Option<String>,
    /// Organization, if given.
    pub organization: Option<String>,
    /// Contact e-mail.
    pub email: Option<String>,
}

/// The `[project]` table.
#[derive(Clone, Debug, Default)]
pub struct Project {
    /// Number of words in the summary (runs of non-whitespace).
    pub summary_words: Option<Sp<usize>>,
    /// planned, pilot or operational.
    pub status: Option<Sp<String>>,
    /// When it started operating.
    pub started: Option<Sp<jiff::civil::Date>>,
    /// Who benefits; `None` when the key is absent.
    pub beneficiaries: Option<Sp<Vec<String>>>,
    /// Where the `[project]` table is, for findings about missing values.
    pub anchor: std::ops::Range<usize>,
    /// Website, if given.
    pub website: Option<String>,
    /// Whether the file has a `[project]` table at all.
    pub present: bool,
}

/// The `[screening]` table.
#[derive(Clone, Debug, Default)]
pub struct Screening {
    /// `accept` or `reject`.
    pub decision: Option<Sp<String>>,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// Eligibility codes waived, with where each is written.
    pub waive: Vec<(String, Position)>,
    /// Why they were waived.
    pub waive_reason: Option<String>,
}

/// Checks that a dotted path names a field an application can have (for custom rules).
pub fn check_path(path: &str) -> Result<(), String> {
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let nested = match head {
        "applicant" => APPLICANT_KEYS,
        "project" => PROJECT_KEYS,
        "screening" => SCREENING_KEYS,
        "extra" if !rest.is_empty() && rest.iter().all(|p| !p.is_empty()) => return Ok(()),
        "extra" => return Err("name a key inside `[extra]`, e.g. `extra.population`".to_string()),
        h if TOP_KEYS.contains(&h) && rest.is_empty() => return Ok(()),
        h => {
            return Err(match fields::suggest(h, TOP_KEYS.iter().copied()) {
                Some(close) if close != h => format!("did you mean `{close}`?"),
                _ => format!("application fields: {}", TOP_KEYS.join(", ")),
            });
        }
    };
    match rest.as_slice() {
        [key] if nested.contains(key) => Ok(()),
        [key] => Err(match fields::suggest(key, nested.iter().copied()) {
            Some(close) => format!("did you mean `{head}.{close}`?"),
            None => format!("`[{head}]` fields: {}", nested.join(", ")),
        }),
        _ => Err(format!("`[{head}]` fields: {}", nested.join(", "))),
    }
}

/// Whether `s` is a valid application id (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`).
pub fn is_application_id(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'))
}

/// The file stem of a path relative to the archive root.
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

impl Application {
    /// An application whose file could not be read or parsed: only its id and its findings.
    pub fn unreadable(path: &str, mut findings: Vec<Finding>) -> Application {
        let id = file_stem(path).to_string();
        for f in &mut findings {
            f.application = Some(id.clone());
        }
        Application {
            id,
            file: path.to_string(),
            id_position: Position {
                line: 1,
                column: 1,
                excerpt: None,
            },
            readable: false,
            findings,
            ..Application::default()
        }
    }

    /// The applicant's country code, or "" when unknown.
    pub fn country(&self) -> &str {
        self.applicant.country.as_deref().unwrap_or("")
    }

    /// The track id, or "" when unknown.
    pub fn track_id(&self) -> &str {
        self.track.as_ref().map_or("", |t| t.value.as_str())
    }

    /// The sector id, or "" when unknown.
    pub fn sector_id(&self) -> &str {
        self.sector.as_ref().map_or("", |t| t.value.as_str())
    }

    /// The applicant type id, or "" when unknown.
    pub fn type_id(&self) -> &str {
        self.applicant.kind.as_ref().map_or("", |t| t.value.as_str())
    }
}

/// Reads the typed fields of an application document, reporting missing and malformed values.
pub fn read(file: &SourceFile, reader: &mut Reader<'_>, root: &Table<'_, '_>) -> Application {
    let r = reader;
    r.unknown_keys(root, TOP_KEYS);
    let stem = file_stem(&file.path);
    let (id, id_position) = match r.string(root, "id", false) {
        Some(id) if is_application_id(&id.value) => (id.value.clone(), file.position(&id.span)),
        Some(id) => {
            r.report_help(
                &INVALID_VALUE,
                id.span.clone(),
                format!("`id` = {:?} is not a valid application id", id.value),
                "application ids are 1 to 64 letters, digits, `.`, `_` or `-`, starting with a letter or digit",
            );
            (id.value.clone(), file.position(&id.span))
        }
        None => {
            if !is_application_id(stem) {
                r.report_help(
                    &INVALID_VALUE,
                    0..0,
                    format!("the file name {stem:?} is not a valid application id"),
                    "rename the file, or set `id = \"…\"` in it",
                );
            }
            (
                stem.to_string(),
                Position {
                    line: 1,
                    column: 1,
                    excerpt: None,
                },
            )
        }
    };
    let title = r.text(root, "title", true).map(|t| t.value);
    let track = r.string(root, "track", true);
    let sector = r.string(root, "sector", true);
    let submitted = r.timestamp(root, "submitted", true);
    let applicant = match r.table(root, "applicant", false) {
        Some(t) => applicant(file, r, &t),
        None if root.get("applicant").is_some() => Applicant::default(),
        None => {
            for key in ["type", "name", "country", "email"] {
                missing_in_absent_table(r, "applicant", key);
            }
            Applicant::default()
        }
    };
    let project = match r.table(root, "project", false) {
        Some(t) => project(r, &t),
        None if root.get("project").is_some() => Project::default(),
        None => {
            for key in ["summary", "status"] {
                missing_in_absent_table(r, "project", key);
            }
            Project::default()
        }
    };
    let screening = r
        .table(root, "screening", false)
        .map(|t| Box::new(screening(file, r, &t)));
    if let Some(extra) = root.get("extra")
        && !matches!(extra.get_ref(), toml::de::DeValue::Table(_))
    {
        r.report(&INVALID_VALUE, extra.span(), "`extra` must be a table");
    }
    Application {
        id,
        file: file.path.clone(),
        id_position,
        readable: true,
        title,
        track,
        sector,
        submitted,
        applicant,
        project,
        screening,
        findings: Vec::new(),
        status: Status::Eligible,
    }
}

fn missing_in_absent_table(r: &mut Reader<'_>, table: &str, key: &str) {
    r.report_help(
        &fields::MISSING_FIELD,
        0..0,
        format!("missing `{table}.{key}`"),
        format!("add a `[{table}]` table with `{key} = …`"),
    );
}

fn applicant(file: &SourceFile, r: &mut Reader<'_>, t: &Table<'_, '_>) -> Applicant {
    r.unknown_keys(t, APPLICANT_KEYS);
    let kind = r.string(t, "type", true);
    let name = r.text(t, "name", true);
    let country = r
        .string(t, "country", true)
        .and_then(|c| check_country(r, "applicant.country", c));
    let city = r.string(t, "city", false).map(|s| s.value);
    let organization = r.string(t, "organization", false).map(|s| s.value);
    let email = r.string(t, "email", true).and_then(|e| {
        if is_email(&e.value) {
            Some(e.value)
        } else {
            r.report_help(
                &INVALID_VALUE,
                e.span,
                format!("`applicant.email` = {:?} is not an e-mail address", e.value),
                "write one address, e.g. smartcity@example.org",
            );
            None
        }
    });
    Applicant {
        kind,
        name_position: name.as_ref().map(|n| file.position(&n.span)),
        name_key: name.as_ref().map(|n| crate::model::names::applicant_key(&n.value)),
        name: name.map(|n| n.value),
        country,
        city,
        organization,
        email,
    }
}

/// Checks an ISO 3166-1 alpha-2 code, reporting one that is not assigned.
pub fn check_country(r: &mut Reader<'_>, path: &str, code: Sp<String>) -> Option<String> {
    if country::name(&code.value).is_some() {
        return Some(code.value);
    }
    let help = match country::suggestion(&code.value) {
        Some(s) => format!("did you mean `{s}`? ({})", country::name(s).unwrap_or_default()),
        None => "use an ISO 3166-1 alpha-2 code in upper case, e.g. KR, CO, GB".to_string(),
    };
    r.report_help(
        &INVALID_VALUE,
        code.span,
        format!("`{path}` = {:?} is not an ISO 3166-1 country code", code.value),
        help,
    );
    None
}

fn project(r: &mut Reader<'_>, t: &Table<'_, '_>) -> Project {
    r.unknown_keys(t, PROJECT_KEYS);
    // Only its length is kept: the summary, an application's longest value, is not copied.
    let summary = r.text_str(t, "summary", true);
    let status = r.string(t, "status", true).and_then(|s| {
        if crate::model::config::PROJECT_STATUSES.contains(&s.value.as_str()) {
            Some(s)
        } else {
            let help = fields::did_you_mean(&s.value, crate::model::config::PROJECT_STATUSES.iter().copied(), || {
                "a project is planned, pilot or operational".to_string()
            });
            r.report_help(
                &INVALID_VALUE,
                s.span,
                format!("`project.status` = {:?} is not a project status", s.value),
                help,
            );
            None
        }
    });
    let planned = status.as_ref().is_some_and(|s| s.value == "planned");
    let started = r.date(t, "started", status.is_some() && !planned);
    let beneficiaries = r.strings(t, "beneficiaries", false).map(|list| {
        Sp::new(
            list.value
                .into_iter()
                .map(|s| s.value)
                .filter(|s| !s.trim().is_empty())
                .collect(),
            list.span,
        )
    });
    let website = r.string(t, "website", false).and_then(|w| {
        if is_url(&w.value) {
            Some(w.value)
        } else {
            r.report_help(
                &INVALID_VALUE,
                w.span,
                format!("`project.website` = {:?} is not an http or https URL", w.value),
                "write the full address, e.g. https://example.org",
            );
            None
        }
    });
    Project {
        summary_words: summary.map(|s| Sp::new(word_count(s.value), s.span)),
        status,
        started,
        beneficiaries,
        anchor: t.anchor.clone(),
        website,
        present: true,
    }
}

/// `s.split_whitespace().count()`, without decoding characters when no byte of `s` can
/// start a non-ASCII white space: the summary is the longest value of an application.
fn word_count(s: &str) -> usize {
    let b = s.as_bytes();
    // U+0085 and U+00A0 start with 0xC2, U+1680 with 0xE1, U+2000 to U+205F with 0xE2,
    // U+3000 with 0xE3: the only lead bytes of white space beyond ASCII.
    if b.iter()
        .fold(false, |any, &c| any | matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3))
    {
        return s.split_whitespace().count();
    }
    // `char::is_whitespace` over ASCII: space and U+0009 to U+000D; no other byte is space.
    let space = |c: u8| u8::from(c == b' ') | u8::from(c.wrapping_sub(b'\t') < 5);
    let first = b.first().is_some_and(|&c| space(c) == 0);
    // A word starts at each byte that is not space after one that is: summed over the pairs
    // of bytes without a branch, which the compiler vectorises.
    let starts: usize = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .map(|(&p, &c)| usize::from(space(p) & (space(c) ^ 1)))
        .sum();
    usize::from(first) + starts
}

fn screening(file: &SourceFile, r: &mut Reader<'_>, t: &Table<'_, '_>) -> Screening {
    r.unknown_keys(t, SCREENING_KEYS);
    let decision = r.string(t, "decision", false).and_then(|d| {
        if d.value == "accept" || d.value == "reject" {
            Some(d)
        } else {
            r.report_help(
                &INVALID_VALUE,
                d.span,
                format!("`screening.decision` = {:?} is neither accept nor reject", d.value),
                "write `decision = \"accept\"` or `decision = \"reject\"`",
            );
            None
        }
    });
    let rejected = decision.as_ref().is_some_and(|d| d.value == "reject");
    let reason = r.text(t, "reason", rejected).map(|s| s.value);
    let waive = r.strings(t, "waive", false);
    let waive_reason = r
        .text(t, "waive_reason", waive.as_ref().is_some_and(|w| !w.value.is_empty()))
        .map(|s| s.value);
    Screening {
        decision,
        reason,
        waive: waive
            .map(|w| w.value.into_iter().map(|c| (c.value, file.position(&c.span))).collect())
            .unwrap_or_default(),
        waive_reason,
    }
}

/// A plausible e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !has_space_or_control(s)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty())
}

/// An http or https URL with a host.
pub fn is_url(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !has_space_or_control(s)
}

/// Whether `s` holds a white space or a control character; ASCII without decoding.
fn has_space_or_control(s: &str) -> bool {
    if s.is_ascii() {
        // Over ASCII, white space is a space or U+0009 to U+000D, all but the space controls.
        return s.bytes().any(|b| b == b' ' || b.is_ascii_control());
    }
    s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Marks a finding as being about `id`.
pub fn tag(findings: &mut [Finding], id: &str) {
    for f in findings {
        if f.application.is_none() {
            f.application = Some(id.to_string());
        }
    }
}

/// Severity-aware helper: whether any finding is an error.
pub fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_urls() {
        assert!(is_email("smartcity@example.org"));
        assert!(!is_email("smartcity@example"));
        assert!(!is_email("smart city@example.org"));
        assert!(!is_email("a@b@c.org"));
        assert!(is_url("https://example.org/x?y"));
        assert!(!is_url("ftp://example.org"));
        assert!(!is_url("https://"));
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            "   ",
            "one",
            " two  words ",
            "a\tb\nc\rd\x0be\x0cf",
            "x\u{a0}y\u{2003}z\u{3000}",
            "é à\u{85}ü",
            "\u{1c}\u{1f}",
            "Bogotá, D.C. — 69% of residents",
            "plain ascii, no\tmore",
            " x",
            "x ",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
        for s in ["a b", "a\u{7f}b", "a\u{85}b", "a\u{a0}b", "ab", "é\u{9f}", "ñ"] {
            assert_eq!(
                has_space_or_control(s),
                s.chars().any(|c| c.is_whitespace() || c.is_control()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn application_ids() {
        assert!(is_application_id("SSCP-2026-0001"));
        assert!(is_application_id("a.b_c"));
        assert!(!is_application_id(".hidden"));
        assert!(!is_application_id("has space"));
    }

    #[test]
    fn rule_paths() {
        assert!(check_path("applicant.city").is_ok());
        assert!(check_path("extra.population").is_ok());
        assert!(check_path("title").is_ok());
        assert_eq!(
            check_path("applicant.citty"),
            Err("did you mean `applicant.city`?".to_string())
        );
        assert!(check_path("extra").is_err());
        assert!(check_path("title.x").is_err());
    }
}
