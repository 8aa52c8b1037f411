//! Crash consistency of saves: a child process saves progress in a loop and is killed
//! (SIGKILL) at random moments, again and again. After every kill the profile must load
//! (from the main file or the backup, and the player is told when the backup was used)
//! with every level whose save had completed.
//!
//! The child is this same test binary, re-run on the `child_saves_in_a_loop` test with an
//! environment variable naming the data folder.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use codebot::progress::Store;

const CHILD_ENV: &str = "CODEBOT_SAVE_CRASH_DIR";
const PROFILE: &str = "Kill Test";

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
    let mut recoveries = 0;
    let kills = 200;
    for round in 0..kills {
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
        let mut ready = String::new();
        output.read_line(&mut ready).unwrap();
        std::thread::sleep(Duration::from_micros(rng.u64(2_000..40_000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
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
        let loaded = store
            .load_profile(&profiles[0].id)
            .unwrap_or_else(|e| panic!("round {round}: unreadable save: {e}"));
        if loaded.recovery.is_some() {
            recoveries += 1;
        }
        let passed = loaded.value.levels_passed();
        assert!(
            passed >= confirmed,
            "round {round}: {passed} levels saved, {confirmed} were confirmed"
        );
    }
    assert!(
        confirmed > 0,
        "the child never managed to save: the test proves nothing"
    );
    eprintln!(
        "{kills} kills, {confirmed} levels confirmed, backup used {recoveries} times, 0 lost"
    );
}
