//! The typed errors of the progress store.
//!
//! [`ProgressError`] is what the [`Store`](super::Store) returns; [`FileProblem`] says why
//! one save file could not be used (it travels inside errors, recoveries and summaries, so
//! it is `Clone`); [`NameError`] and [`Invalid`] say what is wrong with a name or a profile.
//! The game chooses its words from the variant; the `Display` texts are for logs.

use std::io;

/// Why a profile name is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Nothing left after trimming the spaces.
    #[error("the name is empty")]
    Empty,
    /// More than [`MAX_NAME_CHARS`](super::MAX_NAME_CHARS) characters after trimming.
    #[error("the name has {len} characters, at most {max} are allowed")]
    TooLong { len: usize, max: usize },
    /// A tab, a line break or another control character.
    #[error("the name contains a control character")]
    ControlChar,
}

/// A profile whose content cannot be right: a corrupt file, or a bug in the caller.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// The id is not a safe file name (see [`validate_id`](super::validate_id)).
    #[error("the id {0:?} is not a valid profile id")]
    BadId(String),
    /// The file `profiles/<expected>.ron` holds the profile `found`.
    #[error("the file belongs to profile {expected:?} but holds profile {found:?}")]
    IdMismatch { expected: String, found: String },
    #[error("bad name: {0}")]
    BadName(NameError),
    #[error("level {key:?} has {stars} stars, at most {max} exist")]
    StarsOutOfRange { key: String, stars: u8, max: u8 },
    #[error("a level key is empty")]
    EmptyLevelKey,
    /// A setting that is not a finite, positive number.
    #[error("the setting {name} is not a usable number")]
    BadSetting { name: &'static str },
}

/// Why one file (the main save or its backup) could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is missing")]
    Missing,
    /// Zero bytes, or only white space.
    #[error("the file is empty")]
    Empty,
    /// Valid RON that stops before the end of the profile.
    #[error("the file is cut short")]
    Truncated,
    /// Not UTF-8, not RON, or RON of another shape.
    #[error("the file is not a readable profile: {message}")]
    NotRon { message: String },
    /// Readable, but its content is impossible.
    #[error("the profile is not valid: {0}")]
    Invalid(Invalid),
    /// Written by a newer Codebot: never used, never overwritten.
    #[error("the file has format {found}, this version of Codebot reads up to {supported}")]
    NewerVersion { found: u32, supported: u32 },
    /// The operating system refused to read it.
    #[error("the file cannot be read ({kind:?}): {message}")]
    Io {
        kind: io::ErrorKind,
        message: String,
    },
}

/// Everything the progress store can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// Neither `CODEBOT_DATA_DIR` nor a platform data folder is available.
    #[error("no folder to keep the progress in could be found")]
    NoDataDir,
    /// A read, write, rename or listing failed.
    #[error("cannot {op} {path}: {source}")]
    Io {
        op: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },
    #[error("invalid profile name: {0}")]
    InvalidName(#[from] NameError),
    /// Another profile already has this name (ignoring case).
    #[error("a profile named {name:?} already exists")]
    DuplicateName { name: String },
    /// An id with characters other than `a-z`, `0-9`, `-`, `_` (so no `/`, `\` or `..`).
    #[error("{id:?} is not a valid profile id")]
    InvalidId { id: String },
    #[error("there is no profile {id:?}")]
    NotFound { id: String },
    /// The profile's main file was written by a newer Codebot. It is left as it is.
    #[error(
        "profile {id:?} was saved by a newer Codebot (format {found}, this one reads up to {supported})"
    )]
    NewerVersion {
        id: String,
        found: u32,
        supported: u32,
    },
    /// Neither the main file nor its backup can be used.
    #[error("profile {id:?} cannot be read: main file: {main}; backup: {backup}")]
    BothBroken {
        id: String,
        main: FileProblem,
        backup: FileProblem,
    },
    /// Refused to save a profile that could not be loaded back.
    #[error("profile {id:?} was not saved: {problem}")]
    InvalidProfile { id: String, problem: Invalid },
    #[error("the profile could not be written as RON: {0}")]
    Serialize(String),
    /// Every generated id was taken (only after many tries).
    #[error("no free profile id could be found")]
    NoFreeId,
}
