//! A small blocking W3C WebDriver client on `ureq`, plus the driver process it talks to.
//!
//! [`Engine`] says which browser and driver to use and builds the capabilities for a
//! new session; everything else ([`Driver`], [`Session`], [`Element`]) is plain W3C
//! WebDriver and works with any engine: Chromium (chromedriver), Firefox ESR
//! (geckodriver) and WebKitGTK (WebKitWebDriver driving MiniBrowser), picked with
//! `E2E_BROWSER=chromium|firefox|webkit`.
//!
//! MiniBrowser has no headless mode: for WebKit the driver runs on `$DISPLAY`, or, when
//! there is no display, on a private Xvfb that [`Driver`] starts and stops itself.
//!
//! The browser's own console ([`Session::browser_console`]) is engine-specific: chromedriver
//! serves it at `/se/log` (with `goog:loggingPrefs`); Firefox, with the pref
//! `devtools.console.stdout.content`, prints it to stdout, which geckodriver passes on
//! into its output; WebKitWebDriver has no way to read it (and MiniBrowser ignores
//! `--enable-write-console-messages-to-stdout` in automation mode), so for WebKit it is
//! `None`.

use serde_json::{json, Value};
use std::cell::Cell;
use std::fmt;
use std::fs::{self, File};
use std::io::BufRead;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The W3C key under which an element reference is sent and received.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long a driver may take to answer `/status` with `ready: true`.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a private Xvfb may take to report its display number.
const XVFB_START_TIMEOUT: Duration = Duration::from_secs(10);
/// Session timeouts (W3C `timeouts` capability), so that no command can hang for the
/// drivers' defaults (page load: 300 s).
const PAGE_LOAD_TIMEOUT_MS: u64 = 30_000;
const SCRIPT_TIMEOUT_MS: u64 = 10_000;

/// What can go wrong talking to a driver.
#[derive(Debug)]
pub enum Error {
    /// The driver process could not be started or never became ready.
    Start(String),
    /// The HTTP request itself failed (connection refused, timeout, bad body).
    Http(String),
    /// The driver answered with a WebDriver error (`value.error`).
    WebDriver {
        status: u16,
        error: String,
        message: String,
    },
    /// The driver answered something this client does not understand.
    Protocol(String),
    /// [`poll`] ran out of time.
    Timeout(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Start(message) => write!(f, "could not start the WebDriver driver: {message}"),
            Error::Http(message) => write!(f, "WebDriver HTTP request failed: {message}"),
            Error::WebDriver {
                status,
                error,
                message,
            } => write!(f, "WebDriver error {status} `{error}`: {message}"),
            Error::Protocol(message) => write!(f, "unexpected WebDriver answer: {message}"),
            Error::Timeout(what) => write!(f, "timed out waiting for {what}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<ureq::Error> for Error {
    fn from(error: ureq::Error) -> Self {
        Error::Http(error.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A browser with its WebDriver server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium driven by chromedriver (`CHROMEDRIVER`, default `/usr/bin/chromedriver`;
    /// browser binary from `CHROMIUM_BIN` if set, else chromedriver's default).
    Chromium,
    /// Firefox driven by geckodriver (`GECKODRIVER`, default `geckodriver` on PATH;
    /// browser binary from `FIREFOX_BIN`, default `/usr/bin/firefox-esr`).
    Firefox,
    /// WebKitGTK's MiniBrowser driven by WebKitWebDriver (`WEBKITDRIVER`, default
    /// `/usr/bin/WebKitWebDriver`; browser binary from `WEBKIT_BROWSER` if set, else the
    /// driver's default, MiniBrowser). MiniBrowser has no headless mode: it runs on
    /// `$DISPLAY`, or on a private Xvfb when there is none.
    WebKit,
}

impl Engine {
    /// The engine named by `E2E_BROWSER` (`chromium`, the default; `firefox`; `webkit`).
    pub fn from_env() -> Self {
        match std::env::var("E2E_BROWSER").as_deref() {
            Ok("firefox") => Engine::Firefox,
            Ok("webkit") => Engine::WebKit,
            Ok("chromium") | Ok("") | Err(_) => Engine::Chromium,
            Ok(other) => panic!("E2E_BROWSER={other}: expected chromium, firefox or webkit"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Where [`Session::browser_console`] reads the browser's own console from, or
    /// `None` if this engine offers no way to read it.
    pub fn console_source(self) -> Option<&'static str> {
        match self {
            Engine::Chromium => Some("chromedriver's /se/log (goog:loggingPrefs)"),
            Engine::Firefox => Some("Firefox's stdout (devtools.console.stdout.content)"),
            Engine::WebKit => None,
        }
    }

    /// Whether the browser needs an X display (no headless mode).
    fn needs_display(self) -> bool {
        self == Engine::WebKit
    }

    fn driver_command(self, port: u16) -> Command {
        let env_or = |name: &str, default: &str| std::env::var(name).unwrap_or(default.into());
        let mut command;
        match self {
            Engine::Chromium => {
                command = Command::new(env_or("CHROMEDRIVER", "/usr/bin/chromedriver"));
                command.arg(format!("--port={port}"));
            }
            Engine::Firefox => {
                command = Command::new(env_or("GECKODRIVER", "geckodriver"));
                command.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
            }
            Engine::WebKit => {
                command = Command::new(env_or("WEBKITDRIVER", "/usr/bin/WebKitWebDriver"));
                command.args(["--host=127.0.0.1", &format!("--port={port}")]);
            }
        }
        command
    }

    /// Changes `capabilities` (from [`Engine::capabilities`]) so that pages run no script
    /// of their own, while WebDriver's commands still work: Chromium's
    /// `--blink-settings=scriptEnabled=false`, Firefox's pref `javascript.enabled`,
    /// MiniBrowser's `--enable-javascript=false` (WebDriver's own scripts run apart).
    pub fn disable_javascript(self, capabilities: &mut Value) {
        let push_arg = |list: &mut Value, arg: &str| {
            if let Some(args) = list.as_array_mut() {
                args.push(arg.into());
            }
        };
        match self {
            Engine::Chromium => push_arg(
                &mut capabilities["goog:chromeOptions"]["args"],
                "--blink-settings=scriptEnabled=false",
            ),
            Engine::Firefox => {
                capabilities["moz:firefoxOptions"]["prefs"]["javascript.enabled"] = false.into()
            }
            Engine::WebKit => push_arg(
                &mut capabilities["webkitgtk:browserOptions"]["args"],
                "--enable-javascript=false",
            ),
        }
    }

    /// `capabilities.alwaysMatch` for a new session; `profile` is a fresh, empty
    /// directory the browser may use as its profile.
    pub fn capabilities(self, profile: &Path) -> Value {
        let mut capabilities = self.engine_capabilities(profile);
        capabilities["timeouts"] = json!({
            "pageLoad": PAGE_LOAD_TIMEOUT_MS,
            "script": SCRIPT_TIMEOUT_MS,
            "implicit": 0,
        });
        capabilities
    }

    fn engine_capabilities(self, profile: &Path) -> Value {
        match self {
            Engine::Chromium => {
                let mut options = json!({
                    "args": [
                        // What headless Chromium needs when run as root in a container.
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,900",
                        format!("--user-data-dir={}", profile.display()),
                    ],
                });
                if let Ok(binary) = std::env::var("CHROMIUM_BIN") {
                    options["binary"] = binary.into();
                }
                json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": options,
                    "goog:loggingPrefs": { "browser": "ALL" },
                })
            }
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": std::env::var("FIREFOX_BIN")
                        .unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                    "args": ["-headless", "-profile", profile.display().to_string()],
                    "prefs": {
                        // The page's console (console.*, uncaught errors) on stdout, which
                        // geckodriver copies into its output: see Session::browser_console.
                        "devtools.console.stdout.content": true,
                    },
                },
            }),
            Engine::WebKit => {
                // MiniBrowser keeps its profile in memory in automation mode; `profile`
                // stays unused.
                let mut options = json!({ "args": ["--automation"] });
                if let Ok(binary) = std::env::var("WEBKIT_BROWSER") {
                    options["binary"] = binary.into();
                }
                json!({ "webkitgtk:browserOptions": options })
            }
        }
    }
}

/// A running WebDriver server (chromedriver, geckodriver, ...) on a free loopback port.
/// Killed when dropped (and with it the private Xvfb, if it started one).
pub struct Driver {
    engine: Engine,
    child: Child,
    base: String,
    log_path: PathBuf,
    agent: ureq::Agent,
    // Dropped after `child` is killed (see `Drop for Driver`).
    xvfb: Option<Xvfb>,
}

impl Driver {
    /// Starts the engine's driver and waits until it reports ready. Fails (never skips)
    /// if the driver is missing or does not come up, with the driver's own output.
    pub fn start(engine: Engine) -> Result<Self> {
        let port = free_port().map_err(|e| Error::Start(format!("no free port: {e}")))?;
        let log_path = std::env::temp_dir().join(format!(
            "e2e-{}-driver-{}-{port}.log",
            engine.name(),
            std::process::id()
        ));
        let log = File::create(&log_path)
            .map_err(|e| Error::Start(format!("{}: {e}", log_path.display())))?;
        let log_err = log
            .try_clone()
            .map_err(|e| Error::Start(format!("{}: {e}", log_path.display())))?;
        let mut command = engine.driver_command(port);
        command
            .stdin(Stdio::null())
            .stdout(Stdio::from(log))
            .stderr(Stdio::from(log_err));
        let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()));
        let xvfb = if engine.needs_display() && !has_display {
            let xvfb = Xvfb::start()?;
            command.env("DISPLAY", xvfb.display());
            Some(xvfb)
        } else {
            None
        };
        let child = command.spawn().map_err(|e| {
            let _ = fs::remove_file(&log_path);
            Error::Start(format!("{command:?}: {e}"))
        })?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(90)))
            .build()
            .into();
        let mut driver = Driver {
            engine,
            child,
            base: format!("http://127.0.0.1:{port}"),
            log_path,
            agent,
            xvfb,
        };
        driver.wait_ready()?;
        Ok(driver)
    }

    fn wait_ready(&mut self) -> Result<()> {
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(Error::Start(format!(
                    "the driver exited with {status}; its output:\n{}",
                    self.output()
                )));
            }
            if let Ok(value) = self.request("GET", "/status", None) {
                if value["ready"].as_bool().unwrap_or(false) {
                    return Ok(());
                }
            }
            if Instant::now() > deadline {
                return Err(Error::Start(format!(
                    "the driver was not ready after {DRIVER_START_TIMEOUT:?}; its output:\n{}",
                    self.output()
                )));
            }
            thread::sleep(Duration::from_millis(100));
        }
    }

    /// Everything the driver printed so far (for failure messages).
    pub fn output(&self) -> String {
        fs::read(&self.log_path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }

    /// Where the driver's output ends now, after its last whole line.
    fn output_end(&self) -> usize {
        let output = self.output();
        output.rfind('\n').map_or(0, |i| i + 1)
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Opens a browser: a new session with the engine's capabilities and a fresh profile.
    pub fn new_session(&self) -> Result<Session<'_>> {
        self.new_session_with(|_| {})
    }

    /// A new session whose capabilities `change` adjusts first (e.g.
    /// [`Engine::disable_javascript`], or a `pageLoadStrategy`).
    pub fn new_session_with(&self, change: impl FnOnce(&mut Value)) -> Result<Session<'_>> {
        let profile = fresh_dir(&format!("e2e-{}-profile", self.engine.name()))
            .map_err(|e| Error::Start(format!("profile dir: {e}")))?;
        let mut capabilities = self.engine.capabilities(&profile);
        change(&mut capabilities);
        let body = json!({
            "capabilities": { "alwaysMatch": capabilities }
        });
        let value = self.request("POST", "/session", Some(body)).map_err(|e| {
            let _ = fs::remove_dir_all(&profile);
            Error::Start(format!(
                "new session failed: {e}\ndriver output:\n{}",
                self.output()
            ))
        })?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| Error::Protocol(format!("no sessionId in {value}")))?
            .to_owned();
        Ok(Session {
            driver: self,
            id,
            profile,
            capabilities: value["capabilities"].clone(),
            // The console of this session only: what the browser prints from now on.
            console_offset: Cell::new(self.output_end()),
        })
    }

    /// One WebDriver command; returns the answer's `value`.
    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{path}", self.base);
        let response = match method {
            "GET" => self.agent.get(&url).call()?,
            "DELETE" => self.agent.delete(&url).call()?,
            "POST" => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({})))?,
            _ => unreachable!("unsupported method {method}"),
        };
        let status = response.status().as_u16();
        let text = response.into_body().read_to_string()?;
        let answer: Value = serde_json::from_str(&text)
            .map_err(|e| Error::Protocol(format!("{method} {path} -> {status}: {e}: {text}")))?;
        let value = answer.get("value").cloned().unwrap_or(Value::Null);
        if (200..300).contains(&status) {
            Ok(value)
        } else {
            Err(Error::WebDriver {
                status,
                error: value["error"].as_str().unwrap_or("unknown error").into(),
                message: value["message"].as_str().unwrap_or(&text).into(),
            })
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_file(&self.log_path);
        // The browser (a child of the driver) is gone or going; now its display.
        self.xvfb.take();
    }
}

/// A private X server for a browser without a headless mode. Xvfb picks a free display
/// number itself (`-displayfd`), so parallel tests and other X servers never clash.
/// Killed when dropped.
struct Xvfb {
    child: Child,
    display: String,
}

impl Xvfb {
    fn start() -> Result<Self> {
        let mut child = Command::new(std::env::var("XVFB").unwrap_or_else(|_| "Xvfb".into()))
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                Error::Start(format!(
                    "WebKit needs an X display and there is none ($DISPLAY is unset); \
                     starting Xvfb failed: {e} (install the Debian package xvfb)"
                ))
            })?;
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let number = receiver
            .recv_timeout(XVFB_START_TIMEOUT)
            .ok()
            .map(|line| line.trim().to_owned())
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match number {
            Some(number) => Ok(Xvfb {
                child,
                display: format!(":{number}"),
            }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(Error::Start(format!(
                    "Xvfb did not report a display within {XVFB_START_TIMEOUT:?}"
                )))
            }
        }
    }

    fn display(&self) -> &str {
        &self.display
    }
}

impl Drop for Xvfb {
    /// SIGTERM first, so that Xvfb removes its socket and lock file; SIGKILL if it is
    /// still there after a second.
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill")
            .args(["-TERM", &pid])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(1);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser session. Closed (and its profile deleted) when dropped.
pub struct Session<'d> {
    driver: &'d Driver,
    id: String,
    profile: PathBuf,
    /// What the driver answered to "New Session" (`browserName`, `browserVersion`, ...).
    capabilities: Value,
    /// How much of the driver's output [`Session::browser_console`] has read (Firefox).
    console_offset: Cell<usize>,
}

impl Session<'_> {
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.driver
            .request(method, &format!("/session/{}{path}", self.id), body)
    }

    /// Navigates to `url` and waits for the page load (W3C "Navigate To").
    pub fn goto(&self, url: &str) -> Result<()> {
        self.command("POST", "/url", Some(json!({ "url": url })))?;
        Ok(())
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(self
            .command("GET", "/url", None)?
            .as_str()
            .unwrap_or_default()
            .into())
    }

    /// All elements matching a CSS selector, in document order.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'_>>> {
        let value = self.command(
            "POST",
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        let list = value
            .as_array()
            .ok_or_else(|| Error::Protocol(format!("elements: {value}")))?;
        list.iter().map(|v| self.element(v)).collect()
    }

    /// The first element matching a CSS selector, if any.
    pub fn find(&self, css: &str) -> Result<Option<Element<'_>>> {
        Ok(self.find_all(css)?.into_iter().next())
    }

    /// Polls until an element matches `css`.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element<'_>> {
        poll(timeout, &format!("an element matching `{css}`"), || {
            self.find(css)
        })
    }

    /// Presses keys as the reader does, on whatever has the focus (W3C "Perform
    /// Actions"): each of `chords` is one or more key values (`"\u{E004}"` Tab,
    /// `"\u{E00A}\u{E008}c"` Alt+Shift+C) pressed in order and released in reverse.
    pub fn press(&self, chords: &[&str]) -> Result<()> {
        let mut actions = Vec::new();
        for chord in chords {
            let keys: Vec<String> = chord.chars().map(String::from).collect();
            for key in &keys {
                actions.push(json!({ "type": "keyDown", "value": key }));
            }
            for key in keys.iter().rev() {
                actions.push(json!({ "type": "keyUp", "value": key }));
            }
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.command("POST", "/actions", Some(body))?;
        self.command("DELETE", "/actions", None)?;
        Ok(())
    }

    /// Runs `script` as the body of a function with `args` (W3C "Execute Script").
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    pub fn engine(&self) -> Engine {
        self.driver.engine
    }

    /// The capabilities the driver answered to "New Session".
    pub fn capabilities(&self) -> &Value {
        &self.capabilities
    }

    /// `browserName browserVersion` as the driver reports them.
    pub fn browser(&self) -> String {
        format!(
            "{} {}",
            self.capabilities["browserName"].as_str().unwrap_or("?"),
            self.capabilities["browserVersion"].as_str().unwrap_or("?")
        )
    }

    /// The browser's own console since the last call, or `None` where the engine gives
    /// no access to it (WebKit); see [`Engine::console_source`].
    ///
    /// - Chromium: every entry of chromedriver's browser log (`SEVERE` for uncaught
    ///   exceptions, `console.error` and failed loads; `WARNING`, `INFO`, ...).
    /// - Firefox: the lines Firefox prints to stdout: `JavaScript error: URL, line N:
    ///   message` (uncaught exceptions and unhandled rejections, level `SEVERE`),
    ///   `JavaScript warning: ...` (`WARNING`), and `console.<level>: ...` (level
    ///   `CONSOLE.<LEVEL>`). Firefox's own chrome code prints there too (its
    ///   `JavaScript error:` lines name `resource://` or `chrome://` URLs; its
    ///   `console.error:` lines cannot be told from the page's), so callers filter.
    pub fn browser_console(&self) -> Result<Option<Vec<LogEntry>>> {
        match self.driver.engine {
            Engine::Chromium => {
                let value = self.command("POST", "/se/log", Some(json!({ "type": "browser" })))?;
                let entries = value
                    .as_array()
                    .ok_or_else(|| Error::Protocol(format!("log: {value}")))?;
                Ok(Some(
                    entries
                        .iter()
                        .map(|entry| LogEntry {
                            level: entry["level"].as_str().unwrap_or_default().into(),
                            message: entry["message"].as_str().unwrap_or_default().into(),
                        })
                        .collect(),
                ))
            }
            Engine::Firefox => {
                let output = self.driver.output();
                let start = self.console_offset.get().min(output.len());
                // Only whole lines: a line still being written is read next time.
                let end = output[start..].rfind('\n').map_or(start, |i| start + i + 1);
                self.console_offset.set(end);
                Ok(Some(parse_firefox_console(&output[start..end])))
            }
            Engine::WebKit => Ok(None),
        }
    }

    fn element(&self, value: &Value) -> Result<Element<'_>> {
        let id = value[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| Error::Protocol(format!("not an element: {value}")))?;
        Ok(Element {
            session: self,
            id: id.into(),
        })
    }
}

/// Firefox's stdout console lines (see [`Session::browser_console`]); a message
/// continues on the following lines until the next line that starts a new entry or a
/// driver log line (which starts with a millisecond timestamp).
fn parse_firefox_console(output: &str) -> Vec<LogEntry> {
    let mut entries: Vec<LogEntry> = Vec::new();
    let mut in_entry = false;
    for line in output.lines() {
        let started = if let Some(message) = line.strip_prefix("JavaScript error: ") {
            Some(("SEVERE".to_owned(), message))
        } else if let Some(message) = line.strip_prefix("JavaScript warning: ") {
            Some(("WARNING".to_owned(), message))
        } else if let Some(rest) = line.strip_prefix("console.") {
            rest.split_once(": ").and_then(|(level, message)| {
                level
                    .bytes()
                    .all(|b| b.is_ascii_lowercase())
                    .then(|| (format!("CONSOLE.{}", level.to_ascii_uppercase()), message))
            })
        } else {
            None
        };
        if let Some((level, message)) = started {
            entries.push(LogEntry {
                level,
                message: message.to_owned(),
            });
            in_entry = true;
        } else if line.starts_with(|c: char| c.is_ascii_digit()) || line.is_empty() {
            in_entry = false;
        } else if in_entry {
            let last = entries.last_mut().expect("in an entry");
            last.message.push('\n');
            last.message.push_str(line);
        }
    }
    entries
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = self.command("DELETE", "", None);
        let _ = fs::remove_dir_all(&self.profile);
    }
}

/// A reference to an element in a [`Session`]'s current page.
pub struct Element<'s> {
    session: &'s Session<'s>,
    id: String,
}

impl Element<'_> {
    fn command(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.session
            .command(method, &format!("/element/{}{path}", self.id), body)
    }

    /// The element's rendered text, as a person sees it.
    pub fn text(&self) -> Result<String> {
        Ok(self
            .command("GET", "/text", None)?
            .as_str()
            .unwrap_or_default()
            .into())
    }

    /// An attribute's value, `None` if the element does not have it.
    pub fn attribute(&self, name: &str) -> Result<Option<String>> {
        let value = self.command("GET", &format!("/attribute/{name}"), None)?;
        Ok(value.as_str().map(Into::into))
    }

    /// A DOM property as a string (e.g. an input's current `value`); empty if it is not
    /// a string.
    pub fn property(&self, name: &str) -> Result<String> {
        let value = self.command("GET", &format!("/property/{name}"), None)?;
        Ok(value.as_str().unwrap_or_default().into())
    }

    /// Whether the element is shown (W3C "Is Element Displayed"): not `display: none`,
    /// nor inside something that is.
    pub fn displayed(&self) -> Result<bool> {
        Ok(self.command("GET", "/displayed", None)?.as_bool() == Some(true))
    }

    pub fn click(&self) -> Result<()> {
        self.command("POST", "/click", None)?;
        Ok(())
    }

    /// Types `text` into the element (W3C "Element Send Keys").
    pub fn send_keys(&self, text: &str) -> Result<()> {
        self.command("POST", "/value", Some(json!({ "text": text })))?;
        Ok(())
    }

    /// The element as a script argument for [`Session::execute`].
    pub fn as_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }
}

/// One browser console message.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO`, ... (Firefox's `console.*` lines: `CONSOLE.ERROR`,
    /// `CONSOLE.WARN`, ...).
    pub level: String,
    pub message: String,
}

/// Calls `check` every 100 ms until it returns `Some`, for at most `timeout`.
pub fn poll<T>(
    timeout: Duration,
    what: &str,
    mut check: impl FnMut() -> Result<Option<T>>,
) -> Result<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(found) = check()? {
            return Ok(found);
        }
        if Instant::now() >= deadline {
            return Err(Error::Timeout(format!("{what} ({timeout:?})")));
        }
        thread::sleep(Duration::from_millis(100));
    }
}

/// A port that was free a moment ago (the driver binds it right after).
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

/// A new empty directory under the system temp dir.
pub fn fresh_dir(prefix: &str) -> std::io::Result<PathBuf> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
    fs::create_dir_all(&dir)?;
    Ok(dir)
}
