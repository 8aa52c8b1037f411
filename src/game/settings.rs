//! The player's settings: language, text size, high contrast, animation speed and reduced
//! motion. [`ActiveSettings`] is what the game applies now; it comes from the profile
//! being played and every change is written back to it (and so saved). Without a
//! profile, changes last until one is chosen. Also the settings screen.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::navigation::{FreshScreen, Navigate};
use super::player::CurrentProfile;
use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::i18n::Lang;
use crate::progress::Settings;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActiveSettings>()
        .add_message::<SettingsChange>()
        .add_systems(PreUpdate, apply_changes)
        .add_systems(
            EguiPrimaryContextPass,
            settings_screen
                .in_set(UiSet::Screens)
                .run_if(in_state(Screen::Settings)),
        );
}

/// The settings in force. The level screen reads `animation_speed` and `reduced_motion`.
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct ActiveSettings(pub Settings);

/// A change asked for by the player (settings screen, language buttons of the title).
#[derive(Message, Clone, Copy, Debug, PartialEq)]
pub enum SettingsChange {
    Lang(Lang),
    TextScale(f32),
    HighContrast(bool),
    AnimationSpeed(f32),
    ReducedMotion(bool),
}

/// The text sizes offered, with their message ids.
pub const TEXT_SCALES: [(f32, &str); 4] = [
    (1.0, "settings-text-normal"),
    (1.2, "settings-text-large"),
    (1.4, "settings-text-larger"),
    (1.65, "settings-text-largest"),
];

/// The replay speeds offered, with their message ids.
pub const ANIMATION_SPEEDS: [(f32, &str); 4] = [
    (0.5, "settings-speed-slow"),
    (1.0, "settings-speed-normal"),
    (2.0, "settings-speed-fast"),
    (4.0, "settings-speed-fastest"),
];

impl SettingsChange {
    fn apply(self, settings: &mut Settings) {
        match self {
            SettingsChange::Lang(lang) => settings.lang = Some(lang),
            SettingsChange::TextScale(scale) => settings.text_scale = scale,
            SettingsChange::HighContrast(on) => settings.high_contrast = on,
            SettingsChange::AnimationSpeed(speed) => settings.animation_speed = speed,
            SettingsChange::ReducedMotion(on) => settings.reduced_motion = on,
        }
    }
}

fn apply_changes(
    mut changes: MessageReader<SettingsChange>,
    mut active: ResMut<ActiveSettings>,
    mut session: ResMut<Session>,
    mut current: ResMut<CurrentProfile>,
) {
    for change in changes.read() {
        change.apply(&mut active.0);
        if let SettingsChange::Lang(lang) = change {
            session.lang = *lang;
        }
        if let Some(profile) = current.profile_mut() {
            change.apply(&mut profile.settings);
        }
    }
}

/// The option closest to `value` (settings written by hand or by an older version).
fn nearest(options: &[(f32, &'static str)], value: f32) -> usize {
    let distance = |(option, _): &(f32, &str)| (option - value).abs();
    options
        .iter()
        .enumerate()
        .min_by(|a, b| distance(a.1).total_cmp(&distance(b.1)))
        .map(|(i, _)| i)
        .unwrap_or(0)
}

#[allow(clippy::too_many_arguments)] // a Bevy system: each parameter is a resource it reads
fn settings_screen(
    mut contexts: EguiContexts,
    session: Res<Session>,
    active: Res<ActiveSettings>,
    current: Res<CurrentProfile>,
    theme: Res<Theme>,
    mut changes: MessageWriter<SettingsChange>,
    mut navigate: MessageWriter<Navigate>,
    mut fresh: ResMut<FreshScreen>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-settings");
    let p = theme.palette;
    let s = &active.0;
    let entered = fresh.take();
    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // A centred column, its content aligned on the left.
                    let width = ui.available_width().min(980.0);
                    let margin = (ui.available_width() - width) / 2.0;
                    ui.horizontal(|ui| {
                        ui.add_space(margin);
                        ui.vertical(|ui| {
                            ui.set_width(width);
                            ui.horizontal(|ui| {
                                if theme::back_button(ui, &session.t("common-back"), entered) {
                                    navigate.write(Navigate::Back);
                                }
                                ui.heading(session.t("settings-title"));
                            });
                            ui.add_space(6.0);
                            theme::card_frame(&p).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                settings_rows(ui, &session, &p, s, &mut changes);
                            });
                            ui.add_space(6.0);
                            let note = match current.profile() {
                                Some(profile) => session.tr(
                                    "settings-saved-in-profile",
                                    &[("name", profile.name.clone().into())],
                                ),
                                None => session.t("settings-no-profile"),
                            };
                            ui.label(egui::RichText::new(note).color(p.weak_text));
                            ui.label(
                                egui::RichText::new(session.t("common-keys-help"))
                                    .color(p.weak_text),
                            );
                        });
                    });
                });
        });
    Ok(())
}

/// One row per setting: its name and what it does on the left, the choices on the right
/// (below each other when the window is narrow or the text large).
fn settings_rows(
    ui: &mut egui::Ui,
    session: &Session,
    p: &theme::Palette,
    s: &Settings,
    changes: &mut MessageWriter<SettingsChange>,
) {
    let wide = ui.available_width() > 760.0;
    let label_width = if wide {
        ui.available_width() * 0.42
    } else {
        ui.available_width()
    };
    let row = |ui: &mut egui::Ui,
               name: &str,
               help: Option<&str>,
               choices: &mut dyn FnMut(&mut egui::Ui)| {
        let describe = |ui: &mut egui::Ui| {
            ui.set_width(label_width);
            ui.label(
                egui::RichText::new(session.t(name))
                    .strong()
                    .size(theme::BODY_SIZE + 2.0),
            );
            if let Some(help) = help {
                ui.label(egui::RichText::new(session.t(help)).color(p.weak_text));
            }
        };
        if wide {
            ui.horizontal(|ui| {
                ui.vertical(describe);
                ui.horizontal_wrapped(|ui| choices(ui));
            });
        } else {
            ui.vertical(describe);
            ui.horizontal_wrapped(|ui| choices(ui));
        }
    };

    row(ui, "settings-language", None, &mut |ui| {
        for lang in Lang::ALL {
            if theme::choice(ui, p, session.lang == lang, lang.native_name()).clicked() {
                changes.write(SettingsChange::Lang(lang));
            }
        }
    });
    ui.separator();
    let chosen = nearest(&TEXT_SCALES, s.text_scale);
    row(
        ui,
        "settings-text-size",
        Some("settings-text-size-help"),
        &mut |ui| {
            for (i, (scale, id)) in TEXT_SCALES.iter().enumerate() {
                if theme::choice(ui, p, i == chosen, &session.t(id)).clicked() {
                    changes.write(SettingsChange::TextScale(*scale));
                }
            }
        },
    );
    ui.separator();
    row(
        ui,
        "settings-contrast",
        Some("settings-contrast-help"),
        &mut |ui| {
            on_off(ui, session, p, s.high_contrast, |on| {
                changes.write(SettingsChange::HighContrast(on));
            });
        },
    );
    ui.separator();
    let chosen = nearest(&ANIMATION_SPEEDS, s.animation_speed);
    row(
        ui,
        "settings-speed",
        Some("settings-speed-help"),
        &mut |ui| {
            for (i, (speed, id)) in ANIMATION_SPEEDS.iter().enumerate() {
                if theme::choice(ui, p, i == chosen, &session.t(id)).clicked() {
                    changes.write(SettingsChange::AnimationSpeed(*speed));
                }
            }
        },
    );
    ui.separator();
    row(
        ui,
        "settings-motion",
        Some("settings-motion-help"),
        &mut |ui| {
            on_off(ui, session, p, s.reduced_motion, |on| {
                changes.write(SettingsChange::ReducedMotion(on));
            });
        },
    );
}

fn on_off(
    ui: &mut egui::Ui,
    session: &Session,
    palette: &theme::Palette,
    value: bool,
    mut set: impl FnMut(bool),
) {
    ui.horizontal(|ui| {
        if theme::choice(ui, palette, !value, &session.t("settings-off")).clicked() {
            set(false);
        }
        if theme::choice(ui, palette, value, &session.t("settings-on")).clicked() {
            set(true);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusual_values_pick_the_nearest_option() {
        assert_eq!(nearest(&TEXT_SCALES, 1.0), 0);
        assert_eq!(nearest(&TEXT_SCALES, 1.3), 1);
        assert_eq!(nearest(&TEXT_SCALES, 9.0), 3);
        assert_eq!(nearest(&ANIMATION_SPEEDS, 0.1), 0);
        assert_eq!(nearest(&ANIMATION_SPEEDS, 3.5), 3);
    }
}
