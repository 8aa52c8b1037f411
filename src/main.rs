//! The `codebot` executable: the game with no arguments, the command line otherwise,
//! and the sandbox's worker process when started with the hidden worker argument.

use clap::Parser;

#[global_allocator]
static ALLOCATOR: codebot::sandbox::memory::CappedAllocator = codebot::sandbox::memory::CappedAllocator;

fn main() -> std::process::ExitCode {
    if std::env::args().nth(1).as_deref() == Some(codebot::sandbox::worker::WORKER_ARG) {
        return codebot::sandbox::worker::worker_main();
    }
    let cli = match codebot::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            let code = if error.use_stderr() { codebot::cli::EXIT_BAD_INPUT } else { codebot::cli::EXIT_PASSED };
            return std::process::ExitCode::from(code);
        }
    };
    match cli.command {
        Some(command) => codebot::cli::run(command),
        None => {
            eprintln!("The game window is not built yet: use `codebot --help` for the command line.");
            std::process::ExitCode::SUCCESS
        }
    }
}
