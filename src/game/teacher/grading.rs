//! The exams tab: the exam pack to grade, the submission files (and folders of them) the
//! students handed in, and "Grade": `teacher::grade_files` runs every program again in
//! the sandbox on every variant of its level (a `ProgramJob`: worker processes on a
//! background thread, Web Workers in the browser, where the files are the copies given
//! to the page), and the results come back as a table (passed, stars, why a level
//! failed) to save as CSV. The submissions chosen last time are graded again when the
//! tab is first shown.

use bevy::platform::time::Instant; // the browser has no std clock
use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::desk::{Desk, TeacherTab};
use super::table::{self, Cell};
use super::{GRADES_CSV, TabContext, TeacherRequest, write_csv};
use crate::game::dialogs::DialogPurpose;
use crate::game::level::WorkerExecutable;
use crate::game::notices::Notices;
use crate::game::program_job::ProgramJob;
use crate::game::{Packs, Screen, Session};
use crate::grade::Runner;
use crate::level::Pack;
use crate::teacher::{ExamResults, GradeOutcome};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ExamGrading>().add_systems(
        Update,
        (
            grade_when_shown.run_if(in_state(Screen::Teacher)),
            handle_requests,
            finish_grading,
        )
            .chain(),
    );
}

/// The grading under way or done.
#[derive(Resource, Debug, Default)]
pub struct ExamGrading {
    pub results: Option<ExamResults>,
    /// Why the last grading could not run at all.
    pub problem: Option<String>,
    job: Option<(ProgramJob<ExamResults>, Instant)>,
    /// The submissions listed were graded (or are being graded) since they last changed.
    regraded: bool,
}

impl ExamGrading {
    pub fn is_grading(&self) -> bool {
        self.job.is_some()
    }
}

/// The exam packs the game knows, in the library's order.
fn exam_packs(packs: &Packs) -> impl Iterator<Item = &Pack> {
    packs.0.iter().filter(|p| p.is_exam())
}

/// The exam chosen, else the first exam pack.
fn chosen_exam<'a>(desk: &Desk, packs: &'a Packs) -> Option<&'a Pack> {
    desk.exam
        .as_deref()
        .and_then(|id| exam_packs(packs).find(|p| p.id == id))
        .or_else(|| exam_packs(packs).next())
}

/// The tab shown with submissions not graded since they changed (those remembered from
/// last time, or files just added): grade them.
fn grade_when_shown(
    mut grading: ResMut<ExamGrading>,
    desk: Res<Desk>,
    mut requests: MessageWriter<TeacherRequest>,
) {
    let shown = desk.tab == TeacherTab::Exams && !desk.submissions.is_empty();
    if shown && !grading.regraded && grading.results.is_none() && !grading.is_grading() {
        grading.regraded = true;
        requests.write(TeacherRequest::Grade);
    }
}

pub(super) fn handle_requests(
    mut requests: MessageReader<TeacherRequest>,
    mut grading: ResMut<ExamGrading>,
    mut desk: ResMut<Desk>,
    packs: Res<Packs>,
    worker: Res<WorkerExecutable>,
    session: Res<Session>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        match request {
            TeacherRequest::ChooseExam(id) if desk.exam.as_ref() != Some(id) => {
                desk.exam = Some(id.clone());
                grading.results = None;
            }
            TeacherRequest::AddSubmissions(paths) => {
                Desk::add(&mut desk.submissions, paths);
                // The table is graded again with them (a file given again may have
                // changed): the grading under way, if any, is dropped.
                grading.job = None;
                grading.results = None;
                grading.regraded = false;
            }
            TeacherRequest::ClearSubmissions => {
                desk.submissions.clear();
                grading.results = None;
            }
            TeacherRequest::Grade => {
                grading.problem = None;
                grading.regraded = true;
                let Some(pack) = chosen_exam(&desk, &packs).cloned() else {
                    grading.problem = Some(session.t("teacher-exam-none"));
                    continue;
                };
                let files = desk.submissions.clone();
                let lang = session.lang;
                // On the web the files are the copies given to the page, read by name.
                let grade = move |runner: &(dyn Runner + Sync)| {
                    crate::teacher::grade_files(&pack, &files, runner, lang)
                };
                let job = ProgramJob::start("grade-exam", grade, worker.0.clone(), lang);
                grading.job = Some((job, Instant::now()));
            }
            TeacherRequest::SaveGradesCsv(path) => {
                if let Some(results) = &grading.results {
                    write_csv(path, &results.to_csv(), &mut notices);
                }
            }
            _ => {}
        }
    }
}

fn finish_grading(mut grading: ResMut<ExamGrading>) {
    let Some(result) = grading.job.as_mut().and_then(|(job, _)| job.poll()) else {
        return;
    };
    grading.job = None;
    match result {
        Ok(results) => grading.results = Some(results),
        Err(problem) => grading.problem = Some(problem),
    }
}

fn cell(outcome: &GradeOutcome, session: &Session) -> Cell {
    match outcome {
        GradeOutcome::Missing => Cell::none().with_hover(Some(session.t("teacher-exam-missing"))),
        GradeOutcome::Graded {
            passed: true,
            stars,
            variants,
            ..
        } => Cell::good(format!("✔{stars}")).with_hover(Some(
            session.tr("teacher-exam-passed", &[("variants", (*variants).into())]),
        )),
        GradeOutcome::Graded {
            variants_passed,
            variants,
            reason,
            ..
        } => Cell::bad("✖".to_owned()).with_hover(Some(format!(
            "{variants_passed}/{variants} — {}",
            reason.as_deref().unwrap_or_default()
        ))),
        GradeOutcome::LevelError(message) => {
            Cell::bad("!".to_owned()).with_hover(Some(message.clone()))
        }
    }
}

pub(super) fn show(
    ui: &mut egui::Ui,
    context: &mut TabContext,
    grading: &ExamGrading,
    desk: &Desk,
) {
    let session = context.session;
    let p = context.palette;
    let chosen = chosen_exam(desk, context.packs);
    let Some(chosen) = chosen else {
        ui.label(RichText::new(session.t("teacher-exam-none")).color(p.weak_text));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(session.t("teacher-exam-pack")).strong());
        egui::ComboBox::from_id_salt("teacher-exam-pack")
            .selected_text(format!(
                "{} ({})",
                chosen.title.in_lang(session.french()),
                chosen.id
            ))
            .show_ui(ui, |ui| {
                for pack in exam_packs(context.packs) {
                    let label = format!("{} ({})", pack.title.in_lang(session.french()), pack.id);
                    if ui.selectable_label(pack.id == chosen.id, label).clicked() {
                        context
                            .requests
                            .write(TeacherRequest::ChooseExam(pack.id.clone()));
                    }
                }
            });
    });
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        context.dialog_button(
            ui,
            &session.t("teacher-exam-add-files"),
            DialogPurpose::SubmissionFiles,
        );
        context.dialog_button(
            ui,
            &session.t("teacher-exam-add-folder"),
            DialogPurpose::SubmissionFolder,
        );
        if !desk.submissions.is_empty() && ui.button(session.t("teacher-clear")).clicked() {
            context.requests.write(TeacherRequest::ClearSubmissions);
        }
    });
    ui.label(RichText::new(session.t("teacher-exam-help")).color(p.weak_text));
    for path in &desk.submissions {
        ui.label(
            RichText::new(path.display().to_string())
                .monospace()
                .small(),
        );
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let ready = !desk.submissions.is_empty() && !grading.is_grading();
        let label = RichText::new(session.t("teacher-exam-grade"))
            .strong()
            .color(p.on_accent);
        let button = egui::Button::new(label)
            .fill(p.accent)
            .min_size(egui::vec2(160.0, 40.0));
        if ui.add_enabled(ready, button).clicked() {
            context.requests.write(TeacherRequest::Grade);
        }
        if let Some((_, started)) = &grading.job {
            ui.spinner();
            ui.label(session.tr(
                "teacher-exam-grading",
                &[("seconds", started.elapsed().as_secs().into())],
            ));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(200));
        }
        if grading.results.is_some() {
            context.save_button(ui, DialogPurpose::SaveGradesCsv, GRADES_CSV);
        }
    });
    if let Some(problem) = &grading.problem {
        ui.label(RichText::new(problem).color(p.danger));
    }
    let Some(results) = &grading.results else {
        return;
    };
    ui.add_space(6.0);
    ui.label(
        RichText::new(session.tr(
            "teacher-exam-summary",
            &[
                ("students", results.students.len().into()),
                ("levels", results.levels.len().into()),
            ],
        ))
        .strong(),
    );
    let pack_of = |level: &str| format!("{}/{level}", results.pack);
    if !results.students.is_empty() {
        let names: Vec<String> = results
            .levels
            .iter()
            .map(|l| table::level_name(context.packs, session, &pack_of(l)))
            .collect();
        let rows: Vec<table::Row> = results
            .students
            .iter()
            .map(|s| table::Row {
                name: s.student.clone(),
                cells: s.levels.iter().map(|l| cell(&l.outcome, session)).collect(),
                total: session.tr(
                    "teacher-exam-total",
                    &[
                        ("passed", s.levels_passed().into()),
                        ("levels", results.levels.len().into()),
                        ("stars", s.total_stars().into()),
                        ("max", results.max_stars().into()),
                    ],
                ),
            })
            .collect();
        table::show(ui, &p, session, "teacher-exam-table", &names, &rows);
        ui.label(
            RichText::new(session.t("teacher-exam-legend"))
                .color(p.weak_text)
                .small(),
        );
    }
    let packs = context.packs;
    let failures: Vec<String> = results
        .students
        .iter()
        .flat_map(|s| {
            s.levels.iter().filter_map(move |l| {
                let why = match &l.outcome {
                    GradeOutcome::Graded {
                        passed: false,
                        reason,
                        variants_passed,
                        variants,
                        ..
                    } => session.tr(
                        "teacher-exam-failure-variants",
                        &[
                            ("passed", (*variants_passed).into()),
                            ("variants", (*variants).into()),
                            ("reason", reason.clone().unwrap_or_default().into()),
                        ],
                    ),
                    GradeOutcome::LevelError(message) => message.clone(),
                    _ => return None,
                };
                Some(session.tr(
                    "teacher-exam-failure",
                    &[
                        ("student", s.student.as_str().into()),
                        (
                            "level",
                            table::level_name(packs, session, &pack_of(&l.level)).into(),
                        ),
                        ("why", why.into()),
                    ],
                ))
            })
        })
        .collect();
    if !failures.is_empty() {
        ui.add_space(8.0);
        table::section(ui, &session.t("teacher-exam-failures"));
        for line in failures {
            ui.label(line);
        }
    }
    table::issues(ui, &p, session, &results.issues);
}
