//! A real browser for the tests of the committee's report: [`Browser`] finds headless Chromium
//! ([`Browser::find`], or a [`Skip`] that says why there is none) and turns an HTML file into a
//! screenshot, a PDF or the DOM it parsed, every run in a fresh profile and killed after a
//! timeout; the readers of what it gives — [`png_size`], [`looks_blank`], [`pdf_pages`],
//! [`pdf_page_sizes`], [`pdf_text`] (poppler's `pdftotext`), [`sections`], [`external_urls`] and
//! [`scripts`] — are plain functions over bytes and text.
//!
//! Not declared in `common/mod.rs`: a test file that needs it adds
//! `#[path = "common/browser.rs"] mod browser;`, so that the other test binaries do not build it.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long one browser run may take before it is killed. A 50-page report printed by a browser
/// that shares two cores with three compilers takes some seconds; a hang must still end.
pub const TIMEOUT: Duration = Duration::from_secs(180);

/// The places looked at, after `$CHROMIUM`: Debian's launcher, then these names on the `PATH`.
const CANDIDATES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// Why the browser tests cannot run here; printed as `skipped: ...`, never a failure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip(
    /// The reason, with how to install what is missing.
    pub String,
);

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Headless Chromium: the program and how long a run may take.
#[derive(Debug, Clone)]
pub struct Browser {
    program: PathBuf,
    timeout: Duration,
}

/// What one bounded run of a program gave: its exit status, stdout and stderr.
#[derive(Debug)]
pub struct Ran {
    /// How it ended.
    pub status: ExitStatus,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr, lossily decoded.
    pub stderr: String,
}

impl Browser {
    /// The browser of this machine: `$CHROMIUM`, else `/usr/bin/chromium`, else `chromium`,
    /// `chromium-browser` or `google-chrome` on the `PATH` — one that answers `--version`.
    pub fn find() -> Result<Browser, Skip> {
        Browser::find_from(std::env::var_os("CHROMIUM"), std::env::var_os("PATH"))
    }

    /// [`Browser::find`] with the values of `$CHROMIUM` and `$PATH` given.
    pub fn find_from(chromium: Option<OsString>, path: Option<OsString>) -> Result<Browser, Skip> {
        const INSTALL: &str = "install it with `sudo apt-get install chromium` (the tests look for \
                               $CHROMIUM, /usr/bin/chromium, chromium-browser, google-chrome)";
        if let Some(named) = chromium.filter(|c| !c.is_empty()) {
            let program = PathBuf::from(&named);
            let program = if program.components().count() > 1 {
                Some(program)
            } else {
                on_path(&named, path.as_deref())
            };
            return match program.filter(|p| p.is_file()) {
                Some(program) => Browser::at(program).answering(),
                None => Err(Skip(format!(
                    "CHROMIUM={} is not a program; {INSTALL}",
                    named.to_string_lossy()
                ))),
            };
        }
        let debian = PathBuf::from("/usr/bin/chromium");
        let found = std::iter::once(debian.clone())
            .filter(|p| p.is_file())
            .chain(
                CANDIDATES
                    .iter()
                    .filter_map(|name| on_path(OsStr::new(name), path.as_deref())),
            )
            .next();
        match found {
            Some(program) => Browser::at(program).answering(),
            None => Err(Skip(format!("no Chromium found; {INSTALL}"))),
        }
    }

    /// The browser at `program`, with the default [`TIMEOUT`].
    pub fn at(program: impl Into<PathBuf>) -> Browser {
        Browser {
            program: program.into(),
            timeout: TIMEOUT,
        }
    }

    /// The same browser, with runs killed after `timeout`.
    pub fn with_timeout(mut self, timeout: Duration) -> Browser {
        self.timeout = timeout;
        self
    }

    /// The program that runs.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// This browser when `--version` succeeds (a `chromium-browser` that is only a shim for a
    /// missing snap does not); else why not.
    fn answering(self) -> Result<Browser, Skip> {
        let limit = self.timeout.min(Duration::from_secs(60));
        let mut cmd = Command::new(&self.program);
        cmd.arg("--version");
        match run_bounded(cmd, limit) {
            Ok(ran) if ran.status.success() => Ok(self),
            Ok(ran) => Err(Skip(format!(
                "{} --version failed ({}): {}",
                self.program.display(),
                ran.status,
                tail(&ran.stderr)
            ))),
            Err(e) => Err(Skip(format!("{} --version: {e}", self.program.display()))),
        }
    }

    /// A screenshot of `page` in a window of `width` × `height` CSS pixels, written to `png`
    /// and returned.
    pub fn screenshot(&self, page: &Path, png: &Path, (width, height): (u32, u32)) -> Result<Vec<u8>, String> {
        let args = [
            format!("--screenshot={}", png.display()),
            format!("--window-size={width},{height}"),
            "--hide-scrollbars".to_string(),
        ];
        self.run(&args, page)?;
        fs::read(png).map_err(|e| format!("no screenshot at {}: {e}", png.display()))
    }

    /// A screenshot of an empty white page of the same size, to compare with.
    pub fn blank_screenshot(&self, dir: &Path, size: (u32, u32)) -> Result<Vec<u8>, String> {
        let page = dir.join("blank.html");
        fs::write(
            &page,
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>",
        )
        .map_err(|e| format!("cannot write {}: {e}", page.display()))?;
        self.screenshot(&page, &dir.join("blank.png"), size)
    }

    /// `page` printed to `pdf` as the print dialog would, without the browser's header and
    /// footer (the page size is the page's own `@page`), and returned.
    pub fn pdf(&self, page: &Path, pdf: &Path) -> Result<Vec<u8>, String> {
        let args = [
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_string(),
        ];
        self.run(&args, page)?;
        fs::read(pdf).map_err(|e| format!("no PDF at {}: {e}", pdf.display()))
    }

    /// The DOM the browser built from `page`, serialised.
    pub fn dom(&self, page: &Path) -> Result<String, String> {
        let ran = self.run(&["--dump-dom".to_string()], page)?;
        String::from_utf8(ran.stdout).map_err(|e| format!("the DOM is not UTF-8: {e}"))
    }

    /// Runs the browser headless on `page` with `args`, in a fresh profile.
    fn run(&self, args: &[String], page: &Path) -> Result<Ran, String> {
        let page = fs::canonicalize(page).map_err(|e| format!("no page at {}: {e}", page.display()))?;
        let profile = tempfile::tempdir().map_err(|e| format!("no temporary profile: {e}"))?;
        let mut cmd = Command::new(&self.program);
        cmd.args([
            "--headless",
            // Needed as root, and harmless otherwise: the pages are the tests' own.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // Nothing to fetch, and nothing else may talk to the network while the tests run.
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(file_url(&page));
        let ran = run_bounded(cmd, self.timeout)
            .map_err(|e| format!("{} on {}: {e}", self.program.display(), page.display()))?;
        if !ran.status.success() {
            return Err(format!(
                "{} on {} failed ({}): {}",
                self.program.display(),
                page.display(),
                ran.status,
                tail(&ran.stderr)
            ));
        }
        Ok(ran)
    }
}

/// `name` in one of the folders of `path`, when it is a file there.
fn on_path(name: &OsStr, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// The `file://` URL of an absolute path, every byte outside the unreserved set escaped.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Runs `cmd` with no input, stdout and stderr into temporary files (so that a child left
/// holding them cannot block a reader), killed with every process it started when it is not
/// done within `limit`.
pub fn run_bounded(mut cmd: Command, limit: Duration) -> Result<Ran, String> {
    let out = tempfile::tempfile().map_err(|e| e.to_string())?;
    let err = tempfile::tempfile().map_err(|e| e.to_string())?;
    cmd.stdin(Stdio::null())
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(err.try_clone().map_err(|e| e.to_string())?);
    own_group(&mut cmd);
    let started = Instant::now();
    let mut child = cmd.spawn().map_err(|e| format!("did not start: {e}"))?;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                kill_all(&mut child);
                return Err(format!("timed out after {} s, killed", limit.as_secs_f64()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => {
                kill_all(&mut child);
                return Err(format!("could not wait: {e}"));
            }
        }
    };
    // Helpers the browser started (its crash handler) go with it.
    kill_all(&mut child);
    Ok(Ran {
        status,
        stdout: read_all(out)?,
        stderr: String::from_utf8_lossy(&read_all(err)?).into_owned(),
    })
}

fn read_all(mut file: fs::File) -> Result<Vec<u8>, String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(0))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

#[cfg(unix)]
fn own_group(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
}

#[cfg(not(unix))]
fn own_group(_: &mut Command) {}

/// Kills the child's process group (the child and all it started) and reaps the child.
fn kill_all(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the group the child leads (it was started
        // in its own group), and nothing else.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The last lines of a program's stderr, for a message.
fn tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

/// The width and height of a PNG, from its IHDR chunk; `None` when the bytes are no PNG.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if png.len() < 24 || &png[..8] != SIGNATURE || &png[12..16] != b"IHDR" {
        return None;
    }
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    Some((word(16), word(20)))
}

/// Whether a screenshot looks like the blank one of the same size: the same bytes, or hardly
/// larger. A uniform page compresses to almost nothing; text, rules and charts do not (at the
/// tests' window the fixture's few short paragraphs make a PNG some 7 times the blank one's).
pub fn looks_blank(shot: &[u8], blank: &[u8]) -> bool {
    shot == blank || shot.len() * 2 <= blank.len() * 3
}

/// The number of pages of a PDF: its `/Type /Page` objects (not the `/Type /Pages` tree nodes).
/// Chromium writes its page objects uncompressed, so they can be counted in the bytes.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let mut pages = 0;
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b"/Type") {
        let mut i = at + found + b"/Type".len();
        while i < pdf.len() && pdf[i].is_ascii_whitespace() {
            i += 1;
        }
        if pdf[i..].starts_with(b"/Page") {
            let next = pdf.get(i + b"/Page".len()).copied();
            if !next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
                pages += 1;
            }
        }
        at = i;
    }
    pages
}

/// The width and height in points of each `/MediaBox` of a PDF, in the file's order. A4 is
/// 595.28 × 841.89 (Chromium rounds it to whole CSS pixels: 594.96 × 841.92); Letter 612 × 792.
pub fn pdf_page_sizes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let mut sizes = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&pdf[at..], b"/MediaBox") {
        let start = at + found + b"/MediaBox".len();
        at = start;
        let Some(open) = find(&pdf[start..], b"[") else { break };
        let Some(close) = find(&pdf[start + open..], b"]") else {
            break;
        };
        let inside = String::from_utf8_lossy(&pdf[start + open + 1..start + open + close]);
        let numbers: Vec<f64> = inside.split_ascii_whitespace().filter_map(|n| n.parse().ok()).collect();
        if let [x0, y0, x1, y1] = numbers[..] {
            sizes.push((x1 - x0, y1 - y0));
        }
    }
    sizes
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The text of a PDF, by poppler's `pdftotext` (Chromium compresses its text, so the bytes do
/// not show it); a [`Skip`] when `pdftotext` is not installed.
pub fn pdf_text(pdf: &Path) -> Result<String, Skip> {
    let mut cmd = Command::new("pdftotext");
    cmd.args(["-enc", "UTF-8"]).arg(pdf).arg("-");
    match run_bounded(cmd, TIMEOUT) {
        Ok(ran) if ran.status.success() => Ok(String::from_utf8_lossy(&ran.stdout).into_owned()),
        Ok(ran) => panic!(
            "pdftotext {} failed ({}): {}",
            pdf.display(),
            ran.status,
            tail(&ran.stderr)
        ),
        Err(e) if e.starts_with("did not start") => Err(Skip(format!(
            "no pdftotext ({e}); install it with `sudo apt-get install poppler-utils`"
        ))),
        Err(e) => panic!("pdftotext {}: {e}", pdf.display()),
    }
}

/// Whether `text` contains `words`, whatever the white space (a PDF breaks lines and table
/// cells where the layout did; an id may be broken at its hyphen).
pub fn contains_words(text: &str, words: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(text).contains(&squeeze(words))
}

/// An element's start tag in an HTML text: its name (lower case) and attributes (names lower
/// case, values with character references decoded), and for `<style>` and `<script>` the raw
/// text up to the end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The element's name, lower case.
    pub name: String,
    /// (name, value) of each attribute, in order.
    pub attrs: Vec<(String, String)>,
    /// The raw text of a `<style>` or `<script>`; empty for other elements.
    pub text: String,
}

impl Tag {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Every start tag of an HTML text (a DOM the browser serialised, or a file), in order;
/// comments, doctypes and end tags skipped.
pub fn tags(html: &str) -> Vec<Tag> {
    let lower = html.to_ascii_lowercase();
    let b = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(found) = html[i..].find('<') {
        let start = i + found;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        if html[start..].starts_with("<!") || html[start..].starts_with("</") || html[start..].starts_with("<?") {
            i = html[start..].find('>').map_or(html.len(), |e| start + e + 1);
            continue;
        }
        let mut j = start + 1;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == start + 1 {
            i = start + 1;
            continue;
        }
        let name = lower[start + 1..j].to_string();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                j += 1;
                break;
            }
            let n0 = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !b"=>/".contains(&b[j]) {
                j += 1;
            }
            let attr = lower[n0..j].to_string();
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let quote = b[j];
                    let v0 = j + 1;
                    j = v0;
                    while j < b.len() && b[j] != quote {
                        j += 1;
                    }
                    value = decode(&html[v0..j.min(b.len())]);
                    j += 1;
                } else {
                    let v0 = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode(&html[v0..j]);
                }
            }
            if n0 == j {
                j += 1;
            } else {
                attrs.push((attr, value));
            }
        }
        let j = j.min(html.len());
        let mut text = String::new();
        i = j;
        if name == "style" || name == "script" {
            let end = lower[j..].find(&format!("</{name}")).map_or(html.len(), |e| j + e);
            text = html[j..end].to_string();
            i = end;
        }
        tags.push(Tag { name, attrs, text });
    }
    tags
}

/// `text` with its character references decoded: the named ones a serialiser writes and every
/// numeric one.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let window = &rest.as_bytes()[..rest.len().min(12)];
        let Some(semi) = window.iter().position(|&c| c == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `<section>` elements of an HTML text as (id, class), in order.
pub fn sections(html: &str) -> Vec<(String, String)> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "section")
        .map(|t| {
            let id = t.attr("id").unwrap_or_default().to_string();
            let class = t.attr("class").unwrap_or_default().to_string();
            (id, class)
        })
        .collect()
}

/// Attributes whose value the browser fetches (or follows, for links).
const URL_ATTRS: [&str; 16] = [
    "src",
    "href",
    "xlink:href",
    "srcset",
    "imagesrcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "ping",
    "manifest",
    "codebase",
    "longdesc",
    "lowsrc",
    "archive",
];

/// Every reference in an HTML text to something outside it, each as `<tag attr> URL` or
/// `url(...) in <style>`: any `src`, `href`, `srcset`, `action`, `data`... attribute, CSS
/// `url(...)` or `@import` (in `<style>` or a `style` attribute) and `<meta http-equiv=refresh>`
/// that is not a `#fragment` or a `data:` URL. Plain links (`<a href>`, `<area href>`) may
/// also be `mailto:`, `tel:` or one of `allowed_links` (the applicants' websites): a link
/// fetches nothing until it is followed.
pub fn external_urls(html: &str, allowed_links: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(html) {
        let link = tag.name == "a" || tag.name == "area";
        for (attr, value) in &tag.attrs {
            if URL_ATTRS.contains(&attr.as_str()) {
                let urls: Vec<&str> = if attr.ends_with("srcset") {
                    srcset_urls(value)
                } else {
                    vec![value.as_str()]
                };
                for url in urls {
                    let allowed = if link && attr.ends_with("href") {
                        allowed_link(url, allowed_links)
                    } else {
                        inline(url)
                    };
                    if !allowed {
                        found.push(format!("<{} {attr}> {url}", tag.name));
                    }
                }
            } else if attr == "style" {
                for url in css_urls(value) {
                    found.push(format!("url({url}) in <{} style>", tag.name));
                }
            }
        }
        if tag.name == "style" {
            for url in css_urls(&tag.text) {
                found.push(format!("url({url}) in <style>"));
            }
        }
        if tag.name == "meta"
            && tag
                .attr("http-equiv")
                .is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
        {
            found.push(format!(
                "<meta http-equiv=refresh> {}",
                tag.attr("content").unwrap_or_default()
            ));
        }
    }
    found
}

/// The URLs of a `srcset`: candidates separated by commas, each a URL (which may hold commas
/// itself, as a `data:` URL does) and descriptors after white space.
fn srcset_urls(srcset: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        match url.strip_suffix(',') {
            Some(url) => urls.push(url.trim_end_matches(',')),
            None => {
                urls.push(url);
                // The descriptors, up to the comma that ends the candidate.
                rest = rest.find(',').map_or("", |c| &rest[c + 1..]);
            }
        }
    }
}

/// The scripts of an HTML text: each `<script>` element and each `on...` event attribute, as
/// `<script>` or `<tag onclick>`.
pub fn scripts(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(html) {
        if tag.name == "script" {
            found.push("<script>".to_string());
        }
        for (attr, _) in &tag.attrs {
            if attr.starts_with("on") && attr.len() > 2 {
                found.push(format!("<{} {attr}>", tag.name));
            }
        }
    }
    found
}

/// A URL as the browser reads it: the spaces around it and any tab or line break inside gone.
fn squeezed(url: &str) -> String {
    url.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of a URL (lower case), when it has one.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Whether a fetched reference stays inside the file: a `#fragment` or a `data:` URL.
fn inline(url: &str) -> bool {
    let url = squeezed(url);
    url.starts_with('#') || scheme(&url).as_deref() == Some("data")
}

/// Whether a link may be in the report: inside it, `mailto:`/`tel:`, or one of `allowed`.
fn allowed_link(url: &str, allowed: &[&str]) -> bool {
    let url = squeezed(url);
    url.starts_with('#')
        || matches!(scheme(&url).as_deref(), Some("mailto" | "tel"))
        || allowed.iter().any(|a| squeezed(a) == url)
}

/// The references of a style sheet that leave the file: each `url(...)` and `@import "..."`
/// that is not [`inline`].
fn css_urls(css: &str) -> Vec<String> {
    let lower = css.to_ascii_lowercase();
    let mut urls = Vec::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find("url(") {
        let start = at + found + 4;
        let end = lower[start..].find(')').map_or(css.len(), |e| start + e);
        let url = css[start..end]
            .trim()
            .trim_matches(|c| c == '"' || c == '\'')
            .to_string();
        if !inline(&url) {
            urls.push(url);
        }
        at = end.min(css.len());
    }
    let mut at = 0;
    while let Some(found) = lower[at..].find("@import") {
        let start = at + found + "@import".len();
        let rest = css[start..].trim_start();
        if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let url: String = rest[1..].chars().take_while(|c| *c != quote).collect();
            if !inline(&url) {
                urls.push(url);
            }
        }
        at = start;
    }
    urls
}

/// Writes `png` to the path in `$PRIZE_SCREENSHOT`, when it is set (relative to the crate's
/// root, where `cargo test` runs): how the README's screenshot is made.
pub fn save_screenshot_if_asked(png: &[u8]) {
    if let Some(path) = std::env::var_os("PRIZE_SCREENSHOT").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        }
        fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        eprintln!("screenshot written to {}", path.display());
    }
}
