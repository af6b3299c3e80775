//! Gathers every finding code defined in `src/` into one list for `prize explain-code`, so that a
//! code defined in its own module (`pub static NAME: Code = Code { ... }`, or through a
//! `*_code!(NAME, ...)` macro) is in the registry without anyone having to list it again.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    let src = Path::new("src");
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut paths: Vec<String> = Vec::new();
    for file in &files {
        let Some(module) = module_path(src, file) else {
            continue;
        };
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        let statics = code_statics(&text);
        if statics.is_empty() {
            continue;
        }
        if !reachable(src, &module) {
            println!(
                "cargo:warning={} defines finding codes in a module that is not `pub`: `prize explain-code` cannot list them",
                file.display()
            );
            continue;
        }
        let prefix = if module.is_empty() {
            "crate".to_string()
        } else {
            format!("crate::{}", module.join("::"))
        };
        paths.extend(statics.into_iter().map(|name| format!("{prefix}::{name}")));
    }
    paths.sort();
    paths.dedup();
    let mut out = String::from("&[\n");
    for path in &paths {
        out.push_str(&format!("    &{path},\n"));
    }
    out.push(']');
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    fs::write(dir.join("codes.rs"), out).expect("OUT_DIR is writable");
}

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a library file (`src/load/sheet/read.rs` → `["load", "sheet", "read"]`); `None` for the
/// binary's `main.rs` and for files that are not modules (templates).
fn module_path(src: &Path, file: &Path) -> Option<Vec<String>> {
    let rel = file.strip_prefix(src).ok()?;
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop()?;
    match last.as_str() {
        "main.rs" if parts.is_empty() => return None,
        "lib.rs" if parts.is_empty() => {}
        "mod.rs" => {}
        other => parts.push(other.strip_suffix(".rs")?.to_string()),
    }
    Some(parts)
}

/// The names of the `Code` statics a file defines. Only items at the start of a line count:
/// rustfmt indents everything inside a `mod tests { ... }` or a `macro_rules!` body, which
/// define no code of the crate.
fn code_statics(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(rest) = line.strip_prefix("pub static ") {
            let name = identifier(rest);
            let ty = rest[name.len()..].trim_start().strip_prefix(':').unwrap_or_default();
            let ty = ty.split('=').next().unwrap_or_default().trim();
            if !name.is_empty() && (ty == "Code" || ty.ends_with("::Code")) {
                names.push(name.to_string());
            }
            continue;
        }
        // `reference_code!(\n    UNKNOWN_TRACK,\n    "unknown-track", ...)`: a macro whose name
        // ends in `_code` and whose first argument is the static it defines.
        let macro_name = identifier(line);
        let Some(args) = line[macro_name.len()..].strip_prefix("!(") else {
            continue;
        };
        if !macro_name.ends_with("_code") {
            continue;
        }
        let first = if args.trim().is_empty() {
            lines.get(i + 1).map_or("", |l| l.trim_start())
        } else {
            args.trim_start()
        };
        let name = identifier(first);
        let upper = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if upper {
            names.push(name.to_string());
        }
    }
    names
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// Whether every module on the way to `module` is declared `pub` (or `pub(crate)`), so that the
/// registry in `src/diagnostics/codes.rs` may name its statics.
fn reachable(src: &Path, module: &[String]) -> bool {
    let mut dir = src.to_path_buf();
    let mut parent = src.join("lib.rs");
    for name in module {
        let Ok(text) = fs::read_to_string(&parent) else {
            return false;
        };
        let declared = text.lines().any(|l| {
            let l = l.trim();
            l == format!("pub mod {name};") || l == format!("pub(crate) mod {name};")
        });
        if !declared {
            return false;
        }
        dir = dir.join(name);
        parent = dir.join("mod.rs");
        if !parent.exists() {
            parent = dir.with_extension("rs");
        }
    }
    true
}
