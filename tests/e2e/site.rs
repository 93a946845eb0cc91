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
use std::time::Duration;

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

/// The policy in `dist/`'s pages is exactly [`CSP`], and no page has an inline script.
#[test]
fn the_pages_declare_the_policy_and_have_no_inline_script() -> TestResult {
    for page in ["index.html", "embed.html"] {
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
                open_tag.contains(" src="),
                "{page} has an inline <script{open_tag}>"
            );
        }
    }
    Ok(())
}
