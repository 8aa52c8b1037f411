//! What can be wrong with the curriculum data, as typed problems.

use thiserror::Error;

use super::Tier;

/// One problem in the curriculum data files, checked against their pack.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CurriculumProblem {
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: u32,
        column: u32,
        message: String,
    },
    #[error("there is no pack {pack:?}")]
    UnknownPack { pack: String },
    #[error("chapter {chapter:?} is not a chapter of the pack")]
    UnknownChapter { chapter: String },
    #[error("chapter {chapter:?} of the pack has no entry in chapters.ron")]
    MissingChapter { chapter: String },
    #[error(
        "chapter {chapter:?} is not where the pack has it: list the chapters in the pack's order"
    )]
    ChapterOutOfOrder { chapter: String },
    #[error("level {level:?} is not a level of chapter {chapter:?}")]
    LevelNotInChapter { chapter: String, level: String },
    #[error("level {level:?} is listed in two tiers")]
    LevelInTwoTiers { level: String },
    #[error("chapter {chapter:?} has no {tier} level")]
    MissingTier { chapter: String, tier: Tier },
    #[error("{what}: the {lang} text is empty")]
    EmptyText { what: String, lang: String },
    #[error("{kind} id {id:?} is not valid or used twice")]
    BadId { kind: String, id: String },
    #[error("career {career:?} is unlocked by {chapter:?}, which is not a chapter of the pack")]
    CareerChapterUnknown { career: String, chapter: String },
    #[error("the persona of career {career:?} has no name")]
    PersonaWithoutName { career: String },
}
