//! `build-archive` on a generated archive (`gen-transcript --archive`): every transcript
//! converted, rendered and listed; every link of the catalog pages resolves to a written
//! file; the incremental build skips what is unchanged, rebuilds what changed, deletes
//! what was removed; a bad transcript is reported and the rest built; a small site's
//! pages keep listing every transcript.
//!
//! Run with `cargo test --test archive`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A template like trunk's `index.html`: a `<base href>`, a script and its preload.
const TEMPLATE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\" />\
    <title>Transcript viewer</title><base href=\"/\" />\
    <link rel=\"stylesheet\" href=\"/viewer.css\" />\
    <link rel=\"modulepreload\" href=\"/transcript-viewer.js\" />\
    <script type=\"module\" src=\"/transcript-viewer-element.js\"></script>\
    <noscript><link rel=\"stylesheet\" href=\"noscript.css\" /></noscript></head>\
    <body><div data-transcript-viewer-app></div></body></html>";

struct Dirs {
    root: PathBuf,
    src: PathBuf,
    site: PathBuf,
}

impl Dirs {
    fn new(name: &str, n: usize) -> Dirs {
        let root = std::env::temp_dir().join(format!("tv-archive-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (src, site) = (root.join("src"), root.join("site"));
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("index.html"), TEMPLATE).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_gen-transcript"))
            .args(["--archive", &n.to_string(), "--bytes-each", "3000", "--out"])
            .arg(&src)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Dirs { root, src, site }
    }

    fn build(&self) -> Output {
        Command::new(env!("CARGO_BIN_EXE_build-archive"))
            .args(["--jobs", "2", "--per-page", "5"])
            .arg(&self.src)
            .arg(&self.site)
            .output()
            .unwrap()
    }

    fn sources(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.src)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
    }
}

impl Drop for Dirs {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The transcripts (ids) and turns the site's search index finds for `query`, read as
/// the search page reads it: plan, fetch, until nothing is missing.
fn search_site(site: &Path, query: &str) -> Vec<(String, String)> {
    use transcript_viewer::archive::{plan, run, Fetched, Meta, Page, Query, META_PATH};
    let dir = site.join("search/index");
    let meta = Meta::decode(&std::fs::read(dir.join(META_PATH)).unwrap()).unwrap();
    let q = Query::parse(query);
    let page = Page {
        from: 0,
        limit: 100,
    };
    let mut fetched = Fetched::new();
    for _ in 0..10 {
        let missing = plan(&meta, &q, &fetched, page).unwrap();
        if missing.is_empty() {
            break;
        }
        for path in missing {
            let bytes = std::fs::read(dir.join(&path)).unwrap();
            fetched.insert(path, bytes);
        }
    }
    let results = run(&meta, &q, &fetched, page).unwrap();
    results
        .transcripts
        .iter()
        .flat_map(|t| {
            t.hits
                .iter()
                .map(|h| (t.info.id.clone(), h.turn_id.clone()))
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Every file under `dir`, relative to it.
fn files(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    out
}

/// The catalog a page embeds (its `data-transcript-viewer-catalog` script's text).
fn embedded_catalog(html: &str) -> String {
    let start = html.find("data-transcript-viewer-catalog>").unwrap() + 31;
    html[start..start + html[start..].find("</script>").unwrap()].to_string()
}

/// The `href` values of `html`.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn the_generated_archive_converts_cleanly() {
    let d = Dirs::new("convert", 24);
    let out = Command::new(env!("CARGO_BIN_EXE_transcript2json"))
        .arg("-o")
        .arg(d.root.join("json"))
        .args(d.sources())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "no warnings");
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.root.join("json/index.json")).unwrap())
            .unwrap();
    let entries = catalog["transcripts"].as_array().unwrap();
    assert_eq!(entries.len(), 24);
    let langs: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "ru"].into());
    let years: BTreeSet<&str> = entries
        .iter()
        .map(|e| &e["date"].as_str().unwrap()[..4])
        .collect();
    assert!(years.len() > 8, "{years:?}");
    for e in entries {
        let id = e["id"].as_str().unwrap();
        let t: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(d.root.join(format!("json/{id}.json"))).unwrap(),
        )
        .unwrap();
        assert!(t["place"].is_string(), "{id}");
        assert!(!t["speakers"].as_array().unwrap().is_empty(), "{id}");
        assert_eq!(t["source"]["license"], "CC BY 4.0", "{id}");
    }
}

#[test]
fn an_archive_is_built_linked_and_rebuilt_incrementally() {
    let d = Dirs::new("build", 30);
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("30 converted, 0 unchanged, 0 removed, 0 failed"),
        "{}",
        stderr(&out)
    );
    let built = files(&d.site);
    let ids: Vec<String> = d.sources().iter().map(|p| stem(p)).collect();
    for id in &ids {
        assert!(built.contains(&format!("transcripts/{id}.json")), "{id}");
        assert!(built.contains(&format!("{id}/index.html")), "{id}");
    }
    assert!(built.contains("catalog/index.html") && built.contains("catalog/page/6/index.html"));
    assert!(
        built.contains("catalog/speaker/index.html") && built.contains("catalog/place/index.html")
    );
    assert!(built.contains(".archive-manifest.json") && built.contains("catalog.css"));
    assert!(built.contains("catalog.js"));
    assert!(built.contains("search/index/meta.bin"));

    // A transcript's page embeds its own entry only, and links to the catalog.
    let page = std::fs::read_to_string(d.site.join(format!("{}/index.html", ids[0]))).unwrap();
    let catalog = embedded_catalog(&page);
    assert!(catalog.contains("\"pages\":\"catalog/\""), "{catalog}");
    assert_eq!(catalog.matches("\"id\":").count(), 1, "{catalog}");
    assert!(page.contains("<a href=\"catalog/\" class=\"tv-catalog-toggle tv-catalog-archive\">"));

    // Every link of every catalog page names a written file (or the site's own CSS).
    let mut checked = 0;
    for file in built.iter().filter(|f| f.starts_with("catalog/")) {
        let html = std::fs::read_to_string(d.site.join(file)).unwrap();
        // One script, which only prefetches: the page needs none.
        assert_eq!(html.matches("<script").count(), 1, "{file}");
        assert!(
            html.contains("<script type=\"module\" src=\"catalog.js\"></script>"),
            "{file}"
        );
        assert!(!html.contains("data-transcript-viewer-app"), "{file}");
        for href in hrefs(&html) {
            let path = href.split('#').next().unwrap().trim_start_matches('/');
            if path == "viewer.css" {
                continue;
            }
            let target = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            assert!(built.contains(&target), "{file}: {href} -> {target}");
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");

    // Nothing changed: nothing converted, rendered or written.
    let stamp = |f: &str| {
        std::fs::metadata(d.site.join(f))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = stamp(&format!("{}/index.html", ids[1]));
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 converted, 30 unchanged, 0 removed, 0 failed; 0 transcript page(s), 0 catalog page(s) written")
            && stderr(&out).contains(" 0 search index file(s)"),
        "{}",
        stderr(&out)
    );

    // One changed: only it is converted and rendered again.
    let changed = &d.sources()[2];
    let text = std::fs::read_to_string(changed).unwrap();
    std::fs::write(changed, format!("{text}Anna Ivanov: One more word.\n")).unwrap();
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 converted, 29 unchanged, 0 removed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stamp(&format!("{}/index.html", ids[1])), before);
    let json = std::fs::read_to_string(d.site.join(format!("transcripts/{}.json", stem(changed))))
        .unwrap();
    assert!(json.contains("One more word."));
    // The search index has it.
    let found = search_site(&d.site, "\"one more word\"");
    assert_eq!(
        found.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        [stem(changed).as_str()],
        "{found:?}"
    );

    // One removed: its files go, and it is no longer listed.
    let gone = d.sources()[3].clone();
    std::fs::remove_file(&gone).unwrap();
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("0 converted, 29 unchanged, 1 removed"),
        "{}",
        stderr(&out)
    );
    let after = files(&d.site);
    assert!(!after.contains(&format!("{}/index.html", stem(&gone))));
    assert!(!after.contains(&format!("transcripts/{}.json", stem(&gone))));
    assert!(!d.site.join(stem(&gone)).exists());
    let index = std::fs::read_to_string(d.site.join("transcripts/index.json")).unwrap();
    assert!(!index.contains(&stem(&gone)));
    assert!(
        search_site(&d.site, "the")
            .iter()
            .all(|(id, _)| *id != stem(&gone)),
        "the search forgets it"
    );
    for file in after.iter().filter(|f| f.starts_with("catalog/")) {
        let html = std::fs::read_to_string(d.site.join(file)).unwrap();
        assert!(
            !html.contains(&format!("href=\"{}/\"", stem(&gone))),
            "{file}"
        );
    }

    // A template without the app's element: said once.
    let template = d.site.join(".archive-template.html");
    std::fs::write(&template, "<html><title></title><body></body></html>").unwrap();
    let out = d.build();
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("has no <div data-transcript-viewer-app>"),
        "{}",
        stderr(&out)
    );
    std::fs::write(&template, TEMPLATE).unwrap();

    // A bad transcript is named, the rest are built, the exit code says so.
    std::fs::write(d.src.join("bad.txt"), b"Title\n\xff\xfe not text\n").unwrap();
    let out = d.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("bad.txt:") && err.contains("invalid UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("0 converted, 29 unchanged, 0 removed, 1 failed"),
        "{err}"
    );
}

#[test]
fn a_small_site_lists_every_transcript_in_its_pages() {
    let d = Dirs::new("small", 3);
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stem(&d.sources()[0]);
    let page = std::fs::read_to_string(d.site.join(format!("{id}/index.html"))).unwrap();
    let catalog = embedded_catalog(&page);
    assert_eq!(catalog.matches("\"id\":").count(), 3, "{catalog}");
    assert!(!catalog.contains("\"pages\":"));
    assert!(page.contains("<details class=\"tv-catalog-menu\">"));
    // The home page too; and built again, it is the same.
    let home = std::fs::read_to_string(d.site.join("index.html")).unwrap();
    assert!(home.contains("data-path=\"\""));
    let out = d.build();
    assert!(
        stderr(&out).contains("0 converted, 3 unchanged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(d.site.join("index.html")).unwrap(),
        home
    );
}

#[test]
fn side_files_are_read_and_their_changes_rebuild() {
    let d = Dirs::new("side", 2);
    std::fs::write(
        d.src.join("hearing.vtt"),
        "WEBVTT\n\n00:00.500 --> 00:02.000\n<v SPEAKER_00>Good morning.\n",
    )
    .unwrap();
    std::fs::write(
        d.src.join("hearing.media.json"),
        r#"{"url": "media/hearing.mp3"}"#,
    )
    .unwrap();
    let names = d.src.join("hearing.speakers.json");
    std::fs::write(&names, r#"{"SPEAKER_00": "Ann Lee"}"#).unwrap();
    let out = d.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("3 converted"), "{}", stderr(&out));
    let json = || std::fs::read_to_string(d.site.join("transcripts/hearing.json")).unwrap();
    assert!(
        json().contains("media/hearing.mp3") && json().contains("Ann Lee"),
        "{}",
        json()
    );
    assert!(!d.site.join("transcripts/hearing.media.json").exists());
    std::fs::write(&names, r#"{"SPEAKER_00": "Bob Ray"}"#).unwrap();
    let out = d.build();
    // A small site: its pages list each other, so all are rendered again.
    assert!(stderr(&out).contains("3 converted"), "{}", stderr(&out));
    assert!(json().contains("Bob Ray"), "{}", json());
}
