//! Media sync, end to end, in the engine `E2E_BROWSER` names: a WebVTT file with voices
//! goes through the real converter (`transcript2json --media tone.wav`), a WAV of known
//! length is made here, and the built viewer, on host pages under the site's strict
//! Content-Security-Policy (plus `media-src 'self'`), follows it. Playback is started by
//! real WebDriver clicks (a reader's gesture, which every engine requires), muted (the
//! machines have no sound device).

use super::*;
use serde_json::json;

#[path = "../support/wav.rs"]
mod wav;

/// A hearing of three turns over nine seconds, with voices, a note and a cue setting.
const HEARING_VTT: &str = "WEBVTT

NOTE A hearing timed for the end-to-end suite.

00:00.500 --> 00:02.000 align:start
<v Ann Lee>Good morning, everyone.</v>

00:02.200 --> 00:04.000
<v Ann Lee>Let us begin the hearing.

00:04.500 --> 00:06.000
<v.loud Bo Park>Thank you, chair.

00:06.500 --> 00:09.000
<v Ann Lee>First question: the budget.
";

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
                   style-src 'self'; media-src 'self'";

/// A host page holding `body`, with the viewer's stylesheet and custom element.
fn host_page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
         <title>{title}</title><link rel=\"icon\" href=\"favicon.svg\">\
         <link rel=\"stylesheet\" href=\"viewer.css\">\
         <script type=\"module\" src=\"transcript-viewer-element.js\"></script>\
         </head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The site with the hearing, its recording and two host pages: `media-own.html` (the
/// viewer's own `<audio>`, from the transcript's `media`) and `media-host.html` (the
/// host's `<audio>`, through `media-for`).
fn media_site() -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = webdriver::fresh_dir("tv-e2e-media")?;
    copy_dir(&dist_dir(), &dir)?;
    std::fs::write(dir.join("tone.wav"), wav::tone(10.0, 8000))?;
    let vtt = dir.join("hearing.vtt");
    std::fs::write(&vtt, HEARING_VTT)?;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_transcript2json"))
        .args(["--media", "tone.wav"])
        .arg(&vtt)
        .output()?;
    assert!(
        out.status.success(),
        "transcript2json: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.join("hearing.json"), &out.stdout)?;
    let own = host_page(
        "A hearing with its recording",
        "<transcript-viewer src=\"hearing.json\" id-prefix=\"own-\"></transcript-viewer>",
    );
    std::fs::write(dir.join("media-own.html"), own)?;
    let host = host_page(
        "A hearing, the host's player",
        "<audio id=\"host-audio\" src=\"tone.wav\" controls preload=\"auto\"></audio>\
         <transcript-viewer src=\"hearing.json\" id-prefix=\"host-\" media-for=\"host-audio\">\
         </transcript-viewer>",
    );
    std::fs::write(dir.join("media-host.html"), host)?;
    Ok(dir)
}

/// The media element's time, whether it plays, and the marked turn and paragraph ids.
fn playback(session: &Session, media: &str) -> webdriver::Result<serde_json::Value> {
    session.execute(
        "const m = document.querySelector(arguments[0]);\
         const id = (s) => { const e = document.querySelector(s); return e ? e.id : null; };\
         let word = null;\
         const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('tv-word');\
         if (h) for (const r of h) {\
           const range = document.createRange();\
           range.setStart(r.startContainer, r.startOffset);\
           range.setEnd(r.endContainer, r.endOffset);\
           word = range.toString();\
         }\
         return { time: m ? m.currentTime : -1, ready: m ? m.readyState : -1,\
                  paused: m ? m.paused : true, turn: id('[data-playing]'),\
                  para: id('p[aria-current=time]'), word,\
                  seekable: m && m.seekable.length ? m.seekable.end(0) : 0, duration: m ? m.duration : 0,\
                  audios: document.querySelectorAll('audio').length, network: m ? m.networkState : -1,\
                  error: m && m.error ? m.error.code : null };",
        vec![json!(media)],
    )
}

/// Mutes the media element: headless Firefox has no sound device to play to (its audio
/// output fails and the element errors); muted, every engine plays without one.
fn mute(session: &Session, media: &str) -> webdriver::Result<()> {
    session.execute(
        "document.querySelector(arguments[0]).muted = true;",
        vec![json!(media)],
    )?;
    Ok(())
}

fn wait_playback(
    session: &Session,
    media: &str,
    what: &str,
    ok: impl Fn(&serde_json::Value) -> bool,
) -> Result<serde_json::Value, String> {
    let mut last = serde_json::Value::Null;
    webdriver::poll(RENDER_TIMEOUT, what, || {
        last = playback(session, media)?;
        Ok(ok(&last).then(|| last.clone()))
    })
    .map_err(|e| format!("{e} ({}): last {last}", session.browser()))
}

#[test]
fn a_timed_transcript_follows_its_recording_and_seeks_from_text_and_links() -> TestResult {
    let dir = media_site()?;
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("hearing.json"))?)?;
    assert_eq!(json["media"], json!({"url": "tone.wav", "kind": "audio"}));
    assert_eq!(json["turns"][2]["start"], json!(6.5), "{json}");
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);

    // The viewer's own element: a time button plays from the turn, the marks follow.
    session.goto(&server.url("/media-own.html"))?;
    wait_for_transcript(&session, &server)?;
    let audio = "#own-media audio";
    wait_playback(&session, audio, "the recording's metadata", |p| {
        p["ready"].as_i64() >= Some(1)
    })?;
    let button = session.wait_for("#own-t3 button.tv-seek", RENDER_TIMEOUT)?;
    assert_eq!(
        button.attribute("aria-label")?.as_deref(),
        Some("Play from 0:06 (Ann Lee)")
    );
    mute(&session, audio)?;
    click_in_view(&session, &button)?;
    let p = wait_playback(&session, audio, "turn 3 playing and marked", |p| {
        p["turn"] == "own-t3" && p["paused"] == false && p["time"].as_f64() >= Some(6.5)
    })?;
    assert_eq!(p["para"], "own-t3-p1");
    // It plays on, and the marked word moves with it.
    let p = wait_playback(&session, audio, "playback past 7.8 s", |p| {
        p["time"].as_f64() >= Some(7.8)
    })?;
    if !p["word"].is_null() {
        assert!(
            ["question:", "the", "budget."].contains(&p["word"].as_str().unwrap_or("")),
            "{p}"
        );
    }
    session.execute(
        "document.querySelector(arguments[0]).pause();",
        vec![json!(audio)],
    )?;
    assert_no_page_errors(&session, &server);

    // A link to a time seeks there and marks that passage.
    session.goto(&server.url("/media-own.html#t=5.2"))?;
    wait_for_transcript(&session, &server)?;
    wait_playback(&session, audio, "the link's time, turn 2 marked", |p| {
        p["turn"] == "own-t2" && (p["time"].as_f64().unwrap_or(0.0) - 5.2).abs() < 0.1
    })?;
    assert_no_page_errors(&session, &server);

    // The host's element, through `media-for`.
    session.goto(&server.url("/media-host.html"))?;
    wait_for_transcript(&session, &server)?;
    assert!(
        session.find("#host-media audio, .tv-root audio")?.is_none(),
        "no own element"
    );
    wait_playback(
        &session,
        "#host-audio",
        "the host recording's metadata",
        |p| p["ready"].as_i64() >= Some(1),
    )?;
    let button = session.wait_for("#host-t2 button.tv-seek", RENDER_TIMEOUT)?;
    mute(&session, "#host-audio")?;
    click_in_view(&session, &button)?;
    wait_playback(
        &session,
        "#host-audio",
        "turn 2 playing on the host's element",
        |p| p["turn"] == "host-t2" && p["paused"] == false && p["time"].as_f64() >= Some(4.5),
    )?;
    session.execute("document.getElementById('host-audio').pause();", vec![])?;
    assert_no_page_errors(&session, &server);
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
