//! The brief panel: the level's mission, its goals said plainly, how many variants the
//! program is tested on, the robot functions allowed with one line each, and the hints.

use bevy::prelude::*;
use bevy_egui::egui::{self, RichText};

use super::goals::{goal_lines, goals_for_brief};
use super::highlight::palette;
use super::hints::{self, Hints, RevealHint};
use super::open::ActiveLevel;
use crate::game::theme::Palette;
use crate::i18n::{Lang, function_description, tr};

/// Draws the brief of the open level.
pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    palette: &Palette,
    active: &ActiveLevel,
    hints: Hints,
    reveal: &mut MessageWriter<RevealHint>,
) {
    let level = &active.level;
    let french = lang == Lang::Fr;
    egui::ScrollArea::vertical()
        .id_salt("level-brief-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            section(ui, &tr(lang, "level-mission", &[]));
            let brief = level.brief.in_lang(french);
            ui.label(brief);

            section(ui, &tr(lang, "level-goal", &[]));
            for line in goal_lines(lang, &goals_for_brief(&level.goals, brief), &level.legend) {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(line.depth as f32 * 18.0);
                    ui.label(RichText::new("•").strong());
                    ui.label(&line.text);
                });
                if let Some(code) = &line.code {
                    ui.indent(("goal-code", &line.text), |ui| {
                        code_block(ui, code);
                    });
                }
            }
            let variants = active.previews.len();
            if variants > 1 {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(tr(
                        lang,
                        "level-variants-note",
                        &[("count", variants.into())],
                    ))
                    .italics()
                    .weak(),
                );
            }

            section(ui, &tr(lang, "level-functions", &[]));
            let descriptions = level
                .allowed_functions()
                .into_iter()
                .map(|f| function_description(lang, f))
                .chain([tr(lang, "level-function-print", &[])]);
            for description in descriptions {
                function_line(ui, palette, &description);
            }

            // No hints during an exam.
            if !level.hints.is_empty() && active.exam.is_none() {
                section(ui, &tr(lang, "level-hints", &[]));
                hints::show(ui, lang, active, hints, reveal);
            }
            ui.add_space(8.0);
        });
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(title).heading().strong());
    ui.add_space(2.0);
}

/// "avancer() : le robot avance..." with the call in code colours.
fn function_line(ui: &mut egui::Ui, palette: &Palette, description: &str) {
    let split = description.find(')').map_or(0, |i| i + 1);
    let (call, rest) = description.split_at(split);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.label(
            RichText::new(call)
                .monospace()
                .strong()
                .color(palette.focus),
        );
        ui.label(rest);
    });
}

/// Text shown as code (an expected output).
pub(super) fn code_block(ui: &mut egui::Ui, code: &str) {
    egui::Frame::new()
        .fill(palette::BACKGROUND)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.label(RichText::new(code).monospace().color(palette::TEXT));
        });
}
