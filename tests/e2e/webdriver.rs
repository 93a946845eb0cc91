//! A small blocking W3C WebDriver client on `ureq`, plus the driver process it talks to.
//!
//! [`Engine`] says which browser and driver to use and builds the capabilities for a
//! new session; everything else ([`Driver`], [`Session`], [`Element`]) is plain W3C
//! WebDriver and works with any engine. Chromium (chromedriver) is what the suite runs;
//! Firefox (geckodriver) and WebKitGTK (WebKitWebDriver) plug in through
//! `E2E_BROWSER=firefox|webkit` (WebKit needs a display: `xvfb-run -a`). Reading the browser console ([`Session::browser_log`])
//! is a chromedriver extension (`goog:loggingPrefs` + `/se/log`), so Chromium only.

use serde_json::{json, Value};
use std::fmt;
use std::fs::{self, File};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The W3C key under which an element reference is sent and received.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long a driver may take to answer `/status` with `ready: true`.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

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
    /// `/usr/bin/WebKitWebDriver`; browser from `WEBKIT_BROWSER`). MiniBrowser has no
    /// headless mode: run under a display, e.g. `xvfb-run -a cargo test ...`.
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

    /// Whether [`Session::browser_log`] works (chromedriver only).
    pub fn has_browser_log(self) -> bool {
        self == Engine::Chromium
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

    /// `capabilities.alwaysMatch` for a new session; `profile` is a fresh, empty
    /// directory the browser may use as its profile.
    pub fn capabilities(self, profile: &Path) -> Value {
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
                },
            }),
            Engine::WebKit => json!({
                "webkitgtk:browserOptions": {
                    "binary": std::env::var("WEBKIT_BROWSER").unwrap_or_else(|_| {
                        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into()
                    }),
                    "args": ["--automation"],
                },
            }),
        }
    }
}

/// A running WebDriver server (chromedriver, geckodriver, ...) on a free loopback port.
/// Killed when dropped.
pub struct Driver {
    engine: Engine,
    child: Child,
    base: String,
    log_path: PathBuf,
    agent: ureq::Agent,
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
        fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Opens a browser: a new session with the engine's capabilities and a fresh profile.
    pub fn new_session(&self) -> Result<Session<'_>> {
        let profile = fresh_dir(&format!("e2e-{}-profile", self.engine.name()))
            .map_err(|e| Error::Start(format!("profile dir: {e}")))?;
        let body = json!({
            "capabilities": { "alwaysMatch": self.engine.capabilities(&profile) }
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
    }
}

/// One browser session. Closed (and its profile deleted) when dropped.
pub struct Session<'d> {
    driver: &'d Driver,
    id: String,
    profile: PathBuf,
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

    /// Runs `script` as the body of a function with `args` (W3C "Execute Script").
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// The browser console since the last call (chromedriver only: needs the
    /// `goog:loggingPrefs` capability that [`Engine::Chromium`] sets).
    pub fn browser_log(&self) -> Result<Vec<LogEntry>> {
        let value = self.command("POST", "/se/log", Some(json!({ "type": "browser" })))?;
        let entries = value
            .as_array()
            .ok_or_else(|| Error::Protocol(format!("log: {value}")))?;
        Ok(entries
            .iter()
            .map(|entry| LogEntry {
                level: entry["level"].as_str().unwrap_or_default().into(),
                message: entry["message"].as_str().unwrap_or_default().into(),
            })
            .collect())
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
    /// `SEVERE`, `WARNING`, `INFO`, ...
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
