//! Students' progress: profiles, settings and level results, saved so that nothing is
//! ever lost on a school PC that several students share.
//!
//! A [`Store`] is one data folder holding one RON file per profile
//! (`profiles/<id>.ron`, see [`format`] for its versions). Saves are atomic and keep a
//! backup; loading falls back on the backup and reports it ([`Loaded::recovery`]);
//! deleting moves the files to `trash/`. The file operations go through the [`Storage`]
//! trait, so the web build keeps the same files in `localStorage` (`web_storage`). Plain Rust, no Bevy: the
//! CLI, the game and the web build share it.

mod clock;
mod error;
pub mod format;
mod ids;
mod profile;
mod storage;
mod store;
#[cfg(target_arch = "wasm32")]
mod web_storage;

pub use clock::now_secs;
pub use error::{FileProblem, Invalid, NameError, ProgressError};
pub use format::FORMAT_VERSION;
pub use ids::{MAX_ID_LEN, slug, validate_id};
pub use profile::{
    LevelProgress, MAX_NAME_CHARS, MAX_STARS, Profile, Settings, name_key, normalize_name,
};
pub use storage::{FsStorage, MemStorage, Storage};
pub use store::{
    DATA_DIR_ENV, Loaded, PORTABLE_DIR, ProfileHealth, ProfileSummary, Recovery, Store, data_dir,
};
#[cfg(target_arch = "wasm32")]
pub use web_storage::LocalStorage;

#[cfg(test)]
mod test_util;
#[cfg(test)]
mod tests_format;
#[cfg(test)]
mod tests_profile;
#[cfg(test)]
mod tests_recovery;
#[cfg(test)]
mod tests_store;
