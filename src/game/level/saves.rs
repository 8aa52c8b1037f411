//! The student's work on each level: the code in the editor, attempts, stars and hints,
//! recorded with the rules of `progress::Profile` (stars never go down, the last code is
//! always kept).
//!
//! Work goes to the profile being played (`CurrentProfile`, saved by the player
//! module). Without one (a level opened straight from the command line, headless
//! tests), it is kept in [`LevelSaves`] for the session only. The rest of the screen
//! reads it through [`Progress`] and changes it with [`SaveWork`] messages.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::LevelSet;
use crate::game::player::CurrentProfile;
use crate::progress::{LevelProgress, Profile};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LevelSaves>()
        .add_message::<SaveWork>()
        .add_systems(Update, apply_saves.in_set(LevelSet::Save));
}

/// A change to the student's work on a level.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum SaveWork {
    /// The code in the editor, kept without counting an attempt.
    Code { key: String, code: String },
    /// A program was run: counts an attempt, keeps the code, may raise the stars.
    Attempt {
        key: String,
        code: String,
        passed: bool,
        stars: u8,
    },
    /// One more hint was read.
    Hint { key: String },
}

/// Work kept for the session when no profile is being played.
#[derive(Resource, Debug)]
pub struct LevelSaves {
    profile: Profile,
}

impl Default for LevelSaves {
    fn default() -> Self {
        Self {
            profile: Profile::new("session", "session", 0),
        }
    }
}

impl LevelSaves {
    /// What the student did on a level during this session, if anything.
    pub fn level(&self, key: &str) -> Option<&LevelProgress> {
        self.profile.level(key)
    }
}

/// The student's progress as the level screen reads it.
#[derive(SystemParam)]
pub(super) struct Progress<'w> {
    current: Option<Res<'w, CurrentProfile>>,
    session: Res<'w, LevelSaves>,
}

impl Progress<'_> {
    /// The profile being played, or the session's.
    pub fn profile(&self) -> &Profile {
        self.current
            .as_ref()
            .and_then(|c| c.profile())
            .unwrap_or(&self.session.profile)
    }

    /// What the student did on a level, if anything.
    pub fn level(&self, key: &str) -> Option<&LevelProgress> {
        self.profile().level(key)
    }

    /// The code last written for a level, unless it is empty.
    pub fn code(&self, key: &str) -> Option<&str> {
        self.level(key)
            .map(|l| l.code.as_str())
            .filter(|code| !code.trim().is_empty())
    }
}

fn record(profile: &mut Profile, work: &SaveWork) {
    match work {
        SaveWork::Code { key, code } => profile.save_code(key, code),
        SaveWork::Attempt {
            key,
            code,
            passed,
            stars,
        } => profile.record_attempt(key, code, *passed, *stars),
        SaveWork::Hint { key } => {
            profile.use_hint(key);
        }
    }
}

/// Where work is recorded: the profile being played, else the session.
#[derive(SystemParam)]
pub(super) struct ProgressMut<'w> {
    current: Option<ResMut<'w, CurrentProfile>>,
    session: ResMut<'w, LevelSaves>,
}

impl ProgressMut<'_> {
    /// Records work at once (the profile is written to disk by the player module).
    pub fn record(&mut self, work: &SaveWork) {
        match self.current.as_mut().and_then(|c| c.profile_mut()) {
            Some(profile) => record(profile, work),
            None => record(&mut self.session.profile, work),
        }
    }
}

fn apply_saves(mut work: MessageReader<SaveWork>, mut progress: ProgressMut) {
    for work in work.read() {
        progress.record(work);
    }
}
