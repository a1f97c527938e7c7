//! The `policydiff` binary: parse the command line, run, map the result to an
//! exit code. Everything else lives in the library.

use clap::Parser;
use policydiff::cli::Cli;
use policydiff::command::{self, Context};
use policydiff::exit_code;
use policydiff::load::Store;
use policydiff::render::color::Palette;
use std::io::{IsTerminal, Write};

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with code 0, usage
            // errors to stderr with code 2.
            let _ = e.print();
            std::process::exit(if e.use_stderr() {
                exit_code::TROUBLE
            } else {
                exit_code::SUCCESS
            });
        }
    };
    policydiff::load::file::set_max_file_bytes(cli.max_file_size);
    let stdout_is_terminal = std::io::stdout().is_terminal();
    let terminal_width = if stdout_is_terminal {
        comfy_table::Table::new().width()
    } else {
        None
    };
    let width = policydiff::render::text::width(
        cli.width,
        terminal_width,
        std::env::var("COLUMNS").ok().as_deref(),
    );
    let ctx = Context {
        store: Store::locate(cli.versions.as_deref()),
        palette: Palette::decide(cli.color, stdout_is_terminal),
        width,
    };

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Warnings quote input (ids, paths, snapshot text): made inert like every
    // other text sink.
    let mut err = policydiff::render::inert::InertWriter(std::io::stderr());
    let code = match command::run(cli, &ctx, &mut out, &mut err) {
        Ok(code) => match out.flush() {
            Ok(()) => code,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
            Err(e) => report(&e.into()),
        },
        Err(e) if is_broken_pipe(&e) => exit_code::SUCCESS,
        Err(e) => report(&e),
    };
    std::process::exit(code);
}

/// A closed pipe (`policydiff … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn report(e: &anyhow::Error) -> i32 {
    let mut message = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "error: {}",
            policydiff::render::inert::shorten(&policydiff::render::inert::inert(&message))
                .replace('\n', " ")
        );
    }
    exit_code::TROUBLE
}
