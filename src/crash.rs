//! Crash reports for teachers. When the game panics, a panic hook writes a readable text
//! file into the data folder, `crash-reports/<date>_<time>.txt` (UTC): the version, the
//! system, the graphics card in use, the screen shown, what went wrong and where. It
//! holds no student code and no profile name (only the folder of the user's home is
//! shortened to `~`), and it never touches the saves. The next start of the game
//! offers to show it (`crash-reports/pending` names the newest report not yet seen).
//!
//! The game feeds the report as it runs ([`set_screen`], [`set_graphics`], [`set_lang`]);
//! [`expect_failures`] marks start-up steps whose failure is explained to the player
//! instead (no display, no graphics card): those panics are neither printed nor reported.
//! Plain Rust: the report writer is tested without the game.

use std::cell::Cell;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use thiserror::Error;

use crate::i18n::{self, Lang};

/// The folder of the data folder that holds the reports.
pub const REPORTS_DIR: &str = "crash-reports";
/// The file naming the newest report the player has not been shown yet.
pub const PENDING_FILE: &str = "pending";
/// Tests only: `start` makes the game panic as it starts (before its window opens),
/// `frame` during its first frame, to check the report and what the next start shows;
/// `renderer` as it opens the graphics card (Linux, unless OpenGL only), to check that
/// the game starts again with OpenGL.
pub const TEST_PANIC_ENV: &str = "CODEBOT_TEST_PANIC";
/// The name of the sandbox's interpreter thread, whose panics are caught and become a
/// verdict: they are not crashes.
const CAUGHT_THREADS: &[&str] = &["codebot-python"];
/// The most lines of the backtrace kept in a report.
const MAX_BACKTRACE_LINES: usize = 120;

/// Why a report could not be written or read.
#[derive(Debug, Error)]
pub enum CrashError {
    #[error("cannot {op} {path}: {source}")]
    Io {
        op: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
}

fn io_error(op: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> CrashError {
    let path = path.display().to_string();
    move |source| CrashError::Io { op, path, source }
}

/// The headings of a report, in the language of the game when it crashed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    pub title: String,
    pub intro: String,
    pub version: String,
    pub time: String,
    pub system: String,
    pub graphics: String,
    pub screen: String,
    pub what: String,
    pub place: String,
    pub details: String,
    pub unknown: String,
}

impl Labels {
    pub fn new(lang: Lang) -> Labels {
        let t = |id: &str| i18n::tr(lang, id, &[]);
        Labels {
            title: t("crash-report-title"),
            intro: t("crash-report-intro"),
            version: t("crash-report-version"),
            time: t("crash-report-time"),
            system: t("crash-report-system"),
            graphics: t("crash-report-graphics"),
            screen: t("crash-report-screen"),
            what: t("crash-report-what"),
            place: t("crash-report-where"),
            details: t("crash-report-details"),
            unknown: t("crash-report-unknown"),
        }
    }
}

/// What a report says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CrashReport {
    /// When it happened, in seconds since 1970 (UTC).
    pub time_secs: u64,
    pub version: String,
    /// The operating system and processor.
    pub system: String,
    /// The graphics backend and card, once the renderer started.
    pub graphics: Option<String>,
    /// The screen shown.
    pub screen: Option<String>,
    /// The panic message.
    pub message: String,
    /// `file:line:column` of the panic, and the thread.
    pub location: Option<String>,
    /// For developers.
    pub backtrace: Option<String>,
}

impl CrashReport {
    /// The report's file name: its date and time, UTC (`2025-01-31_14-05-09.txt`).
    pub fn file_name(&self) -> String {
        let (date, (h, m, s)) = utc(self.time_secs);
        format!("{date}_{h:02}-{m:02}-{s:02}.txt")
    }

    /// The text of the report file.
    pub fn to_text(&self, labels: &Labels) -> String {
        let (date, (h, m, s)) = utc(self.time_secs);
        let or_unknown = |value: &Option<String>| value.clone().unwrap_or(labels.unknown.clone());
        let mut text = String::new();
        let _ = writeln!(text, "{}\n\n{}\n", labels.title, labels.intro);
        let rows = [
            (&labels.version, self.version.clone()),
            (&labels.time, format!("{date} {h:02}:{m:02}:{s:02} UTC")),
            (&labels.system, self.system.clone()),
            (&labels.graphics, or_unknown(&self.graphics)),
            (&labels.screen, or_unknown(&self.screen)),
            (&labels.what, self.message.clone()),
            (&labels.place, or_unknown(&self.location)),
        ];
        for (label, value) in rows {
            let _ = writeln!(text, "{label}: {value}");
        }
        if let Some(backtrace) = &self.backtrace {
            let _ = writeln!(text, "\n{}:\n{backtrace}", labels.details);
        }
        text
    }
}

/// `(YYYY-MM-DD, (hours, minutes, seconds))` of a time in seconds since 1970, UTC.
fn utc(secs: u64) -> (String, (u64, u64, u64)) {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        (rest / 3600, rest % 3600 / 60, rest % 60),
    )
}

/// Writes `report` into `<data_dir>/crash-reports/` (never over an older report) and
/// marks it as the one to show at the next start. Returns the report's path.
pub fn write_report(
    data_dir: &Path,
    report: &CrashReport,
    labels: &Labels,
) -> Result<PathBuf, CrashError> {
    let dir = data_dir.join(REPORTS_DIR);
    std::fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
    let name = report.file_name();
    let stem = name.trim_end_matches(".txt");
    let text = report.to_text(labels);
    let mut attempt = 1;
    let (path, mut file) = loop {
        let file_name = match attempt {
            1 => name.clone(),
            n => format!("{stem}-{n}.txt"),
        };
        let path = dir.join(&file_name);
        match std::fs::File::create_new(&path) {
            Ok(file) => break (path, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(io_error("create", &path)(e)),
        }
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(io_error("write", &path))?;
    let pending = dir.join(PENDING_FILE);
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    std::fs::write(&pending, file_name.as_bytes()).map_err(io_error("write", &pending))?;
    Ok(path)
}

/// The newest report not yet shown to the player, if any.
pub fn pending_report(data_dir: &Path) -> Option<PathBuf> {
    let dir = data_dir.join(REPORTS_DIR);
    let name = std::fs::read_to_string(dir.join(PENDING_FILE)).ok()?;
    let name = name.trim();
    // Only a plain file name of this folder.
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let path = dir.join(name);
    path.is_file().then_some(path)
}

/// The player has seen the pending report (or chose not to): not offered again. The
/// report itself stays.
pub fn dismiss_pending(data_dir: &Path) -> Result<(), CrashError> {
    let pending = data_dir.join(REPORTS_DIR).join(PENDING_FILE);
    match std::fs::remove_file(&pending) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error("remove", &pending)(e)),
        _ => Ok(()),
    }
}

// --- The panic hook -----------------------------------------------------------------

/// What the running game last told the hook.
struct Context {
    data_dir: PathBuf,
    labels: Labels,
    system: String,
    home: Option<String>,
    graphics: Option<String>,
    screen: Option<String>,
}

static CONTEXT: Mutex<Option<Context>> = Mutex::new(None);
/// One report per run: the panics that follow the first are its consequences.
static REPORTED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Set during start-up steps whose failures are explained to the player.
    static EXPECTING_FAILURES: Cell<bool> = const { Cell::new(false) };
}

fn with_context(change: impl FnOnce(&mut Context)) {
    let mut guard = CONTEXT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(context) = guard.as_mut() {
        change(context);
    }
}

/// The screen shown, for the report.
pub fn set_screen(screen: impl Into<String>) {
    let screen = screen.into();
    with_context(|c| c.screen = Some(screen));
}

/// The graphics backend and card in use, for the report.
pub fn set_graphics(graphics: impl Into<String>) {
    let graphics = graphics.into();
    with_context(|c| c.graphics = Some(graphics));
}

/// The language the report is written in (the player's).
pub fn set_lang(lang: Lang) {
    with_context(|c| c.labels = Labels::new(lang));
}

/// While `on` (on this thread), a panic is a start-up failure the caller catches and
/// explains: no message on stderr, no report.
pub fn expect_failures(on: bool) {
    EXPECTING_FAILURES.with(|flag| flag.set(on));
}

/// The operating system, its version where cheap to know, and the processor.
fn system_description() -> String {
    #[cfg_attr(not(target_os = "linux"), allow(unused_mut))]
    let mut system = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    #[cfg(target_os = "linux")]
    if let Ok(release) = std::fs::read_to_string("/etc/os-release")
        && let Some(name) = release.lines().find_map(|l| l.strip_prefix("PRETTY_NAME="))
    {
        let _ = write!(system, " ({})", name.trim_matches('"'));
    }
    system
}

/// Installs the panic hook writing reports into `data_dir`, in `lang` until
/// [`set_lang`]. The previous hook still prints the panic on stderr.
pub fn install_hook(data_dir: PathBuf, lang: Lang) {
    let home = directories::BaseDirs::new()
        .map(|dirs| dirs.home_dir().display().to_string())
        .filter(|home| home.len() > 1);
    *CONTEXT.lock().unwrap_or_else(|e| e.into_inner()) = Some(Context {
        data_dir,
        labels: Labels::new(lang),
        system: system_description(),
        home,
        graphics: None,
        screen: None,
    });
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if EXPECTING_FAILURES.with(Cell::get) {
            return;
        }
        previous(info);
        let thread = std::thread::current();
        let thread_name = thread.name().unwrap_or_default();
        if CAUGHT_THREADS.contains(&thread_name) || REPORTED.swap(true, Ordering::SeqCst) {
            return;
        }
        // Never wait here: the panic may have happened while the context was held.
        let Ok(guard) = CONTEXT.try_lock() else {
            return;
        };
        let Some(context) = guard.as_ref() else {
            return;
        };
        let shorten = |text: String| match &context.home {
            Some(home) => text.replace(home.as_str(), "~"),
            None => text,
        };
        let message = panic_message(info.payload());
        let backtrace = std::backtrace::Backtrace::force_capture().to_string();
        let report = CrashReport {
            time_secs: crate::teacher::now_secs(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            system: context.system.clone(),
            graphics: context.graphics.clone(),
            screen: context.screen.clone(),
            message: shorten(message),
            location: info
                .location()
                .map(|l| match thread_name {
                    "" => l.to_string(),
                    name => format!("{l} ({name})"),
                })
                .map(shorten),
            backtrace: Some(shorten(from_the_panic(&backtrace))),
        };
        let outcome = write_report(&context.data_dir, &report, &context.labels);
        let lang = Lang::detect();
        match outcome {
            Ok(path) => eprintln!(
                "{}",
                i18n::tr(
                    lang,
                    "crash-report-written",
                    &[("path", path.display().to_string().into())]
                )
            ),
            Err(error) => eprintln!(
                "{}",
                i18n::tr(
                    lang,
                    "crash-report-not-written",
                    &[("reason", error.to_string().into())]
                )
            ),
        }
    }));
}

/// The text a panic was raised with (`panic!` with a literal or with a format).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// The frames of a backtrace from the code that panicked on (without the hook and the
/// panic machinery above it), at most `MAX_BACKTRACE_LINES` lines.
fn from_the_panic(backtrace: &str) -> String {
    let lines: Vec<&str> = backtrace.lines().collect();
    let is_frame = |line: &str| {
        line.trim_start()
            .split_once(':')
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let machinery = [
        "panicking::",
        "rust_begin_unwind",
        "panic_with_hook",
        "__rust_end_short",
    ];
    let start = lines
        .iter()
        .rposition(|line| is_frame(line) && machinery.iter().any(|m| line.contains(m)))
        .and_then(|last| (last + 1..lines.len()).find(|&i| is_frame(lines[i])))
        .unwrap_or(0);
    lines[start..]
        .iter()
        .take(MAX_BACKTRACE_LINES)
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

/// Panics when the test variable asks for it at this moment (`start` or `frame`).
#[track_caller]
pub fn test_panic_point(moment: &str) {
    if std::env::var(TEST_PANIC_ENV).is_ok_and(|v| v == moment) {
        panic!("forced panic for tests ({TEST_PANIC_ENV}={moment})");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> CrashReport {
        CrashReport {
            time_secs: 1_738_332_309, // 2025-01-31 14:05:09 UTC
            version: "9.9.9".into(),
            system: "linux x86_64".into(),
            graphics: Some("Gl, llvmpipe".into()),
            screen: None,
            message: "index out of bounds".into(),
            location: Some("src/game/map.rs:10:5 (main)".into()),
            backtrace: Some("0: frame".into()),
        }
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(utc(0), ("1970-01-01".to_string(), (0, 0, 0)));
        assert_eq!(utc(951_782_400).0, "2000-02-29");
        assert_eq!(utc(1_738_332_309), ("2025-01-31".to_string(), (14, 5, 9)));
        assert_eq!(report().file_name(), "2025-01-31_14-05-09.txt");
    }

    #[test]
    fn the_report_says_what_where_and_with_what() {
        for lang in [Lang::Fr, Lang::En] {
            let labels = Labels::new(lang);
            let text = report().to_text(&labels);
            for expected in [
                "9.9.9",
                "2025-01-31 14:05:09 UTC",
                "linux x86_64",
                "Gl, llvmpipe",
                "index out of bounds",
                "src/game/map.rs:10:5 (main)",
                "0: frame",
                labels.title.as_str(),
                labels.unknown.as_str(), // the screen was not known
            ] {
                assert!(
                    text.contains(expected),
                    "{lang:?}: no {expected:?} in\n{text}"
                );
            }
        }
        assert_ne!(Labels::new(Lang::Fr), Labels::new(Lang::En));
    }

    #[test]
    fn backtraces_start_at_the_code_that_panicked() {
        let backtrace = "   0: {closure#3}\n             at src/crash.rs:1:1\n   1: std::panicking::panic_with_hook\n             at panicking.rs:2:2\n   2: core::panicking::panic_fmt\n   3: codebot::game::map::draw\n             at src/game/map.rs:3:3\n   4: main";
        assert_eq!(
            from_the_panic(backtrace),
            "   3: codebot::game::map::draw\n             at src/game/map.rs:3:3\n   4: main"
        );
        // A backtrace without the panic machinery (or an empty one) is kept whole.
        assert_eq!(from_the_panic("   0: main"), "   0: main");
        assert_eq!(from_the_panic(""), "");
    }

    #[test]
    fn reports_are_written_beside_the_saves_and_offered_once() {
        let data = tempfile::tempdir().unwrap();
        let profiles = data.path().join("profiles");
        std::fs::create_dir_all(&profiles).unwrap();
        std::fs::write(profiles.join("zoe.ron"), "(id: \"zoe\")").unwrap();
        assert_eq!(pending_report(data.path()), None);

        let labels = Labels::new(Lang::En);
        let first = write_report(data.path(), &report(), &labels).unwrap();
        // The same second again: a second file, the first one kept.
        let second = write_report(data.path(), &report(), &labels).unwrap();
        assert_ne!(first, second);
        assert_eq!(first.parent().unwrap(), data.path().join(REPORTS_DIR));
        assert_eq!(second.file_name().unwrap(), "2025-01-31_14-05-09-2.txt");
        assert_eq!(
            std::fs::read_to_string(&first).unwrap(),
            report().to_text(&labels)
        );
        assert_eq!(pending_report(data.path()), Some(second));

        dismiss_pending(data.path()).unwrap();
        assert_eq!(pending_report(data.path()), None);
        dismiss_pending(data.path()).unwrap();
        assert!(first.is_file(), "the report itself stays");
        assert_eq!(
            std::fs::read_to_string(profiles.join("zoe.ron")).unwrap(),
            "(id: \"zoe\")"
        );
    }

    #[test]
    fn a_pending_file_naming_something_else_is_ignored() {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path().join(REPORTS_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(data.path().join("secret.txt"), "x").unwrap();
        for name in ["../secret.txt", "", "missing.txt", ".hidden"] {
            std::fs::write(dir.join(PENDING_FILE), name).unwrap();
            assert_eq!(pending_report(data.path()), None, "{name:?}");
        }
    }

    #[test]
    fn an_unwritable_data_folder_is_an_error_not_a_panic() {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let error = write_report(&file, &report(), &Labels::new(Lang::Fr)).unwrap_err();
        assert!(matches!(error, CrashError::Io { op: "create", .. }));
    }
}
