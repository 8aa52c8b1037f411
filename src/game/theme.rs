//! The look of every screen: colours, text sizes, spacing and the few widgets the menus
//! share (big buttons, cards, star rows). The egui style follows the player's settings
//! (text size, high contrast, reduced motion) and changes as soon as they do.
//!
//! The level screen gets the same style for free; it can read [`Theme`] for colours.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{
    self, Color32, CornerRadius, FontFamily, FontId, Margin, Sense, Shadow, Stroke, TextStyle, Vec2,
};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

use super::art::ArtTextures;
use super::settings::ActiveSettings;
use crate::sim::{Heading, ItemKind};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Theme>()
        .add_systems(Update, (follow_settings, clear_with_panel_colour).chain())
        .add_systems(
            EguiPrimaryContextPass,
            apply_style.in_set(super::UiSet::Theme),
        );
}

/// The colours of the current theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub dark: bool,
    /// Behind everything.
    pub background: Color32,
    /// Cards, windows, side panels.
    pub surface: Color32,
    /// Text fields, code, sunken areas.
    pub sunken: Color32,
    pub text: Color32,
    pub weak_text: Color32,
    pub border: Color32,
    /// The robot's orange: main buttons, highlights.
    pub accent: Color32,
    /// Text on `accent`.
    pub on_accent: Color32,
    pub accent_soft: Color32,
    /// Keyboard focus and selection.
    pub focus: Color32,
    pub success: Color32,
    pub warning: Color32,
    pub danger: Color32,
    /// Width of borders (thicker in high contrast).
    pub line: f32,
}

impl Palette {
    pub const FRIENDLY: Palette = Palette {
        dark: false,
        background: Color32::from_rgb(0xfd, 0xf4, 0xe3),
        surface: Color32::from_rgb(0xff, 0xff, 0xff),
        sunken: Color32::from_rgb(0xf6, 0xf1, 0xe8),
        text: Color32::from_rgb(0x2b, 0x2d, 0x42),
        weak_text: Color32::from_rgb(0x5c, 0x5f, 0x77),
        border: Color32::from_rgb(0xe2, 0xd6, 0xc0),
        accent: Color32::from_rgb(0xcf, 0x5f, 0x08),
        on_accent: Color32::from_rgb(0xff, 0xff, 0xff),
        accent_soft: Color32::from_rgb(0xff, 0xe3, 0xc2),
        focus: Color32::from_rgb(0x25, 0x6e, 0xf0),
        success: Color32::from_rgb(0x1f, 0x8f, 0x4e),
        warning: Color32::from_rgb(0xb8, 0x6e, 0x00),
        danger: Color32::from_rgb(0xc6, 0x2f, 0x3a),
        line: 1.5,
    };

    /// White on black, yellow accents: readable for low vision and on bad projectors.
    pub const HIGH_CONTRAST: Palette = Palette {
        dark: true,
        background: Color32::from_rgb(0, 0, 0),
        surface: Color32::from_rgb(0, 0, 0),
        sunken: Color32::from_rgb(0x12, 0x12, 0x12),
        text: Color32::from_rgb(0xff, 0xff, 0xff),
        weak_text: Color32::from_rgb(0xff, 0xff, 0xff),
        border: Color32::from_rgb(0xff, 0xff, 0xff),
        accent: Color32::from_rgb(0xff, 0xd4, 0x00),
        on_accent: Color32::from_rgb(0, 0, 0),
        accent_soft: Color32::from_rgb(0x33, 0x2b, 0x00),
        focus: Color32::from_rgb(0x00, 0xe5, 0xff),
        success: Color32::from_rgb(0x5c, 0xff, 0x8a),
        warning: Color32::from_rgb(0xff, 0xd4, 0x00),
        danger: Color32::from_rgb(0xff, 0x7a, 0x7a),
        line: 2.5,
    };

    pub fn new(high_contrast: bool) -> Palette {
        if high_contrast {
            Palette::HIGH_CONTRAST
        } else {
            Palette::FRIENDLY
        }
    }
}

/// The theme in use, derived from the settings.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Theme {
    pub palette: Palette,
    /// 1.0 is the normal text size; everything in egui is zoomed by it.
    pub text_scale: f32,
    pub reduced_motion: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            palette: Palette::FRIENDLY,
            text_scale: 1.0,
            reduced_motion: false,
        }
    }
}

/// Text sizes (in points, before the text-size setting zooms them).
pub const TITLE_SIZE: f32 = 60.0;
pub const HEADING_SIZE: f32 = 30.0;
pub const BODY_SIZE: f32 = 18.0;
pub const SMALL_SIZE: f32 = 15.0;

fn follow_settings(settings: Res<ActiveSettings>, mut theme: ResMut<Theme>) {
    if !settings.is_changed() {
        return;
    }
    let wanted = Theme {
        palette: Palette::new(settings.0.high_contrast),
        text_scale: settings.0.text_scale.clamp(0.75, 2.0),
        reduced_motion: settings.0.reduced_motion,
    };
    theme.set_if_neq(wanted);
}

/// The window is cleared with the panels' colour, and egui's panels are transparent (see
/// [`style`]): the same picture, with the panels' pixels drawn once instead of twice.
fn clear_with_panel_colour(theme: Res<Theme>, clear: Option<ResMut<ClearColor>>) {
    let (Some(mut clear), true) = (clear, theme.is_changed()) else {
        return;
    };
    let [r, g, b, _] = theme.palette.background.to_srgba_unmultiplied();
    clear.0 = Color::srgb_u8(r, g, b);
}

/// The window size the layouts are drawn for, in logical pixels.
pub const DESIGN_SIZE: Vec2 = Vec2::new(1366.0, 768.0);
/// How much bigger than [`DESIGN_SIZE`] everything gets on a larger window.
const MAX_WINDOW_ZOOM: f32 = 1.25;

/// The zoom for a window: 1 up to the design size, growing with the window up to
/// [`MAX_WINDOW_ZOOM`] (a 1920x1080 projector gets bigger text, not emptier screens),
/// times the player's text size.
pub fn zoom_for(window: Vec2, text_scale: f32) -> f32 {
    let grow = (window.x / DESIGN_SIZE.x).min(window.y / DESIGN_SIZE.y);
    grow.clamp(1.0, MAX_WINDOW_ZOOM) * text_scale
}

fn apply_style(
    mut contexts: EguiContexts,
    theme: Res<Theme>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    mut applied: Local<Option<(Theme, f32)>>,
) -> Result {
    let size = window.map_or(DESIGN_SIZE, |w| Vec2::new(w.width(), w.height()));
    let zoom = zoom_for(size, theme.text_scale);
    if let Some((applied_theme, applied_zoom)) = applied.as_ref()
        && applied_theme == &*theme
        && (applied_zoom - zoom).abs() < 0.01
    {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    if applied.as_ref().is_none_or(|(t, _)| t != &*theme) {
        ctx.set_global_style(style(&theme));
    }
    ctx.set_zoom_factor(zoom);
    *applied = Some((theme.clone(), zoom));
    Ok(())
}

/// The egui style of a theme.
pub fn style(theme: &Theme) -> egui::Style {
    let p = theme.palette;
    let mut style = egui::Style {
        text_styles: [
            (TextStyle::Heading, FontId::proportional(HEADING_SIZE)),
            (TextStyle::Body, FontId::proportional(BODY_SIZE)),
            (TextStyle::Button, FontId::proportional(BODY_SIZE)),
            (TextStyle::Small, FontId::proportional(SMALL_SIZE)),
            (TextStyle::Monospace, FontId::monospace(BODY_SIZE)),
        ]
        .into(),
        ..Default::default()
    };
    style.spacing.item_spacing = Vec2::new(10.0, 10.0);
    style.spacing.button_padding = Vec2::new(14.0, 8.0);
    style.spacing.interact_size = Vec2::new(40.0, 34.0);
    style.spacing.icon_width = 22.0;
    style.spacing.icon_width_inner = 12.0;
    style.spacing.slider_width = 220.0;
    style.spacing.window_margin = Margin::same(18);
    if theme.reduced_motion {
        style.animation_time = 0.0;
        style.scroll_animation = egui::style::ScrollAnimation::none();
    }

    let mut v = if p.dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    let radius = CornerRadius::same(10);
    // The window's clear colour (see `clear_with_panel_colour`). Filling the panels again
    // is a third of a frame on school PCs without a graphics driver, where the CPU
    // computes every pixel.
    v.panel_fill = Color32::TRANSPARENT;
    v.window_fill = p.surface;
    v.window_stroke = Stroke::new(p.line, p.border);
    v.window_corner_radius = CornerRadius::same(16);
    v.window_shadow = if p.dark {
        Shadow::NONE
    } else {
        Shadow {
            offset: [0, 6],
            blur: 24,
            spread: 0,
            color: Color32::from_black_alpha(40),
        }
    };
    v.popup_shadow = v.window_shadow;
    v.extreme_bg_color = p.sunken;
    v.faint_bg_color = p.sunken;
    v.code_bg_color = p.sunken;
    v.hyperlink_color = p.focus;
    v.warn_fg_color = p.warning;
    v.error_fg_color = p.danger;
    v.selection.bg_fill = if p.dark {
        Color32::from_rgb(0x00, 0x55, 0x66)
    } else {
        Color32::from_rgb(0xc7, 0xdc, 0xff)
    };
    v.selection.stroke = Stroke::new(2.0, p.focus);
    v.text_cursor.stroke = Stroke::new(2.5, p.focus);

    let button_fill = if p.dark {
        Color32::from_rgb(0x1a, 0x1a, 0x1a)
    } else {
        Color32::from_rgb(0xff, 0xef, 0xdc)
    };
    let hover_fill = if p.dark {
        Color32::from_rgb(0x30, 0x30, 0x30)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0xbb)
    };
    let w = &mut v.widgets;
    w.noninteractive.bg_fill = p.surface;
    w.noninteractive.weak_bg_fill = p.surface;
    w.noninteractive.bg_stroke = Stroke::new(p.line, p.border);
    w.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    w.noninteractive.corner_radius = radius;
    w.inactive.bg_fill = p.sunken;
    w.inactive.weak_bg_fill = button_fill;
    w.inactive.bg_stroke = Stroke::new(p.line, p.border);
    w.inactive.fg_stroke = Stroke::new(1.5, p.text);
    w.inactive.corner_radius = radius;
    w.hovered.bg_fill = hover_fill;
    w.hovered.weak_bg_fill = hover_fill;
    w.hovered.bg_stroke = Stroke::new(p.line + 0.5, p.accent);
    w.hovered.fg_stroke = Stroke::new(1.5, p.text);
    w.hovered.corner_radius = radius;
    w.hovered.expansion = 1.0;
    // egui draws a focused widget with the "active" look: make keyboard focus obvious.
    w.active.bg_fill = hover_fill;
    w.active.weak_bg_fill = hover_fill;
    w.active.bg_stroke = Stroke::new(3.0, p.focus);
    w.active.fg_stroke = Stroke::new(2.0, p.text);
    w.active.corner_radius = radius;
    w.active.expansion = 1.0;
    w.open = w.active;
    style.visuals = v;
    style
}

// ---------------------------------------------------------------------------------------
// Shared widgets.

/// The root of a screen's egui panels: the whole window, behind any dialog.
pub fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.content_rect()),
    )
}

/// The frame of a whole screen: the background colour and a comfortable margin.
pub fn screen_frame(palette: &Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.background)
        .inner_margin(Margin::symmetric(32, 20))
}

/// A white rounded card (a group of settings, a chapter of the map).
pub fn card_frame(palette: &Palette) -> egui::Frame {
    egui::Frame::new()
        .fill(palette.surface)
        .stroke(Stroke::new(palette.line, palette.border))
        .corner_radius(CornerRadius::same(16))
        .inner_margin(Margin::same(18))
}

/// The main action of a screen: orange, large.
pub fn big_button(ui: &mut egui::Ui, palette: &Palette, text: &str) -> egui::Response {
    let label = egui::RichText::new(text)
        .size(BODY_SIZE + 6.0)
        .strong()
        .color(palette.on_accent);
    ui.add(
        egui::Button::new(label)
            .fill(palette.accent)
            .min_size(Vec2::new(300.0, 56.0))
            .corner_radius(CornerRadius::same(14)),
    )
}

/// A secondary button of the same size as [`big_button`].
pub fn wide_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let label = egui::RichText::new(text).size(BODY_SIZE + 2.0);
    ui.add(
        egui::Button::new(label)
            .min_size(Vec2::new(300.0, 46.0))
            .corner_radius(CornerRadius::same(14)),
    )
}

/// The "Back" button that starts a screen's title row: it takes the keyboard focus when
/// the screen has just opened (`entered`), so Enter or Space goes back at once. Whether
/// it was clicked.
pub fn back_button(ui: &mut egui::Ui, label: &str, entered: bool) -> bool {
    let back = ui.button(label);
    if entered {
        back.request_focus();
    }
    back.clicked()
}

/// A choice among several (language, text size...), drawn as a toggle button.
pub fn choice(ui: &mut egui::Ui, palette: &Palette, selected: bool, text: &str) -> egui::Response {
    let mut label = egui::RichText::new(text);
    let mut button = egui::Button::new(label.clone()).min_size(Vec2::new(0.0, 40.0));
    if selected {
        label = label.strong().color(palette.on_accent);
        button = egui::Button::new(label)
            .min_size(Vec2::new(0.0, 40.0))
            .fill(palette.accent);
    }
    let response = ui.add(button);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::WidgetType::RadioButton, true, selected, text)
    });
    response
}

/// What a clickable card shows: painted by the caller inside the card's rectangle.
pub struct CardLook {
    pub selected: bool,
    pub highlighted: bool,
    pub enabled: bool,
}

/// A clickable, focusable card of `size` (a profile, a level). The keyboard reaches it
/// with Tab and the arrows, Enter or Space clicks it. `paint` draws its content.
pub fn card(
    ui: &mut egui::Ui,
    palette: &Palette,
    size: Vec2,
    look: CardLook,
    label: &str,
    paint: impl FnOnce(&egui::Painter, egui::Rect),
) -> egui::Response {
    let sense = if look.enabled {
        Sense::click()
    } else {
        Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::WidgetType::Button, look.enabled, look.selected, label)
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let focused = response.has_focus();
        let hovered = response.hovered() && look.enabled;
        let fill = if !look.enabled {
            palette.sunken
        } else if look.selected || look.highlighted {
            palette.accent_soft
        } else {
            palette.surface
        };
        let rect = if hovered { rect.expand(1.5) } else { rect };
        let radius = CornerRadius::same(14);
        if !palette.dark && look.enabled {
            painter.rect_filled(
                rect.translate(Vec2::new(0.0, 3.0)),
                radius,
                Color32::from_black_alpha(22),
            );
        }
        painter.rect_filled(rect, radius, fill);
        let stroke = if focused {
            Stroke::new(4.0, palette.focus)
        } else if look.highlighted || look.selected || hovered {
            Stroke::new(palette.line + 1.5, palette.accent)
        } else {
            Stroke::new(palette.line, palette.border)
        };
        painter.rect_stroke(rect, radius, stroke, egui::StrokeKind::Inside);
        paint(painter, rect.shrink(8.0));
    }
    response
}

/// Makes something already drawn in `rect` (a card of text, a tile) reachable with the
/// keyboard: focusable with Tab and the arrows, outlined when focused and scrolled into
/// view when it gets the focus, read as `label` by screen readers.
pub fn focus_ring(
    ui: &mut egui::Ui,
    palette: &Palette,
    rect: egui::Rect,
    id: egui::Id,
    label: &str,
) -> egui::Response {
    let response = ui.interact(rect, id, Sense::focusable_noninteractive());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Other, true, label));
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect,
            CornerRadius::same(16),
            Stroke::new(4.0, palette.focus),
            egui::StrokeKind::Inside,
        );
    }
    if response.gained_focus() {
        response.scroll_to_me(Some(egui::Align::Center));
    }
    response
}

/// Lays `text` out to fit `width`, centred under `top`, at most `max_rows` rows.
pub fn centered_text(
    painter: &egui::Painter,
    top: egui::Pos2,
    width: f32,
    text: &str,
    size: f32,
    color: Color32,
    max_rows: usize,
) -> egui::Rect {
    let mut job = egui::text::LayoutJob::simple(
        text.to_owned(),
        FontId::new(size, FontFamily::Proportional),
        color,
        width,
    );
    job.wrap.max_rows = max_rows;
    job.halign = egui::Align::Center;
    let galley = painter.layout_job(job);
    let rect = galley.rect.translate(top.to_vec2());
    painter.galley(top, galley, color);
    rect
}

/// Draws the world strip and the keyboard help along the bottom of a screen (the strip
/// only when the window is tall enough) and lays `content` out in the space above.
pub fn above_world_strip<R>(
    ui: &mut egui::Ui,
    palette: &Palette,
    art: Option<&ArtTextures>,
    help: &str,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let full = ui.max_rect();
    let tile = 64.0;
    let strip = art.filter(|_| full.height() > 560.0);
    if let Some(art) = strip {
        world_strip(ui.painter(), full, tile, art);
    }
    ui.painter().text(
        egui::Pos2::new(full.center().x, full.bottom() - 4.0),
        egui::Align2::CENTER_BOTTOM,
        help,
        FontId::proportional(SMALL_SIZE),
        palette.weak_text,
    );
    let bottom = if strip.is_some() { tile + 36.0 } else { 28.0 };
    let top = ui.cursor().top().max(full.top());
    let rect = egui::Rect::from_min_max(
        egui::Pos2::new(full.left(), top),
        full.max - Vec2::new(0.0, bottom),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), content)
        .inner
}

/// A row of floor along the bottom with the robot on its way to the flag, picking up
/// things: the game in one glance.
pub fn world_strip(painter: &egui::Painter, full: egui::Rect, tile: f32, art: &ArtTextures) {
    let y = full.bottom() - tile - 28.0;
    let count = (full.width() / tile).ceil() as usize + 1;
    let left = full.center().x - count as f32 * tile / 2.0;
    let uv = egui::Rect::from_min_max(egui::Pos2::ZERO, egui::Pos2::new(1.0, 1.0));
    let middle = count / 2;
    for i in 0..count {
        let rect = egui::Rect::from_min_size(
            egui::Pos2::new(left + i as f32 * tile, y),
            Vec2::splat(tile),
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_text_is_far_from_its_background() {
        fn luminance(c: Color32) -> f32 {
            let lin = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.03928 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        }
        fn contrast(a: Color32, b: Color32) -> f32 {
            let (la, lb) = (luminance(a), luminance(b));
            (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
        }
        for palette in [Palette::FRIENDLY, Palette::HIGH_CONTRAST] {
            // WCAG AA for body text: 4.5; the high-contrast theme aims for AAA (7).
            assert!(contrast(palette.text, palette.background) >= 7.0);
            assert!(contrast(palette.weak_text, palette.surface) >= 4.5);
            assert!(contrast(palette.on_accent, palette.accent) >= 3.0);
        }
        let hc = Palette::HIGH_CONTRAST;
        assert!(contrast(hc.on_accent, hc.accent) >= 7.0);
        assert!(contrast(hc.focus, hc.background) >= 7.0);
    }

    #[test]
    fn big_windows_zoom_in_a_little() {
        assert_eq!(zoom_for(Vec2::new(1366.0, 768.0), 1.0), 1.0);
        assert_eq!(zoom_for(Vec2::new(1024.0, 600.0), 1.0), 1.0);
        assert_eq!(zoom_for(Vec2::new(1920.0, 1080.0), 1.0), 1.25);
        assert_eq!(
            zoom_for(Vec2::new(1600.0, 900.0), 1.2),
            1600.0 / 1366.0 * 1.2
        );
    }

    #[test]
    fn reduced_motion_turns_egui_animations_off() {
        let theme = Theme {
            reduced_motion: true,
            ..Theme::default()
        };
        assert_eq!(style(&theme).animation_time, 0.0);
        assert!(style(&Theme::default()).animation_time > 0.0);
    }
}
