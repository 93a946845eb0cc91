//! Scores the converter on its corpus: `score-corpus [DIR] [-v]` prints one table (per
//! file and per field, per shape, and the total); `-v` adds what each miss was.

use std::path::PathBuf;
use std::process::ExitCode;
use transcript_viewer::convert::corpus;

fn main() -> ExitCode {
    let mut dir = PathBuf::from("tests/corpus");
    let mut verbose = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "-v" | "--verbose" => verbose = true,
            "-h" | "--help" => {
                println!("usage: score-corpus [DIR] [-v]");
                return ExitCode::SUCCESS;
            }
            _ => dir = PathBuf::from(arg),
        }
    }
    match corpus::run(&dir) {
        Ok(scores) => {
            print!("{}", corpus::table(&scores));
            if verbose {
                for s in scores.iter().filter(|s| !s.misses.is_empty()) {
                    for m in &s.misses {
                        eprintln!("{}: {m}", s.file);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("score-corpus: {e}");
            ExitCode::from(1)
        }
    }
}
