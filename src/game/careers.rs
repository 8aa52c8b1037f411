//! The gallery of career cards (`Screen::Careers`): the cards the player's completed
//! chapters unlocked, in full (the job, the person doing it with their portrait, a day
//! at work, the skill from the chapter it uses, how to get there after 3e and lycée),
//! then the cards still to discover as silhouettes saying which chapter unlocks them.
//! Reached from the map and from a profile; Back or Esc returns there. Every card takes
//! the keyboard focus in turn (Tab, arrows) and the page scrolls to it; Page Up / Page
//! Down scroll too. What the screen shows is computed by [`gallery`].

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::achievements;
use super::art::{ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::player::CurrentProfile;
use super::theme::{self, Palette, Theme};
use super::{Screen, Session, UiSet};
use crate::curriculum::{self, Career, Curriculum, ProgressSummary};
use crate::level::Text;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        careers_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Careers)),
    );
}

/// The widest the cards get, so lines stay readable on a large screen.
const MAX_WIDTH: f32 = 1180.0;
/// Side of a portrait on an unlocked card.
const PORTRAIT: f32 = 150.0;
/// A card still locked.
const LOCKED_TILE: Vec2 = Vec2::new(212.0, 236.0);
const LOCKED_PORTRAIT: f32 = 112.0;

/// One card as the gallery shows it.
#[derive(Clone, Copy, Debug)]
pub struct CardView<'a> {
    /// The card's place in the curriculum (for its portrait).
    pub index: usize,
    pub career: &'a Career,
    pub unlocked: bool,
    /// The chapter whose completion unlocks the card: its number (from 1) and title.
    pub chapter_number: usize,
    pub chapter_title: &'a Text,
}

/// Every card of the curriculum in its order, unlocked by the chapters `progress`
/// completed or not; all locked without a profile. (A card's chapter always exists: the
/// curriculum is checked when it is loaded.)
pub fn gallery<'a>(
    curriculum: &'a Curriculum,
    progress: Option<&ProgressSummary>,
) -> Vec<CardView<'a>> {
    let unlocked = progress.map_or_else(Vec::new, |p| curriculum.unlocked_careers(p));
    curriculum
        .careers
        .iter()
        .enumerate()
        .filter_map(|(index, career)| {
            let (number, chapter) = curriculum
                .chapters
                .iter()
                .enumerate()
                .find(|(_, c)| c.id == career.unlocked_by_chapter)?;
            Some(CardView {
                index,
                career,
                unlocked: unlocked.iter().any(|c| c.id == career.id),
                chapter_number: number + 1,
                chapter_title: &chapter.title,
            })
        })
        .collect()
}

fn careers_screen(
    mut contexts: EguiContexts,
    art: Option<Res<GameArt>>,
    session: Res<Session>,
    theme: Res<Theme>,
    current: Res<CurrentProfile>,
    mut fresh: ResMut<FreshScreen>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-careers");
    let p = theme.palette;
    let entered = fresh.take();
    let progress = current.profile().map(achievements::summary);
    let cards = gallery(curriculum::builtin(), progress.as_ref());
    let (unlocked, locked): (Vec<CardView>, Vec<CardView>) =
        cards.iter().partition(|card| card.unlocked);

    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if theme::back_button(ui, &session.t("common-back"), entered) {
                    navigate.write(Navigate::Back);
                }
                ui.heading(session.t("careers-title"));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let count = session.tr(
                        "careers-count",
                        &[
                            ("unlocked", unlocked.len().into()),
                            ("total", cards.len().into()),
                        ],
                    );
                    ui.label(egui::RichText::new(count).strong().color(p.accent));
                });
            });
            ui.label(egui::RichText::new(session.t("careers-intro")).color(p.weak_text));
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    page_keys(ui);
                    ui.vertical_centered(|ui| {
                        ui.set_max_width(MAX_WIDTH);
                        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            let status = if current.profile().is_none() {
                                Some((session.t("careers-no-profile"), p.weak_text))
                            } else if unlocked.is_empty() {
                                Some((session.t("careers-none-yet"), p.weak_text))
                            } else if locked.is_empty() {
                                Some((session.t("careers-all-unlocked"), p.success))
                            } else {
                                None
                            };
                            if let Some((text, color)) = status {
                                ui.label(
                                    egui::RichText::new(text)
                                        .size(theme::BODY_SIZE + 2.0)
                                        .strong()
                                        .color(color),
                                );
                            }
                            for card in &unlocked {
                                full_card(ui, &p, &session, textures.as_ref(), card);
                                ui.add_space(6.0);
                            }
                            if !locked.is_empty() {
                                ui.add_space(6.0);
                                ui.label(
                                    egui::RichText::new(session.tr(
                                        "careers-locked-heading",
                                        &[("count", locked.len().into())],
                                    ))
                                    .size(theme::BODY_SIZE + 4.0)
                                    .strong(),
                                );
                                ui.horizontal_wrapped(|ui| {
                                    ui.spacing_mut().item_spacing = Vec2::new(14.0, 14.0);
                                    for card in &locked {
                                        locked_tile(ui, &p, &session, textures.as_ref(), card);
                                    }
                                });
                            }
                            ui.add_space(10.0);
                            ui.label(
                                egui::RichText::new(session.t("careers-keys-help"))
                                    .color(p.weak_text),
                            );
                        });
                    });
                });
        });
    Ok(())
}

/// Page Up / Page Down scroll the gallery by most of a screen.
fn page_keys(ui: &mut egui::Ui) {
    let page = ui.clip_rect().height() * 0.8;
    let (down, up) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::PageDown),
            i.key_pressed(egui::Key::PageUp),
        )
    });
    if down {
        ui.scroll_with_delta(Vec2::new(0.0, -page));
    }
    if up {
        ui.scroll_with_delta(Vec2::new(0.0, page));
    }
}

/// An unlocked card, in full.
fn full_card(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    card: &CardView,
) {
    let french = session.french();
    let career = card.career;
    let title = career.title.in_lang(french);
    let frame = theme::card_frame(p).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(PORTRAIT);
                ui.spacing_mut().item_spacing.y = 4.0;
                if let Some(portrait) = textures.and_then(|t| t.portrait(card.index, true)) {
                    ui.add(egui::Image::new((portrait, Vec2::splat(PORTRAIT))));
                }
                ui.vertical_centered(|ui| {
                    ui.label(
                        egui::RichText::new(&career.persona.name)
                            .size(theme::BODY_SIZE + 2.0)
                            .strong(),
                    );
                    ui.label(
                        egui::RichText::new(session.tr(
                            "careers-card-chapter",
                            &[("number", card.chapter_number.into())],
                        ))
                        .size(theme::SMALL_SIZE)
                        .color(p.weak_text),
                    );
                });
            });
            ui.add_space(10.0);
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 4.0;
                ui.label(
                    egui::RichText::new(title)
                        .size(theme::HEADING_SIZE - 4.0)
                        .strong()
                        .color(p.text),
                );
                let persona = session.tr(
                    curriculum::ids::CAREER_PERSONA,
                    &[
                        ("name", career.persona.name.clone().into()),
                        (
                            "role",
                            career.persona.role.in_lang(french).to_owned().into(),
                        ),
                    ],
                );
                ui.label(egui::RichText::new(persona).italics().color(p.weak_text));
                ui.add_space(6.0);
                let sections = [
                    (curriculum::ids::CAREER_WHAT, &career.what),
                    (curriculum::ids::CAREER_DAY, &career.day),
                    (curriculum::ids::CAREER_SKILL, &career.skill),
                    (curriculum::ids::CAREER_PATH, &career.path),
                ];
                let section = |ui: &mut egui::Ui, (heading, text): (&str, &Text)| {
                    ui.label(
                        egui::RichText::new(session.t(heading))
                            .strong()
                            .color(p.accent),
                    );
                    ui.label(text.in_lang(french));
                    ui.add_space(6.0);
                };
                if ui.available_width() > 640.0 {
                    ui.columns(2, |columns| {
                        for (i, part) in sections.into_iter().enumerate() {
                            // Columns are justified: ragged lines read better.
                            let layout = egui::Layout::top_down(egui::Align::Min);
                            columns[i / 2].with_layout(layout, |ui| section(ui, part));
                        }
                    });
                } else {
                    for part in sections {
                        section(ui, part);
                    }
                }
            });
        });
    });
    let id = ui.make_persistent_id(("career-card", &career.id));
    theme::focus_ring(ui, p, frame.response.rect, id, title);
}

/// A card still locked: the persona's silhouette and the chapter that unlocks it.
fn locked_tile(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    card: &CardView,
) {
    let chapter = session.tr(
        "careers-card-chapter",
        &[("number", card.chapter_number.into())],
    );
    let how = session.tr(
        curriculum::ids::CAREER_LOCKED,
        &[(
            "chapter",
            card.chapter_title
                .in_lang(session.french())
                .to_owned()
                .into(),
        )],
    );
    let (rect, _) = ui.allocate_exact_size(LOCKED_TILE, Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_filled(rect, 14.0, p.sunken);
        painter.rect_stroke(
            rect,
            14.0,
            Stroke::new(p.line, p.border),
            egui::StrokeKind::Inside,
        );
        let inner = rect.shrink(10.0);
        let portrait = Rect::from_center_size(
            Pos2::new(inner.center().x, inner.top() + LOCKED_PORTRAIT / 2.0),
            Vec2::splat(LOCKED_PORTRAIT),
        );
        let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        if let Some(textures) = textures {
            if let Some(silhouette) = textures.portrait(card.index, false) {
                painter.image(silhouette, portrait, uv, Color32::WHITE);
            }
            let lock = Rect::from_center_size(
                portrait.right_bottom() - Vec2::splat(14.0),
                Vec2::splat(34.0),
            );
            painter.image(textures.lock, lock, uv, Color32::WHITE);
        } else {
            painter.text(
                portrait.center(),
                Align2::CENTER_CENTER,
                "?",
                FontId::proportional(64.0),
                p.weak_text,
            );
        }
        let heading = theme::centered_text(
            painter,
            Pos2::new(inner.center().x, portrait.bottom() + 6.0),
            inner.width(),
            &chapter,
            theme::BODY_SIZE,
            p.text,
            1,
        );
        theme::centered_text(
            painter,
            Pos2::new(inner.center().x, heading.bottom() + 4.0),
            inner.width(),
            &how,
            theme::SMALL_SIZE,
            p.weak_text,
            5,
        );
    }
    let id = ui.make_persistent_id(("career-locked", &card.career.id));
    theme::focus_ring(ui, p, rect, id, &format!("{chapter} — {how}"));
}
