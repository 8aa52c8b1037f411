//! The profile picker: "Who is playing?". Several students share a PC: each has a local
//! profile with a name and an avatar, no password. A card per profile (click or Enter
//! to play), a card to create one, and an Edit button under each card to rename it,
//! change its avatar or delete it (with a confirmation; deleted files go to the trash
//! folder, not away). The work is done by `player` through `ProfileRequest` messages.

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::art::{AVATAR_COUNT, ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::player::{ProfileFeedback, ProfileList, ProfileRequest};
use super::theme::{self, CardLook, Palette, Theme};
use super::{Screen, Session, UiSet};
use crate::i18n::FluentValue;
use crate::progress::{MAX_NAME_CHARS, ProfileHealth, ProfileSummary};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        profiles_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Profiles)),
    )
    .add_systems(OnExit(Screen::Profiles), clear_feedback);
}

const CARD: Vec2 = Vec2::new(180.0, 210.0);
const AVATAR: f32 = 104.0;

/// The dialog open over the picker.
#[derive(Debug, Clone, PartialEq)]
enum Dialog {
    Create,
    Edit { id: String, confirm_delete: bool },
}

/// What the picker remembers between frames.
#[derive(Default)]
struct PickerState {
    dialog: Option<Dialog>,
    name: String,
    avatar: u8,
    /// `ProfileFeedback::done` when the dialog opened: a change means it succeeded.
    done_at_open: u32,
    focus_field: bool,
    /// Whether the form was sent at least once (before that, no error is shown).
    submitted: bool,
}

fn clear_feedback(mut feedback: ResMut<ProfileFeedback>) {
    feedback.problem = None;
}

#[allow(clippy::too_many_arguments)]
fn profiles_screen(
    mut contexts: EguiContexts,
    art: Option<Res<GameArt>>,
    session: Res<Session>,
    theme: Res<Theme>,
    list: Res<ProfileList>,
    feedback: Res<ProfileFeedback>,
    mut fresh: ResMut<FreshScreen>,
    mut requests: MessageWriter<ProfileRequest>,
    mut navigate: MessageWriter<Navigate>,
    mut state: Local<PickerState>,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-profiles");
    let p = theme.palette;
    let entered = fresh.take();
    if entered {
        *state = PickerState::default();
    }
    if state.dialog.is_some() && feedback.done != state.done_at_open {
        state.dialog = None;
    }

    egui::CentralPanel::default()
        .frame(theme::screen_frame(&p))
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if ui.button(session.t("common-back")).clicked() {
                    navigate.write(Navigate::Back);
                }
                ui.heading(session.t("profiles-title"));
            });
            ui.label(egui::RichText::new(session.t("profiles-subtitle")).color(p.weak_text));
            if !feedback.in_form
                && let Some(problem) = &feedback.problem
            {
                problem_banner(ui, &p, &session, problem);
            }
            ui.add_space(8.0);
            let help = session.t("common-keys-help");
            theme::above_world_strip(ui, &p, textures.as_ref(), &help, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            let gap = 18.0;
                            ui.spacing_mut().item_spacing = Vec2::new(gap, gap);
                            // Centred when the cards fit on one line.
                            let cards = list.profiles.len() as f32 + 1.0;
                            let width = cards * (CARD.x + gap) - gap;
                            let free = ui.available_width() - width;
                            if free > 0.0 {
                                ui.add_space(free / 2.0 - gap);
                            }
                            for (i, profile) in list.profiles.iter().enumerate() {
                                ui.vertical(|ui| {
                                    ui.spacing_mut().item_spacing.y = 6.0;
                                    let card =
                                        profile_card(ui, &p, &session, textures.as_ref(), profile);
                                    if entered && i == 0 {
                                        card.request_focus();
                                    }
                                    if card.clicked() {
                                        requests.write(ProfileRequest::Open {
                                            id: profile.id.clone(),
                                        });
                                    }
                                    let edit = ui.add_sized(
                                        [CARD.x, 30.0],
                                        egui::Button::new(session.t("profiles-edit")),
                                    );
                                    if edit.clicked() {
                                        *state = PickerState {
                                            dialog: Some(Dialog::Edit {
                                                id: profile.id.clone(),
                                                confirm_delete: false,
                                            }),
                                            name: profile.name.clone(),
                                            avatar: profile.avatar,
                                            done_at_open: feedback.done,
                                            focus_field: true,
                                            submitted: false,
                                        };
                                    }
                                });
                            }
                            ui.vertical(|ui| {
                                let new = new_card(ui, &p, &session, list.profiles.is_empty());
                                if entered && list.profiles.is_empty() {
                                    new.request_focus();
                                }
                                if new.clicked() {
                                    *state = PickerState {
                                        dialog: Some(Dialog::Create),
                                        name: String::new(),
                                        avatar: (list.profiles.len() as u8) % AVATAR_COUNT,
                                        done_at_open: feedback.done,
                                        focus_field: true,
                                        submitted: false,
                                    };
                                }
                            });
                        });
                    });
            });
        });

    if state.dialog.is_some() {
        profile_dialog(
            &ctx,
            &p,
            &session,
            textures.as_ref(),
            &feedback,
            &mut state,
            &mut requests,
        );
    }
    Ok(())
}

fn problem_banner(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    problem: &super::player::ProfileProblem,
) {
    let (id, args) = problem.message();
    let args: Vec<(&str, FluentValue)> = args
        .into_iter()
        .map(|(name, value)| (name, value.into()))
        .collect();
    egui::Frame::new()
        .fill(p.surface)
        .stroke(egui::Stroke::new(2.0, p.danger))
        .corner_radius(10)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.label(egui::RichText::new(session.tr(id, &args)).color(p.danger));
        });
}

fn profile_card(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    profile: &ProfileSummary,
) -> egui::Response {
    let readable = matches!(
        profile.health,
        ProfileHealth::Ok | ProfileHealth::Recovered { .. }
    );
    let stars = session.tr(
        "profiles-card-progress",
        &[
            ("stars", profile.total_stars.into()),
            ("levels", profile.levels_passed.into()),
        ],
    );
    let warning = match &profile.health {
        ProfileHealth::Ok => None,
        ProfileHealth::Recovered { .. } => Some(session.t("profiles-card-recovered")),
        ProfileHealth::NewerVersion { .. } => Some(session.t("profiles-card-newer")),
        ProfileHealth::Unreadable { .. } => Some(session.t("profiles-card-unreadable")),
    };
    let label = format!("{} — {stars}", profile.name);
    let look = CardLook {
        selected: false,
        highlighted: false,
        enabled: true,
    };
    let response = theme::card(ui, p, CARD, look, &label, |painter, rect| {
        let avatar_rect = Rect::from_center_size(
            Pos2::new(rect.center().x, rect.top() + AVATAR / 2.0),
            Vec2::splat(AVATAR),
        );
        if let Some(textures) = textures {
            let tint = if readable {
                Color32::WHITE
            } else {
                Color32::from_white_alpha(90)
            };
            painter.image(
                textures.avatar(profile.avatar),
                avatar_rect,
                Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                tint,
            );
        }
        let name_rect = theme::centered_text(
            painter,
            Pos2::new(rect.center().x, avatar_rect.bottom() + 6.0),
            rect.width(),
            &profile.name,
            theme::BODY_SIZE + 2.0,
            p.text,
            1,
        );
        let (line, color) = match &warning {
            Some(text) => (format!("⚠ {text}"), p.warning),
            None => (format!("★ {stars}"), p.weak_text),
        };
        theme::centered_text(
            painter,
            Pos2::new(rect.center().x, name_rect.bottom() + 4.0),
            rect.width(),
            &line,
            theme::SMALL_SIZE,
            color,
            3,
        );
    });
    match warning {
        Some(text) => response.on_hover_text(text),
        None => response,
    }
}

fn new_card(ui: &mut egui::Ui, p: &Palette, session: &Session, first: bool) -> egui::Response {
    let label = session.t("profiles-new");
    let look = CardLook {
        selected: false,
        highlighted: first,
        enabled: true,
    };
    theme::card(ui, p, CARD, look, &label, |painter, rect| {
        let circle = Pos2::new(rect.center().x, rect.top() + AVATAR / 2.0);
        painter.circle_filled(circle, AVATAR / 2.0 - 4.0, p.accent_soft);
        painter.circle_stroke(
            circle,
            AVATAR / 2.0 - 4.0,
            egui::Stroke::new(p.line + 1.0, p.accent),
        );
        painter.text(
            circle,
            Align2::CENTER_CENTER,
            "+",
            FontId::proportional(64.0),
            p.accent,
        );
        theme::centered_text(
            painter,
            Pos2::new(rect.center().x, rect.top() + AVATAR + 8.0),
            rect.width(),
            &label,
            theme::BODY_SIZE + 2.0,
            p.text,
            2,
        );
    })
}

#[allow(clippy::too_many_arguments)]
fn profile_dialog(
    ctx: &egui::Context,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    feedback: &ProfileFeedback,
    state: &mut PickerState,
    requests: &mut MessageWriter<ProfileRequest>,
) {
    let Some(dialog) = state.dialog.clone() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::new("codebot-profile-dialog"))
        .frame(theme::card_frame(p))
        .show(ctx, |ui| {
            ui.set_max_width(660.0);
            let title = match &dialog {
                Dialog::Create => session.t("profiles-create-title"),
                Dialog::Edit { .. } => session.t("profiles-edit-title"),
            };
            ui.heading(title);
            ui.add_space(4.0);

            if let Dialog::Edit {
                id,
                confirm_delete: true,
            } = &dialog
            {
                ui.label(session.tr(
                    "profiles-delete-confirm",
                    &[("name", state.name.clone().into())],
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let cancel = ui.button(session.t("common-cancel"));
                    if state.focus_field {
                        cancel.request_focus();
                        state.focus_field = false;
                    }
                    if cancel.clicked() {
                        state.dialog = Some(Dialog::Edit {
                            id: id.clone(),
                            confirm_delete: false,
                        });
                    }
                    let delete = egui::Button::new(
                        egui::RichText::new(session.t("profiles-delete-yes")).color(Color32::WHITE),
                    )
                    .fill(p.danger);
                    if ui.add(delete).clicked() {
                        requests.write(ProfileRequest::Delete { id: id.clone() });
                    }
                });
                return;
            }

            ui.label(session.t("profiles-name"));
            let field = ui.add(
                egui::TextEdit::singleline(&mut state.name)
                    .char_limit(MAX_NAME_CHARS)
                    .desired_width(360.0)
                    .font(FontId::proportional(theme::BODY_SIZE + 4.0))
                    .hint_text(session.t("profiles-name-hint")),
            );
            if state.focus_field {
                field.request_focus();
                state.focus_field = false;
            }
            let enter_pressed = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let form_problem = feedback.problem.as_ref().filter(|_| feedback.in_form);
            if let Some(problem) =
                form_problem.filter(|_| state.done_at_open == feedback.done && state.submitted)
            {
                let (id, args) = problem.message();
                let args: Vec<(&str, FluentValue)> = args
                    .into_iter()
                    .map(|(name, value)| (name, value.into()))
                    .collect();
                ui.label(egui::RichText::new(session.tr(id, &args)).color(p.danger));
            }
            ui.add_space(6.0);
            ui.label(session.t("profiles-avatar"));
            ui.horizontal_wrapped(|ui| {
                for avatar in 0..AVATAR_COUNT {
                    let selected = state.avatar == avatar;
                    let label =
                        session.tr("profiles-avatar-number", &[("number", (avatar + 1).into())]);
                    let look = CardLook {
                        selected,
                        highlighted: false,
                        enabled: true,
                    };
                    let response =
                        theme::card(ui, p, Vec2::splat(64.0), look, &label, |painter, rect| {
                            if let Some(textures) = textures {
                                painter.image(
                                    textures.avatar(avatar),
                                    rect.expand(4.0),
                                    Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                                    Color32::WHITE,
                                );
                            }
                        });
                    if response.clicked() {
                        state.avatar = avatar;
                    }
                }
            });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(session.t("common-cancel")).clicked() {
                    close = true;
                }
                let confirm = match &dialog {
                    Dialog::Create => session.t("profiles-create"),
                    Dialog::Edit { .. } => session.t("profiles-save"),
                };
                let confirm =
                    egui::Button::new(egui::RichText::new(confirm).strong().color(p.on_accent))
                        .fill(p.accent);
                if ui.add(confirm).clicked() || enter_pressed {
                    state.submitted = true;
                    match &dialog {
                        Dialog::Create => {
                            requests.write(ProfileRequest::Create {
                                name: state.name.clone(),
                                avatar: state.avatar,
                            });
                        }
                        Dialog::Edit { id, .. } => {
                            requests.write(ProfileRequest::Edit {
                                id: id.clone(),
                                name: state.name.clone(),
                                avatar: state.avatar,
                            });
                        }
                    }
                }
                if let Dialog::Edit { id, .. } = &dialog {
                    ui.add_space(24.0);
                    let delete = egui::Button::new(
                        egui::RichText::new(session.t("profiles-delete")).color(p.danger),
                    );
                    if ui.add(delete).clicked() {
                        state.dialog = Some(Dialog::Edit {
                            id: id.clone(),
                            confirm_delete: true,
                        });
                        state.focus_field = true;
                    }
                }
            });
        });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        close = true;
    }
    if close {
        state.dialog = None;
    }
}
