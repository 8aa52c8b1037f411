//! The browser build only: the pack library in the page's `localStorage`, where the
//! desktop has `<data>/packs`. Each pack is kept as the `.zip` the teacher gave (key
//! `codebot-pack:<id>`, one character per byte), read and checked by
//! `level::load_zip_bytes` exactly as `Library::install` checks a `.zip`; saving it as
//! a `.zip` downloads those bytes again. A pack the level editor saves into is kept the
//! same way, as the `.zip` of its files (`level::zip_bytes`).

use std::path::{Path, PathBuf};

use crate::level::archive::{PackLimits, read_zip_from};
use crate::level::{
    FileSet, InstalledPack, Pack, PackError, installable, load_zip_bytes, zip_bytes,
};

const KEY_PREFIX: &str = "codebot-pack:";

fn storage() -> Result<web_sys::Storage, PackError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or_else(|| PackError::NoDataDir("localStorage is switched off".into()))
}

fn refused(op: &'static str, id: &str) -> impl FnOnce(wasm_bindgen::JsValue) -> PackError {
    let path = format!("{id}.zip");
    move |value| PackError::Io {
        op,
        path,
        // A full storage raises `QuotaExceededError`.
        message: format!("localStorage: {value:?}"),
    }
}

/// The ids of the packs kept, sorted.
fn ids(storage: &web_sys::Storage) -> Vec<String> {
    let mut ids: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| key.strip_prefix(KEY_PREFIX).map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// The `.zip` of a pack kept, as given.
pub fn zip(id: &str) -> Result<Vec<u8>, PackError> {
    let text = storage()?
        .get_item(&format!("{KEY_PREFIX}{id}"))
        .map_err(refused("read", id))?
        .ok_or_else(|| PackError::NotInstalled { id: id.to_owned() })?;
    // One character per byte (see `install`).
    Ok(text.chars().map(|c| c as u8).collect())
}

/// Every pack kept, with its pack or its problems (as `Library::entries`).
pub fn entries() -> Vec<InstalledPack> {
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    ids(&storage)
        .into_iter()
        .map(|id| {
            let name = format!("{id}.zip");
            let pack = zip(&id)
                .and_then(|bytes| load_zip_bytes(&name, &bytes))
                .map(|(_, pack)| pack)
                .map_err(|error| error.diagnostics());
            InstalledPack {
                id,
                dir: PathBuf::from(name),
                pack,
            }
        })
        .collect()
}

/// The packs kept that load.
pub fn installed() -> Vec<Pack> {
    entries()
        .into_iter()
        .filter_map(|entry| entry.pack.ok())
        .collect()
}

/// Installs the `.zip` given to the page as `path` (`teacher::web_files`).
pub fn install(path: &Path, replace: bool) -> Result<Pack, PackError> {
    let shown = path.display().to_string();
    let bytes = crate::teacher::web_files::read(path).map_err(|e| PackError::Io {
        op: "read",
        path: shown.clone(),
        message: e.to_string(),
    })?;
    let (_, pack) = load_zip_bytes(&shown, &bytes)?;
    keep(&pack.id, &bytes, replace)?;
    Ok(pack)
}

/// The files of a pack kept (the level editor opens its levels and saves into it).
/// They are read even if the pack no longer loads, so that saving a level can mend it.
pub fn files(id: &str) -> Result<FileSet, PackError> {
    let bytes = zip(id)?;
    let origin = format!("{id}.zip");
    read_zip_from(&origin, std::io::Cursor::new(bytes), &PackLimits::default())
        .map_err(PackError::Refused)
}

/// Installs a pack given as files (made by the level editor), checked as an upload is.
pub fn install_files(files: &FileSet, replace: bool) -> Result<Pack, PackError> {
    let pack = installable(files)?;
    let bytes = zip_bytes(&pack.id, files)?;
    // What is kept is what gets played: read it back as an upload would be.
    let (_, pack) = load_zip_bytes(&format!("{}.zip", pack.id), &bytes)?;
    keep(&pack.id, &bytes, replace)?;
    Ok(pack)
}

/// Keeps a pack's `.zip` under its id, over a pack with the same id (any case) only if
/// `replace`. The new bytes are written before the old key goes: a full storage leaves
/// the installed pack as it was.
fn keep(id: &str, bytes: &[u8], replace: bool) -> Result<(), PackError> {
    let storage = storage()?;
    let existing = ids(&storage)
        .into_iter()
        .find(|kept| kept.eq_ignore_ascii_case(id));
    if existing.is_some() && !replace {
        return Err(PackError::AlreadyInstalled { id: id.to_owned() });
    }
    // One character per byte: `localStorage` keeps strings.
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    storage
        .set_item(&format!("{KEY_PREFIX}{id}"), &text)
        .map_err(refused("install", id))?;
    if let Some(old) = existing.filter(|old| old != id) {
        storage
            .remove_item(&format!("{KEY_PREFIX}{old}"))
            .map_err(refused("replace", &old))?;
    }
    Ok(())
}

/// Removes a pack kept (the players' progress on it is kept).
pub fn remove(id: &str) -> Result<(), PackError> {
    let storage = storage()?;
    if !ids(&storage).iter().any(|kept| kept == id) {
        return Err(PackError::NotInstalled { id: id.to_owned() });
    }
    storage
        .remove_item(&format!("{KEY_PREFIX}{id}"))
        .map_err(refused("remove", id))
}
