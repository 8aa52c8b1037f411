//! The chapter map: every chapter of every pack with its levels, locked or open, the stars
//! earned, and the next level to play highlighted (and focused, so Enter plays it).
//! Choosing a level sets `Session::level` and opens the level screen ([`PlayLevel`]).
//! The rules of what is open are in `unlock`. An exam pack is one card drawn by `exam`;
//! beside each other pack, "Export my progress" writes the file the teacher collects.
//! The top bar counts the player's career cards and badges; its buttons open the gallery
//! and the player's profile view.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::achievements::Trophies;
use super::art::{ArtTextures, GameArt};
use super::exam::{self, ExamRequest, Exams};
use super::exports::{ExportMyProgress, ImportMyProgress};
use super::library::PackInstall;
use super::navigation::{FreshScreen, Navigate};
use super::player::CurrentProfile;
use super::profiles;
use super::theme::{self, CardLook, Palette, Theme};
use super::unlock::{self, LevelState};
use super::{Packs, Screen, Session, UiSet};
use crate::progress::{MAX_STARS, Profile};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayLevel>()
        .add_systems(OnEnter(Screen::Map), need_a_profile)
        .add_systems(Update, play_level)
        .add_systems(
            EguiPrimaryContextPass,
            map_screen
                .in_set(UiSet::Screens)
                .run_if(in_state(Screen::Map)),
        );
}

/// Open this level (`pack-id/level-id`) on the level screen.
#[derive(Message, Clone, Debug, PartialEq, Eq)]
pub struct PlayLevel(pub String);

const TILE: Vec2 = Vec2::new(132.0, 124.0);

/// What the map shows and sends besides the levels: exams, "Export my progress", and
/// the pack just installed.
#[derive(bevy::ecs::system::SystemParam)]
struct PackExtras<'w, 's> {
    exams: Res<'w, Exams>,
    exam_requests: MessageWriter<'w, ExamRequest>,
    export: MessageWriter<'w, ExportMyProgress>,
    import: MessageWriter<'w, ImportMyProgress>,
    install: ResMut<'w, PackInstall>,
    focus: Local<'s, PackFocus>,
}

/// The pack the map scrolls to, and for how many more frames.
#[derive(Default)]
struct PackFocus {
    id: String,
    frames: u8,
}

fn play_level(
    mut requests: MessageReader<PlayLevel>,
    mut session: ResMut<Session>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(PlayLevel(key)) = requests.read().last() {
        session.level = Some(key.clone());
        next.set(Screen::Level);
    }
}

/// The map shows one player's progress: without a profile, choose one first.
fn need_a_profile(current: Res<CurrentProfile>, mut next: ResMut<NextState<Screen>>) {
    if current.profile().is_none() {
        next.set(Screen::Profiles);
    }
}

#[allow(clippy::too_many_arguments)]
fn map_screen(
    mut contexts: EguiContexts,
    art: Option<Res<GameArt>>,
    session: Res<Session>,
    theme: Res<Theme>,
    packs: Res<Packs>,
    current: Res<CurrentProfile>,
    mut fresh: ResMut<FreshScreen>,
    mut navigate: MessageWriter<Navigate>,
    mut play: MessageWriter<PlayLevel>,
    mut extras: PackExtras,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-map");
    let Some(profile) = current.profile() else {
        return Ok(());
    };
    let p = theme.palette;
    let entered = fresh.take();
    // A pack just installed is shown at the top of the window for a few frames: the
    // screen may be entered again meanwhile (its first frame scrolls to the next level).
    if let Some(id) = extras.install.focus.take() {
        *extras.focus = PackFocus { id, frames: 10 };
    }
    extras.focus.frames = extras.focus.frames.saturating_sub(1);
    let pack_focus = &extras.focus;

    egui::Panel::top("ui-map-top")
        .frame(
            egui::Frame::new()
                .fill(p.surface)
                .inner_margin(egui::Margin::symmetric(24, 10))
                .stroke(egui::Stroke::new(p.line, p.border)),
        )
        .show(&mut root, |ui| {
            top_bar(ui, &p, &session, textures.as_ref(), profile, &mut navigate);
        });

    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Room for the scroll bar on the right, for the badges at the top.
                    ui.set_max_width(ui.available_width() - 14.0);
                    ui.add_space(6.0);
                    if packs.0.is_empty() {
                        ui.label(session.t("map-no-levels"));
                    }
                    // The next level to play is focused in one pack: the one played
                    // last, else the first.
                    let played = session
                        .level
                        .as_deref()
                        .and_then(|key| key.split_once('/'))
                        .map(|(pack, _)| pack)
                        .filter(|id| packs.0.iter().any(|p| !p.is_exam() && p.id == *id));
                    let focused_pack = played
                        .or_else(|| packs.0.first().map(|p| p.id.as_str()))
                        .unwrap_or_default()
                        .to_owned();
                    for pack in &packs.0 {
                        let title = egui::RichText::new(pack.title.in_lang(session.french()))
                            .size(theme::HEADING_SIZE)
                            .strong();
                        let focus = pack_focus.frames > 0 && pack_focus.id == pack.id;
                        if pack.is_exam() {
                            let heading = ui.label(title);
                            if focus {
                                heading.scroll_to_me(Some(egui::Align::TOP));
                            }
                            exam::map_card(
                                ui,
                                &p,
                                &session,
                                pack,
                                &extras.exams,
                                &mut extras.exam_requests,
                            );
                            ui.add_space(12.0);
                            continue;
                        }
                        let states = unlock::level_states(pack, profile);
                        let next = unlock::next_level(&states);
                        let heading = ui.horizontal_wrapped(|ui| {
                            ui.label(title);
                            let button = ui
                                .button(session.t("map-export-progress"))
                                .on_hover_text(session.t("map-export-progress-help"));
                            if button.clicked() {
                                extras.export.write(ExportMyProgress {
                                    pack: pack.id.clone(),
                                });
                            }
                            let button = ui
                                .button(session.t("map-import-progress"))
                                .on_hover_text(session.t("map-import-progress-help"));
                            if button.clicked() {
                                extras.import.write(ImportMyProgress);
                            }
                        });
                        if focus {
                            heading.response.scroll_to_me(Some(egui::Align::TOP));
                        }
                        if next.is_none() && states.iter().flatten().all(|s| s.is_open()) {
                            ui.label(
                                egui::RichText::new(session.t("map-all-done"))
                                    .color(p.success)
                                    .strong(),
                            );
                        }
                        for (c, chapter) in pack.chapters.iter().enumerate() {
                            let row = &states[c];
                            let chapter_open = row.iter().any(|s| s.is_open());
                            let passed = row
                                .iter()
                                .filter(|s| matches!(s, LevelState::Passed { .. }))
                                .count();
                            let stars: u32 = row
                                .iter()
                                .map(|s| match s {
                                    LevelState::Passed { stars } => u32::from(*stars),
                                    _ => 0,
                                })
                                .sum();
                            ui.add_space(6.0);
                            theme::card_frame(&p).show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                ui.horizontal_wrapped(|ui| {
                                    let title = session.tr(
                                        "map-chapter",
                                        &[
                                            ("number", (c + 1).into()),
                                            (
                                                "title",
                                                chapter.title.in_lang(session.french()).into(),
                                            ),
                                        ],
                                    );
                                    let color = if chapter_open { p.text } else { p.weak_text };
                                    ui.label(
                                        egui::RichText::new(title)
                                            .size(theme::BODY_SIZE + 3.0)
                                            .strong()
                                            .color(color),
                                    );
                                    ui.label(
                                        egui::RichText::new(session.tr(
                                            "map-chapter-progress",
                                            &[
                                                ("passed", passed.into()),
                                                ("total", row.len().into()),
                                                ("stars", stars.into()),
                                                (
                                                    "max",
                                                    (row.len() * usize::from(MAX_STARS)).into(),
                                                ),
                                            ],
                                        ))
                                        .color(p.weak_text),
                                    );
                                });
                                if !chapter_open {
                                    ui.label(
                                        egui::RichText::new(session.t("map-chapter-locked"))
                                            .color(p.weak_text),
                                    );
                                }
                                ui.add_space(4.0);
                                ui.horizontal_wrapped(|ui| {
                                    ui.spacing_mut().item_spacing = Vec2::new(12.0, 12.0);
                                    for (l, level) in chapter.levels.iter().enumerate() {
                                        let is_next = next == Some((c, l));
                                        let title = level.title.in_lang(session.french());
                                        let response = level_tile(
                                            ui,
                                            &p,
                                            &session,
                                            textures.as_ref(),
                                            (c + 1, l + 1),
                                            title,
                                            row[l],
                                            is_next,
                                        );
                                        let scroll_to_next = pack_focus.frames == 0;
                                        if entered
                                            && is_next
                                            && pack.id == focused_pack
                                            && scroll_to_next
                                        {
                                            response.request_focus();
                                            response.scroll_to_me(Some(egui::Align::Center));
                                        }
                                        if response.clicked() && row[l].is_open() {
                                            play.write(PlayLevel(unlock::level_key(
                                                pack, &level.id,
                                            )));
                                        }
                                    }
                                });
                            });
                        }
                        ui.add_space(12.0);
                    }
                    ui.label(egui::RichText::new(session.t("common-keys-help")).color(p.weak_text));
                });
        });
    Ok(())
}

fn top_bar(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    profile: &Profile,
    navigate: &mut MessageWriter<Navigate>,
) {
    ui.horizontal(|ui| {
        if let Some(textures) = textures {
            ui.add(egui::Image::new((
                textures.avatar(profile.avatar),
                Vec2::splat(52.0),
            )));
        }
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.label(
                egui::RichText::new(&profile.name)
                    .size(theme::BODY_SIZE + 4.0)
                    .strong(),
            );
            ui.label(
                egui::RichText::new(session.tr(
                    "map-total",
                    &[
                        ("stars", profile.total_stars().into()),
                        ("levels", profile.levels_passed().into()),
                    ],
                ))
                .color(p.weak_text),
            );
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(session.t("map-settings")).clicked() {
                navigate.write(Navigate::To(Screen::Settings));
            }
            if ui.button(session.t("map-change-profile")).clicked() {
                navigate.write(Navigate::To(Screen::Profiles));
            }
            if ui.button(session.t("map-home")).clicked() {
                navigate.write(Navigate::To(Screen::Title));
            }
            trophy_buttons(ui, p, session, textures, profile, navigate);
        });
    });
}

/// The player's badges (opens their profile view) and career cards (opens the gallery).
fn trophy_buttons(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    profile: &Profile,
    navigate: &mut MessageWriter<Navigate>,
) {
    let trophies = Trophies::of_profile(profile);
    let careers = egui::Button::new(
        egui::RichText::new(session.tr("careers-open", &trophies.args())).strong(),
    )
    .fill(p.accent_soft);
    if ui
        .add(careers)
        .on_hover_text(session.t("careers-open-help"))
        .clicked()
    {
        navigate.write(Navigate::To(Screen::Careers));
    }
    let count = session.tr("badges-count", &trophies.args());
    let badges = match textures {
        Some(t) => {
            let medal = t.medal(trophies.badges.saturating_sub(1), trophies.badges > 0);
            egui::Button::image_and_text(egui::Image::new((medal, Vec2::splat(22.0))), count)
        }
        None => egui::Button::new(count),
    };
    let help = session.tr("badges-open-help", &[("name", profile.name.clone().into())]);
    if ui.add(badges).on_hover_text(help).clicked() {
        profiles::ask_to_view(ui.ctx(), &profile.id);
        navigate.write(Navigate::To(Screen::Profiles));
    }
}

#[allow(clippy::too_many_arguments)]
fn level_tile(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    (chapter, number): (usize, usize),
    title: &str,
    state: LevelState,
    is_next: bool,
) -> egui::Response {
    let status = match state {
        LevelState::Locked => session.t("map-level-locked"),
        LevelState::Open => session.t("map-level-open"),
        LevelState::Passed { stars } => session.tr("map-level-passed", &[("stars", stars.into())]),
    };
    let label = format!("{chapter}.{number} {title} — {status}");
    let look = CardLook {
        selected: false,
        highlighted: is_next,
        enabled: state.is_open(),
    };
    let text_color = if state.is_open() { p.text } else { p.weak_text };
    let response = theme::card(ui, p, TILE, look, &label, |painter, rect| {
        painter.text(
            rect.left_top() + Vec2::new(2.0, 0.0),
            Align2::LEFT_TOP,
            format!("{chapter}.{number}"),
            FontId::proportional(theme::BODY_SIZE + 4.0),
            text_color,
        );
        if is_next {
            // A badge across the top edge of the tile, on the right.
            let badge = session.t("map-next");
            let galley =
                painter.layout_no_wrap(badge, FontId::proportional(theme::SMALL_SIZE), p.on_accent);
            let size = galley.size() + Vec2::new(14.0, 4.0);
            let badge_rect = Rect::from_min_size(
                Pos2::new(rect.right() + 8.0 - size.x, rect.top() - 8.0 - size.y / 2.0),
                size,
            );
            painter.rect_filled(badge_rect, 8.0, p.accent);
            painter.galley(badge_rect.min + Vec2::new(7.0, 2.0), galley, p.on_accent);
        }
        theme::centered_text(
            painter,
            Pos2::new(rect.center().x, rect.top() + 30.0),
            rect.width(),
            title,
            theme::SMALL_SIZE,
            text_color,
            2,
        );
        let Some(textures) = textures else {
            return;
        };
        let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        match state {
            LevelState::Locked => {
                let lock = Rect::from_center_size(
                    Pos2::new(rect.center().x, rect.bottom() - 16.0),
                    Vec2::splat(30.0),
                );
                painter.image(textures.lock, lock, uv, Color32::WHITE);
            }
            LevelState::Open | LevelState::Passed { .. } => {
                let earned = match state {
                    LevelState::Passed { stars } => stars,
                    _ => 0,
                };
                let size = 26.0;
                let total = f32::from(MAX_STARS) * size;
                for i in 0..MAX_STARS {
                    let star = Rect::from_min_size(
                        Pos2::new(
                            rect.center().x - total / 2.0 + f32::from(i) * size,
                            rect.bottom() - size,
                        ),
                        Vec2::splat(size),
                    );
                    let texture = if i < earned {
                        textures.star
                    } else {
                        textures.star_empty
                    };
                    painter.image(texture, star, uv, Color32::WHITE);
                }
            }
        }
    });
    if state.is_open() {
        response
    } else {
        response.on_hover_text(session.t("map-level-locked-help"))
    }
}
