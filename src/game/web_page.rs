//! The browser build only: mirrors what the game shows into attributes of the page's
//! `<body>`, so the browser test (web/browser-check.mjs) reads the screen and the last
//! verdict instead of guessing them from pixels: `data-screen` (`title`, `level`...),
//! and after each run `data-runs` (how many finished), `data-verdict` (`passed`, or the
//! kind of the first failure as in the CLI's JSON: `timeout`, `goal_not_met`...) and
//! `data-waited-ms`; after each Test of the level editor `data-editor-tests` and
//! `data-editor-test` (`passed`, `failed`, `not_run`); after each exam grading
//! `data-exam-gradings` and `data-exam-grades` (`student=levels passed/levels/stars`,
//! `; ` between students, or `not_graded`); `data-teacher-tab` (`packs`, `progress`,
//! `exams`); `data-editor-status` (the message id of the level editor's status line,
//! e.g. `editor-status-saved-browser`) with `data-editor-statuses` counting them.

use bevy::prelude::*;

use super::Screen;
use super::editor::checks::SolutionRun;
use super::editor::{LevelEditor, Status};
use super::level::{ProgramFinished, ProgramRun};
use super::teacher::{Desk, ExamGrading};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            show_screen.run_if(state_changed::<Screen>),
            show_verdict,
            show_editor_test,
            show_exam_grades,
            show_teacher_tab.run_if(resource_changed::<Desk>),
            show_editor_status.run_if(resource_exists::<LevelEditor>),
        ),
    );
}

fn set(name: &str, value: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        // Only the test reads these: nothing to do if the page refuses.
        let _ = body.set_attribute(name, value);
    }
}

fn show_screen(screen: Res<State<Screen>>) {
    set("data-screen", &format!("{:?}", screen.get()).to_lowercase());
}

fn show_verdict(
    mut finished: MessageReader<ProgramFinished>,
    run: Res<ProgramRun>,
    mut runs: Local<u32>,
) {
    if finished.read().count() == 0 {
        return;
    }
    let Some(outcome) = run.outcome() else {
        return;
    };
    let verdict = match &outcome.report {
        Ok(report) if report.passed => "passed",
        Ok(report) => report
            .first_failure()
            .and_then(|variant| variant.failure.as_ref())
            .and_then(|failure| failure.kind())
            .map_or("failed", |kind| kind.as_str()),
        Err(_) => "not_graded",
    };
    *runs += 1;
    set("data-verdict", verdict);
    set("data-waited-ms", &outcome.waited.as_millis().to_string());
    set("data-runs", &runs.to_string());
}

/// Once a Test of the level editor is over.
fn show_editor_test(run: Res<SolutionRun>, mut running: Local<bool>, mut tests: Local<u32>) {
    let was_running = std::mem::replace(&mut *running, run.running_since.is_some());
    let Some((_, result)) = run.last.as_ref().filter(|_| was_running && !*running) else {
        return;
    };
    let test = match result {
        Ok(test) if test.passed() => "passed",
        Ok(_) => "failed",
        Err(_) => "not_run",
    };
    *tests += 1;
    set("data-editor-test", test);
    set("data-editor-tests", &tests.to_string());
}

/// Once an exam grading is over.
fn show_exam_grades(grading: Res<ExamGrading>, mut busy: Local<bool>, mut gradings: Local<u32>) {
    let was_grading = std::mem::replace(&mut *busy, grading.is_grading());
    if !was_grading || *busy {
        return;
    }
    let results = grading
        .results
        .as_ref()
        .filter(|_| grading.problem.is_none());
    let grades = results.map_or_else(
        || "not_graded".to_owned(),
        |results| {
            results
                .students
                .iter()
                .map(|s| {
                    format!(
                        "{}={}/{}/{}",
                        s.student,
                        s.levels_passed(),
                        results.levels.len(),
                        s.total_stars()
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        },
    );
    *gradings += 1;
    set("data-exam-grades", &grades);
    set("data-exam-gradings", &gradings.to_string());
}

fn show_teacher_tab(desk: Res<Desk>) {
    set(
        "data-teacher-tab",
        &format!("{:?}", desk.tab).to_lowercase(),
    );
}

/// Each new status of the level editor (a save, an export, a file opened...).
fn show_editor_status(
    editor: Res<LevelEditor>,
    mut last: Local<Option<Status>>,
    mut statuses: Local<u32>,
) {
    let Some(status) = &editor.status else {
        return;
    };
    if last.as_ref() == Some(status) {
        return;
    }
    *last = Some(status.clone());
    *statuses += 1;
    set("data-editor-status", status.id);
    set("data-editor-statuses", &statuses.to_string());
}
