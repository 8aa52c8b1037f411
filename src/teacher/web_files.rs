//! The browser build only: the files of this module's readers and writers, where the
//! web has no file system.
//!
//! - Files the person gives the page (an `<input type=file>` or a drop, see
//!   `game::web_files`) are kept in memory under their file name, so the same readers
//!   (`read_progress`, `read_submission`, the pack library) read them by that "path".
//! - Files the game writes for itself (an exam copy, written after every change) go to
//!   `localStorage` under `codebot-file:` and the path, so a reload finds them again.
//!   What is meant for the teacher is also downloaded, by the game.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The prefix of the `localStorage` keys of written files.
const KEY_PREFIX: &str = "codebot-file:";

/// Files given to the page this session are kept, at most this many (the oldest go).
const MAX_UPLOADS: usize = 200;

thread_local! {
    static UPLOADS: RefCell<(HashMap<PathBuf, Rc<[u8]>>, Vec<PathBuf>)> =
        RefCell::new((HashMap::new(), Vec::new()));
}

/// Keeps a file given to the page; returns the path the readers find it by (its name,
/// without any folder: the browser never says where it came from).
pub fn add_upload(name: &str, bytes: Vec<u8>) -> PathBuf {
    let name = Path::new(name)
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let path = PathBuf::from(name);
    UPLOADS.with_borrow_mut(|(files, order)| {
        order.retain(|p| *p != path);
        order.push(path.clone());
        files.insert(path.clone(), bytes.into());
        while order.len() > MAX_UPLOADS {
            let old = order.remove(0);
            files.remove(&old);
        }
    });
    path
}

fn storage() -> io::Result<web_sys::Storage> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or_else(|| io::Error::new(io::ErrorKind::Unsupported, "no localStorage"))
}

fn key(path: &Path) -> String {
    format!("{KEY_PREFIX}{}", path.display())
}

/// The bytes of a file given to the page, else of a file the game wrote.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    if let Some(bytes) = UPLOADS.with_borrow(|(files, _)| files.get(path).cloned()) {
        return Ok(bytes.to_vec());
    }
    storage()?
        .get_item(&key(path))
        .map_err(|e| io::Error::other(format!("localStorage: {e:?}")))?
        .map(String::into_bytes)
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))
}

/// Writes a text file into `localStorage` (one `setItem`: atomic).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    storage()?
        .set_item(&key(path), text)
        .map_err(|e| io::Error::other(format!("localStorage: {e:?}")))
}

/// Whether a file can be read.
pub fn exists(path: &Path) -> bool {
    read(path).is_ok()
}
