//! The embedded Fluent catalogues and the lookup with fallbacks.

use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::Lang;

/// The Fluent files of one language, joined in one source: `codebot.ftl` (the core
/// and most screens) and one file per larger screen.
macro_rules! catalogue {
    ($lang:literal) => {
        concat!(
            include_str!(concat!("../../assets/locales/", $lang, "/codebot.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $lang, "/careers.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $lang, "/teacher.ftl")),
            "\n",
            include_str!(concat!("../../assets/locales/", $lang, "/editor.ftl")),
        )
    };
}

/// The Fluent source of a language, embedded in the binary (the web build has no files).
pub(super) fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => catalogue!("fr"),
        Lang::En => catalogue!("en"),
    }
}

/// The messages of one language, ready to format. Send + Sync: the game can keep
/// `&'static Messages` (from [`Messages::get`]) in a resource.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

static FRENCH: OnceLock<Messages> = OnceLock::new();
static ENGLISH: OnceLock<Messages> = OnceLock::new();

impl Messages {
    /// The messages of `lang`, built on first use.
    pub fn get(lang: Lang) -> &'static Messages {
        let cell = match lang {
            Lang::Fr => &FRENCH,
            Lang::En => &ENGLISH,
        };
        cell.get_or_init(|| Messages::from_source(lang, source(lang)))
    }

    /// Builds a catalogue. Never panics: whatever parses is kept (the tests make sure the
    /// embedded files parse completely).
    pub(super) fn from_source(lang: Lang, source: &str) -> Messages {
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let locale: LanguageIdentifier = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // No Unicode isolation marks: they show up as garbage in terminals.
        bundle.set_use_isolating(false);
        // A duplicated id keeps its first definition; the tests forbid duplicates.
        let _ = bundle.add_resource(resource);
        Messages { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether this language has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// The message `id` with its arguments, in this language; in English if this language
    /// lacks it; the id itself if English lacks it too. Never panics.
    pub fn tr(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        if let Some(text) = self.format(id, args) {
            return text;
        }
        #[cfg(test)]
        audit::record(format!("{}: no message {id:?}", self.lang));
        let english = Messages::get(Lang::En);
        if self.lang != Lang::En
            && let Some(text) = english.format(id, args)
        {
            return text;
        }
        id.to_owned()
    }

    fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let args: FluentArgs = args
            .iter()
            .map(|(name, value)| (*name, value.clone()))
            .collect();
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        #[cfg(test)]
        for error in errors {
            audit::record(format!("{}: {id}: {error}", self.lang));
        }
        Some(text)
    }
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// The message `id` in `lang`, e.g. `tr(lang, "where-line", &[("line", 3.into())])`.
/// Falls back to English, then to the id itself; never panics.
pub fn tr(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    Messages::get(lang).tr(id, args)
}

/// In tests, every missing message and formatting error (unknown variable...) is noted
/// here, per thread, so that a test can assert that its messages all resolved cleanly.
#[cfg(test)]
pub(super) mod audit {
    use std::cell::RefCell;

    thread_local! {
        static NOTES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    pub fn record(note: String) {
        NOTES.with(|notes| notes.borrow_mut().push(note));
    }

    /// The notes recorded on this thread since the last call.
    pub fn take() -> Vec<String> {
        NOTES.with(|notes| std::mem::take(&mut *notes.borrow_mut()))
    }
}
