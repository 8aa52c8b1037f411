//! The map being drawn: the cells painted with the game's own pictures (the same as the
//! level screen and the menus, through `ArtTextures`), thin walls, the marks goals name,
//! the cells problems point at, column and row numbers (for the variant rules), and the
//! mouse: click or drag to paint with the tool chosen, right button to clear, the thin
//! wall tool on the side of the cell nearest the pointer. A stroke is one undo step.

use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use super::LevelEditor;
use super::checks::Validation;
use crate::editor::{Action, LevelDraft, MapGrid, Tool, canonical};
use crate::game::ArtTextures;
use crate::game::theme::Palette;
use crate::level::{Feature, builtin_features};
use crate::sim::{Color as Paint, Heading, ItemKind};

/// Largest and smallest cells drawn, in points.
const MAX_CELL: f32 = 64.0;
const MIN_CELL: f32 = 10.0;
/// Room for the column and row numbers.
const RULER: f32 = 18.0;

/// Where the grid is drawn.
#[derive(Clone, Copy, Debug)]
struct Placed {
    origin: Pos2,
    cell: f32,
}

impl Placed {
    fn rect(&self, x: u32, y: u32) -> Rect {
        Rect::from_min_size(
            self.origin + Vec2::new(x as f32, y as f32) * self.cell,
            Vec2::splat(self.cell),
        )
    }

    /// The cell under a point, and the side of it the point is nearest to.
    fn cell_at(&self, grid: &MapGrid, point: Pos2) -> Option<(u32, u32, Heading)> {
        let local = (point - self.origin) / self.cell;
        if local.x < 0.0 || local.y < 0.0 {
            return None;
        }
        let (x, y) = (local.x as u32, local.y as u32);
        if !grid.contains(x, y) {
            return None;
        }
        let (fx, fy) = (local.x.fract(), local.y.fract());
        let side = [
            (fy, Heading::North),
            (1.0 - fx, Heading::East),
            (1.0 - fy, Heading::South),
            (fx, Heading::West),
        ]
        .into_iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(Heading::North, |(_, h)| h);
        Some((x, y, side))
    }
}

/// A stroke of the mouse under way: the last cell painted and the tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PaintStroke {
    last: (u32, u32),
    tool: Tool,
}

/// Draws the grid in the space left and paints with the mouse.
pub fn show(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    art: Option<&ArtTextures>,
    validation: &Validation,
    palette: &Palette,
) {
    let area = ui.available_rect_before_wrap();
    let grid = editor.draft().grid.clone();
    let (w, h) = (grid.width().max(1) as f32, grid.height().max(1) as f32);
    let cell = ((area.width() - RULER - 8.0) / w)
        .min((area.height() - RULER - 8.0) / h)
        .clamp(MIN_CELL, MAX_CELL);
    let size = Vec2::new(w, h) * cell;
    let free = area.size() - Vec2::splat(RULER) - size;
    let origin = area.min + Vec2::splat(RULER) + (free / 2.0).max(Vec2::ZERO);
    let placed = Placed { origin, cell };
    let grid_rect = Rect::from_min_size(origin, size);
    let response = ui.allocate_rect(grid_rect, Sense::click_and_drag());
    let painter = ui.painter_at(area);

    draw_cells(&painter, editor.draft(), placed, art);
    draw_thin_walls(&painter, editor.draft(), placed);
    draw_rulers(&painter, &grid, placed, palette);
    for &(x, y) in &validation.cells {
        painter.rect_stroke(
            placed.rect(x, y).shrink(1.0),
            2.0,
            Stroke::new(3.0, palette.danger),
            egui::StrokeKind::Inside,
        );
    }
    if let Some((x, y)) = editor.focus_cell.filter(|(x, y)| grid.contains(*x, *y)) {
        painter.rect_stroke(
            placed.rect(x, y).expand(2.0),
            3.0,
            Stroke::new(4.0, palette.focus),
            egui::StrokeKind::Outside,
        );
    }
    painter.rect_stroke(
        grid_rect,
        0.0,
        Stroke::new(2.0, palette.border),
        egui::StrokeKind::Outside,
    );

    let pointer = response.hover_pos();
    let under = pointer.and_then(|p| placed.cell_at(&grid, p));
    if let Some((x, y, side)) = under {
        hover(&painter, editor.tool, placed, x, y, side, palette);
        response
            .clone()
            .on_hover_text_at_pointer(format!("x = {x}, y = {y}"));
    }
    paint_with_mouse(ui, &response, editor, &grid, placed);
}

/// What the pointer would change.
fn hover(
    painter: &egui::Painter,
    tool: Tool,
    placed: Placed,
    x: u32,
    y: u32,
    side: Heading,
    palette: &Palette,
) {
    let rect = placed.rect(x, y);
    if matches!(tool, Tool::ThinWall(_)) {
        let [a, b] = edge(rect, side);
        painter.line_segment([a, b], Stroke::new(placed.cell * 0.16, palette.focus));
    } else {
        painter.rect_stroke(
            rect,
            2.0,
            Stroke::new(2.5, palette.focus),
            egui::StrokeKind::Inside,
        );
    }
}

fn paint_with_mouse(
    ui: &egui::Ui,
    response: &egui::Response,
    editor: &mut LevelEditor,
    grid: &MapGrid,
    placed: Placed,
) {
    let at = |point: Option<Pos2>| point.and_then(|p| placed.cell_at(grid, p));
    // The tool of a button: the right button clears.
    let tool_for = |editor: &LevelEditor, secondary: bool, side: Heading| {
        if secondary {
            Tool::Floor
        } else {
            match editor.tool {
                Tool::ThinWall(_) => Tool::ThinWall(side),
                tool => tool,
            }
        }
    };
    let single = |editor: &mut LevelEditor, secondary: bool| {
        if let Some((x, y, side)) = at(response.interact_pointer_pos()) {
            let tool = tool_for(editor, secondary, side);
            editor.editor.seal();
            editor.apply(Action::Paint {
                cells: vec![(x, y)],
                tool,
            });
            editor.editor.seal();
        }
    };
    if response.clicked() {
        single(editor, false);
        return;
    }
    if response.secondary_clicked() {
        single(editor, true);
        return;
    }
    let secondary = response.dragged_by(egui::PointerButton::Secondary);
    if response.drag_started() {
        let origin = ui.input(|i| i.pointer.press_origin());
        if let Some((x, y, side)) = at(origin) {
            let tool = tool_for(editor, secondary, side);
            editor.editor.seal();
            editor.apply(Action::Paint {
                cells: vec![(x, y)],
                tool,
            });
            editor.stroke = Some(PaintStroke { last: (x, y), tool });
        }
    }
    // The frame that releases the button may also have moved the pointer: paint up to it.
    let pointer = response
        .interact_pointer_pos()
        .or_else(|| ui.input(|i| i.pointer.latest_pos()));
    if (response.dragged() || response.drag_stopped())
        && let Some(stroke) = editor.stroke
        && !matches!(stroke.tool, Tool::ThinWall(_) | Tool::Robot(_))
        && let Some((x, y, _)) = at(pointer)
        && (x, y) != stroke.last
    {
        let cells: Vec<(u32, u32)> = MapGrid::line(stroke.last, (x, y))
            .into_iter()
            .skip(1)
            .collect();
        editor.apply(Action::Paint {
            cells,
            tool: stroke.tool,
        });
        editor.stroke = Some(PaintStroke {
            last: (x, y),
            ..stroke
        });
    }
    if response.drag_stopped() || (editor.stroke.is_some() && !response.dragged()) {
        editor.stroke = None;
        editor.editor.seal();
    }
}

/// The two ends of one side of a cell.
fn edge(rect: Rect, side: Heading) -> [Pos2; 2] {
    match side {
        Heading::North => [rect.left_top(), rect.right_top()],
        Heading::East => [rect.right_top(), rect.right_bottom()],
        Heading::South => [rect.left_bottom(), rect.right_bottom()],
        Heading::West => [rect.left_top(), rect.left_bottom()],
    }
}

const UV: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));

/// Colours used when the pictures are not there (tests) and for what has no picture.
fn flat_color(feature: &Feature) -> Color32 {
    match feature {
        Feature::Wall => Color32::from_rgb(0x5a, 0x5f, 0x73),
        Feature::Color(Paint::Red) => Color32::from_rgb(0xe0, 0x5a, 0x4f),
        Feature::Color(Paint::Green) => Color32::from_rgb(0x5c, 0xb8, 0x5c),
        Feature::Color(Paint::Blue) => Color32::from_rgb(0x4f, 0x8f, 0xe0),
        Feature::Color(Paint::Yellow) => Color32::from_rgb(0xf2, 0xc9, 0x4c),
        _ => Color32::from_rgb(0xf3, 0xec, 0xdc),
    }
}

fn draw_cells(
    painter: &egui::Painter,
    draft: &LevelDraft,
    placed: Placed,
    art: Option<&ArtTextures>,
) {
    let named = draft.named_marks();
    for (x, y, mark) in draft.grid.cells() {
        let rect = placed.rect(x, y);
        let Some(features) = draft.features_of(mark) else {
            // Not in the legend: a red cell with its character, as the problems say.
            painter.rect_filled(rect, 0.0, Color32::from_rgb(0xff, 0xd0, 0xd0));
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                mark,
                FontId::monospace(placed.cell * 0.6),
                Color32::from_rgb(0xa0, 0x10, 0x20),
            );
            continue;
        };
        let features = canonical(&features);
        draw_cell(painter, rect, &features, art);
        let custom = builtin_features(mark).is_none() || draft.legend.contains_key(&mark);
        if (custom || named.contains(&mark)) && placed.cell >= 18.0 {
            // The character of a legend entry or of a mark a goal names, in a corner.
            let corner = rect.left_top() + Vec2::new(3.0, 1.0);
            let font = FontId::monospace((placed.cell * 0.3).max(10.0));
            let back = Rect::from_min_size(corner, Vec2::new(font.size * 0.75, font.size * 1.1));
            painter.rect_filled(back, 2.0, Color32::from_white_alpha(200));
            painter.text(
                corner,
                Align2::LEFT_TOP,
                mark,
                font,
                Color32::from_rgb(0x2b, 0x2d, 0x42),
            );
        }
    }
}

/// One cell: the ground, the goal flag, items with their count, the robot.
pub fn draw_cell(
    painter: &egui::Painter,
    rect: Rect,
    features: &[Feature],
    art: Option<&ArtTextures>,
) {
    let image = |texture: egui::TextureId, rect: Rect| {
        painter.image(texture, rect, UV, Color32::WHITE);
    };
    let wall = features.contains(&Feature::Wall);
    let color = features.iter().find_map(|f| match f {
        Feature::Color(c) => Some(*c),
        _ => None,
    });
    match (art, wall, color) {
        (Some(art), true, _) => image(art.wall, rect),
        (Some(art), false, Some(c)) => {
            let index = Paint::ALL.iter().position(|p| *p == c).unwrap_or(0);
            image(art.paint[index], rect);
        }
        (Some(art), false, None) => image(art.floor, rect),
        (None, _, _) => {
            let ground = features
                .iter()
                .find(|f| matches!(f, Feature::Wall | Feature::Color(_)))
                .map_or(flat_color(&Feature::Floor), flat_color);
            painter.rect_filled(rect, 0.0, ground);
        }
    }
    if features.contains(&Feature::Goal) {
        match art {
            Some(art) => image(art.goal, rect),
            None => {
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    "G",
                    FontId::proportional(rect.height() * 0.6),
                    Color32::DARK_GREEN,
                );
            }
        }
    }
    let items: Vec<(ItemKind, u32)> = features
        .iter()
        .filter_map(|f| match f {
            Feature::Item(kind) => Some((*kind, 1)),
            Feature::Items(kind, n) => Some((*kind, *n)),
            _ => None,
        })
        .collect();
    for (kind, count) in items {
        let inner = rect.shrink(rect.width() * 0.1);
        match art {
            Some(art) => image(art.item(kind), inner),
            None => {
                painter.circle_filled(inner.center(), inner.width() * 0.3, Color32::GOLD);
            }
        }
        if count != 1 {
            let at = rect.right_bottom() - Vec2::new(3.0, 1.0);
            let font = FontId::proportional((rect.height() * 0.34).max(10.0));
            painter.text(
                at + Vec2::new(1.0, 1.0),
                Align2::RIGHT_BOTTOM,
                count.to_string(),
                font.clone(),
                Color32::BLACK,
            );
            painter.text(
                at,
                Align2::RIGHT_BOTTOM,
                count.to_string(),
                font,
                Color32::WHITE,
            );
        }
    }
    if let Some(heading) = features.iter().find_map(|f| match f {
        Feature::Robot(h) => Some(*h),
        _ => None,
    }) {
        match art {
            Some(art) => image(art.robot(heading), rect),
            None => {
                let arrow = match heading {
                    Heading::North => "^",
                    Heading::East => ">",
                    Heading::South => "v",
                    Heading::West => "<",
                };
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    arrow,
                    FontId::monospace(rect.height() * 0.7),
                    Color32::from_rgb(0xcf, 0x5f, 0x08),
                );
            }
        }
    }
}

fn draw_thin_walls(painter: &egui::Painter, draft: &LevelDraft, placed: Placed) {
    let stroke = Stroke::new(
        (placed.cell * 0.14).max(3.0),
        Color32::from_rgb(0x3a, 0x3d, 0x52),
    );
    for wall in &draft.walls {
        if draft.grid.contains(wall.x, wall.y) {
            painter.line_segment(edge(placed.rect(wall.x, wall.y), wall.side), stroke);
        }
    }
}

/// Column numbers above the grid and row numbers on its left: the variant rules
/// (`Stretch(column: 3, ...)`) count from 0, as here.
fn draw_rulers(painter: &egui::Painter, grid: &MapGrid, placed: Placed, palette: &Palette) {
    let every = if placed.cell >= 16.0 { 1 } else { 5 };
    let font = FontId::proportional(11.0);
    for x in (0..grid.width()).filter(|x| x % every == 0) {
        let rect = placed.rect(x, 0);
        painter.text(
            Pos2::new(rect.center().x, rect.top() - 3.0),
            Align2::CENTER_BOTTOM,
            x.to_string(),
            font.clone(),
            palette.weak_text,
        );
    }
    for y in (0..grid.height()).filter(|y| y % every == 0) {
        let rect = placed.rect(0, y);
        painter.text(
            Pos2::new(rect.left() - 4.0, rect.center().y),
            Align2::RIGHT_CENTER,
            y.to_string(),
            font.clone(),
            palette.weak_text,
        );
    }
}
