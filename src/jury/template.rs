//! Score-sheet templates (`prize sheets`): one blank sheet per judge serving in a round, listing
//! the applications the judge is to score, as CSV or as an Excel workbook that guards its cells.
//!
//! [`plan()`] decides what each template lists (from the round's assignment, else every competing
//! application the judge has no conflict with), [`csv()`] and [`xlsx()`] render a template, and
//! [`write()`] stores one without losing a sheet a judge may already have filled in.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

use rust_xlsxwriter::{
    ColNum, Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    ProtectionOptions, RowNum, Workbook, Worksheet, XlsxError,
};

use super::import::write_atomic;
use crate::check::conflicts;
use crate::diagnostics::escape::{csv_io, formula_safe};
use crate::load::Archive;
use crate::load::application::Application;
use crate::load::fields;
use crate::model::config::{Config, Criterion, Round};
use crate::model::roster::Judge;
use crate::ranking::{self, RoundResult};

/// The name of a template's first worksheet, the one `prize scores import` reads.
pub const SCORES_SHEET: &str = "Scores";
/// The name of the worksheet explaining the criteria.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";

/// One application on a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateRow {
    /// The application id.
    pub application: String,
    /// Its title ("" when it has none).
    pub title: String,
    /// The applicant's name ("" when there is none).
    pub applicant: String,
}

/// One judge's template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    /// The judge's id: the file's name.
    pub judge: String,
    /// The judge's full name.
    pub name: String,
    /// The applications to score, sorted by id.
    pub rows: Vec<TemplateRow>,
}

/// Where the applications on the templates come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The round's assignment (its path relative to the archive root).
    Assignment(String),
    /// No assignment: every competing application the judge has no conflict with.
    Competing,
}

/// The templates of a round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Where the rows come from.
    pub source: Source,
    /// One template per judge serving in the round, by judge id.
    pub templates: Vec<Template>,
    /// What was left out, and why (pairs of the assignment that cannot be used).
    pub notes: Vec<String>,
}

/// The templates of round `round` (an index into `config.rounds`): one per judge serving in it
/// (judges whose id is not a valid id are left out, since the id becomes a file name). With an
/// assignment, each lists the applications assigned to the judge, except those that are no
/// application or that the judge has a conflict with (both noted); without one, every competing
/// application the judge has no conflict with.
pub fn plan(archive: &Archive, config: &Config, rounds: &[RoundResult], round: usize) -> Plan {
    let Some(round_config) = config.rounds.get(round) else {
        return Plan {
            source: Source::Competing,
            templates: Vec::new(),
            notes: Vec::new(),
        };
    };
    let round_id = round_config.id.as_str();
    let mut judges: Vec<&Judge> = archive
        .roster
        .as_ref()
        .map(|r| r.judges.iter().collect())
        .unwrap_or_default();
    judges.retain(|j| fields::is_id(&j.id) && ranking::serves(j, round_id));
    judges.sort_by(|a, b| a.id.cmp(&b.id));
    judges.dedup_by(|a, b| a.id == b.id);
    let mut by_id: HashMap<&str, &Application> = HashMap::with_capacity(archive.applications.len());
    for app in &archive.applications {
        by_id.entry(app.id.as_str()).or_insert(app);
    }
    let mut lists: BTreeMap<&str, Vec<&Application>> = judges.iter().map(|j| (j.id.as_str(), Vec::new())).collect();
    let mut notes = Vec::new();
    let assignment = archive.assignments.iter().find(|a| a.round == round_id);
    let source = match assignment {
        Some(assignment) => {
            let file = &assignment.file;
            let mut strangers: Vec<&str> = Vec::new();
            for (app_id, judge_id) in &assignment.pairs {
                let judge = judges.iter().find(|j| *j.id == **judge_id);
                let (Some(judge), Some(list)) = (judge, lists.get_mut(&**judge_id)) else {
                    strangers.push(judge_id);
                    continue;
                };
                let Some(app) = by_id.get(app_id.as_str()) else {
                    notes.push(format!("{file} names `{app_id}`, which is no application: left out"));
                    continue;
                };
                if let Some(reason) = conflicts::conflict(&config.conflicts, judge, app) {
                    notes.push(format!(
                        "{file} gives `{app_id}` to `{judge_id}`, who may not score it ({reason}): left out"
                    ));
                    continue;
                }
                list.push(app);
            }
            strangers.sort_unstable();
            strangers.dedup();
            for judge in strangers {
                notes.push(format!(
                    "{file} names `{judge}`, who is not a judge serving in round `{round_id}`: no template"
                ));
            }
            Source::Assignment(file.clone())
        }
        None => {
            let competing = ranking::competing(archive, rounds, round);
            if competing.is_empty() && round > 0 {
                notes.push(format!(
                    "no application advances to round `{round_id}` yet (round `{}` has no ranking): the templates \
                     are empty",
                    config.rounds[round - 1].id
                ));
            }
            for judge in &judges {
                let Some(list) = lists.get_mut(judge.id.as_str()) else {
                    continue;
                };
                list.extend(
                    competing
                        .iter()
                        .map(|&i| &archive.applications[i])
                        .filter(|app| conflicts::conflict(&config.conflicts, judge, app).is_none()),
                );
            }
            Source::Competing
        }
    };
    let templates = judges
        .iter()
        .map(|judge| {
            let mut rows: Vec<TemplateRow> = lists
                .remove(judge.id.as_str())
                .unwrap_or_default()
                .into_iter()
                .map(|app| TemplateRow {
                    application: app.id.clone(),
                    title: app.title.clone().unwrap_or_default(),
                    applicant: app.applicant.name.clone().unwrap_or_default(),
                })
                .collect();
            rows.sort_by(|a, b| a.application.cmp(&b.application));
            rows.dedup_by(|a, b| a.application == b.application);
            Template {
                judge: judge.id.clone(),
                name: judge.name.clone(),
                rows,
            }
        })
        .collect();
    Plan {
        source,
        templates,
        notes,
    }
}

/// A template's header: `application`, `title`, `applicant`, the criterion ids in prize.toml
/// order, then `comment`.
pub fn header(criteria: &[Criterion]) -> Vec<String> {
    let mut header = vec!["application".to_string(), "title".to_string(), "applicant".to_string()];
    header.extend(criteria.iter().map(|c| c.id.clone()));
    header.push("comment".to_string());
    header
}

/// The CSV form: UTF-8 with a byte-order mark (without one, Excel reads UTF-8 as the system's
/// legacy code page and garbles non-Latin text), CRLF line ends (what Excel writes; `prize scores
/// import` reads both), the criterion and comment cells blank, text cells formula-safe.
pub fn csv(criteria: &[Criterion], template: &Template) -> io::Result<Vec<u8>> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(header(criteria)).map_err(csv_io)?;
    let blanks = criteria.len() + 1;
    for row in &template.rows {
        let mut record = vec![
            formula_safe(&row.application),
            formula_safe(&row.title),
            formula_safe(&row.applicant),
        ];
        record.extend(std::iter::repeat_n(String::new(), blanks));
        w.write_record(&record).map_err(csv_io)?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// Excel's limits on a data-validation title and message, in UTF-16 units.
const TITLE_LIMIT: usize = 32;
const MESSAGE_LIMIT: usize = 255;
/// Excel's limit on the text of a cell, in UTF-16 units.
const CELL_LIMIT: usize = 32_767;

/// `text` cut to at most `limit` UTF-16 units, with `…` when cut.
fn clip(text: &str, limit: usize) -> String {
    if text.encode_utf16().count() <= limit {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 1;
    for c in text.chars() {
        used += c.len_utf16();
        if used > limit {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A column width in Excel's units (characters) for text of these lengths.
fn width<'a>(texts: impl Iterator<Item = &'a str>, min: usize, max: usize) -> f64 {
    let longest = texts.map(|t| t.chars().count()).max().unwrap_or(0);
    (longest + 2).clamp(min, max) as f64
}

fn col(i: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn row(i: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The Excel form: a worksheet "Scores" with the header (frozen, with the application column)
/// and one row per application; the application, title and applicant cells locked by worksheet
/// protection (no password: it guards against slips, not people) and the score and comment cells
/// unlocked; each score cell limited by a data-validation rule to its criterion's `[min, max]`,
/// decimals allowed; then a worksheet "Instructions" naming the judge, the round, and each
/// criterion with its name, weight (as a percentage) and range. The file's creation date is fixed,
/// so that the same template is the same bytes.
pub fn xlsx(config: &Config, round: &Round, template: &Template) -> Result<Vec<u8>, XlsxError> {
    let criteria = &config.criteria;
    let mut book = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("{} {}: score sheet", config.name, config.edition))
        .set_subject(format!("{} ({}), {}", template.name, template.judge, round.name))
        .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(&properties);
    scores_sheet(book.add_worksheet(), criteria, template)?;
    instructions_sheet(book.add_worksheet(), config, round, template)?;
    book.save_to_buffer()
}

fn scores_sheet(sheet: &mut Worksheet, criteria: &[Criterion], template: &Template) -> Result<(), XlsxError> {
    sheet.set_name(SCORES_SHEET)?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border_bottom(FormatBorder::Thin);
    // Grey says "not yours to edit"; protection keeps it so.
    let locked = Format::new().set_background_color(Color::RGB(0xF2F2F2));
    let score = Format::new().set_unlocked();
    let comment = Format::new().set_unlocked().set_text_wrap();
    let header = header(criteria);
    for (c, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c)?, name, &bold)?;
    }
    let first_score = 3;
    let comment_col = col(first_score + criteria.len())?;
    for (i, r) in template.rows.iter().enumerate() {
        let at = row(i + 1)?;
        sheet.write_string_with_format(at, 0, clip(&r.application, CELL_LIMIT), &locked)?;
        sheet.write_string_with_format(at, 1, clip(&r.title, CELL_LIMIT), &locked)?;
        sheet.write_string_with_format(at, 2, clip(&r.applicant, CELL_LIMIT), &locked)?;
        for c in 0..criteria.len() {
            sheet.write_blank(at, col(first_score + c)?, &score)?;
        }
        sheet.write_blank(at, comment_col, &comment)?;
    }
    if !template.rows.is_empty() {
        let last = row(template.rows.len())?;
        for (c, criterion) in criteria.iter().enumerate() {
            let (min, max) = (criterion.min, criterion.max);
            let rule = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(min, max))
                .set_input_title(clip(&criterion.name, TITLE_LIMIT))?
                .set_input_message(clip(
                    &format!(
                        "A number from {min} to {max}; decimals allowed. Leave the whole row blank to not score it."
                    ),
                    MESSAGE_LIMIT,
                ))?
                .set_error_title(clip("Score out of range", TITLE_LIMIT))?
                .set_error_message(clip(
                    &format!(
                        "{} ({}) takes a number from {min} to {max}.",
                        criterion.name, criterion.id
                    ),
                    MESSAGE_LIMIT,
                ))?;
            let at = col(first_score + c)?;
            sheet.add_data_validation(1, at, last, at, &rule)?;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    sheet.protect_with_options(&ProtectionOptions {
        // Judges may still widen a column or heighten a row to read a long title or comment.
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    let rows = &template.rows;
    sheet.set_column_width(
        0,
        width(
            rows.iter().map(|r| r.application.as_str()).chain(["application"]),
            12,
            30,
        ),
    )?;
    sheet.set_column_width(1, width(rows.iter().map(|r| r.title.as_str()), 20, 60))?;
    sheet.set_column_width(2, width(rows.iter().map(|r| r.applicant.as_str()), 16, 40))?;
    for (c, criterion) in criteria.iter().enumerate() {
        sheet.set_column_width(col(first_score + c)?, width([criterion.id.as_str()].into_iter(), 8, 40))?;
    }
    sheet.set_column_width(comment_col, 60)?;
    Ok(())
}

fn instructions_sheet(
    sheet: &mut Worksheet,
    config: &Config,
    round: &Round,
    template: &Template,
) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let wrap = Format::new().set_text_wrap();
    sheet.write_string_with_format(0, 0, format!("{} {}: score sheet", config.name, config.edition), &title)?;
    sheet.write_string_with_format(2, 0, "Judge", &bold)?;
    sheet.write_string(2, 1, format!("{} ({})", template.name, template.judge))?;
    sheet.write_string_with_format(3, 0, "Round", &bold)?;
    sheet.write_string(3, 1, format!("{} ({})", round.name, round.id))?;
    sheet.write_string_with_format(4, 0, "Applications", &bold)?;
    sheet.write_number(4, 1, template.rows.len() as f64)?;
    for (c, name) in ["Criterion", "Name", "Weight", "Range"].iter().enumerate() {
        sheet.write_string_with_format(6, col(c)?, *name, &bold)?;
    }
    let total: f64 = config.criteria.iter().map(|c| c.weight).sum();
    for (i, c) in config.criteria.iter().enumerate() {
        let at = row(7 + i)?;
        sheet.write_string(at, 0, &c.id)?;
        sheet.write_string(at, 1, clip(&c.name, CELL_LIMIT))?;
        let share = if total > 0.0 { c.weight / total } else { 0.0 };
        sheet.write_number_with_format(at, 2, share, &percent)?;
        sheet.write_string(
            at,
            3,
            format!(
                "{} to {}",
                crate::diagnostics::number(c.min),
                crate::diagnostics::number(c.max)
            ),
        )?;
    }
    let how = [
        format!(
            "Score each application on the worksheet \"{SCORES_SHEET}\": one number per criterion, within the \
             criterion's range; decimals are allowed (7.5)."
        ),
        "Leave every score of a row blank for an application you do not score. A row with some scores \
         filled in and others blank cannot be counted."
            .to_string(),
        "The comment is optional. The application, title and applicant columns are locked; please do not \
         rename the columns or change the application ids."
            .to_string(),
        "Send this file back as it is (.xlsx); the secretariat imports it with `prize scores import`.".to_string(),
    ];
    let start = 8 + config.criteria.len();
    sheet.write_string_with_format(row(start)?, 0, "How to score", &bold)?;
    for (i, line) in how.iter().enumerate() {
        let at = row(start + 1 + i)?;
        sheet.merge_range(at, 0, at, 3, line, &wrap)?;
        sheet.set_row_height(at, 30)?;
    }
    sheet.set_column_width(0, width(config.criteria.iter().map(|c| c.id.as_str()), 14, 40))?;
    sheet.set_column_width(1, width(config.criteria.iter().map(|c| c.name.as_str()), 30, 60))?;
    sheet.set_column_width(2, 10)?;
    sheet.set_column_width(3, 14)?;
    sheet.protect();
    Ok(())
}

/// `prize sheets`' result: the templates written for one round.
pub struct TemplatesWritten<'a> {
    /// The round id.
    pub round: &'a str,
    /// The assignment the rows come from; `None` when every competing application is listed.
    pub assignment: Option<&'a str>,
    /// The folder, as the user sees it.
    pub dir: String,
    /// `csv` or `xlsx`.
    pub format: &'static str,
    /// Each judge's template, in roster order.
    pub files: Vec<TemplateWritten<'a>>,
    /// What the templates leave out, and why.
    pub notes: &'a [String],
}

/// One judge's template as written.
pub struct TemplateWritten<'a> {
    /// The judge id.
    pub judge: &'a str,
    /// The file, as the user sees it.
    pub file: String,
    /// How many applications it lists.
    pub rows: usize,
    /// What became of it.
    pub status: Written,
}

/// What [`write()`] did with one template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// There was no file: written.
    Created,
    /// The same bytes are there: nothing written.
    Unchanged,
    /// A different file was there and was replaced (`replace`).
    Replaced,
    /// A different file is there (perhaps already filled in): nothing written.
    Refused,
}

impl Written {
    /// The word scripts see.
    pub fn as_str(self) -> &'static str {
        match self {
            Written::Created => "written",
            Written::Unchanged => "unchanged",
            Written::Replaced => "replaced",
            Written::Refused => "refused",
        }
    }
}

/// Writes `bytes` to `path` in `dir` atomically, unless the same bytes are there already, or
/// different ones are and `replace` is not set: a judge's template may have been filled in where
/// it was written.
pub fn write(dir: &Path, path: &Path, bytes: &[u8], replace: bool) -> io::Result<Written> {
    let status = match crate::jury::atomic::read_existing(path)? {
        Some(old) if old == bytes => return Ok(Written::Unchanged),
        Some(_) if !replace => return Ok(Written::Refused),
        Some(_) => Written::Replaced,
        None => Written::Created,
    };
    write_atomic(dir, path, bytes)?;
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria() -> Vec<Criterion> {
        vec![
            Criterion {
                id: "impact".into(),
                name: "Impact".into(),
                weight: 2.0,
                min: 1.0,
                max: 10.0,
            },
            Criterion {
                id: "design".into(),
                name: "Design".into(),
                weight: 1.0,
                min: 0.0,
                max: 10.0,
            },
        ]
    }

    fn template() -> Template {
        Template {
            judge: "ja".into(),
            name: "Judge A".into(),
            rows: vec![
                TemplateRow {
                    application: "P1".into(),
                    title: "=HYPERLINK(\"x\")".into(),
                    applicant: "서울특별시".into(),
                },
                TemplateRow {
                    application: "P2".into(),
                    title: "Safe routes, for all".into(),
                    applicant: String::new(),
                },
            ],
        }
    }

    #[test]
    fn csv_has_a_bom_crlf_and_formula_safe_text() {
        let bytes = csv(&criteria(), &template()).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{FEFF}application,title,applicant,impact,design,comment\r\n\
             P1,\"'=HYPERLINK(\"\"x\"\")\",서울특별시,,,\r\n\
             P2,\"Safe routes, for all\",,,,\r\n"
        );
    }

    #[test]
    fn clipping_counts_utf16_units() {
        assert_eq!(clip("Impact", 32), "Impact");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("😀😀😀", 5), "😀😀…");
        assert_eq!(clip(&"x".repeat(40), 32).encode_utf16().count(), 32);
    }

    #[test]
    fn the_same_template_is_the_same_workbook() {
        let config = crate::load::config::parse(
            &crate::diagnostics::source::SourceFile::new(
                "prize.toml",
                "[prize]\nname = \"P\"\nedition = \"1\"\nsectors = [\"s\"]\napplicant_types = [\"t\"]\n\
             [[tracks]]\nid = \"tr\"\nname = \"Tr\"\n[[criteria]]\nid = \"impact\"\nname = \"Impact\"\n\
             [[rounds]]\nid = \"first\"\nname = \"First\"\n",
            ),
            &crate::score::names(),
        )
        .0
        .unwrap();
        let t = template();
        let a = xlsx(&config, &config.rounds[0], &t).unwrap();
        let b = xlsx(&config, &config.rounds[0], &t).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }
}
