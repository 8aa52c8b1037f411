//! The run controls under the world: Run / Stop, the replay buttons (start, step back,
//! play/pause, step, end), the speed slider and the timeline to scrub through the run.

use bevy::prelude::*;
use bevy_egui::egui::{self, Color32, RichText};

use super::replay::{Replay, ReplayCommand, SPEEDS};
use super::run::{ProgramRun, RunProgram, StopProgram};
use crate::game::theme::Palette;
use crate::i18n::{Lang, tr};

/// Where the controls send what the student asks.
#[derive(bevy::ecs::system::SystemParam)]
pub(super) struct ControlWriters<'w> {
    pub run: MessageWriter<'w, RunProgram>,
    pub stop: MessageWriter<'w, StopProgram>,
    pub replay: MessageWriter<'w, ReplayCommand>,
}

/// Draws the controls. `frames` is the number of actions of the run shown, if any.
pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    palette: &Palette,
    run: &ProgramRun,
    replay: &Replay,
    frames: Option<usize>,
    send: &mut ControlWriters,
) {
    let t = |id: &str| tr(lang, id, &[]);
    let running = run.is_running();
    ui.add_space(4.0);
    // Rows wrap on a narrow window rather than hide buttons.
    ui.horizontal_wrapped(|ui| {
        let height = 36.0;
        let size = ui.style().text_styles[&egui::TextStyle::Button].size + 2.0;
        let big = |text: String, fill: Color32| {
            egui::Button::new(
                RichText::new(text)
                    .size(size)
                    .strong()
                    .color(palette.on_accent),
            )
            .fill(fill)
            .min_size(egui::vec2(130.0, height))
        };
        if running {
            if ui
                .add(big(t("level-stop"), palette.danger))
                .on_hover_text(t("level-tip-stop"))
                .clicked()
            {
                send.stop.write(StopProgram);
            }
        } else if ui
            .add(big(t("level-run"), palette.accent))
            .on_hover_text(t("level-tip-run"))
            .clicked()
        {
            send.run.write(RunProgram);
        }
        ui.separator();
        let recorded = frames.is_some() && !running;
        let mut button =
            |ui: &mut egui::Ui, enabled: bool, label: String, tip: &str, command: ReplayCommand| {
                let button = egui::Button::new(label).min_size(egui::vec2(height, height));
                if ui
                    .add_enabled(enabled, button)
                    .on_hover_text(t(tip))
                    .clicked()
                {
                    send.replay.write(command);
                }
            };
        // The ends are icons (their words are in the tooltips): the bar fits 1366 pixels.
        button(
            ui,
            recorded,
            "⏮".into(),
            "level-tip-reset",
            ReplayCommand::Rewind,
        );
        button(
            ui,
            recorded,
            t("level-step-back"),
            "level-tip-step-back",
            ReplayCommand::StepBack,
        );
        let play = if replay.is_moving() {
            "level-pause"
        } else {
            "level-play"
        };
        button(
            ui,
            recorded,
            t(play),
            "level-tip-play",
            ReplayCommand::TogglePlay,
        );
        button(
            ui,
            !running,
            t("level-step"),
            "level-tip-step",
            ReplayCommand::StepForward,
        );
        button(
            ui,
            recorded,
            "⏭".into(),
            "level-tip-end",
            ReplayCommand::ToEnd,
        );
    });
    ui.horizontal_wrapped(|ui| {
        let total = frames.unwrap_or(0);
        let done = replay.cursor.floor() as usize;
        let label = tr(
            lang,
            "level-timeline",
            &[("done", done.into()), ("total", total.into())],
        );
        let label_width = 140.0;
        let speed_width = 150.0;
        ui.spacing_mut().slider_width =
            (ui.available_width() - label_width - speed_width - 40.0).max(120.0);
        let mut cursor = replay.cursor;
        let timeline = egui::Slider::new(&mut cursor, 0.0..=total.max(1) as f32).show_value(false);
        if ui.add_enabled(total > 0 && !running, timeline).changed() {
            send.replay.write(ReplayCommand::Seek(cursor));
        }
        ui.add_sized(
            [label_width, 20.0],
            egui::Label::new(RichText::new(label).color(palette.weak_text)).truncate(),
        );
        // Slow on the left, fast on the right, as a turtle and a rabbit.
        let tip = format!("{} {:.1}", t("level-tip-speed"), replay.speed);
        let animal_size = ui.style().text_styles[&egui::TextStyle::Body].size * 1.3;
        let animal = |glyph: &str| RichText::new(glyph).size(animal_size);
        ui.label(animal("🐢")).on_hover_text(&tip);
        ui.spacing_mut().slider_width = speed_width - 60.0;
        let mut speed = replay.speed;
        let slider = egui::Slider::new(&mut speed, SPEEDS)
            .logarithmic(true)
            .show_value(false);
        if ui.add(slider).on_hover_text(&tip).changed() {
            send.replay.write(ReplayCommand::SetSpeed(speed));
        }
        ui.label(animal("🐇")).on_hover_text(&tip);
    });
    ui.add_space(4.0);
}
