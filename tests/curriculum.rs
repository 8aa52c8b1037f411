//! The built-in curriculum, checked end to end: every level's reference solution runs in
//! the real sandbox (worker processes of the `codebot` executable) on every variant and
//! earns its three stars; from chapter 2 on, a program replaying the actions of variant 0
//! fails on another variant; texts, hints, tiers and career cards are complete; and
//! `codebot validate` accepts the pack.

use std::process::Command;
use std::sync::OnceLock;

use codebot::curriculum::{self, Tier};
use codebot::grade::{self, Report};
use codebot::level::{self, Level, Pack, lines_of_code};
use codebot::sandbox::Sandbox;
use codebot::sim::{Action, Trace};

fn sandbox() -> Sandbox {
    Sandbox::new(env!("CARGO_BIN_EXE_codebot"))
}

fn pack() -> Pack {
    level::builtin_pack("codebot").expect("the built-in pack is valid")
}

/// Every level with the grading of its reference solution, computed once for all tests.
fn references() -> &'static [(usize, Level, Report)] {
    static REPORTS: OnceLock<Vec<(usize, Level, Report)>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let runner = sandbox();
        let chapters = pack().chapters;
        chapters
            .iter()
            .enumerate()
            .flat_map(|(index, chapter)| chapter.levels.iter().map(move |l| (index, l)))
            .map(|(index, level)| {
                let report = grade::grade_reference(level, &runner)
                    .unwrap_or_else(|e| panic!("{}: {e}", level.id));
                (index, level.clone(), report)
            })
            .collect()
    })
}

/// A Python string literal (JSON's escapes are valid Python).
fn literal(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialize")
}

/// The straight-line program a student would write by copying what the reference did on
/// one variant: each action as a call, and the printed text at the same moments.
fn replay_program(trace: &Trace) -> String {
    let mut code = String::new();
    let mut printed = 0;
    let mut print_up_to = |end: usize, code: &mut String| {
        if end > printed {
            let text = &trace.output[printed..end];
            code.push_str(&format!("print({}, end=\"\")\n", literal(text)));
            printed = end;
        }
    };
    for frame in &trace.frames {
        print_up_to(frame.output_len, &mut code);
        code.push_str(&match &frame.action {
            Action::Paint(color) => format!("paint({})\n", literal(color.name())),
            Action::Say(text) => format!("say({})\n", literal(text)),
            other => format!("{}()\n", other.name()),
        });
    }
    print_up_to(trace.output.len(), &mut code);
    code
}

#[test]
fn every_reference_solution_passes_every_variant_with_three_stars() {
    for (_, level, report) in references() {
        let failed: Vec<_> = report
            .variants
            .iter()
            .filter(|v| !v.passed())
            .map(|v| (v.seed, v.failure.clone()))
            .collect();
        assert!(report.passed, "{}: failed variants {failed:?}", level.id);
        assert_eq!(report.variants.len() as u32, level.variants.count);
        assert_eq!(report.stars, 3, "{}: stars", level.id);
        // Star targets are what the reference does: reachable, and not too generous.
        assert_eq!(
            level.stars.max_actions,
            Some(report.max_actions()),
            "{}: the actions target is the reference's worst variant",
            level.id
        );
        assert_eq!(
            level.stars.max_lines,
            Some(lines_of_code(&level.solution)),
            "{}: the lines target is the reference's length",
            level.id
        );
    }
}

#[test]
fn replaying_one_variant_fails_from_the_second_chapter_on() {
    let runner = sandbox();
    for (chapter, level, report) in references() {
        let trace = report.variants[0].trace.as_ref().expect("variant 0 ran");
        let replay = replay_program(trace);
        let replayed = grade::grade(level, &replay, &runner).unwrap();
        if *chapter == 0 {
            // Sequences need no sensor: there, the copy is as good as the reference, which
            // also shows that the replay is faithful.
            assert!(
                replayed.passed,
                "{}: the replay should pass:\n{replay}",
                level.id
            );
        } else {
            assert!(
                replayed.variants[0].passed(),
                "{}: the replay passes the variant it copies:\n{replay}",
                level.id
            );
            assert!(
                !replayed.passed,
                "{}: replaying variant 0 passes every variant:\n{replay}",
                level.id
            );
        }
    }
}

/// Whether a text shows a function call such as `move()` or `print(n)`.
fn shows_a_call(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| (w[0].is_ascii_alphanumeric() || w[0] == b'_') && w[1] == b'(')
}

#[test]
fn levels_have_short_texts_in_both_languages_and_graded_hints() {
    let words = |t: &str| t.split_whitespace().count();
    for (chapter, level, _) in references() {
        for (what, text) in [("title", &level.title), ("brief", &level.brief)] {
            assert!(
                text.empty_languages().is_empty(),
                "{}: {what} in both languages",
                level.id
            );
            assert_ne!(text.fr, text.en, "{}: {what} translated", level.id);
        }
        for text in [&level.brief.fr, &level.brief.en] {
            assert!(
                words(text) < 60,
                "{}: brief of {} words",
                level.id,
                words(text)
            );
        }
        assert!(level.hints.len() >= 3, "{}: at least 3 hints", level.id);
        for hint in &level.hints {
            assert!(hint.empty_languages().is_empty(), "{}: hint", level.id);
            assert!(words(&hint.fr) < 60 && words(&hint.en) < 60, "{}", level.id);
        }
        // Graded: the first hint is a nudge in words, the last one nearly the answer,
        // with the code to write.
        let (first, last) = (&level.hints[0], level.hints.last().unwrap());
        for (nudge, answer) in [(&first.fr, &last.fr), (&first.en, &last.en)] {
            assert!(
                shows_a_call(answer),
                "{}: the last hint shows code: {answer}",
                level.id
            );
            assert_ne!(nudge, answer, "{}", level.id);
        }
        assert!(level.allowed.is_some(), "{}: allowed functions", level.id);
        if *chapter > 0 {
            assert!(level.variants.count >= 3, "{}: variants", level.id);
        }
    }
}

#[test]
fn the_pack_has_eight_chapters_in_three_tiers() {
    let pack = pack();
    let ids: Vec<&str> = pack.chapters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "premiers-pas",
            "conditions",
            "boucles-for",
            "boucles-while",
            "variables",
            "fonctions",
            "listes",
            "algorithmes"
        ]
    );
    assert!(pack.levels().count() >= 48);
    for id in [
        "premiers-pas-01",
        "premiers-pas-02",
        "objets-01",
        "messages-01",
    ] {
        assert!(pack.level(id).is_some(), "{id} is kept");
    }
    for plan in curriculum::chapters() {
        for tier in Tier::ALL {
            assert!(
                plan.levels_of(tier).next().is_some(),
                "{}: no {tier} level",
                plan.id
            );
        }
        assert!(plan.skill.empty_languages().is_empty());
    }
}

#[test]
fn career_cards_are_complete_and_unlocked_by_chapters() {
    let pack = pack();
    let careers = curriculum::careers();
    assert!(careers.len() >= 12);
    for career in &careers {
        assert!(
            pack.chapters
                .iter()
                .any(|c| c.id == career.unlocked_by_chapter),
            "{}: unlocked by {}",
            career.id,
            career.unlocked_by_chapter
        );
        for (field, text) in career.texts() {
            assert!(
                text.empty_languages().is_empty(),
                "{}: {field} in both languages",
                career.id
            );
        }
        assert!(!career.persona.name.is_empty());
    }
}

#[test]
fn codebot_validate_accepts_the_built_in_pack() {
    let out = Command::new(env!("CARGO_BIN_EXE_codebot"))
        .args(["validate", "levels/codebot", "--lang", "en"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("codebot runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("no problem found"), "{stdout}");
}
