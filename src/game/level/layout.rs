//! The level screen laid out in egui panels: a top bar (back to the map, the title, the
//! best stars), the brief on the left, the code editor over the console on the right,
//! and in the middle the run controls, the verdict and the world, which Bevy draws in
//! the space the panels leave free ([`WorldViewport`]). Over the world: the variant
//! shown, the "program running" card and the robot's speech bubble.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, Color32, FontId, RichText, TextStyle};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::LevelUi;
use super::animation;
use super::brief;
use super::code::Code;
use super::console::{self, shown_error};
use super::controls::{self, ControlWriters};
use super::editor::{self, LineMarks};
use super::hints::{Hints, RevealHint};
use super::open::{ActiveLevel, LevelLoad, next_level};
use super::replay::{Replay, ReplayCommand, drawn_cursor, recorded_trace, shown_trace};
use super::run::ProgramRun;
use super::saves::Progress;
use super::verdict::{self, StarIcons, VerdictChoice, VerdictContext};
use super::world_view::{MAX_CELL_PX, WorldViewport, cell_offset, cell_size};
use crate::game::art::egui_texture;
use crate::game::navigation::Navigate;
use crate::game::theme::{self, Theme};
use crate::game::{GameArt, Packs, Screen, Session};
use crate::i18n::{Lang, tr};

/// Size of the code and console text, in points.
const CODE_SIZE: f32 = 16.0;
const CONSOLE_SIZE: f32 = 15.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LevelView>()
        .add_systems(OnEnter(Screen::Level), reset_view)
        .add_systems(
            EguiPrimaryContextPass,
            draw_screen
                .in_set(LevelUi::Panels)
                .run_if(in_state(Screen::Level)),
        );
}

/// What the screen remembers between frames, beyond the level's state.
#[derive(Resource, Debug, Default)]
pub(super) struct LevelView {
    solution_open: bool,
    running_line: Option<u32>,
    /// The best stars when the last run started (the run's own stars are recorded at
    /// once, but shown only with its verdict).
    best_before_run: (u64, u8),
}

impl LevelView {
    /// Closes the reference solution's window; false when it was not open (Esc then
    /// means "back to the map").
    pub(super) fn close_solution(&mut self) -> bool {
        std::mem::take(&mut self.solution_open)
    }
}

fn reset_view(mut view: ResMut<LevelView>, mut viewport: ResMut<WorldViewport>) {
    *view = LevelView::default();
    viewport.0 = None;
}

/// What the screen shows, read-only.
#[derive(bevy::ecs::system::SystemParam)]
struct Shown<'w> {
    packs: Res<'w, Packs>,
    active: Option<Res<'w, ActiveLevel>>,
    load: Res<'w, LevelLoad>,
    run: Res<'w, ProgramRun>,
    replay: Res<'w, Replay>,
    hints: Res<'w, Hints>,
    progress: Progress<'w>,
    art: Option<Res<'w, GameArt>>,
    theme: Option<Res<'w, Theme>>,
}

impl Shown<'_> {
    fn palette(&self) -> theme::Palette {
        self.theme
            .as_ref()
            .map_or(theme::Palette::FRIENDLY, |t| t.palette)
    }

    /// Where the replay is drawn (whole actions with reduced motion).
    fn cursor(&self) -> f32 {
        drawn_cursor(
            &self.replay,
            self.theme.as_ref().is_some_and(|t| t.reduced_motion),
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn draw_screen(
    mut contexts: EguiContexts,
    shown: Shown,
    mut session: ResMut<Session>,
    mut code: ResMut<Code>,
    mut view: ResMut<LevelView>,
    mut viewport: ResMut<WorldViewport>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut send: ControlWriters,
    mut reveal: MessageWriter<RevealHint>,
    mut navigate: MessageWriter<Navigate>,
) -> Result {
    let stars = shown.art.as_ref().map(|art| StarIcons {
        full: egui_texture(&mut contexts, &art.star),
        empty: egui_texture(&mut contexts, &art.star_empty),
    });
    let ctx = contexts.ctx_mut()?.clone();
    let lang = session.lang;
    let area = ctx.content_rect();
    let mut root = theme::root_ui(&ctx, "level-screen");
    // The theme zooms everything on big windows: sizes here are for 1366x768.
    compact(root.style_mut());

    if top_bar(&mut root, lang, &shown, stars, &mut view) {
        navigate.write(Navigate::Back);
    }
    let Some(active) = shown.active.as_deref() else {
        egui::CentralPanel::default().show(&mut root, |ui| {
            let problem = shown.load.problem.clone().unwrap_or_default();
            ui.label(RichText::new(problem).size(18.0));
        });
        viewport.0 = None;
        return Ok(());
    };

    // Panels start at a share of the window; their ids carry the window's width so a
    // resized (or zoomed) window lays them out afresh, while a width the student drags
    // is kept as long as the window keeps its size.
    let width = area.width().round() as u32;
    egui::Panel::left(egui::Id::new(("level-brief", width)))
        .resizable(true)
        .default_size((area.width() * 0.23).clamp(200.0, 430.0))
        .size_range(180.0..=area.width() * 0.4)
        .show(&mut root, |ui| {
            brief::show(
                ui,
                lang,
                &shown.palette(),
                active,
                *shown.hints,
                &mut reveal,
            );
        });

    egui::Panel::right(egui::Id::new(("level-code", width)))
        .resizable(true)
        .default_size((area.width() * 0.36).clamp(300.0, 720.0))
        .size_range(260.0..=area.width() * 0.55)
        .show(&mut root, |ui| {
            code_panel(ui, lang, &shown, &mut code, &mut view);
        });

    let choice = egui::CentralPanel::no_frame()
        .show(&mut root, |ui| {
            egui::Panel::bottom("level-controls").show(ui, |ui| {
                let frames = recorded_trace(&shown.run, &shown.replay).map(|t| t.frames.len());
                controls::show(
                    ui,
                    lang,
                    &shown.palette(),
                    &shown.run,
                    &shown.replay,
                    frames,
                    &mut send,
                );
            });
            let mut choice = None;
            // No verdict during an exam: the teacher grades the code afterwards.
            if shown.replay.verdict_open && shown.run.outcome().is_some() && active.exam.is_none() {
                // At most a good half of the column: the world stays in sight even with
                // the biggest text (the verdict scrolls then).
                let most = ui.available_height() * 0.6;
                egui::Panel::bottom("level-verdict").show(ui, |ui| {
                    let context = VerdictContext {
                        lang,
                        palette: shown.palette(),
                        active,
                        next: next_level(&shown.packs, &active.key, shown.progress.profile()),
                        ever_passed: shown.progress.level(&active.key).is_some_and(|l| l.passed),
                        stars,
                    };
                    // A bar that shows, so a student sees there is more below.
                    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                    egui::ScrollArea::vertical()
                        .id_salt("level-verdict-scroll")
                        .max_height(most)
                        // Not the panel's height of the last frame: the content's, up to `most`.
                        .min_scrolled_height(most)
                        .show(ui, |ui| {
                            choice = verdict::show(ui, &context, &shown.run, &shown.replay);
                        });
                });
            }
            let world = ui.available_rect_before_wrap();
            let points_to_pixels = ctx.pixels_per_point() / window.scale_factor();
            viewport.0 = Some(Rect::from_corners(
                Vec2::new(world.min.x, world.min.y) * points_to_pixels,
                Vec2::new(world.max.x, world.max.y) * points_to_pixels,
            ));
            let place = WorldPlace {
                rect: world,
                points_to_pixels,
            };
            world_overlays(ui, lang, &shown, active, place, &mut send);
            choice
        })
        .inner;

    match choice {
        Some(VerdictChoice::Retry) => {
            send.replay.write(ReplayCommand::Retry);
            ctx.memory_mut(|m| m.request_focus(editor::editor_id()));
        }
        Some(VerdictChoice::NextLevel(next)) => session.level = Some(next),
        Some(VerdictChoice::ShowSolution) => view.solution_open = true,
        Some(VerdictChoice::Hide) => {
            send.replay.write(ReplayCommand::ShowVerdict(false));
        }
        Some(VerdictChoice::ShowVariant(variant)) => {
            send.replay.write(ReplayCommand::ShowVariant(variant));
        }
        None => {}
    }
    if view.solution_open {
        verdict::solution_window(&ctx, lang, &active.level, &mut view.solution_open);
    }
    Ok(())
}

/// The theme's style made denser: this screen shows much at once.
pub(crate) fn compact(style: &mut egui::Style) {
    use egui::FontFamily::{Monospace, Proportional};
    for (text_style, size, family) in [
        (TextStyle::Body, 16.0, Proportional),
        (TextStyle::Button, 16.0, Proportional),
        (TextStyle::Heading, 20.0, Proportional),
        (TextStyle::Monospace, 15.0, Monospace),
        (TextStyle::Small, 13.0, Proportional),
    ] {
        style
            .text_styles
            .insert(text_style, FontId::new(size, family));
    }
    style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    style.spacing.button_padding = egui::vec2(10.0, 5.0);
    style.spacing.interact_size.y = 28.0;
}

/// Back to the map, the level's title and the best stars. Returns whether Back was clicked.
fn top_bar(
    root: &mut egui::Ui,
    lang: Lang,
    shown: &Shown,
    stars: Option<StarIcons>,
    view: &mut LevelView,
) -> bool {
    let mut back = false;
    egui::Panel::top("level-top").show(root, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            back = ui.button(tr(lang, "level-back-to-map", &[])).clicked();
            ui.separator();
            if let Some(active) = shown.active.as_deref() {
                ui.label(RichText::new(active.title(lang)).size(22.0).strong());
                let best = shown
                    .progress
                    .level(&active.key)
                    .map_or(0, |l| l.best_stars);
                let run = &shown.run;
                if view.best_before_run.0 != run.generation && run.outcome().is_none() {
                    view.best_before_run = (run.generation, best);
                }
                let replay = &shown.replay;
                let revealed = replay.verdict_open || replay.verdict_hidden;
                let best = if run.outcome().is_some() && !revealed {
                    view.best_before_run.1
                } else {
                    best
                };
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if active.exam.is_some() {
                        // No stars in an exam: the countdown stands there (`exam`).
                        return;
                    }
                    for i in (0..crate::progress::MAX_STARS).rev() {
                        let full = i < best;
                        match stars {
                            Some(icons) => {
                                let texture = if full { icons.full } else { icons.empty };
                                let side = 22.0;
                                ui.add(egui::Image::new((texture, egui::vec2(side, side))));
                            }
                            None => {
                                ui.label(if full { "★" } else { "☆" });
                            }
                        }
                    }
                    ui.label(RichText::new(tr(lang, "level-best-stars", &[])).weak());
                });
            }
        });
        ui.add_space(2.0);
    });
    back
}

/// The editor over the console.
fn code_panel(ui: &mut egui::Ui, lang: Lang, shown: &Shown, code: &mut Code, view: &mut LevelView) {
    egui::Panel::bottom("level-console")
        .resizable(true)
        .default_size((ui.available_height() * 0.3).clamp(110.0, 260.0))
        .size_range(80.0..=ui.available_height() * 0.6)
        .show(ui, |ui| {
            let allowed = shown
                .active
                .as_ref()
                .map(|a| a.level.allowed_functions())
                .unwrap_or_default();
            console::show(ui, lang, &allowed, &shown.run, &shown.replay, CONSOLE_SIZE);
        });
    let outcome = shown.run.outcome();
    let same_code = outcome.is_some_and(|o| o.code == code.text);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr(lang, "level-editor", &[])).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let lines = crate::level::lines_of_code(&code.text);
            ui.label(RichText::new(tr(lang, "level-lines", &[("lines", lines.into())])).weak());
        });
    });
    if outcome.is_some() && !same_code && !shown.run.is_running() {
        let warning = shown.palette().warning;
        ui.label(
            RichText::new(tr(lang, "level-editor-changed", &[]))
                .small()
                .color(warning),
        );
    }
    let running = same_code
        .then(|| recorded_trace(&shown.run, &shown.replay))
        .flatten()
        .and_then(|t| animation::current_line(t, shown.replay.cursor));
    let error = same_code
        .then(|| shown_error(lang, &[], &shown.run, &shown.replay))
        .flatten()
        .and_then(|(_, line)| line);
    let reveal = (running != view.running_line).then_some(running).flatten();
    view.running_line = running;
    let marks = LineMarks {
        running,
        error,
        reveal: reveal.or(error.filter(|_| shown.replay.is_moving())),
    };
    if editor::show(ui, &mut code.text, marks, CODE_SIZE) {
        code.mark_edited();
    }
}

/// Where the world is drawn.
#[derive(Clone, Copy, Debug)]
struct WorldPlace {
    /// The free area, in egui points.
    rect: egui::Rect,
    points_to_pixels: f32,
}

/// The variant shown, the running card and the speech bubble, over the world.
fn world_overlays(
    ui: &mut egui::Ui,
    lang: Lang,
    shown: &Shown,
    active: &ActiveLevel,
    place: WorldPlace,
    send: &mut ControlWriters,
) {
    let world = place.rect;
    let painter = ui.painter_at(world);
    let variants = active.previews.len();
    if variants > 1 {
        let text = tr(
            lang,
            "level-variant-shown",
            &[
                ("number", (shown.replay.variant + 1).into()),
                ("total", variants.into()),
            ],
        );
        let galley = painter.layout_no_wrap(text, FontId::proportional(16.0), Color32::WHITE);
        let chip = egui::Rect::from_min_size(
            world.min + egui::vec2(10.0, 10.0),
            galley.size() + egui::vec2(16.0, 8.0),
        );
        painter.rect_filled(chip, 6.0, Color32::from_black_alpha(160));
        painter.galley(chip.min + egui::vec2(8.0, 4.0), galley, Color32::WHITE);
    }
    let hidden = shown.replay.verdict_hidden && !shown.replay.verdict_open && active.exam.is_none();
    if hidden && shown.run.outcome().is_some() && !shown.run.is_running() {
        let size = egui::vec2(170.0, 30.0);
        let place = egui::Rect::from_min_size(
            egui::pos2(world.max.x - size.x - 10.0, world.min.y + 10.0),
            size,
        );
        if ui
            .put(
                place,
                egui::Button::new(tr(lang, "level-verdict-show", &[])),
            )
            .clicked()
        {
            send.replay.write(ReplayCommand::ShowVerdict(true));
        }
    }
    if let Some(waited) = shown.run.running_for() {
        running_card(ui.ctx(), lang, world, waited.as_secs_f32(), send);
    }
    let Some(trace) = shown_trace(active, &shown.run, &shown.replay) else {
        return;
    };
    let cursor = shown.cursor();
    let Some(words) = animation::speech(trace, cursor) else {
        return;
    };
    let map = &trace.initial;
    let size = Vec2::new(world.width(), world.height());
    let cell = cell_size(
        size,
        map.width,
        map.height,
        MAX_CELL_PX / place.points_to_pixels,
    );
    let pose = animation::robot_pose(trace, cursor);
    let offset = cell_offset(map, pose.x, pose.y) * cell;
    let robot = world.center() + egui::vec2(offset.x, -offset.y);
    speech_bubble(ui.ctx(), world, robot - egui::vec2(0.0, cell * 0.42), words);
}

fn running_card(
    ctx: &egui::Context,
    lang: Lang,
    world: egui::Rect,
    seconds: f32,
    send: &mut ControlWriters,
) {
    egui::Area::new(egui::Id::new("level-running-card"))
        .order(egui::Order::Middle)
        .fixed_pos(world.center())
        .pivot(egui::Align2::CENTER_CENTER)
        .constrain_to(world)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(14.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        let seconds = format!("{seconds:.1}");
                        ui.label(
                            RichText::new(tr(
                                lang,
                                "level-running",
                                &[("seconds", seconds.into())],
                            ))
                            .size(17.0),
                        );
                        if ui
                            .button(tr(lang, "level-stop", &[]))
                            .on_hover_text(tr(lang, "level-tip-stop", &[]))
                            .clicked()
                        {
                            send.stop.write(super::run::StopProgram);
                        }
                    });
                });
        });
}

/// A white bubble with a tail pointing down at `tip`.
fn speech_bubble(ctx: &egui::Context, world: egui::Rect, tip: egui::Pos2, words: &str) {
    let tail = 10.0;
    let response = egui::Area::new(egui::Id::new("level-speech"))
        .order(egui::Order::Foreground)
        .fixed_pos(tip - egui::vec2(0.0, tail))
        .pivot(egui::Align2::CENTER_BOTTOM)
        .constrain_to(world)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::new()
                .fill(Color32::WHITE)
                .stroke(egui::Stroke::new(2.0, Color32::from_gray(40)))
                .corner_radius(12.0)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width(260.0);
                    ui.label(
                        RichText::new(words)
                            .size(17.0)
                            .color(Color32::from_gray(20)),
                    );
                });
        })
        .response;
    let bottom = response.rect.bottom() - 1.0;
    let x = tip
        .x
        .clamp(response.rect.left() + 14.0, response.rect.right() - 14.0);
    let painter = ctx.layer_painter(response.layer_id);
    painter.add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(x - 8.0, bottom),
            egui::pos2(x + 8.0, bottom),
            egui::pos2(x, bottom + tail),
        ],
        Color32::WHITE,
        egui::Stroke::NONE,
    ));
    painter.line_segment(
        [egui::pos2(x - 8.0, bottom), egui::pos2(x, bottom + tail)],
        egui::Stroke::new(2.0, Color32::from_gray(40)),
    );
    painter.line_segment(
        [egui::pos2(x + 8.0, bottom), egui::pos2(x, bottom + tail)],
        egui::Stroke::new(2.0, Color32::from_gray(40)),
    );
}
