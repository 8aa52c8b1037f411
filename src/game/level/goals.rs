//! The level's goals said plainly ("Ramasse toutes les gemmes."), for the brief panel.
//! Cells named by a mark (`RobotOn('X')`) are labelled with that letter on the grid.

use std::collections::BTreeMap;

use crate::i18n::{FluentValue, Lang, color_name, tr};
use crate::level::{Feature, builtin_features};
use crate::sim::{Color, Goal, ItemKind};

/// One line of the goal list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GoalLine {
    pub text: String,
    /// Text to show as code under the line (the exact output expected).
    pub code: Option<String>,
    /// Nesting, for "one of these" goals.
    pub depth: usize,
}

/// The goals of a level, one line each (nested goals indented). The map's `legend` tells
/// which marks are coloured floor, so that "the yellow squares" is said in words.
pub(crate) fn goal_lines(
    lang: Lang,
    goals: &[Goal],
    legend: &BTreeMap<char, Vec<Feature>>,
) -> Vec<GoalLine> {
    let mut lines = Vec::new();
    for goal in goals {
        push_goal(lang, goal, legend, 0, &mut lines);
    }
    lines
}

/// The colour of the floor a mark stands for, when that is all the mark is (`y`).
fn floor_colour(legend: &BTreeMap<char, Vec<Feature>>, mark: char) -> Option<Color> {
    let features = legend
        .get(&mark)
        .cloned()
        .or_else(|| builtin_features(mark))?;
    match features.as_slice() {
        [Feature::Color(colour)] => Some(*colour),
        _ => None,
    }
}

/// The goals as a student reading the brief in one language should see them: a level
/// that accepts the same words in either language (`Any([Said("Fini"), Said("Done")])`)
/// shows only the words its brief uses in that language ("Fini" to a French student).
/// Alternatives the brief does not name, or other goals, are kept as they are.
pub(crate) fn goals_for_brief(goals: &[Goal], brief: &str) -> Vec<Goal> {
    goals
        .iter()
        .map(|goal| match goal {
            Goal::All(inner) => Goal::All(goals_for_brief(inner, brief)),
            Goal::Any(choices)
                if choices
                    .iter()
                    .all(|c| matches!(c, Goal::Said(_) | Goal::Output(_))) =>
            {
                let named: Vec<&Goal> = choices
                    .iter()
                    .filter(|choice| match choice {
                        Goal::Said(text) | Goal::Output(text) => {
                            !text.is_empty() && brief.contains(text.as_str())
                        }
                        _ => false,
                    })
                    .collect();
                match named.as_slice() {
                    [only] => Goal::clone(only),
                    _ => goal.clone(),
                }
            }
            _ => goal.clone(),
        })
        .collect()
}

/// The marks that goals refer to, to label those cells on the grid.
pub(super) fn goal_marks(goals: &[Goal]) -> Vec<char> {
    let mut marks: Vec<char> = goals.iter().flat_map(Goal::marks).collect();
    marks.sort_unstable();
    marks.dedup();
    marks
}

fn push_goal(
    lang: Lang,
    goal: &Goal,
    legend: &BTreeMap<char, Vec<Feature>>,
    depth: usize,
    lines: &mut Vec<GoalLine>,
) {
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
        // `.` is the plain floor: its label on the grid is a mere dot, so say it in words.
        Goal::Painted('.', color) => lines.push(line(tr(
            lang,
            "level-goal-painted-floor",
            &[("color", color_name(lang, *color).into())],
        ))),
        Goal::Painted(m, color) => {
            let color_arg = ("color", color_name(lang, *color).into());
            // Coloured floor (`y`) is named by its colour, any other mark by its letter.
            let text = match floor_colour(legend, *m) {
                Some(from) => tr(
                    lang,
                    "level-goal-painted-colored",
                    &[("from", from.name().into()), color_arg],
                ),
                None => tr(lang, "level-goal-painted", &[("mark", mark(m)), color_arg]),
            };
            lines.push(line(text));
        }
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
                push_goal(lang, goal, legend, depth, lines);
            }
        }
        Goal::Any(goals) => {
            lines.push(line(tr(lang, "level-goal-any", &[])));
            for goal in goals {
                push_goal(lang, goal, legend, depth + 1, lines);
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
            Goal::Painted('.', Color::Green),
            Goal::Output("{items}\n{items:gem}".into()),
            Goal::Said("hello".into()),
            Goal::Any(vec![Goal::ReachGoal, Goal::Carry(1)]),
        ];
        for lang in Lang::ALL {
            let lines = goal_lines(lang, &goals, &BTreeMap::new());
            assert_eq!(lines.len(), 13);
            for line in &lines {
                assert!(!line.text.starts_with("level-goal"), "{lang}: {line:?}");
                assert!(!line.text.contains('{'), "{lang}: {line:?}");
            }
            assert!(lines[1].text.contains('X'));
            // The plain floor is named in words, not by its dot.
            let floor = &lines[7].text;
            assert!(
                !floor.contains("« . »") && !floor.contains("\".\""),
                "{floor}"
            );
            let code = lines[8].code.as_deref().unwrap();
            assert!(!code.contains("{items"), "{code}");
            assert_eq!(lines[12].depth, 1);
        }
        assert_eq!(goal_marks(&goals), vec!['.', 'D', 'P', 'X']);
    }

    #[test]
    fn coloured_floor_is_named_by_its_colour() {
        let goals = vec![
            Goal::Painted('y', Color::Blue),
            Goal::Painted('P', Color::Red),
        ];
        let fr = goal_lines(Lang::Fr, &goals, &BTreeMap::new());
        assert_eq!(fr[0].text, "Peins en bleu toutes les cases jaunes.");
        let en = goal_lines(Lang::En, &goals, &BTreeMap::new());
        assert_eq!(en[0].text, "Paint every yellow square blue.");
        // A mark the legend defines otherwise keeps its letter.
        assert!(fr[1].text.contains("« P »"), "{}", fr[1].text);
        let legend = BTreeMap::from([('y', vec![Feature::Goal])]);
        let fr = goal_lines(Lang::Fr, &goals, &legend);
        assert!(fr[0].text.contains("« y »"), "{}", fr[0].text);
    }

    #[test]
    fn a_brief_shows_only_the_words_of_its_language() {
        let words = Goal::Any(vec![Goal::Said("Fini".into()), Goal::Said("Done".into())]);
        let goals = vec![Goal::ReachGoal, words.clone()];
        let french = goals_for_brief(&goals, "Sur G, fais dire « Fini » au robot.");
        assert_eq!(french, vec![Goal::ReachGoal, Goal::Said("Fini".into())]);
        let english = goals_for_brief(&goals, "On G, make the robot say \"Done\".");
        assert_eq!(english, vec![Goal::ReachGoal, Goal::Said("Done".into())]);
        // A brief naming neither (or both) keeps every choice.
        assert_eq!(goals_for_brief(&goals, "Go to G."), goals);
        assert_eq!(goals_for_brief(&goals, "Say Fini or Done."), goals);
        // Other choices are left alone.
        let paths = vec![Goal::Any(vec![Goal::ReachGoal, Goal::Said("Fini".into())])];
        assert_eq!(goals_for_brief(&paths, "Fini"), paths);
    }
}
