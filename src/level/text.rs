//! Texts shown to students, written in French and English in every level file.

use serde::{Deserialize, Serialize};

/// A text in both languages of the game: `(fr: "...", en: "...")` in level files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The French text if `french`, else the English one.
    pub fn in_lang(&self, french: bool) -> &str {
        if french { &self.fr } else { &self.en }
    }

    /// Languages in which the text is empty (`"fr"`, `"en"`).
    pub fn empty_languages(&self) -> Vec<&'static str> {
        let mut empty = Vec::new();
        if self.fr.trim().is_empty() {
            empty.push("fr");
        }
        if self.en.trim().is_empty() {
            empty.push("en");
        }
        empty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language() {
        let t = Text::new("Bonjour", "Hello");
        assert_eq!(t.in_lang(true), "Bonjour");
        assert_eq!(t.in_lang(false), "Hello");
        assert_eq!(Text::new(" ", "x").empty_languages(), vec!["fr"]);
    }
}
