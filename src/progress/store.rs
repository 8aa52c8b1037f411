//! The [`Store`]: the profiles of one data folder, saved so that no crash loses them.
//!
//! Layout, relative to the root:
//! - `profiles/<id>.ron`: the save;
//! - `profiles/<id>.ron.bak`: the save before the last one (always a loadable file);
//! - `profiles/<id>.ron.broken-<time>`: a main file that could not be read, kept for the
//!   teacher;
//! - `trash/<time>-<id>/`: the files of a deleted profile.
//!
//! Saving reads the current main file. If it is a good save, it becomes the backup (written
//! atomically); if it is broken, a copy is kept and the backup, which holds the last good
//! save, is left alone. Then the new save replaces the main file atomically. At any moment,
//! either the main file or the backup is a complete save. Loading falls back on the
//! backup when the main file cannot be used, and says so in [`Loaded::recovery`].

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::clock::now_secs;
use super::error::{FileProblem, ProgressError};
use super::format::{Decoded, decode, encode};
use super::ids::{generate_id, validate_id};
use super::profile::{Profile, name_key, normalize_name};
use super::storage::{FsStorage, MemStorage, Storage};

const PROFILES: &str = "profiles";
const TRASH: &str = "trash";

/// The environment variable that chooses the data folder (a USB stick, a test folder).
pub const DATA_DIR_ENV: &str = "CODEBOT_DATA_DIR";

/// A loaded value, and whether it had to come from the backup.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    /// `Some` when the main file could not be used and the backup was: the game must tell
    /// the player that their latest progress may be missing.
    pub recovery: Option<Recovery>,
}

/// The main file was unusable and the backup was loaded instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// Why the main file could not be used.
    pub main_problem: FileProblem,
    /// Where the unusable main file was copied, relative to the store's root
    /// (`None` when there was no main file).
    pub broken_copy: Option<String>,
}

/// A line of the profile picker.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileSummary {
    pub id: String,
    /// The id when the profile cannot be read at all.
    pub name: String,
    pub avatar: u8,
    pub total_stars: u32,
    pub levels_passed: u32,
    pub health: ProfileHealth,
}

impl ProfileSummary {
    /// Whether the picker should show a warning next to this profile.
    pub fn is_corrupt(&self) -> bool {
        self.health != ProfileHealth::Ok
    }
}

/// The state of a profile's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileHealth {
    Ok,
    /// The main file is unusable; loading will use the backup.
    Recovered {
        main: FileProblem,
    },
    /// Saved by a newer Codebot: it cannot be opened here.
    NewerVersion {
        found: u32,
    },
    /// Neither file can be used.
    Unreadable {
        main: FileProblem,
        backup: FileProblem,
    },
}

/// Where a profile was found.
enum Found {
    Main(Decoded),
    Backup {
        decoded: Decoded,
        main_problem: FileProblem,
        main_bytes: Option<Vec<u8>>,
    },
}

/// The profiles of one data folder.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    storage: Box<dyn Storage>,
    /// Serializes the read-then-write sequences of this process.
    writing: Mutex<()>,
}

fn main_path(id: &str) -> String {
    format!("{PROFILES}/{id}.ron")
}

fn backup_path(id: &str) -> String {
    format!("{PROFILES}/{id}.ron.bak")
}

/// Whether `file` (a name in `profiles/`) belongs to the profile `id`.
fn belongs_to(file: &str, id: &str) -> bool {
    file.strip_prefix(id)
        .and_then(|rest| rest.strip_prefix(".ron"))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

fn io_error(op: &'static str, path: &str) -> impl FnOnce(io::Error) -> ProgressError {
    let path = path.to_owned();
    move |source| ProgressError::Io { op, path, source }
}

/// `env_value` (the value of `CODEBOT_DATA_DIR`) if set and not empty, else the platform's
/// data folder for Codebot.
pub(crate) fn default_data_dir(env_value: Option<OsString>) -> Result<PathBuf, ProgressError> {
    let beside_executable = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    choose_data_dir(env_value, beside_executable.as_deref())
}

/// Where Codebot keeps profiles, saves and the pack library, in this order:
/// 1. the folder named by `CODEBOT_DATA_DIR`;
/// 2. portable mode: a folder named `codebot-data` next to the executable (a USB stick,
///    a read-only network share with per-student writable folders);
/// 3. the platform's data folder (`~/.local/share/codebot`, `%APPDATA%\Codebot\codebot\data`...).
pub fn data_dir() -> Result<PathBuf, ProgressError> {
    default_data_dir(std::env::var_os(DATA_DIR_ENV))
}

/// The name of the folder that switches on portable mode.
pub const PORTABLE_DIR: &str = "codebot-data";

fn choose_data_dir(
    env_value: Option<OsString>,
    executable_dir: Option<&Path>,
) -> Result<PathBuf, ProgressError> {
    if let Some(dir) = env_value.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(portable) = executable_dir
        .map(|dir| dir.join(PORTABLE_DIR))
        .filter(|dir| dir.is_dir())
    {
        return Ok(portable);
    }
    directories::ProjectDirs::from("org", "Codebot", "codebot")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(ProgressError::NoDataDir)
}

impl Store {
    /// The folder chosen by [`data_dir`] (environment, portable mode, platform). Creates it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn open_default() -> Result<Store, ProgressError> {
        Store::open(default_data_dir(std::env::var_os(DATA_DIR_ENV))?)
    }

    /// In the browser: the page's `localStorage` ([`super::LocalStorage`]).
    #[cfg(target_arch = "wasm32")]
    pub fn open_default() -> Result<Store, ProgressError> {
        if !super::LocalStorage::available() {
            return Err(ProgressError::NoDataDir);
        }
        Ok(Store::with_storage(
            "localStorage",
            super::LocalStorage::new(),
        ))
    }

    /// The data folder `root`, created if needed.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store, ProgressError> {
        let root = root.into();
        let storage = FsStorage::new(&root).map_err(|source| ProgressError::Io {
            op: "create",
            path: root.display().to_string(),
            source,
        })?;
        Ok(Store::with_storage(root, storage))
    }

    /// A store over any [`Storage`]; `root` is only reported by [`Store::root`].
    pub fn with_storage(root: impl Into<PathBuf>, storage: impl Storage + 'static) -> Store {
        Store {
            root: root.into(),
            storage: Box::new(storage),
            writing: Mutex::new(()),
        }
    }

    /// A store that keeps everything in memory (nothing survives the process).
    pub fn in_memory() -> Store {
        Store::with_storage("memory", MemStorage::new())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every profile, sorted by name (ignoring case). A profile whose files are damaged is
    /// listed with its [`ProfileHealth`], never left out.
    pub fn list_profiles(&self) -> Result<Vec<ProfileSummary>, ProgressError> {
        let mut summaries = Vec::new();
        for id in self.profile_ids()? {
            let (profile, health) = match self.find(&id) {
                Ok(Found::Main(decoded)) => (Some(decoded.profile), ProfileHealth::Ok),
                Ok(Found::Backup {
                    decoded,
                    main_problem,
                    ..
                }) => (
                    Some(decoded.profile),
                    ProfileHealth::Recovered { main: main_problem },
                ),
                Err(ProgressError::NewerVersion { found, .. }) => {
                    (None, ProfileHealth::NewerVersion { found })
                }
                Err(ProgressError::BothBroken { main, backup, .. }) => {
                    (None, ProfileHealth::Unreadable { main, backup })
                }
                // Deleted between the listing and the reading.
                Err(ProgressError::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            };
            summaries.push(match profile {
                Some(p) => ProfileSummary {
                    total_stars: p.total_stars(),
                    levels_passed: p.levels_passed(),
                    id: p.id,
                    name: p.name,
                    avatar: p.avatar,
                    health,
                },
                None => ProfileSummary {
                    name: id.clone(),
                    id,
                    avatar: 0,
                    total_stars: 0,
                    levels_passed: 0,
                    health,
                },
            });
        }
        summaries.sort_by_cached_key(|s| (name_key(&s.name), s.id.clone()));
        Ok(summaries)
    }

    /// The ids that have a main file or a backup.
    fn profile_ids(&self) -> Result<Vec<String>, ProgressError> {
        let files = self
            .storage
            .list(PROFILES)
            .map_err(io_error("list", PROFILES))?;
        let mut ids: Vec<String> = files
            .iter()
            .filter_map(|f| {
                f.strip_suffix(".ron.bak")
                    .or_else(|| f.strip_suffix(".ron"))
            })
            .filter(|id| validate_id(id).is_ok())
            .map(str::to_owned)
            .collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// Creates and saves a new profile. The name is trimmed, must have 1 to 30
    /// characters, and must differ (ignoring case) from every other profile's.
    pub fn create_profile(&self, name: &str, avatar: u8) -> Result<Profile, ProgressError> {
        let name = normalize_name(name)?;
        let _guard = self.lock();
        self.check_name_free(&name, None)?;
        let files = self
            .storage
            .list(PROFILES)
            .map_err(io_error("list", PROFILES))?;
        let id = generate_id(&name, |id| files.iter().any(|f| belongs_to(f, id)))?;
        let profile = Profile::new(id, name, avatar);
        self.save_locked(&profile)?;
        Ok(profile)
    }

    fn check_name_free(&self, name: &str, except_id: Option<&str>) -> Result<(), ProgressError> {
        let key = name_key(name);
        let taken = self
            .list_profiles()?
            .iter()
            .any(|s| Some(s.id.as_str()) != except_id && name_key(&s.name) == key);
        if taken {
            Err(ProgressError::DuplicateName {
                name: name.to_owned(),
            })
        } else {
            Ok(())
        }
    }

    /// Loads a profile. When the main file is unusable and the backup is used,
    /// `recovery` says why, and the unusable file is copied to
    /// `profiles/<id>.ron.broken-<time>` (it is not repaired or replaced here).
    pub fn load_profile(&self, id: &str) -> Result<Loaded<Profile>, ProgressError> {
        validate_id(id)?;
        let _guard = self.lock();
        self.load_locked(id)
    }

    fn load_locked(&self, id: &str) -> Result<Loaded<Profile>, ProgressError> {
        match self.find(id)? {
            Found::Main(decoded) => Ok(Loaded {
                value: decoded.profile,
                recovery: None,
            }),
            Found::Backup {
                decoded,
                main_problem,
                main_bytes,
            } => {
                let broken_copy = match main_bytes {
                    Some(bytes) => Some(self.keep_broken(id, &bytes)?),
                    None => None,
                };
                Ok(Loaded {
                    value: decoded.profile,
                    recovery: Some(Recovery {
                        main_problem,
                        broken_copy,
                    }),
                })
            }
        }
    }

    /// Reads a file; an unreadable file is a [`FileProblem`], not an error.
    fn read(&self, path: &str) -> (Option<Vec<u8>>, Result<(), FileProblem>) {
        match self.storage.read(path) {
            Ok(Some(bytes)) => (Some(bytes), Ok(())),
            Ok(None) => (None, Err(FileProblem::Missing)),
            Err(e) => (
                None,
                Err(FileProblem::Io {
                    kind: e.kind(),
                    message: e.to_string(),
                }),
            ),
        }
    }

    fn read_decoded(
        &self,
        path: &str,
        id: &str,
    ) -> (Option<Vec<u8>>, Result<Decoded, FileProblem>) {
        let (bytes, read) = self.read(path);
        let decoded = read.and_then(|()| decode(bytes.as_deref().unwrap_or_default(), id));
        (bytes, decoded)
    }

    /// Finds the usable file of a profile, without changing anything.
    fn find(&self, id: &str) -> Result<Found, ProgressError> {
        let (main_bytes, main) = self.read_decoded(&main_path(id), id);
        let main_problem = match main {
            Ok(decoded) => return Ok(Found::Main(decoded)),
            // Never fall back on an older backup: saving it would overwrite newer work.
            Err(FileProblem::NewerVersion { found, supported }) => {
                return Err(ProgressError::NewerVersion {
                    id: id.to_owned(),
                    found,
                    supported,
                });
            }
            Err(problem) => problem,
        };
        match self.read_decoded(&backup_path(id), id).1 {
            Ok(decoded) => Ok(Found::Backup {
                decoded,
                main_problem,
                main_bytes,
            }),
            Err(FileProblem::Missing) if main_problem == FileProblem::Missing => {
                Err(ProgressError::NotFound { id: id.to_owned() })
            }
            Err(backup) => Err(ProgressError::BothBroken {
                id: id.to_owned(),
                main: main_problem,
                backup,
            }),
        }
    }

    /// Keeps `bytes`, an unusable main file, as `profiles/<id>.ron.broken-<time>`, unless
    /// an identical copy is already kept. Returns the copy's path. Call with the lock held.
    fn keep_broken(&self, id: &str, bytes: &[u8]) -> Result<String, ProgressError> {
        let prefix = format!("{id}.ron.broken-");
        let files = self
            .storage
            .list(PROFILES)
            .map_err(io_error("list", PROFILES))?;
        let mut taken = Vec::new();
        for name in files
            .iter()
            .filter(|f| f.starts_with(&prefix) && !f.ends_with(".tmp"))
        {
            let path = format!("{PROFILES}/{name}");
            if self.storage.read(&path).ok().flatten().as_deref() == Some(bytes) {
                return Ok(path);
            }
            taken.push(name.as_str());
        }
        let stamp = now_secs();
        let mut name = format!("{prefix}{stamp}");
        let mut n = 1;
        while taken.contains(&name.as_str()) {
            name = format!("{prefix}{stamp}-{n}");
            n += 1;
        }
        let path = format!("{PROFILES}/{name}");
        self.storage
            .write_atomic(&path, bytes)
            .map_err(io_error("write", &path))?;
        Ok(path)
    }

    /// Saves a profile atomically, keeping the previous good save as the backup.
    /// Refuses a profile that would not load back, and never overwrites a file written
    /// by a newer Codebot.
    pub fn save_profile(&self, profile: &Profile) -> Result<(), ProgressError> {
        let _guard = self.lock();
        self.save_locked(profile)
    }

    fn save_locked(&self, profile: &Profile) -> Result<(), ProgressError> {
        let id = profile.id.as_str();
        validate_id(id)?;
        profile
            .validate()
            .map_err(|problem| ProgressError::InvalidProfile {
                id: id.to_owned(),
                problem,
            })?;
        let text = encode(profile)?;
        let main = main_path(id);
        let current = self.storage.read(&main).map_err(io_error("read", &main))?;
        if let Some(current) = current {
            if current == text.as_bytes() {
                return Ok(());
            }
            match decode(&current, id) {
                Ok(_) => {
                    let backup = backup_path(id);
                    self.storage
                        .write_atomic(&backup, &current)
                        .map_err(io_error("write", &backup))?;
                }
                Err(FileProblem::NewerVersion { found, supported }) => {
                    return Err(ProgressError::NewerVersion {
                        id: id.to_owned(),
                        found,
                        supported,
                    });
                }
                // The backup holds the last good save: keep it, and keep the broken file.
                Err(_) => {
                    self.keep_broken(id, &current)?;
                }
            }
        }
        self.storage
            .write_atomic(&main, text.as_bytes())
            .map_err(io_error("write", &main))
    }

    /// Gives a profile a new name (same rules as [`Store::create_profile`]); its id stays.
    pub fn rename_profile(&self, id: &str, new_name: &str) -> Result<Profile, ProgressError> {
        validate_id(id)?;
        let name = normalize_name(new_name)?;
        let _guard = self.lock();
        let mut profile = self.load_locked(id)?.value;
        self.check_name_free(&name, Some(id))?;
        profile.name = name;
        self.save_locked(&profile)?;
        Ok(profile)
    }

    /// Moves every file of a profile to `trash/<time>-<id>/`; nothing is destroyed.
    pub fn delete_profile(&self, id: &str) -> Result<(), ProgressError> {
        validate_id(id)?;
        let _guard = self.lock();
        let mut files: Vec<String> = self
            .storage
            .list(PROFILES)
            .map_err(io_error("list", PROFILES))?
            .into_iter()
            .filter(|f| belongs_to(f, id))
            .collect();
        let main = format!("{id}.ron");
        if !files
            .iter()
            .any(|f| *f == main || *f == format!("{main}.bak"))
        {
            return Err(ProgressError::NotFound { id: id.to_owned() });
        }
        // The main file last: a crash part-way leaves the profile as it was.
        files.sort_by_key(|f| *f == main);
        let stamp = now_secs();
        let mut folder = format!("{TRASH}/{stamp}-{id}");
        for n in 1.. {
            let mut used = false;
            for file in &files {
                let path = format!("{folder}/{file}");
                used |= self
                    .storage
                    .exists(&path)
                    .map_err(io_error("read", &path))?;
            }
            if !used {
                break;
            }
            folder = format!("{TRASH}/{stamp}-{id}-{n}");
        }
        for file in files {
            let from = format!("{PROFILES}/{file}");
            self.storage
                .rename(&from, &format!("{folder}/{file}"))
                .map_err(io_error("move to the trash", &from))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod portable_tests {
    use super::*;

    #[test]
    fn a_codebot_data_folder_next_to_the_executable_wins_over_the_platform_folder() {
        let dir = tempfile::tempdir().unwrap();
        let platform = choose_data_dir(None, Some(dir.path())).unwrap();
        assert_ne!(platform, dir.path().join(PORTABLE_DIR));
        std::fs::create_dir(dir.path().join(PORTABLE_DIR)).unwrap();
        assert_eq!(
            choose_data_dir(None, Some(dir.path())).unwrap(),
            dir.path().join(PORTABLE_DIR)
        );
        // The environment variable still comes first.
        let env = choose_data_dir(Some(OsString::from("elsewhere")), Some(dir.path())).unwrap();
        assert_eq!(env, PathBuf::from("elsewhere"));
    }
}
