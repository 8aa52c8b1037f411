//! The curriculum over the built-in pack: what each chapter teaches and the tier of each
//! level (discovery, practice, challenge), the career cards that chapters unlock, and the
//! achievements (badges) earned from a student's progress.
//!
//! The data are RON files in `curriculum/` at the top of the repository, embedded in the
//! binary: `chapters.ron`, `careers.ron`, `badges.ron`. Student-facing text lives there in
//! French and English; the labels around it (headings of a card, tier names) are in the
//! Fluent catalogues under `## curriculum` (ids in [`ids`]).
//!
//! Plain Rust, no Bevy: the game's gallery and badge screens read [`careers`],
//! [`Curriculum::unlocked_careers`] and [`earned_badges`]; [`ProgressSummary`] is filled
//! from the student's saved progress.

mod badges;
mod careers;
mod chapters;
mod problem;
pub mod program;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

pub use badges::{Badge, Criterion, LevelSummary, ProgressSummary};
pub use careers::{Career, Gender, Persona};
pub use chapters::{ChapterPlan, Tier};
pub use problem::CurriculumProblem;

use crate::level::{Pack, Text};
use chapters::ChapterFile;

/// The embedded data files, named as in messages.
const CHAPTERS_FILE: (&str, &str) = (
    "curriculum/chapters.ron",
    include_str!("../../curriculum/chapters.ron"),
);
const CAREERS_FILE: (&str, &str) = (
    "curriculum/careers.ron",
    include_str!("../../curriculum/careers.ron"),
);
const BADGES_FILE: (&str, &str) = (
    "curriculum/badges.ron",
    include_str!("../../curriculum/badges.ron"),
);

/// The id of the pack the built-in curriculum goes with.
pub const BUILTIN_PACK: &str = "codebot";

/// Ids of the Fluent messages used around curriculum data (`## curriculum` in the
/// catalogues); a test checks that both languages have each one.
pub mod ids {
    /// Tier names: "Découverte", "Entraînement", "Défi".
    pub const TIER_DISCOVERY: &str = "tier-discovery";
    pub const TIER_PRACTICE: &str = "tier-practice";
    pub const TIER_CHALLENGE: &str = "tier-challenge";
    /// Headings of the four parts of a career card.
    pub const CAREER_WHAT: &str = "career-what";
    pub const CAREER_DAY: &str = "career-day";
    pub const CAREER_SKILL: &str = "career-skill";
    pub const CAREER_PATH: &str = "career-path";
    /// `$name`, `$role`: "Inès, développeuse dans ...".
    pub const CAREER_PERSONA: &str = "career-persona";
    /// `$chapter` (a chapter title): shown on a card still locked.
    pub const CAREER_LOCKED: &str = "career-locked";
    /// `$title` (a card title): shown when a card unlocks.
    pub const CAREER_UNLOCKED: &str = "career-unlocked";
    /// `$title` (a badge title): shown when a badge is earned.
    pub const BADGE_EARNED: &str = "badge-earned";

    pub const ALL: [&str; 11] = [
        TIER_DISCOVERY,
        TIER_PRACTICE,
        TIER_CHALLENGE,
        CAREER_WHAT,
        CAREER_DAY,
        CAREER_SKILL,
        CAREER_PATH,
        CAREER_PERSONA,
        CAREER_LOCKED,
        CAREER_UNLOCKED,
        BADGE_EARNED,
    ];
}

/// A pack's curriculum: chapters with tiers and skills, career cards and badges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Curriculum {
    /// The pack the chapters belong to; progress keys are `"pack-id/level-id"`.
    pub pack_id: String,
    /// In the pack's order.
    pub chapters: Vec<ChapterPlan>,
    /// In the order of the chapters that unlock them.
    pub careers: Vec<Career>,
    pub badges: Vec<Badge>,
}

impl Curriculum {
    /// Reads the three data files and checks them against the pack. Every problem of every
    /// file is reported.
    pub fn from_sources(
        pack: &Pack,
        chapters: (&str, &str),
        careers: (&str, &str),
        badges: (&str, &str),
    ) -> Result<Curriculum, Vec<CurriculumProblem>> {
        let mut problems = Vec::new();
        let chapter_files: Vec<ChapterFile> = parse(chapters, &mut problems).unwrap_or_default();
        let careers: Vec<Career> = parse(careers, &mut problems).unwrap_or_default();
        let badges: Vec<Badge> = parse(badges, &mut problems).unwrap_or_default();
        if !problems.is_empty() {
            return Err(problems);
        }
        let chapters = chapters::plan(pack, &chapter_files, &mut problems);
        careers::check(&careers, pack, &mut problems);
        badges::check(&badges, &mut problems);
        if problems.is_empty() {
            Ok(Curriculum {
                pack_id: pack.id.clone(),
                chapters,
                careers,
                badges,
            })
        } else {
            Err(problems)
        }
    }

    /// The curriculum of the built-in pack, from the embedded data.
    pub fn load_builtin() -> Result<Curriculum, Vec<CurriculumProblem>> {
        let pack = crate::level::builtin_pack(BUILTIN_PACK).ok_or_else(|| {
            vec![CurriculumProblem::UnknownPack {
                pack: BUILTIN_PACK.to_string(),
            }]
        })?;
        Curriculum::from_sources(&pack, CHAPTERS_FILE, CAREERS_FILE, BADGES_FILE)
    }

    pub fn chapter(&self, id: &str) -> Option<&ChapterPlan> {
        self.chapters.iter().find(|c| c.id == id)
    }

    /// The tier of a level of the pack.
    pub fn tier(&self, level_id: &str) -> Option<Tier> {
        self.chapters.iter().find_map(|c| c.tier(level_id))
    }

    /// The progress key of a level of the pack: `"pack-id/level-id"`.
    pub fn level_key(&self, level_id: &str) -> String {
        format!("{}/{level_id}", self.pack_id)
    }

    /// Chapters whose every level is passed.
    pub fn completed_chapters(&self, progress: &ProgressSummary) -> Vec<&ChapterPlan> {
        self.chapters
            .iter()
            .filter(|c| {
                c.level_ids()
                    .all(|id| progress.is_passed(&self.level_key(id)))
            })
            .collect()
    }

    /// The cards a chapter unlocks when it is completed.
    pub fn careers_unlocked_by(&self, chapter_id: &str) -> Vec<&Career> {
        self.careers
            .iter()
            .filter(|c| c.unlocked_by_chapter == chapter_id)
            .collect()
    }

    /// The cards unlocked by the completed chapters, in card order.
    pub fn unlocked_careers(&self, progress: &ProgressSummary) -> Vec<&Career> {
        let done: Vec<&str> = self
            .completed_chapters(progress)
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        self.careers
            .iter()
            .filter(|c| done.contains(&c.unlocked_by_chapter.as_str()))
            .collect()
    }

    /// The badges earned, in the order of the data file. Pure: the same progress always
    /// earns the same badges; the caller compares with the badges it already showed.
    pub fn earned_badges(&self, progress: &ProgressSummary) -> Vec<&Badge> {
        self.badges
            .iter()
            .filter(|badge| badge.criterion.is_met(self, progress))
            .collect()
    }
}

/// The built-in curriculum, loaded once. The embedded data are checked by the tests, so
/// this only fails on a build whose data files were broken.
pub fn builtin() -> &'static Curriculum {
    static BUILTIN: OnceLock<Curriculum> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        Curriculum::load_builtin().unwrap_or_else(|problems| {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the embedded curriculum is invalid:\n{}", list.join("\n"))
        })
    })
}

/// The career cards of the built-in pack, in the order of the chapters unlocking them.
pub fn careers() -> Vec<Career> {
    builtin().careers.clone()
}

/// The badges of the built-in pack.
pub fn badges() -> Vec<Badge> {
    builtin().badges.clone()
}

/// The chapters of the built-in pack with their skills and tiers.
pub fn chapters() -> Vec<ChapterPlan> {
    builtin().chapters.clone()
}

/// The tier of a level of the built-in pack (by level id).
pub fn tier(level_id: &str) -> Option<Tier> {
    builtin().tier(level_id)
}

/// The badges earned on the built-in pack (and, for the general ones, on any pack).
pub fn earned_badges(progress: &ProgressSummary) -> Vec<Badge> {
    builtin()
        .earned_badges(progress)
        .into_iter()
        .cloned()
        .collect()
}

/// The career cards unlocked by the chapters completed in the built-in pack.
pub fn unlocked_careers(progress: &ProgressSummary) -> Vec<Career> {
    builtin()
        .unlocked_careers(progress)
        .into_iter()
        .cloned()
        .collect()
}

/// Reads one RON data file; a syntax or field error becomes a located problem.
fn parse<T: serde::de::DeserializeOwned>(
    (file, text): (&str, &str),
    problems: &mut Vec<CurriculumProblem>,
) -> Option<T> {
    ron::Options::default()
        .from_str(text)
        .map_err(|e| {
            problems.push(CurriculumProblem::Syntax {
                file: file.to_string(),
                line: e.span.start.line as u32,
                column: e.span.start.col as u32,
                message: e.code.to_string(),
            })
        })
        .ok()
}

/// Reports each empty language of a text.
fn check_text(what: impl Fn() -> String, text: &Text, problems: &mut Vec<CurriculumProblem>) {
    for lang in text.empty_languages() {
        problems.push(CurriculumProblem::EmptyText {
            what: what(),
            lang: lang.to_string(),
        });
    }
}

/// Reports ids that are not valid or used twice.
fn check_ids<'a>(
    kind: &str,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<CurriculumProblem>,
) {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !crate::level::is_valid_id(id) || !seen.insert(id) {
            problems.push(CurriculumProblem::BadId {
                kind: kind.to_string(),
                id: id.to_string(),
            });
        }
    }
}
