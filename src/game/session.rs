//! What the player is doing now: the packs known, the language, the level open.

use bevy::prelude::*;

use crate::i18n::Lang;
use crate::level::{self, Level, Pack};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Packs>().init_resource::<Session>();
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
        Self { lang: Lang::detect(), level: None }
    }
}
