//! The profile picker: "Who is playing?". Several students share a PC: each has a local
//! profile with a name and an avatar, no password. A card per profile (click or Enter
//! to play), a card to create one, and an Edit button under each card to rename it,
//! change its avatar or delete it (with a confirmation; deleted files go to the trash
//! folder, not away). The work is done by `player` through `ProfileRequest` messages.
//!
//! Each card also counts the profile's badges, and its Badges button opens the profile
//! view: every badge of the curriculum, earned ones with their medal and description,
//! the others greyed out with how to earn them, and buttons to play or to open the
//! career cards as that profile. The map's badge button opens the view of the player
//! ([`ask_to_view`]), and so does `--profile NAME --screen profiles` (for scripts).

use bevy::prelude::*;
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Vec2};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::achievements::{self, ProfileTrophies, Trophies};
use super::art::{AVATAR_COUNT, ArtTextures, GameArt};
use super::navigation::{FreshScreen, Navigate};
use super::player::{CurrentProfile, ProfileFeedback, ProfileList, ProfileRequest, Saves};
use super::theme::{self, CardLook, Palette, Theme};
use super::{Screen, Session, StartOptions, UiSet};
use crate::curriculum;
use crate::i18n::FluentValue;
use crate::progress::{MAX_NAME_CHARS, Profile, ProfileHealth, ProfileSummary};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        profiles_screen
            .in_set(UiSet::Screens)
            .run_if(in_state(Screen::Profiles)),
    )
    .add_systems(OnExit(Screen::Profiles), clear_feedback);
}

const CARD: Vec2 = Vec2::new(180.0, 236.0);
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
    /// The profile whose view is open (badges, buttons to play or see the career cards).
    view: Option<String>,
    /// That profile when it is not the one being played.
    viewed: Option<Profile>,
}

/// The egui memory key of a request to open a profile's view when the picker opens.
fn view_request_id() -> egui::Id {
    egui::Id::new("codebot-profile-view-request")
}

/// Asks the picker to open the view of profile `id` the next time it is entered (the
/// map's badge button does this before going there).
pub(super) fn ask_to_view(ctx: &egui::Context, id: &str) {
    ctx.data_mut(|d| d.insert_temp(view_request_id(), id.to_owned()));
}

fn take_view_request(ctx: &egui::Context) -> Option<String> {
    ctx.data_mut(|d| d.remove_temp::<String>(view_request_id()))
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
    (current, saves, trophies, options): (
        Res<CurrentProfile>,
        Res<Saves>,
        Res<ProfileTrophies>,
        Option<Res<StartOptions>>,
    ),
    mut started: Local<bool>,
) -> Result {
    let textures = art.map(|art| ArtTextures::new(&mut contexts, &art));
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = theme::root_ui(&ctx, "ui-profiles");
    let p = theme.palette;
    let entered = fresh.take();
    if entered {
        *state = PickerState::default();
        let mut view = take_view_request(&ctx);
        // `--screen profiles` with `--profile NAME`: the view of that profile.
        let from_options = options
            .as_ref()
            .is_some_and(|o| o.0.screen.as_deref() == Some("profiles"));
        if !*started && from_options {
            view = view.or_else(|| current.profile().map(|c| c.id.clone()));
        }
        if let Some(id) = view {
            open_view(&mut state, &id, &current, &saves, feedback.done);
        }
    } else {
        // The start options count until the first frame the screen was not entered in
        // (it may be entered twice as the game starts).
        *started = true;
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
                        // Rows of cards, centred: a class may have thirty profiles.
                        let gap = 18.0;
                        let per_row =
                            (((ui.available_width() + gap) / (CARD.x + gap)) as usize).max(1);
                        let slots: Vec<usize> = (0..=list.profiles.len()).collect();
                        let columns = slots.len().min(per_row) as f32;
                        let indent =
                            (ui.available_width() - (columns * (CARD.x + gap) - gap)) / 2.0;
                        for row in slots.chunks(per_row) {
                            ui.horizontal(|ui| {
                                ui.spacing_mut().item_spacing = Vec2::new(gap, gap);
                                if indent > gap {
                                    ui.add_space(indent - gap);
                                }
                                for &i in row {
                                    let Some(profile) = list.profiles.get(i) else {
                                        ui.vertical(|ui| {
                                            let new = new_card(
                                                ui,
                                                &p,
                                                &session,
                                                list.profiles.is_empty(),
                                            );
                                            if entered && list.profiles.is_empty() {
                                                new.request_focus();
                                            }
                                            if new.clicked() {
                                                *state = PickerState {
                                                    dialog: Some(Dialog::Create),
                                                    name: String::new(),
                                                    avatar: (list.profiles.len() as u8)
                                                        % AVATAR_COUNT,
                                                    done_at_open: feedback.done,
                                                    focus_field: true,
                                                    submitted: false,
                                                    ..PickerState::default()
                                                };
                                            }
                                        });
                                        continue;
                                    };
                                    ui.vertical(|ui| {
                                        ui.spacing_mut().item_spacing.y = 6.0;
                                        let card = profile_card(
                                            ui,
                                            &p,
                                            &session,
                                            textures.as_ref(),
                                            profile,
                                            trophies.0.get(&profile.id),
                                        );
                                        if entered && i == 0 {
                                            card.request_focus();
                                        }
                                        if card.clicked() {
                                            requests.write(ProfileRequest::Open {
                                                id: profile.id.clone(),
                                            });
                                        }
                                        let (badges, edit) = ui
                                            .horizontal(|ui| {
                                                ui.spacing_mut().item_spacing.x = 6.0;
                                                ui.spacing_mut().button_padding =
                                                    Vec2::new(6.0, 4.0);
                                                let half = [(CARD.x - 6.0) / 2.0, 30.0];
                                                let small = |text: String| {
                                                    egui::Button::new(text).min_size(half.into())
                                                };
                                                let badges = ui.add_enabled(
                                                    trophies.0.contains_key(&profile.id),
                                                    small(session.t("badges-open")),
                                                );
                                                let edit =
                                                    ui.add(small(session.t("profiles-edit")));
                                                (badges, edit)
                                            })
                                            .inner;
                                        let badges = badges.on_hover_text(session.tr(
                                            "badges-open-help",
                                            &[("name", profile.name.clone().into())],
                                        ));
                                        if badges.clicked() {
                                            open_view(
                                                &mut state,
                                                &profile.id,
                                                &current,
                                                &saves,
                                                feedback.done,
                                            );
                                        }
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
                                                ..PickerState::default()
                                            };
                                        }
                                    });
                                }
                            });
                            ui.add_space(8.0);
                        }
                    });
            });
        });

    if let Some(id) = state.view.clone() {
        let profile = current
            .profile()
            .filter(|c| c.id == id)
            .or(state.viewed.as_ref());
        match profile {
            Some(profile) => {
                let profile = profile.clone();
                let close = profile_view(
                    &ctx,
                    &p,
                    &session,
                    textures.as_ref(),
                    &profile,
                    current.profile().is_some_and(|c| c.id == id),
                    &mut state.focus_field,
                    (&mut requests, &mut navigate),
                );
                if close {
                    state.view = None;
                }
            }
            None => state.view = None,
        }
    } else if state.dialog.is_some() {
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

/// Opens the profile view of `id` (read from the saves unless it is being played).
fn open_view(
    state: &mut PickerState,
    id: &str,
    current: &CurrentProfile,
    saves: &Saves,
    done: u32,
) {
    let playing = current.profile().is_some_and(|c| c.id == id);
    let viewed = if playing {
        None
    } else {
        match saves.store().load_profile(id) {
            Ok(loaded) => Some(loaded.value),
            Err(error) => {
                warn!("cannot show profile {id}: {error}");
                return;
            }
        }
    };
    *state = PickerState {
        view: Some(id.to_owned()),
        done_at_open: done,
        focus_field: true,
        viewed,
        ..PickerState::default()
    };
}

fn profile_card(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    profile: &ProfileSummary,
    trophies: Option<&Trophies>,
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
        if let (Some(trophies), None) = (trophies, &warning) {
            // The badges along the bottom: a medal and the count.
            let text = session.tr("badges-count", &trophies.args());
            let galley =
                painter.layout_no_wrap(text, FontId::proportional(theme::SMALL_SIZE), p.weak_text);
            let medal = 24.0;
            let width = medal + 4.0 + galley.size().x;
            let left = rect.center().x - width / 2.0;
            let middle = rect.bottom() - medal / 2.0;
            if let Some(textures) = textures {
                let index = trophies.badges.saturating_sub(1);
                painter.image(
                    textures.medal(index, trophies.badges > 0),
                    Rect::from_center_size(
                        Pos2::new(left + medal / 2.0, middle),
                        Vec2::splat(medal),
                    ),
                    Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
                    Color32::WHITE,
                );
            }
            let text_top = middle - galley.size().y / 2.0;
            painter.galley(Pos2::new(left + medal + 4.0, text_top), galley, p.weak_text);
        }
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

/// The profile view: who it is, every badge (earned or how to earn it), and buttons to
/// play as this profile or see its career cards. Returns whether it should close.
#[allow(clippy::too_many_arguments)]
fn profile_view(
    ctx: &egui::Context,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    profile: &Profile,
    playing: bool,
    focus_first: &mut bool,
    (requests, navigate): (
        &mut MessageWriter<ProfileRequest>,
        &mut MessageWriter<Navigate>,
    ),
) -> bool {
    let curriculum = curriculum::builtin();
    let progress = achievements::summary(profile);
    let trophies = Trophies::of(curriculum, &progress);
    let shelf = achievements::badge_shelf(curriculum, &progress);
    let screen = ctx.content_rect();
    let mut close = false;
    egui::Modal::new(egui::Id::new("codebot-profile-view"))
        .frame(theme::card_frame(p))
        .show(ctx, |ui| {
            let width = (screen.width() - 120.0).clamp(320.0, 900.0);
            ui.set_width(width);
            ui.horizontal(|ui| {
                if let Some(textures) = textures {
                    ui.add(egui::Image::new((
                        textures.avatar(profile.avatar),
                        Vec2::splat(72.0),
                    )));
                }
                ui.vertical(|ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    ui.heading(&profile.name);
                    let progress = session.tr(
                        "profiles-card-progress",
                        &[
                            ("stars", profile.total_stars().into()),
                            ("levels", profile.levels_passed().into()),
                        ],
                    );
                    ui.label(egui::RichText::new(format!("★ {progress}")).color(p.weak_text));
                });
            });
            ui.separator();
            // Room for the heading above and the buttons below.
            let max_height = (screen.height() - 330.0).max(160.0);
            egui::ScrollArea::vertical()
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let column = (ui.available_width() - 24.0) / 2.0;
                    for earned in [true, false] {
                        let badges: Vec<_> = shelf.iter().filter(|b| b.earned == earned).collect();
                        let heading = if earned {
                            format!(
                                "{} · {}",
                                session.t("badges-earned-heading"),
                                session.tr("badges-count", &trophies.args())
                            )
                        } else {
                            session.t("badges-locked-heading")
                        };
                        if !earned && badges.is_empty() {
                            continue;
                        }
                        ui.label(
                            egui::RichText::new(heading)
                                .size(theme::BODY_SIZE + 2.0)
                                .strong(),
                        );
                        if earned && badges.is_empty() {
                            ui.label(
                                egui::RichText::new(session.t("badges-none-yet"))
                                    .color(p.weak_text),
                            );
                        }
                        // Two badges a row, their tops aligned.
                        for pair in badges.chunks(2) {
                            ui.horizontal_top(|ui| {
                                ui.spacing_mut().item_spacing.x = 24.0;
                                for view in pair {
                                    badge_tile(ui, p, session, textures, view, column);
                                }
                            });
                        }
                        ui.add_space(8.0);
                    }
                });
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                let play = egui::Button::new(
                    egui::RichText::new(session.t("badges-play"))
                        .strong()
                        .color(p.on_accent),
                )
                .fill(p.accent)
                .min_size(Vec2::new(140.0, 40.0));
                let play = ui.add(play);
                if std::mem::take(focus_first) {
                    play.request_focus();
                }
                if play.clicked() {
                    requests.write(ProfileRequest::Open {
                        id: profile.id.clone(),
                    });
                    close = true;
                }
                let careers = ui
                    .add(
                        egui::Button::new(session.tr("careers-open", &trophies.args()))
                            .min_size(Vec2::new(0.0, 40.0)),
                    )
                    .on_hover_text(session.t("careers-open-help"));
                if careers.clicked() {
                    // The gallery shows the profile being played: play as this one.
                    if !playing {
                        requests.write(ProfileRequest::Open {
                            id: profile.id.clone(),
                        });
                    }
                    navigate.write(Navigate::To(Screen::Careers));
                    close = true;
                }
                if ui
                    .add(
                        egui::Button::new(session.t("badges-close")).min_size(Vec2::new(0.0, 40.0)),
                    )
                    .clicked()
                {
                    close = true;
                }
            });
        });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        close = true;
    }
    close
}

/// One badge of the profile view: its medal, name, and what it is for (earned) or how
/// to earn it (greyed out).
fn badge_tile(
    ui: &mut egui::Ui,
    p: &Palette,
    session: &Session,
    textures: Option<&ArtTextures>,
    view: &achievements::BadgeView,
    width: f32,
) {
    let french = session.french();
    let title = view.badge.title.in_lang(french);
    let (text, tooltip) = if view.earned {
        let description = view.badge.description.in_lang(french).to_owned();
        (description.clone(), description)
    } else {
        let how = achievements::how_to_earn(session, &view.badge.criterion);
        let text = session.tr("badges-how", &[("how", how.into())]);
        (text.clone(), text)
    };
    let (title_color, text_color) = if view.earned {
        (p.text, p.text)
    } else {
        (p.weak_text, p.weak_text)
    };
    let response = ui
        .horizontal_top(|ui| {
            ui.set_width(width);
            let medal = textures.map(|t| t.medal(view.index, view.earned));
            if let Some(medal) = medal {
                ui.add(egui::Image::new((medal, Vec2::splat(52.0))));
            }
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                ui.label(egui::RichText::new(title).strong().color(title_color));
                ui.label(
                    egui::RichText::new(text)
                        .size(theme::SMALL_SIZE)
                        .color(text_color),
                );
            });
        })
        .response;
    let id = ui.make_persistent_id(("badge", &view.badge.id));
    theme::focus_ring(ui, p, response.rect, id, &format!("{title} — {tooltip}"))
        .on_hover_text(tooltip);
}
