//! The end-to-end checks that need no browser: what `dist/` holds and how the suite's
//! server serves it. They do not depend on `E2E_BROWSER`; `tools/test.sh` runs them once
//! (`cargo test --features e2e --test e2e -- site::`).

use super::{dist_dir, get, TestResult, REFERENCE_ID};
use crate::hostile::CSP;
use crate::server::{insert_in_head, StaticServer};
use crate::webdriver;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};
use transcript_viewer::components::parse_catalog;
use transcript_viewer::model::Transcript;

#[test]
fn catalog_is_served_with_the_reference_first() -> TestResult {
    let server = StaticServer::start(&dist_dir())?;

    let (status, content_type, body) = get(&server.url("/transcripts/index.json"))?;
    assert_eq!(status, 200, "/transcripts/index.json");
    assert_eq!(content_type, "application/json");
    let catalog: Value = serde_json::from_slice(&body)?;
    let entries = catalog["transcripts"]
        .as_array()
        .ok_or_else(|| format!("index.json has no `transcripts` array: {catalog}"))?;
    assert_eq!(
        entries.first().and_then(|e| e["id"].as_str()),
        Some(REFERENCE_ID),
        "first catalog entry: {catalog}"
    );

    let (status, content_type, body) =
        get(&server.url(&format!("/transcripts/{REFERENCE_ID}.json")))?;
    assert_eq!(status, 200, "/transcripts/{REFERENCE_ID}.json");
    assert_eq!(content_type, "application/json");
    serde_json::from_slice::<Value>(&body)?;
    Ok(())
}

#[test]
fn dist_has_the_app_and_serves_wasm_as_wasm() -> TestResult {
    let dist = dist_dir();
    let server = StaticServer::start(&dist)?;
    let files: Vec<String> = std::fs::read_dir(&dist)?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    for extension in [".wasm", ".js", ".css"] {
        assert!(
            files.iter().any(|f| f.ends_with(extension)),
            "no *{extension} in {}: {files:?}",
            dist.display()
        );
    }
    let wasm = files.iter().find(|f| f.ends_with(".wasm")).unwrap();
    let (status, content_type, body) = get(&server.url(&format!("/{wasm}")))?;
    assert_eq!((status, content_type.as_str()), (200, "application/wasm"));
    assert_eq!(&body[..4], b"\0asm");
    Ok(())
}

/// The server on a scratch directory: MIME types, 404, HEAD, no way out of the root.
#[test]
fn static_server_types_misses_and_traversal() -> TestResult {
    let base = webdriver::fresh_dir("e2e-server")?;
    let root = base.join("site");
    std::fs::create_dir_all(root.join("sub"))?;
    std::fs::write(base.join("secret.txt"), "outside")?;
    for (name, contents) in [
        ("index.html", "<p>home</p>"),
        ("app.js", "export {}"),
        ("app.wasm", "\0asm"),
        ("app.css", "p{}"),
        ("sub/data.json", "{}"),
        ("sub/index.html", "<p>sub</p>"),
        ("with space.txt", "spaced"),
    ] {
        std::fs::write(root.join(name), contents)?;
    }
    let server = StaticServer::start(&root)?;

    for (path, status, content_type, body) in [
        ("/", 200, "text/html; charset=utf-8", "<p>home</p>"),
        (
            "/index.html?t=x#y",
            200,
            "text/html; charset=utf-8",
            "<p>home</p>",
        ),
        (
            "/app.js",
            200,
            "text/javascript; charset=utf-8",
            "export {}",
        ),
        ("/app.wasm", 200, "application/wasm", "\0asm"),
        ("/app.css", 200, "text/css; charset=utf-8", "p{}"),
        ("/sub/data.json", 200, "application/json", "{}"),
        ("/sub/", 200, "text/html; charset=utf-8", "<p>sub</p>"),
        (
            "/with%20space.txt",
            200,
            "text/plain; charset=utf-8",
            "spaced",
        ),
        ("/missing.js", 404, "text/plain; charset=utf-8", "Not Found"),
        (
            "/%2e%2e/secret.txt",
            404,
            "text/plain; charset=utf-8",
            "Not Found",
        ),
    ] {
        let (got_status, got_type, got_body) = get(&server.url(path))?;
        assert_eq!(
            (got_status, got_type.as_str(), got_body.as_slice()),
            (status, content_type, body.as_bytes()),
            "GET {path}"
        );
    }

    // Raw requests, so no client normalizes the path first.
    for target in [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/..%2fsecret.txt",
    ] {
        let answer = raw_request(&server, &format!("GET {target} HTTP/1.0\r\n\r\n"))?;
        assert!(answer.starts_with("HTTP/1.1 404"), "GET {target}: {answer}");
        assert!(
            !answer.contains("outside"),
            "GET {target} escaped: {answer}"
        );
    }
    let answer = raw_request(&server, "HEAD /app.css HTTP/1.0\r\n\r\n")?;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("Content-Length: 3\r\n"), "{answer}");
    assert!(answer.ends_with("\r\n\r\n"), "HEAD sent a body: {answer}");
    let answer = raw_request(&server, "POST / HTTP/1.0\r\n\r\n")?;
    assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");

    drop(server);
    std::fs::remove_dir_all(base)?;
    Ok(())
}

/// The browser tests' additions: a snippet at the start of every HTML page's `<head>`
/// (nowhere else), and a record of every request not answered with 200.
#[test]
fn static_server_inserts_into_head_and_records_failures() -> TestResult {
    assert_eq!(
        insert_in_head(
            b"<!doctype html><html><HEAD lang=x><title>t</title>".to_vec(),
            "<s>"
        ),
        b"<!doctype html><html><HEAD lang=x><s><title>t</title>"
    );
    assert_eq!(
        insert_in_head(b"<header>no head</header>".to_vec(), "<s>"),
        b"<header>no head</header>",
        "<header> is not <head>"
    );
    assert_eq!(insert_in_head(b"<p>".to_vec(), "<s>"), b"<p>");
    // A minified page without a <head> tag: after <html …>.
    assert_eq!(
        insert_in_head(
            b"<!doctype html><html lang=en><meta charset=utf-8>".to_vec(),
            "<s>"
        ),
        b"<!doctype html><html lang=en><s><meta charset=utf-8>"
    );
    assert_eq!(
        insert_in_head(b"<html><HEAD><title>".to_vec(), "<s>"),
        b"<html><HEAD><s><title>",
        "<head> first"
    );
    assert_eq!(
        insert_in_head(b"<htmlx><p>".to_vec(), "<s>"),
        b"<htmlx><p>",
        "not an <html> tag"
    );

    let base = webdriver::fresh_dir("e2e-server-head")?;
    std::fs::write(
        base.join("index.html"),
        "<html><head>\n<title>t</title></head></html>",
    )?;
    std::fs::write(base.join("app.js"), "// <head>")?;
    let server = StaticServer::start_with_head(&base, "<script>probe</script>")?;
    for (path, body) in [
        (
            "/",
            "<html><head><script>probe</script>\n<title>t</title></head></html>",
        ),
        ("/app.js", "// <head>"),
    ] {
        let (status, _, got) = get(&server.url(path))?;
        assert_eq!(
            (status, String::from_utf8(got)?.as_str()),
            (200, body),
            "GET {path}"
        );
    }
    assert_eq!(server.failures(), Vec::<String>::new());
    get(&server.url("/missing.png?x=1"))?;
    raw_request(&server, "POST /app.js HTTP/1.0\r\n\r\n")?;
    assert_eq!(
        server.failures(),
        ["404 GET /missing.png?x=1", "405 POST /app.js"]
    );

    drop(server);
    std::fs::remove_dir_all(base)?;
    Ok(())
}

fn raw_request(server: &StaticServer, request: &str) -> std::io::Result<String> {
    let address = server.url("").trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer)
}

/// The policy in `dist/`'s pages (the pre-rendered ones too) is exactly [`CSP`], and no
/// page has an inline script (a page's data is a `<script type="application/json">`,
/// which is never run).
#[test]
fn the_pages_declare_the_policy_and_have_no_inline_script() -> TestResult {
    let mut pages = vec!["index.html".to_string(), "embed.html".to_string()];
    for entry in std::fs::read_dir(dist_dir())? {
        let dir = entry?.path();
        if dir.join("index.html").is_file() {
            let name = dir.file_name().unwrap_or_default().to_string_lossy();
            pages.push(format!("{name}/index.html"));
        }
    }
    assert!(pages.len() > 2, "no pre-rendered transcript pages in dist/");
    for page in &pages {
        let html = std::fs::read_to_string(dist_dir().join(page))?;
        let declared: Vec<&str> = html
            .split("http-equiv=\"Content-Security-Policy\"")
            .skip(1)
            .filter_map(|rest| rest.split("content=\"").nth(1)?.split('"').next())
            .collect();
        assert_eq!(declared, [CSP], "{page}");
        for tag in html.split("<script").skip(1) {
            let open_tag = tag.split('>').next().unwrap_or_default();
            assert!(
                open_tag.contains(" src=") || open_tag.contains("type=\"application/json\""),
                "{page} has an inline <script{open_tag}>"
            );
        }
    }
    Ok(())
}

/// Text as Yew's server renderer writes it into HTML.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The pre-rendered pages of the site in `dist` (served at `prefix`, e.g. `/talks`):
/// the home page with the first transcript and `<id>/` for each, as served HTML holding
/// the whole transcript (title, `lang`, heading, dates, summary, every turn's speaker
/// and paragraphs), the page's data, and links that stay under `prefix`. Read as raw
/// HTML, without a browser: what a reader without JavaScript, or a search engine, gets.
fn assert_prerendered(dist: &Path, prefix: &str) -> TestResult {
    let server = StaticServer::start(dist.parent().filter(|_| !prefix.is_empty()).unwrap_or(dist))?;
    let catalog = parse_catalog(&std::fs::read_to_string(
        dist.join("transcripts/index.json"),
    )?)
    .map_err(|e| e.to_string())?;
    let mut pages = vec![(String::new(), &catalog.transcripts[0])];
    pages.extend(
        catalog
            .transcripts
            .iter()
            .map(|e| (format!("{}/", e.id), e)),
    );
    for (path, entry) in pages {
        let url = format!("{prefix}/{path}");
        let (status, content_type, body) = get(&server.url(&url))?;
        assert_eq!(
            (status, content_type.as_str()),
            (200, "text/html; charset=utf-8"),
            "{url}"
        );
        let html = String::from_utf8(body)?;
        let json = std::fs::read_to_string(dist.join(format!("transcripts/{}.json", entry.id)))?;
        let t = Transcript::from_json(&json)?;
        let title = escape_text(&t.title).replace('\'', "&#39;");
        let has = |needle: &str| html.contains(needle);
        for needle in [
            format!("<html lang=\"{}\"", t.lang),
            format!(
                "<title>{title}{}</title>",
                transcript_viewer::Labels::for_lang(&t.lang).site_title_suffix
            ),
            format!(">{}</h1>", escape_text(&t.title)),
            format!("href=\"{path}#title\""),
            "<script type=\"application/json\" data-transcript-viewer-catalog>".into(),
            format!("data-transcript-viewer-page data-path=\"{path}\""),
        ] {
            assert!(has(&needle), "{url}: no {needle:?}");
        }
        // trunk's <base>, minified or not.
        let base = [
            format!("<base href=\"{prefix}/\""),
            format!("<base href={prefix}/>"),
        ];
        assert!(base.iter().any(|b| has(b)), "{url}: no {base:?}");
        if let Some(date) = &t.date {
            assert!(
                has(&format!("<time datetime=\"{date}\">")),
                "{url}: no date"
            );
        }
        for (i, p) in t.summary.iter().enumerate() {
            let needle = format!(
                "<p id=\"summary-{}\" dir=\"auto\">{}</p>",
                i + 1,
                escape_text(p)
            );
            assert!(has(&needle), "{url}: no {needle:?}");
        }
        assert_eq!(
            html.matches("<section id=\"t").count(),
            t.turns.len(),
            "{url}: turns"
        );
        for turn in &t.turns {
            if let Some(speaker) = turn.speaker.as_deref().and_then(|id| t.speaker(id)) {
                let needle = format!(
                    "<span dir=\"auto\" class=\"tv-speaker-name\">{}</span>",
                    escape_text(&speaker.name)
                );
                assert!(has(&needle), "{url}: {}: no {needle:?}", turn.id);
            }
            for (i, p) in turn.paragraphs.iter().enumerate() {
                let needle = format!(
                    "<p id=\"{}-p{}\" dir=\"auto\">{}</p>",
                    turn.id,
                    i + 1,
                    escape_text(p)
                );
                assert!(has(&needle), "{url}: no {needle:?}");
            }
        }
        for other in &catalog.transcripts {
            assert!(
                has(&format!("<a href=\"{}/\"", other.id)),
                "{url}: no link to {}",
                other.id
            );
        }
        // Scripts and styles from under the prefix only; the data never ends its element.
        assert!(
            !html.contains("href=/transcript") || prefix.is_empty(),
            "{url}"
        );
        assert_eq!(
            html.matches("</script>").count(),
            3,
            "{url}: the module and 2 data scripts"
        );
    }
    Ok(())
}

#[test]
fn every_transcript_has_a_prerendered_page() -> TestResult {
    assert_prerendered(&dist_dir(), "")
}

/// The same for the sub-path build (`tools/test.sh` builds it, see
/// `the_site_works_under_a_sub_path`).
#[test]
fn the_sub_path_build_has_prerendered_pages_too() -> TestResult {
    let root = std::env::var("E2E_SUBPATH_ROOT").unwrap_or_else(|_| "target/dist-subpath".into());
    let dist = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(root)
        .join("talks");
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html",
        dist.display()
    );
    assert_prerendered(&dist, "/talks")
}

/// A held path is answered only once released; other paths meanwhile are not held.
#[test]
fn static_server_holds_a_path_until_released() -> TestResult {
    let base = webdriver::fresh_dir("e2e-server-hold")?;
    std::fs::write(base.join("slow.txt"), "slow")?;
    std::fs::write(base.join("fast.txt"), "fast")?;
    let server = StaticServer::start(&base)?;
    let hold = server.hold("/slow.txt");
    let url = server.url("/slow.txt?v=1");
    let started = Instant::now();
    let request = std::thread::spawn(move || get(&url).map(|(status, _, body)| (status, body)));
    assert!(
        hold.wait_for_request(Duration::from_secs(10)),
        "the request arrived"
    );
    let (status, _, body) = get(&server.url("/fast.txt"))?;
    assert_eq!((status, body.as_slice()), (200, b"fast".as_slice()));
    std::thread::sleep(Duration::from_millis(300));
    assert!(!request.is_finished(), "answered while held");
    hold.release();
    let (status, body) = request.join().expect("no panic")?;
    assert_eq!((status, body.as_slice()), (200, b"slow".as_slice()));
    assert!(started.elapsed() >= Duration::from_millis(300));
    drop(server);
    std::fs::remove_dir_all(base)?;
    Ok(())
}
