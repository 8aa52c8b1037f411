//! Profile ids: generated from the name, and checked before they become file names.
//!
//! An id is 1 to [`MAX_ID_LEN`] characters of `a-z`, `0-9`, `-` and `_`, starting with a
//! letter or digit, and not a name Windows reserves (`con`, `nul`, `com1`...). So it can
//! never hold `/`, `\`, `.` or `..`, and `profiles/<id>.ron` always stays in `profiles/`.

use std::sync::atomic::{AtomicU64, Ordering};

use super::clock::seed_nanos;
use super::error::ProgressError;

/// The longest accepted id.
pub const MAX_ID_LEN: usize = 64;

/// The longest slug taken from the name (the suffix comes on top).
const MAX_SLUG_LEN: usize = 20;

/// Checks that `id` is safe to use as a file name (see the module documentation).
pub fn validate_id(id: &str) -> Result<(), ProgressError> {
    let valid_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.chars().all(valid_char)
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !is_reserved_on_windows(id);
    if ok {
        Ok(())
    } else {
        Err(ProgressError::InvalidId { id: id.to_owned() })
    }
}

fn is_reserved_on_windows(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || ((id.starts_with("com") || id.starts_with("lpt"))
            && id.len() == 4
            && id.as_bytes()[3].is_ascii_digit())
}

/// The name in lower-case ASCII, accents dropped, other characters turned into single
/// dashes: `"Zoé Martin"` gives `"zoe-martin"`. `"player"` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some("a".into()),
            'ç' => Some("c".into()),
            'è' | 'é' | 'ê' | 'ë' => Some("e".into()),
            'ì' | 'í' | 'î' | 'ï' => Some("i".into()),
            'ñ' => Some("n".into()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => Some("o".into()),
            'ù' | 'ú' | 'û' | 'ü' => Some("u".into()),
            'ý' | 'ÿ' => Some("y".into()),
            'œ' => Some("oe".into()),
            'æ' => Some("ae".into()),
            'ß' => Some("ss".into()),
            _ => None,
        };
        match mapped {
            Some(text) => out.push_str(&text),
            None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            None => {}
        }
        if out.len() >= MAX_SLUG_LEN {
            break;
        }
    }
    out.truncate(MAX_SLUG_LEN);
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "player".to_owned()
    } else {
        out.to_owned()
    }
}

/// A new id `<slug>-<4 random characters>` for which `taken` says false.
pub fn generate_id(name: &str, taken: impl Fn(&str) -> bool) -> Result<String, ProgressError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let base = slug(name);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut rng = fastrand::Rng::with_seed(seed_nanos() ^ count.rotate_left(32));
    for _ in 0..1000 {
        let suffix: String = (0..4)
            .map(|_| char::from(ALPHABET[rng.usize(..ALPHABET.len())]))
            .collect();
        let id = format!("{base}-{suffix}");
        if validate_id(&id).is_ok() && !taken(&id) {
            return Ok(id);
        }
    }
    Err(ProgressError::NoFreeId)
}
