//! The reference solution: written in the level screen's code editor (Python colours,
//! indentation), run on every variant with Test, and the verdict of each variant. A
//! solution that passes gives its numbers as star targets in one click.

use bevy_egui::egui::{self, RichText};

use super::LevelEditor;
use super::checks::{SolutionRun, TestSolution};
use crate::editor::{Action, SolutionTest};
use crate::game::Session;
use crate::game::level::editor::{LineMarks, show_with_id};
use crate::game::theme::Palette;
use crate::grade::Failure;
use crate::i18n::ids;
use crate::level::lines_of_code;

/// Size of the code, in points.
const CODE_SIZE: f32 = 15.0;

/// The Solution tab. Returns whether Test was asked.
pub fn show(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    session: &Session,
    palette: &Palette,
    run: &SolutionRun,
    now: f64,
) -> Option<TestSolution> {
    let mut test = None;
    let current = editor.editor.revision();
    let result = run.last.as_ref();
    ui.horizontal(|ui| {
        let running = run.running_since.is_some();
        let button = egui::Button::new(
            RichText::new(session.t("editor-test"))
                .strong()
                .color(palette.on_accent),
        )
        .fill(palette.accent);
        if ui
            .add_enabled(!running, button)
            .on_hover_text(session.t("editor-test-help"))
            .clicked()
        {
            test = Some(TestSolution);
        }
        if let Some(since) = run.running_since {
            ui.spinner();
            let seconds = format!("{:.1}", (now - since).max(0.0));
            ui.label(session.tr("editor-test-running", &[("seconds", seconds.into())]));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let lines = lines_of_code(&editor.draft().solution);
            ui.label(RichText::new(session.tr("level-lines", &[("lines", lines.into())])).weak());
        });
    });
    if let Some((revision, outcome)) = result {
        egui::Frame::new()
            .fill(palette.sunken)
            .corner_radius(8.0)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                if *revision != current {
                    ui.label(
                        RichText::new(session.t("editor-test-stale"))
                            .small()
                            .color(palette.warning),
                    );
                }
                match outcome {
                    Ok(test) => verdict(ui, editor, session, palette, test),
                    Err(reason) => {
                        ui.label(RichText::new(reason).color(palette.danger));
                    }
                }
            });
    }
    let error_line = result
        .filter(|(revision, _)| *revision == current)
        .and_then(|(_, outcome)| outcome.as_ref().ok())
        .and_then(|test| test.report.as_ref())
        .and_then(|report| report.first_failure())
        .and_then(|failed| match &failed.failure {
            Some(Failure::Program(error)) => error.line,
            _ => None,
        });
    let mut code = editor.draft().solution.clone();
    let marks = LineMarks {
        error: error_line,
        ..LineMarks::default()
    };
    if show_with_id(
        ui,
        egui::Id::new("editor-solution"),
        &mut code,
        marks,
        CODE_SIZE,
    ) {
        editor.apply(Action::SetSolution(code));
    }
    // Typing is one undo step until the code loses the focus.
    let focused = ui.memory(|m| m.has_focus(egui::Id::new("editor-solution")));
    if editor.solution_focused && !focused {
        editor.editor.seal();
    }
    editor.solution_focused = focused;
    test
}

/// The verdict of each variant, the stars, and the targets the solution suggests.
fn verdict(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    session: &Session,
    palette: &Palette,
    test: &SolutionTest,
) {
    let Some(report) = &test.report else {
        ui.label(RichText::new(session.t("editor-test-not-run")).color(palette.danger));
        return;
    };
    let (text, color) = if test.passed() {
        (session.t("editor-test-passed"), palette.success)
    } else if report.passed {
        (
            session.tr("editor-test-stars", &[("stars", report.stars.into())]),
            palette.warning,
        )
    } else {
        (session.t("editor-test-failed"), palette.danger)
    };
    ui.label(RichText::new(text).strong().color(color));
    ui.label(session.tr(
        ids::VERDICT_STARS_DETAIL,
        &[
            ("lines", report.lines_of_code.into()),
            ("actions", report.max_actions().into()),
        ],
    ));
    for variant in &report.variants {
        let seed = ("seed", variant.seed.to_string().into());
        let line = match &variant.failure {
            None => session.tr(
                ids::VERDICT_VARIANT_PASSED,
                &[seed, ("actions", variant.actions().into())],
            ),
            Some(failure) => {
                let reason = crate::cli::failure_message(session.lang, variant.seed, failure);
                session.tr(
                    ids::VERDICT_VARIANT_FAILED,
                    &[seed, ("reason", reason.into())],
                )
            }
        };
        let color = if variant.passed() {
            palette.text
        } else {
            palette.danger
        };
        ui.label(RichText::new(line).small().color(color));
    }
    if let Some(stars) = test.suggested_stars()
        && stars != editor.draft().stars
    {
        let args = [
            ("lines", stars.max_lines.unwrap_or_default().into()),
            ("actions", stars.max_actions.unwrap_or_default().into()),
        ];
        if ui
            .button(session.tr("editor-use-stars", &args))
            .on_hover_text(session.t("editor-use-stars-help"))
            .clicked()
        {
            editor.editor.seal();
            editor.apply(Action::SetStars(stars));
            editor.editor.seal();
        }
    }
}
