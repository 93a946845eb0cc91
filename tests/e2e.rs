//! End-to-end suite: the release build in `dist/` (env `E2E_DIST`, default `dist`),
//! served by a tiny static server ([`server`]) and driven in a real browser over W3C
//! WebDriver ([`webdriver`]; Chromium via chromedriver unless `E2E_BROWSER` says
//! otherwise).
//!
//! Built only with `--features e2e`. Run it after the release build:
//!
//! ```sh
//! trunk build --release && cargo test --features e2e --test e2e
//! ```
//!
//! (`bash tools/test.sh build e2e` does both.) It fails, never skips, when `dist/` is
//! missing or the driver cannot start.

#[path = "e2e/server.rs"]
mod server;
// A client library: not every command is used by every test.
#[allow(dead_code)]
#[path = "e2e/webdriver.rs"]
mod webdriver;

use serde_json::Value;
use server::StaticServer;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;
use webdriver::{Driver, Engine};

/// The reference transcript: first in the catalog, shown by default.
const REFERENCE_ID: &str = "russian-belarusian-talks-2022-02-18";
/// Upper bound for the app to load, fetch and render.
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The trunk build to test; panics with what to do if it is not there.
fn dist_dir() -> PathBuf {
    let dist = std::env::var("E2E_DIST").unwrap_or_else(|_| "dist".into());
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join(dist);
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the app first with `trunk build --release` \
         (or run `bash tools/test.sh build e2e`)",
        dist.display()
    );
    dist
}

fn http() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// GET `url`: (status, content type, body).
fn get(url: &str) -> Result<(u16, String, Vec<u8>), ureq::Error> {
    let response = http().get(url).call()?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response
        .into_body()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()?;
    Ok((status, content_type, body))
}

#[test]
fn viewer_renders_the_reference_transcript() -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let engine = Engine::from_env();
    let driver = Driver::start(engine).unwrap_or_else(|e| panic!("{e}"));
    let session = driver.new_session().unwrap_or_else(|e| panic!("{e}"));
    session.goto(&server.url("/"))?;

    let heading = session
        .wait_for("article.tv-transcript h1", RENDER_TIMEOUT)
        .map_err(|e| {
            let body = session
                .execute("return document.body.outerHTML;", vec![])
                .unwrap_or_default();
            format!("{e}\npage body:\n{}", body.as_str().unwrap_or_default())
        })?;
    assert_eq!(heading.text()?, "Russian-Belarusian talks");

    assert!(
        session.find(r#"time[datetime="2022-02-18"]"#)?.is_some(),
        r#"no <time datetime="2022-02-18">"#
    );

    let speakers = session
        .find_all("section.tv-turn")?
        .iter()
        .map(|turn| Ok(turn.attribute("data-speaker")?.unwrap_or_default()))
        .collect::<webdriver::Result<Vec<_>>>()?;
    assert_eq!(
        speakers,
        [
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
        ],
        "the turns' data-speaker, in order"
    );

    let names = session
        .find_all(".tv-speaker-name")?
        .iter()
        .map(|name| name.text())
        .collect::<webdriver::Result<Vec<_>>>()?;
    for expected in ["Vladimir Putin", "Alexander Lukashenko"] {
        assert!(
            names.iter().any(|name| name.contains(expected)),
            "no .tv-speaker-name shows {expected:?}; shown: {names:?}"
        );
    }

    let source = session
        .find(".tv-source")?
        .ok_or("no .tv-source in the page")?
        .text()?;
    assert!(
        source.contains("kremlin.ru"),
        ".tv-source does not credit kremlin.ru: {source:?}"
    );

    // Console errors: only chromedriver exposes the browser console (goog:loggingPrefs +
    // /se/log); other engines skip this check.
    if engine.has_browser_log() {
        let severe: Vec<_> = session
            .browser_log()?
            .into_iter()
            .filter(|entry| entry.level == "SEVERE")
            // The browser's own favicon request is not the page's doing.
            .filter(|entry| !entry.message.contains("/favicon.ico"))
            .collect();
        assert!(severe.is_empty(), "console errors: {severe:#?}");
    }
    Ok(())
}

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

fn raw_request(server: &StaticServer, request: &str) -> std::io::Result<String> {
    let address = server.url("").trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request.as_bytes())?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer)
}
