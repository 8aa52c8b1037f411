//! The `codebot` executable: the game with no arguments, the command line otherwise,
//! and the sandbox's worker process when started with the hidden worker argument.
//! In the browser (wasm32) the module starts the game on the page only: the sandbox's
//! Web Workers instantiate the same module and call `sandbox_worker_run` (docs/web.md).

use std::process::ExitCode;

use clap::Parser;
// In the browser the game reads only `GameArgs` (from the page's query string).
#[cfg_attr(all(target_arch = "wasm32", feature = "game"), allow(unused_imports))]
use codebot::cli::{self, Cli, GameArgs};

#[global_allocator]
static ALLOCATOR: codebot::sandbox::memory::CappedAllocator =
    codebot::sandbox::memory::CappedAllocator;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(codebot::sandbox::worker::WORKER_ARG) {
        return codebot::sandbox::worker::worker_main();
    }
    let parsed = match Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(error) => {
            let _ = error.print();
            let code = if error.use_stderr() {
                cli::EXIT_BAD_INPUT
            } else {
                cli::EXIT_PASSED
            };
            return ExitCode::from(code);
        }
    };
    match parsed.command {
        Some(command) => cli::run(command),
        None => start_game(parsed.game),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    match web_sys::window() {
        Some(window) => start_game(web_game_args(&window)),
        None => ExitCode::SUCCESS,
    }
}

/// The page's query string as the game's options, parsed by the same command line:
/// `?level=codebot/premiers-pas-01&profile=Zoé&run` is
/// `--level codebot/premiers-pas-01 --profile Zoé --run` (browser tests use it).
#[cfg(target_arch = "wasm32")]
fn web_game_args(window: &web_sys::Window) -> GameArgs {
    let decode = |text: &str| {
        let text = text.replace('+', " ");
        js_sys::decode_uri_component(&text).map_or(text, String::from)
    };
    let query = window.location().search().unwrap_or_default();
    let mut argv = vec!["codebot".to_owned()];
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if !key.is_empty() {
            argv.push(format!("--{}", decode(key)));
        }
        if !value.is_empty() {
            argv.push(decode(value));
        }
    }
    match Cli::try_parse_from(&argv) {
        Ok(cli) => cli.game,
        Err(error) => {
            web_sys::console::warn_1(&format!("ignored page options: {error}").into());
            GameArgs::default()
        }
    }
}

#[cfg(feature = "game")]
fn start_game(args: GameArgs) -> ExitCode {
    codebot::game::run(args)
}

#[cfg(not(feature = "game"))]
fn start_game(_args: GameArgs) -> ExitCode {
    eprintln!(
        "This build of codebot has no game window (built without the `game` feature): see `codebot --help`."
    );
    ExitCode::from(cli::EXIT_BAD_INPUT)
}
