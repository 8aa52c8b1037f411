//! Who is playing: the progress store, the profile being played and its saving.
//!
//! - [`Saves`] is the data folder (`CODEBOT_DATA_DIR` or the platform's). When it cannot
//!   be opened the game still runs on a store in memory and tells the player that
//!   nothing will be kept.
//! - [`CurrentProfile`] is the profile being played. Any system may change it (the level
//!   screen records attempts, stars and code in it); it is saved automatically, at most
//!   twice a second and when the game closes, and only when it differs from the file.
//! - [`ProfileRequest`] messages (from the profile picker and the start options) create,
//!   open, rename, re-avatar and delete profiles. A profile whose save is damaged is
//!   opened from its backup and the player is told so (`Notices`); it is never reset.

use std::time::Duration;

use bevy::app::AppExit;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::notices::{Notice, NoticeArg, Notices};
use super::settings::ActiveSettings;
use super::{Screen, Session, StartOptions};
use crate::progress::{
    FileProblem, NameError, Profile, ProfileSummary, ProgressError, Recovery, Store,
};

pub(super) fn plugin(app: &mut App) {
    if !app.world().contains_resource::<Saves>() {
        let saves = Saves::open_default();
        app.insert_resource(saves);
    }
    app.init_resource::<CurrentProfile>()
        .init_resource::<ProfileList>()
        .init_resource::<ProfileFeedback>()
        .add_message::<ProfileRequest>()
        .add_systems(Startup, report_store_problem)
        .add_systems(Update, handle_requests)
        .add_systems(OnEnter(Screen::Profiles), refresh_list)
        .add_systems(Last, save_current);
}

/// How often the current profile may be written while it keeps changing.
const SAVE_INTERVAL: Duration = Duration::from_millis(500);
/// How long to wait before trying again after a save failed.
const RETRY_INTERVAL: Duration = Duration::from_secs(10);

/// The progress store of this game.
#[derive(Resource, Debug)]
pub struct Saves {
    store: Store,
    /// Why the data folder could not be used (then `store` is in memory).
    problem: Option<String>,
}

impl Saves {
    /// The store of `CODEBOT_DATA_DIR` or of the platform's data folder; a store in
    /// memory when neither can be used.
    pub fn open_default() -> Saves {
        match Store::open_default() {
            Ok(store) => Saves {
                store,
                problem: None,
            },
            Err(error) => {
                warn!("progress will not be saved: {error}");
                Saves {
                    store: Store::in_memory(),
                    problem: Some(error.to_string()),
                }
            }
        }
    }

    pub fn new(store: Store) -> Saves {
        Saves {
            store,
            problem: None,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }
}

/// The profile being played, if one was chosen.
#[derive(Resource, Debug, Default)]
pub struct CurrentProfile {
    profile: Option<Profile>,
    /// The profile as last written to (or read from) its file.
    on_disk: Option<Profile>,
}

impl CurrentProfile {
    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// The profile, to change it: it will be saved automatically.
    pub fn profile_mut(&mut self) -> Option<&mut Profile> {
        self.profile.as_mut()
    }

    /// Whether the profile has changes not yet written.
    pub fn unsaved(&self) -> bool {
        self.profile != self.on_disk
    }

    fn set_loaded(&mut self, profile: Option<Profile>) {
        self.on_disk.clone_from(&profile);
        self.profile = profile;
    }
}

/// The profiles of the data folder, for the picker (read when it opens and after each
/// change).
#[derive(Resource, Debug, Default)]
pub struct ProfileList {
    pub profiles: Vec<ProfileSummary>,
}

/// A change to the profiles, asked for by the player.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum ProfileRequest {
    Create {
        name: String,
        avatar: u8,
    },
    Open {
        id: String,
    },
    /// A new name and avatar (either may be unchanged).
    Edit {
        id: String,
        name: String,
        avatar: u8,
    },
    Delete {
        id: String,
    },
    /// Stop playing as the current profile (back to the picker).
    Close,
}

/// What went wrong with the last request, for the picker to show next to its form.
#[derive(Resource, Debug, Default, Clone, PartialEq)]
pub struct ProfileFeedback {
    pub problem: Option<ProfileProblem>,
    /// Whether the problem is about a form (create, edit, delete) rather than opening.
    pub in_form: bool,
    /// Bumped after every request that succeeded, so forms know to close.
    pub done: u32,
}

/// Why a profile request failed, in terms a student understands.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileProblem {
    NameEmpty,
    NameTooLong {
        max: usize,
    },
    NameInvalid,
    NameTaken {
        name: String,
    },
    /// The save and its backup are both unusable: the teacher must look at the files.
    Unreadable {
        name: String,
    },
    /// Saved by a newer Codebot.
    NewerVersion {
        name: String,
    },
    /// Anything else (disk full, permissions): the technical reason, for the teacher.
    Failed {
        reason: String,
    },
}

impl ProfileProblem {
    fn from_error(error: &ProgressError, name: &str) -> ProfileProblem {
        match error {
            ProgressError::InvalidName(NameError::Empty) => ProfileProblem::NameEmpty,
            ProgressError::InvalidName(NameError::TooLong { max, .. }) => {
                ProfileProblem::NameTooLong { max: *max }
            }
            ProgressError::InvalidName(_) => ProfileProblem::NameInvalid,
            ProgressError::DuplicateName { name } => {
                ProfileProblem::NameTaken { name: name.clone() }
            }
            ProgressError::BothBroken { .. } => ProfileProblem::Unreadable {
                name: name.to_owned(),
            },
            ProgressError::NewerVersion { .. } => ProfileProblem::NewerVersion {
                name: name.to_owned(),
            },
            other => ProfileProblem::Failed {
                reason: other.to_string(),
            },
        }
    }

    /// The message id and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ProfileProblem::NameEmpty => ("profiles-error-name-empty", vec![]),
            ProfileProblem::NameTooLong { max } => (
                "profiles-error-name-too-long",
                vec![("max", max.to_string())],
            ),
            ProfileProblem::NameInvalid => ("profiles-error-name-invalid", vec![]),
            ProfileProblem::NameTaken { name } => {
                ("profiles-error-name-taken", vec![("name", name.clone())])
            }
            ProfileProblem::Unreadable { name } => {
                ("profiles-error-unreadable", vec![("name", name.clone())])
            }
            ProfileProblem::NewerVersion { name } => {
                ("profiles-error-newer", vec![("name", name.clone())])
            }
            ProfileProblem::Failed { reason } => {
                ("profiles-error-failed", vec![("reason", reason.clone())])
            }
        }
    }
}

/// The message id naming what was wrong with a damaged save.
pub fn file_problem_id(problem: &FileProblem) -> &'static str {
    match problem {
        FileProblem::Missing => "notice-file-missing",
        FileProblem::Empty => "notice-file-empty",
        FileProblem::Truncated => "notice-file-truncated",
        FileProblem::NotRon { .. } => "notice-file-garbled",
        FileProblem::Invalid(_) => "notice-file-invalid",
        FileProblem::NewerVersion { .. } => "notice-file-newer",
        FileProblem::Io { .. } => "notice-file-io",
    }
}

/// Everything opening a profile touches.
#[derive(SystemParam)]
pub(super) struct Player<'w> {
    saves: Res<'w, Saves>,
    current: ResMut<'w, CurrentProfile>,
    settings: ResMut<'w, ActiveSettings>,
    session: ResMut<'w, Session>,
    notices: ResMut<'w, Notices>,
    options: Option<Res<'w, StartOptions>>,
}

impl Player<'_> {
    /// Opens the profile `id` and plays as it. A recovery from the backup is reported.
    pub(super) fn open(&mut self, id: &str) -> Result<(), ProgressError> {
        self.flush();
        let loaded = self.saves.store.load_profile(id)?;
        if let Some(recovery) = &loaded.recovery {
            self.notices
                .push(recovery_notice(&loaded.value.name, recovery));
        }
        self.play_as(loaded.value);
        Ok(())
    }

    /// Creates a profile (with the settings chosen so far) and plays as it.
    pub(super) fn create(&mut self, name: &str, avatar: u8) -> Result<(), ProgressError> {
        self.flush();
        let mut profile = self.saves.store.create_profile(name, avatar)?;
        if profile.settings != self.settings.0 {
            profile.settings = self.settings.0.clone();
            self.saves.store.save_profile(&profile)?;
        }
        self.play_as(profile);
        Ok(())
    }

    /// Finds a profile by name (ignoring case) or creates it: the `--profile` option.
    pub(super) fn open_or_create(&mut self, name: &str) -> Result<(), ProgressError> {
        let key = crate::progress::name_key(name);
        let found = self
            .saves
            .store
            .list_profiles()?
            .into_iter()
            .find(|p| crate::progress::name_key(&p.name) == key);
        match found {
            Some(summary) => self.open(&summary.id),
            None => self.create(name, 0),
        }
    }

    fn play_as(&mut self, profile: Profile) {
        self.settings.0 = profile.settings.clone();
        let forced = self.options.as_ref().and_then(|o| o.0.lang);
        if let Some(lang) = forced.or(profile.settings.lang) {
            self.session.lang = lang;
        }
        self.current.set_loaded(Some(profile));
    }

    /// Tells the player something.
    pub(super) fn notify(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    /// Writes the current profile now if it has unsaved changes.
    pub(super) fn flush(&mut self) {
        save_now(&self.saves, &mut self.current, &mut self.notices);
    }
}

fn recovery_notice(name: &str, recovery: &Recovery) -> Notice {
    let copy = recovery
        .broken_copy
        .clone()
        .unwrap_or_else(|| "-".to_owned());
    Notice::warning(
        "notice-profile-recovered",
        vec![
            ("name", name.to_owned().into()),
            (
                "problem",
                NoticeArg::Message(file_problem_id(&recovery.main_problem)),
            ),
            ("copy", copy.into()),
        ],
    )
}

fn save_now(saves: &Saves, current: &mut CurrentProfile, notices: &mut Notices) -> bool {
    let Some(profile) = current.profile.as_ref().filter(|_| current.unsaved()) else {
        return false;
    };
    match saves.store.save_profile(profile) {
        Ok(()) => {
            current.on_disk.clone_from(&current.profile);
            notices.clear_kind("notice-save-failed");
            true
        }
        Err(error) => {
            warn!("could not save profile {}: {error}", profile.id);
            notices.push_once(Notice::error(
                "notice-save-failed",
                vec![("reason", error.to_string().into())],
            ));
            false
        }
    }
}

fn report_store_problem(saves: Res<Saves>, mut notices: ResMut<Notices>) {
    if let Some(reason) = &saves.problem {
        notices.push(Notice::error(
            "notice-no-data-folder",
            vec![("reason", reason.clone().into())],
        ));
    }
}

fn refresh_list(saves: Res<Saves>, mut list: ResMut<ProfileList>, mut notices: ResMut<Notices>) {
    match saves.store.list_profiles() {
        Ok(profiles) => list.profiles = profiles,
        Err(error) => notices.push_once(Notice::error(
            "notice-list-failed",
            vec![("reason", error.to_string().into())],
        )),
    }
}

fn handle_requests(
    mut requests: MessageReader<ProfileRequest>,
    mut player: Player,
    mut list: ResMut<ProfileList>,
    mut feedback: ResMut<ProfileFeedback>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let mut changed = false;
    for request in requests.read() {
        changed = true;
        let name_of = |id: &str| {
            list.profiles
                .iter()
                .find(|p| p.id == id)
                .map_or_else(|| id.to_owned(), |p| p.name.clone())
        };
        let result = match request {
            ProfileRequest::Create { name, avatar } => player
                .create(name, *avatar)
                .map_err(|e| ProfileProblem::from_error(&e, name)),
            ProfileRequest::Open { id } => player
                .open(id)
                .map_err(|e| ProfileProblem::from_error(&e, &name_of(id))),
            ProfileRequest::Edit { id, name, avatar } => edit(&mut player, id, name, *avatar)
                .map_err(|e| ProfileProblem::from_error(&e, name)),
            ProfileRequest::Delete { id } => {
                delete(&mut player, id).map_err(|e| ProfileProblem::from_error(&e, &name_of(id)))
            }
            ProfileRequest::Close => {
                player.flush();
                player.current.set_loaded(None);
                Ok(())
            }
        };
        match result {
            Ok(()) => {
                feedback.problem = None;
                feedback.done = feedback.done.wrapping_add(1);
                let plays = matches!(
                    request,
                    ProfileRequest::Create { .. } | ProfileRequest::Open { .. }
                );
                if plays && *state.get() == Screen::Profiles {
                    next.set(Screen::Map);
                }
            }
            Err(problem) => {
                feedback.problem = Some(problem);
                feedback.in_form = !matches!(request, ProfileRequest::Open { .. });
            }
        }
    }
    if changed {
        match player.saves.store.list_profiles() {
            Ok(profiles) => list.profiles = profiles,
            Err(error) => warn!("cannot list profiles: {error}"),
        }
    }
}

fn edit(player: &mut Player, id: &str, name: &str, avatar: u8) -> Result<(), ProgressError> {
    player.flush();
    let mut profile = player.saves.store.load_profile(id)?.value;
    if profile.name != name.trim() {
        profile = player.saves.store.rename_profile(id, name)?;
    }
    if profile.avatar != avatar {
        profile.avatar = avatar;
        player.saves.store.save_profile(&profile)?;
    }
    if player.current.profile().is_some_and(|p| p.id == id) {
        player.current.set_loaded(Some(profile));
    }
    Ok(())
}

fn delete(player: &mut Player, id: &str) -> Result<(), ProgressError> {
    if player.current.profile().is_some_and(|p| p.id == id) {
        player.current.set_loaded(None);
    }
    player.saves.store.delete_profile(id)
}

fn save_current(
    saves: Res<Saves>,
    mut current: ResMut<CurrentProfile>,
    mut notices: ResMut<Notices>,
    time: Res<Time<Real>>,
    mut exits: MessageReader<AppExit>,
    mut last_try: Local<Option<(Duration, bool)>>,
) {
    let exiting = exits.read().count() > 0;
    if !current.unsaved() {
        return;
    }
    let now = time.elapsed();
    let due = match *last_try {
        None => true,
        // After a failure (disk full, USB stick removed), try again less often.
        Some((at, failed)) => {
            let wait = if failed {
                RETRY_INTERVAL
            } else {
                SAVE_INTERVAL
            };
            now.saturating_sub(at) >= wait
        }
    };
    if due || exiting {
        let saved = save_now(&saves, &mut current, &mut notices);
        *last_try = Some((now, !saved));
    }
}
