//! Fuzz target: a profile's save file and its backup as untrusted bytes (a half-written
//! file, a hand-edited one, a file from another version), through the loader the game
//! uses (`Store` over in-memory storage).
//!
//! The input is the main file, optionally followed by `\n~~\n` and the backup.
//! Beyond "never panics": the profile picker's summary agrees with what loading finds;
//! a profile that loads can be saved, and the save loads back equal, from the main file.

#![no_main]

use codebot::progress::{MemStorage, ProfileHealth, ProgressError, Store};
use libfuzzer_sys::fuzz_target;

/// The id of the profile in the seed files.
const ID: &str = "zoe-k3xa";
const SEPARATOR: &[u8] = b"\n~~\n";

fn split(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        Some(at) => (&data[..at], Some(&data[at + SEPARATOR.len()..])),
        None => (data, None),
    }
}

fuzz_target!(|data: &[u8]| {
    let (main, backup) = split(data);
    let storage = MemStorage::new();
    storage.put(&format!("profiles/{ID}.ron"), main);
    if let Some(backup) = backup {
        storage.put(&format!("profiles/{ID}.ron.bak"), backup);
    }
    let store = Store::with_storage("fuzz-data", storage);

    let summaries = store.list_profiles().expect("listing reads no real disk");
    assert_eq!(summaries.len(), 1, "{summaries:?}");
    let health = summaries[0].health.clone();
    match store.load_profile(ID) {
        Ok(loaded) => {
            match &loaded.recovery {
                None => assert_eq!(health, ProfileHealth::Ok),
                Some(recovery) => assert_eq!(
                    health,
                    ProfileHealth::Recovered {
                        main: recovery.main_problem.clone()
                    }
                ),
            }
            store
                .save_profile(&loaded.value)
                .expect("a profile that loads can be saved");
            let again = store.load_profile(ID).expect("a fresh save loads");
            assert_eq!(again.recovery, None);
            assert_eq!(again.value, loaded.value);
        }
        Err(ProgressError::BothBroken { main, backup, .. }) => {
            assert_eq!(health, ProfileHealth::Unreadable { main, backup });
        }
        Err(ProgressError::NewerVersion { found, .. }) => {
            assert_eq!(health, ProfileHealth::NewerVersion { found });
        }
        Err(other) => panic!("unexpected error for an existing profile: {other:?}"),
    }
});
