//! The title screen: the robot, the name of the game, Play / Settings / About / Quit,
//! a language switch in the corner and a little world of tiles along the bottom.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, Pos2, Rect, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::art::{ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::player::CurrentProfile;
use super::settings::SettingsChange;
use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::i18n::Lang;
use crate::sim::{Heading, ItemKind};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        title_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Title)),
    );
}

#[allow(clippy::too_many_arguments)]
fn title_screen(
    mut contexts: EguiContexts,
    art: Option<Res<GameArt>>,
    session: Res<Session>,
    current: Res<CurrentProfile>,
    theme: Res<Theme>,
    mut fresh: ResMut<FreshScreen>,
    mut navigate: MessageWriter<Navigate>,
    mut changes: MessageWriter<SettingsChange>,
    mut exit: MessageWriter<AppExit>,
    mut content_height: Local<f32>,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-title");
    let p = theme.palette;
    let focus_play = fresh.take();
    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            let full = ui.max_rect();
            // The strip of world at the bottom, when there is room for it.
            let strip = 64.0;
            let show_strip = full.height() > 560.0;
            if let (true, Some(textures)) = (show_strip, &textures) {
                paint_world_strip(ui.painter(), full, strip, textures);
            }

            // The language switch, top right.
            let corner = Rect::from_min_size(
                Pos2::new(full.right() - 260.0, full.top()),
                Vec2::new(260.0, 44.0),
            );
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(corner)
                    .layout(egui::Layout::right_to_left(egui::Align::Center)),
                |ui| {
                    for lang in Lang::ALL.iter().rev() {
                        let label = lang.code().to_uppercase();
                        let response = theme::choice(ui, &p, session.lang == *lang, &label)
                            .on_hover_text(lang.native_name());
                        if response.clicked() {
                            changes.write(SettingsChange::Lang(*lang));
                        }
                    }
                },
            );

            let bottom = if show_strip { strip + 36.0 } else { 28.0 };
            let content = Rect::from_min_max(
                full.min + Vec2::new(0.0, 8.0),
                full.max - Vec2::new(0.0, bottom),
            );
            ui.scope_builder(egui::UiBuilder::new().max_rect(content), |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        // Centred vertically, with the height measured last frame.
                        let free = ui.available_height() - *content_height;
                        if free > 0.0 {
                            ui.add_space(free / 2.0);
                        }
                        let top = ui.cursor().top();
                        ui.vertical_centered(|ui| {
                            let logo = (content.height() * 0.3).clamp(72.0, 200.0);
                            if let Some(textures) = &textures {
                                ui.add(egui::Image::new((textures.logo, Vec2::splat(logo))));
                            }
                            ui.label(
                                egui::RichText::new("Codebot")
                                    .size(theme::TITLE_SIZE)
                                    .strong()
                                    .color(p.text),
                            );
                            ui.label(
                                egui::RichText::new(session.t("title-tagline"))
                                    .size(theme::BODY_SIZE + 4.0)
                                    .color(p.weak_text),
                            );
                            ui.add_space(14.0);
                            let (play_text, target) = match current.profile() {
                                Some(profile) => (
                                    session.tr(
                                        "title-continue",
                                        &[("name", profile.name.clone().into())],
                                    ),
                                    Screen::Map,
                                ),
                                None => (session.t("title-play"), Screen::Profiles),
                            };
                            let play = theme::big_button(ui, &p, &play_text);
                            if focus_play {
                                play.request_focus();
                            }

                            if play.clicked() {
                                navigate.write(Navigate::To(target));
                            }
                            if current.profile().is_some()
                                && theme::wide_button(ui, &session.t("title-change-profile"))
                                    .clicked()
                            {
                                navigate.write(Navigate::To(Screen::Profiles));
                            }
                            if theme::wide_button(ui, &session.t("title-settings")).clicked() {
                                navigate.write(Navigate::To(Screen::Settings));
                            }
                            if theme::wide_button(ui, &session.t("title-credits")).clicked() {
                                navigate.write(Navigate::To(Screen::Credits));
                            }
                            if theme::wide_button(ui, &session.t("title-quit")).clicked() {
                                exit.write(AppExit::Success);
                            }
                        });
                        *content_height = ui.cursor().top() - top;
                    });
            });
            ui.painter().text(
                Pos2::new(full.center().x, full.bottom() - 4.0),
                Align2::CENTER_BOTTOM,
                session.t("common-keys-help"),
                egui::FontId::proportional(theme::SMALL_SIZE),
                p.weak_text,
            );
        });
    Ok(())
}

/// A row of floor along the bottom with the robot on its way to the flag, picking up
/// things: the game in one glance.
fn paint_world_strip(painter: &egui::Painter, full: Rect, tile: f32, art: &ArtTextures) {
    let y = full.bottom() - tile - 28.0;
    let count = (full.width() / tile).ceil() as usize + 1;
    let left = full.center().x - count as f32 * tile / 2.0;
    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    let middle = count / 2;
    for i in 0..count {
        let rect = Rect::from_min_size(Pos2::new(left + i as f32 * tile, y), Vec2::splat(tile));
        let offset = i as isize - middle as isize;
        let ground = match offset {
            -6 | 7 => art.wall,
            -1 => art.paint[1],
            2 => art.paint[2],
            _ => art.floor,
        };
        painter.image(ground, rect, uv, Color32::WHITE);
        let thing = match offset {
            -4 => Some(art.item(ItemKind::Coin)),
            -2 => Some(art.robot(Heading::East)),
            1 => Some(art.item(ItemKind::Gem)),
            3 => Some(art.item(ItemKind::Key)),
            4 => Some(art.item(ItemKind::Battery)),
            5 => Some(art.goal),
            _ => None,
        };
        if let Some(texture) = thing {
            painter.image(texture, rect, uv, Color32::WHITE);
        }
    }
}
