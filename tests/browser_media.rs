#![cfg(target_arch = "wasm32")]
//! Browser suite for media sync: a timed transcript follows a real recording (a WAV of
//! known length made by the test, played muted so that every engine lets it start): the
//! passage at the media's time is marked (turn `data-playing`, paragraph
//! `aria-current="time"`, word in the `tv-word` highlight), playing moves the marks
//! along, a turn's time button seeks, a `#t=` fragment seeks (and a range stops),
//! "Follow playback" pauses when the reader scrolls and comes back, "Play shown speakers
//! only" skips a hidden speaker, and a media address that is not http(s) or relative
//! is never rendered.
//!
//! Browsers start playback only after the reader interacted with the page (Chromium even
//! muted), and a test's `click()` is no interaction: `tools/test.sh` starts each browser
//! with that rule off (`--autoplay-policy=no-user-gesture-required`, Firefox's
//! `media.autoplay.default` 0). The end-to-end suite plays through real WebDriver clicks
//! instead. Run with exactly one driver set and that capability, e.g.
//! `WASM_BINDGEN_TEST_WEBDRIVER_JSON=caps.json CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_media`.

use std::rc::Rc;
use transcript_viewer::model::{Media, MediaKind};
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlMediaElement};
use yew::prelude::*;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;
#[path = "support/wav.rs"]
mod wav;

wasm_bindgen_test_configure!(run_in_browser);

/// Three timed turns over ten seconds, words timed.
const TIMED: &str = r#"{"schema":2,"lang":"en","title":"Timed hearing",
"speakers":[{"id":"ann","name":"Ann Lee"},{"id":"bo","name":"Bo Park"}],
"turns":[
 {"id":"t1","speaker":"ann","paragraphs":["Good morning, everyone.","Let us begin the hearing."],
  "times":[{"start":0.5,"end":2,"words":[0,400,500]},{"start":2.2,"end":4,"words":[0,300,300,300,300]}]},
 {"id":"t2","speaker":"bo","paragraphs":["Thank you, chair."],
  "times":[{"start":4.5,"end":6,"words":[0,500,500]}]},
 {"id":"t3","speaker":"ann","paragraphs":["First question: the budget."],
  "times":[{"start":6.5,"end":9,"words":[0,600,600,600]}]}],
"source":{"file":"hearing.vtt"}}"#;

/// Properties of [`Viewer`].
#[derive(Properties, PartialEq)]
struct ViewerProps {
    transcript: Rc<Transcript>,
    #[prop_or_default]
    media_for: AttrValue,
}

#[function_component]
fn Viewer(props: &ViewerProps) -> Html {
    html! {
        <TranscriptViewer transcript={props.transcript.clone()} id_prefix="m-"
            media_for={props.media_for.clone()} store_settings=false />
    }
}

/// A host `<audio id=…>` playing a fresh 10-second WAV (a blob URL), muted.
fn host_audio(id: &str) -> HtmlMediaElement {
    let bytes = wav::tone(10.0, 8000);
    let array = js_sys::Uint8Array::from(bytes.as_slice());
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("audio/wav");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let audio: HtmlMediaElement = document()
        .create_element("audio")
        .unwrap()
        .dyn_into()
        .unwrap();
    audio.set_id(id);
    audio.set_muted(true);
    audio.set_preload("auto");
    audio.set_src(&url);
    document().body().unwrap().append_child(&audio).unwrap();
    audio
}

/// Waits (at most `secs` seconds) until `ok` holds.
async fn wait_long(secs: u32, what: &str, ok: impl Fn() -> bool) {
    for _ in 0..secs * 50 {
        yew::scheduler::flush().await;
        if ok() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting until {what}");
}

/// Mounts the timed transcript following a host audio element; returns both, once the
/// audio knows its duration.
async fn mount_timed(audio_id: &str) -> (Element, HtmlMediaElement) {
    let audio = host_audio(audio_id);
    let root = fresh_root();
    let props = ViewerProps {
        transcript: Rc::new(Transcript::from_json(TIMED).unwrap()),
        media_for: AttrValue::from(audio_id.to_string()),
    };
    yew::Renderer::<Viewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    wait_long(10, "the audio has its metadata", || {
        audio.ready_state() >= 1
    })
    .await;
    (root, audio)
}

/// The ids of the marked turn and paragraph.
fn marked(root: &Element) -> (Option<String>, Option<String>) {
    let id = |sel: &str| root.query_selector(sel).unwrap().map(|e| e.id());
    (id("[data-playing]"), id("p[aria-current=time]"))
}

/// The text of the `tv-word` highlight's range in `root` (None without the Highlight
/// API). The highlight is the document's: every viewer's word is in it.
fn marked_word(root: &Element) -> Option<String> {
    let read = js_sys::Function::new_with_args(
        "root",
        "const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('tv-word');\
         if (!h) return null;\
         for (const r of h) {\
           if (!root.contains(r.startContainer)) continue;\
           const range = document.createRange();\
           range.setStart(r.startContainer, r.startOffset);\
           range.setEnd(r.endContainer, r.endOffset);\
           return range.toString();\
         }\
         return '';",
    );
    read.call1(&JsValue::NULL, root).ok()?.as_string()
}

async fn seek(audio: &HtmlMediaElement, seconds: f64) {
    audio.set_current_time(seconds);
    wait_long(5, "the seek is done", || !audio.seeking()).await;
    after_paint().await;
}

fn has_highlight_api() -> bool {
    js_sys::Reflect::get(&window(), &"Highlight".into()).is_ok_and(|v| v.is_function())
}

#[wasm_bindgen_test]
async fn seeking_marks_the_turn_paragraph_and_word_at_that_time() {
    let (root, audio) = mount_timed("audio-seek").await;
    seek(&audio, 3.0).await;
    wait_long(5, "turn 1, paragraph 2 marked", || {
        marked(&root) == (Some("m-t1".into()), Some("m-t1-p2".into()))
    })
    .await;
    if has_highlight_api() {
        assert_eq!(marked_word(&root).as_deref(), Some("begin"));
    }
    seek(&audio, 5.2).await;
    wait_long(5, "turn 2 marked", || {
        marked(&root) == (Some("m-t2".into()), Some("m-t2-p1".into()))
    })
    .await;
    if has_highlight_api() {
        assert_eq!(marked_word(&root).as_deref(), Some("you,"));
    }
    // One turn and one paragraph at a time.
    assert_eq!(all(&root, "[data-playing]").len(), 1);
    assert_eq!(all(&root, "[aria-current=time]").len(), 1);
    // Before the first word, nothing is marked.
    seek(&audio, 0.1).await;
    wait_long(5, "nothing marked", || marked(&root) == (None, None)).await;
    audio.remove();
}

#[wasm_bindgen_test]
async fn playing_moves_the_marks_along() {
    let (root, audio) = mount_timed("audio-play").await;
    seek(&audio, 4.3).await;
    let _ = audio.play().unwrap();
    wait_long(10, "turn 2 marked while playing", || {
        marked(&root).0.as_deref() == Some("m-t2")
    })
    .await;
    wait_long(10, "turn 3 marked while playing", || {
        marked(&root).0.as_deref() == Some("m-t3") && audio.current_time() > 6.5
    })
    .await;
    assert!(!audio.paused(), "still playing");
    audio.pause().unwrap();
    audio.remove();
}

#[wasm_bindgen_test]
async fn a_turns_time_button_plays_from_its_start() {
    let (root, audio) = mount_timed("audio-button").await;
    let button = one(&root, "#m-t3 button.tv-seek");
    assert_eq!(
        attr(&button, "aria-label").as_deref(),
        Some("Play from 0:06 (Ann Lee)")
    );
    assert_eq!(text(&button), "0:06");
    assert_eq!(
        texts(&root, "button.tv-seek").len(),
        3,
        "one per timed turn"
    );
    click(&button).await;
    wait_long(5, "the audio is at turn 3", || {
        (6.5..7.5).contains(&audio.current_time())
    })
    .await;
    wait_long(5, "turn 3 marked", || {
        marked(&root).0.as_deref() == Some("m-t3")
    })
    .await;
    audio.pause().unwrap();
    audio.remove();
}

#[wasm_bindgen_test]
async fn a_time_fragment_seeks_and_a_range_stops_at_its_end() {
    let (root, audio) = mount_timed("audio-fragment").await;
    window().location().set_hash("t=5.2").unwrap();
    wait_long(5, "the audio is at 5.2 s", || {
        (audio.current_time() - 5.2).abs() < 0.05
    })
    .await;
    wait_long(5, "turn 2 marked", || {
        marked(&root).0.as_deref() == Some("m-t2")
    })
    .await;
    window().location().set_hash("t=6.6,7.2").unwrap();
    wait_long(5, "the audio is at 6.6 s", || {
        (audio.current_time() - 6.6).abs() < 0.05
    })
    .await;
    let _ = audio.play().unwrap();
    wait_long(10, "playback stops at the range's end", || {
        audio.paused() && audio.current_time() >= 7.2
    })
    .await;
    assert!(audio.current_time() < 8.0, "stopped near 7.2 s");
    window().location().set_hash("").unwrap();
    audio.remove();
}

#[wasm_bindgen_test]
async fn follow_playback_pauses_when_the_reader_scrolls_and_comes_back() {
    let (root, audio) = mount_timed("audio-follow").await;
    let follow = one(&root, "button.tv-follow");
    assert_eq!(attr(&follow, "aria-pressed").as_deref(), Some("true"));
    let wheel = web_sys::Event::new("wheel").unwrap();
    window().dispatch_event(&wheel).unwrap();
    wait_long(5, "following paused", || {
        attr(&one(&root, "button.tv-follow"), "aria-pressed").as_deref() == Some("false")
    })
    .await;
    assert_eq!(
        text(&one(&root, ".tv-announcement[role=status]")),
        "Following playback paused"
    );
    click(&one(&root, "button.tv-follow")).await;
    assert_eq!(
        attr(&one(&root, "button.tv-follow"), "aria-pressed").as_deref(),
        Some("true")
    );
    // A search pauses it too.
    type_query(&root, "budget").await;
    wait_long(5, "following paused by the search", || {
        attr(&one(&root, "button.tv-follow"), "aria-pressed").as_deref() == Some("false")
    })
    .await;
    audio.remove();
}

#[wasm_bindgen_test]
async fn shown_speakers_only_skips_a_hidden_speakers_turns() {
    let (root, audio) = mount_timed("audio-skip").await;
    click(&one(
        &root,
        ".tv-speaker-item[data-speaker=bo] button.tv-speaker-toggle",
    ))
    .await;
    let only = one(&root, "button.tv-shown-only");
    assert_eq!(attr(&only, "aria-pressed").as_deref(), Some("false"));
    click(&only).await;
    seek(&audio, 4.6).await;
    let _ = audio.play().unwrap();
    wait_long(10, "playback jumped past Bo's turn", || {
        audio.current_time() >= 6.5
    })
    .await;
    wait_long(5, "turn 3 marked", || {
        marked(&root).0.as_deref() == Some("m-t3")
    })
    .await;
    audio.pause().unwrap();
    audio.remove();
}

#[wasm_bindgen_test]
async fn the_viewers_own_element_has_a_safe_address_only() {
    let mut t = Transcript::from_json(TIMED).unwrap();
    t.media = Some(Media {
        url: "media/hearing.wav".into(),
        kind: MediaKind::Audio,
        poster: None,
    });
    let root = fresh_root();
    let props = ViewerProps {
        transcript: Rc::new(t.clone()),
        media_for: AttrValue::default(),
    };
    yew::Renderer::<Viewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let audio = one(&root, "section.tv-media audio.tv-media-element");
    assert_eq!(attr(&audio, "src").as_deref(), Some("media/hearing.wav"));
    assert!(attr(&audio, "controls").is_some());
    assert_eq!(
        attr(&audio, "aria-label").as_deref(),
        Some("Recording: Timed hearing")
    );
    // The address does not exist here: the viewer says so.
    wait_long(10, "the load error is shown", || {
        root.query_selector(".tv-media-error[role=alert]")
            .unwrap()
            .is_some()
    })
    .await;

    // A `javascript:` address never reaches the page: `from_json` refuses it, and a
    // transcript built by hand renders no element for it.
    let json = TIMED.replacen(
        r#""source""#,
        r#""media":{"url":"javascript:alert(1)"},"source""#,
        1,
    );
    let err = Transcript::from_json(&json).unwrap_err();
    assert_eq!(err.path, "media.url");
    t.media.as_mut().unwrap().url = "javascript:alert(1)".into();
    let root = fresh_root();
    let props = ViewerProps {
        transcript: Rc::new(t),
        media_for: AttrValue::default(),
    };
    yew::Renderer::<Viewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("audio, video").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_shown_turns_download_as_webvtt_and_srt() {
    let (root, audio) = mount_timed("audio-export").await;
    catch_downloads();
    // The captions are in the Export menu.
    click(&one(&root, "button.tv-export-toggle")).await;
    click(&one(&root, "button.tv-export-vtt")).await;
    wait_long(5, "the WebVTT download", || downloads().len() == 1).await;
    let (name, vtt) = downloads().remove(0);
    assert_eq!(name, "hearing.vtt");
    assert!(vtt.starts_with("WEBVTT\n"), "{vtt}");
    assert!(
        vtt.contains("<v Bo Park>Thank <00:00:05.000>you, <00:00:05.500>chair."),
        "{vtt}"
    );
    assert!(vtt.contains("00:00:04.500 --> "), "{vtt}");
    assert!(one(&root, ".tv-announcement")
        .text_content()
        .unwrap_or_default()
        .contains("hearing.vtt"));
    // With Bo hidden, only Ann's turns are written.
    click(&one(
        &root,
        ".tv-speaker-item[data-speaker=bo] button.tv-speaker-toggle",
    ))
    .await;
    click(&one(&root, "button.tv-export-srt")).await;
    wait_long(5, "the SRT download", || downloads().len() == 2).await;
    let (name, srt) = downloads().remove(1);
    assert_eq!(name, "hearing.srt");
    assert!(srt.starts_with("1\n00:00:00,500 --> "), "{srt}");
    assert!(srt.contains("Ann Lee: Good morning"), "{srt}");
    assert!(
        !srt.contains("Bo Park") && !srt.contains("Thank you"),
        "{srt}"
    );
    audio.remove();
}

#[wasm_bindgen_test]
async fn a_timed_turns_link_is_its_time_range() {
    js_sys::eval(
        "window.__tvCopied = [];
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: (text) => { window.__tvCopied.push(text); return Promise.resolve(); }
        } });",
    )
    .unwrap();
    let (root, audio) = mount_timed("audio-link").await;
    click(&one(&root, "#m-t2 > button.tv-turn-link")).await;
    wait_long(5, "the link is copied", || {
        js_sys::eval("window.__tvCopied.length").unwrap().as_f64() == Some(1.0)
    })
    .await;
    let copied = js_sys::eval("window.__tvCopied[0]")
        .unwrap()
        .as_string()
        .unwrap();
    js_sys::eval("delete navigator.clipboard").unwrap();
    assert!(copied.ends_with("#t=4.5,6"), "{copied}");
    audio.remove();
}

#[wasm_bindgen_test]
async fn an_untimed_transcript_has_no_media_controls() {
    let json = TIMED.replace(r#""schema":2"#, r#""schema":1"#);
    let mut t = Transcript::from_json(&json).unwrap();
    for turn in &mut t.turns {
        turn.times.clear();
    }
    let root = fresh_root();
    let props = ViewerProps {
        transcript: Rc::new(t),
        media_for: "nowhere".into(),
    };
    yew::Renderer::<Viewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(".tv-media, .tv-seek")
        .unwrap()
        .is_none());
}
