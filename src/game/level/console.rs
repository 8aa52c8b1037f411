//! The console: what the program printed up to the action shown, and, once the replay
//! reaches it, the friendly error that stopped the program, with its line.

use bevy_egui::egui::{self, RichText};

use super::animation;
use super::highlight::palette;
use super::replay::{Replay, recorded_trace};
use super::run::ProgramRun;
use crate::grade::Failure;
use crate::i18n::{Lang, program_error_message_for, tr};
use crate::sandbox::RobotFn;

/// The error of the variant shown, once the replay has reached the point where it
/// happened: its message (advice fitting the functions `allowed`) and line.
pub(super) fn shown_error(
    lang: Lang,
    allowed: &[RobotFn],
    run: &ProgramRun,
    replay: &Replay,
) -> Option<(String, Option<u32>)> {
    let variant = run.report()?.variants.get(replay.variant)?;
    let Some(Failure::Program(error)) = &variant.failure else {
        return None;
    };
    let frames = variant.trace.as_ref().map_or(0, |t| t.frames.len());
    (replay.cursor >= frames as f32)
        .then(|| (program_error_message_for(lang, error, allowed), error.line))
}

pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    allowed: &[RobotFn],
    run: &ProgramRun,
    replay: &Replay,
    font_size: f32,
) {
    ui.label(RichText::new(tr(lang, "level-console", &[])).strong());
    egui::Frame::new()
        .fill(palette::BACKGROUND)
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("level-console-scroll")
                .auto_shrink([false, false])
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    contents(ui, lang, allowed, run, replay, font_size);
                });
        });
}

fn contents(
    ui: &mut egui::Ui,
    lang: Lang,
    allowed: &[RobotFn],
    run: &ProgramRun,
    replay: &Replay,
    font_size: f32,
) {
    let mono = |text: &str| RichText::new(text).monospace().size(font_size);
    if let Some(waited) = run.running_for() {
        ui.horizontal(|ui| {
            ui.spinner();
            let seconds = format!("{:.1}", waited.as_secs_f32());
            ui.label(
                mono(&tr(lang, "level-running", &[("seconds", seconds.into())]))
                    .color(palette::COMMENT),
            );
        });
        return;
    }
    if run.stopped {
        ui.label(mono(&tr(lang, "level-stopped", &[])).color(palette::COMMENT));
        return;
    }
    let Some(outcome) = run.outcome() else {
        ui.label(mono(&tr(lang, "level-console-empty", &[])).color(palette::COMMENT));
        return;
    };
    if let Err(problem) = &outcome.report {
        ui.label(mono(problem).color(palette::ERROR));
        return;
    }
    let output =
        recorded_trace(run, replay).map_or("", |t| animation::output_so_far(t, replay.cursor));
    let error = shown_error(lang, allowed, run, replay);
    if !output.is_empty() {
        ui.label(mono(output.trim_end_matches('\n')).color(palette::TEXT));
    } else if error.is_none() {
        ui.label(mono(&tr(lang, "level-console-empty", &[])).color(palette::COMMENT));
    }
    if let Some((message, _)) = error {
        if !output.is_empty() {
            ui.add_space(4.0);
        }
        ui.label(RichText::new(message).size(font_size).color(palette::ERROR));
    }
}
