//! The code editor: an egui `TextEdit` with Python colours, line numbers, Tab inserting
//! four spaces (Shift+Tab removing them, on every selected line), automatic indentation
//! after `:` on Enter, Backspace removing a whole indentation step, egui's undo/redo
//! (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z), the line the robot is running highlighted during
//! the replay and the line of an error marked.
//!
//! The edits are pure functions on the text and the selection, tested below.

use std::ops::Range;

use bevy_egui::egui::{
    self, Align2, Event, FontId, Key, Sense, Shape, TextBuffer, TextEdit,
    text::{CCursor, CCursorRange},
};

use super::highlight::{self, palette};

/// Spaces per indentation level, as PEP 8 and the level solutions use.
const INDENT: usize = 4;

/// The editor's egui id (shortcuts check whether it has the keyboard focus).
pub(super) fn editor_id() -> egui::Id {
    egui::Id::new("level-code-editor")
}

/// Lines to mark in the editor (1-based).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineMarks {
    /// The line the robot is running in the replay.
    pub running: Option<u32>,
    /// The line where the program stopped on an error.
    pub error: Option<u32>,
    /// Scroll so this line is visible (when the running line changes).
    pub reveal: Option<u32>,
}

/// Shows the editor filling the space given; returns whether the text changed.
pub(super) fn show(ui: &mut egui::Ui, text: &mut String, marks: LineMarks, font_size: f32) -> bool {
    show_with_id(ui, editor_id(), text, marks, font_size)
}

/// [`show`] under another egui id (its own cursor and undo history), for the level
/// editor's reference solution.
pub(crate) fn show_with_id(
    ui: &mut egui::Ui,
    id: egui::Id,
    text: &mut String,
    marks: LineMarks,
    font_size: f32,
) -> bool {
    let mut changed = false;
    if ui.memory(|m| m.has_focus(id)) {
        changed |= handle_keys(ui.ctx(), id, text);
    }
    let font = FontId::monospace(font_size);
    let row_height = ui.fonts_mut(|f| f.row_height(&font));
    let char_width = ui.fonts_mut(|f| f.glyph_width(&font, '0'));
    let mut layouter = |ui: &egui::Ui, buffer: &dyn TextBuffer, _wrap_width: f32| {
        let job = highlight::layout_job(buffer.as_str(), font.clone());
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let lines = text.split('\n').count();
    let digits = lines.to_string().len().max(2) as f32;
    let gutter = digits * char_width + 16.0;
    egui::Frame::new()
        .fill(palette::BACKGROUND)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(4, 6))
        .show(ui, |ui| {
            let visible = ui.available_size();
            egui::ScrollArea::both()
                .id_salt(id.with("scroll"))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        ui.spacing_mut().item_spacing.x = 0.0;
                        let (gutter_rect, _) =
                            ui.allocate_exact_size(egui::vec2(gutter, row_height), Sense::hover());
                        let backgrounds = ui.painter().add(Shape::Noop);
                        let rows = ((visible.y - 12.0) / row_height).floor().max(4.0) as usize;
                        let output = TextEdit::multiline(text)
                            .id(id)
                            .font(FontId::monospace(font_size))
                            .code_editor()
                            .frame(egui::Frame::NONE)
                            .return_key(None)
                            .desired_rows(rows)
                            .desired_width((visible.x - gutter - 8.0).max(100.0))
                            .layouter(&mut layouter)
                            .show(ui);
                        changed |= output.response.response.changed();
                        paint_lines(
                            ui,
                            &output,
                            gutter_rect.left(),
                            gutter,
                            marks,
                            &backgrounds,
                            font_size,
                        );
                    });
                });
        });
    changed
}

fn paint_lines(
    ui: &egui::Ui,
    output: &egui::text_edit::TextEditOutput,
    left: f32,
    gutter: f32,
    marks: LineMarks,
    backgrounds: &egui::layers::ShapeIdx,
    font_size: f32,
) {
    let painter = ui.painter();
    let right = output
        .text_clip_rect
        .right()
        .max(output.response.response.rect.right());
    let mut shapes = Vec::new();
    for (i, row) in output.galley.rows.iter().enumerate() {
        let line = i as u32 + 1;
        let rect = row.rect().translate(output.galley_pos.to_vec2());
        let band = egui::Rect::from_x_y_ranges(left..=right, rect.y_range());
        let (fill, number_color) = if marks.error == Some(line) {
            (Some(palette::ERROR_LINE), palette::ERROR)
        } else if marks.running == Some(line) {
            (Some(palette::RUNNING_LINE), palette::TEXT)
        } else {
            (None, palette::GUTTER)
        };
        if let Some(fill) = fill {
            shapes.push(Shape::rect_filled(band, 2.0, fill));
        }
        painter.text(
            egui::pos2(left + gutter - 10.0, rect.center().y),
            Align2::RIGHT_CENTER,
            line.to_string(),
            FontId::monospace(font_size * 0.85),
            number_color,
        );
        if marks.reveal == Some(line) {
            ui.scroll_to_rect(band.expand2(egui::vec2(0.0, rect.height())), None);
        }
    }
    painter.set(*backgrounds, Shape::Vec(shapes));
}

/// Applies the editor's own keys (Tab, Shift+Tab, Enter, Backspace in the indentation)
/// before the `TextEdit` sees the frame's input. Keys are applied in the order typed:
/// when one of ours comes after other typing in the same frame, it and what follows
/// wait for the next frame. Returns whether the text changed.
fn handle_keys(ctx: &egui::Context, id: egui::Id, text: &mut String) -> bool {
    let waiting_id = id.with("waiting-keys");
    let waiting: Vec<Event> = ctx
        .data_mut(|d| d.remove_temp(waiting_id))
        .unwrap_or_default();
    let Some(mut state) = TextEdit::load_state(ctx, id) else {
        return false;
    };
    let Some(range) = state.cursor.char_range() else {
        return false;
    };
    let (a, b) = (
        usize::from(range.primary.index),
        usize::from(range.secondary.index),
    );
    let mut selection = a.min(b)..a.max(b);
    let mut changed = false;
    let later = ctx.input_mut(|input| {
        let (mut queue, others): (Vec<Event>, Vec<Event>) = std::mem::take(&mut input.events)
            .into_iter()
            .partition(is_typing);
        queue.splice(0..0, waiting);
        input.events = others;
        let mut applied = 0;
        for event in &queue {
            let Some((new_text, new_selection)) = our_edit(event, text, selection.clone()) else {
                break;
            };
            *text = new_text;
            selection = new_selection;
            changed = true;
            applied += 1;
        }
        // The first event left is not one of ours, or one that does not apply here (a
        // Backspace after text): the `TextEdit` takes it, and what follows up to our
        // next key.
        let mut rest = queue.split_off(applied);
        let ours = rest
            .iter()
            .skip(1)
            .position(is_ours)
            .map_or(rest.len(), |i| i + 1);
        let later = rest.split_off(ours);
        input.events.extend(rest);
        later
    });
    if !later.is_empty() {
        ctx.data_mut(|d| d.insert_temp(waiting_id, later));
    }
    if changed {
        state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(selection.start),
            CCursor::new(selection.end),
        )));
        TextEdit::store_state(ctx, id, state);
    }
    changed
}

/// Keyboard events, which must be applied in order.
fn is_typing(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_) | Event::Key { .. } | Event::Paste(_) | Event::Cut | Event::Ime(_)
    )
}

/// A key the editor handles itself (Backspace only within the indentation, checked when
/// it is applied).
fn is_ours(event: &Event) -> bool {
    match event {
        Event::Key {
            key: Key::Tab,
            pressed: true,
            modifiers,
            ..
        } => !modifiers.command && !modifiers.alt,
        Event::Key {
            key: Key::Enter | Key::Backspace,
            pressed: true,
            modifiers,
            ..
        } => !modifiers.command && !modifiers.alt && !modifiers.shift,
        _ => false,
    }
}

/// The edit one of our keys makes, if `event` is one and applies here.
fn our_edit(event: &Event, text: &str, selection: Range<usize>) -> Option<(String, Range<usize>)> {
    if !is_ours(event) {
        return None;
    }
    let Event::Key { key, modifiers, .. } = event else {
        return None;
    };
    match key {
        Key::Tab if modifiers.shift => Some(dedent(text, selection)),
        Key::Tab => Some(indent(text, selection)),
        Key::Enter => Some(new_line(text, selection)),
        Key::Backspace if selection.is_empty() && deletes_indent(text, selection.start) => {
            Some(backspace(text, selection.start))
        }
        _ => None,
    }
}

/// Byte offset of a char index.
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

fn char_at(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Byte range of the lines touched by a byte range.
fn line_span(text: &str, bytes: Range<usize>) -> Range<usize> {
    let start = text[..bytes.start].rfind('\n').map_or(0, |n| n + 1);
    let end = text[bytes.end..]
        .find('\n')
        .map_or(text.len(), |n| bytes.end + n);
    start..end
}

/// Tab: four spaces in place of the selection, or every selected line indented.
fn indent(text: &str, selection: Range<usize>) -> (String, Range<usize>) {
    let bytes = byte_at(text, selection.start)..byte_at(text, selection.end);
    if !text[bytes.clone()].contains('\n') {
        let mut out = text.to_owned();
        out.replace_range(bytes, &" ".repeat(INDENT));
        let cursor = selection.start + INDENT;
        return (out, cursor..cursor);
    }
    let span = line_span(text, bytes);
    let block: Vec<String> = text[span.clone()]
        .split('\n')
        .map(|l| format!("{}{l}", " ".repeat(INDENT)))
        .collect();
    let block = block.join("\n");
    let mut out = text.to_owned();
    out.replace_range(span.clone(), &block);
    let start = char_at(text, span.start);
    (out, start..start + block.chars().count())
}

/// Shift+Tab: up to four leading spaces removed from every line touched.
fn dedent(text: &str, selection: Range<usize>) -> (String, Range<usize>) {
    let bytes = byte_at(text, selection.start)..byte_at(text, selection.end);
    let span = line_span(text, bytes);
    let first_removed = text[span.clone()]
        .chars()
        .take(INDENT)
        .take_while(|c| *c == ' ')
        .count();
    let block: Vec<&str> = text[span.clone()]
        .split('\n')
        .map(|l| {
            let spaces = l.chars().take(INDENT).take_while(|c| *c == ' ').count();
            &l[spaces..]
        })
        .collect();
    let block = block.join("\n");
    let mut out = text.to_owned();
    out.replace_range(span.clone(), &block);
    let line_start = char_at(text, span.start);
    if selection.is_empty() {
        let cursor = selection
            .start
            .saturating_sub(first_removed)
            .max(line_start);
        (out, cursor..cursor)
    } else {
        // The lines touched stay selected, so Shift+Tab can be pressed again.
        (out, line_start..line_start + block.chars().count())
    }
}

/// Enter: a new line indented like the current one, one step more after a `:`, one
/// step less after `return`, `pass`, `break`, `continue` or `raise`.
fn new_line(text: &str, selection: Range<usize>) -> (String, Range<usize>) {
    let bytes = byte_at(text, selection.start)..byte_at(text, selection.end);
    let line_start = text[..bytes.start].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..bytes.start];
    let current = before.chars().take_while(|c| *c == ' ').count();
    let code = before.split('#').next().unwrap_or_default().trim_end();
    let first_word = code
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default();
    let indent = if code.ends_with(':') {
        current + INDENT
    } else if ["return", "pass", "break", "continue", "raise"].contains(&first_word) {
        current.saturating_sub(INDENT)
    } else {
        current
    };
    let insert = format!("\n{}", " ".repeat(indent));
    let mut out = text.to_owned();
    out.replace_range(bytes, &insert);
    let cursor = selection.start + insert.chars().count();
    (out, cursor..cursor)
}

/// Whether Backspace at `cursor` is inside the indentation (only spaces before it).
fn deletes_indent(text: &str, cursor: usize) -> bool {
    let byte = byte_at(text, cursor);
    let line_start = text[..byte].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..byte];
    !before.is_empty() && before.chars().all(|c| c == ' ')
}

/// Backspace in the indentation: back to the previous multiple of four.
fn backspace(text: &str, cursor: usize) -> (String, Range<usize>) {
    let byte = byte_at(text, cursor);
    let line_start = text[..byte].rfind('\n').map_or(0, |n| n + 1);
    let spaces = byte - line_start;
    let remove = (spaces - 1) % INDENT + 1;
    let mut out = text.to_owned();
    out.replace_range(byte - remove..byte, "");
    (out, cursor - remove..cursor - remove)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies an edit to a text where `|` marks the cursor (or `[` `]` a selection).
    fn edit(marked: &str, f: impl Fn(&str, Range<usize>) -> (String, Range<usize>)) -> String {
        let (text, selection) = unmark(marked);
        let (out, range) = f(&text, selection);
        mark(&out, range)
    }

    fn unmark(marked: &str) -> (String, Range<usize>) {
        let chars: Vec<char> = marked.chars().collect();
        let find = |c: char| chars.iter().position(|x| *x == c);
        let text: String = chars.iter().filter(|c| !"|[]".contains(**c)).collect();
        match find('|') {
            Some(i) => (text, i..i),
            None => {
                let start = find('[').unwrap();
                let end = find(']').unwrap() - 1;
                (text, start..end)
            }
        }
    }

    fn mark(text: &str, range: Range<usize>) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        if range.is_empty() {
            chars.insert(range.start, '|');
        } else {
            chars.insert(range.end, ']');
            chars.insert(range.start, '[');
        }
        chars.into_iter().collect()
    }

    #[test]
    fn tab_inserts_four_spaces_or_indents_lines() {
        assert_eq!(edit("mo|ve()", indent), "mo    |ve()");
        assert_eq!(edit("a[b]c", indent), "a    |c");
        assert_eq!(edit("x\n[a\nb]\ny", indent), "x\n[    a\n    b]\ny");
    }

    #[test]
    fn shift_tab_removes_indentation() {
        assert_eq!(edit("      mo|ve()", dedent), "  mo|ve()");
        assert_eq!(edit("  |x", dedent), "|x");
        assert_eq!(edit("[    a\n  b]", dedent), "[a\nb]");
    }

    #[test]
    fn enter_keeps_and_adds_indentation() {
        assert_eq!(edit("while x:|", new_line), "while x:\n    |");
        assert_eq!(
            edit("    if a:  # yes|", new_line),
            "    if a:  # yes\n        |"
        );
        assert_eq!(edit("    move()|", new_line), "    move()\n    |");
        assert_eq!(edit("        break|", new_line), "        break\n    |");
        assert_eq!(edit("def f(x):|rest", new_line), "def f(x):\n    |rest");
        assert_eq!(edit("é|", new_line), "é\n|");
    }

    #[test]
    fn backspace_removes_an_indentation_step() {
        assert!(deletes_indent("x\n      ", 8));
        assert!(!deletes_indent("x\n  a ", 6));
        assert!(!deletes_indent("x\n", 2));
        assert_eq!(edit("x\n      |", |t, r| backspace(t, r.start)), "x\n    |");
        assert_eq!(edit("    |", |t, r| backspace(t, r.start)), "|");
    }
}
