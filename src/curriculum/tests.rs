//! Tests of the curriculum: the embedded data, the checks on data files, career unlocks
//! and badges computed from progress.

use super::*;
use crate::i18n::{Lang, Messages, tr};

fn pack() -> Pack {
    crate::level::builtin_pack(BUILTIN_PACK).expect("the built-in pack")
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Progress where the given levels of the built-in pack are passed.
fn passed(levels: &[&str], stars: u8, code: &str) -> ProgressSummary {
    let mut progress = ProgressSummary::default();
    for id in levels {
        progress.levels.insert(
            format!("{BUILTIN_PACK}/{id}"),
            LevelSummary {
                passed: true,
                best_stars: stars,
                attempts: 1,
                passed_without_hints: false,
                code: code.to_string(),
            },
        );
    }
    progress
}

fn ids(badges: Vec<&Badge>) -> Vec<&str> {
    badges.into_iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn the_embedded_curriculum_is_valid() {
    let curriculum = Curriculum::load_builtin().unwrap_or_else(|problems| {
        panic!("{problems:#?}");
    });
    assert_eq!(&curriculum, builtin());
    let pack = pack();
    let chapter_ids: Vec<&str> = curriculum.chapters.iter().map(|c| c.id.as_str()).collect();
    let pack_ids: Vec<&str> = pack.chapters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(chapter_ids, pack_ids);
    for (plan, chapter) in curriculum.chapters.iter().zip(&pack.chapters) {
        let levels: Vec<&str> = chapter.levels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(plan.level_ids().collect::<Vec<_>>(), levels);
        assert_eq!(plan.title, chapter.title);
        // A chapter opens with a discovery and ends with its challenges (in between, a
        // new function may be discovered then practised, and so on).
        let tiers: Vec<Tier> = plan.levels.iter().map(|(_, t)| *t).collect();
        assert_eq!(tiers[0], Tier::Discovery, "{}", plan.id);
        let first_challenge = tiers.iter().position(|t| *t == Tier::Challenge).unwrap();
        assert!(
            tiers[first_challenge..]
                .iter()
                .all(|t| *t == Tier::Challenge),
            "{}: challenges come last",
            plan.id
        );
    }
    assert_eq!(tier("premiers-pas-01"), Some(Tier::Discovery));
    assert_eq!(tier("premiers-pas-04"), Some(Tier::Practice));
    assert_eq!(tier("algos-06"), Some(Tier::Challenge));
    assert_eq!(tier("no-such-level"), None);
}

#[test]
fn careers_cover_the_jobs_of_the_brief_with_women_and_men() {
    let careers = careers();
    assert!(careers.len() >= 12, "{} careers", careers.len());
    for id in [
        "developpeur",
        "data-scientist",
        "analyste-cybersecurite",
        "ingenieur-robotique",
        "developpeur-jeux-video",
        "designer-ux",
        "architecte-cloud",
        "technicien-reseau",
        "ingenieur-ia",
        "ingenieur-systemes-embarques",
        "integrateur-web",
        "chef-de-projet-digital",
    ] {
        assert!(careers.iter().any(|c| c.id == id), "no card {id}");
    }
    let women = careers
        .iter()
        .filter(|c| c.persona.gender == Gender::Woman)
        .count();
    let men = careers.len() - women;
    assert!(women.abs_diff(men) <= 2, "{women} women, {men} men");
    let mut names: Vec<&str> = careers.iter().map(|c| c.persona.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), careers.len(), "one persona per card");

    let pack = pack();
    for chapter in &pack.chapters {
        assert!(
            !builtin().careers_unlocked_by(&chapter.id).is_empty(),
            "chapter {} unlocks no card",
            chapter.id
        );
    }
    let order: Vec<usize> = careers
        .iter()
        .map(|c| {
            pack.chapters
                .iter()
                .position(|ch| ch.id == c.unlocked_by_chapter)
                .expect("unlocked by a chapter of the pack")
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] <= w[1]),
        "cards in chapter order"
    );

    for career in &careers {
        for (field, text) in career.texts() {
            for (lang, value) in [("fr", &text.fr), ("en", &text.en)] {
                assert!(!value.trim().is_empty(), "{} {field} {lang}", career.id);
                assert!(
                    words(value) <= 60,
                    "{} {field} {lang}: {} words",
                    career.id,
                    words(value)
                );
            }
        }
        assert!(
            career.day.fr.contains(&career.persona.name)
                && career.day.en.contains(&career.persona.name),
            "{}: the day is told through the persona",
            career.id
        );
        let path = &career.path.fr;
        assert!(
            ["bac", "BTS", "BUT", "licence", "master", "ingénieurs"]
                .iter()
                .filter(|d| path.contains(*d))
                .count()
                >= 3,
            "{}: path names the diplomas",
            career.id
        );
    }
}

#[test]
fn badges_are_written_in_both_languages() {
    let badges = badges();
    assert!(badges.len() >= 5);
    for badge in &badges {
        for text in [&badge.title, &badge.description] {
            assert!(text.empty_languages().is_empty(), "{}", badge.id);
            assert_ne!(text.fr, text.en, "{}", badge.id);
        }
    }
}

#[test]
fn curriculum_messages_exist_in_both_languages() {
    for lang in Lang::ALL {
        let messages = Messages::get(lang);
        for id in ids::ALL {
            assert!(messages.has(id), "{lang}: {id}");
        }
        for tier in Tier::ALL {
            assert!(messages.has(tier.message_id()));
        }
    }
    let args = [("name", "Inès".into()), ("role", "développeuse".into())];
    assert_eq!(
        tr(Lang::Fr, ids::CAREER_PERSONA, &args),
        "Inès, développeuse"
    );
    let locked = tr(Lang::En, ids::CAREER_LOCKED, &[("chapter", "Loops".into())]);
    assert!(locked.contains("\"Loops\""), "{locked}");
}

#[test]
fn cards_unlock_when_every_level_of_their_chapter_is_passed() {
    let curriculum = builtin();
    let first = &curriculum.chapters[0];
    let all_but_last: Vec<&str> = first.level_ids().take(first.levels.len() - 1).collect();
    let progress = passed(&all_but_last, 3, "move()\n");
    assert!(curriculum.unlocked_careers(&progress).is_empty());
    let all: Vec<&str> = first.level_ids().collect();
    let mut progress = passed(&all, 1, "move()\n");
    let unlocked: Vec<&str> = curriculum
        .unlocked_careers(&progress)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let expected: Vec<&str> = curriculum
        .careers_unlocked_by(&first.id)
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(unlocked, expected);
    assert_eq!(unlocked_careers(&progress).len(), expected.len());
    // A level that was opened but not passed does not count.
    let key = curriculum.level_key(all[0]);
    progress.levels.get_mut(&key).unwrap().passed = false;
    assert!(curriculum.completed_chapters(&progress).is_empty());
}

#[test]
fn badges_follow_the_progress() {
    let curriculum = builtin();
    assert!(
        curriculum
            .earned_badges(&ProgressSummary::default())
            .is_empty()
    );

    let progress = passed(&["premiers-pas-01"], 1, "move()\nmove()\n");
    assert_eq!(
        ids(curriculum.earned_badges(&progress)),
        ["premier-programme"]
    );

    let progress = passed(&["objets-01"], 2, "for _ in range(7):\n    move()\n");
    assert!(ids(curriculum.earned_badges(&progress)).contains(&"sans-copier-coller"));
    let progress = passed(
        &["objets-01"],
        2,
        "for _ in range(7):\n    move()\n    move()\n",
    );
    assert!(!ids(curriculum.earned_badges(&progress)).contains(&"sans-copier-coller"));

    let progress = passed(&["fonctions-01"], 2, "def right():\n    turn_left()\n");
    assert!(ids(curriculum.earned_badges(&progress)).contains(&"inventeur"));

    let mut progress = passed(&["premiers-pas-08"], 1, "move()\n");
    let level = progress.levels.values_mut().next().unwrap();
    level.attempts = 5;
    level.passed_without_hints = true;
    let earned = ids(curriculum.earned_badges(&progress));
    assert!(earned.contains(&"perseverance") && earned.contains(&"defi-sans-indice"));
    assert!(
        !earned.contains(&"autonome"),
        "one level without hints is not five"
    );

    // Passing a teacher's level counts for the general badges, not for chapters.
    let mut progress = ProgressSummary::default();
    progress.levels.insert(
        "classe-5b/labyrinthe".into(),
        LevelSummary {
            passed: true,
            best_stars: 3,
            attempts: 9,
            passed_without_hints: true,
            code: "move()\n".into(),
        },
    );
    assert_eq!(
        ids(curriculum.earned_badges(&progress)),
        ["premier-programme", "perseverance"]
    );

    let chapter: Vec<&str> = curriculum.chapters[2].level_ids().collect();
    let progress = passed(&chapter, 3, "move()\n");
    assert!(ids(curriculum.earned_badges(&progress)).contains(&"sans-faute"));
    let progress = passed(&chapter, 2, "move()\n");
    assert!(!ids(curriculum.earned_badges(&progress)).contains(&"sans-faute"));

    let everything: Vec<&str> = curriculum
        .chapters
        .iter()
        .flat_map(|c| c.level_ids())
        .collect();
    let progress = passed(&everything, 3, "while not at_goal():\n    move()\n");
    let earned = ids(curriculum.earned_badges(&progress));
    for id in [
        "tous-les-defis",
        "curiosite-metiers",
        "sans-faute",
        "sans-copier-coller",
    ] {
        assert!(earned.contains(&id), "{id} in {earned:?}");
    }
    assert_eq!(
        curriculum.unlocked_careers(&progress).len(),
        curriculum.careers.len()
    );
    assert_eq!(earned_badges(&progress).len(), earned.len());
}

#[test]
fn problems_in_the_data_files_are_reported() {
    let pack = pack();
    let load = |chapters: &str, careers: &str, badges: &str| {
        Curriculum::from_sources(
            &pack,
            ("chapters.ron", chapters),
            ("careers.ron", careers),
            ("badges.ron", badges),
        )
    };
    let problems = load("[(chapter: \"x\",)]", "[]", "[]").unwrap_err();
    assert!(matches!(
        &problems[0],
        CurriculumProblem::Syntax { file, line: 1, .. } if file == "chapters.ron"
    ));

    let chapters = CHAPTERS_FILE
        .1
        .replacen("\"premiers-pas-08\"", "\"premiers-pas-01\"", 1)
        .replacen("chapter: \"listes\"", "chapter: \"lists\"", 1);
    let careers = CAREERS_FILE
        .1
        .replacen("\"premiers-pas\"", "\"nope\"", 1)
        .replacen("name: \"Inès\"", "name: \" \"", 1);
    let badges = BADGES_FILE
        .1
        .replacen("\"autonome\"", "\"premier-programme\"", 1);
    let problems = load(&chapters, &careers, &badges).unwrap_err();
    for expected in [
        CurriculumProblem::LevelInTwoTiers {
            level: "premiers-pas-01".into(),
        },
        CurriculumProblem::MissingTier {
            chapter: "premiers-pas".into(),
            tier: Tier::Challenge,
        },
        CurriculumProblem::UnknownChapter {
            chapter: "lists".into(),
        },
        CurriculumProblem::MissingChapter {
            chapter: "listes".into(),
        },
        CurriculumProblem::CareerChapterUnknown {
            career: "developpeur".into(),
            chapter: "nope".into(),
        },
        CurriculumProblem::PersonaWithoutName {
            career: "developpeur".into(),
        },
        CurriculumProblem::BadId {
            kind: "badge".into(),
            id: "premier-programme".into(),
        },
    ] {
        assert!(
            problems.contains(&expected),
            "{expected:?} not in {problems:#?}"
        );
    }
    let chapters = CHAPTERS_FILE
        .1
        .replacen("\"conditions-06\"", "\"objets-01\"", 1);
    let problems = load(&chapters, CAREERS_FILE.1, BADGES_FILE.1).unwrap_err();
    assert!(problems.contains(&CurriculumProblem::LevelNotInChapter {
        chapter: "conditions".into(),
        level: "objets-01".into(),
    }));
}
