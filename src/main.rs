//! The `codebot` executable: the game with no arguments, the command line otherwise,
//! and the sandbox's worker process when started with the hidden worker argument.

use std::process::ExitCode;

use clap::Parser;
use codebot::cli::{self, Cli, GameArgs};

#[global_allocator]
static ALLOCATOR: codebot::sandbox::memory::CappedAllocator =
    codebot::sandbox::memory::CappedAllocator;

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
