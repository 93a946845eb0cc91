//! A tiny static file server for the end-to-end suite: serves one directory (the trunk
//! build in `dist/`) on `127.0.0.1:<free port>`, one thread per connection, `GET` and
//! `HEAD` only. Correct `Content-Type` for what trunk emits (`application/wasm` matters:
//! browsers refuse to stream-compile wasm served as anything else), `404` for anything
//! missing, and no way out of the served directory. Stops when dropped.
//!
//! For the browser tests it can also add a snippet at the start of every HTML page's
//! `<head>` ([`StaticServer::start_with_head`]; the suite's page probe), and it keeps
//! every request it could not answer with `200` ([`StaticServer::failures`]): what a page
//! asked for and did not get, seen from the server, the same in every browser. And it
//! can hold back the answers for one path until the test lets them go
//! ([`StaticServer::hold`]), e.g. the Wasm, to look at a page before its script runs.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Longest request head (request line + headers) we read before giving up.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// A running server. Dropping it stops accepting connections and joins the accept thread.
pub struct StaticServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    accept_thread: Option<JoinHandle<()>>,
    failures: Arc<Mutex<Vec<String>>>,
    held: Arc<Held>,
}

/// The paths whose answers wait ([`StaticServer::hold`]) and how many requests for them
/// are waiting.
#[derive(Default)]
struct Held {
    state: Mutex<HeldState>,
    changed: Condvar,
}

#[derive(Default)]
struct HeldState {
    paths: Vec<String>,
    waiting: usize,
}

impl Held {
    fn lock(&self) -> std::sync::MutexGuard<'_, HeldState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Blocks while `path` is held (at most a minute, so no connection hangs forever).
    fn pass(&self, path: &str) {
        let mut state = self.lock();
        if !state.paths.iter().any(|p| p == path) {
            return;
        }
        state.waiting += 1;
        self.changed.notify_all();
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, Duration::from_secs(60), |s| {
                s.paths.iter().any(|p| p == path)
            })
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.waiting -= 1;
    }
}

/// Answers for one path held back until this is released or dropped.
pub struct Hold {
    held: Arc<Held>,
    path: String,
}

impl Hold {
    /// Waits until a request for the held path is waiting; false after `timeout`.
    pub fn wait_for_request(&self, timeout: Duration) -> bool {
        let state = self.held.lock();
        let (state, _) = self
            .held
            .changed
            .wait_timeout_while(state, timeout, |s| s.waiting == 0)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.waiting > 0
    }

    /// Lets the held requests (and later ones) be answered.
    pub fn release(self) {}
}

impl Drop for Hold {
    fn drop(&mut self) {
        self.held.lock().paths.retain(|p| p != &self.path);
        self.held.changed.notify_all();
    }
}

/// What every connection needs to answer.
struct Site {
    root: PathBuf,
    held: Arc<Held>,
    /// Inserted right after the `<head ...>` tag of every HTML file served.
    head: Option<String>,
    /// `"<status> <method> <target>"` of every answer other than 200.
    failures: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    /// Serves `root` on a free loopback port.
    pub fn start(root: &Path) -> io::Result<Self> {
        Self::serve(root, None)
    }

    /// Serves `root`, with `head` inserted right after the `<head>` tag of every HTML
    /// file (before anything else in it, so a script there runs before the page's own).
    /// A page without a `<head>` tag is served unchanged.
    pub fn start_with_head(root: &Path, head: &str) -> io::Result<Self> {
        Self::serve(root, Some(head.to_owned()))
    }

    /// Holds back the answers to requests for `path` (e.g. `/transcript-viewer_bg.wasm`,
    /// the query string not counted) until the returned [`Hold`] is released or dropped.
    pub fn hold(&self, path: &str) -> Hold {
        self.held.lock().paths.push(path.to_owned());
        Hold {
            held: Arc::clone(&self.held),
            path: path.to_owned(),
        }
    }

    /// Every request answered with something other than `200` so far, in order, as
    /// `"404 GET /missing.js"`.
    pub fn failures(&self) -> Vec<String> {
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn serve(root: &Path, head: Option<String>) -> io::Result<Self> {
        let failures = Arc::new(Mutex::new(Vec::new()));
        let held = Arc::new(Held::default());
        let site = Arc::new(Site {
            root: root.canonicalize()?,
            held: Arc::clone(&held),
            head,
            failures: Arc::clone(&failures),
        });
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let accept_thread = {
            let stop = Arc::clone(&stop);
            thread::Builder::new()
                .name("e2e-static-server".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        let Ok(stream) = stream else { continue };
                        let site = Arc::clone(&site);
                        let _ = thread::Builder::new().name("e2e-static-conn".into()).spawn(
                            move || {
                                let _ = handle_connection(stream, &site);
                            },
                        );
                    }
                })?
        };
        Ok(Self {
            addr,
            stop,
            accept_thread: Some(accept_thread),
            failures,
            held,
        })
    }

    /// `http://127.0.0.1:<port>` followed by `path` (which should start with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the blocking accept() so the thread sees the flag.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(thread) = self.accept_thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers requests on one connection until the client closes it (keep-alive).
fn handle_connection(stream: TcpStream, site: &Site) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let Some(head) = read_head(&mut reader)? else {
            return Ok(());
        };
        let mut parts = head.lines().next().unwrap_or_default().split_whitespace();
        let (method, target, version) = (parts.next(), parts.next(), parts.next());
        let close = version != Some("HTTP/1.1")
            || head.lines().skip(1).any(|line| {
                let line = line.to_ascii_lowercase();
                line.starts_with("connection:") && line.contains("close")
            });
        let response = match (method, target) {
            (Some(method @ ("GET" | "HEAD")), Some(target)) => {
                site.held
                    .pass(target.split(['?', '#']).next().unwrap_or_default());
                let range = head.lines().skip(1).find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.trim()
                        .eq_ignore_ascii_case("range")
                        .then(|| value.trim().to_string())
                });
                respond_file(site, target, method == "HEAD").ranged(range.as_deref())
            }
            (Some(_), Some(_)) => Response::text(405, "Method Not Allowed"),
            _ => Response::text(400, "Bad Request"),
        };
        if response.status != 200 && response.status != 206 {
            site.failures
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .push(format!(
                    "{} {} {}",
                    response.status,
                    method.unwrap_or("-"),
                    target.unwrap_or("-")
                ));
        }
        response.write_to(&mut writer, close)?;
        if close {
            let _ = writer.shutdown(Shutdown::Both);
            return Ok(());
        }
    }
}

/// Reads up to the blank line that ends a request head; `None` at a clean end of stream.
fn read_head(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return if head.is_empty() {
                Ok(None)
            } else {
                Err(io::ErrorKind::UnexpectedEof.into())
            };
        }
        if line == "\r\n" || line == "\n" {
            if head.is_empty() {
                continue; // tolerate stray blank lines between requests
            }
            return Ok(Some(head));
        }
        head.push_str(&line);
        if head.len() > MAX_HEAD_BYTES {
            return Err(io::ErrorKind::InvalidData.into());
        }
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    head_only: bool,
    /// For a 206: `bytes a-b/total`.
    content_range: Option<String>,
}

impl Response {
    /// This response cut to a `Range: bytes=a-b` request (one range, as media elements
    /// ask: they seek in a recording by byte ranges, and Firefox and WebKit cannot seek
    /// in a file served without them); a range past the end is a 416.
    fn ranged(mut self, range: Option<&str>) -> Self {
        let Some(spec) = range.and_then(|r| r.strip_prefix("bytes=")) else {
            return self;
        };
        if self.status != 200 || spec.contains(',') {
            return self;
        }
        let total = self.body.len();
        let Some((a, b)) = spec.split_once('-') else {
            return self;
        };
        let (start, end) = match (a.trim().parse::<usize>(), b.trim().parse::<usize>()) {
            (Ok(a), Ok(b)) => (a, b.min(total.saturating_sub(1))),
            (Ok(a), Err(_)) if b.trim().is_empty() => (a, total.saturating_sub(1)),
            (Err(_), Ok(n)) if a.trim().is_empty() => {
                (total.saturating_sub(n), total.saturating_sub(1))
            }
            _ => return self,
        };
        if start >= total || start > end {
            let mut r = Response::text(416, "Range Not Satisfiable");
            r.content_range = Some(format!("bytes */{total}"));
            return r;
        }
        self.body = self.body[start..=end].to_vec();
        self.status = 206;
        self.content_range = Some(format!("bytes {start}-{end}/{total}"));
        self
    }

    fn text(status: u16, body: &str) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
            head_only: false,
            content_range: None,
        }
    }

    fn write_to(&self, out: &mut impl Write, close: bool) -> io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            206 => "Partial Content",
            416 => "Range Not Satisfiable",
            400 => "Bad Request",
            404 => "Not Found",
            405 => "Method Not Allowed",
            _ => "Error",
        };
        let range = match &self.content_range {
            Some(r) => format!("Content-Range: {r}\r\n"),
            None => String::new(),
        };
        write!(
            out,
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
             Accept-Ranges: bytes\r\n{range}Cache-Control: no-store\r\nConnection: {}\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len(),
            if close { "close" } else { "keep-alive" },
        )?;
        if !self.head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

fn respond_file(site: &Site, target: &str, head_only: bool) -> Response {
    let root = &site.root;
    let not_found = || Response::text(404, "Not Found");
    let Some(relative) = request_path(target) else {
        return not_found();
    };
    let mut path = root.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    // Belt and braces: after resolving symlinks the file must still be under root.
    let Ok(path) = path.canonicalize() else {
        return not_found();
    };
    if !path.starts_with(root) || !path.is_file() {
        return not_found();
    }
    let content_type = content_type(&path);
    match fs::read(&path) {
        Ok(body) => Response {
            status: 200,
            content_type,
            body: match &site.head {
                Some(head) if content_type.starts_with("text/html") => insert_in_head(body, head),
                _ => body,
            },
            head_only,
            content_range: None,
        },
        Err(_) => not_found(),
    }
}

/// `html` with `snippet` right after its first `<head>` or `<head ...>` tag (ASCII case
/// insensitive), or where a minified page leaves the `<head>` tag out, right after its
/// `<html …>` tag (the parser puts what follows into the implied head); unchanged if it
/// has neither.
pub fn insert_in_head(mut html: Vec<u8>, snippet: &str) -> Vec<u8> {
    let lower = html.to_ascii_lowercase();
    let after_tag = |name: &[u8]| {
        lower
            .windows(name.len())
            .enumerate()
            .find_map(|(at, window)| {
                let after = *lower.get(at + name.len())?;
                (window == name && (after == b'>' || after.is_ascii_whitespace()))
                    .then(|| {
                        lower[at..]
                            .iter()
                            .position(|&b| b == b'>')
                            .map(|end| at + end + 1)
                    })
                    .flatten()
            })
    };
    if let Some(end) = after_tag(b"<head").or_else(|| after_tag(b"<html")) {
        html.splice(end..end, snippet.bytes());
    }
    html
}

/// The request target's path as a relative file path: query and fragment dropped,
/// percent-decoded, and `None` if any segment would leave the root (`..`, an absolute
/// or drive prefix, a NUL or a backslash).
pub fn request_path(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut relative = PathBuf::new();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(segment) => relative.push(segment),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(relative)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        Some("wav") => "audio/wav",
        Some("ogg" | "oga") => "audio/ogg",
        Some("mp3") => "audio/mpeg",
        Some("mp4" | "m4v") => "video/mp4",
        Some("webm") => "video/webm",
        Some("vtt") => "text/vtt; charset=utf-8",
        _ => "application/octet-stream",
    }
}
