//! Career cards: a digital job, a person doing it, and how to get there.

use serde::{Deserialize, Serialize};

use super::{CurriculumProblem, check_ids, check_text};
use crate::level::{Pack, Text};

/// One career card, in French and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Career {
    pub id: String,
    /// The chapter (of the pack) whose completion unlocks the card.
    pub unlocked_by_chapter: String,
    /// The job's name, in both genders in French.
    pub title: Text,
    /// Someone doing the job: the card's picture and voice.
    pub persona: Persona,
    /// What the job is.
    pub what: Text,
    /// A day in the job, told through the persona.
    pub day: Text,
    /// The skill from the unlocking chapter that the job uses.
    pub skill: Text,
    /// How to get there after collège and lycée, in general terms.
    pub path: Text,
}

/// The person shown on a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// A first name.
    pub name: String,
    pub gender: Gender,
    /// What they do and where: "développeuse dans une entreprise d'applications de santé".
    pub role: Text,
}

/// So that cards can show women and men alike (and pick pictures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    Woman,
    Man,
}

impl Career {
    /// The card's texts with their field names, for display loops and checks.
    pub fn texts(&self) -> [(&'static str, &Text); 6] {
        [
            ("title", &self.title),
            ("role", &self.persona.role),
            ("what", &self.what),
            ("day", &self.day),
            ("skill", &self.skill),
            ("path", &self.path),
        ]
    }
}

pub(super) fn check(careers: &[Career], pack: &Pack, problems: &mut Vec<CurriculumProblem>) {
    check_ids("career", careers.iter().map(|c| c.id.as_str()), problems);
    for career in careers {
        if !pack
            .chapters
            .iter()
            .any(|c| c.id == career.unlocked_by_chapter)
        {
            problems.push(CurriculumProblem::CareerChapterUnknown {
                career: career.id.clone(),
                chapter: career.unlocked_by_chapter.clone(),
            });
        }
        if career.persona.name.trim().is_empty() {
            problems.push(CurriculumProblem::PersonaWithoutName {
                career: career.id.clone(),
            });
        }
        for (field, text) in career.texts() {
            check_text(
                || format!("career {:?}, {field}", career.id),
                text,
                problems,
            );
        }
    }
}
