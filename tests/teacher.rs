//! Teachers' packs, class progress and exams: pack loading (folder, zip, borrowed
//! built-in levels), every refusal of an unsafe pack (with nothing written outside the
//! library and nothing half-installed), class reports, exam grading in the real sandbox,
//! and the command line's exit codes.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codebot::grade::{Batch, Runner, StartedRun};
use codebot::i18n::Lang;
use codebot::level::{
    self, Diagnostic, Exam, LevelProblem, Library, Pack, PackError, archive::PackLimits,
};
use codebot::sandbox::{RunRecord, RunRequest, Sandbox};
use codebot::teacher::{
    self, ClassReport, ExamResults, ExportedLevel, GradeOutcome, PROGRESS_FORMAT, PROGRESS_VERSION,
    ProgressExport, Submission, TeacherError,
};
use tempfile::TempDir;
use zip::write::SimpleFileOptions;

mod common;
use common::{CORRIDOR_CODE, level_text, pack_ron};

// --- fixtures -------------------------------------------------------------------------

/// A pack's files: `pack.ron` and one file per own level, under `levels/`.
fn pack_files(id: &str, own: &[&str], chapter: &[&str], extra: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(
        "pack.ron".to_string(),
        pack_ron(id, chapter, extra).into_bytes(),
    )];
    for level in own {
        files.push((
            format!("levels/{level}.ron"),
            level_text(level).into_bytes(),
        ));
    }
    files
}

fn simple_pack(id: &str) -> Vec<(String, Vec<u8>)> {
    pack_files(id, &["a", "b"], &["a", "b"], "")
}

fn write_dir(dir: &Path, files: &[(String, Vec<u8>)]) -> PathBuf {
    for (name, bytes) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir.to_path_buf()
}

enum Entry<'a> {
    File(&'a str, Vec<u8>),
    Symlink(&'a str, &'a str),
    Dir(&'a str),
}

fn write_zip(path: &Path, entries: &[Entry<'_>]) -> PathBuf {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default();
    for entry in entries {
        match entry {
            Entry::File(name, bytes) => {
                zip.start_file(*name, options).unwrap();
                zip.write_all(bytes).unwrap();
            }
            Entry::Symlink(name, target) => zip.add_symlink(*name, *target, options).unwrap(),
            Entry::Dir(name) => zip.add_directory(*name, options).unwrap(),
        }
    }
    zip.finish().unwrap();
    path.to_path_buf()
}

fn zip_of(path: &Path, files: &[(String, Vec<u8>)]) -> PathBuf {
    let entries: Vec<Entry<'_>> = files
        .iter()
        .map(|(n, b)| Entry::File(n.as_str(), b.clone()))
        .collect();
    write_zip(path, &entries)
}

/// A work folder: `input/` for packs to install, `data/packs/` for the library. Every
/// file under it is listed before and after a refused install.
struct Workspace {
    dir: TempDir,
    library: Library,
}

impl Workspace {
    fn new() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("input")).unwrap();
        let library = Library::open(dir.path().join("data").join("packs")).unwrap();
        Workspace { dir, library }
    }

    fn input(&self, name: &str) -> PathBuf {
        self.dir.path().join("input").join(name)
    }

    /// Every path under the work folder with its size, except the inputs.
    fn snapshot(&self) -> BTreeMap<PathBuf, u64> {
        let mut found = BTreeMap::new();
        let mut todo = vec![self.dir.path().to_path_buf()];
        while let Some(dir) = todo.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let entry = entry.unwrap();
                let path = entry.path();
                if path.starts_with(self.dir.path().join("input")) {
                    continue;
                }
                let meta = std::fs::symlink_metadata(&path).unwrap();
                if meta.is_dir() {
                    todo.push(path.clone());
                }
                found.insert(path, if meta.is_dir() { 0 } else { meta.len() });
            }
        }
        found
    }

    /// Installs `path`, expecting a refusal; checks that nothing changed on disk.
    fn refused(&self, path: &Path) -> PackError {
        let before = self.snapshot();
        let error = self
            .library
            .install(path)
            .expect_err("the pack must be refused");
        assert_eq!(
            self.snapshot(),
            before,
            "a refused pack changed files: {error}"
        );
        for escaped in ["evil.ron", "data/evil.ron", "input/../evil.ron"] {
            assert!(!self.dir.path().join(escaped).exists(), "{escaped} written");
        }
        error
    }
}

fn refusal(error: &PackError) -> &LevelProblem {
    match error {
        PackError::Refused(Diagnostic { problem, .. }) => problem,
        other => panic!("expected PackError::Refused, got {other:?}"),
    }
}

/// Replaces `from` by `to` (same length) in the names of a zip's local and central headers.
fn patch_zip_name(path: &Path, from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut bytes = std::fs::read(path).unwrap();
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(4) {
        let name_at = match &bytes[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => i + 30,
            [0x50, 0x4b, 0x01, 0x02] => i + 46,
            _ => continue,
        };
        if bytes.get(name_at..name_at + from.len()) == Some(from) {
            bytes[name_at..name_at + to.len()].copy_from_slice(to);
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "local and central names patched");
    std::fs::write(path, bytes).unwrap();
}

/// Makes a zip's headers claim `claimed` uncompressed bytes for every entry.
fn patch_zip_sizes(path: &Path, claimed: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    let mut patched = 0;
    for i in 0..bytes.len().saturating_sub(4) {
        let at = match &bytes[i..i + 4] {
            [0x50, 0x4b, 0x03, 0x04] => i + 22,
            [0x50, 0x4b, 0x01, 0x02] => i + 24,
            _ => continue,
        };
        bytes[at..at + 4].copy_from_slice(&claimed.to_le_bytes());
        patched += 1;
    }
    assert!(patched >= 2);
    std::fs::write(path, bytes).unwrap();
}

fn first_builtin_level() -> (String, String) {
    let packs = level::builtin_packs().expect("the built-in packs load");
    let pack = &packs[0];
    let level = pack.levels().next().expect("a built-in level");
    (pack.id.clone(), level.id.clone())
}

// --- loading ----------------------------------------------------------------------------

#[test]
fn a_pack_installs_from_a_folder_and_from_a_zip() {
    let ws = Workspace::new();
    let folder = write_dir(&ws.input("folder-pack"), &simple_pack("from-folder"));
    let pack = ws.library.install(&folder).unwrap();
    assert_eq!(pack.id, "from-folder");
    assert_eq!(pack.levels().count(), 2);
    assert!(!pack.is_exam());

    let zip = zip_of(&ws.input("p.zip"), &simple_pack("from-zip"));
    let pack = ws.library.install(&zip).unwrap();
    assert_eq!(pack.id, "from-zip");
    assert!(ws.library.root().join("from-zip/levels/a.ron").is_file());

    let ids: Vec<String> = ws
        .library
        .packs()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, ["from-folder", "from-zip"]);
    // Only the library's own folders: no temporary folder left behind.
    let names: Vec<String> = std::fs::read_dir(ws.library.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    ws.library.remove("from-zip").unwrap();
    assert_eq!(ws.library.packs().unwrap().len(), 1);
    assert!(matches!(
        ws.library.remove("from-zip"),
        Err(PackError::NotInstalled { .. })
    ));
}

#[test]
fn an_installed_pack_exported_as_a_zip_installs_again_elsewhere() {
    let ws = Workspace::new();
    let exam = pack_files(
        "partage",
        &["a"],
        &["a", "codebot/premiers-pas-01"],
        "  exam: (),\n",
    );
    let installed = ws
        .library
        .install(&write_dir(&ws.input("partage"), &exam))
        .unwrap();
    let zip = ws.input("partage.zip");
    ws.library.export_zip("partage", &zip).unwrap();
    // The same pack, read from elsewhere (only the files' names differ).
    let same = |mut pack: Pack| {
        for chapter in &mut pack.chapters {
            for level in &mut chapter.levels {
                level.file.clear();
            }
        }
        pack
    };
    let installed = same(installed);
    assert_eq!(same(level::load_pack(&zip).unwrap()), installed);

    let other = Library::open(ws.input("other-computer")).unwrap();
    assert_eq!(same(other.install(&zip).unwrap()), installed);
    assert!(matches!(
        ws.library.export_zip("absent", &ws.input("absent.zip")),
        Err(PackError::NotInstalled { .. })
    ));
    assert!(!ws.input("absent.zip").exists());
}

#[test]
fn a_zip_of_the_pack_folder_itself_is_read_from_inside_the_folder() {
    let ws = Workspace::new();
    let files: Vec<(String, Vec<u8>)> = simple_pack("wrapped")
        .into_iter()
        .map(|(n, b)| (format!("wrapped-folder/{n}"), b))
        .collect();
    let mut entries = vec![Entry::Dir("wrapped-folder/")];
    entries.extend(files.iter().map(|(n, b)| Entry::File(n, b.clone())));
    // Resource forks that macOS adds: ignored.
    entries.push(Entry::File(
        "__MACOSX/wrapped-folder/._pack.ron",
        vec![0xff, 0x00],
    ));
    let zip = write_zip(&ws.input("w.zip"), &entries);
    assert_eq!(ws.library.install(&zip).unwrap().id, "wrapped");
    assert_eq!(level::validate_path(&zip), vec![]);
}

#[test]
fn a_custom_path_borrows_built_in_levels() {
    let (builtin_pack, builtin_level) = first_builtin_level();
    let reference = format!("{builtin_pack}/{builtin_level}");
    let ws = Workspace::new();
    let files = pack_files("parcours", &["a"], &[&reference, "a"], "");
    let dir = write_dir(&ws.input("parcours"), &files);
    let pack = ws.library.install(&dir).unwrap();
    let ids: Vec<&str> = pack.levels().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, [builtin_level.as_str(), "a"]);
    assert_eq!(pack.borrowed.get(&builtin_level), Some(&reference));
    assert_eq!(
        pack.level_key(&builtin_level),
        format!("parcours/{builtin_level}")
    );
    // The borrowed level is not copied: the installed pack keeps the reference.
    let installed = std::fs::read_to_string(ws.library.root().join("parcours/pack.ron")).unwrap();
    assert!(installed.contains(&reference));

    // An unknown reference is reported where it is written.
    let files = pack_files("parcours2", &["a"], &["codebot/no-such-level", "a"], "");
    let dir = write_dir(&ws.input("parcours2"), &files);
    let error = ws.refused(&dir);
    let PackError::Invalid(diagnostics) = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        diagnostics[0].problem,
        LevelProblem::UnknownBuiltinLevel {
            reference: "codebot/no-such-level".into()
        }
    );
    assert_eq!(diagnostics[0].line, 5);

    // Borrowing a level whose id the pack already uses is refused.
    let files = pack_files("parcours3", &[&builtin_level], &[&reference], "");
    let dir = write_dir(&ws.input("parcours3"), &files);
    let PackError::Invalid(diagnostics) = ws.refused(&dir) else {
        panic!()
    };
    assert!(
        diagnostics
            .iter()
            .any(|d| matches!(d.problem, LevelProblem::BorrowedIdClash { .. }))
    );
}

#[test]
fn an_exam_pack_declares_its_rules_in_pack_ron() {
    let ws = Workspace::new();
    let files = pack_files(
        "exam1",
        &["a"],
        &["a"],
        "  exam: (time_limit_minutes: 45),\n",
    );
    let pack = level::load_pack(&write_dir(&ws.input("e1"), &files)).unwrap();
    assert_eq!(
        pack.exam,
        Some(Exam {
            time_limit_minutes: Some(45),
            allow_runs: true
        })
    );
    let files = pack_files(
        "exam2",
        &["a"],
        &["a"],
        "  exam: Some((time_limit_minutes: 30, allow_runs: false)),\n",
    );
    let pack = level::load_pack(&write_dir(&ws.input("e2"), &files)).unwrap();
    assert!(!pack.exam.unwrap().allow_runs);

    let files = pack_files(
        "exam3",
        &["a"],
        &["a"],
        "  exam: (time_limit_minutes: 0),\n",
    );
    let error = level::load_pack(&write_dir(&ws.input("e3"), &files)).unwrap_err();
    let PackError::Invalid(diagnostics) = error else {
        panic!()
    };
    assert_eq!(
        diagnostics[0].problem,
        LevelProblem::BadTimeLimit {
            minutes: 0,
            max: level::MAX_EXAM_MINUTES
        }
    );
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (7, 10));
}

// --- refusals ----------------------------------------------------------------------------

#[test]
fn zip_slip_paths_are_refused() {
    let ws = Workspace::new();
    for (i, bad) in [
        "../evil.ron",
        "levels/../../evil.ron",
        "/tmp/evil.ron",
        "..\\evil.ron",
        "C:/evil.ron",
        "C:evil.ron",
        "levels/con.ron",
    ]
    .into_iter()
    .enumerate()
    {
        let mut files = simple_pack("slip");
        files.push((bad.to_string(), level_text("evil").into_bytes()));
        let zip = zip_of(&ws.input(&format!("slip{i}.zip")), &files);
        let error = ws.refused(&zip);
        assert_eq!(refusal(&error), &LevelProblem::UnsafePath, "{bad}");
        assert!(error.to_string().contains(".zip"), "{error}");
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_a_pack_folder_is_refused() {
    let ws = Workspace::new();
    let dir = write_dir(&ws.input("linked"), &simple_pack("linked"));
    let secret = ws.dir.path().join("secret.ron");
    std::fs::write(&secret, level_text("secret")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("levels/secret.ron")).unwrap();
    let error = ws.refused(&dir);
    assert_eq!(refusal(&error), &LevelProblem::Symlink);
    assert!(error.to_string().contains("secret.ron"));

    // A linked folder too.
    let dir = write_dir(&ws.input("linked-dir"), &simple_pack("linked-dir"));
    std::os::unix::fs::symlink(ws.dir.path(), dir.join("outside")).unwrap();
    assert_eq!(refusal(&ws.refused(&dir)), &LevelProblem::Symlink);
    // `validate` says the same.
    assert_eq!(level::validate_path(&dir)[0].problem, LevelProblem::Symlink);
}

#[test]
fn a_symbolic_link_entry_in_a_zip_is_refused() {
    let ws = Workspace::new();
    let files = simple_pack("zlink");
    let mut entries: Vec<Entry<'_>> = files
        .iter()
        .map(|(n, b)| Entry::File(n, b.clone()))
        .collect();
    entries.push(Entry::Symlink(
        "levels/passwd.ron",
        "../../../../etc/passwd",
    ));
    let zip = write_zip(&ws.input("link.zip"), &entries);
    assert_eq!(refusal(&ws.refused(&zip)), &LevelProblem::Symlink);
}

#[test]
fn too_many_files_are_refused_before_reading() {
    let ws = Workspace::new();
    let mut files = simple_pack("many");
    for i in 0..level::archive::MAX_PACK_FILES {
        files.push((format!("notes/{i}.txt"), b"x".to_vec()));
    }
    let zip = zip_of(&ws.input("many.zip"), &files);
    assert_eq!(
        refusal(&ws.refused(&zip)),
        &LevelProblem::TooManyFiles {
            max: level::archive::MAX_PACK_FILES
        }
    );
    let dir = write_dir(&ws.input("many"), &files);
    assert!(matches!(
        refusal(&ws.refused(&dir)),
        LevelProblem::TooManyFiles { .. }
    ));
}

#[test]
fn oversized_files_and_packs_are_refused() {
    let ws = Workspace::new();
    // One file over 1 MB (compressed to a few kilobytes).
    let mut files = simple_pack("big");
    let mut huge = level_text("huge").into_bytes();
    huge.extend(std::iter::repeat_n(b' ', 2 * 1024 * 1024));
    files.push(("levels/huge.ron".into(), huge));
    let zip = zip_of(&ws.input("big.zip"), &files);
    assert_eq!(
        refusal(&ws.refused(&zip)),
        &LevelProblem::FileTooLarge {
            max_bytes: level::archive::MAX_FILE_BYTES
        }
    );

    // Many files under 1 MB each, over 20 MB together.
    let mut files = simple_pack("total");
    for i in 0..25 {
        let mut text = level_text(&format!("t{i}")).into_bytes();
        text.extend(std::iter::repeat_n(b' ', 900 * 1024));
        files.push((format!("levels/t{i}.ron"), text));
    }
    let zip = zip_of(&ws.input("total.zip"), &files);
    assert_eq!(
        refusal(&ws.refused(&zip)),
        &LevelProblem::PackTooLarge {
            max_bytes: level::archive::MAX_PACK_BYTES
        }
    );
}

#[test]
fn a_zip_bomb_lying_about_its_size_is_stopped_on_the_bytes_read() {
    let ws = Workspace::new();
    let mut files = simple_pack("bomb");
    let mut bomb = level_text("bomb").into_bytes();
    bomb.extend(std::iter::repeat_n(b' ', 50 * 1024 * 1024));
    files.push(("levels/bomb.ron".into(), bomb));
    let zip = zip_of(&ws.input("bomb.zip"), &files);
    assert!(std::fs::metadata(&zip).unwrap().len() < 1024 * 1024);
    // Every header now claims 100 bytes.
    patch_zip_sizes(&zip, 100);
    let error = ws.refused(&zip);
    assert!(
        matches!(
            refusal(&error),
            LevelProblem::FileTooLarge { .. } | LevelProblem::BadArchive { .. }
        ),
        "{error:?}"
    );

    // The reader itself, with small limits: counts what it decompresses.
    let limits = PackLimits {
        max_files: 100,
        max_file_bytes: 4096,
        max_total_bytes: 1 << 20,
    };
    let small = zip_of(
        &ws.input("small.zip"),
        &[("a.ron".into(), vec![b' '; 10_000])],
    );
    patch_zip_sizes(&small, 10);
    let error = level::archive::read_zip(&small, &limits).unwrap_err();
    assert!(
        matches!(
            error.problem,
            LevelProblem::FileTooLarge { .. } | LevelProblem::BadArchive { .. }
        ),
        "{error:?}"
    );
}

#[test]
fn non_utf8_names_and_contents_are_refused() {
    let ws = Workspace::new();
    let mut files = simple_pack("names");
    files.push(("levels/BADNAME.ron".into(), level_text("c").into_bytes()));
    let zip = zip_of(&ws.input("name.zip"), &files);
    patch_zip_name(&zip, b"levels/BADNAME", b"levels/\xffADNAME");
    assert_eq!(refusal(&ws.refused(&zip)), &LevelProblem::NameNotUtf8);

    let mut files = simple_pack("content");
    files.push(("levels/latin1.ron".into(), b"(id: \"caf\xe9\")".to_vec()));
    let zip = zip_of(&ws.input("content.zip"), &files);
    let error = ws.refused(&zip);
    assert_eq!(refusal(&error), &LevelProblem::NotUtf8);
    let dir = write_dir(&ws.input("content"), &files);
    assert_eq!(refusal(&ws.refused(&dir)), &LevelProblem::NotUtf8);

    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let dir = write_dir(&ws.input("bad-name"), &simple_pack("bad-name"));
        let name = std::ffi::OsStr::from_bytes(b"levels/\xff.ron");
        std::fs::write(dir.join(name), level_text("x")).unwrap();
        assert_eq!(refusal(&ws.refused(&dir)), &LevelProblem::NameNotUtf8);
    }
}

#[test]
fn names_differing_only_by_case_are_refused() {
    let ws = Workspace::new();
    let mut files = simple_pack("case");
    files.push(("levels/A.ron".into(), level_text("c").into_bytes()));
    let zip = zip_of(&ws.input("case.zip"), &files);
    assert_eq!(refusal(&ws.refused(&zip)), &LevelProblem::DuplicateEntry);
}

#[test]
fn an_installed_id_needs_replace_and_built_in_ids_are_reserved() {
    let ws = Workspace::new();
    let first = write_dir(&ws.input("v1"), &simple_pack("classe"));
    ws.library.install(&first).unwrap();

    let mut files = pack_files("classe", &["a", "b", "c"], &["a", "b", "c"], "");
    files.push(("notes.txt".into(), b"version 2".to_vec()));
    let second = write_dir(&ws.input("v2"), &files);
    assert_eq!(
        ws.refused(&second),
        PackError::AlreadyInstalled {
            id: "classe".into()
        }
    );
    // Another case of the same id is the same folder on Windows and macOS.
    let upper = write_dir(&ws.input("v3"), &simple_pack("CLASSE"));
    assert!(matches!(
        ws.refused(&upper),
        PackError::AlreadyInstalled { .. }
    ));

    let replaced = ws.library.install_with(&second, true).unwrap();
    assert_eq!(replaced.levels().count(), 3);
    assert_eq!(ws.library.pack("classe").unwrap().levels().count(), 3);
    // Only `.ron` files are installed.
    assert!(!ws.library.root().join("classe/notes.txt").exists());
    assert_eq!(std::fs::read_dir(ws.library.root()).unwrap().count(), 1);

    let (builtin, _) = first_builtin_level();
    let clash = write_dir(&ws.input("builtin"), &simple_pack(&builtin));
    assert_eq!(ws.refused(&clash), PackError::BuiltinId { id: builtin });
}

#[test]
fn an_invalid_level_is_refused_with_its_line_and_column() {
    let ws = Workspace::new();
    let bad = level_text("b").replace("#>...G#", "#>.Q.G#");
    let line = bad.lines().position(|l| l.contains('Q')).unwrap() as u32 + 1;
    let column = bad
        .lines()
        .nth(line as usize - 1)
        .unwrap()
        .chars()
        .position(|c| c == 'Q')
        .unwrap() as u32
        + 1;
    let mut files = simple_pack("invalid");
    files[2].1 = bad.into_bytes();
    // Installed first as a valid pack: a broken replacement must leave it untouched.
    ws.library
        .install(&write_dir(&ws.input("good"), &simple_pack("invalid")))
        .unwrap();
    let zip = zip_of(&ws.input("invalid.zip"), &files);
    let before = ws.snapshot();
    let error = ws.library.install_with(&zip, true).unwrap_err();
    assert_eq!(ws.snapshot(), before);
    let PackError::Invalid(diagnostics) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(diagnostics.len(), 1, "{error}");
    let d = &diagnostics[0];
    assert_eq!(d.problem, LevelProblem::UnknownChar { ch: 'Q' });
    assert_eq!((d.line, d.column), (line, column));
    assert!(d.file.ends_with("invalid.zip/levels/b.ron"), "{}", d.file);
    assert!(
        error
            .to_string()
            .contains(&format!("b.ron:{line}:{column}:"))
    );
    assert!(ws.library.pack("invalid").is_ok());
}

#[test]
fn a_broken_installed_pack_is_listed_as_broken_not_fatal() {
    let ws = Workspace::new();
    ws.library
        .install(&write_dir(&ws.input("ok"), &simple_pack("ok")))
        .unwrap();
    ws.library
        .install(&write_dir(&ws.input("ko"), &simple_pack("ko")))
        .unwrap();
    std::fs::write(ws.library.root().join("ko/levels/a.ron"), "(oops").unwrap();
    // Leftovers of an interrupted install are hidden.
    std::fs::create_dir(ws.library.root().join(".install-x-1-1")).unwrap();
    let entries = ws.library.entries().unwrap();
    assert_eq!(entries.len(), 2);
    assert!(entries[0].pack.is_err());
    assert_eq!(ws.library.packs().unwrap().len(), 1);
}

// --- class progress ---------------------------------------------------------------------

fn export(
    id: &str,
    name: &str,
    at: u64,
    levels: &[(&str, bool, u8, u32, u32, u64)],
) -> ProgressExport {
    ProgressExport {
        format: PROGRESS_FORMAT.into(),
        format_version: PROGRESS_VERSION,
        student: name.into(),
        profile_id: id.into(),
        pack: Some("classe".into()),
        exported_at: at,
        codebot_version: "test".into(),
        levels: levels
            .iter()
            .map(|&(key, passed, stars, attempts, hints_used, last_played)| {
                let level = ExportedLevel {
                    passed,
                    stars,
                    attempts,
                    hints_used,
                    code: "move()".into(),
                    last_played,
                };
                (format!("classe/{key}"), level)
            })
            .collect(),
    }
}

#[test]
fn the_class_report_merges_students_without_double_counting() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("classe");
    std::fs::create_dir(&class).unwrap();
    let write = |name: &str, e: &ProgressExport| {
        let path = class.join(name);
        teacher::write_progress(&path, e).unwrap();
        path
    };
    write(
        "zoe-1.json",
        &export(
            "zoe-k3xa",
            "Zoé",
            100,
            &[("a", true, 3, 2, 0, 50), ("b", false, 0, 4, 1, 60)],
        ),
    );
    // Zoé again, later: level b progressed, level c started; level a unchanged.
    let later = write(
        "zoe-2.json",
        &export(
            "zoe-k3xa",
            "Zoé",
            200,
            &[
                ("a", true, 3, 2, 0, 50),
                ("b", true, 2, 6, 1, 150),
                ("c", false, 0, 1, 0, 160),
            ],
        ),
    );
    write(
        "tom.json",
        &export("tom-ab12", "Tom", 100, &[("a", false, 0, 7, 3, 90)]),
    );
    std::fs::write(class.join("garbage.json"), "{not json").unwrap();
    std::fs::write(
        class.join("future.json"),
        r#"{"format": "codebot-progress", "format_version": 99}"#,
    )
    .unwrap();

    // The folder, and one of its files given again: still counted once.
    let report = ClassReport::load(&[class.clone(), later]);
    assert_eq!(report.students.len(), 2);
    assert_eq!(report.levels, ["classe/a", "classe/b", "classe/c"]);
    let tom = &report.students[0];
    let zoe = &report.students[1];
    assert_eq!((tom.name.as_str(), zoe.name.as_str()), ("Tom", "Zoé"));
    assert_eq!(zoe.levels["classe/a"].attempts, 2, "not 2 + 2 + 2");
    assert_eq!(zoe.levels["classe/b"].attempts, 6);
    assert!(zoe.levels["classe/b"].passed);
    assert_eq!(zoe.levels_passed(), 2);
    assert_eq!(zoe.total_stars(), 5);

    let stuck = report.stuck();
    assert_eq!(stuck.len(), 1);
    assert_eq!(
        (stuck[0].student.as_str(), stuck[0].level.as_str()),
        ("Tom", "classe/a")
    );
    assert_eq!(stuck[0].attempts, 7);

    assert_eq!(report.issues.len(), 2, "{:?}", report.issues);
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.path.ends_with("garbage.json"))
    );
    assert!(
        report
            .issues
            .iter()
            .any(|i| i.problem.contains("newer Codebot"))
    );

    let text = report.to_text(Lang::En);
    assert!(text.contains("✓3 2/0"), "{text}");
    assert!(
        text.contains("Tom — classe/a (7 attempts, 3 hints)"),
        "{text}"
    );
    let csv = report.to_csv();
    assert_eq!(csv.lines().count(), 1 + 4, "{csv}");
    assert!(csv.contains("Zoé;zoe-k3xa;classe/b;1;2;6;1;150"), "{csv}");
}

#[test]
fn progress_files_are_checked_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let mut bad = export("zoe", "Zoé", 1, &[("a", true, 9, 1, 0, 1)]);
    teacher::write_progress(&path, &bad).unwrap();
    assert!(matches!(
        teacher::read_progress(&path),
        Err(TeacherError::Invalid { .. })
    ));
    bad.levels.clear();
    bad.profile_id = "../../etc".into();
    teacher::write_progress(&path, &bad).unwrap();
    assert!(matches!(
        teacher::read_progress(&path),
        Err(TeacherError::Invalid { .. })
    ));
    std::fs::write(
        &path,
        r#"{"format": "codebot-submission", "format_version": 1}"#,
    )
    .unwrap();
    assert!(matches!(
        teacher::read_progress(&path),
        Err(TeacherError::WrongFormat { .. })
    ));
    std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
    assert!(matches!(
        teacher::read_progress(&path),
        Err(TeacherError::NotUtf8 { .. })
    ));
}

// --- exams ---------------------------------------------------------------------------------

fn sandbox() -> Sandbox {
    Sandbox::new(env!("CARGO_BIN_EXE_codebot"))
}

fn exam_pack(dir: &Path) -> Pack {
    let files = pack_files(
        "examen",
        &["a", "b"],
        &["a", "b"],
        "  exam: (time_limit_minutes: 45),\n",
    );
    level::load_pack(&write_dir(&dir.join("examen"), &files)).unwrap()
}

fn submission(pack: &str, id: &str, name: &str, at: u64, code: &[(&str, &str)]) -> Submission {
    let profile = codebot::progress::Profile::new(id, name, 0);
    let mut s = Submission::new(pack, &profile);
    for (level, code) in code {
        s.record_run(level, code);
    }
    s.submitted_at = at;
    s
}

/// A class's submission files in `dir/copies`: Alice passes both levels (and has an older
/// wrong copy), Bob edited his file to claim full marks, Carol's programs are hostile
/// (they would touch `dir/pwned`), Dave answered one level; plus a file that is not a
/// submission and another exam's.
fn class_copies(dir: &Path) -> PathBuf {
    let subs = dir.join("copies");
    std::fs::create_dir(&subs).unwrap();
    let save = |s: &Submission| {
        let path = subs.join(s.file_name());
        teacher::write_submission(&path, s).unwrap();
        path
    };
    let proof = dir.join("pwned");
    save(&submission(
        "examen",
        "alice",
        "Alice",
        10,
        &[("a", CORRIDOR_CODE), ("b", CORRIDOR_CODE)],
    ));
    // Alice's older copy with wrong code: ignored, reported.
    let old = submission("examen", "alice", "Alice", 5, &[("a", "move()\n")]);
    teacher::write_submission(&subs.join("alice-old.json"), &old).unwrap();
    // Bob's file, edited by hand to claim full marks.
    let bob = save(&submission(
        "examen",
        "bob",
        "Bob",
        10,
        &[("a", "move()\n"), ("b", "move()\n")],
    ));
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&bob).unwrap()).unwrap();
    json["score"] = 100.into();
    json["levels"]["a"]["stars"] = 3.into();
    json["levels"]["a"]["passed"] = true.into();
    std::fs::write(&bob, serde_json::to_vec(&json).unwrap()).unwrap();
    // Carol's programs are hostile.
    let escape = format!("import os\nos.system('touch {}')\n", proof.display());
    save(&submission(
        "examen",
        "carol",
        "Carol",
        10,
        &[("a", "while True:\n    pass\n"), ("b", &escape)],
    ));
    // Dave answered one level only.
    save(&submission(
        "examen",
        "dave",
        "Dave",
        10,
        &[("a", CORRIDOR_CODE), ("b", "   \n")],
    ));
    // Not a submission, and another exam's.
    std::fs::write(subs.join("notes.json"), "[1, 2]").unwrap();
    save(&submission(
        "autre",
        "erin",
        "Erin",
        10,
        &[("a", CORRIDOR_CODE)],
    ));
    subs
}

#[test]
fn grading_reruns_the_code_and_trusts_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let pack = exam_pack(dir.path());
    let subs = class_copies(dir.path());
    let proof = dir.path().join("pwned");
    let results = teacher::grade_files(&pack, std::slice::from_ref(&subs), &sandbox(), Lang::En);
    let names: Vec<&str> = results
        .students
        .iter()
        .map(|s| s.student.as_str())
        .collect();
    assert_eq!(names, ["Alice", "Bob", "Carol", "Dave"]);
    assert_eq!(results.levels, ["a", "b"]);
    let by_name = |n: &str| results.students.iter().find(|s| s.student == n).unwrap();

    let alice = by_name("Alice");
    assert_eq!((alice.levels_passed(), alice.total_stars()), (2, 6));
    assert!(alice.file.ends_with("examen-alice.submission.json"));

    let bob = by_name("Bob");
    assert_eq!((bob.levels_passed(), bob.total_stars()), (0, 0));
    assert!(matches!(
        &bob.levels[0].outcome,
        GradeOutcome::Graded { passed: false, stars: 0, kind: Some(k), .. } if k == "goal_not_met"
    ));

    let carol = by_name("Carol");
    assert_eq!(carol.total_stars(), 0);
    let kind = |g: &GradeOutcome| match g {
        GradeOutcome::Graded { kind, .. } => kind.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(kind(&carol.levels[0].outcome).as_deref(), Some("timeout"));
    assert_eq!(kind(&carol.levels[1].outcome).as_deref(), Some("forbidden"));
    assert!(!proof.exists(), "the hostile program ran a command");

    let dave = by_name("Dave");
    assert!(dave.levels[0].outcome.passed());
    assert_eq!(dave.levels[1].outcome, GradeOutcome::Missing);

    assert_eq!(results.issues.len(), 3, "{:?}", results.issues);
    assert!(
        results
            .issues
            .iter()
            .any(|i| i.path.ends_with("alice-old.json"))
    );
    assert!(
        results
            .issues
            .iter()
            .any(|i| i.path.ends_with("notes.json"))
    );
    assert!(
        results
            .issues
            .iter()
            .any(|i| i.problem.contains("pack `autre`"))
    );

    let text = results.to_text(Lang::En);
    assert!(text.contains("2/2 6/6"), "{text}");
    let csv = results.to_csv();
    assert_eq!(csv.lines().count(), 1 + 4 * 2);
    assert!(
        csv.contains("Carol;carol;examen-carol.submission.json;a;1;0;0;0;3;timeout;"),
        "{csv}"
    );
}

/// A run in the worker process on a thread of its own, answering when it is over (as a
/// Web Worker does in the browser).
struct OnAThread(std::sync::mpsc::Receiver<Vec<Option<RunRecord>>>);

impl StartedRun for OnAThread {
    fn poll(&mut self) -> Option<Vec<Option<RunRecord>>> {
        self.0.try_recv().ok()
    }
}

/// The results without the seconds a timeout message measured (they vary from run to run).
fn without_timings(mut results: ExamResults) -> ExamResults {
    for level in results.students.iter_mut().flat_map(|s| &mut s.levels) {
        if let GradeOutcome::Graded { kind, reason, .. } = &mut level.outcome
            && kind.as_deref() == Some("timeout")
        {
            *reason = reason
                .as_ref()
                .map(|r| r.split(':').next().unwrap_or("").to_owned());
        }
    }
    results
}

#[test]
fn an_exam_graded_by_a_batch_of_later_answers_is_graded_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let pack = exam_pack(dir.path());
    let subs = class_copies(dir.path());
    let direct = teacher::grade_files(&pack, std::slice::from_ref(&subs), &sandbox(), Lang::En);

    let start = |request: &RunRequest| {
        let (sender, receiver) = std::sync::mpsc::channel();
        let request = request.clone();
        std::thread::spawn(move || sender.send(sandbox().run(&request)));
        OnAThread(receiver)
    };
    let paths = vec![subs];
    let compute =
        move |runner: &(dyn Runner + Sync)| teacher::grade_files(&pack, &paths, runner, Lang::En);
    let mut batch = Batch::new(compute, start, 2);
    let batched = loop {
        if let Some(results) = batch.poll() {
            break results;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert_eq!(without_timings(batched), without_timings(direct));
    // Every distinct (level, program) once: Alice 2, Bob 2, Carol 2; Dave's answer to `a`
    // is Alice's, run once for both.
    assert_eq!(batch.runs_done(), 6);
    assert_eq!(batch.passes(), 2);
}

#[test]
fn submissions_round_trip_and_ignore_unknown_fields() {
    let dir = tempfile::tempdir().unwrap();
    let s = submission("examen", "zoe", "Zoé", 42, &[("a", "move()\n")]);
    let path = dir.path().join(s.file_name());
    teacher::write_submission(&path, &s).unwrap();
    assert_eq!(teacher::read_submission(&path).unwrap(), s);
    assert_eq!(s.levels["a"].runs, 1);
    assert_eq!(s.code("a"), Some("move()\n"));
    assert_eq!(s.code("b"), None);
    // No temporary file left next to it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

// --- command line ------------------------------------------------------------------------

fn codebot(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codebot"))
        .args(args)
        .env("CODEBOT_DATA_DIR", data)
        .output()
        .expect("codebot runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_teacher_commands_exit_with_the_documented_codes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let good = zip_of(&dir.path().join("classe.zip"), &simple_pack("classe"));
    let mut files = simple_pack("cassee");
    files[1].1 = b"(id: \"a\",".to_vec();
    let broken = zip_of(&dir.path().join("cassee.zip"), &files);

    // validate: a zip, statically and with the solutions.
    let out = codebot(&data, &["validate", &s(&good), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = codebot(&data, &["validate", &s(&good), "--no-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = codebot(&data, &["validate", &s(&broken)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("cassee.zip/levels/a.ron:1:"),
        "{}",
        text(&out)
    );

    // install-pack, list, check on an installed level.
    let out = codebot(&data, &["install-pack", &s(&broken)]);
    assert_eq!(out.status.code(), Some(2));
    let out = codebot(&data, &["install-pack", &s(&good)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = codebot(&data, &["install-pack", &s(&good)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("already installed"));
    let out = codebot(&data, &["install-pack", "--replace", &s(&good)]);
    assert_eq!(out.status.code(), Some(0));
    let out = codebot(&data, &["list", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"classe"), "{ids:?}");
    let program = dir.path().join("p.py");
    std::fs::write(&program, CORRIDOR_CODE).unwrap();
    let out = codebot(&data, &["check", "classe/a", &s(&program)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // export-progress, then report.
    let store = codebot::progress::Store::open(&data).unwrap();
    let mut profile = store.create_profile("Zoé", 1).unwrap();
    profile.record_attempt("classe/a", CORRIDOR_CODE, true, 3);
    profile.record_attempt("codebot/other", "move()", false, 0);
    store.save_profile(&profile).unwrap();
    let export_path = dir.path().join("zoe.json");
    let out = codebot(
        &data,
        &[
            "export-progress",
            "--profile",
            "zoé",
            "--pack",
            "classe",
            "-o",
            &s(&export_path),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let exported = teacher::read_progress(&export_path).unwrap();
    assert_eq!(exported.levels.len(), 1);
    assert_eq!(exported.profile_id, profile.id);
    let out = codebot(
        &data,
        &[
            "export-progress",
            "--profile",
            "nobody",
            "-o",
            &s(&export_path),
        ],
    );
    assert_eq!(out.status.code(), Some(2));

    let csv = dir.path().join("classe.csv");
    let out = codebot(
        &data,
        &[
            "report",
            &s(&export_path),
            "--csv",
            &s(&csv),
            "--lang",
            "fr",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("Zoé"));
    assert!(std::fs::read_to_string(&csv).unwrap().contains("classe/a"));
    let out = codebot(&data, &["report", &s(&broken)]);
    assert_eq!(out.status.code(), Some(2));

    // grade: by installed id, with one good and one unreadable submission.
    let copies = dir.path().join("copies");
    std::fs::create_dir(&copies).unwrap();
    let sub = submission("classe", "zoe", "Zoé", 1, &[("a", CORRIDOR_CODE)]);
    teacher::write_submission(&copies.join(sub.file_name()), &sub).unwrap();
    std::fs::write(copies.join("broken.json"), "{").unwrap();
    let out = codebot(&data, &["grade", "classe", &s(&copies), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("broken.json"));
    assert!(text(&out).contains("1/2 3/6"), "{}", text(&out));
    let out = codebot(&data, &["grade", "no-such-pack", &s(&copies)]);
    assert_eq!(out.status.code(), Some(2));

    let out = codebot(&data, &["remove-pack", "classe"]);
    assert_eq!(out.status.code(), Some(0));
    let out = codebot(&data, &["remove-pack", "classe"]);
    assert_eq!(out.status.code(), Some(2));
}

// --- a pack given as bytes (the web page's upload or drop) -----------------------------

#[test]
fn a_pack_zip_given_as_bytes_gets_the_checks_of_an_install_and_writes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(zip_of(
        &dir.path().join("ok.zip"),
        &simple_pack("web-class"),
    ))
    .unwrap();
    let (files, pack) = level::load_zip_bytes("ok.zip", &bytes).unwrap();
    assert_eq!(pack.id, "web-class");
    assert_eq!(pack.levels().count(), 2);
    assert!(files.files.contains_key("pack.ron"));

    // Written back as zip bytes (the browser keeps the level editor's packs so), the same
    // files read back.
    let written = level::zip_bytes(&pack.id, &files).unwrap();
    let (again, pack_again) = level::load_zip_bytes("again.zip", &written).unwrap();
    assert_eq!(again.files, files.files);
    assert_eq!(pack_again.id, "web-class");
    assert_eq!(pack_again.levels().count(), 2);

    let builtin =
        std::fs::read(zip_of(&dir.path().join("b.zip"), &simple_pack("codebot"))).unwrap();
    assert!(matches!(
        level::load_zip_bytes("b.zip", &builtin),
        Err(PackError::BuiltinId { id }) if id == "codebot"
    ));
    assert!(matches!(
        level::load_zip_bytes("junk.zip", b"not a zip at all"),
        Err(PackError::Refused(_))
    ));
}
