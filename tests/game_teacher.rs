//! The teachers' tools of the game, played headless (no window, no GPU, no file dialog):
//! packs dropped on the window or given with `--pack` (installed, or refused with the
//! library and the profiles left exactly as they were), the class report built from
//! progress files and remembered, "Export my progress", an exam taken to the end of its
//! time (copy written, handed in, closed) and an exam graded in the real sandbox.

#![cfg(feature = "game")]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::window::FileDragAndDrop;
use codebot::cli::GameArgs;
use codebot::game::level::{ActiveLevel, Code, Hints, RevealHint, WorkerExecutable};
use codebot::game::teacher::{ClassProgress, Desk, ExamGrading, TeacherRequest, TeacherTab};
use codebot::game::{
    CurrentProfile, DialogPurpose, ExamRequest, Exams, ExportDir, ExportMyProgress, FileDialogs,
    InstallOutcome, Navigate, Notices, OpenDialog, PackInstall, PackLibrary, PackRequest, Packs,
    Saves, Screen, StartOptions,
};
use codebot::level::{LevelProblem, PackError};
use codebot::progress::Store;
use codebot::teacher::{self, GradeOutcome, ProgressExport, Submission};
use tempfile::TempDir;

mod common;
use common::{CORRIDOR_CODE, level_text, pack_ron};

// --- fixtures -------------------------------------------------------------------------

/// A pack folder `id` with levels `a` and `b`, and `extra` lines in its pack.ron.
fn write_pack(parent: &Path, id: &str, extra: &str) -> PathBuf {
    let dir = parent.join(id);
    std::fs::create_dir_all(dir.join("levels")).unwrap();
    std::fs::write(dir.join("pack.ron"), pack_ron(id, &["a", "b"], extra)).unwrap();
    for level in ["a", "b"] {
        std::fs::write(
            dir.join("levels").join(format!("{level}.ron")),
            level_text(level),
        )
        .unwrap();
    }
    dir
}

/// A zip holding `files` (name, text).
fn write_zip(path: &Path, files: &[(&str, &str)]) -> PathBuf {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path.to_path_buf()
}

/// Every file under `dir` with its bytes (what must not change).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The game without a window on the data folder `data`, files for the teacher in
/// `data/exports`, no file dialog.
fn game_with(data: &Path, args: GameArgs) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(Saves::new(Store::open(data).unwrap()))
        .insert_resource(ExportDir(data.join("exports")))
        .insert_resource(FileDialogs::disabled())
        .insert_resource(WorkerExecutable(Some(env!("CARGO_BIN_EXE_codebot").into())))
        .insert_resource(StartOptions(args));
    codebot::game::plugin(&mut app);
    app.update();
    app
}

fn game(data: &Path) -> App {
    game_with(data, GameArgs::default())
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Updates until `done` holds (background jobs), at most 30 s.
fn update_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    while !done(app) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "{what}: not after 30 s"
        );
        std::thread::sleep(Duration::from_millis(5));
        app.update();
    }
    app.update();
}

fn drop_file(app: &mut App, path: &Path) {
    app.world_mut().write_message(FileDragAndDrop::DroppedFile {
        window: Entity::PLACEHOLDER,
        path_buf: path.to_path_buf(),
    });
    app.update();
}

/// Waits for the install under way and takes its result.
fn install_outcome(app: &mut App) -> InstallOutcome {
    update_until(app, "install", |app| {
        app.world().resource::<PackInstall>().outcome.is_some()
    });
    app.world_mut()
        .resource_mut::<PackInstall>()
        .outcome
        .take()
        .unwrap()
}

fn installed_ids(app: &App) -> Vec<String> {
    let library = app.world().resource::<PackLibrary>().0.clone().unwrap();
    library.packs().unwrap().into_iter().map(|p| p.id).collect()
}

fn has_pack(app: &App, id: &str) -> bool {
    app.world().resource::<Packs>().0.iter().any(|p| p.id == id)
}

fn play_as(app: &mut App, name: &str) {
    app.world_mut()
        .write_message(codebot::game::ProfileRequest::Create {
            name: name.into(),
            avatar: 0,
        });
    app.update();
    app.update();
}

fn notice_ids(app: &App) -> Vec<&'static str> {
    app.world()
        .resource::<Notices>()
        .list
        .iter()
        .map(|n| n.id)
        .collect()
}

// --- packs ------------------------------------------------------------------------------

#[test]
fn a_dropped_pack_is_installed_and_joins_the_map() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let pack = write_pack(dir.path(), "classe-5a", "");
    let mut app = game(&data);
    assert!(!has_pack(&app, "classe-5a"));
    drop_file(&mut app, &pack);
    match install_outcome(&mut app) {
        InstallOutcome::Installed {
            pack_id, replaced, ..
        } => assert_eq!((pack_id.as_str(), replaced), ("classe-5a", false)),
        other => panic!("not installed: {other:?}"),
    }
    assert!(
        has_pack(&app, "classe-5a"),
        "on the map next to the built-in pack"
    );
    assert_eq!(app.world().resource::<Packs>().0[0].id, "codebot");
    assert_eq!(installed_ids(&app), ["classe-5a"]);

    // Dropped again: already installed, nothing changes until the player replaces it.
    let before = snapshot(&data.join("packs"));
    drop_file(&mut app, &pack);
    match install_outcome(&mut app) {
        InstallOutcome::Failed { error, .. } => {
            assert_eq!(
                error,
                PackError::AlreadyInstalled {
                    id: "classe-5a".into()
                }
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(snapshot(&data.join("packs")), before);
    app.world_mut().write_message(PackRequest::Install {
        path: pack.clone(),
        replace: true,
    });
    app.update();
    assert!(matches!(
        install_outcome(&mut app),
        InstallOutcome::Installed { replaced: true, .. }
    ));

    // A new game on the same data folder lists it from the start.
    let again = game(&data);
    assert!(has_pack(&again, "classe-5a"));
}

#[test]
fn a_refused_pack_leaves_the_library_and_the_progress_untouched() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let good = write_pack(dir.path(), "bon", "");
    let mut app = game(&data);
    play_as(&mut app, "Zoé");
    app.world_mut()
        .resource_mut::<CurrentProfile>()
        .profile_mut()
        .unwrap()
        .record_attempt("codebot/premiers-pas-01", "move()", true, 3);
    drop_file(&mut app, &good);
    assert!(matches!(
        install_outcome(&mut app),
        InstallOutcome::Installed { .. }
    ));
    let before = snapshot(&data);
    let packs_before = app.world().resource::<Packs>().0.len();

    // Zip slip, an invalid level (with its line and column), not a pack at all.
    let slip = write_zip(
        &dir.path().join("slip.zip"),
        &[("pack.ron", "(id: \"x\")"), ("../../evil.ron", "()")],
    );
    let broken_dir = write_pack(dir.path(), "casse", "");
    std::fs::write(
        broken_dir.join("levels/b.ron"),
        level_text("b").replace("goals: [ReachGoal]", "goals: [Nowhere]"),
    )
    .unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();

    let mut problems = Vec::new();
    for path in [&slip, &broken_dir, &text] {
        drop_file(&mut app, path);
        match install_outcome(&mut app) {
            InstallOutcome::Failed { error, .. } => problems.push(error),
            other => panic!("{} was installed: {other:?}", path.display()),
        }
    }
    let first = |e: &PackError| e.diagnostics()[0].clone();
    assert_eq!(first(&problems[0]).problem, LevelProblem::UnsafePath);
    let invalid = first(&problems[1]);
    assert!(
        matches!(problems[1], PackError::Invalid(_)),
        "{:?}",
        problems[1]
    );
    assert!(invalid.file.ends_with("b.ron"), "{invalid}");
    assert!(invalid.line > 1, "the problem is located: {invalid}");
    assert_eq!(first(&problems[2]).problem, LevelProblem::NotALevelOrPack);

    app.update();
    assert_eq!(snapshot(&data), before, "library and profiles unchanged");
    assert_eq!(app.world().resource::<Packs>().0.len(), packs_before);
    assert!(!dir.path().join("evil.ron").exists());
}

#[test]
fn the_pack_option_installs_the_pack_then_shows_the_map() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let pack = write_pack(dir.path(), "option", "");
    let mut app = game_with(
        &data,
        GameArgs {
            pack: Some(pack),
            profile: Some("Lou".into()),
            ..GameArgs::default()
        },
    );
    assert!(matches!(
        install_outcome(&mut app),
        InstallOutcome::Installed { .. }
    ));
    app.update();
    assert_eq!(screen(&app), Screen::Map);
    assert!(has_pack(&app, "option"));
}

#[test]
fn without_a_file_dialog_a_pack_is_saved_as_a_zip_in_the_default_folder() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let pack = write_pack(dir.path(), "partage", "");
    let mut app = game(&data);
    drop_file(&mut app, &pack);
    assert!(matches!(
        install_outcome(&mut app),
        InstallOutcome::Installed { .. }
    ));
    app.world_mut().write_message(OpenDialog {
        purpose: DialogPurpose::ExportPack {
            id: "partage".into(),
        },
        title: "Save".into(),
        folder: None,
        file_name: None,
    });
    for _ in 0..4 {
        app.update();
    }
    let zip = data.join("exports").join("partage.zip");
    let shared = codebot::level::load_pack(&zip).unwrap();
    assert_eq!(shared.id, "partage");
    assert!(notice_ids(&app).contains(&"pack-exported"));

    // Files to open cannot be guessed: the player is told to drop them or use --pack.
    for purpose in [DialogPurpose::InstallPack, DialogPurpose::ProgressFolder] {
        app.world_mut().write_message(OpenDialog {
            purpose,
            title: "Open".into(),
            folder: None,
            file_name: None,
        });
    }
    for _ in 0..3 {
        app.update();
    }
    let ids = notice_ids(&app);
    assert!(ids.contains(&"pack-no-dialog"), "{ids:?}");
    assert!(ids.contains(&"teacher-no-dialog"), "{ids:?}");
}

// --- the student's files ------------------------------------------------------------------

#[test]
fn export_my_progress_writes_the_file_to_the_default_folder_and_says_where() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let mut app = game(&data);
    play_as(&mut app, "Zoé");
    app.world_mut()
        .resource_mut::<CurrentProfile>()
        .profile_mut()
        .unwrap()
        .record_attempt("codebot/premiers-pas-01", "move()", true, 2);
    app.world_mut().write_message(ExportMyProgress {
        pack: "codebot".into(),
    });
    // The request opens a dialog, the dialog (none here) answers, the file is written.
    for _ in 0..4 {
        app.update();
    }
    let files: Vec<PathBuf> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let export: ProgressExport = teacher::read_progress(&files[0]).unwrap();
    assert_eq!(export.student, "Zoé");
    assert_eq!(export.pack.as_deref(), Some("codebot"));
    assert!(export.levels["codebot/premiers-pas-01"].passed);
    assert!(notice_ids(&app).contains(&"export-progress-done"));
}

// --- the class report -----------------------------------------------------------------------

fn progress_file(folder: &Path, id: &str, name: &str, levels: &[(&str, bool, u32)]) {
    let mut profile = codebot::progress::Profile::new(id, name, 0);
    for (level, passed, attempts) in levels {
        for _ in 0..*attempts {
            profile.record_attempt(&format!("codebot/{level}"), "move()", false, 0);
        }
        if *passed {
            profile.record_attempt(&format!("codebot/{level}"), "move()", true, 3);
        }
    }
    let export = ProgressExport::from_profile(&profile, Some("codebot"));
    teacher::write_progress(&folder.join(export.file_name()), &export).unwrap();
}

#[test]
fn the_class_report_is_built_from_files_and_comes_back_next_time() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    let class = dir.path().join("5A");
    std::fs::create_dir_all(class.join("copie")).unwrap();
    progress_file(
        &class,
        "zoe-1",
        "Zoé",
        &[("premiers-pas-01", true, 1), ("premiers-pas-02", false, 4)],
    );
    progress_file(&class, "leo-2", "Léo", &[("premiers-pas-01", true, 0)]);
    // Zoé's file twice (copied into a sub-folder): counted once.
    progress_file(
        &class.join("copie"),
        "zoe-1",
        "Zoé",
        &[("premiers-pas-01", true, 1), ("premiers-pas-02", false, 4)],
    );
    std::fs::write(class.join("junk.json"), "{}").unwrap();

    let mut app = game(&data);
    app.world_mut().write_message(Navigate::To(Screen::Teacher));
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Teacher);
    app.world_mut()
        .write_message(TeacherRequest::ShowTab(TeacherTab::Progress));
    app.world_mut()
        .write_message(TeacherRequest::AddProgress(vec![class.clone()]));
    app.update();
    update_until(&mut app, "report", |app| {
        app.world().resource::<ClassProgress>().report.is_some()
    });
    let report = app
        .world()
        .resource::<ClassProgress>()
        .report
        .clone()
        .unwrap();
    let names: Vec<&str> = report.students.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Léo", "Zoé"]);
    assert_eq!(
        report.levels,
        ["codebot/premiers-pas-01", "codebot/premiers-pas-02"]
    );
    let zoe = &report.students[1];
    assert_eq!(zoe.files, 2);
    assert_eq!(zoe.levels["codebot/premiers-pas-02"].attempts, 4, "not 8");
    assert_eq!(report.stuck().len(), 1);
    assert_eq!(
        report.issues.len(),
        1,
        "junk.json is reported: {:?}",
        report.issues
    );

    // Saved as CSV where asked.
    let csv = dir.path().join("5A.csv");
    app.world_mut()
        .write_message(TeacherRequest::SaveReportCsv(csv.clone()));
    app.update();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("Zoé;zoe-1;codebot/premiers-pas-02;0;0;4"),
        "{text}"
    );

    // A new game on this data folder shows the report again when the screen opens.
    let mut again = game(&data);
    assert_eq!(again.world().resource::<Desk>().tab, TeacherTab::Progress);
    again
        .world_mut()
        .write_message(Navigate::To(Screen::Teacher));
    again.update();
    again.update();
    update_until(&mut again, "report again", |app| {
        app.world().resource::<ClassProgress>().report.is_some()
    });
    assert_eq!(
        again.world().resource::<ClassProgress>().report.as_ref(),
        Some(&report)
    );
}

// --- exams ----------------------------------------------------------------------------------

fn exam_app(dir: &TempDir, minutes: u32) -> (App, PathBuf) {
    let data = dir.path().join("data");
    let pack = write_pack(
        dir.path(),
        "controle",
        &format!("  exam: (time_limit_minutes: {minutes}),\n"),
    );
    let mut app = game(&data);
    play_as(&mut app, "Zoé");
    drop_file(&mut app, &pack);
    assert!(matches!(
        install_outcome(&mut app),
        InstallOutcome::Installed { .. }
    ));
    (app, data)
}

fn copy_on_disk(data: &Path) -> Submission {
    let path = data.join("exports").join("controle-zoe.submission.json");
    let found: Vec<PathBuf> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let path = if path.exists() {
        path
    } else {
        found[0].clone()
    };
    teacher::read_submission(&path).unwrap()
}

#[test]
fn an_exam_records_the_code_and_hands_it_in_when_the_time_is_up() {
    let dir = TempDir::new().unwrap();
    let (mut app, data) = exam_app(&dir, 45);
    app.world_mut().write_message(ExamRequest::Start {
        pack: "controle".into(),
    });
    for _ in 0..4 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::Level);
    let active = app.world().resource::<ActiveLevel>();
    assert_eq!(active.key, "controle/a");
    assert!(active.exam.is_some());
    assert_eq!(
        active.previews.len(),
        1,
        "only the first variant during an exam"
    );

    // The copy exists from the start, with the time limit running.
    let copy = app
        .world()
        .resource::<Exams>()
        .copy("controle")
        .cloned()
        .unwrap();
    let left = copy.seconds_left(teacher::now_secs()).unwrap();
    assert!((44 * 60..=45 * 60).contains(&left), "{left}");
    assert!(!copy_on_disk(&data).handed_in);

    // No hints.
    app.world_mut().write_message(RevealHint);
    app.update();
    assert_eq!(app.world().resource::<Hints>().revealed, 0);

    // The code typed is in the copy a second later.
    app.world_mut().resource_mut::<Code>().set(CORRIDOR_CODE);
    std::thread::sleep(Duration::from_millis(1100));
    app.update();
    app.update();
    assert_eq!(copy_on_disk(&data).code("a"), Some(CORRIDOR_CODE));

    // The time is up: the copy is handed in with the code in the editor, the student
    // is told where it is and goes back to the map; the exam stays closed.
    app.world_mut()
        .resource_mut::<Code>()
        .set("while not at_goal():\n    move()\n# fini\n");
    app.world_mut()
        .resource_mut::<Exams>()
        .copy_mut("controle")
        .unwrap()
        .submission
        .started_at -= 46 * 60;
    app.update();
    app.update();
    app.update();
    let handed = copy_on_disk(&data);
    assert!(handed.handed_in);
    assert!(handed.code("a").unwrap().ends_with("# fini\n"));
    assert!(notice_ids(&app).contains(&"exam-time-up"));
    assert_eq!(screen(&app), Screen::Map);

    app.world_mut().write_message(ExamRequest::Open {
        pack: "controle".into(),
        level: "b".into(),
    });
    app.update();
    app.update();
    assert_eq!(
        screen(&app),
        Screen::Map,
        "a handed-in exam does not open again"
    );

    // A restarted game knows the exam is over.
    let mut again = game_with(
        &data,
        GameArgs {
            profile: Some("Zoé".into()),
            ..GameArgs::default()
        },
    );
    again.update();
    assert!(
        again
            .world()
            .resource::<Exams>()
            .copy("controle")
            .unwrap()
            .handed_in()
    );
}

#[test]
fn an_exam_is_graded_off_the_frame_loop_from_the_submissions() {
    let dir = TempDir::new().unwrap();
    let (mut app, data) = exam_app(&dir, 30);
    // Zoé hands in a correct program for `a` and nothing for `b`.
    app.world_mut().write_message(ExamRequest::Start {
        pack: "controle".into(),
    });
    for _ in 0..4 {
        app.update();
    }
    app.world_mut().resource_mut::<Code>().set(CORRIDOR_CODE);
    // "Hand in" asks first.
    app.world_mut().write_message(ExamRequest::AskHandIn {
        pack: "controle".into(),
    });
    app.update();
    assert_eq!(
        app.world().resource::<Exams>().confirming(),
        Some("controle")
    );
    assert!(!copy_on_disk(&data).handed_in);
    app.world_mut().write_message(ExamRequest::HandIn {
        pack: "controle".into(),
    });
    for _ in 0..3 {
        app.update();
    }
    assert!(copy_on_disk(&data).handed_in);
    assert!(notice_ids(&app).contains(&"exam-handed-in"));
    assert_eq!(app.world().resource::<Exams>().confirming(), None);

    // Another student's copy, written by hand: wrong code for `a`, a loop for `b`.
    let mut other = Submission::new(
        "controle",
        &codebot::progress::Profile::new("sam-2", "Sam", 0),
    );
    other.set_code("a", "move()\n");
    other.set_code("b", "while True:\n    pass\n");
    teacher::write_submission(&data.join("exports").join(other.file_name()), &other).unwrap();

    app.world_mut().write_message(Navigate::To(Screen::Teacher));
    app.update();
    app.world_mut()
        .write_message(TeacherRequest::AddSubmissions(vec![data.join("exports")]));
    app.world_mut().write_message(TeacherRequest::Grade);
    app.update();
    assert!(
        app.world().resource::<ExamGrading>().is_grading(),
        "grading runs in the background"
    );
    update_until(&mut app, "grading", |app| {
        !app.world().resource::<ExamGrading>().is_grading()
    });
    let grading = app.world().resource::<ExamGrading>();
    assert_eq!(grading.problem, None);
    let results = grading.results.clone().unwrap();
    let students: Vec<&str> = results
        .students
        .iter()
        .map(|s| s.student.as_str())
        .collect();
    assert_eq!(students, ["Sam", "Zoé"]);
    assert!(!results.students[0].levels[0].outcome.passed());
    assert!(matches!(
        results.students[0].levels[1].outcome,
        GradeOutcome::Graded { passed: false, .. }
    ));
    assert!(results.students[1].levels[0].outcome.passed());
    assert_eq!(results.students[1].levels[1].outcome, GradeOutcome::Missing);

    let csv = dir.path().join("notes.csv");
    app.world_mut()
        .write_message(TeacherRequest::SaveGradesCsv(csv.clone()));
    app.update();
    assert!(std::fs::read_to_string(&csv).unwrap().contains("Zoé;"));

    // Sam hands in a corrected copy; the teacher adds it on the Exams tab: the table is
    // graded again by itself, with the new code.
    other.set_code("a", CORRIDOR_CODE);
    other.submitted_at += 60;
    teacher::write_submission(&data.join("exports").join(other.file_name()), &other).unwrap();
    app.world_mut().resource_mut::<Desk>().tab = TeacherTab::Exams;
    app.world_mut()
        .write_message(TeacherRequest::AddSubmissions(vec![data.join("exports")]));
    app.update();
    app.update();
    assert!(
        app.world().resource::<ExamGrading>().is_grading(),
        "adding submissions grades them again"
    );
    update_until(&mut app, "grading again", |app| {
        !app.world().resource::<ExamGrading>().is_grading()
    });
    let results = app.world().resource::<ExamGrading>().results.clone();
    let sam = &results.expect("graded again").students[0];
    assert_eq!(sam.student, "Sam");
    assert!(
        sam.levels[0].outcome.passed(),
        "the corrected copy is graded"
    );
}

#[test]
fn a_level_of_an_exam_opened_directly_starts_the_exam() {
    let dir = TempDir::new().unwrap();
    let (_, data) = exam_app(&dir, 20);
    let mut app = game_with(
        &data,
        GameArgs {
            profile: Some("Zoé".into()),
            level: Some("controle/b".into()),
            ..GameArgs::default()
        },
    );
    for _ in 0..4 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::Level);
    let copy = app.world().resource::<Exams>().copy("controle").cloned();
    assert!(copy.is_some_and(|c| !c.handed_in()), "the exam started");
    assert!(!copy_on_disk(&data).handed_in);
}
