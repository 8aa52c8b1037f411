//! The two languages of Codebot, and how the player's language is chosen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language Codebot speaks. Serialized as `"fr"` / `"en"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

/// A language name that is neither French nor English.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: expected fr or en")]
pub struct UnknownLang(pub String);

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The two-letter code: `"fr"` or `"en"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for a language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Reads `fr`, `en`, or a locale such as `fr-FR`, `fr_CA.UTF-8`, `en-GB` (any case).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_lowercase();
        let primary = lower.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match primary {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// French for a locale starting with `fr`, English for anything else.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The system's language: French when its locale starts with `fr`, otherwise English
    /// (also when the locale cannot be read).
    pub fn detect() -> Lang {
        sys_locale::get_locale().map_or(Lang::En, |locale| Lang::from_locale(&locale))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Lang::parse(text).ok_or_else(|| UnknownLang(text.to_owned()))
    }
}
