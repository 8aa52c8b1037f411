//! The level's goals said plainly ("Ramasse toutes les gemmes."), for the brief panel.
//! Cells named by a mark (`RobotOn('X')`) are labelled with that letter on the grid.

use crate::i18n::{FluentValue, Lang, color_name, tr};
use crate::sim::{Goal, ItemKind};

/// One line of the goal list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GoalLine {
    pub text: String,
    /// Text to show as code under the line (the exact output expected).
    pub code: Option<String>,
    /// Nesting, for "one of these" goals.
    pub depth: usize,
}

/// The goals of a level, one line each (nested goals indented).
pub(crate) fn goal_lines(lang: Lang, goals: &[Goal]) -> Vec<GoalLine> {
    let mut lines = Vec::new();
    for goal in goals {
        push_goal(lang, goal, 0, &mut lines);
    }
    lines
}

/// The marks that goals refer to, to label those cells on the grid.
pub(super) fn goal_marks(goals: &[Goal]) -> Vec<char> {
    let mut marks: Vec<char> = goals.iter().flat_map(Goal::marks).collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

fn push_goal(lang: Lang, goal: &Goal, depth: usize, lines: &mut Vec<GoalLine>) {
    let mark = |m: &char| FluentValue::from(m.to_string());
    let line = |text: String| GoalLine {
        text,
        code: None,
        depth,
    };
    match goal {
        Goal::ReachGoal => lines.push(line(tr(lang, "level-goal-reach", &[]))),
        Goal::RobotOn(m) => lines.push(line(tr(lang, "level-goal-robot-on", &[("mark", mark(m))]))),
        Goal::CollectAll(None) => lines.push(line(tr(lang, "level-goal-collect-all", &[]))),
        Goal::CollectAll(Some(kind)) => lines.push(line(tr(
            lang,
            "level-goal-collect-kind",
            &[("kind", kind.name().into())],
        ))),
        Goal::Carry(count) => lines.push(line(tr(
            lang,
            "level-goal-carry",
            &[("count", (*count).into())],
        ))),
        Goal::ItemsOn(m, count) => lines.push(line(tr(
            lang,
            "level-goal-items-on",
            &[("mark", mark(m)), ("count", (*count).into())],
        ))),
        Goal::Painted(m, color) => lines.push(line(tr(
            lang,
            "level-goal-painted",
            &[
                ("mark", mark(m)),
                ("color", color_name(lang, *color).into()),
            ],
        ))),
        Goal::Output(template) => lines.push(GoalLine {
            code: Some(readable_template(lang, template)),
            ..line(tr(lang, "level-goal-output", &[]))
        }),
        Goal::Said(template) => lines.push(GoalLine {
            code: Some(readable_template(lang, template)),
            ..line(tr(lang, "level-goal-said", &[]))
        }),
        Goal::All(goals) => {
            for goal in goals {
                push_goal(lang, goal, depth, lines);
            }
        }
        Goal::Any(goals) => {
            lines.push(line(tr(lang, "level-goal-any", &[])));
            for goal in goals {
                push_goal(lang, goal, depth + 1, lines);
            }
        }
    }
}

/// An expected text with its `{items}` placeholders said in words, since the numbers
/// change from one variant to the next.
fn readable_template(lang: Lang, template: &str) -> String {
    let mut text = template.replace("{items}", &tr(lang, "level-goal-count-items", &[]));
    for kind in ItemKind::ALL {
        let words = tr(
            lang,
            "level-goal-count-kind",
            &[("kind", kind.name().into())],
        );
        text = text.replace(&format!("{{items:{}}}", kind.name()), &words);
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Color;

    #[test]
    fn every_goal_has_a_sentence_in_both_languages() {
        let goals = vec![
            Goal::ReachGoal,
            Goal::RobotOn('X'),
            Goal::CollectAll(None),
            Goal::CollectAll(Some(ItemKind::Coin)),
            Goal::Carry(2),
            Goal::ItemsOn('D', 3),
            Goal::Painted('P', Color::Red),
            Goal::Output("{items}\n{items:gem}".into()),
            Goal::Said("hello".into()),
            Goal::Any(vec![Goal::ReachGoal, Goal::Carry(1)]),
        ];
        for lang in Lang::ALL {
            let lines = goal_lines(lang, &goals);
            assert_eq!(lines.len(), 12);
            for line in &lines {
                assert!(!line.text.starts_with("level-goal"), "{lang}: {line:?}");
                assert!(!line.text.contains('{'), "{lang}: {line:?}");
            }
            assert!(lines[1].text.contains('X'));
            let code = lines[7].code.as_deref().unwrap();
            assert!(!code.contains("{items"), "{code}");
            assert_eq!(lines[11].depth, 1);
        }
        assert_eq!(goal_marks(&goals), vec!['D', 'P', 'X']);
    }
}
