//! Badges, the progress they are computed from, and the rule of each criterion.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Curriculum, CurriculumProblem, Tier, check_ids, check_text, program};
use crate::level::Text;

/// One achievement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Badge {
    /// Stable: saves keep the ids of the badges already shown.
    pub id: String,
    pub title: Text,
    pub description: Text,
    pub criterion: Criterion,
}

/// When a badge is earned. "Levels" are those of any pack unless the criterion names the
/// curriculum's chapters or challenges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Criterion {
    /// At least this many levels passed.
    LevelsPassed(u32),
    /// A level passed with a program that has a loop and no line written twice in a row.
    LoopWithoutRepetition,
    /// A level passed with a program that defines a function.
    DefinesFunction,
    /// A level passed after at least this many runs.
    PassedAfterAttempts(u32),
    /// At least this many levels passed before any hint was opened on them.
    PassedWithoutHints(u32),
    /// A challenge level of the curriculum passed without hints.
    ChallengeWithoutHints,
    /// Three stars on every level of one chapter of the curriculum.
    AllStarsInAChapter,
    /// Every challenge level of the curriculum passed.
    AllChallengesPassed,
    /// Every career card of the curriculum unlocked.
    AllCareersUnlocked,
}

/// What badges and career cards are computed from: the student's progress, level by level.
/// The game fills it from the saved profile.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressSummary {
    /// Keyed `"pack-id/level-id"`, as in saves; levels never opened are absent.
    pub levels: BTreeMap<String, LevelSummary>,
}

/// The progress on one level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelSummary {
    pub passed: bool,
    /// 0 to 3.
    pub best_stars: u8,
    /// Programs run on the level.
    pub attempts: u32,
    /// Passed at least once before any hint was opened.
    pub passed_without_hints: bool,
    /// The student's program for the level (the one kept in the save). The program
    /// criteria look at it only when the level is passed.
    pub code: String,
}

impl ProgressSummary {
    pub fn level(&self, key: &str) -> Option<&LevelSummary> {
        self.levels.get(key)
    }

    pub fn is_passed(&self, key: &str) -> bool {
        self.level(key).is_some_and(|l| l.passed)
    }

    fn passed(&self) -> impl Iterator<Item = &LevelSummary> + '_ {
        self.levels.values().filter(|l| l.passed)
    }
}

impl Criterion {
    pub(super) fn is_met(&self, curriculum: &Curriculum, progress: &ProgressSummary) -> bool {
        let key = |id: &str| curriculum.level_key(id);
        let challenges = || {
            curriculum
                .chapters
                .iter()
                .flat_map(|c| c.levels_of(Tier::Challenge))
        };
        match self {
            Criterion::LevelsPassed(n) => progress.passed().count() as u32 >= *n,
            Criterion::LoopWithoutRepetition => progress
                .passed()
                .any(|l| program::uses_loop(&l.code) && !program::repeats_a_line(&l.code)),
            Criterion::DefinesFunction => progress
                .passed()
                .any(|l| program::defines_function(&l.code)),
            Criterion::PassedAfterAttempts(n) => progress.passed().any(|l| l.attempts >= *n),
            Criterion::PassedWithoutHints(n) => {
                progress.passed().filter(|l| l.passed_without_hints).count() as u32 >= *n
            }
            Criterion::ChallengeWithoutHints => challenges().any(|id| {
                progress
                    .level(&key(id))
                    .is_some_and(|l| l.passed && l.passed_without_hints)
            }),
            Criterion::AllStarsInAChapter => curriculum.chapters.iter().any(|chapter| {
                chapter.level_ids().all(|id| {
                    progress
                        .level(&key(id))
                        .is_some_and(|l| l.passed && l.best_stars >= 3)
                })
            }),
            Criterion::AllChallengesPassed => challenges().all(|id| progress.is_passed(&key(id))),
            Criterion::AllCareersUnlocked => {
                curriculum.unlocked_careers(progress).len() == curriculum.careers.len()
            }
        }
    }
}

pub(super) fn check(badges: &[Badge], problems: &mut Vec<CurriculumProblem>) {
    check_ids("badge", badges.iter().map(|b| b.id.as_str()), problems);
    for badge in badges {
        check_text(
            || format!("badge {:?}, title", badge.id),
            &badge.title,
            problems,
        );
        check_text(
            || format!("badge {:?}, description", badge.id),
            &badge.description,
            problems,
        );
    }
}
