//! A student's profile: name, avatar, settings, and what they did on every level.
//!
//! Levels are keyed `"pack-id/level-id"`. The rules that protect a student's work live
//! here: stars never go down, the last code is always kept, and an attempt is counted
//! every time a program is run.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::clock::now_secs;
use super::error::{Invalid, NameError};
use super::ids::validate_id;
use crate::i18n::Lang;

/// The most stars a level gives (passing, lines target, actions target).
pub const MAX_STARS: u8 = 3;

/// The longest profile name, in characters, after trimming.
pub const MAX_NAME_CHARS: usize = 30;

/// One student.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Stable file-name-safe id, chosen at creation; renaming keeps it.
    pub id: String,
    pub name: String,
    /// Index of the avatar picture.
    pub avatar: u8,
    /// Creation time, in seconds since 1970.
    pub created: u64,
    pub settings: Settings,
    /// Progress per level, keyed `"pack-id/level-id"`.
    pub levels: BTreeMap<String, LevelProgress>,
    pub achievements: BTreeSet<String>,
}

/// What a student did on one level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LevelProgress {
    pub passed: bool,
    /// The most stars ever earned; never decreases.
    pub best_stars: u8,
    /// The last code written or run.
    pub code: String,
    pub attempts: u32,
    pub hints_used: u32,
    /// Passed at least once before using any hint.
    pub passed_without_hints: bool,
    /// Seconds since 1970.
    pub last_played: u64,
}

/// The student's own settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None`: follow the system language.
    pub lang: Option<Lang>,
    pub text_scale: f32,
    pub high_contrast: bool,
    pub animation_speed: f32,
    pub reduced_motion: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            text_scale: 1.0,
            high_contrast: false,
            animation_speed: 1.0,
            reduced_motion: false,
        }
    }
}

impl Profile {
    /// A fresh profile with default settings and no progress. `name` is used as given:
    /// call [`normalize_name`] first.
    pub fn new(id: impl Into<String>, name: impl Into<String>, avatar: u8) -> Profile {
        Profile {
            id: id.into(),
            name: name.into(),
            avatar,
            created: now_secs(),
            settings: Settings::default(),
            levels: BTreeMap::new(),
            achievements: BTreeSet::new(),
        }
    }

    /// The progress on a level, if it was ever opened.
    pub fn level(&self, key: &str) -> Option<&LevelProgress> {
        self.levels.get(key)
    }

    fn level_mut(&mut self, key: &str) -> &mut LevelProgress {
        self.levels.entry(key.to_owned()).or_default()
    }

    /// Counts one run of `code`. When `passed`, `stars` (capped at [`MAX_STARS`]) may
    /// raise the best; a failed run never changes the stars. The code is always kept.
    pub fn record_attempt(&mut self, key: &str, code: &str, passed: bool, stars: u8) {
        let level = self.level_mut(key);
        level.attempts = level.attempts.saturating_add(1);
        level.code = code.to_owned();
        level.last_played = now_secs();
        if passed {
            level.passed = true;
            level.best_stars = level.best_stars.max(stars.min(MAX_STARS));
            if level.hints_used == 0 {
                level.passed_without_hints = true;
            }
        }
    }

    /// Keeps the code in the editor without counting an attempt.
    pub fn save_code(&mut self, key: &str, code: &str) {
        let level = self.level_mut(key);
        level.code = code.to_owned();
        level.last_played = now_secs();
    }

    /// Counts one more hint on the level and returns how many were used there.
    pub fn use_hint(&mut self, key: &str) -> u32 {
        let level = self.level_mut(key);
        level.hints_used = level.hints_used.saturating_add(1);
        level.hints_used
    }

    /// The best stars of every level, added up.
    pub fn total_stars(&self) -> u32 {
        self.levels.values().map(|l| u32::from(l.best_stars)).sum()
    }

    /// How many levels were passed.
    pub fn levels_passed(&self) -> u32 {
        self.levels.values().filter(|l| l.passed).count() as u32
    }

    pub fn is_passed(&self, key: &str) -> bool {
        self.levels.get(key).is_some_and(|l| l.passed)
    }

    /// The checks a profile passes before it is saved and after it is loaded: a file that
    /// fails them is treated as corrupt.
    pub fn validate(&self) -> Result<(), Invalid> {
        validate_id(&self.id).map_err(|_| Invalid::BadId(self.id.clone()))?;
        normalize_name(&self.name).map_err(Invalid::BadName)?;
        for (key, level) in &self.levels {
            if key.is_empty() {
                return Err(Invalid::EmptyLevelKey);
            }
            if level.best_stars > MAX_STARS {
                return Err(Invalid::StarsOutOfRange {
                    key: key.clone(),
                    stars: level.best_stars,
                    max: MAX_STARS,
                });
            }
        }
        let usable = |x: f32| x.is_finite() && x > 0.0;
        if !usable(self.settings.text_scale) {
            return Err(Invalid::BadSetting { name: "text_scale" });
        }
        if !usable(self.settings.animation_speed) {
            return Err(Invalid::BadSetting {
                name: "animation_speed",
            });
        }
        Ok(())
    }
}

/// The name as it is stored: trimmed, 1 to [`MAX_NAME_CHARS`] characters, no control
/// characters.
pub fn normalize_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlChar);
    }
    let len = name.chars().count();
    if len > MAX_NAME_CHARS {
        return Err(NameError::TooLong {
            len,
            max: MAX_NAME_CHARS,
        });
    }
    Ok(name.to_owned())
}

/// The form in which two names are compared: `"Zoé"` and `" zoÉ "` are the same name.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}
