//! A timed transcript as the server renders it (`page::render_embedded`, the markup the
//! browser hydrates): the media bar with the browser's own player, a time button per
//! timed turn, and nothing of the kind for an untimed transcript or an unsafe address.
//!
//! Run with `cargo test --test media_render`.

use transcript_viewer::model::{Media, MediaKind};
use transcript_viewer::page::render_embedded;
use transcript_viewer::Transcript;

const TIMED: &str = r#"{"schema":2,"lang":"en","title":"Timed hearing",
"speakers":[{"id":"ann","name":"Ann Lee"},{"id":"bo","name":"Bo Park"}],
"turns":[
 {"id":"t1","speaker":"ann","paragraphs":["Good morning."],"times":[{"start":0.5,"end":2,"words":[0,400]}]},
 {"id":"t2","speaker":"bo","paragraphs":["Thank you."],"start":64.5,"end":66},
 {"id":"t3","paragraphs":["(Applause.)"]}],
"media":{"url":"media/hearing.mp4","kind":"video","poster":"media/hearing.jpg"},
"source":{"file":"hearing.vtt"}}"#;

#[test]
fn a_timed_transcript_renders_its_player_and_time_buttons() {
    let t = Transcript::from_json(TIMED).unwrap();
    let html = render_embedded(t, "h-", true).unwrap();
    assert!(
        html.contains(r#"<section aria-label="Recording" id="h-media" class="tv-media">"#),
        "{html}"
    );
    for attr in [
        "<video ",
        r#"class="tv-media-element""#,
        r#"src="media/hearing.mp4""#,
        r#"poster="media/hearing.jpg""#,
        r#"preload="metadata""#,
        r#"controls="controls""#,
        r#"aria-label="Recording: Timed hearing""#,
    ] {
        assert!(html.contains(attr), "{attr} in {html}");
    }
    assert!(html.contains(r#"aria-pressed="true" class="tv-toggle tv-follow">Follow playback<"#));
    assert!(html.contains(r#"aria-pressed="false" class="tv-toggle tv-shown-only">Play shown"#));
    // The captions are offered in the Export menu (closed until the reader opens it).
    assert!(
        html.contains(r#"aria-expanded="false" class="tv-export-toggle">Export<"#),
        "{html}"
    );
    assert!(!html.contains("tv-export-vtt"), "{html}");
    // One time button per timed turn, timed by paragraphs or as a whole.
    assert_eq!(html.matches(r#"class="tv-seek""#).count(), 2, "{html}");
    assert!(
        html.contains(r#"aria-label="Play from 0:00 (Ann Lee)""#),
        "{html}"
    );
    assert!(
        html.contains(r#"aria-label="Play from 1:04 (Bo Park)""#),
        "{html}"
    );
    assert!(
        html.contains(r#"<time datetime="PT64.5S">1:04</time>"#),
        "{html}"
    );
}

#[test]
fn untimed_or_unsafe_media_renders_no_player() {
    let json = TIMED.replace(r#""schema":2"#, r#""schema":1"#);
    let mut t = Transcript::from_json(&json).unwrap();
    for turn in &mut t.turns {
        turn.times.clear();
        turn.start = None;
        turn.end = None;
    }
    let html = render_embedded(t.clone(), "h-", true).unwrap();
    assert!(
        !html.contains("tv-media") && !html.contains("tv-seek"),
        "{html}"
    );

    // Built by hand past `from_json`'s checks: an unsafe address is still not rendered.
    let mut t = Transcript::from_json(TIMED).unwrap();
    t.media = Some(Media {
        url: "javascript:alert(1)".into(),
        kind: MediaKind::Video,
        poster: Some("data:image/png;base64,AAAA".into()),
    });
    let html = render_embedded(t.clone(), "h-", true).unwrap();
    assert!(
        !html.contains("javascript:") && !html.contains("<video"),
        "{html}"
    );
    t.media.as_mut().unwrap().url = "media/ok.mp4".into();
    let html = render_embedded(t, "h-", true).unwrap();
    assert!(
        html.contains("<video ") && !html.contains("data:image"),
        "{html}"
    );
}
