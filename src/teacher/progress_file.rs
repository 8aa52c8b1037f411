//! A student's progress, exported to a file the teacher collects.
//!
//! JSON, format version 1:
//! ```text
//! {
//!   "format": "codebot-progress", "format_version": 1,
//!   "student": "Zoé", "profile_id": "zoe-k3xa", "pack": "classe-5a",
//!   "exported_at": 1767225600, "codebot_version": "0.1.0",
//!   "levels": {
//!     "classe-5a/boucles-01": {"passed": true, "stars": 3, "attempts": 4,
//!                              "hints_used": 1, "code": "...", "last_played": 1767225000}
//!   }
//! }
//! ```
//! `pack` is `null` when every level of the profile was exported. Unknown fields are
//! ignored, so a later version 1 may add some.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TeacherError;
use super::files::{now_secs, read_json, write_atomic};
use crate::level::is_valid_id;
use crate::progress::{MAX_STARS, Profile, normalize_name, validate_id};

/// The `format` field of a progress file.
pub const PROGRESS_FORMAT: &str = "codebot-progress";
/// The version written, and the newest read.
pub const PROGRESS_VERSION: u32 = 1;

/// One student's progress on one pack (or on everything).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressExport {
    pub format: String,
    pub format_version: u32,
    /// The profile's name.
    pub student: String,
    /// The profile's id: files with the same id are the same student.
    pub profile_id: String,
    /// The pack exported, `None` for all levels.
    #[serde(default)]
    pub pack: Option<String>,
    /// Seconds since 1970.
    pub exported_at: u64,
    #[serde(default)]
    pub codebot_version: String,
    /// Keyed `"pack-id/level-id"`.
    #[serde(default)]
    pub levels: BTreeMap<String, ExportedLevel>,
}

/// What the student did on one level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportedLevel {
    pub passed: bool,
    /// The best stars earned (0 to 3).
    pub stars: u8,
    pub attempts: u32,
    pub hints_used: u32,
    /// The last code written or run.
    pub code: String,
    /// Seconds since 1970.
    pub last_played: u64,
}

impl ProgressExport {
    /// The progress of a profile, on one pack's levels or on all of them.
    pub fn from_profile(profile: &Profile, pack: Option<&str>) -> ProgressExport {
        let prefix = pack.map(|p| format!("{p}/"));
        let levels = profile
            .levels
            .iter()
            .filter(|(key, _)| prefix.as_ref().is_none_or(|p| key.starts_with(p.as_str())))
            .map(|(key, l)| {
                let level = ExportedLevel {
                    passed: l.passed,
                    stars: l.best_stars,
                    attempts: l.attempts,
                    hints_used: l.hints_used,
                    code: l.code.clone(),
                    last_played: l.last_played,
                };
                (key.clone(), level)
            })
            .collect();
        ProgressExport {
            format: PROGRESS_FORMAT.to_string(),
            format_version: PROGRESS_VERSION,
            student: profile.name.clone(),
            profile_id: profile.id.clone(),
            pack: pack.map(str::to_owned),
            exported_at: now_secs(),
            codebot_version: env!("CARGO_PKG_VERSION").to_string(),
            levels,
        }
    }

    /// A file name for it: `<profile-id>-<pack>.progress.json`.
    pub fn file_name(&self) -> String {
        match &self.pack {
            Some(pack) => format!("{}-{pack}.progress.json", self.profile_id),
            None => format!("{}.progress.json", self.profile_id),
        }
    }

    /// The checks a file passes before it is used: ids, name, keys, stars.
    pub fn validate(&self) -> Result<(), String> {
        validate_id(&self.profile_id).map_err(|e| format!("profile_id: {e}"))?;
        normalize_name(&self.student).map_err(|e| format!("student: {e}"))?;
        if let Some(pack) = &self.pack
            && !is_valid_id(pack)
        {
            return Err(format!("pack: `{pack}` is not a pack id"));
        }
        for (key, level) in &self.levels {
            let valid_key = key
                .split_once('/')
                .is_some_and(|(p, l)| is_valid_id(p) && is_valid_id(l));
            if !valid_key {
                return Err(format!("levels: `{key}` is not `pack-id/level-id`"));
            }
            if level.stars > MAX_STARS {
                return Err(format!("levels.{key}: {} stars", level.stars));
            }
        }
        Ok(())
    }
}

/// Writes a progress file atomically.
pub fn write_progress(path: &Path, export: &ProgressExport) -> Result<(), TeacherError> {
    write_atomic(path, progress_json(export).as_bytes())
}

/// The text of a progress file (what [`write_progress`] writes).
pub fn progress_json(export: &ProgressExport) -> String {
    serde_json::to_string_pretty(export).expect("progress files always serialize")
}

/// Reads and checks a progress file.
pub fn read_progress(path: &Path) -> Result<ProgressExport, TeacherError> {
    let export: ProgressExport = read_json(path, PROGRESS_FORMAT, PROGRESS_VERSION)?;
    export.validate().map_err(|message| TeacherError::Invalid {
        path: path.display().to_string(),
        message,
    })?;
    Ok(export)
}

impl ProgressExport {
    /// Adds this file's progress to `profile` (a student moving between computers, e.g.
    /// from home to school on the web): for each level, passed if either says so, the
    /// best stars, the most attempts and hints, and the code of the one played last.
    /// Returns how many levels changed.
    pub fn merge_into(&self, profile: &mut Profile) -> usize {
        let mut changed = 0;
        for (key, theirs) in &self.levels {
            let ours = profile.levels.entry(key.clone()).or_default();
            let before = ours.clone();
            if theirs.passed {
                ours.passed = true;
                ours.passed_without_hints |= theirs.hints_used == 0;
            }
            ours.best_stars = ours.best_stars.max(theirs.stars.min(MAX_STARS));
            ours.attempts = ours.attempts.max(theirs.attempts);
            ours.hints_used = ours.hints_used.max(theirs.hints_used);
            if theirs.last_played > ours.last_played || ours.code.trim().is_empty() {
                if !theirs.code.trim().is_empty() {
                    ours.code.clone_from(&theirs.code);
                }
                ours.last_played = ours.last_played.max(theirs.last_played);
            }
            if *ours != before {
                changed += 1;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_the_best_of_both_and_the_latest_code() {
        let mut home = Profile::new("zoe-k3xa", "Zoé", 0);
        let level = home.levels.entry("codebot/a".into()).or_default();
        level.passed = true;
        level.best_stars = 3;
        level.attempts = 2;
        level.code = "move()".into();
        level.last_played = 100;
        let older = home.levels.entry("codebot/b".into()).or_default();
        older.code = "old".into();
        older.last_played = 50;
        let export = ProgressExport::from_profile(&home, None);

        let mut school = Profile::new("zoe-abcd", "Zoé", 1);
        let level = school.levels.entry("codebot/a".into()).or_default();
        level.best_stars = 1;
        level.attempts = 5;
        level.code = "newer()".into();
        level.last_played = 200;

        assert_eq!(export.merge_into(&mut school), 2);
        let a = &school.levels["codebot/a"];
        assert!(a.passed);
        assert_eq!((a.best_stars, a.attempts), (3, 5));
        assert_eq!(a.code, "newer()", "the code played last is kept");
        assert_eq!(school.levels["codebot/b"].code, "old");
        assert_eq!(
            export.merge_into(&mut school),
            0,
            "merging twice changes nothing"
        );
    }
}
