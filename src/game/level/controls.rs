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

/// The least width of the Run button.
const RUN_WIDTH: f32 = 130.0;

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
    let playing = replay.is_moving();
    ui.add_space(4.0);
    // On a narrow column (a big text size) the replay buttons show only their symbols
    // (their words are in the tooltips), so the row stays one row.
    let compact = ui.available_width() < buttons_width(ui, lang, playing);
    ui.horizontal_wrapped(|ui| {
        if compact {
            ui.spacing_mut().button_padding.x = 5.0;
            ui.spacing_mut().item_spacing.x = 5.0;
        }
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
            .min_size(egui::vec2(if compact { 90.0 } else { RUN_WIDTH }, height))
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
        if !compact {
            ui.separator();
        }
        let recorded = frames.is_some() && !running;
        let mut button = |ui: &mut egui::Ui, enabled: bool, which: ReplayButton| {
            let (label, tip) = which.label_and_tip(lang, compact);
            let side = if compact { 30.0 } else { height };
            let button = egui::Button::new(label).min_size(egui::vec2(side, height));
            if ui.add_enabled(enabled, button).on_hover_text(tip).clicked() {
                send.replay.write(which.command());
            }
        };
        let play = if playing {
            ReplayButton::Pause
        } else {
            ReplayButton::Play
        };
        button(ui, recorded, ReplayButton::Rewind);
        button(ui, recorded, ReplayButton::StepBack);
        button(ui, recorded, play);
        button(ui, !running, ReplayButton::Step);
        button(ui, recorded, ReplayButton::End);
    });
    let total = frames.unwrap_or(0);
    let label_width = 140.0;
    let speed_width = 150.0;
    // The timeline takes what is left; when too little is left, the speed goes below.
    let one_row = ui.available_width() >= label_width + speed_width + 40.0 + 160.0;
    ui.horizontal(|ui| {
        let done = replay.cursor.floor() as usize;
        let label = tr(
            lang,
            "level-timeline",
            &[("done", done.into()), ("total", total.into())],
        );
        let speed_room = if one_row { speed_width } else { 0.0 };
        ui.spacing_mut().slider_width =
            (ui.available_width() - label_width - speed_room - 40.0).max(80.0);
        let mut cursor = replay.cursor;
        let timeline = egui::Slider::new(&mut cursor, 0.0..=total.max(1) as f32).show_value(false);
        if ui.add_enabled(total > 0 && !running, timeline).changed() {
            send.replay.write(ReplayCommand::Seek(cursor));
        }
        ui.add_sized(
            [label_width, 20.0],
            egui::Label::new(RichText::new(label).color(palette.weak_text)).truncate(),
        );
        if one_row {
            speed(ui, lang, replay, speed_width, send);
        }
    });
    if !one_row {
        ui.horizontal(|ui| speed(ui, lang, replay, speed_width, send));
    }
    ui.add_space(4.0);
}

/// The buttons driving the replay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReplayButton {
    Rewind,
    StepBack,
    Play,
    Pause,
    Step,
    End,
}

impl ReplayButton {
    fn symbol(self) -> &'static str {
        match self {
            ReplayButton::Rewind => "⏮",
            ReplayButton::StepBack => "|◀",
            ReplayButton::Play => "▶",
            ReplayButton::Pause => "⏸",
            ReplayButton::Step => "▶|",
            ReplayButton::End => "⏭",
        }
    }

    /// The words on the button (with their symbol); the ends only have a symbol.
    fn words_id(self) -> Option<&'static str> {
        match self {
            ReplayButton::Rewind | ReplayButton::End => None,
            ReplayButton::StepBack => Some("level-step-back"),
            ReplayButton::Play => Some("level-play"),
            ReplayButton::Pause => Some("level-pause"),
            ReplayButton::Step => Some("level-step"),
        }
    }

    fn tip_id(self) -> &'static str {
        match self {
            ReplayButton::Rewind => "level-tip-reset",
            ReplayButton::StepBack => "level-tip-step-back",
            ReplayButton::Play | ReplayButton::Pause => "level-tip-play",
            ReplayButton::Step => "level-tip-step",
            ReplayButton::End => "level-tip-end",
        }
    }

    fn command(self) -> ReplayCommand {
        match self {
            ReplayButton::Rewind => ReplayCommand::Rewind,
            ReplayButton::StepBack => ReplayCommand::StepBack,
            ReplayButton::Play | ReplayButton::Pause => ReplayCommand::TogglePlay,
            ReplayButton::Step => ReplayCommand::StepForward,
            ReplayButton::End => ReplayCommand::ToEnd,
        }
    }

    /// The label, and the tooltip (which gets the words when the label has none).
    fn label_and_tip(self, lang: Lang, compact: bool) -> (String, String) {
        let tip = tr(lang, self.tip_id(), &[]);
        match self.words_id().map(|id| tr(lang, id, &[])) {
            Some(words) if compact => (self.symbol().to_owned(), format!("{words} — {tip}")),
            Some(words) => (words, tip),
            None => (self.symbol().to_owned(), tip),
        }
    }
}

/// The width the run button and the replay buttons need with their words.
fn buttons_width(ui: &egui::Ui, lang: Lang, playing: bool) -> f32 {
    let style = ui.style();
    let font = style.text_styles[&egui::TextStyle::Button].clone();
    let padding = style.spacing.button_padding.x * 2.0;
    let gap = style.spacing.item_spacing.x;
    let play = if playing {
        ReplayButton::Pause
    } else {
        ReplayButton::Play
    };
    let words: f32 = [ReplayButton::StepBack, play, ReplayButton::Step]
        .iter()
        .filter_map(|b| b.words_id())
        .map(|id| {
            let text = tr(lang, id, &[]);
            ui.fonts_mut(|f| {
                f.layout_no_wrap(text, font.clone(), Color32::WHITE)
                    .size()
                    .x
            }) + padding
        })
        .sum();
    // Run, a separator, the two ends (square buttons) and the spaces between them all.
    RUN_WIDTH + 16.0 + 2.0 * 36.0 + words + 7.0 * gap
}

/// Slow on the left, fast on the right, as a turtle and a rabbit.
fn speed(ui: &mut egui::Ui, lang: Lang, replay: &Replay, width: f32, send: &mut ControlWriters) {
    let tip = format!("{} {:.1}", tr(lang, "level-tip-speed", &[]), replay.speed);
    let animal_size = ui.style().text_styles[&egui::TextStyle::Body].size * 1.3;
    let animal = |glyph: &str| RichText::new(glyph).size(animal_size);
    ui.label(animal("🐢")).on_hover_text(&tip);
    ui.spacing_mut().slider_width = width - 60.0;
    let mut speed = replay.speed;
    let slider = egui::Slider::new(&mut speed, SPEEDS)
        .logarithmic(true)
        .show_value(false);
    if ui.add(slider).on_hover_text(&tip).changed() {
        send.replay.write(ReplayCommand::SetSpeed(speed));
    }
    ui.label(animal("🐇")).on_hover_text(&tip);
}
