//! The title screen: the robot, the name of the game, Play / Settings / About / Quit,
//! a language switch in the corner, a discreet "Teacher" button in the other one and a
//! little world of tiles along the bottom.

use bevy::app::AppExit;
use bevy::prelude::*;
use bevy_egui::egui::{self, Pos2, Rect, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::art::{ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::player::CurrentProfile;
use super::settings::SettingsChange;
use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::i18n::Lang;

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

            // The teacher's tools, top left: discreet, no password (nothing there is secret).
            let teacher_corner = Rect::from_min_size(full.left_top(), Vec2::new(260.0, 44.0));
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(teacher_corner)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    let label = egui::RichText::new(session.t("title-teacher")).color(p.weak_text);
                    if ui
                        .add(egui::Button::new(label).frame(false))
                        .on_hover_text(session.t("title-teacher-help"))
                        .clicked()
                    {
                        navigate.write(Navigate::To(Screen::Teacher));
                    }
                },
            );

            let help = session.t("common-keys-help");
            theme::above_world_strip(ui, &p, textures.as_ref(), &help, |ui| {
                let content = ui.max_rect();
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
                            // A web page has nothing to quit to: the tab closes it.
                            if cfg!(not(target_arch = "wasm32"))
                                && theme::wide_button(ui, &session.t("title-quit")).clicked()
                            {
                                exit.write(AppExit::Success);
                            }
                        });
                        *content_height = ui.cursor().top() - top;
                    });
            });
        });
    Ok(())
}
