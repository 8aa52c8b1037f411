//! The class progress tab: students' progress files (and folders of them) merged by
//! `teacher::ClassReport` on a background thread, shown as a table of students × levels
//! with the levels' names, who is stuck where and the files that could not be used, and
//! saved as CSV. The same student given twice is counted once (the report merges by
//! profile id).

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::desk::Desk;
use super::table::{self, Cell};
use super::{REPORT_CSV, TabContext, TeacherRequest, write_csv};
use crate::game::Packs;
use crate::game::Screen;
use crate::game::background::{Background, JobState};
use crate::game::dialogs::DialogPurpose;
use crate::game::notices::Notices;
use crate::teacher::{ClassReport, ExportedLevel, STUCK_ATTEMPTS};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassProgress>()
        .add_systems(OnEnter(Screen::Teacher), reload_saved_files)
        .add_systems(Update, (handle_requests, finish_loading).chain());
}

/// The class report shown.
#[derive(Resource, Debug, Default)]
pub struct ClassProgress {
    pub report: Option<ClassReport>,
    job: Option<Background<ClassReport>>,
}

impl ClassProgress {
    /// Whether the files are being read.
    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }
}

/// Reads the files again, on a background thread; the columns follow the packs' order.
fn load(progress: &mut ClassProgress, desk: &Desk, packs: &Packs) {
    let paths = desk.progress.clone();
    let packs = packs.0.clone();
    progress.job = Some(Background::spawn("class-report", move || {
        let mut report = ClassReport::load(&paths);
        report.order_levels(&packs);
        report
    }));
}

fn reload_saved_files(mut progress: ResMut<ClassProgress>, desk: Res<Desk>, packs: Res<Packs>) {
    if progress.report.is_none() && !progress.is_loading() && !desk.progress.is_empty() {
        load(&mut progress, &desk, &packs);
    }
}

pub(super) fn handle_requests(
    mut requests: MessageReader<TeacherRequest>,
    mut progress: ResMut<ClassProgress>,
    mut desk: ResMut<Desk>,
    packs: Res<Packs>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        match request {
            TeacherRequest::AddProgress(paths)
                if Desk::add(&mut desk.progress, paths) || progress.report.is_none() =>
            {
                load(&mut progress, &desk, &packs);
            }
            TeacherRequest::ClearProgress => {
                desk.progress.clear();
                progress.report = None;
                progress.job = None;
            }
            TeacherRequest::SaveReportCsv(path) => {
                if let Some(report) = &progress.report {
                    write_csv(path, &report.to_csv(), &mut notices);
                }
            }
            _ => {}
        }
    }
}

fn finish_loading(mut progress: ResMut<ClassProgress>) {
    let Some(job) = progress.job.as_mut() else {
        return;
    };
    match job.poll() {
        JobState::Running => {}
        JobState::Done(report) => {
            progress.report = Some(report);
            progress.job = None;
        }
        JobState::Lost => progress.job = None,
    }
}

/// The cell of one student on one level: `✔3 2/1` (passed, stars, attempts, hints),
/// `✖ 5/0` (not yet), `-` (not started); stuck students in red.
fn cell(level: Option<&ExportedLevel>) -> Cell {
    match level {
        Some(l) if l.passed => Cell::good(format!("✔{} {}/{}", l.stars, l.attempts, l.hints_used)),
        Some(l) if l.attempts >= STUCK_ATTEMPTS => {
            Cell::bad(format!("✖ {}/{}", l.attempts, l.hints_used))
        }
        Some(l) if l.attempts > 0 || l.hints_used > 0 => {
            Cell::plain(format!("✖ {}/{}", l.attempts, l.hints_used))
        }
        _ => Cell::none(),
    }
}

pub(super) fn show(ui: &mut egui::Ui, context: &mut TabContext, progress: &ClassProgress) {
    let session = context.session;
    let p = context.palette;
    ui.horizontal_wrapped(|ui| {
        context.dialog_button(
            ui,
            &session.t("teacher-progress-add-files"),
            DialogPurpose::ProgressFiles,
        );
        context.dialog_button(
            ui,
            &session.t("teacher-progress-add-folder"),
            DialogPurpose::ProgressFolder,
        );
        if progress.report.is_some() {
            context.save_button(ui, DialogPurpose::SaveReportCsv, REPORT_CSV);
            if ui.button(session.t("teacher-clear")).clicked() {
                context.requests.write(TeacherRequest::ClearProgress);
            }
        }
    });
    ui.label(RichText::new(session.t("teacher-progress-help")).color(p.weak_text));
    ui.add_space(6.0);
    if progress.is_loading() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(session.t("teacher-progress-loading"));
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
    let Some(report) = &progress.report else {
        return;
    };
    let files: u32 = report.students.iter().map(|s| s.files).sum();
    ui.label(
        RichText::new(session.tr(
            "teacher-progress-summary",
            &[
                ("students", report.students.len().into()),
                ("levels", report.levels.len().into()),
                ("files", files.into()),
            ],
        ))
        .strong(),
    );
    if !report.students.is_empty() {
        let rows: Vec<table::Row> = report
            .students
            .iter()
            .map(|s| table::Row {
                name: s.name.clone(),
                cells: report
                    .levels
                    .iter()
                    .map(|k| cell(s.levels.get(k)))
                    .collect(),
                total: session.tr(
                    "teacher-progress-total",
                    &[
                        ("passed", s.levels_passed().into()),
                        ("levels", report.levels.len().into()),
                        ("stars", s.total_stars().into()),
                    ],
                ),
            })
            .collect();
        let names: Vec<String> = report
            .levels
            .iter()
            .map(|k| table::level_name(context.packs, session, k))
            .collect();
        table::show(ui, &p, session, "teacher-progress-table", &names, &rows);
        ui.label(
            RichText::new(session.t("teacher-progress-legend"))
                .color(p.weak_text)
                .small(),
        );
    }
    ui.add_space(8.0);
    table::section(ui, &session.t("teacher-levels"));
    let stuck = report.stuck();
    for (i, key) in report.levels.iter().enumerate() {
        let passed = report
            .students
            .iter()
            .filter(|s| s.levels.get(key).is_some_and(|l| l.passed))
            .count();
        let stuck_here = stuck.iter().filter(|s| &s.level == key).count();
        let line = session.tr(
            "teacher-level-line",
            &[
                ("number", (i + 1).into()),
                (
                    "level",
                    table::level_name(context.packs, session, key).into(),
                ),
                ("passed", passed.into()),
                ("students", report.students.len().into()),
                ("stuck", stuck_here.into()),
            ],
        );
        ui.label(line);
    }
    ui.add_space(8.0);
    table::section(
        ui,
        &session.tr("teacher-stuck", &[("attempts", STUCK_ATTEMPTS.into())]),
    );
    if stuck.is_empty() {
        ui.label(RichText::new(session.t("teacher-stuck-nobody")).color(p.success));
    }
    for s in &stuck {
        ui.label(
            RichText::new(session.tr(
                "teacher-stuck-line",
                &[
                    ("student", s.student.as_str().into()),
                    (
                        "level",
                        table::level_name(context.packs, session, &s.level).into(),
                    ),
                    ("attempts", s.attempts.into()),
                    ("hints", s.hints_used.into()),
                ],
            ))
            .color(p.danger),
        );
    }
    table::issues(ui, &p, session, &report.issues);
}
