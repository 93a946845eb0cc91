//! `build-search-index`: writes the archive search's index of a built site. See
//! `build-search-index --help` and docs/archive-search.md.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: build-search-index SITE_DIR
         Reads SITE_DIR/transcripts/index.json and every <id>.json it lists, and writes
         the archive search's index to SITE_DIR/search/index/ (meta.bin and its shards),
         leaving files that did not change and removing those the index no longer has.
Exit 1 on an error (said on stderr), 2 on a usage error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        [dir] if !dir.starts_with('-') => match run(&PathBuf::from(dir)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("build-search-index: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("build-search-index: takes one directory\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(site: &Path) -> Result<(), String> {
    use transcript_viewer::archive::{site::write_index, IndexBuilder};
    use transcript_viewer::model::{Catalog, Transcript};
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
    };
    let transcripts = site.join("transcripts");
    let catalog_file = transcripts.join("index.json");
    let catalog = Catalog::from_json(&read(&catalog_file)?)
        .map_err(|e| format!("{}: {e}", catalog_file.display()))?;
    let started = std::time::Instant::now();
    let mut builder = IndexBuilder::new();
    for entry in &catalog.transcripts {
        let file = transcripts.join(format!("{}.json", entry.id));
        let t =
            Transcript::from_json(&read(&file)?).map_err(|e| format!("{}: {e}", file.display()))?;
        builder.add(&entry.id, &t);
    }
    let count = builder.len();
    let files = builder.build();
    let out = site.join("search").join("index");
    let w = write_index(&out, &files)?;
    eprintln!(
        "build-search-index: {count} transcript(s) -> {}: {} files, {} bytes ({} written, {} kept, {} removed) in {:.1} s",
        out.display(),
        files.len(),
        w.bytes,
        w.written,
        w.kept,
        w.removed,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn run(_site: &Path) -> Result<(), String> {
    Err("a native program: run it with `cargo run --bin build-search-index`".into())
}
