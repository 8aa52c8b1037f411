//! Chapters: the skill each one teaches and the tier of each of its levels.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{CurriculumProblem, check_text};
use crate::level::{Pack, Text};

/// The three tiers of a chapter, as in CitizenCode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// A new idea, shown step by step.
    Discovery,
    /// The same idea in new situations.
    Practice,
    /// Several ideas together.
    Challenge,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Discovery, Tier::Practice, Tier::Challenge];

    /// The id of the tier's name in the Fluent catalogues.
    pub fn message_id(self) -> &'static str {
        match self {
            Tier::Discovery => super::ids::TIER_DISCOVERY,
            Tier::Practice => super::ids::TIER_PRACTICE,
            Tier::Challenge => super::ids::TIER_CHALLENGE,
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Tier::Discovery => "discovery",
            Tier::Practice => "practice",
            Tier::Challenge => "challenge",
        })
    }
}

/// A chapter of the pack with what the curriculum adds to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChapterPlan {
    pub id: String,
    /// The chapter's title, from the pack.
    pub title: Text,
    /// What a student can do after the chapter.
    pub skill: Text,
    /// Level ids in playing order, with their tier.
    pub levels: Vec<(String, Tier)>,
}

impl ChapterPlan {
    pub fn level_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.levels.iter().map(|(id, _)| id.as_str())
    }

    pub fn tier(&self, level_id: &str) -> Option<Tier> {
        self.levels
            .iter()
            .find(|(id, _)| id == level_id)
            .map(|(_, tier)| *tier)
    }

    /// The levels of one tier, in playing order.
    pub fn levels_of(&self, tier: Tier) -> impl Iterator<Item = &str> + '_ {
        self.levels
            .iter()
            .filter(move |(_, t)| *t == tier)
            .map(|(id, _)| id.as_str())
    }
}

/// One entry of `chapters.ron`. Levels in neither list are practice levels.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ChapterFile {
    chapter: String,
    skill: Text,
    #[serde(default)]
    discovery: Vec<String>,
    #[serde(default)]
    challenge: Vec<String>,
}

/// Merges the entries with the pack's chapters, reporting what does not match.
pub(super) fn plan(
    pack: &Pack,
    files: &[ChapterFile],
    problems: &mut Vec<CurriculumProblem>,
) -> Vec<ChapterPlan> {
    for (i, file) in files.iter().enumerate() {
        match pack.chapters.iter().position(|c| c.id == file.chapter) {
            None => problems.push(CurriculumProblem::UnknownChapter {
                chapter: file.chapter.clone(),
            }),
            Some(at) if at != i => problems.push(CurriculumProblem::ChapterOutOfOrder {
                chapter: file.chapter.clone(),
            }),
            Some(_) => {}
        }
    }
    let mut plans = Vec::new();
    for chapter in &pack.chapters {
        let Some(file) = files.iter().find(|f| f.chapter == chapter.id) else {
            problems.push(CurriculumProblem::MissingChapter {
                chapter: chapter.id.clone(),
            });
            continue;
        };
        check_text(
            || format!("skill of chapter {:?}", chapter.id),
            &file.skill,
            problems,
        );
        let in_chapter: BTreeSet<&str> = chapter.levels.iter().map(|l| l.id.as_str()).collect();
        let mut listed = BTreeSet::new();
        for id in file.discovery.iter().chain(&file.challenge) {
            if !in_chapter.contains(id.as_str()) {
                problems.push(CurriculumProblem::LevelNotInChapter {
                    chapter: chapter.id.clone(),
                    level: id.clone(),
                });
            }
            if !listed.insert(id.as_str()) {
                problems.push(CurriculumProblem::LevelInTwoTiers { level: id.clone() });
            }
        }
        let levels: Vec<(String, Tier)> = chapter
            .levels
            .iter()
            .map(|level| {
                let tier = if file.discovery.contains(&level.id) {
                    Tier::Discovery
                } else if file.challenge.contains(&level.id) {
                    Tier::Challenge
                } else {
                    Tier::Practice
                };
                (level.id.clone(), tier)
            })
            .collect();
        for tier in Tier::ALL {
            if !levels.iter().any(|(_, t)| *t == tier) {
                problems.push(CurriculumProblem::MissingTier {
                    chapter: chapter.id.clone(),
                    tier,
                });
            }
        }
        plans.push(ChapterPlan {
            id: chapter.id.clone(),
            title: chapter.title.clone(),
            skill: file.skill.clone(),
            levels,
        });
    }
    plans
}
