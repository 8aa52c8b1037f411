//! What a teacher finds after a crash: the game, made to panic as it starts (a hidden
//! variable for tests), writes a readable report into `crash-reports/` of the data
//! folder, offers it at the next start, and leaves every save byte for byte as it was.
//! And when there is no screen at all, a clear message and exit code instead of a
//! panic, and no report (nothing is broken in Codebot).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codebot::crash::{self, REPORTS_DIR};
use codebot::progress::Store;

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// The game started with `data` as its data folder and these extra variables.
fn start_game(data: &Path, vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_codebot"));
    command
        .args(["--game-lang", "en", "--after", "1"])
        .env("CODEBOT_DATA_DIR", data)
        .env_remove(crash::TEST_PANIC_ENV);
    for (name, value) in vars {
        command.env(name, value);
    }
    command.output().unwrap()
}

const SECRET_CODE: &str = "avancer()  # code de Zoé";

#[test]
fn a_crash_at_start_writes_a_report_and_leaves_the_saves_untouched() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    let mut zoe = store.create_profile("Zoé", 3).unwrap();
    zoe.record_attempt("codebot/premiers-pas-01", SECRET_CODE, true, 2);
    store.save_profile(&zoe).unwrap();
    store.save_profile(&zoe).unwrap(); // and its backup
    let saves = snapshot(data.path());
    assert!(!saves.is_empty());

    let output = start_game(data.path(), &[(crash::TEST_PANIC_ENV, "start")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");

    let mut after = snapshot(data.path());
    let reports: Vec<PathBuf> = after
        .keys()
        .filter(|p| p.starts_with(REPORTS_DIR))
        .cloned()
        .collect();
    for path in &reports {
        after.remove(path);
    }
    assert_eq!(after, saves, "the saves changed");

    let report = crash::pending_report(data.path()).expect("no report offered");
    assert_eq!(
        reports.len(),
        2,
        "one report and the pending mark: {reports:?}"
    );
    assert!(stderr.contains(&report.display().to_string()), "{stderr}");
    let text = std::fs::read_to_string(&report).unwrap();
    for expected in [
        "Codebot — crash report",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        "forced panic for tests",
        "src/game/mod.rs", // where the game called the test's panic
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
    for private in [SECRET_CODE, "Zoé", zoe.id.as_str()] {
        assert!(!text.contains(private), "{private:?} in\n{text}");
    }

    // Seen: not offered again, the report stays.
    crash::dismiss_pending(data.path()).unwrap();
    assert_eq!(crash::pending_report(data.path()), None);
    assert!(report.is_file());
}

/// Without any display, the window cannot open: a message and exit code 3, no panic
/// printed, no crash report.
#[cfg(target_os = "linux")]
#[test]
fn without_a_display_the_game_says_so_and_writes_no_report() {
    let data = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_codebot"))
        .args(["--game-lang", "en"])
        .env("CODEBOT_DATA_DIR", data.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove(crash::TEST_PANIC_ENV)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("no screen"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!data.path().join(REPORTS_DIR).exists());
}
