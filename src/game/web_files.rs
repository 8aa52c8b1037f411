//! The browser build only: files in and out of the page, for the same code paths as the
//! desktop's file dialogs and drops.
//!
//! - "Save as…" becomes a download ([`download`]: a `Blob` and an `<a download>`).
//! - "Open…" becomes an `<input type=file>` ([`pick`]); the files chosen are read into
//!   memory (`teacher::web_files`) and the dialog answers with their names, which the
//!   usual readers (packs, progress and submission files) open.
//! - Files dropped anywhere on the page are read the same way and arrive as Bevy's
//!   `FileDragAndDrop` messages, as a drop on the desktop window does.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::*;
use bevy::window::{FileDragAndDrop, PrimaryWindow};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;

use crate::teacher::web_files::add_upload;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<FileDragAndDrop>()
        .add_systems(Startup, listen_for_drops)
        .add_systems(PreUpdate, deliver_drops);
}

thread_local! {
    /// The answers of the file inputs, by [`Picking`] number: `None` when cancelled.
    static PICKED: RefCell<HashMap<u32, Option<Vec<PathBuf>>>> = RefCell::new(HashMap::new());
    static NEXT_PICK: Cell<u32> = const { Cell::new(0) };
    /// Files dropped on the page, read and waiting for the next frame.
    static DROPPED: RefCell<Vec<PathBuf>> = const { RefCell::new(Vec::new()) };
    /// A file is dragged over the page (`Some` when that changed since the last frame).
    static HOVER: Cell<Option<bool>> = const { Cell::new(None) };
}

fn js_error(value: wasm_bindgen::JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

fn document() -> Result<web_sys::Document, String> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| "no document".to_owned())
}

/// A new element of the page, as its type (`T`: e.g. `HtmlAnchorElement` for `a`).
fn create<T: JsCast>(document: &web_sys::Document, tag: &str) -> Result<T, String> {
    document
        .create_element(tag)
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| format!("<{tag}> is not the element expected"))
}

/// Offers `bytes` to the person as a download named `name` (the browser saves it in
/// its downloads folder, or asks where).
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let document = document()?;
    let link: web_sys::HtmlAnchorElement = create(&document, "a")?;
    link.set_href(&url);
    link.set_download(name);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(js_error)?;
    link.click();
    let _ = body.remove_child(&link);
    // The browser has the blob once the download started: free it a little later.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// Reads the files of a list into memory; returns the names the readers find them by.
async fn read_files(files: web_sys::FileList) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for index in 0..files.length() {
        let Some(file) = files.get(index) else {
            continue;
        };
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                paths.push(add_upload(&file.name(), bytes));
            }
            Err(error) => warn!("cannot read {}: {}", file.name(), js_error(error)),
        }
    }
    paths
}

/// A file input waiting for the person.
#[derive(Debug)]
pub struct Picking(u32);

/// Opens the browser's file chooser (`accept`: e.g. `.zip,.json`).
pub fn pick(accept: &str, multiple: bool) -> Result<Picking, String> {
    let number = NEXT_PICK.get();
    NEXT_PICK.set(number + 1);
    let document = document()?;
    let input: web_sys::HtmlInputElement = create(&document, "input")?;
    input.set_type("file");
    input.set_accept(accept);
    input.set_multiple(multiple);
    input
        .set_attribute("style", "display:none")
        .map_err(js_error)?;
    input
        .set_attribute("data-codebot-pick", &number.to_string())
        .map_err(js_error)?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&input).map_err(js_error)?;

    let chosen = input.clone();
    let on_change = Closure::once_into_js(move || {
        let files = chosen.files();
        chosen.remove();
        wasm_bindgen_futures::spawn_local(async move {
            let paths = match files {
                Some(files) => read_files(files).await,
                None => Vec::new(),
            };
            PICKED.with_borrow_mut(|picked| picked.insert(number, Some(paths)));
        });
    });
    input.set_onchange(Some(on_change.unchecked_ref()));
    let cancelled = input.clone();
    let on_cancel = Closure::once_into_js(move || {
        cancelled.remove();
        PICKED.with_borrow_mut(|picked| picked.insert(number, None));
    });
    input.set_oncancel(Some(on_cancel.unchecked_ref()));
    input.click();
    Ok(Picking(number))
}

impl Picking {
    /// The files chosen once the person answered (`Some(None)`: cancelled).
    pub fn poll(&self) -> Option<Option<Vec<PathBuf>>> {
        PICKED.with_borrow_mut(|picked| picked.remove(&self.0))
    }
}

/// Dragging files over the page and dropping them.
fn listen_for_drops() {
    let Ok(document) = document() else {
        return;
    };
    let over = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|event: web_sys::DragEvent| {
        // Without this the browser opens the file itself instead of letting it drop.
        event.prevent_default();
        HOVER.set(Some(true));
    });
    let leave = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|event: web_sys::DragEvent| {
        // Leaving the page, not moving between its elements.
        if event.related_target().is_none() {
            HOVER.set(Some(false));
        }
    });
    let drop = Closure::<dyn FnMut(web_sys::DragEvent)>::new(|event: web_sys::DragEvent| {
        event.prevent_default();
        HOVER.set(Some(false));
        let Some(files) = event.data_transfer().and_then(|data| data.files()) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let paths = read_files(files).await;
            DROPPED.with_borrow_mut(|dropped| dropped.extend(paths));
        });
    });
    for (name, listener) in [("dragover", over), ("dragleave", leave), ("drop", drop)] {
        let _ = document.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        // The page lives as long as the game: the listeners too.
        listener.forget();
    }
}

/// Drops on the page become the `FileDragAndDrop` messages of the desktop window.
fn deliver_drops(
    window: Query<Entity, With<PrimaryWindow>>,
    mut drops: MessageWriter<FileDragAndDrop>,
) {
    let Ok(window) = window.single() else {
        return;
    };
    match HOVER.take() {
        Some(true) => {
            drops.write(FileDragAndDrop::HoveredFile {
                window,
                path_buf: PathBuf::new(),
            });
        }
        Some(false) => {
            drops.write(FileDragAndDrop::HoveredFileCanceled { window });
        }
        None => {}
    }
    for path_buf in DROPPED.take() {
        drops.write(FileDragAndDrop::DroppedFile { window, path_buf });
    }
}
