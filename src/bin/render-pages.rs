//! `render-pages`: renders transcripts to static HTML with the viewer's own components
//! (Yew's server-side rendering), for the browser to hydrate. See `render-pages --help`
//! and [`transcript_viewer::page`].

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: render-pages site DIR
         Renders the site trunk built in DIR (trunk's post_build hook): reads
         DIR/index.html and DIR/transcripts/ (index.json, <id>.json) and writes
         DIR/<id>/index.html for every transcript of the catalog and DIR/index.html with
         the first, each page with its transcript rendered and the data to hydrate it.
         It also writes the catalog pages (DIR/catalog/...); above 12 transcripts each
         page embeds only its own entry and links to them (for large archives,
         incremental and on every core: build-archive).
       render-pages embed [--id-prefix PREFIX] [--no-settings] FILE.json
         Prints the markup of an embedded viewer of FILE.json, to put in a host page's
         element for `mount(element, { data, idPrefix: PREFIX, hydrate: true })`.
Exit 1 on an error (said on stderr), 2 on a usage error.";

enum Command {
    Site(PathBuf),
    Embed {
        file: PathBuf,
        id_prefix: String,
        show_settings: bool,
    },
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    match args.next().as_deref() {
        Some("-h" | "--help") | None => Err(String::new()),
        Some("site") => match (args.next(), args.next()) {
            (Some(dir), None) if !dir.starts_with('-') => Ok(Command::Site(dir.into())),
            _ => Err("site takes one directory".into()),
        },
        Some("embed") => {
            let (mut file, mut id_prefix, mut show_settings) = (None, String::new(), true);
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--id-prefix" => {
                        id_prefix = args.next().ok_or("--id-prefix needs a value")?;
                    }
                    "--no-settings" => show_settings = false,
                    s if s.starts_with('-') => return Err(format!("unknown option {s}")),
                    _ if file.is_some() => return Err("embed takes one file".into()),
                    _ => file = Some(PathBuf::from(arg)),
                }
            }
            Ok(Command::Embed {
                file: file.ok_or("embed needs a transcript file")?,
                id_prefix,
                show_settings,
            })
        }
        Some(other) => Err(format!("unknown command {other}")),
    }
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("render-pages: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Site(dir) => site(&dir),
        Command::Embed {
            file,
            id_prefix,
            show_settings,
        } => embed(&file, &id_prefix, show_settings),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render-pages: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

#[cfg(not(target_arch = "wasm32"))]
fn site(dir: &Path) -> Result<(), String> {
    use transcript_viewer::catalog::{html, ArchiveEntry, Plan, PER_PAGE};
    use transcript_viewer::model::Transcript;
    let template = read(&dir.join("index.html"))?;
    let transcripts = dir.join("transcripts");
    let catalog_file = transcripts.join("index.json");
    let catalog = transcript_viewer::components::parse_catalog(&read(&catalog_file)?)
        .map_err(|e| format!("{}: {e}", catalog_file.display()))?;
    let write = |file: &str, html: &[u8]| -> Result<(), String> {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        std::fs::write(&path, html).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    let (mut written, mut entries) = (Vec::new(), Vec::new());
    transcript_viewer::page::render_site_to(
        &template,
        &catalog,
        |id| {
            let file = transcripts.join(format!("{id}.json"));
            let t = Transcript::from_json(&read(&file)?)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            entries.push(ArchiveEntry::of(id, &t));
            Ok(t)
        },
        |file, html| {
            write(file, html.as_bytes())?;
            written.push(file.to_string());
            Ok(())
        },
    )?;
    // The catalog pages, whatever the site's size: a large site's pages link to them
    // instead of listing every transcript, and the search page sends a reader without
    // JavaScript there.
    let mut catalog_pages = 0;
    {
        let template = transcript_viewer::page::unrendered(&template);
        let plan = Plan::new(entries, PER_PAGE);
        for page in plan.pages() {
            let file = plan.file(&page);
            let html =
                transcript_viewer::page::write_catalog_page(&template, &html::render(&plan, &page))
                    .map_err(|e| format!("{file}: {e}"))?;
            write(&file, html.as_bytes())?;
            catalog_pages += 1;
        }
    }
    eprintln!(
        "render-pages: {} page(s) in {}: {}{}",
        written.len(),
        dir.display(),
        written.join(", "),
        if catalog_pages > 0 {
            format!("; {catalog_pages} catalog page(s) in catalog/")
        } else {
            String::new()
        }
    );
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn embed(file: &Path, id_prefix: &str, show_settings: bool) -> Result<(), String> {
    let transcript = transcript_viewer::model::Transcript::from_json(&read(file)?)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let html = transcript_viewer::page::render_embedded(transcript, id_prefix, show_settings)
        .map_err(|e| e.to_string())?;
    println!("{html}");
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn site(_dir: &Path) -> Result<(), String> {
    Err("a native program: run it with `cargo run --bin render-pages`".into())
}

#[cfg(target_arch = "wasm32")]
fn embed(_file: &Path, _id_prefix: &str, _show_settings: bool) -> Result<(), String> {
    Err("a native program: run it with `cargo run --bin render-pages`".into())
}
