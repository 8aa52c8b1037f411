//! The browser's `localStorage` as a [`Storage`]: one key per file, named `codebot:` and
//! the file's path (`codebot:profiles/zoe-k3xa.ron`), holding the same RON text as on the
//! desktop, so saves keep their format, versions, backups and recovery.
//!
//! Each `setItem` replaces a value whole, so every write is atomic. The handle is looked
//! up on every call (it is a JavaScript object, which cannot be shared across threads).

use std::io;

use super::storage::{Storage, check_path, files_in};

/// The prefix of every key Codebot writes.
const KEY_PREFIX: &str = "codebot:";

/// Files kept in the page's `localStorage`.
#[derive(Debug, Default)]
pub struct LocalStorage;

impl LocalStorage {
    pub fn new() -> LocalStorage {
        LocalStorage
    }

    /// Whether this page has a `localStorage` it may use (private windows or settings
    /// may refuse it).
    pub fn available() -> bool {
        handle().is_ok()
    }
}

fn handle() -> io::Result<web_sys::Storage> {
    web_sys::window()
        .ok_or_else(|| unsupported("no window"))?
        .local_storage()
        .map_err(js_error)?
        .ok_or_else(|| unsupported("localStorage is switched off"))
}

fn unsupported(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::Unsupported, why.to_owned())
}

/// A refused call (a full storage raises `QuotaExceededError`).
fn js_error(value: wasm_bindgen::JsValue) -> io::Error {
    io::Error::other(format!("localStorage: {value:?}"))
}

fn key(path: &str) -> io::Result<String> {
    check_path(path)?;
    Ok(format!("{KEY_PREFIX}{path}"))
}

impl Storage for LocalStorage {
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        let key = key(path)?;
        Ok(handle()?
            .get_item(&key)
            .map_err(js_error)?
            .map(String::into_bytes))
    }

    fn write_atomic(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let key = key(path)?;
        let text = std::str::from_utf8(bytes).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{path}: not text: {e}"))
        })?;
        handle()?.set_item(&key, text).map_err(js_error)
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        let (from, to) = (key(from)?, key(to)?);
        let storage = handle()?;
        let text = storage
            .get_item(&from)
            .map_err(js_error)?
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, from.clone()))?;
        storage.set_item(&to, &text).map_err(js_error)?;
        storage.remove_item(&from).map_err(js_error)
    }

    fn list(&self, dir: &str) -> io::Result<Vec<String>> {
        check_path(dir)?;
        let storage = handle()?;
        let mut paths = Vec::new();
        for index in 0..storage.length().map_err(js_error)? {
            if let Some(path) = storage
                .key(index)
                .map_err(js_error)?
                .and_then(|k| k.strip_prefix(KEY_PREFIX).map(str::to_owned))
            {
                paths.push(path);
            }
        }
        Ok(files_in(dir, paths.iter().map(String::as_str)))
    }

    fn remove(&self, path: &str) -> io::Result<()> {
        let key = key(path)?;
        handle()?.remove_item(&key).map_err(js_error)
    }

    fn exists(&self, path: &str) -> io::Result<bool> {
        let key = key(path)?;
        Ok(handle()?.get_item(&key).map_err(js_error)?.is_some())
    }
}
