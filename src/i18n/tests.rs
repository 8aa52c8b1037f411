use std::collections::BTreeSet;

use fluent_bundle::FluentResource;

use super::catalog::{Messages, audit, source};
use super::explain::function_message_id;
use super::*;
use crate::sandbox::{Problem, ProgramError, RobotFn};
use crate::sim::{ActionError, Color, GoalFailure};

/// The message ids defined in a Fluent source (messages start a line with `id =`).
fn ids_in(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

fn all_ids() -> BTreeSet<String> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| ids_in(source(lang)))
        .collect()
}

/// An index per variant, with no catch-all: a new variant must be added here, and then
/// [`every_problem`] must show it for the coverage test to pass.
fn problem_index(problem: &Problem) -> usize {
    match problem {
        Problem::MissingColon => 0,
        Problem::AssignInCondition => 1,
        Problem::BadIndentation => 2,
        Problem::UnclosedBracket { .. } => 3,
        Problem::UnmatchedBracket { .. } => 4,
        Problem::UnclosedString => 5,
        Problem::TooDeeplyNested { .. } => 6,
        Problem::ProgramTooLong { .. } => 7,
        Problem::InvalidSyntax { .. } => 8,
        Problem::MissingCallParens { .. } => 9,
        Problem::ForbiddenImport { .. } => 10,
        Problem::ForbiddenName { .. } => 11,
        Problem::ForbiddenAttribute { .. } => 12,
        Problem::NotAllowedInLevel { .. } => 13,
        Problem::UnknownName { .. } => 14,
        Problem::WrongArgumentCount { .. } => 15,
        Problem::TextAndNumber => 16,
        Problem::BadArgument { .. } => 17,
        Problem::DivisionByZero => 18,
        Problem::IndexOutOfRange => 19,
        Problem::MissingKey { .. } => 20,
        Problem::NotCallable { .. } => 21,
        Problem::RecursionTooDeep => 22,
        Problem::ValueTooBig => 23,
        Problem::Robot { .. } => 24,
        Problem::PythonError { .. } => 25,
        Problem::TooManyActions { .. } => 26,
        Problem::Timeout { .. } => 27,
        Problem::Memory { .. } => 28,
        Problem::OutputLimit { .. } => 29,
        Problem::Crashed => 30,
    }
}

fn goal_index(failure: &GoalFailure) -> usize {
    match failure {
        GoalFailure::NotOnGoal => 0,
        GoalFailure::NotOnMark { .. } => 1,
        GoalFailure::ItemsLeft { .. } => 2,
        GoalFailure::NotCarrying { .. } => 3,
        GoalFailure::WrongItemCount { .. } => 4,
        GoalFailure::NotPainted { .. } => 5,
        GoalFailure::WrongOutput { .. } => 6,
        GoalFailure::WrongSaid { .. } => 7,
        GoalFailure::NoneOf { .. } => 8,
    }
}

fn s(text: &str) -> String {
    text.to_owned()
}

/// Every variant, and every branch of the messages (plurals, optional fields).
fn every_problem() -> Vec<Problem> {
    let mut problems = vec![
        Problem::MissingColon,
        Problem::AssignInCondition,
        Problem::BadIndentation,
        Problem::UnclosedString,
        Problem::TooDeeplyNested { limit: 1 },
        Problem::TooDeeplyNested { limit: 50 },
        Problem::ProgramTooLong { limit: 20_000 },
        Problem::InvalidSyntax {
            detail: s("invalid syntax"),
        },
        Problem::MissingCallParens { name: s("move") },
        Problem::MissingCallParens { name: s("avancer") },
        Problem::ForbiddenImport { module: s("os") },
        Problem::ForbiddenName { name: s("open") },
        Problem::ForbiddenAttribute {
            name: s("__class__"),
        },
        Problem::NotAllowedInLevel { name: s("paint") },
        Problem::UnknownName {
            name: s("avancr"),
            suggestion: Some(s("avancer")),
        },
        Problem::UnknownName {
            name: s("x"),
            suggestion: None,
        },
        Problem::WrongArgumentCount {
            function: s("paint"),
            expected: Some(1),
            given: Some(0),
        },
        Problem::WrongArgumentCount {
            function: s("move"),
            expected: Some(0),
            given: Some(1),
        },
        Problem::WrongArgumentCount {
            function: s("f"),
            expected: Some(2),
            given: Some(3),
        },
        Problem::WrongArgumentCount {
            function: s("peindre"),
            expected: Some(1),
            given: None,
        },
        Problem::WrongArgumentCount {
            function: s("f"),
            expected: None,
            given: Some(2),
        },
        Problem::WrongArgumentCount {
            function: s("f"),
            expected: None,
            given: None,
        },
        Problem::TextAndNumber,
        Problem::BadArgument {
            function: s("paint"),
        },
        Problem::BadArgument {
            function: s("peindre()"),
        },
        Problem::BadArgument { function: s("say") },
        Problem::DivisionByZero,
        Problem::IndexOutOfRange,
        Problem::MissingKey { key: s("'gem'") },
        Problem::NotCallable { what: s("int") },
        Problem::RecursionTooDeep,
        Problem::ValueTooBig,
        Problem::PythonError {
            exception: s("ValueError"),
            message: s("invalid literal for int()"),
        },
        Problem::PythonError {
            exception: s("AssertionError"),
            message: s(""),
        },
        Problem::TooManyActions { limit: 1000 },
        Problem::TooManyActions { limit: 1 },
        Problem::Timeout { seconds: 5.0 },
        Problem::Timeout { seconds: 1.0 },
        Problem::Timeout { seconds: 2.5 },
        Problem::Memory { megabytes: 256 },
        Problem::OutputLimit { limit: 100_000 },
        Problem::Crashed,
    ];
    for bracket in ['(', '[', '{', '<'] {
        problems.push(Problem::UnclosedBracket { bracket });
    }
    for bracket in [')', ']', '}', '>'] {
        problems.push(Problem::UnmatchedBracket { bracket });
    }
    for error in [
        ActionError::HitWall,
        ActionError::NothingToPick,
        ActionError::BagEmpty,
    ] {
        problems.push(Problem::Robot { error });
    }
    problems
}

fn every_goal_failure() -> Vec<GoalFailure> {
    let mut failures = vec![
        GoalFailure::NotOnGoal,
        GoalFailure::NotOnMark { mark: 'D' },
        GoalFailure::ItemsLeft { left: 1 },
        GoalFailure::ItemsLeft { left: 3 },
        GoalFailure::NotCarrying {
            wanted: 1,
            carried: 0,
        },
        GoalFailure::NotCarrying {
            wanted: 3,
            carried: 2,
        },
        GoalFailure::WrongItemCount {
            mark: 'D',
            wanted: 0,
            found: 2,
        },
        GoalFailure::WrongItemCount {
            mark: 'D',
            wanted: 1,
            found: 0,
        },
        GoalFailure::WrongItemCount {
            mark: 'D',
            wanted: 2,
            found: 1,
        },
        GoalFailure::WrongOutput {
            expected: s("3"),
            printed: s("4"),
        },
        GoalFailure::WrongOutput {
            expected: s("3"),
            printed: s(""),
        },
        GoalFailure::WrongOutput {
            expected: s("1\n2\n3"),
            printed: s("1\n5\n3"),
        },
        GoalFailure::WrongOutput {
            expected: s("1\n2\n3"),
            printed: s("1\n2"),
        },
        GoalFailure::WrongOutput {
            expected: s("1\n2"),
            printed: s("1\n2\n3"),
        },
        GoalFailure::WrongOutput {
            expected: s(""),
            printed: s("bonjour"),
        },
        GoalFailure::WrongOutput {
            expected: s("a"),
            printed: s(&"x".repeat(500)),
        },
        GoalFailure::WrongSaid {
            expected: s("Il y a 3 objets"),
            said: Some(s("Il y a 2 objets")),
        },
        GoalFailure::WrongSaid {
            expected: s("Bonjour"),
            said: None,
        },
        GoalFailure::WrongSaid {
            expected: s("Fini"),
            said: Some(s("fini")),
        },
        GoalFailure::NoneOf {
            first: Box::new(GoalFailure::NotOnGoal),
        },
        GoalFailure::NoneOf {
            first: Box::new(GoalFailure::NoneOf {
                first: Box::new(GoalFailure::ItemsLeft { left: 2 }),
            }),
        },
    ];
    for color in Color::ALL {
        failures.push(GoalFailure::NotPainted { mark: 'P', color });
    }
    failures
}

/// A rendered message must be clean: not empty, no unreplaced placeable, no raw id.
fn assert_clean(text: &str, what: &str, ids: &BTreeSet<String>) {
    assert!(!text.trim().is_empty(), "{what}: empty message");
    // Curly brackets only as the quoted subject of a bracket message: « { » or "}".
    let unquoted = ["« { »", "« } »", "\"{\"", "\"}\""]
        .iter()
        .fold(text.to_owned(), |t, q| t.replace(q, ""));
    assert!(
        !unquoted.contains('{') && !unquoted.contains('}'),
        "{what}: unreplaced placeable in {text:?}"
    );
    assert!(
        !text.contains('\u{2068}') && !text.contains('\u{2069}'),
        "{what}: isolation marks in {text:?}"
    );
    for id in ids {
        assert!(
            !text.contains(id.as_str()),
            "{what}: raw id {id} in {text:?}"
        );
    }
}

#[test]
fn both_catalogues_parse_without_errors() {
    for lang in Lang::ALL {
        let resource = match FluentResource::try_new(source(lang).to_owned()) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{lang}: Fluent syntax errors: {errors:?}"),
        };
        let mut bundle = fluent_bundle::concurrent::FluentBundle::new_concurrent(vec![
            lang.code().parse().unwrap(),
        ]);
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("{lang}: duplicate or bad entries: {errors:?}");
        }
    }
}

#[test]
fn both_catalogues_have_the_same_ids() {
    let french = ids_in(source(Lang::Fr));
    let english = ids_in(source(Lang::En));
    assert!(
        french.len() > 50,
        "the id scanner found only {} ids",
        french.len()
    );
    let only_french: Vec<_> = french.difference(&english).collect();
    let only_english: Vec<_> = english.difference(&french).collect();
    assert!(only_french.is_empty(), "only in French: {only_french:?}");
    assert!(only_english.is_empty(), "only in English: {only_english:?}");
    for lang in Lang::ALL {
        for id in &french {
            assert!(
                Messages::get(lang).has(id),
                "{lang}: {id} found by the scanner but not by Fluent"
            );
        }
    }
}

#[test]
fn every_problem_variant_is_covered_by_the_samples() {
    let seen: BTreeSet<usize> = every_problem().iter().map(problem_index).collect();
    let max = seen.iter().max().copied().unwrap_or_default();
    assert_eq!(seen, (0..=max).collect(), "a Problem variant has no sample");
    let seen: BTreeSet<usize> = every_goal_failure().iter().map(goal_index).collect();
    let max = seen.iter().max().copied().unwrap_or_default();
    assert_eq!(
        seen,
        (0..=max).collect(),
        "a GoalFailure variant has no sample"
    );
}

#[test]
fn every_problem_has_a_clean_message_with_its_line() {
    audit::take();
    let ids = all_ids();
    for problem in every_problem() {
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let with_line =
                program_error_message(lang, &ProgramError::new(problem.clone(), Some(37)));
            let with_column =
                program_error_message(lang, &ProgramError::at(problem.clone(), 12, 5));
            let nowhere = program_error_message(lang, &ProgramError::new(problem.clone(), None));
            let (line, column) = match lang {
                Lang::Fr => ("Ligne 37 : ", "Ligne 12, colonne 5 : "),
                Lang::En => ("Line 37: ", "Line 12, column 5: "),
            };
            assert!(with_line.starts_with(line), "{with_line:?}");
            assert!(with_column.starts_with(column), "{with_column:?}");
            assert!(
                nowhere.starts_with(|c: char| !c.is_lowercase()),
                "no capital letter: {nowhere:?}"
            );
            assert_eq!(nowhere, problem_message(lang, &problem));
            for text in [&with_line, &with_column, &nowhere] {
                assert_clean(text, &format!("{lang} {problem:?}"), &ids);
            }
            texts.push(nowhere);
        }
        assert_ne!(
            texts[0], texts[1],
            "French and English are the same for {problem:?}"
        );
    }
    assert_eq!(
        audit::take(),
        Vec::<String>::new(),
        "missing messages or formatting errors"
    );
}

#[test]
fn every_goal_failure_has_a_clean_message() {
    audit::take();
    let ids = all_ids();
    for failure in every_goal_failure() {
        let french = goal_failure_message(Lang::Fr, &failure);
        let english = goal_failure_message(Lang::En, &failure);
        assert_clean(&french, &format!("fr {failure:?}"), &ids);
        assert_clean(&english, &format!("en {failure:?}"), &ids);
        assert_ne!(french, english, "{failure:?}");
        assert!(french.starts_with(char::is_uppercase), "{french:?}");
        assert!(english.starts_with(char::is_uppercase), "{english:?}");
    }
    assert_eq!(
        audit::take(),
        Vec::<String>::new(),
        "missing messages or formatting errors"
    );
}

#[test]
fn general_messages_exist_and_format_cleanly() {
    audit::take();
    let all = all_ids();
    for id in ids::ALL {
        assert!(all.contains(id), "{id} is not in the catalogues");
    }
    let reason = "Variante 3 : le robot s'est cogné.";
    let samples: [(&str, Vec<(&str, FluentValue<'_>)>); 13] = [
        (ids::VERDICT_PASSED, vec![("stars", 0.into())]),
        (ids::VERDICT_PASSED, vec![("stars", 1.into())]),
        (ids::VERDICT_PASSED, vec![("stars", 3.into())]),
        (ids::VERDICT_FAILED, vec![]),
        (
            ids::VERDICT_VARIANT_PASSED,
            vec![
                ("seed", u64::MAX.to_string().into()),
                ("actions", 12.into()),
            ],
        ),
        (
            ids::VERDICT_VARIANT_PASSED,
            vec![("seed", "7".into()), ("actions", 1.into())],
        ),
        (
            ids::VERDICT_VARIANT_FAILED,
            vec![("seed", "7".into()), ("reason", reason.into())],
        ),
        (
            ids::VERDICT_VARIANTS_SUMMARY,
            vec![("passed", 3.into()), ("total", 4.into())],
        ),
        (
            ids::INPUT_UNREADABLE_LEVEL,
            vec![("path", "a.ron".into()), ("reason", "not found".into())],
        ),
        (
            ids::INPUT_UNKNOWN_LEVEL,
            vec![("reference", "pack/level".into())],
        ),
        (
            ids::INPUT_UNREADABLE_PROGRAM,
            vec![("path", "a.py".into()), ("reason", "not found".into())],
        ),
        (ids::WHERE_LINE, vec![("line", 3.into())]),
        (
            ids::WHERE_LINE_COLUMN,
            vec![("line", 3.into()), ("column", 4.into())],
        ),
    ];
    for (id, args) in &samples {
        let french = tr(Lang::Fr, id, args);
        let english = tr(Lang::En, id, args);
        assert_clean(&french, id, &all);
        assert_clean(&english, id, &all);
        assert_ne!(french, english, "{id}");
    }
    assert_eq!(
        tr(Lang::Fr, ids::VERDICT_PASSED, &[("stars", 2.into())]),
        "Réussi ! Tu gagnes 2 étoiles sur 3."
    );
    assert_eq!(
        tr(Lang::En, ids::VERDICT_PASSED, &[("stars", 1.into())]),
        "Passed! You earn 1 star out of 3."
    );
    assert!(
        tr(Lang::En, ids::VERDICT_VARIANT_PASSED, &samples[4].1).contains(&u64::MAX.to_string())
    );
    assert_eq!(
        audit::take(),
        Vec::<String>::new(),
        "missing messages or formatting errors"
    );
}

#[test]
fn examples_read_as_intended() {
    let at = |problem: Problem, line: u32| ProgramError::new(problem, Some(line));
    let fr = |e: &ProgramError| program_error_message(Lang::Fr, e);
    let en = |e: &ProgramError| program_error_message(Lang::En, e);
    assert_eq!(
        fr(&at(Problem::MissingColon, 2)),
        "Ligne 2 : il manque « : » à la fin de cette ligne. Après if, for, while, else et def, on termine la ligne par deux-points."
    );
    let unclosed = ProgramError::at(Problem::UnclosedBracket { bracket: '(' }, 4, 9);
    assert_eq!(
        fr(&unclosed),
        "Ligne 4, colonne 9 : la parenthèse « ( » ouverte ici n'est jamais fermée. Ajoute « ) » au bon endroit."
    );
    let typo = at(
        Problem::UnknownName {
            name: s("avancr"),
            suggestion: Some(s("avancer")),
        },
        3,
    );
    assert_eq!(
        fr(&typo),
        "Ligne 3 : Python ne connaît pas « avancr ». Voulais-tu dire « avancer » ?"
    );
    assert_eq!(
        en(&typo),
        "Line 3: Python doesn't know \"avancr\". Did you mean \"avancer\"?"
    );
    let wall = at(
        Problem::Robot {
            error: ActionError::HitWall,
        },
        5,
    );
    assert!(fr(&wall).contains("devant_libre()") && !fr(&wall).contains("front_is_clear"));
    assert!(en(&wall).contains("front_is_clear()") && !en(&wall).contains("devant_libre"));
    let count = at(
        Problem::WrongArgumentCount {
            function: s("peindre"),
            expected: Some(1),
            given: Some(0),
        },
        6,
    );
    assert_eq!(
        fr(&count),
        "Ligne 6 : il faut 1 valeur entre les parenthèses de peindre(), mais tu n'en as donné aucune."
    );
    assert_eq!(
        en(&count),
        "Line 6: you gave no values to peindre(), but it takes 1."
    );
    let timeout = ProgramError::new(Problem::Timeout { seconds: 2.5 }, None);
    assert!(fr(&timeout).starts_with("Ton programme n'a pas fini après 2,5 secondes"));
    assert!(en(&timeout).starts_with("Your program had not finished after 2.5 seconds"));
    let one_second = ProgramError::new(Problem::Timeout { seconds: 1.0 }, None);
    assert!(
        fr(&one_second).contains("après 1 seconde :"),
        "{}",
        fr(&one_second)
    );
    let paint = GoalFailure::NotPainted {
        mark: 'P',
        color: Color::Red,
    };
    assert!(goal_failure_message(Lang::Fr, &paint).contains("peintes en rouge"));
    let output = GoalFailure::WrongOutput {
        expected: s("1\n2\n3"),
        printed: s("1\n5\n3"),
    };
    assert_eq!(
        goal_failure_message(Lang::Fr, &output),
        "La ligne 2 de l'affichage devrait être « 2 », mais ton programme a affiché « 5 »."
    );
    let long = GoalFailure::WrongOutput {
        expected: s("a"),
        printed: s(&"x".repeat(500)),
    };
    assert!(goal_failure_message(Lang::En, &long).len() < 200);
    let key = at(Problem::MissingKey { key: s("'gem'") }, 8);
    assert_eq!(
        en(&key),
        "Line 8: the key \"gem\" doesn't exist in this dictionary. Check its spelling, or add it before reading it."
    );
    let stray = at(Problem::UnmatchedBracket { bracket: ')' }, 2);
    assert!(fr(&stray).contains("Enlève-la"), "{}", fr(&stray));
    let nested = GoalFailure::NoneOf {
        first: Box::new(GoalFailure::NoneOf {
            first: Box::new(GoalFailure::NotOnGoal),
        }),
    };
    assert_eq!(
        goal_failure_message(Lang::En, &nested)
            .matches("None of")
            .count(),
        1
    );
}

#[test]
fn unknown_ids_fall_back_to_english_then_to_the_id() {
    audit::take();
    assert_eq!(tr(Lang::Fr, "no-such-message", &[]), "no-such-message");
    assert_eq!(
        tr(Lang::En, "no-such-message", &[("x", 1.into())]),
        "no-such-message"
    );
    let partial = Messages::from_source(Lang::Fr, "only-here = Bonjour\nbroken = { \n");
    assert_eq!(partial.tr("only-here", &[]), "Bonjour");
    assert_eq!(
        partial.tr(ids::VERDICT_FAILED, &[]),
        tr(Lang::En, ids::VERDICT_FAILED, &[])
    );
    assert!(!partial.has(ids::VERDICT_FAILED));
    assert_eq!(
        audit::take().len(),
        3,
        "each missing message is noted in tests"
    );
}

#[test]
fn colors_and_functions_use_the_students_words() {
    for lang in Lang::ALL {
        for color in Color::ALL {
            assert_eq!(
                Color::parse(&color_name(lang, color)),
                Some(color),
                "{lang} {color:?}"
            );
        }
        for function in RobotFn::ALL {
            let description = function_description(lang, function);
            assert!(
                description.starts_with(&format!("{}(", function_name(lang, function))),
                "{lang}: {description:?}"
            );
            assert!(Messages::get(lang).has(function_message_id(function)));
        }
    }
    assert_eq!(color_name(Lang::Fr, Color::Green), "vert");
    assert_eq!(function_name(Lang::Fr, RobotFn::Move), "avancer");
}

#[test]
fn languages_parse_print_and_serialize() {
    assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
    assert_eq!(Lang::parse("FR-fr"), Some(Lang::Fr));
    assert_eq!(Lang::parse("fr_CA.UTF-8"), Some(Lang::Fr));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse(" EN "), Some(Lang::En));
    assert_eq!(Lang::parse("de"), None);
    assert_eq!(Lang::parse(""), None);
    assert_eq!("fr".parse::<Lang>(), Ok(Lang::Fr));
    assert!("xx".parse::<Lang>().is_err());
    assert_eq!(Lang::Fr.code(), "fr");
    assert_eq!(Lang::En.to_string(), "en");
    assert_eq!(Lang::from_locale("fr-BE"), Lang::Fr);
    assert_eq!(Lang::from_locale("de-DE"), Lang::En);
    assert_eq!(Lang::from_locale(""), Lang::En);
    assert!(Lang::ALL.contains(&Lang::detect()));
    assert_eq!(serde_json::to_string(&Lang::Fr).unwrap(), "\"fr\"");
    assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
}

#[test]
fn messages_can_live_in_a_game_resource() {
    fn send_sync<T: Send + Sync + 'static>(_: &T) {}
    send_sync(&Messages::get(Lang::Fr));
    assert_eq!(Messages::get(Lang::En).lang(), Lang::En);
}

/// A wrong capital gets its own advice; a level without sensors gets advice without them.
#[test]
fn advice_fits_the_mistake_and_the_level() {
    let case = GoalFailure::WrongSaid {
        expected: "Fini".into(),
        said: Some("fini".into()),
    };
    for lang in Lang::ALL {
        let plain = tr(
            lang,
            "goal-wrong-said",
            &[("expected", "Fini".into()), ("said", "fini".into())],
        );
        let told = goal_failure_message(lang, &case);
        assert!(
            told.starts_with(&plain) && told.len() > plain.len(),
            "{told}"
        );
    }
    let crash = ProgramError {
        problem: Problem::Robot {
            error: ActionError::HitWall,
        },
        line: Some(5),
        column: None,
    };
    let sensor = function_name(Lang::Fr, RobotFn::FrontIsClear);
    assert!(program_error_message(Lang::Fr, &crash).contains(sensor));
    let first_level = [RobotFn::Move, RobotFn::TurnLeft];
    let advice = program_error_message_for(Lang::Fr, &crash, &first_level);
    assert!(!advice.contains(sensor), "{advice}");
    assert!(advice.starts_with("Ligne 5"), "{advice}");
}
