//! The browser build only: mirrors what the game shows into attributes of the page's
//! `<body>`, so the browser test (web/browser-check.mjs) reads the screen and the last
//! verdict instead of guessing them from pixels: `data-screen` (`title`, `level`...),
//! and after each run `data-runs` (how many finished), `data-verdict` (`passed`, or the
//! kind of the first failure as in the CLI's JSON: `timeout`, `goal_not_met`...) and
//! `data-waited-ms`.

use bevy::prelude::*;

use super::Screen;
use super::level::{ProgramFinished, ProgramRun};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (show_screen.run_if(state_changed::<Screen>), show_verdict),
    );
}

fn set(name: &str, value: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        // Only the test reads these: nothing to do if the page refuses.
        let _ = body.set_attribute(name, value);
    }
}

fn show_screen(screen: Res<State<Screen>>) {
    set("data-screen", &format!("{:?}", screen.get()).to_lowercase());
}

fn show_verdict(
    mut finished: MessageReader<ProgramFinished>,
    run: Res<ProgramRun>,
    mut runs: Local<u32>,
) {
    if finished.read().count() == 0 {
        return;
    }
    let Some(outcome) = run.outcome() else {
        return;
    };
    let verdict = match &outcome.report {
        Ok(report) if report.passed => "passed",
        Ok(report) => report
            .first_failure()
            .and_then(|variant| variant.failure.as_ref())
            .and_then(|failure| failure.kind())
            .map_or("failed", |kind| kind.as_str()),
        Err(_) => "not_graded",
    };
    *runs += 1;
    set("data-verdict", verdict);
    set("data-waited-ms", &outcome.waited.as_millis().to_string());
    set("data-runs", &runs.to_string());
}
