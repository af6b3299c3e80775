//! rustc-style diagnostics: `error[code]: message`, `--> file:line:col`, the source line with a
//! caret under the span, then the help.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::finding::{Finding, Severity};

/// Renders one finding as rustc renders an error.
pub fn render(finding: &Finding, color: bool) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Ineligible => Level::NOTE.with_name(Some("ineligible")),
    };
    let title = level.primary_title(finding.message.as_str()).id(finding.code.as_ref());
    let mut group = match &finding.excerpt {
        Some(excerpt) => {
            let mut span = excerpt.underline.clone();
            if span.is_empty() {
                // An empty span (a missing value) still gets one caret.
                span.end = excerpt
                    .text
                    .get(span.start..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(span.start, |c| span.start + c.len_utf8());
            }
            title.element(
                Snippet::source(excerpt.text.as_str())
                    .line_start(finding.line)
                    .path(finding.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(
            Origin::path(finding.file.as_str())
                .line(finding.line)
                .char_column(finding.column),
        ),
    };
    let mut report = Vec::new();
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    report.push(group);
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let _: &[Group<'_>] = &report;
    renderer.render(&report)
}
