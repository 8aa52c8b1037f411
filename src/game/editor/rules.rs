//! What makes the level a puzzle: its goals (written as in level files, each said
//! plainly under it), the robot functions allowed, the action limit, the star targets,
//! and the variants with their rules.

use bevy_egui::egui::{self, RichText};

use super::LevelEditor;
use crate::editor::Action;
use crate::game::Session;
use crate::game::level::goals::goal_lines;
use crate::game::theme::Palette;
use crate::i18n::{function_description, function_name};
use crate::level::{MAX_VARIANTS, Rule, Stars, parse_ron};
use crate::sandbox::RobotFn;
use crate::sim::{Color, Goal};

fn heading(ui: &mut egui::Ui, text: String) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong());
}

/// A number bound to the draft.
fn number(ui: &mut egui::Ui, value: u32, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let mut value = value;
    ui.add(egui::DragValue::new(&mut value).range(range))
        .changed()
        .then_some(value)
}

/// The Rules tab.
pub fn show(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session, palette: &Palette) {
    goals(ui, editor, session, palette);
    functions(ui, editor, session);
    limits(ui, editor, session);
    variants(ui, editor, session);
}

fn goals(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session, palette: &Palette) {
    heading(ui, session.t("editor-goals"));
    ui.label(RichText::new(session.t("editor-goals-help")).small().weak());
    let goals = editor.draft().goals.clone();
    let legend = editor.draft().legend.clone();
    let mut remove = None;
    for (i, goal) in goals.iter().enumerate() {
        let written = crate::editor::goal_text(goal);
        let typed = editor
            .goal_typed
            .as_ref()
            .filter(|(index, _)| *index == i)
            .map(|(_, text)| text.clone());
        let mut text = typed.clone().unwrap_or(written);
        ui.horizontal(|ui| {
            if ui
                .small_button("✖")
                .on_hover_text(session.t("editor-remove"))
                .clicked()
            {
                remove = Some(i);
            }
            let mut edit = egui::TextEdit::singleline(&mut text)
                .font(egui::TextStyle::Monospace)
                .desired_width(f32::INFINITY);
            if typed.is_some() {
                edit = edit.text_color(palette.danger);
            }
            let response = ui.add(edit);
            if response.changed() {
                match parse_ron::<Goal>("", &text) {
                    Ok(goal) => {
                        editor.apply(Action::SetGoal(i, goal));
                        editor.goal_typed = None;
                    }
                    Err(_) => editor.goal_typed = Some((i, text.clone())),
                }
            }
            if response.lost_focus() {
                editor.goal_typed = None;
                editor.editor.seal();
            }
        });
        for line in goal_lines(session.lang, std::slice::from_ref(goal), &legend) {
            ui.label(
                RichText::new(format!("{}· {}", "    ".repeat(line.depth + 1), line.text))
                    .small()
                    .color(palette.weak_text),
            );
        }
    }
    if let Some(i) = remove {
        editor.goal_typed = None;
        editor.apply(Action::RemoveGoal(i));
    }
    // New goals name a mark of the legend, or `G`, to be changed in the text.
    let mark = editor.draft().legend.keys().next().copied().unwrap_or('G');
    let templates = [
        ("editor-goal-reach", Goal::ReachGoal),
        ("editor-goal-collect", Goal::CollectAll(None)),
        ("editor-goal-carry", Goal::Carry(1)),
        ("editor-goal-robot-on", Goal::RobotOn(mark)),
        ("editor-goal-items-on", Goal::ItemsOn(mark, 1)),
        ("editor-goal-painted", Goal::Painted(mark, Color::Red)),
        ("editor-goal-output", Goal::Output(String::new())),
        ("editor-goal-said", Goal::Said(String::new())),
    ];
    ui.horizontal_wrapped(|ui| {
        ui.label(session.t("editor-add"));
        for (id, goal) in templates {
            if ui.small_button(session.t(id)).clicked() {
                editor.apply(Action::AddGoal(goal));
            }
        }
    });
}

fn functions(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session) {
    heading(ui, session.t("editor-functions"));
    let all = editor.draft().allowed.is_none();
    let mut every = all;
    if ui
        .checkbox(&mut every, session.t("editor-functions-all"))
        .changed()
    {
        editor.apply(if every {
            Action::AllowAll
        } else {
            Action::Allow {
                function: RobotFn::Move,
                allowed: true,
            }
        });
    }
    if all {
        return;
    }
    let allowed = editor.draft().to_level().allowed_functions();
    egui::Grid::new("editor-functions")
        .num_columns(2)
        .show(ui, |ui| {
            for (i, function) in RobotFn::ALL.into_iter().enumerate() {
                let mut on = allowed.contains(&function);
                let label = format!(
                    "{}() · {}()",
                    function_name(session.lang, function),
                    function_name(other(session.lang), function)
                );
                if ui
                    .checkbox(&mut on, label)
                    .on_hover_text(function_description(session.lang, function))
                    .changed()
                {
                    editor.apply(Action::Allow {
                        function,
                        allowed: on,
                    });
                }
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    ui.label(
        RichText::new(session.t("editor-functions-help"))
            .small()
            .weak(),
    );
}

fn other(lang: crate::i18n::Lang) -> crate::i18n::Lang {
    match lang {
        crate::i18n::Lang::Fr => crate::i18n::Lang::En,
        crate::i18n::Lang::En => crate::i18n::Lang::Fr,
    }
}

fn limits(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session) {
    heading(ui, session.t("editor-limits"));
    let draft = editor.draft().clone();
    egui::Grid::new("editor-limits")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label(session.t("editor-max-actions"));
            if let Some(n) = number(ui, draft.max_actions, 1..=100_000) {
                editor.apply(Action::SetMaxActions(n));
            }
            ui.end_row();
            let star = |ui: &mut egui::Ui,
                        editor: &mut LevelEditor,
                        label: String,
                        value: Option<u32>,
                        set: &dyn Fn(Option<u32>) -> Stars| {
                let mut on = value.is_some();
                if ui.checkbox(&mut on, label).changed() {
                    editor.apply(Action::SetStars(set(on.then_some(value.unwrap_or(10)))));
                }
                if let Some(v) = value
                    && let Some(n) = number(ui, v, 1..=100_000)
                {
                    editor.apply(Action::SetStars(set(Some(n))));
                }
                ui.end_row();
            };
            let stars = draft.stars;
            star(
                ui,
                editor,
                session.t("editor-star-lines"),
                stars.max_lines,
                &|v| Stars {
                    max_lines: v,
                    ..stars
                },
            );
            star(
                ui,
                editor,
                session.t("editor-star-actions"),
                stars.max_actions,
                &|v| Stars {
                    max_actions: v,
                    ..stars
                },
            );
        });
    ui.label(RichText::new(session.t("editor-stars-help")).small().weak());
}

fn variants(ui: &mut egui::Ui, editor: &mut LevelEditor, session: &Session) {
    heading(ui, session.t("editor-variants"));
    ui.horizontal(|ui| {
        ui.label(session.t("editor-variant-count"));
        if let Some(n) = number(ui, editor.draft().variants.count, 1..=MAX_VARIANTS) {
            editor.apply(Action::SetVariantCount(n));
        }
    });
    ui.label(
        RichText::new(session.t("editor-variants-help"))
            .small()
            .weak(),
    );
    let rules = editor.draft().variants.rules.clone();
    let mut remove = None;
    for (i, rule) in rules.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if let Some(rule) = rule_row(ui, session, rule) {
                editor.apply(Action::SetRule(i, rule));
            }
            if ui
                .small_button("✖")
                .on_hover_text(session.t("editor-remove"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        editor.apply(Action::RemoveRule(i));
    }
    let mark = editor.draft().legend.keys().next().copied().unwrap_or('*');
    let templates = [
        (
            "editor-rule-stretch",
            Rule::Stretch {
                column: 1,
                extra: (0, 2),
            },
        ),
        (
            "editor-rule-stretch-row",
            Rule::StretchRow {
                row: 1,
                extra: (0, 2),
            },
        ),
        (
            "editor-rule-scatter",
            Rule::Scatter {
                mark,
                count: (1, 2),
            },
        ),
        (
            "editor-rule-item-count",
            Rule::ItemCount {
                mark,
                range: (1, 3),
            },
        ),
        ("editor-rule-random-heading", Rule::RandomHeading),
    ];
    ui.horizontal_wrapped(|ui| {
        ui.label(session.t("editor-add"));
        for (id, rule) in templates {
            if ui.small_button(session.t(id)).clicked() {
                editor.apply(Action::AddRule(rule));
            }
        }
    });
}

/// One rule as words and numbers; returns the rule changed, if it was.
fn rule_row(ui: &mut egui::Ui, session: &Session, rule: &Rule) -> Option<Rule> {
    let range = |ui: &mut egui::Ui, (min, max): (u32, u32)| -> Option<(u32, u32)> {
        let a = number(ui, min, 0..=64);
        ui.label("–");
        let b = number(ui, max, 0..=64);
        (a.is_some() || b.is_some()).then(|| (a.unwrap_or(min), b.unwrap_or(max)))
    };
    let mark_field = |ui: &mut egui::Ui, mark: char| -> Option<char> {
        let mut text = mark.to_string();
        let response = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(22.0)
                .font(egui::TextStyle::Monospace),
        );
        response
            .changed()
            .then(|| text.chars().last())
            .flatten()
            .filter(|c| !c.is_whitespace())
    };
    match *rule {
        Rule::Stretch { column, extra } => {
            ui.label(session.t("editor-rule-stretch-column"));
            let c = number(ui, column, 0..=63);
            ui.label(session.t("editor-rule-extra"));
            let e = range(ui, extra);
            (c.is_some() || e.is_some()).then(|| Rule::Stretch {
                column: c.unwrap_or(column),
                extra: e.unwrap_or(extra),
            })
        }
        Rule::StretchRow { row, extra } => {
            ui.label(session.t("editor-rule-stretch-row-label"));
            let r = number(ui, row, 0..=63);
            ui.label(session.t("editor-rule-extra"));
            let e = range(ui, extra);
            (r.is_some() || e.is_some()).then(|| Rule::StretchRow {
                row: r.unwrap_or(row),
                extra: e.unwrap_or(extra),
            })
        }
        Rule::Scatter { mark, count } => {
            ui.label(session.t("editor-rule-scatter-keep"));
            let c = range(ui, count);
            ui.label(session.t("editor-rule-scatter-of"));
            let m = mark_field(ui, mark);
            (c.is_some() || m.is_some()).then(|| Rule::Scatter {
                mark: m.unwrap_or(mark),
                count: c.unwrap_or(count),
            })
        }
        Rule::ItemCount { mark, range: items } => {
            ui.label(session.t("editor-rule-item-count-cells"));
            let m = mark_field(ui, mark);
            ui.label(session.t("editor-rule-item-count-hold"));
            let r = range(ui, items);
            (m.is_some() || r.is_some()).then(|| Rule::ItemCount {
                mark: m.unwrap_or(mark),
                range: r.unwrap_or(items),
            })
        }
        Rule::RandomHeading => {
            ui.label(session.t("editor-rule-random-heading"));
            None
        }
    }
}
