//! Portable mode and the one-file executable: only the built `codebot` is copied into an
//! empty folder with a `codebot-data` folder beside it, far from the repository. From
//! there it answers `--version` and `--help`, checks a program on a built-in level (its
//! levels, messages and sandbox worker are all inside the executable), installs a pack
//! and plays a level of it; everything it writes lands in `codebot-data`, nothing in the
//! (fake) home folder nor in the current folder.
//!
//! It copies the executable cargo built for the tests; set `CODEBOT_PORTABLE_EXE` to copy
//! another one instead, e.g. the release build as IT staff get it:
//! `CODEBOT_PORTABLE_EXE=target/release/codebot cargo test --test portable`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const LEVEL: &str = "codebot/premiers-pas-01";
const PACK_ID: &str = "portable-test";
/// The executable to copy instead of the test build.
const EXE_ENV: &str = "CODEBOT_PORTABLE_EXE";

/// The executable the test copies: `CODEBOT_PORTABLE_EXE`, else the test build.
fn built_executable() -> PathBuf {
    std::env::var_os(EXE_ENV)
        .filter(|path| !path.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_codebot")))
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found
}

/// The folders of the test: `app/` (the copied executable and `codebot-data/`), `home/`
/// (HOME and the XDG folders), `cwd/` (where commands run), `input/` (files given).
struct Portable {
    root: TempDir,
    exe: PathBuf,
}

impl Portable {
    fn new() -> Portable {
        let root = tempfile::tempdir().unwrap();
        let built = built_executable();
        for dir in ["app/codebot-data", "home", "cwd", "input"] {
            std::fs::create_dir_all(root.path().join(dir)).unwrap();
        }
        let exe = root.path().join("app").join(built.file_name().unwrap());
        std::fs::copy(&built, &exe)
            .unwrap_or_else(|e| panic!("cannot copy {}: {e}", built.display()));
        Portable { root, exe }
    }

    fn dir(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        let home = self.dir("home");
        let mut command = Command::new(&self.exe);
        command
            .args(args)
            .current_dir(self.dir("cwd"))
            .env_remove("CODEBOT_DATA_DIR")
            .env("HOME", &home)
            .env("USERPROFILE", &home)
            .env("APPDATA", home.join("AppData/Roaming"))
            .env("LOCALAPPDATA", home.join("AppData/Local"));
        for xdg in [
            "XDG_DATA_HOME",
            "XDG_CONFIG_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
        ] {
            command.env(xdg, home.join(xdg));
        }
        let output = command.output().unwrap();
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
        assert!(
            output.status.success(),
            "codebot {args:?}: {:?}\nstdout: {}\nstderr: {}",
            output.status,
            text(&output.stdout),
            text(&output.stderr)
        );
        output
    }
}

#[test]
fn the_copied_executable_works_alone_and_writes_only_beside_itself() {
    let portable = Portable::new();

    let version = portable.run(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
    let help = portable.run(&["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("check") && help.contains("--backend"),
        "{help}"
    );

    // A program on a built-in level: embedded levels, embedded messages, and the sandbox's
    // worker started from the copied executable.
    let level = codebot::level::resolve_level(LEVEL).unwrap();
    let program = portable.dir("input").join("program.py");
    std::fs::write(&program, &level.solution).unwrap();
    let program = program.to_str().unwrap();
    let checked = portable.run(&["check", LEVEL, program, "--json", "--lang", "fr"]);
    let verdict: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(verdict["passed"], true, "{verdict}");

    // Commands that write: a pack borrowing the built-in level is installed, listed,
    // and played from the pack library.
    let pack = portable.dir("input").join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(
        pack.join("pack.ron"),
        format!(
            "(\n  id: \"{PACK_ID}\",\n  title: (fr: \"Clé USB\", en: \"USB stick\"),\n  chapters: [\n    (id: \"c1\", title: (fr: \"Un\", en: \"One\"), levels: [\"{LEVEL}\"]),\n  ],\n)\n"
        ),
    )
    .unwrap();
    portable.run(&["install-pack", pack.to_str().unwrap()]);
    let listed = portable.run(&["list", "--json"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains(PACK_ID));
    let in_pack = format!("{PACK_ID}/{}", level.id);
    let checked = portable.run(&["check", &in_pack, program, "--json"]);
    let verdict: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert_eq!(verdict["passed"], true, "{verdict}");

    let data = portable.dir("app/codebot-data");
    let written = files_under(&data);
    assert!(
        written
            .iter()
            .any(|f| f.starts_with(Path::new("packs").join(PACK_ID))),
        "the pack is not in codebot-data: {written:?}"
    );
    let beside: BTreeSet<PathBuf> = files_under(&portable.dir("app"))
        .into_iter()
        .filter(|f| !f.starts_with("codebot-data"))
        .collect();
    let exe_name = PathBuf::from(portable.exe.file_name().unwrap());
    assert_eq!(beside, BTreeSet::from([exe_name]));
    assert_eq!(files_under(&portable.dir("home")), BTreeSet::new());
    assert_eq!(files_under(&portable.dir("cwd")), BTreeSet::new());
    // The home folder's own sub-folders were not even created.
    assert_eq!(std::fs::read_dir(portable.dir("home")).unwrap().count(), 0);
}
