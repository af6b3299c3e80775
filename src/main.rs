//! The `prize` binary: parse arguments, run the command, map the result to an exit code.

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_e` (the same in mimalloc 2 and 3;
/// the crate builds 3).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How the allocator gives memory back, set before any thread is started.
fn configure_memory() {
    // Memory freed while the archive is read (each file's parse, each sheet's decoding) goes
    // back to the system at once rather than after a second: the peak of a large edition
    // (100,000 applications) is a seventh lower.
    // SAFETY: sets one of mimalloc's documented options before any thread is started.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    disable_huge_pages();
}

/// No transparent huge pages: memory is then taken and given back 4 KiB at a time, not 2 MiB,
/// and a partly used huge page is not counted whole. At 100,000 applications the peak is
/// 25 MiB lower, for no measurable time. (mimalloc's own `allow_thp` option is read before
/// `main`, when it maps its first arena; the process's flag applies to every later page fault.)
fn disable_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes an integer flag and no pointer.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    configure_memory();
    let cli = prize::cmd::cli::parse();
    match prize::cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if prize::cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // The message may name a path or a value from the archive: escape each line.
            let text = format!("{error:#}");
            let lines: Vec<_> = text.lines().map(prize::render::escape).collect();
            eprintln!("error: {}", lines.join("\n"));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_set_is_mimallocs_purge_delay() {
        // purge_delay is the option whose default is 1000 (ms) in mimalloc 3; the options
        // around it (the deprecated eager_commit_delay, use_numa_nodes) default to 1 and 0.
        // SAFETY: reads and writes mimalloc options, as main does.
        unsafe {
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 1000);
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
            assert_eq!(libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY), 0);
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn huge_pages_are_off_once_disabled() {
        disable_huge_pages();
        // SAFETY: PR_GET_THP_DISABLE takes no argument.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) }, 1);
    }
}
