//! One file per command: parse its arguments, call the library, render the result.

pub mod applications;
pub mod assign;
pub mod cli;
pub mod compare;
pub mod completions;
pub mod explain;
pub mod explain_code;
pub mod feedback;
pub mod init;
pub mod list;
pub mod progress;
pub mod rank;
pub mod report;
pub mod scores;
pub mod sheets;
pub mod stability;
pub mod stats;
pub mod validate;
pub mod winners;
// Spec section 8.
pub mod agreement;
pub mod judges;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cmd::cli::{Cli, Command};
use crate::load::{self, Archive};
use crate::model::config::Config;
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// How a command ended, when it could run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done, no errors (exit 0).
    Success,
    /// The archive has errors, or warnings were denied (exit 1).
    Failure,
}

impl Outcome {
    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Failure => ExitCode::from(1),
        }
    }
}

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Context {
    /// `-C` / `PRIZE_ARCHIVE`.
    pub archive: Option<PathBuf>,
    /// `--format`.
    pub format: Format,
    /// Whether to colour human output.
    pub color: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
}

impl Context {
    /// Refuses a `--format` the command does not support (exit 2).
    pub fn formats(&self, command: &str, allowed: &[Format]) -> anyhow::Result<Format> {
        if allowed.contains(&self.format) {
            return Ok(self.format);
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        bail!(
            "`prize {command}` does not support --format {} (use {})",
            self.format.name(),
            names.join(", ")
        )
    }

    /// The renderer of `format` (one the command accepts), as `--color` and `-q` shape it.
    pub fn renderer(&self, format: Format) -> Box<dyn crate::render::Renderer> {
        crate::render::renderer(format, self.color, self.quiet)
    }

    /// Finds the archive, reads, checks and judges it once ([`crate::report::open`]), reporting
    /// timings with `-v`.
    ///
    /// The edition lives until the process ends: a command reads one archive and exits, and
    /// freeing 100,000 applications' strings and every score row one by one took 5% of
    /// `validate`; the operating system takes the memory back at once.
    pub fn load(&self) -> anyhow::Result<&'static Edition> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let root = load::discover(self.archive.as_deref(), &cwd)?;
        let start = Instant::now();
        let busy = self.busy("reading the archive");
        let loaded = crate::report::open(&root);
        drop(busy);
        let loaded = loaded?;
        self.note(&format!(
            "loaded {} applications from {} in {:.0?}",
            loaded.archive.applications.len(),
            root.display(),
            start.elapsed()
        ));
        Ok(Box::leak(Box::new(loaded)))
    }

    /// A note on stderr, shown with `-v`.
    pub fn note(&self, text: &str) {
        if self.verbose > 0 {
            let _ = writeln!(io::stderr(), "note: {}", crate::render::escape(text));
        }
    }

    /// The validation summary line on stderr, as ranking commands always print it (not with `-q`),
    /// with the same pointer to `prize validate` as every command gives when there are errors.
    pub fn summary_always(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        out.flush()?;
        if !self.quiet {
            let _ = writeln!(io::stderr(), "{}", validation.summary.line());
            if validation.summary.errors > 0 {
                let _ = writeln!(io::stderr(), "run `prize validate` to see the errors");
            }
        }
        Ok(())
    }

    /// The configuration a command works from; `None`, after saying so on stderr, when
    /// prize.toml is too broken to use ([`crate::report::validation::usable_config`] decides): the command then does
    /// nothing and ends with [`Outcome::Failure`], as every command that needs it does.
    pub fn usable_config<'a>(
        &self,
        out: &mut dyn Write,
        archive: &'a Archive,
        validation: &Validation<'_>,
        not_done: &str,
    ) -> io::Result<Option<&'a Config>> {
        let config = crate::report::validation::usable_config(archive, validation);
        if config.is_none() {
            self.refuse(out, validation, load::CONFIG_FILE, not_done)?;
        }
        Ok(config)
    }

    /// Says on stderr that nothing is done because `file` has errors: the summary (not with
    /// `-q`) and the reason, the same for every command. The command returns the result (exit 1).
    pub fn refuse(
        &self,
        out: &mut dyn Write,
        validation: &Validation<'_>,
        file: &str,
        not_done: &str,
    ) -> io::Result<Outcome> {
        out.flush()?;
        if !self.quiet {
            let _ = writeln!(io::stderr(), "{}", validation.summary.line());
        }
        let _ = writeln!(
            io::stderr(),
            "error: {file} has errors, so {not_done}; run `prize validate` to see them"
        );
        Ok(Outcome::Failure)
    }

    /// A spinner on stderr for work that may take more than a second (see [`Busy`]): only on a
    /// terminal and not with `-q`, so pipes and scripts never see it.
    pub fn busy(&self, what: &str) -> Busy {
        let target = (!self.quiet && io::stderr().is_terminal()).then(ProgressDrawTarget::stderr);
        Busy::start(what, target, Busy::DELAY)
    }

    /// The validation summary line on stderr, for commands other than `validate` (not with `-q`,
    /// nor when there is nothing to say).
    pub fn summary_to_stderr(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        // Results first, so that a terminal shows the summary after them.
        out.flush()?;
        let s = &validation.summary;
        if !self.quiet && (s.errors > 0 || s.warnings > 0 || self.verbose > 0) {
            let _ = writeln!(io::stderr(), "{}", s.line());
            if s.errors > 0 {
                let _ = writeln!(io::stderr(), "run `prize validate` to see the errors");
            }
        }
        Ok(())
    }
}

/// A spinner with a message and the time elapsed, shown only once the work has taken
/// [`Busy::DELAY`] (quick commands never flicker) and cleared when dropped.
#[derive(Debug)]
pub struct Busy {
    /// Dropped to tell the spinner's thread that the work is done.
    done: Option<mpsc::Sender<()>>,
    /// The thread that shows the spinner after the delay.
    thread: Option<thread::JoinHandle<()>>,
}

impl Busy {
    /// How long work runs before the spinner appears.
    pub const DELAY: Duration = Duration::from_secs(1);

    /// Starts the spinner's clock; `None` as the target shows nothing and starts no thread.
    fn start(what: &str, target: Option<ProgressDrawTarget>, delay: Duration) -> Busy {
        let Some(target) = target else {
            return Busy {
                done: None,
                thread: None,
            };
        };
        let (done, finished) = mpsc::channel::<()>();
        let what = what.to_string();
        let thread = thread::spawn(move || {
            // Anything but a timeout means the work ended (the sender was dropped) first.
            if finished.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let spinner = ProgressBar::with_draw_target(None, target).with_elapsed(delay);
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                spinner.set_style(style);
            }
            spinner.set_message(what);
            spinner.enable_steady_tick(Duration::from_millis(100));
            let _ = finished.recv();
            spinner.finish_and_clear();
        });
        Busy {
            done: Some(done),
            thread: Some(thread),
        }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        drop(self.done.take());
        // Joined so that the spinner is cleared before the command writes to stderr.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = Context {
        archive: cli.archive,
        format: cli.format,
        color: cli.color.resolve(),
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Init(args) => init::run(&ctx, &args, &mut out),
        Command::Validate(args) => validate::run(&ctx, &args, &mut out),
        Command::List(args) => list::run(&ctx, &args, &mut out),
        Command::Stats(args) => stats::run(&ctx, &args, &mut out),
        Command::Scores(args) => scores::run(&ctx, &args, &mut out),
        Command::Rank(args) => rank::run(&ctx, &args, &mut out),
        Command::Winners(args) => winners::run(&ctx, &args, &mut out),
        Command::Explain(args) => explain::run(&ctx, &args, &mut out),
        Command::Assign(args) => assign::run(&ctx, &args, &mut out),
        Command::Sheets(args) => sheets::run(&ctx, &args, &mut out),
        Command::Progress(args) => progress::run(&ctx, &args, &mut out),
        Command::Judges(args) => judges::run(&ctx, &args, &mut out),
        Command::Agreement(args) => agreement::run(&ctx, &args, &mut out),
        Command::Compare(args) => compare::run(&ctx, &args, &mut out),
        Command::Stability(args) => stability::run(&ctx, &args, &mut out),
        Command::Report(args) => report::run(&ctx, &args, &mut out),
        Command::Applications(args) => applications::run(&ctx, &args, &mut out),
        Command::Feedback(args) => feedback::run(&ctx, &args, &mut out),
        Command::ExplainCode(args) => explain_code::run(&ctx, &args, &mut out),
        Command::Completions(args) => completions::run(&args, &mut out),
        Command::Man => completions::man(&mut out),
    }?;
    out.flush()?;
    Ok(outcome)
}

/// Whether an error comes from writing to a closed pipe (`prize list | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Exit 1 when the archive has errors.
pub fn outcome_of(validation: &Validation<'_>) -> Outcome {
    outcome_with(validation, false)
}

/// Exit 1 when the archive has errors or the command itself `failed` (a refused write, an
/// impossible assignment): a command that writes says "the archive is broken" as `rank` does.
pub fn outcome_with(validation: &Validation<'_>, failed: bool) -> Outcome {
    if failed || validation.summary.errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}

/// The index of `--round`, or a usage error naming the rounds.
pub fn round_index(config: &Config, round: &str) -> anyhow::Result<usize> {
    let ids: Vec<&str> = config.rounds.iter().map(|r| r.id.as_str()).collect();
    known("round", &Some(round.to_string()), ids)?;
    Ok(config.rounds.iter().position(|r| r.id == round).unwrap_or(0))
}

/// The round a command shows and its judged result: `--round`, else the round `prize rank`
/// shows by default (the last with score sheets, else the first).
pub fn shown_round<'e>(
    archive: &Archive,
    config: &Config,
    rounds: &'e [crate::ranking::RoundResult],
    round: Option<&str>,
) -> anyhow::Result<(usize, &'e crate::ranking::RoundResult)> {
    let round = match round {
        Some(r) => round_index(config, r)?,
        None => crate::ranking::default_round(archive, config),
    };
    match rounds.get(round) {
        Some(judged) => Ok((round, judged)),
        None => bail!("prize.toml defines no rounds"),
    }
}

/// Refuses a filter value that is not one of `ids` (a typo is a usage error, exit 2).
pub fn known(what: &str, value: &Option<String>, ids: Vec<&str>) -> anyhow::Result<()> {
    let Some(v) = value else { return Ok(()) };
    if ids.contains(&v.as_str()) {
        return Ok(());
    }
    match crate::load::fields::suggest(v, ids.iter().copied()) {
        Some(close) => bail!("unknown {what} `{v}`; did you mean `{close}`?"),
        None => bail!("unknown {what} `{v}` (known: {})", ids.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use indicatif::TermLike;

    use super::*;

    /// A terminal that keeps what is written to it.
    #[derive(Debug, Clone, Default)]
    struct Screen(Arc<Mutex<String>>);

    impl Screen {
        fn text(&self) -> String {
            self.0.lock().map(|t| t.clone()).unwrap_or_default()
        }
    }

    impl TermLike for Screen {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> io::Result<()> {
            self.write_str(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> io::Result<()> {
            if let Ok(mut text) = self.0.lock() {
                text.push_str(s);
            }
            Ok(())
        }
        fn clear_line(&self) -> io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    fn target(screen: &Screen) -> Option<ProgressDrawTarget> {
        Some(ProgressDrawTarget::term_like(Box::new(screen.clone())))
    }

    #[test]
    fn the_spinner_appears_only_after_the_delay() {
        let screen = Screen::default();
        let busy = Busy::start("assigning judges", target(&screen), Duration::from_millis(20));
        thread::sleep(Duration::from_millis(400));
        drop(busy);
        assert!(screen.text().contains("assigning judges"), "{:?}", screen.text());

        let quick = Screen::default();
        let started = Instant::now();
        drop(Busy::start("assigning judges", target(&quick), Duration::from_secs(60)));
        assert_eq!(quick.text(), "", "quick work shows nothing");
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "dropping does not wait out the delay"
        );
    }

    #[test]
    fn no_spinner_with_quiet_or_off_a_terminal() {
        let ctx = Context {
            archive: None,
            format: Format::Human,
            color: false,
            quiet: true,
            verbose: 0,
        };
        assert!(ctx.busy("reading the archive").thread.is_none());
        // Tests run with stderr on a pipe or a file, never a terminal.
        let loud = Context { quiet: false, ..ctx };
        if !io::stderr().is_terminal() {
            assert!(loud.busy("reading the archive").thread.is_none());
        }
    }
}
