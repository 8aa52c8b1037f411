//! Hints revealed one at a time ("Indice 2 sur 4"), counted in the student's saves.

use bevy::prelude::*;
use bevy_egui::egui;

use super::LevelSet;
use super::open::{ActiveLevel, LevelOpened};
use super::saves::{Progress, SaveWork};
use crate::i18n::{Lang, tr};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Hints>()
        .add_message::<RevealHint>()
        .add_systems(
            Update,
            (restore_hints, reveal_hint)
                .chain()
                .in_set(LevelSet::Prepare),
        );
}

/// How many hints of the open level the student has read.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    pub revealed: usize,
}

/// Shows the next hint.
#[derive(Message, Clone, Copy, Debug, Default)]
pub struct RevealHint;

fn restore_hints(
    mut opened: MessageReader<LevelOpened>,
    progress: Progress,
    active: Option<Res<ActiveLevel>>,
    mut hints: ResMut<Hints>,
) {
    let Some(LevelOpened { key }) = opened.read().last() else {
        return;
    };
    let total = active.map_or(0, |a| a.level.hints.len());
    let used = progress.level(key).map_or(0, |l| l.hints_used as usize);
    hints.revealed = used.min(total);
}

fn reveal_hint(
    mut requests: MessageReader<RevealHint>,
    active: Option<Res<ActiveLevel>>,
    mut hints: ResMut<Hints>,
    mut save: MessageWriter<SaveWork>,
) {
    // No hints during an exam.
    let Some(active) = active.filter(|a| a.exam.is_none()) else {
        requests.clear();
        return;
    };
    for _ in requests.read() {
        if hints.revealed < active.level.hints.len() {
            hints.revealed += 1;
            save.write(SaveWork::Hint {
                key: active.key.clone(),
            });
        }
    }
}

/// The hints section of the brief panel.
pub(super) fn show(
    ui: &mut egui::Ui,
    lang: Lang,
    active: &ActiveLevel,
    hints: Hints,
    reveal: &mut MessageWriter<RevealHint>,
) {
    let all = &active.level.hints;
    if all.is_empty() {
        return;
    }
    let total = all.len();
    // A hint just revealed is scrolled into view: the button sits at the bottom of the
    // brief, and the hint would otherwise appear below the panel's edge. Hints restored
    // when the level opens are not scrolled to.
    let seen_id = egui::Id::new("level-hints-seen");
    let seen: Option<(String, usize)> = ui.data(|d| d.get_temp(seen_id));
    let just_revealed = match &seen {
        Some((key, count)) if *key == active.key => hints.revealed > *count,
        _ => false,
    };
    let up_to_date = seen
        .as_ref()
        .is_some_and(|(key, count)| *key == active.key && *count == hints.revealed);
    if !up_to_date {
        ui.data_mut(|d| d.insert_temp(seen_id, (active.key.clone(), hints.revealed)));
    }
    for (i, hint) in all.iter().take(hints.revealed).enumerate() {
        let title = tr(
            lang,
            "level-hint-title",
            &[("number", (i + 1).into()), ("total", total.into())],
        );
        let shown = egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(title).strong());
                ui.label(hint.in_lang(lang == Lang::Fr));
            });
        if just_revealed && i + 1 == hints.revealed {
            shown.response.scroll_to_me(Some(egui::Align::Max));
        }
    }
    if hints.revealed < total {
        let label = tr(
            lang,
            "level-hint-reveal",
            &[
                ("number", (hints.revealed + 1).into()),
                ("total", total.into()),
            ],
        );
        if ui.button(label).clicked() {
            reveal.write(RevealHint);
        }
    }
}
