//! The profile file: pretty RON with a top-level `format_version`, and the upgrades from
//! older versions.
//!
//! Version 1 (current):
//! ```text
//! (
//!     format_version: 1,
//!     id: "zoe-k3xa",
//!     name: "Zoé",
//!     avatar: 2,
//!     created: 1767225600,
//!     settings: (lang: Some(fr), text_scale: 1.0, high_contrast: false,
//!                animation_speed: 1.0, reduced_motion: false),
//!     levels: { "basics/first-steps": (passed: true, best_stars: 3, code: "...", ...) },
//!     achievements: ["first-level"],
//! )
//! ```
//! Version 0 (the first saves, with no `format_version` field or `format_version: 0`):
//! the same without `achievements`, `settings.reduced_motion` and
//! `levels.*.passed_without_hints`. [`decode`] upgrades it; the next save writes version 1.
//! A file with a version above [`FORMAT_VERSION`] is refused, never rewritten.

use std::collections::{BTreeMap, BTreeSet};

use ron::error::{Error as RonError, SpannedError};
use serde::{Deserialize, Serialize};

use super::error::{FileProblem, Invalid, ProgressError};
use super::profile::{LevelProgress, Profile, Settings};
use crate::i18n::Lang;

/// The version [`encode`] writes, and the newest [`decode`] reads.
pub const FORMAT_VERSION: u32 = 1;

/// A profile read from a file, and the version that file had.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub profile: Profile,
    pub from_version: u32,
}

/// The current shape of the file.
#[derive(Serialize, Deserialize)]
struct FileV1 {
    format_version: u32,
    id: String,
    name: String,
    avatar: u8,
    #[serde(default)]
    created: u64,
    #[serde(default)]
    settings: Settings,
    #[serde(default)]
    levels: BTreeMap<String, LevelProgress>,
    #[serde(default)]
    achievements: BTreeSet<String>,
}

/// The first shape of the file.
#[derive(Deserialize)]
struct FileV0 {
    id: String,
    name: String,
    avatar: u8,
    #[serde(default)]
    created: u64,
    #[serde(default)]
    settings: SettingsV0,
    #[serde(default)]
    levels: BTreeMap<String, LevelV0>,
}

#[derive(Deserialize)]
#[serde(default)]
struct SettingsV0 {
    lang: Option<Lang>,
    text_scale: f32,
    high_contrast: bool,
    animation_speed: f32,
}

impl Default for SettingsV0 {
    fn default() -> Self {
        SettingsV0 {
            lang: None,
            text_scale: 1.0,
            high_contrast: false,
            animation_speed: 1.0,
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct LevelV0 {
    passed: bool,
    best_stars: u8,
    code: String,
    attempts: u32,
    hints_used: u32,
    last_played: u64,
}

/// Reads only the version: absent means 0.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    format_version: u32,
}

/// Version 0 to version 1: no achievements yet, motion as before, and a level passed with
/// no hint recorded counts as passed without hints.
fn upgrade_v0(old: FileV0) -> FileV1 {
    FileV1 {
        format_version: 1,
        id: old.id,
        name: old.name,
        avatar: old.avatar,
        created: old.created,
        settings: Settings {
            lang: old.settings.lang,
            text_scale: old.settings.text_scale,
            high_contrast: old.settings.high_contrast,
            animation_speed: old.settings.animation_speed,
            reduced_motion: false,
        },
        levels: old
            .levels
            .into_iter()
            .map(|(key, l)| {
                let level = LevelProgress {
                    passed: l.passed,
                    best_stars: l.best_stars,
                    code: l.code,
                    attempts: l.attempts,
                    hints_used: l.hints_used,
                    passed_without_hints: l.passed && l.hints_used == 0,
                    last_played: l.last_played,
                };
                (key, level)
            })
            .collect(),
        achievements: BTreeSet::new(),
    }
}

impl From<FileV1> for Profile {
    fn from(file: FileV1) -> Profile {
        Profile {
            id: file.id,
            name: file.name,
            avatar: file.avatar,
            created: file.created,
            settings: file.settings,
            levels: file.levels,
            achievements: file.achievements,
        }
    }
}

/// The text of the file for `profile`, in the current version.
pub fn encode(profile: &Profile) -> Result<String, ProgressError> {
    let file = FileV1 {
        format_version: FORMAT_VERSION,
        id: profile.id.clone(),
        name: profile.name.clone(),
        avatar: profile.avatar,
        created: profile.created,
        settings: profile.settings.clone(),
        levels: profile.levels.clone(),
        achievements: profile.achievements.clone(),
    };
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("    ")
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| ProgressError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Reads a profile file of any known version, upgrades it, and checks it belongs to
/// `expected_id` and passes [`Profile::validate`].
pub fn decode(bytes: &[u8], expected_id: &str) -> Result<Decoded, FileProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| match e.error_len() {
        // The last character is incomplete.
        None => FileProblem::Truncated,
        Some(_) => FileProblem::NotRon {
            message: e.to_string(),
        },
    })?;
    let version = ron::from_str::<Probe>(text)
        .map_err(|e| classify(text, e))?
        .format_version;
    let file = match version {
        0 => upgrade_v0(ron::from_str::<FileV0>(text).map_err(|e| classify(text, e))?),
        1 => ron::from_str::<FileV1>(text).map_err(|e| classify(text, e))?,
        found => {
            return Err(FileProblem::NewerVersion {
                found,
                supported: FORMAT_VERSION,
            });
        }
    };
    let profile = Profile::from(file);
    if profile.id != expected_id {
        return Err(FileProblem::Invalid(Invalid::IdMismatch {
            expected: expected_id.to_owned(),
            found: profile.id,
        }));
    }
    profile.validate().map_err(FileProblem::Invalid)?;
    Ok(Decoded {
        profile,
        from_version: version,
    })
}

/// A file cut short: the text ends inside a string or a comment, or the parser wanted
/// more at the very end.
fn classify(text: &str, error: SpannedError) -> FileProblem {
    let unclosed = matches!(
        error.code,
        RonError::Eof
            | RonError::ExpectedStringEnd
            | RonError::UnclosedBlockComment
            | RonError::UnclosedLineComment
    );
    if unclosed || error_at_end(text, &error) {
        FileProblem::Truncated
    } else {
        FileProblem::NotRon {
            message: error.to_string(),
        }
    }
}

fn error_at_end(text: &str, error: &SpannedError) -> bool {
    let content = text.trim_end();
    let last_line = content.lines().count().max(1);
    let last_col = content.lines().last().map_or(0, |l| l.chars().count());
    let end = &error.span.end;
    end.line > last_line || (end.line == last_line && end.col > last_col)
}
