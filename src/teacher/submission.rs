//! An exam submission: a student's code for each level of an exam pack, written by the
//! game during and at the end of the exam, collected and graded by the teacher.
//!
//! JSON, format version 1:
//! ```text
//! {
//!   "format": "codebot-submission", "format_version": 1,
//!   "pack": "controle-boucles", "student": "Zoé", "profile_id": "zoe-k3xa",
//!   "started_at": 1767225600, "submitted_at": 1767228300, "codebot_version": "0.1.0",
//!   "levels": {"boucles-01": {"code": "while not at_goal():\n    move()\n", "runs": 3}},
//!   "handed_in": true
//! }
//! ```
//! `handed_in` (absent = `false`) says the student handed the exam in or the time ran
//! out: the game then keeps the exam closed; a file collected before says `false`.
//! Levels are keyed by their id in the pack. There is deliberately no score in the file:
//! `codebot grade` runs the code again, and fields it does not know (a `"stars": 3` typed
//! in by hand) are ignored. The file is not signed: collect it from the student's
//! computer yourself.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::TeacherError;
use super::files::{now_secs, read_json, write_atomic};
use crate::level::is_valid_id;
use crate::progress::{Profile, validate_id};

/// The `format` field of a submission file.
pub const SUBMISSION_FORMAT: &str = "codebot-submission";
/// The version written, and the newest read.
pub const SUBMISSION_VERSION: u32 = 1;

/// A student's exam.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub format: String,
    pub format_version: u32,
    /// The exam pack's id.
    pub pack: String,
    pub student: String,
    pub profile_id: String,
    /// Seconds since 1970.
    #[serde(default)]
    pub started_at: u64,
    /// Seconds since 1970: when the file was last written.
    #[serde(default)]
    pub submitted_at: u64,
    #[serde(default)]
    pub codebot_version: String,
    /// Level id → the student's code.
    #[serde(default)]
    pub levels: BTreeMap<String, SubmittedCode>,
    /// The exam is over for this student (handed in, or the time ran out).
    #[serde(default)]
    pub handed_in: bool,
}

/// The code for one level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubmittedCode {
    pub code: String,
    /// How many times the student ran it during the exam (information only).
    pub runs: u32,
}

impl Submission {
    /// An empty submission of `profile` for the pack `pack_id`, started now.
    pub fn new(pack_id: &str, profile: &Profile) -> Submission {
        let now = now_secs();
        Submission {
            format: SUBMISSION_FORMAT.to_string(),
            format_version: SUBMISSION_VERSION,
            pack: pack_id.to_string(),
            student: profile.name.clone(),
            profile_id: profile.id.clone(),
            started_at: now,
            submitted_at: now,
            codebot_version: env!("CARGO_PKG_VERSION").to_string(),
            levels: BTreeMap::new(),
            handed_in: false,
        }
    }

    /// Keeps the code of a level (the editor's content).
    pub fn set_code(&mut self, level_id: &str, code: &str) {
        self.levels.entry(level_id.to_string()).or_default().code = code.to_string();
        self.submitted_at = now_secs();
    }

    /// Keeps the code of a level and counts one run.
    pub fn record_run(&mut self, level_id: &str, code: &str) {
        self.set_code(level_id, code);
        let level = self.levels.entry(level_id.to_string()).or_default();
        level.runs = level.runs.saturating_add(1);
    }

    /// The code for a level, if the student wrote any (blank code counts as none).
    pub fn code(&self, level_id: &str) -> Option<&str> {
        self.levels
            .get(level_id)
            .map(|l| l.code.as_str())
            .filter(|code| !code.trim().is_empty())
    }

    /// A file name for it: `<pack>-<profile-id>.submission.json`.
    pub fn file_name(&self) -> String {
        format!("{}-{}.submission.json", self.pack, self.profile_id)
    }

    /// The checks a file passes before it is graded.
    pub fn validate(&self) -> Result<(), String> {
        if !is_valid_id(&self.pack) {
            return Err(format!("pack: `{}` is not a pack id", self.pack));
        }
        validate_id(&self.profile_id).map_err(|e| format!("profile_id: {e}"))?;
        crate::progress::normalize_name(&self.student).map_err(|e| format!("student: {e}"))?;
        if let Some(bad) = self.levels.keys().find(|k| !is_valid_id(k)) {
            return Err(format!("levels: `{bad}` is not a level id"));
        }
        Ok(())
    }
}

/// Writes a submission atomically (the game calls it after every change, so a crash or
/// a power cut loses at most the last keystrokes).
pub fn write_submission(path: &Path, submission: &Submission) -> Result<(), TeacherError> {
    write_atomic(path, submission_json(submission).as_bytes())
}

/// The text of a submission file (what [`write_submission`] writes).
pub fn submission_json(submission: &Submission) -> String {
    serde_json::to_string_pretty(submission).expect("submissions always serialize")
}

/// Reads and checks a submission file.
pub fn read_submission(path: &Path) -> Result<Submission, TeacherError> {
    let submission: Submission = read_json(path, SUBMISSION_FORMAT, SUBMISSION_VERSION)?;
    submission
        .validate()
        .map_err(|message| TeacherError::Invalid {
            path: path.display().to_string(),
            message,
        })?;
    Ok(submission)
}
