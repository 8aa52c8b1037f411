//! What the player is doing now: the packs known, the language, the level open.
//! Every screen reads its texts through [`Session::t`] / [`Session::tr`], so switching
//! the language changes the whole game on the next frame.

use bevy::prelude::*;

use crate::i18n::{self, FluentValue, Lang};
use crate::level::{self, Level, Pack};

pub(super) fn plugin(app: &mut App) {
    let forced = app
        .world()
        .get_resource::<super::StartOptions>()
        .and_then(|o| o.0.lang);
    let mut session = Session::default();
    if let Some(lang) = forced {
        session.lang = lang;
    }
    app.init_resource::<Packs>().insert_resource(session);
}

/// The packs the game knows (built-in first).
#[derive(Resource, Debug, Clone)]
pub struct Packs(pub Vec<Pack>);

impl Default for Packs {
    fn default() -> Self {
        // The built-in pack is checked by the test suite; a broken one here is a build bug,
        // but the game still starts (with no levels) rather than crash.
        Packs(level::builtin_packs().unwrap_or_default())
    }
}

impl Packs {
    /// Finds a level by `pack-id/level-id`.
    pub fn level(&self, reference: &str) -> Option<&Level> {
        let (pack, level) = reference.split_once('/')?;
        self.0.iter().find(|p| p.id == pack)?.level(level)
    }
}

/// The player's session.
#[derive(Resource, Debug, Clone)]
pub struct Session {
    pub lang: Lang,
    /// The open level, as `pack-id/level-id`.
    pub level: Option<String>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            lang: Lang::detect(),
            level: None,
        }
    }
}

impl Session {
    /// The message `id` in the player's language.
    pub fn t(&self, id: &str) -> String {
        i18n::tr(self.lang, id, &[])
    }

    /// The message `id` with arguments, in the player's language.
    pub fn tr(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        i18n::tr(self.lang, id, args)
    }

    /// Whether titles of packs, chapters and levels should be shown in French.
    pub fn french(&self) -> bool {
        self.lang == Lang::Fr
    }
}
