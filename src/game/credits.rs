//! The about / credits screen: what Codebot is, who made what it is built with, and the
//! licences (the pictures are drawn by the game's own code; the only third-party assets
//! are the fonts bundled with egui, listed in assets/CREDITS.md).

use bevy::prelude::*;
use bevy_egui::egui::{self, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::art::{ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::theme::{self, Theme};
use super::{Screen, Session, UiSet};
use crate::sim::{Heading, ItemKind};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        credits_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Credits)),
    );
}

/// Sections of the screen: a heading id and a text id.
const SECTIONS: [(&str, &str); 4] = [
    ("credits-about-title", "credits-about"),
    ("credits-built-with-title", "credits-built-with"),
    ("credits-art-title", "credits-art"),
    ("credits-licence-title", "credits-licence"),
];

fn credits_screen(
    mut contexts: EguiContexts,
    art: Option<Res<GameArt>>,
    session: Res<Session>,
    theme: Res<Theme>,
    mut fresh: ResMut<FreshScreen>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-credits");
    let p = theme.palette;
    let entered = fresh.take();
    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        ui.set_max_width(860.0);
                        ui.horizontal(|ui| {
                            if theme::back_button(ui, &session.t("common-back"), entered) {
                                navigate.write(Navigate::Back);
                            }
                            ui.heading(session.t("credits-title"));
                        });
                        if let Some(textures) = &textures {
                            ui.horizontal(|ui| {
                                let size = Vec2::splat(56.0);
                                for heading in Heading::ALL {
                                    ui.add(egui::Image::new((textures.robot(heading), size)));
                                }
                                for kind in ItemKind::ALL {
                                    ui.add(egui::Image::new((textures.item(kind), size)));
                                }
                                ui.add(egui::Image::new((textures.goal, size)));
                                for avatar in 0..4 {
                                    ui.add(egui::Image::new((textures.avatar(avatar), size)));
                                }
                            });
                        }
                        theme::card_frame(&p).show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                                let version = [("version", env!("CARGO_PKG_VERSION").into())];
                                for (i, (title, text)) in SECTIONS.iter().enumerate() {
                                    if i > 0 {
                                        ui.separator();
                                    }
                                    ui.label(
                                        egui::RichText::new(session.tr(title, &version))
                                            .strong()
                                            .size(theme::BODY_SIZE + 3.0),
                                    );
                                    ui.label(session.tr(text, &version));
                                }
                            });
                        });
                    });
                });
        });
    Ok(())
}
