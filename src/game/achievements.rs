//! What a player has earned in the built-in curriculum, as the game shows it: the
//! [`ProgressSummary`] of a profile, the badges earned or still to earn (with how to earn
//! them) and the count for each profile of the picker ([`ProfileTrophies`]), and the
//! notices telling the player of a career card just unlocked (with a button to the
//! gallery) or a badge just earned. What was told is remembered in the profile's
//! `achievements` (badge ids, and `career/<id>` for cards), so each is told once.
//! The rules of what is earned are in `crate::curriculum`.

use std::collections::BTreeMap;

use bevy::prelude::*;

use super::notices::{Notice, NoticeArg, Notices};
use super::player::{CurrentProfile, ProfileList, Saves};
use super::{Screen, Session};
use crate::curriculum::{
    self, Badge, Career, Criterion, Curriculum, LevelSummary, ProgressSummary,
};
use crate::i18n::FluentValue;
use crate::level::Text;
use crate::progress::{Profile, ProfileHealth};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ProfileTrophies>().add_systems(
        Update,
        (
            count_trophies.run_if(resource_changed::<ProfileList>),
            // Also when the level screen is left: what was earned there is told then.
            announce_news
                .run_if(resource_changed::<CurrentProfile>.or_eager(state_changed::<Screen>))
                .run_if(not(in_state(Screen::Level))),
        ),
    );
}

/// What the curriculum rules read of a profile.
pub fn summary(profile: &Profile) -> ProgressSummary {
    ProgressSummary {
        levels: profile
            .levels
            .iter()
            .map(|(key, level)| {
                let summary = LevelSummary {
                    passed: level.passed,
                    best_stars: level.best_stars,
                    attempts: level.attempts,
                    passed_without_hints: level.passed_without_hints,
                    code: level.code.clone(),
                };
                (key.clone(), summary)
            })
            .collect(),
    }
}

/// How many badges and career cards a player has, out of how many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trophies {
    pub badges: usize,
    pub badges_total: usize,
    pub careers: usize,
    pub careers_total: usize,
}

impl Trophies {
    pub fn of(curriculum: &Curriculum, progress: &ProgressSummary) -> Trophies {
        Trophies {
            badges: curriculum.earned_badges(progress).len(),
            badges_total: curriculum.badges.len(),
            careers: curriculum.unlocked_careers(progress).len(),
            careers_total: curriculum.careers.len(),
        }
    }

    pub fn of_profile(profile: &Profile) -> Trophies {
        Trophies::of(curriculum::builtin(), &summary(profile))
    }

    /// The arguments of the messages counting badges and cards.
    pub fn args(&self) -> [(&'static str, FluentValue<'static>); 4] {
        [
            ("earned", self.badges.into()),
            ("total", self.badges_total.into()),
            ("unlocked", self.careers.into()),
            ("cards", self.careers_total.into()),
        ]
    }
}

/// The trophies of each profile of the picker, by profile id (read from the saves when
/// the list changes; profiles that cannot be read are absent).
#[derive(Resource, Debug, Default)]
pub struct ProfileTrophies(pub BTreeMap<String, Trophies>);

fn count_trophies(
    list: Res<ProfileList>,
    saves: Res<Saves>,
    current: Res<CurrentProfile>,
    mut trophies: ResMut<ProfileTrophies>,
) {
    trophies.0 = list
        .profiles
        .iter()
        .filter(|p| {
            matches!(
                p.health,
                ProfileHealth::Ok | ProfileHealth::Recovered { .. }
            )
        })
        .filter_map(|p| {
            // The profile being played may have changes not written yet.
            let profile = match current.profile().filter(|c| c.id == p.id) {
                Some(playing) => playing.clone(),
                None => saves.store().load_profile(&p.id).ok()?.value,
            };
            Some((p.id.clone(), Trophies::of_profile(&profile)))
        })
        .collect();
}

/// One badge on the profile screen.
#[derive(Clone, Copy, Debug)]
pub struct BadgeView<'a> {
    /// Its place in the curriculum (for its medal).
    pub index: usize,
    pub badge: &'a Badge,
    pub earned: bool,
}

/// Every badge of the curriculum, in order, earned or not.
pub fn badge_shelf<'a>(
    curriculum: &'a Curriculum,
    progress: &ProgressSummary,
) -> Vec<BadgeView<'a>> {
    let earned = curriculum.earned_badges(progress);
    curriculum
        .badges
        .iter()
        .enumerate()
        .map(|(index, badge)| BadgeView {
            index,
            badge,
            earned: earned.iter().any(|b| b.id == badge.id),
        })
        .collect()
}

/// How to earn a badge, in the player's language.
pub fn how_to_earn(session: &Session, criterion: &Criterion) -> String {
    let (id, count) = match criterion {
        Criterion::LevelsPassed(n) => ("badges-how-levels-passed", Some(*n)),
        Criterion::LoopWithoutRepetition => ("badges-how-loop-without-repetition", None),
        Criterion::DefinesFunction => ("badges-how-defines-function", None),
        Criterion::PassedAfterAttempts(n) => ("badges-how-passed-after-attempts", Some(*n)),
        Criterion::PassedWithoutHints(n) => ("badges-how-passed-without-hints", Some(*n)),
        Criterion::ChallengeWithoutHints => ("badges-how-challenge-without-hints", None),
        Criterion::AllStarsInAChapter => ("badges-how-all-stars-in-a-chapter", None),
        Criterion::AllChallengesPassed => ("badges-how-all-challenges-passed", None),
        Criterion::AllCareersUnlocked => ("badges-how-all-careers-unlocked", None),
    };
    match count {
        Some(n) => session.tr(id, &[("count", n.into())]),
        None => session.t(id),
    }
}

/// The mark kept in a profile's `achievements` once a card was announced.
pub fn career_mark(career_id: &str) -> String {
    format!("career/{career_id}")
}

/// What a player has earned and was not told yet.
#[derive(Debug, Default, PartialEq)]
pub struct News<'a> {
    pub careers: Vec<&'a Career>,
    pub badges: Vec<&'a Badge>,
}

impl News<'_> {
    pub fn is_empty(&self) -> bool {
        self.careers.is_empty() && self.badges.is_empty()
    }

    /// The marks to add to the profile's `achievements` once told.
    pub fn marks(&self) -> Vec<String> {
        let careers = self.careers.iter().map(|c| career_mark(&c.id));
        careers
            .chain(self.badges.iter().map(|b| b.id.clone()))
            .collect()
    }

    /// The notices telling it: one for the cards (with a button to the gallery), one for
    /// the badges.
    pub fn notices(&self) -> Vec<Notice> {
        let mut notices = Vec::new();
        let titles = |texts: Vec<&Text>| {
            let join = |pick: fn(&Text) -> &str| {
                texts.iter().map(|t| pick(t)).collect::<Vec<_>>().join(", ")
            };
            NoticeArg::Localized(Text {
                fr: join(|t| &t.fr),
                en: join(|t| &t.en),
            })
        };
        if !self.careers.is_empty() {
            notices.push(
                Notice::reward(
                    "careers-notice-unlocked",
                    vec![
                        ("count", NoticeArg::Count(self.careers.len() as u32)),
                        (
                            "titles",
                            titles(self.careers.iter().map(|c| &c.title).collect()),
                        ),
                    ],
                )
                .with_action("careers-notice-open", Screen::Careers),
            );
        }
        if !self.badges.is_empty() {
            notices.push(Notice::reward(
                "badges-notice-earned",
                vec![
                    ("count", NoticeArg::Count(self.badges.len() as u32)),
                    (
                        "titles",
                        titles(self.badges.iter().map(|b| &b.title).collect()),
                    ),
                ],
            ));
        }
        notices
    }
}

/// The cards unlocked and badges earned by `profile` that its `achievements` do not
/// hold yet.
pub fn news<'a>(curriculum: &'a Curriculum, profile: &Profile) -> News<'a> {
    let progress = summary(profile);
    let told = |mark: String| profile.achievements.contains(&mark);
    News {
        careers: curriculum
            .unlocked_careers(&progress)
            .into_iter()
            .filter(|c| !told(career_mark(&c.id)))
            .collect(),
        badges: curriculum
            .earned_badges(&progress)
            .into_iter()
            .filter(|b| !told(b.id.clone()))
            .collect(),
    }
}

/// Tells the player what they just earned (not on the level screen: on the next screen
/// they reach, usually the map), and remembers it in the profile.
fn announce_news(mut current: ResMut<CurrentProfile>, mut notices: ResMut<Notices>) {
    let curriculum = curriculum::builtin();
    let Some(profile) = current.profile() else {
        return;
    };
    let news = news(curriculum, profile);
    if news.is_empty() {
        return;
    }
    for notice in news.notices() {
        notices.push(notice);
    }
    let marks = news.marks();
    if let Some(profile) = current.profile_mut() {
        profile.achievements.extend(marks);
    }
}
