//! Media sync, end to end, in the engine `E2E_BROWSER` names: a WebVTT file with voices
//! goes through the real converter (`transcript2json --media tone.wav`), a WAV of known
//! length is made here, and the built viewer, on host pages under the site's strict
//! Content-Security-Policy (plus `media-src 'self'`), follows it. Playback is started by
//! real WebDriver clicks (a reader's gesture, which every engine requires), muted (the
//! machines have no sound device).

use super::*;
use crate::hostile::{copy_dir, CSP};
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

/// The same hearing as WhisperX wrote it: diarised voices, every word timed (`2`, as
/// WhisperX leaves numbers, without times), names in a side file.
const HEARING_WHISPERX: &str = r#"{"language": "en", "segments": [
 {"start": 0.5, "end": 2.0, "text": " Good morning, everyone.", "speaker": "SPEAKER_00", "words": [
  {"word": "Good", "start": 0.5, "end": 0.8, "speaker": "SPEAKER_00"},
  {"word": "morning,", "start": 0.9, "end": 1.3, "speaker": "SPEAKER_00"},
  {"word": "everyone.", "start": 1.4, "end": 2.0, "speaker": "SPEAKER_00"}]},
 {"start": 4.5, "end": 6.0, "text": " Thank you, chair.", "speaker": "SPEAKER_01", "words": [
  {"word": "Thank", "start": 4.5, "end": 4.9, "speaker": "SPEAKER_01"},
  {"word": "you,", "start": 5.0, "end": 5.4, "speaker": "SPEAKER_01"},
  {"word": "chair.", "start": 5.5, "end": 6.0, "speaker": "SPEAKER_01"}]},
 {"start": 6.5, "end": 9.0, "text": " Question 2: the budget.", "speaker": "SPEAKER_00", "words": [
  {"word": "Question", "start": 6.5, "end": 7.0, "speaker": "SPEAKER_00"},
  {"word": "2:"},
  {"word": "the", "start": 7.7, "end": 7.9, "speaker": "SPEAKER_00"},
  {"word": "budget.", "start": 8.1, "end": 9.0, "speaker": "SPEAKER_00"}]}]}"#;

/// The first two cues as plain Whisper wrote them (no voices, words timed): one
/// unattributed turn, a paragraph after the 2.5 s pause.
const HEARING_WHISPER: &str = r#"{"text": " Good morning, everyone. Thank you, chair.",
 "language": "en", "segments": [
 {"id": 0, "start": 0.5, "end": 2.0, "text": " Good morning, everyone.", "words": [
  {"word": " Good", "start": 0.5, "end": 0.8}, {"word": " morning,", "start": 0.9, "end": 1.3},
  {"word": " everyone.", "start": 1.4, "end": 2.0}]},
 {"id": 1, "start": 4.5, "end": 6.0, "text": " Thank you, chair.", "words": [
  {"word": " Thank", "start": 4.5, "end": 4.9}, {"word": " you,", "start": 5.0, "end": 5.4},
  {"word": " chair.", "start": 5.5, "end": 6.0}]}]}"#;

const HEARING_SPEAKERS: &str = r#"{"SPEAKER_00": {"name": "Ann Lee", "role": "Chair"},
 "SPEAKER_01": "Bo Park"}"#;

/// The same hearing as a Podcasting 2.0 transcript: one-word segments.
const HEARING_PODCAST: &str = r#"{"version": "1.0.0", "segments": [
 {"speaker": "Ann Lee", "startTime": 0.5, "endTime": 0.8, "body": "Good"},
 {"speaker": "Ann Lee", "startTime": 0.9, "endTime": 1.3, "body": "morning,"},
 {"speaker": "Ann Lee", "startTime": 1.4, "endTime": 2.0, "body": "everyone."},
 {"speaker": "Bo Park", "startTime": 4.5, "endTime": 4.9, "body": "Thank"},
 {"speaker": "Bo Park", "startTime": 5.0, "endTime": 5.4, "body": "you,"},
 {"speaker": "Bo Park", "startTime": 5.5, "endTime": 6.0, "body": "chair."},
 {"speaker": "Ann Lee", "startTime": 6.5, "endTime": 7.0, "body": "Question"},
 {"speaker": "Ann Lee", "startTime": 7.1, "endTime": 7.5, "body": "two:"},
 {"speaker": "Ann Lee", "startTime": 7.7, "endTime": 7.9, "body": "the"},
 {"speaker": "Ann Lee", "startTime": 8.1, "endTime": 9.0, "body": "budget."}]}"#;

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

/// The site with the hearing, its recording and host pages: `hearing.html`,
/// `hearing-whisperx.html`, `hearing-podcast.html` (the viewer's own `<audio>`, from the
/// transcript's `media`; one per input format) and `media-host.html` (the host's
/// `<audio>`, through `media-for`).
fn media_site() -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = webdriver::fresh_dir("tv-e2e-media")?;
    copy_dir(&dist_dir(), &dir)?;
    std::fs::write(dir.join("tone.wav"), wav::tone(10.0, 8000))?;
    std::fs::write(dir.join("hearing-whisperx.speakers.json"), HEARING_SPEAKERS)?;
    for (input, text) in [
        ("hearing.vtt", HEARING_VTT),
        ("hearing-whisper.json", HEARING_WHISPER),
        ("hearing-whisperx.json", HEARING_WHISPERX),
        ("hearing-podcast.json", HEARING_PODCAST),
    ] {
        let path = dir.join(input);
        std::fs::write(&path, text)?;
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_transcript2json"))
            .args(["--media", "tone.wav"])
            .arg(&path)
            .output()?;
        assert!(
            out.status.success(),
            "transcript2json {input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stem = input.split('.').next().unwrap_or(input);
        std::fs::write(dir.join(format!("{stem}.viewer.json")), &out.stdout)?;
        let page = host_page(
            &format!("A hearing from {input}"),
            &format!(
                "<transcript-viewer src=\"{stem}.viewer.json\" id-prefix=\"own-\">\
                 </transcript-viewer>"
            ),
        );
        std::fs::write(dir.join(format!("{stem}.html")), page)?;
    }
    let host = host_page(
        "A hearing, the host's player",
        "<audio id=\"host-audio\" src=\"tone.wav\" controls preload=\"auto\"></audio>\
         <transcript-viewer src=\"hearing.viewer.json\" id-prefix=\"host-\" media-for=\"host-audio\">\
         </transcript-viewer>",
    );
    std::fs::write(dir.join("media-host.html"), host)?;
    // Pre-rendered by `render-pages embed`, hydrated by `mount`.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_render-pages"))
        .args(["embed", "--id-prefix", "pre-"])
        .arg(dir.join("hearing.viewer.json"))
        .output()?;
    assert!(
        out.status.success(),
        "render-pages embed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markup = String::from_utf8(out.stdout)?;
    let pre = host_page(
        "A hearing, pre-rendered",
        &format!(
            "<transcript-viewer src=\"hearing.viewer.json\" id-prefix=\"pre-\" hydrate>\
             {markup}</transcript-viewer>"
        ),
    );
    std::fs::write(dir.join("media-prerendered.html"), pre)?;
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
        serde_json::from_str(&std::fs::read_to_string(dir.join("hearing.viewer.json"))?)?;
    assert_eq!(json["media"], json!({"url": "tone.wav", "kind": "audio"}));
    assert_eq!(json["turns"][2]["start"], json!(6.5), "{json}");
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);

    // The viewer's own element: a time button plays from the turn, the marks follow.
    session.goto(&server.url("/hearing.html"))?;
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
    session.goto(&server.url("/hearing.html#t=5.2"))?;
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

    // WhisperX (diarised, named by the side file) and Podcasting 2.0 (one-word
    // segments): the same hearing, the same following, the words marked one by one.
    for page in ["/hearing-whisperx.html", "/hearing-podcast.html"] {
        session.goto(&server.url(page))?;
        wait_for_transcript(&session, &server)?;
        wait_playback(&session, audio, "the recording's metadata", |p| {
            p["ready"].as_i64() >= Some(1)
        })?;
        let button = session.wait_for("#own-t2 button.tv-seek", RENDER_TIMEOUT)?;
        assert_eq!(
            button.attribute("aria-label")?.as_deref(),
            Some("Play from 0:04 (Bo Park)"),
            "{page}"
        );
        mute(&session, audio)?;
        click_in_view(&session, &button)?;
        let p = wait_playback(&session, audio, "turn 2 playing and marked", |p| {
            p["turn"] == "own-t2" && p["paused"] == false && p["time"].as_f64() >= Some(4.5)
        })?;
        assert_eq!(p["para"], "own-t2-p1", "{page}");
        let p = wait_playback(&session, audio, "the word at 5.6 s or later", |p| {
            p["time"].as_f64() >= Some(5.6)
        })?;
        if !p["word"].is_null() {
            assert!(
                ["chair.", "Question"].contains(&p["word"].as_str().unwrap_or("")),
                "{page}: {p}"
            );
        }
        session.execute(
            "document.querySelector(arguments[0]).pause();",
            vec![json!(audio)],
        )?;
        assert_no_page_errors(&session, &server);
    }

    // Pre-rendered (the player and time buttons are in the markup), then hydrated: the
    // text follows the recording.
    session.goto(&server.url("/media-prerendered.html"))?;
    wait_for_transcript(&session, &server)?;
    let pre = "#pre-media audio";
    wait_playback(&session, pre, "the recording's metadata", |p| {
        p["ready"].as_i64() >= Some(1)
    })?;
    let button = session.wait_for("#pre-t2 button.tv-seek", RENDER_TIMEOUT)?;
    mute(&session, pre)?;
    click_in_view(&session, &button)?;
    wait_playback(
        &session,
        pre,
        "turn 2 playing in the hydrated viewer",
        |p| p["turn"] == "pre-t2" && p["paused"] == false,
    )?;
    session.execute(
        "document.querySelector(arguments[0]).pause();",
        vec![json!(pre)],
    )?;
    assert_no_page_errors(&session, &server);

    // Plain Whisper: one unattributed turn; a link into its second paragraph marks it
    // and its word, and the turn's time button plays from its start.
    session.goto(&server.url("/hearing-whisper.html#t=5.2"))?;
    wait_for_transcript(&session, &server)?;
    let p = wait_playback(&session, audio, "the link's paragraph and word", |p| {
        p["para"] == "own-t1-p2" && (p["time"].as_f64().unwrap_or(0.0) - 5.2).abs() < 0.1
    })?;
    if !p["word"].is_null() {
        assert_eq!(p["word"], "you,", "{p}");
    }
    let button = session.wait_for("#own-t1 button.tv-seek", RENDER_TIMEOUT)?;
    assert_eq!(
        button.attribute("aria-label")?.as_deref(),
        Some("Play from 0:00")
    );
    mute(&session, audio)?;
    click_in_view(&session, &button)?;
    wait_playback(&session, audio, "playing from the turn's start", |p| {
        p["para"] == "own-t1-p1" && p["paused"] == false && p["time"].as_f64() < Some(2.0)
    })?;
    session.execute(
        "document.querySelector(arguments[0]).pause();",
        vec![json!(audio)],
    )?;
    assert_no_page_errors(&session, &server);
    drop(session);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
