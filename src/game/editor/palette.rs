//! The tool palette on the left of the editor: floor, wall, goal, the robot facing each
//! way, the items (with how many per cell), the colours, thin walls, the characters of
//! the level's legend, and the size of the map. Each tool is drawn with the picture it
//! paints.

use bevy_egui::egui::{self, Color32, RichText, Sense, Stroke, Vec2};

use super::LevelEditor;
use super::canvas::draw_cell;
use crate::editor::{Action, Tool, canonical};
use crate::game::theme::Palette;
use crate::game::{ArtTextures, Session};
use crate::i18n::color_name;
use crate::level::{Feature, MAX_SIDE};
use crate::sim::{Color, Heading, ItemKind};

const TILE: f32 = 42.0;

/// What a tool puts on an empty floor cell (for its picture and for new marks).
fn tool_features(editor: &LevelEditor, tool: Tool) -> Option<Vec<Feature>> {
    Some(match tool {
        Tool::Floor => vec![],
        Tool::Wall => vec![Feature::Wall],
        Tool::Goal => vec![Feature::Goal],
        Tool::Item { kind, count: 1 } => vec![Feature::Item(kind)],
        Tool::Item { kind, count } => vec![Feature::Items(kind, count)],
        Tool::Color(color) => vec![Feature::Color(color)],
        Tool::Robot(heading) => vec![Feature::Robot(heading)],
        Tool::Mark(mark) => editor.draft().features_of(mark)?,
        Tool::ThinWall(_) => return None,
    })
}

/// The name of a tool, for its tooltip and the status of the palette.
pub fn tool_name(session: &Session, tool: Tool) -> String {
    let heading = |h: Heading| {
        session.t(match h {
            Heading::North => "editor-heading-north",
            Heading::East => "editor-heading-east",
            Heading::South => "editor-heading-south",
            Heading::West => "editor-heading-west",
        })
    };
    match tool {
        Tool::Floor => session.t("editor-tool-floor"),
        Tool::Wall => session.t("editor-tool-wall"),
        Tool::Goal => session.t("editor-tool-goal"),
        Tool::Robot(h) => session.tr("editor-tool-robot", &[("heading", heading(h).into())]),
        Tool::Item { kind, count } => session.tr(
            "editor-tool-item",
            &[
                ("item", item_name(session, kind).into()),
                ("count", count.into()),
            ],
        ),
        Tool::Color(color) => session.tr(
            "editor-tool-color",
            &[("color", color_name(session.lang, color).into())],
        ),
        Tool::ThinWall(_) => session.t("editor-tool-thin-wall"),
        Tool::Mark(mark) => session.tr("editor-tool-mark", &[("mark", mark.to_string().into())]),
    }
}

fn item_name(session: &Session, kind: ItemKind) -> String {
    session.t(match kind {
        ItemKind::Gem => "editor-item-gem",
        ItemKind::Coin => "editor-item-coin",
        ItemKind::Key => "editor-item-key",
        ItemKind::Battery => "editor-item-battery",
    })
}

/// One tool as a picture; a click chooses it.
fn tile(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    tool: Tool,
    session: &Session,
    palette: &Palette,
    art: Option<&ArtTextures>,
) {
    let name = tool_name(session, tool);
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(TILE), Sense::click());
    let selected = editor.tool == tool
        || matches!((editor.tool, tool), (Tool::Item { kind: a, .. }, Tool::Item { kind: b, .. }) if a == b)
        || matches!((editor.tool, tool), (Tool::ThinWall(_), Tool::ThinWall(_)));
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::WidgetType::RadioButton, true, selected, &name)
    });
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let inner = rect.shrink(4.0);
        match tool_features(editor, tool) {
            Some(features) => draw_cell(painter, inner, &canonical(&features), art),
            None => {
                draw_cell(painter, inner, &[], art);
                painter.line_segment(
                    [inner.right_top(), inner.right_bottom()],
                    Stroke::new(6.0, Color32::from_rgb(0x3a, 0x3d, 0x52)),
                );
            }
        }
        if let Tool::Mark(mark) = tool {
            painter.text(
                inner.left_top() + Vec2::new(2.0, 0.0),
                egui::Align2::LEFT_TOP,
                mark,
                egui::FontId::monospace(14.0),
                palette.text,
            );
        }
        let stroke = if selected {
            Stroke::new(3.0, palette.accent)
        } else if response.has_focus() {
            Stroke::new(3.0, palette.focus)
        } else if response.hovered() {
            Stroke::new(2.0, palette.border)
        } else {
            Stroke::NONE
        };
        painter.rect_stroke(rect, 6.0, stroke, egui::StrokeKind::Inside);
    }
    if response.on_hover_text(&name).clicked() {
        editor.tool = tool;
    }
}

/// The palette, in the panel given.
pub fn show(
    ui: &mut egui::Ui,
    editor: &mut LevelEditor,
    session: &Session,
    palette: &Palette,
    art: Option<&ArtTextures>,
) {
    let count = editor.item_count;
    let rows: [Vec<Tool>; 5] = [
        vec![
            Tool::Floor,
            Tool::Wall,
            Tool::Goal,
            Tool::ThinWall(Heading::East),
        ],
        Heading::ALL.map(Tool::Robot).to_vec(),
        ItemKind::ALL
            .map(|kind| Tool::Item { kind, count })
            .to_vec(),
        Color::ALL.map(Tool::Color).to_vec(),
        editor
            .draft()
            .legend
            .keys()
            .map(|m| Tool::Mark(*m))
            .collect(),
    ];
    ui.label(RichText::new(session.t("editor-tools")).strong());
    for (i, row) in rows.iter().enumerate() {
        if i == 4 && !row.is_empty() {
            ui.label(RichText::new(session.t("editor-marks")).small());
        }
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = Vec2::splat(4.0);
            for tool in row {
                tile(ui, editor, *tool, session, palette, art);
            }
        });
        if i == 2 {
            ui.horizontal(|ui| {
                ui.label(session.t("editor-item-count"));
                let mut count = editor.item_count;
                if ui
                    .add(egui::DragValue::new(&mut count).range(1..=99))
                    .changed()
                {
                    editor.item_count = count;
                    if let Tool::Item { kind, .. } = editor.tool {
                        editor.tool = Tool::Item { kind, count };
                    }
                }
            });
        }
    }
    ui.label(
        RichText::new(tool_name(session, editor.tool))
            .color(palette.accent)
            .strong(),
    );
    ui.label(RichText::new(session.t("editor-tools-help")).small().weak());
    // A character of its own for what the tool paints, so goals and rules can name it.
    let features =
        tool_features(editor, editor.tool).filter(|_| !matches!(editor.tool, Tool::Mark(_)));
    let new_mark = ui
        .add_enabled(
            features.is_some(),
            egui::Button::new(session.t("editor-new-mark")),
        )
        .on_hover_text(session.t("editor-new-mark-help"));
    if new_mark.clicked()
        && let Some(features) = features
        && let Some(mark) = editor.draft().free_mark()
    {
        editor.apply(Action::SetLegend {
            mark,
            features: Some(features),
        });
        editor.tool = Tool::Mark(mark);
    }
    if let Tool::Mark(mark) = editor.tool
        && !editor.draft().grid.uses(mark)
        && editor.draft().legend.contains_key(&mark)
        && ui.button(session.t("editor-remove-mark")).clicked()
    {
        editor.apply(Action::SetLegend {
            mark,
            features: None,
        });
        editor.tool = Tool::Floor;
    }

    ui.separator();
    ui.label(RichText::new(session.t("editor-map-size")).strong());
    let (mut width, mut height) = (editor.draft().grid.width(), editor.draft().grid.height());
    let mut changed = false;
    egui::Grid::new("editor-map-size")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(session.t("editor-width"));
            changed |= ui
                .add(egui::DragValue::new(&mut width).range(1..=MAX_SIDE))
                .changed();
            ui.end_row();
            ui.label(session.t("editor-height"));
            changed |= ui
                .add(egui::DragValue::new(&mut height).range(1..=MAX_SIDE))
                .changed();
            ui.end_row();
        });
    if changed {
        editor.apply(Action::Resize { width, height });
    }
    if ui.button(session.t("editor-walls-around")).clicked() {
        let cells = editor.draft().grid.border();
        editor.editor.seal();
        editor.apply(Action::Paint {
            cells,
            tool: Tool::Wall,
        });
        editor.editor.seal();
    }
}
