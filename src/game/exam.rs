//! Taking an exam: a pack whose `pack.ron` has `exam: (...)`.
//!
//! On the map an exam pack is one card: "Start the exam", then its levels, the time left
//! and "Hand in". Starting writes the student's copy (`teacher::Submission`) to the
//! default export folder (`exports::ExportDir`); every save of the code and every run
//! is written into it at once, so a crash loses at most the last keystrokes, and a
//! restarted game resumes the exam with the time that was left. When the student hands
//! in, or the time is up, the copy is written one last time with `handed_in: true`, the
//! exam closes for good and a notice says where the file is. The level screen enforces
//! the rest (`level::open`: first variant only, no hints, no verdict, no solution).

use std::collections::BTreeMap;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::exports::ExportDir;
use super::level::{ActiveLevel, Code, LevelOpened, SaveWork};
use super::map::PlayLevel;
use super::navigation::Navigate;
use super::notices::{Notice, Notices};
use super::player::CurrentProfile;
use super::theme::{self, Palette, Theme};
use super::{Packs, Screen, Session, UiSet};
use crate::level::{Exam, Pack};
use crate::progress::Profile;
use crate::teacher::{self, Submission, TeacherError, now_secs};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Exams>()
        .add_message::<ExamRequest>()
        .add_systems(
            Update,
            (
                follow_profile,
                open_exam_level,
                handle_requests,
                record_work,
                end_when_time_is_up,
            )
                .chain(),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (countdown.run_if(in_state(Screen::Level)), confirm_hand_in)
                .chain()
                .in_set(UiSet::Overlays),
        );
}

/// Fewer seconds than this left: the countdown turns to the warning colour.
const HURRY_SECONDS: u64 = 5 * 60;

/// One student's copy of one exam.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamCopy {
    pub submission: Submission,
    /// Where it is written.
    pub path: PathBuf,
    pub rules: Exam,
}

impl ExamCopy {
    /// When the time is up, in seconds since 1970 (`None`: no time limit).
    pub fn deadline(&self) -> Option<u64> {
        self.rules
            .time_limit_minutes
            .map(|minutes| self.submission.started_at + u64::from(minutes) * 60)
    }

    /// Seconds left at `now` (`None`: no time limit).
    pub fn seconds_left(&self, now: u64) -> Option<u64> {
        self.deadline().map(|end| end.saturating_sub(now))
    }

    /// The exam is over for this student.
    pub fn handed_in(&self) -> bool {
        self.submission.handed_in
    }

    fn write(&self) -> Result<(), TeacherError> {
        teacher::write_submission(&self.path, &self.submission)
    }
}

/// The exams of the profile being played, by pack id: started, under way or handed in.
#[derive(Resource, Debug, Default)]
pub struct Exams {
    /// The profile they belong to.
    profile: Option<String>,
    pub copies: BTreeMap<String, ExamCopy>,
    /// The exam whose "Hand in" asks for a confirmation.
    confirm: Option<String>,
}

impl Exams {
    /// The copy of an exam pack, if the student started it.
    pub fn copy(&self, pack: &str) -> Option<&ExamCopy> {
        self.copies.get(pack)
    }

    /// The exam whose "Hand in" waits for the student's confirmation.
    pub fn confirming(&self) -> Option<&str> {
        self.confirm.as_deref()
    }

    /// The copy of an exam pack, to change it (tests move the deadline).
    pub fn copy_mut(&mut self, pack: &str) -> Option<&mut ExamCopy> {
        self.copies.get_mut(pack)
    }
}

/// What the student asks.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub enum ExamRequest {
    /// Starts the exam (or resumes it) and opens its first level.
    Start { pack: String },
    /// Opens one level of an exam under way.
    Open { pack: String, level: String },
    /// Asks "Hand in your exam?" first.
    AskHandIn { pack: String },
    /// Ends the exam now.
    HandIn { pack: String },
}

/// The exam packs' copies follow the profile played: read from the export folder when
/// the profile or the packs change.
fn follow_profile(
    current: Res<CurrentProfile>,
    packs: Res<Packs>,
    dir: Res<ExportDir>,
    mut exams: ResMut<Exams>,
) {
    let id = current.profile().map(|p| p.id.clone());
    if exams.profile == id && !packs.is_changed() {
        return;
    }
    exams.profile.clone_from(&id);
    exams.copies.clear();
    let Some(profile) = current.profile() else {
        return;
    };
    for pack in packs.0.iter().filter(|p| p.is_exam()) {
        if let Some(copy) = read_copy(pack, profile, &dir) {
            exams.copies.insert(pack.id.clone(), copy);
        }
    }
}

/// The copy of `profile` for `pack` in the export folder, if it is there and theirs.
fn read_copy(pack: &Pack, profile: &Profile, dir: &ExportDir) -> Option<ExamCopy> {
    let path = dir.0.join(Submission::new(&pack.id, profile).file_name());
    let submission = teacher::read_submission(&path).ok()?;
    (submission.pack == pack.id && submission.profile_id == profile.id).then(|| ExamCopy {
        submission,
        path,
        rules: pack.exam.clone().unwrap_or_default(),
    })
}

/// A level of an exam opened any way (the map, `--level`): the exam starts if it had
/// not; an exam handed in stays closed.
fn open_exam_level(
    mut opened: MessageReader<LevelOpened>,
    packs: Res<Packs>,
    exams: Res<Exams>,
    mut requests: MessageWriter<ExamRequest>,
    mut navigate: MessageWriter<Navigate>,
    mut notices: ResMut<Notices>,
) {
    let Some(LevelOpened { key }) = opened.read().last() else {
        return;
    };
    let Some((pack, _)) = key.split_once('/') else {
        return;
    };
    // The pack, not `ActiveLevel`: the level screen may insert that later this frame.
    if !packs.0.iter().any(|p| p.id == pack && p.is_exam()) {
        return;
    }
    match exams.copy(pack) {
        Some(copy) if copy.handed_in() => {
            notices.push_once(Notice::info(
                "exam-closed",
                vec![("path", copy.path.display().to_string().into())],
            ));
            navigate.write(Navigate::To(Screen::Map));
        }
        Some(_) => {}
        None => {
            requests.write(ExamRequest::Start {
                pack: pack.to_owned(),
            });
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn handle_requests(
    mut requests: MessageReader<ExamRequest>,
    mut exams: ResMut<Exams>,
    packs: Res<Packs>,
    current: Res<CurrentProfile>,
    dir: Res<ExportDir>,
    code: Res<Code>,
    state: Res<State<Screen>>,
    mut play: MessageWriter<PlayLevel>,
    mut navigate: MessageWriter<Navigate>,
    mut notices: ResMut<Notices>,
) {
    for request in requests.read() {
        match request {
            ExamRequest::Start { pack } => {
                let Some(pack) = packs.0.iter().find(|p| &p.id == pack && p.is_exam()) else {
                    continue;
                };
                let Some(profile) = current.profile() else {
                    continue;
                };
                if !exams.copies.contains_key(&pack.id) {
                    match start(pack, profile, &dir) {
                        Ok(copy) => {
                            exams.copies.insert(pack.id.clone(), copy);
                        }
                        Err(error) => {
                            notices.push(save_failed(&error));
                            continue;
                        }
                    }
                }
                let copy = &exams.copies[&pack.id];
                if copy.handed_in() {
                    continue;
                }
                // The first level without code, else the first one.
                let level = pack
                    .levels()
                    .find(|l| copy.submission.code(&l.id).is_none())
                    .or_else(|| pack.levels().next());
                if let Some(level) = level
                    && *state.get() != Screen::Level
                {
                    play.write(PlayLevel(pack.level_key(&level.id)));
                }
            }
            ExamRequest::Open { pack, level } => {
                if exams.copy(pack).is_some_and(|c| !c.handed_in()) {
                    play.write(PlayLevel(format!("{pack}/{level}")));
                }
            }
            ExamRequest::AskHandIn { pack } => exams.confirm = Some(pack.clone()),
            ExamRequest::HandIn { pack } => {
                exams.confirm = None;
                hand_in(
                    &mut exams,
                    pack,
                    &code,
                    "exam-handed-in",
                    &mut notices,
                    (*state.get(), &mut navigate),
                );
            }
        }
    }
}

/// A new copy, written at once (an unreadable file in the way is kept aside).
fn start(pack: &Pack, profile: &Profile, dir: &ExportDir) -> Result<ExamCopy, TeacherError> {
    let submission = Submission::new(&pack.id, profile);
    let path = dir.file(&submission.file_name())?;
    if path.exists() {
        let aside = path.with_extension(format!("unreadable-{}", now_secs()));
        let _ = std::fs::rename(&path, aside);
    }
    let copy = ExamCopy {
        submission,
        path,
        rules: pack.exam.clone().unwrap_or_default(),
    };
    copy.write()?;
    Ok(copy)
}

fn save_failed(error: &TeacherError) -> Notice {
    Notice::error(
        "exam-save-failed",
        vec![("reason", error.to_string().into())],
    )
}

/// Ends an exam: the code in the editor goes in, the copy is written one last time, the
/// student is told where it is and leaves the exam's level.
fn hand_in(
    exams: &mut Exams,
    pack: &str,
    code: &Code,
    message: &'static str,
    notices: &mut Notices,
    (screen, navigate): (Screen, &mut MessageWriter<Navigate>),
) {
    let Some(copy) = exams.copies.get_mut(pack).filter(|c| !c.handed_in()) else {
        return;
    };
    if let Some((_, level)) = code
        .key
        .as_deref()
        .and_then(|k| k.split_once('/'))
        .filter(|(p, _)| *p == pack)
    {
        copy.submission.set_code(level, &code.text);
    }
    copy.submission.handed_in = true;
    copy.submission.submitted_at = now_secs();
    match copy.write() {
        #[cfg(not(target_arch = "wasm32"))]
        Ok(()) => notices.push(Notice::info(
            message,
            vec![("path", copy.path.display().to_string().into())],
        )),
        // The copy stays in the page's storage; the teacher's is downloaded.
        #[cfg(target_arch = "wasm32")]
        Ok(()) => {
            let _ = message;
            let name = copy.submission.file_name();
            let text = teacher::submission_json(&copy.submission);
            notices.push(
                match super::web_files::download(&name, "application/json", text.as_bytes()) {
                    Ok(()) => {
                        Notice::info("exam-handed-in-downloaded", vec![("path", name.into())])
                    }
                    Err(reason) => {
                        Notice::error("exam-save-failed", vec![("reason", reason.into())])
                    }
                },
            );
        }
        Err(error) => notices.push(save_failed(&error)),
    }
    let on_this_exam = code
        .key
        .as_deref()
        .is_some_and(|k| k.starts_with(&format!("{pack}/")));
    if screen == Screen::Level && on_this_exam {
        navigate.write(Navigate::To(Screen::Map));
    }
}

/// The code saved by the level screen goes into the copy too.
fn record_work(
    mut work: MessageReader<SaveWork>,
    mut exams: ResMut<Exams>,
    mut notices: ResMut<Notices>,
) {
    for work in work.read() {
        let (key, code, run) = match work {
            SaveWork::Code { key, code } => (key, code, false),
            SaveWork::Attempt { key, code, .. } => (key, code, true),
            SaveWork::Hint { .. } => continue,
        };
        let Some((pack, level)) = key.split_once('/') else {
            continue;
        };
        let Some(copy) = exams.copies.get_mut(pack).filter(|c| !c.handed_in()) else {
            continue;
        };
        if run {
            copy.submission.record_run(level, code);
        } else {
            copy.submission.set_code(level, code);
        }
        match copy.write() {
            Ok(()) => notices.clear_kind("exam-save-failed"),
            Err(error) => notices.push_once(save_failed(&error)),
        }
    }
}

fn end_when_time_is_up(
    mut exams: ResMut<Exams>,
    code: Res<Code>,
    state: Res<State<Screen>>,
    mut navigate: MessageWriter<Navigate>,
    mut notices: ResMut<Notices>,
) {
    let now = now_secs();
    let over: Vec<String> = exams
        .copies
        .iter()
        .filter(|(_, c)| !c.handed_in() && c.deadline().is_some_and(|end| end <= now))
        .map(|(pack, _)| pack.clone())
        .collect();
    for pack in over {
        hand_in(
            &mut exams,
            &pack,
            &code,
            "exam-time-up",
            &mut notices,
            (*state.get(), &mut navigate),
        );
    }
}

/// `1:02:03` or `12:34`.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "Time left: 12:34" (or "No time limit"), in the warning colour near the end.
fn time_left(ui: &mut egui::Ui, p: &Palette, session: &Session, copy: &ExamCopy) {
    let text = match copy.seconds_left(now_secs()) {
        Some(left) => RichText::new(session.tr("exam-time-left", &[("time", clock(left).into())]))
            .color(if left < HURRY_SECONDS {
                p.danger
            } else {
                p.text
            }),
        None => RichText::new(session.t("exam-no-time-limit")).color(p.text),
    };
    ui.label(text.strong().size(theme::BODY_SIZE));
}

/// On the level screen of an exam: the time left and "Hand in", top right.
fn countdown(
    mut contexts: EguiContexts,
    active: Option<Res<ActiveLevel>>,
    exams: Res<Exams>,
    session: Res<Session>,
    theme: Res<Theme>,
    mut requests: MessageWriter<ExamRequest>,
) -> Result {
    let Some(active) = active.filter(|a| a.exam.is_some()) else {
        return Ok(());
    };
    let Some((pack, _)) = active.key.split_once('/') else {
        return Ok(());
    };
    let Some(copy) = exams.copy(pack).filter(|c| !c.handed_in()) else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    egui::Area::new(egui::Id::new("exam-countdown"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-8.0, 3.0))
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(p.surface)
                .stroke(egui::Stroke::new(p.line, p.border))
                .corner_radius(10)
                .inner_margin(egui::Margin::symmetric(10, 1))
                .show(ui, |ui| {
                    ui.spacing_mut().button_padding = egui::vec2(8.0, 2.0);
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(session.t("exam-badge")).color(p.weak_text));
                        time_left(ui, &p, &session, copy);
                        if !copy.rules.allow_runs {
                            ui.label(RichText::new(session.t("exam-no-runs")).color(p.weak_text));
                        }
                        if ui.button(session.t("exam-hand-in")).clicked() {
                            requests.write(ExamRequest::AskHandIn {
                                pack: pack.to_owned(),
                            });
                        }
                    });
                });
        });
    // The countdown moves every second even when nothing else does.
    ctx.request_repaint_after(std::time::Duration::from_secs(1));
    Ok(())
}

fn confirm_hand_in(
    mut contexts: EguiContexts,
    mut exams: ResMut<Exams>,
    session: Res<Session>,
    theme: Res<Theme>,
    mut requests: MessageWriter<ExamRequest>,
) -> Result {
    let Some(pack) = exams.confirm.clone() else {
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?;
    let p = theme.palette;
    let mut close = false;
    egui::Modal::new(egui::Id::new("exam-confirm"))
        .frame(theme::card_frame(&p).stroke(egui::Stroke::new(3.0, p.accent)))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(
                RichText::new(session.t("exam-confirm-title"))
                    .size(theme::HEADING_SIZE)
                    .strong(),
            );
            ui.label(session.t("exam-confirm-text"));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if theme::big_button(ui, &p, &session.t("exam-hand-in")).clicked() {
                    requests.write(ExamRequest::HandIn { pack: pack.clone() });
                }
                if ui.button(session.t("common-cancel")).clicked() {
                    close = true;
                }
            });
        });
    if close || ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        exams.confirm = None;
    }
    Ok(())
}

/// What the map shows for an exam pack instead of its chapters.
pub(super) fn map_card(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    pack: &Pack,
    exams: &Exams,
    requests: &mut MessageWriter<ExamRequest>,
) {
    let rules = pack.exam.clone().unwrap_or_default();
    let levels = pack.levels().count();
    theme::card_frame(p)
        .stroke(egui::Stroke::new(p.line * 2.0, p.accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let length = match rules.time_limit_minutes {
                Some(minutes) => session.tr(
                    "exam-summary",
                    &[("levels", levels.into()), ("minutes", minutes.into())],
                ),
                None => session.tr("exam-summary-no-limit", &[("levels", levels.into())]),
            };
            ui.label(RichText::new(length).strong().size(theme::BODY_SIZE + 2.0));
            ui.label(RichText::new(session.t("exam-rules")).color(p.weak_text));
            ui.add_space(6.0);
            match exams.copy(&pack.id) {
                None => {
                    if theme::big_button(ui, p, &session.t("exam-start")).clicked() {
                        requests.write(ExamRequest::Start {
                            pack: pack.id.clone(),
                        });
                    }
                }
                Some(copy) if copy.handed_in() => {
                    ui.label(
                        RichText::new(session.t("exam-done"))
                            .color(p.success)
                            .strong(),
                    );
                    ui.label(session.tr(
                        "exam-copy-at",
                        &[("path", copy.path.display().to_string().into())],
                    ));
                }
                Some(copy) => {
                    time_left(ui, p, session, copy);
                    ui.horizontal_wrapped(|ui| {
                        for (i, level) in pack.levels().enumerate() {
                            let written = copy.submission.code(&level.id).is_some();
                            let mark = if written { " ✎" } else { "" };
                            let label = format!(
                                "{}. {}{mark}",
                                i + 1,
                                level.title.in_lang(session.french())
                            );
                            if ui.button(label).clicked() {
                                requests.write(ExamRequest::Open {
                                    pack: pack.id.clone(),
                                    level: level.id.clone(),
                                });
                            }
                        }
                    });
                    ui.add_space(4.0);
                    ui.label(
                        RichText::new(session.tr(
                            "exam-copy-at",
                            &[("path", copy.path.display().to_string().into())],
                        ))
                        .color(p.weak_text),
                    );
                    if ui.button(session.t("exam-hand-in")).clicked() {
                        requests.write(ExamRequest::AskHandIn {
                            pack: pack.id.clone(),
                        });
                    }
                }
            }
        });
}
