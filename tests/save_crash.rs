//! Crash consistency of saves: a child process saves progress in a loop and is killed
//! (SIGKILL) at random moments, again and again. After every kill the profile must load
//! (from the main file or the backup, and the player is told when the backup was used)
//! with every level whose save had completed.
//!
//! The child is this same test binary, re-run on the `child_saves_in_a_loop` test with an
//! environment variable naming the data folder.
//!
//! Saves replace the main file atomically, so a kill alone never damages it. To drive the
//! backup path too, one round in `DAMAGE_EVERY` also cuts the main file short after the
//! kill (what a USB stick pulled out or a power cut can leave): loading must then use the
//! backup, lose at most the last save, and say so, which the game turns into the
//! `notice-profile-recovered` notice (`src/game/tests.rs` checks the notice).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use codebot::progress::{ProfileHealth, Store};

const CHILD_ENV: &str = "CODEBOT_SAVE_CRASH_DIR";
const PROFILE: &str = "Kill Test";
/// One round in this many damages the main file after the kill.
const DAMAGE_EVERY: u32 = 5;

/// Not a test on its own: the body of the child process (does nothing in a normal run).
#[test]
fn child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let store = Store::open(dir).unwrap();
    let summary = store
        .list_profiles()
        .unwrap()
        .into_iter()
        .find(|p| p.name == PROFILE);
    let mut profile = match summary {
        Some(summary) => store.load_profile(&summary.id).unwrap().value,
        None => store.create_profile(PROFILE, 3).unwrap(),
    };
    // The parent starts its kill timer only now: on a loaded machine the start-up of
    // this process alone can take longer than the longest timer.
    println!("ready");
    loop {
        let next = profile.levels_passed();
        let key = format!("codebot/level-{next}");
        profile.record_attempt(
            &key,
            &format!("# attempt {next}\nmove()\n"),
            true,
            1 + (next % 3) as u8,
        );
        store.save_profile(&profile).unwrap();
        // Only now is the level "completed" from the player's point of view.
        println!("saved {}", profile.levels_passed());
    }
}

#[cfg(unix)]
#[test]
fn killing_the_saving_process_never_loses_a_completed_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = fastrand::Rng::with_seed(2026);
    let mut confirmed = 0u32;
    let mut kills = 0u32;
    let mut damaged = 0u32;
    let mut recoveries = 0u32;
    let rounds = 200;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_saves_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut output = BufReader::new(child.stdout.take().unwrap());
        // The test harness prints its own words first (`test child_saves_in_a_loop ...`,
        // on the same line): wait for the child's `ready`.
        let mut line = String::new();
        while !line.trim_end().ends_with("ready") {
            line.clear();
            let read = output.read_line(&mut line).unwrap();
            assert!(read > 0, "round {round}: the child ended before saving");
        }
        std::thread::sleep(Duration::from_micros(rng.u64(2_000..40_000)));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(9),
            "round {round}: the child was not killed but ended with {status}"
        );
        kills += 1;
        for line in output.lines().map_while(Result::ok) {
            if let Some(n) = line
                .strip_prefix("saved ")
                .and_then(|n| n.parse::<u32>().ok())
            {
                confirmed = confirmed.max(n);
            }
        }
        let store = Store::open(dir.path()).unwrap();
        let profiles = store.list_profiles().unwrap();
        if profiles.is_empty() {
            assert_eq!(confirmed, 0, "round {round}: the profile vanished");
            continue;
        }
        let id = profiles[0].id.clone();
        let main = dir.path().join("profiles").join(format!("{id}.ron"));
        let damage = round % DAMAGE_EVERY == DAMAGE_EVERY - 1
            && dir
                .path()
                .join("profiles")
                .join(format!("{id}.ron.bak"))
                .exists();
        if damage {
            // Cut before the closing parenthesis: what is left never parses.
            let bytes = std::fs::read(&main).unwrap();
            let end = bytes.trim_ascii_end().len();
            std::fs::write(&main, &bytes[..rng.usize(0..end)]).unwrap();
            damaged += 1;
        }
        let health = Store::open(dir.path()).unwrap().list_profiles().unwrap()[0]
            .health
            .clone();
        let loaded = store
            .load_profile(&id)
            .unwrap_or_else(|e| panic!("round {round}: unreadable save: {e}"));
        let passed = loaded.value.levels_passed();
        match &loaded.recovery {
            Some(recovery) => {
                recoveries += 1;
                // What the profile picker and the game's notice tell the player.
                assert_eq!(
                    health,
                    ProfileHealth::Recovered {
                        main: recovery.main_problem.clone()
                    },
                    "round {round}"
                );
                let copy = recovery
                    .broken_copy
                    .as_ref()
                    .unwrap_or_else(|| panic!("round {round}: no copy of the damaged file"));
                assert!(
                    dir.path().join(copy).exists(),
                    "round {round}: {copy} missing"
                );
            }
            None => {
                assert!(
                    !damage,
                    "round {round}: a damaged save loaded without a word"
                );
                assert_eq!(health, ProfileHealth::Ok, "round {round}");
            }
        }
        if damage {
            // The backup is the save before the last one: the player was told that their
            // very latest progress may be missing.
            assert!(
                passed + 1 >= confirmed,
                "round {round}: the backup has {passed} levels, {confirmed} were confirmed"
            );
            confirmed = passed;
        } else {
            assert!(
                passed >= confirmed,
                "round {round}: {passed} levels saved, {confirmed} were confirmed"
            );
        }
    }
    assert!(
        confirmed > 0 && damaged > 0,
        "the child never managed to save: the test proves nothing"
    );
    assert!(
        recoveries >= damaged,
        "{recoveries} recoveries for {damaged} damaged saves"
    );
    eprintln!(
        "{kills} kills (SIGKILL), {confirmed} levels confirmed, 0 lost; \
         {damaged} saves damaged after the kill, backup used and reported {recoveries} times; \
         0 unreadable saves"
    );
}
