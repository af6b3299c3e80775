//! Waivers: eligibility codes the secretariat accepted anyway (`[screening] waive`).

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::load::application::Application;

/// `unknown-waiver`: a waiver for a code that did not fire.
pub static UNKNOWN_WAIVER: Code = Code {
    name: "unknown-waiver",
    severity: Severity::Error,
    summary: "screening.waive names a code that did not make the application ineligible",
    explanation: "\
Every code in `[screening] waive` must be an eligibility finding that this application
actually has (for example `late-submission`). A waiver of anything else is an error, so that a
stale or misspelt waiver never goes unnoticed. Only findings of severity `ineligible` can be
waived: built-in eligibility codes and custom rules whose effect is `ineligible`.

### Example

    submitted = 2026-05-20T14:03:00+09:00      # on time
    [screening]
    waive = [\"late-submission\"]

### How to fix

Remove the waiver, or correct the code it names.
",
};

/// Turns waived eligibility findings into warnings and reports waivers of codes that did not fire.
pub fn apply(app: &mut Application) {
    let Some(screening) = app.screening.as_mut() else {
        return;
    };
    let reason = screening.waive_reason.clone().unwrap_or_default();
    let waive = std::mem::take(&mut screening.waive);
    for (code, position) in &waive {
        let mut waived = app
            .findings
            .iter()
            .any(|f| f.code == code.as_str() && f.severity == Severity::Warning && f.message.starts_with("waived: "));
        for f in app
            .findings
            .iter_mut()
            .filter(|f| f.code == code.as_str() && f.severity == Severity::Ineligible)
        {
            f.severity = Severity::Warning;
            f.message = format!("waived: {}", f.message);
            f.help = (!reason.is_empty()).then(|| format!("waive_reason: {reason}"));
            waived = true;
        }
        if waived {
            continue;
        }
        let help = if crate::check::eligibility::CODES.iter().any(|c| c.name == code) {
            format!("this application has no `{code}` finding; remove the waiver")
        } else {
            let fired: Vec<&str> = app
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Ineligible)
                .map(|f| f.code.as_ref())
                .collect();
            match crate::load::fields::suggest(code, fired.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "only eligibility findings of this application can be waived".to_string(),
            }
        };
        let finding = Finding::at(
            UNKNOWN_WAIVER.severity,
            UNKNOWN_WAIVER.name,
            app.file.clone(),
            position,
            format!("`{code}` is waived but did not fire"),
        )
        .with_help(help)
        .for_application(app.id.clone());
        app.findings.push(finding);
    }
    if let Some(screening) = app.screening.as_mut() {
        screening.waive = waive;
    }
}
