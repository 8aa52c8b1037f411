//! Teachers' tools that need no server: everything travels as files (USB stick, network
//! share).
//!
//! - [`ProgressExport`]: a student's progress on a pack, exported from their profile
//!   (`codebot export-progress`), and [`ClassReport`]: those files merged into a table of
//!   students × levels with who is stuck where (`codebot report`).
//! - [`Submission`]: a student's code for each level of an exam pack, written by the
//!   game; [`grade_files`] re-runs every program in the sandbox on every variant
//!   (`codebot grade`). Only the code counts: anything else in the file earns nothing.
//!
//! Files from students are untrusted input: size-capped, versioned, validated, and an
//! unreadable file is reported, never fatal. Plain Rust, no Bevy.

mod csv;
pub mod exam;
mod files;
mod parallel;
pub mod progress_file;
pub mod report;
pub mod submission;
#[cfg(target_arch = "wasm32")]
pub mod web_files;

use thiserror::Error;

pub use exam::{
    ExamResults, GradeOutcome, GradedSubmission, LevelGrade, grade_files, grade_submission,
};
pub use files::{FileIssue, MAX_INPUT_BYTES, collect_files, now_secs};
pub use parallel::parallel_map;
pub use progress_file::{
    ExportedLevel, PROGRESS_FORMAT, PROGRESS_VERSION, ProgressExport, progress_json, read_progress,
    write_progress,
};
pub use report::{ClassReport, STUCK_ATTEMPTS, Stuck, StudentProgress};
pub use submission::{
    SUBMISSION_FORMAT, SUBMISSION_VERSION, Submission, SubmittedCode, read_submission,
    submission_json, write_submission,
};

/// Why a teacher's file could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TeacherError {
    #[error("cannot {op} {path}: {message}")]
    Io {
        op: &'static str,
        path: String,
        message: String,
    },
    #[error("{path} is larger than {max_bytes} bytes: not a Codebot file")]
    TooLarge { path: String, max_bytes: u64 },
    #[error("{path} is not UTF-8 text: not a Codebot file")]
    NotUtf8 { path: String },
    #[error("{path} is not a Codebot {expected} file ({message})")]
    WrongFormat {
        path: String,
        expected: &'static str,
        message: String,
    },
    #[error(
        "{path} was written by a newer Codebot (format version {found}, this one reads up to {supported}): update Codebot"
    )]
    NewerVersion {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("{path} is damaged: {message}")]
    Invalid { path: String, message: String },
    #[error("no profile is named `{0}` (give its name or its id; see the profile picker)")]
    UnknownProfile(String),
    #[error("cannot open the profiles: {0}")]
    Profiles(String),
}
