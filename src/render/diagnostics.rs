//! rustc-style diagnostics: `error[code]: message`, `--> file:line:col`, the source line with a
//! caret under the span, then the help. Archive text (the message, the file's name, the source
//! line, the help) is printed through [`super::escape`].

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostics::finding::{Finding, Severity};

/// Renders one finding as rustc renders an error.
pub fn render(finding: &Finding, color: bool) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Ineligible => Level::NOTE.with_name(Some("ineligible")),
    };
    let message = super::escape(&finding.message);
    let code = super::escape(&finding.code);
    let file = super::escape(&finding.file);
    let title = level.primary_title(message.as_ref()).id(code.as_ref());
    let excerpt = finding
        .excerpt
        .as_ref()
        .map(|e| super::escape_excerpt(&e.text, &e.underline));
    let mut group = match &excerpt {
        Some((text, underline)) => {
            let mut span = underline.clone();
            if span.is_empty() {
                // An empty span (a missing value) still gets one caret.
                span.end = text
                    .get(span.start..)
                    .and_then(|rest| rest.chars().next())
                    .map_or(span.start, |c| span.start + c.len_utf8());
            }
            title.element(
                Snippet::source(text.as_str())
                    .line_start(finding.line)
                    .path(file.as_ref())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(
            Origin::path(file.as_ref())
                .line(finding.line)
                .char_column(finding.column),
        ),
    };
    let mut report = Vec::new();
    let help = finding.help.as_deref().map(super::escape);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_ref()));
    }
    report.push(group);
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let _: &[Group<'_>] = &report;
    renderer.render(&report)
}
