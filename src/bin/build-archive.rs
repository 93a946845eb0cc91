//! `build-archive`: builds a large archive of transcripts as a static site, on every
//! core, incrementally. See `build-archive --help`, docs/archive.md and
//! [`transcript_viewer::catalog`].

use std::process::ExitCode;

const USAGE: &str = "\
usage: build-archive [--jobs N] [--per-page N] SRC_DIR SITE_DIR
  Builds every transcript in SRC_DIR (*.txt, *.vtt, *.srt, *.json, with their side files
  <stem>.speakers.json and <stem>.media.json, as transcript2json reads them) into
  SITE_DIR, the site trunk built (its index.html is the pages' template):
    SITE_DIR/transcripts/<id>.json   each transcript converted (<id> is the file stem)
    SITE_DIR/transcripts/index.json  the catalog, newest first
    SITE_DIR/<id>/index.html         each transcript's page, pre-rendered
    SITE_DIR/index.html              the home page: the newest transcript
    SITE_DIR/catalog/...             the catalog pages: all, by year, speaker, place
    SITE_DIR/.archive-manifest.json  what was built from what (content hashes)
  Incremental: a transcript whose source, template and tool are unchanged is neither
  converted nor rendered again; the files of a transcript no longer in SRC_DIR are
  deleted; a catalog page is written only when its content changes.
options:
  --jobs N       worker threads (default: one per core)
  --per-page N   entries on a catalog page (default 50)
  -q, --quiet    no summary on stderr
  -h, --help     this help
A transcript that cannot be built is reported on stderr (`file: message`) and left out;
the rest are built. Exit 1 when any failed, 2 on a usage error.";

/// The command line.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    src: std::path::PathBuf,
    site: std::path::PathBuf,
    jobs: Option<usize>,
    per_page: usize,
    quiet: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let (mut dirs, mut jobs, mut per_page, mut quiet) = (Vec::new(), None, 50, false);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--jobs" => jobs = Some(number(&arg)?),
            "--per-page" => per_page = number(&arg)?,
            "-q" | "--quiet" => quiet = true,
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ => dirs.push(std::path::PathBuf::from(arg)),
        }
    }
    let [src, site]: [std::path::PathBuf; 2] = dirs
        .try_into()
        .map_err(|_| "give SRC_DIR and SITE_DIR".to_string())?;
    Ok(Args {
        src,
        site,
        jobs,
        per_page,
        quiet,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("build-archive: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    native::main(&args)
}

#[cfg(target_arch = "wasm32")]
mod native {
    pub fn main(_args: &super::Args) -> std::process::ExitCode {
        eprintln!("build-archive: a native program: run it with `cargo run --bin build-archive`");
        std::process::ExitCode::FAILURE
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::Args;
    use rayon::prelude::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::rc::Rc;
    use std::time::Instant;
    use transcript_viewer::catalog::archive_catalog;
    use transcript_viewer::catalog::manifest::{
        content_hash, outputs, version_key, Manifest, Record, MANIFEST_FILE,
    };
    use transcript_viewer::catalog::{
        catalog_json, html, ArchiveEntry, Plan, CATALOG_PATH, SMALL_CATALOG,
    };
    use transcript_viewer::convert::{convert_bytes, Options};
    use transcript_viewer::model::{Catalog, Transcript};
    use transcript_viewer::page::{bad_id, render_page, unrendered, write_catalog_page};
    use transcript_viewer::site::{is_page_id, PageData};

    /// Where the template is kept once the home page has been rendered over
    /// `index.html`.
    const TEMPLATE_COPY: &str = ".archive-template.html";

    /// The catalog pages' stylesheet, written beside them when trunk has not copied it.
    const CATALOG_CSS: &str = include_str!("../../www/catalog.css");
    const CATALOG_JS: &str = include_str!("../../www/catalog.js");

    /// One source file.
    struct Source {
        id: String,
        path: PathBuf,
        name: String,
        /// [`content_hash`] of the file, with the build's version key.
        hash: String,
    }

    /// What became of one source.
    enum Outcome {
        /// Unchanged since the last build: its entry from the manifest.
        Skipped(ArchiveEntry),
        /// Converted (and, in an archive, rendered): its entry and the bytes written.
        Built(ArchiveEntry, u64),
    }

    /// What the build did, for the summary.
    #[derive(Default)]
    struct Counts {
        converted: usize,
        skipped: usize,
        removed: usize,
        pages: usize,
        catalog_written: usize,
        catalog_unchanged: usize,
        bytes: u64,
        failed: usize,
        /// Search index files written, and the seconds the index took.
        index_files: usize,
        index_seconds: f64,
    }

    pub fn main(args: &Args) -> ExitCode {
        if let Some(jobs) = args.jobs {
            if let Err(e) = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build_global()
            {
                eprintln!("build-archive: --jobs: {e}");
                return ExitCode::FAILURE;
            }
        }
        let started = Instant::now();
        match build(args) {
            Ok(counts) => {
                if !args.quiet {
                    eprintln!(
                        "build-archive: {} converted, {} unchanged, {} removed, {} failed; \
                         {} transcript page(s), {} catalog page(s) written ({} unchanged), \
                         {} search index file(s) ({:.1} s); {} bytes written in {:.1} s",
                        counts.converted,
                        counts.skipped,
                        counts.removed,
                        counts.failed,
                        counts.pages,
                        counts.catalog_written,
                        counts.catalog_unchanged,
                        counts.index_files,
                        counts.index_seconds,
                        counts.bytes,
                        started.elapsed().as_secs_f64()
                    );
                }
                if counts.failed > 0 {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(e) => {
                eprintln!("build-archive: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn read(path: &Path) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
    }

    /// Writes `bytes` to `path` (creating its directory), through a temporary file
    /// renamed over it, so that a reader never sees half a file.
    fn write(path: &Path, bytes: &[u8]) -> Result<u64, String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(bytes.len() as u64)
    }

    /// Writes `bytes` to `path` unless it holds them already; whether it wrote.
    fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, String> {
        if std::fs::read(path).is_ok_and(|old| old == bytes) {
            return Ok(false);
        }
        write(path, bytes).map(|_| true)
    }

    /// Deletes a built file and then its directory if that is left empty (a page's
    /// `<id>/`), but never `site` itself.
    fn remove(site: &Path, file: &str) -> Result<(), String> {
        let path = site.join(file);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: cannot delete: {e}", path.display())),
        }
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == site || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// The pages' template: `index.html` as trunk wrote it. Once the home page has been
    /// rendered over it, the copy kept beside it (written whenever `index.html` is
    /// trunk's).
    fn template(site: &Path) -> Result<String, String> {
        let index = read(&site.join("index.html"))?;
        let copy = site.join(TEMPLATE_COPY);
        match unrendered(&index) {
            std::borrow::Cow::Borrowed(_) => {
                write_if_changed(&copy, index.as_bytes())?;
                Ok(index)
            }
            std::borrow::Cow::Owned(taken_back) => match read(&copy) {
                Ok(kept) => Ok(kept),
                Err(_) => {
                    write(&copy, taken_back.as_bytes())?;
                    Ok(taken_back)
                }
            },
        }
    }

    /// The transcripts in `src`, sorted by file name: (id, path, file name).
    fn sources(src: &Path) -> Result<Vec<(String, PathBuf, String)>, String> {
        let entries =
            std::fs::read_dir(src).map_err(|e| format!("{}: cannot read: {e}", src.display()))?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: cannot read: {e}", src.display()))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let wanted = [".txt", ".vtt", ".srt", ".json"]
                .iter()
                .any(|ext| name.ends_with(ext))
                && !name.ends_with(".speakers.json")
                && !name.ends_with(".media.json")
                && !name.starts_with('.');
            if wanted && path.is_file() {
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((id, path, name));
            }
        }
        out.sort_by(|a, b| a.2.cmp(&b.2));
        Ok(out)
    }

    /// The tool's own bytes, for the version key (its version if it cannot read them).
    fn tool() -> Vec<u8> {
        std::env::current_exe()
            .and_then(std::fs::read)
            .unwrap_or_else(|_| env!("CARGO_PKG_VERSION").as_bytes().to_vec())
    }

    /// The side files a source may have beside it (docs/media.md), as transcript2json
    /// reads them: `<stem>.speakers.json` names the voices, `<stem>.media.json` the
    /// recording.
    const SIDE_FILES: [&str; 2] = ["speakers", "media"];

    fn side_file(path: &Path, id: &str, what: &str) -> PathBuf {
        path.with_file_name(format!("{id}.{what}.json"))
    }

    /// Converts one source (with its side files) and writes its JSON; its transcript.
    fn convert(site: &Path, source: &Source) -> Result<(Transcript, u64), String> {
        let shown = source.path.display().to_string();
        let bytes =
            std::fs::read(&source.path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
        let side = |what: &str| -> Result<Option<(String, String)>, String> {
            let path = side_file(&source.path, &source.id, what);
            if !path.is_file() {
                return Ok(None);
            }
            Ok(Some((path.display().to_string(), read(&path)?)))
        };
        let speakers = match side("speakers")? {
            Some((shown, text)) => Some(
                transcript_viewer::convert::speaker_names(&shown, &text)
                    .map_err(|e| e.render(&shown))?,
            ),
            None => None,
        };
        let media = match side("media")? {
            Some((shown, text)) => {
                Some(transcript_viewer::convert::media_file(&text).map_err(|e| e.render(&shown))?)
            }
            None => None,
        };
        let options = Options {
            file: source.name.clone(),
            speakers,
            media,
            ..Options::default()
        };
        let conversion = convert_bytes(&bytes, &options).map_err(|e| e.render(&shown))?;
        let json = conversion.transcript.to_json();
        let [json_file, _] = outputs(&source.id);
        let written = write(&site.join(json_file), json.as_bytes())?;
        Ok((conversion.transcript, written))
    }

    /// The page of transcript `t` at `path` (`<id>/` or the home page's ``), embedding
    /// only its own entry (an archive's pages do not list the others).
    fn archive_page(
        template: &str,
        entry: &ArchiveEntry,
        t: Transcript,
        path: String,
    ) -> Result<String, String> {
        let catalog = Rc::new(Catalog {
            schema: transcript_viewer::model::SCHEMA_VERSION,
            transcripts: vec![entry.catalog_entry()],
        });
        let data = PageData {
            path,
            catalog,
            current: 0,
            transcript: Rc::new(t),
            catalog_pages: Some(CATALOG_PATH.to_string()),
        };
        render_page(template, Rc::new(data))
    }

    fn build(args: &Args) -> Result<Counts, String> {
        let site = &args.site;
        let template = template(site)?;
        // A template that cannot be filled fails once, not once per transcript.
        let empty = transcript_viewer::page::PageParts {
            title: "",
            lang: "en",
            markup: "",
            after: "",
        };
        transcript_viewer::page::write_page(&template, &empty)
            .map_err(|e| format!("{}: {e}", site.join("index.html").display()))?;
        let listed = sources(&args.src)?;
        let mut counts = Counts::default();
        // Two sources with one stem (`a.txt`, `a.vtt`): the first wins.
        let mut seen = BTreeSet::new();
        let mut errors = Vec::new();
        let listed: Vec<_> = listed
            .into_iter()
            .filter(|(id, path, _)| {
                if !is_page_id(id) {
                    errors.push(format!("{}: {}", path.display(), bad_id(id)));
                    false
                } else if !seen.insert(id.clone()) {
                    errors.push(format!(
                        "{}: another source has the id {id:?} already",
                        path.display()
                    ));
                    false
                } else {
                    true
                }
            })
            .collect();
        // Every source's hash (of its bytes alone first: a small site's key needs all).
        let raw: Vec<Result<String, String>> = listed
            .par_iter()
            .map(|(id, path, name)| {
                let mut bytes = std::fs::read(path)
                    .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
                // Its side files are part of what it is made from.
                for side in SIDE_FILES {
                    let side = side_file(path, id, side);
                    if let Ok(more) = std::fs::read(&side) {
                        bytes.extend_from_slice(side.to_string_lossy().as_bytes());
                        bytes.extend_from_slice(&more);
                    }
                }
                Ok(content_hash("", name, &bytes))
            })
            .collect();
        let small = listed.len() <= SMALL_CATALOG;
        let extra = if small {
            // A small site's pages list every transcript: any change renders them all.
            let all: Vec<String> = raw.iter().map(|r| r.clone().unwrap_or_default()).collect();
            format!("small:{}", all.join(","))
        } else {
            "archive".to_string()
        };
        let version = version_key(&tool(), &template, &extra);
        let mut todo = Vec::new();
        for ((id, path, name), raw) in listed.into_iter().zip(raw) {
            match raw {
                Ok(raw) => todo.push(Source {
                    hash: content_hash(&version, &name, raw.as_bytes()),
                    id,
                    path,
                    name,
                }),
                Err(e) => errors.push(e),
            }
        }
        let old = read(&site.join(MANIFEST_FILE))
            .ok()
            .and_then(|t| Manifest::from_json(&t))
            .unwrap_or_default();
        // Convert (and in an archive render) what changed, on every core; each page goes
        // to disk as it is rendered.
        let outcomes: Vec<Result<Outcome, String>> = todo
            .par_iter()
            .map(|source| {
                if let Some(entry) = old.unchanged(&source.id, &source.hash) {
                    let there = outputs(&source.id).iter().all(|f| site.join(f).is_file());
                    if there {
                        return Ok(Outcome::Skipped(entry.clone()));
                    }
                }
                let (transcript, mut written) = convert(site, source)?;
                let entry = ArchiveEntry::of(&source.id, &transcript);
                if !small {
                    let [_, page] = outputs(&source.id);
                    let html = archive_page(
                        &template,
                        &entry,
                        transcript,
                        transcript_viewer::site::page_path(&source.id),
                    )
                    .map_err(|e| format!("{}: {page}: {e}", source.path.display()))?;
                    written += write(&site.join(&page), html.as_bytes())?;
                }
                Ok(Outcome::Built(entry, written))
            })
            .collect();
        let mut manifest = Manifest {
            version: version.clone(),
            ..Manifest::default()
        };
        let mut entries = Vec::new();
        let mut built = Vec::new();
        for (source, outcome) in todo.iter().zip(outcomes) {
            let entry = match outcome {
                Ok(Outcome::Skipped(entry)) => {
                    counts.skipped += 1;
                    entry
                }
                Ok(Outcome::Built(entry, written)) => {
                    counts.converted += 1;
                    counts.pages += usize::from(!small);
                    counts.bytes += written;
                    built.push(source.id.clone());
                    entry
                }
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            manifest.transcripts.insert(
                source.id.clone(),
                Record {
                    hash: source.hash.clone(),
                    entry: entry.clone(),
                },
            );
            entries.push(entry);
        }
        counts.failed = errors.len();
        for e in &errors {
            eprintln!("{e}");
        }
        // What is no longer built (removed from the sources, or failing now) goes.
        let ids: BTreeSet<&str> = manifest.transcripts.keys().map(String::as_str).collect();
        for id in old.removed(&ids) {
            for file in outputs(id) {
                remove(site, &file)?;
            }
            counts.removed += 1;
        }

        // The archive search index (src/archive), in SITE_DIR/search/index/: built again
        // whenever a transcript was converted or removed (or there is none yet), from
        // every transcript read back one at a time; the files that did not change are
        // left as they are (docs/archive-search.md).
        let index_dir = site.join("search").join("index");
        let index_stale = counts.converted > 0
            || counts.removed > 0
            || !index_dir
                .join(transcript_viewer::archive::META_PATH)
                .exists();
        drop(built);
        if index_stale {
            let indexing = Instant::now();
            let mut builder = transcript_viewer::archive::IndexBuilder::new();
            for item in transcripts(site, &entries) {
                let (id, t) = item?;
                builder.add(&id, &t);
            }
            let files = builder.build();
            let w = transcript_viewer::archive::site::write_index(&index_dir, &files)?;
            counts.index_files = w.written;
            counts.index_seconds = indexing.elapsed().as_secs_f64();
        }

        let plan = Plan::new(entries, args.per_page);
        let catalog = catalog_json(&plan.entries);
        let mut index = serde_json::to_string(&catalog).unwrap_or_default();
        index.push('\n');
        if write_if_changed(&site.join("transcripts/index.json"), index.as_bytes())? {
            counts.bytes += index.len() as u64;
        }
        // The transcripts' pages of a small site, which list each other, and the home
        // page (the newest transcript).
        if small && counts.converted > 0 {
            let shared = Rc::new(catalog.clone());
            for (current, entry) in plan.entries.iter().enumerate() {
                let t = load(site, &entry.id)?;
                let (catalog, current, catalog_pages) = archive_catalog(&shared, current);
                let data = PageData {
                    path: transcript_viewer::site::page_path(&entry.id),
                    catalog,
                    current,
                    transcript: Rc::new(t),
                    catalog_pages,
                };
                let [_, page] = outputs(&entry.id);
                let html = render_page(&template, Rc::new(data))
                    .map_err(|e| format!("{}: {e}", site.join(&page).display()))?;
                counts.bytes += write(&site.join(&page), html.as_bytes())?;
                counts.pages += 1;
            }
        }
        if let Some(first) = plan.entries.first() {
            let t = load(site, &first.id)?;
            let html = if small {
                let data = PageData {
                    path: String::new(),
                    catalog: Rc::new(catalog.clone()),
                    current: 0,
                    transcript: Rc::new(t),
                    catalog_pages: None,
                };
                render_page(&template, Rc::new(data))
            } else {
                archive_page(&template, first, t, String::new())
            }
            .map_err(|e| format!("{}: {e}", site.join("index.html").display()))?;
            if write_if_changed(&site.join("index.html"), html.as_bytes())? {
                counts.pages += 1;
                counts.bytes += html.len() as u64;
            }
        }
        // The catalog pages, each written only when it changed.
        let pages: Vec<_> = plan.pages().collect();
        let written: Vec<Result<Option<u64>, String>> = pages
            .par_iter()
            .map(|page| {
                let file = plan.file(page);
                let html = write_catalog_page(&template, &html::render(&plan, page))
                    .map_err(|e| format!("{}: {e}", site.join(&file).display()))?;
                let changed = write_if_changed(&site.join(&file), html.as_bytes())?;
                Ok(changed.then_some(html.len() as u64))
            })
            .collect();
        for w in written {
            match w? {
                Some(bytes) => {
                    counts.catalog_written += 1;
                    counts.bytes += bytes;
                }
                None => counts.catalog_unchanged += 1,
            }
        }
        manifest.catalog_pages = pages.iter().map(|p| plan.file(p)).collect();
        for stale in old.stale_pages(&manifest.catalog_pages) {
            remove(site, stale)?;
        }
        for (file, text) in [("catalog.css", CATALOG_CSS), ("catalog.js", CATALOG_JS)] {
            if !site.join(file).is_file() {
                counts.bytes += write(&site.join(file), text.as_bytes())?;
            }
        }
        write_if_changed(&site.join(MANIFEST_FILE), manifest.to_json().as_bytes())?;
        Ok(counts)
    }

    /// Reads a built transcript back.
    fn load(site: &Path, id: &str) -> Result<Transcript, String> {
        let [json, _] = outputs(id);
        let path = site.join(json);
        Transcript::from_json(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Every transcript of the archive read back, one at a time, as (id, Transcript),
    /// for the search index.
    fn transcripts<'a>(
        site: &'a Path,
        entries: &'a [ArchiveEntry],
    ) -> impl Iterator<Item = Result<(String, Transcript), String>> + 'a {
        entries
            .iter()
            .map(move |e| load(site, &e.id).map(|t| (e.id.clone(), t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_arguments() {
        let parse = |args: &[&str]| parse_args(args.iter().map(|s| s.to_string()));
        assert_eq!(
            parse(&["--jobs", "2", "src", "site"]),
            Ok(Args {
                src: "src".into(),
                site: "site".into(),
                jobs: Some(2),
                per_page: 50,
                quiet: false,
            })
        );
        assert_eq!(parse(&["--help"]), Err(String::new()));
        assert!(parse(&["src"]).unwrap_err().contains("SITE_DIR"));
        assert!(parse(&["--jobs", "0", "a", "b"])
            .unwrap_err()
            .contains("positive"));
        assert!(parse(&["--frobnicate", "a", "b"])
            .unwrap_err()
            .contains("unknown"));
    }
}
