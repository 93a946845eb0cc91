//! `tools/build-transcripts.sh`, trunk's pre_build hook, on a folder with a plain-text
//! transcript, a timed WebVTT with its `.media.json` side file and its recording in
//! `media/`: every transcript converted into the catalog, the timed one with its media,
//! the recording copied beside the site, the side file not taken for a transcript.
//!
//! Run with `cargo test --test build_transcripts`.

use std::path::Path;
use std::process::Command;

#[test]
fn timed_transcripts_and_their_recordings_are_built_into_the_site() {
    let dir = std::env::temp_dir().join(format!("tv-build-transcripts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let src = dir.join("transcripts");
    std::fs::create_dir_all(src.join("media")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("transcripts/demo-press-briefing-2024-05-06.txt"),
        src.join("briefing.txt"),
    )
    .unwrap();
    std::fs::write(
        src.join("hearing.vtt"),
        "WEBVTT\n\n00:00.500 --> 00:02.000\n<v Ann Lee>Good morning.\n",
    )
    .unwrap();
    std::fs::write(
        src.join("hearing.media.json"),
        r#"{"url": "media/hearing.mp3"}"#,
    )
    .unwrap();
    std::fs::write(src.join("media/hearing.mp3"), b"not really mp3").unwrap();
    let out = dir.join("out");
    let status = Command::new("bash")
        .arg(root.join("tools/build-transcripts.sh"))
        .env("TRUNK_STAGING_DIR", &out)
        .env("TV_TRANSCRIPTS_DIR", &src)
        .env("TV_CONVERTER", env!("CARGO_BIN_EXE_transcript2json"))
        .status()
        .unwrap();
    assert!(status.success());
    let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
    let catalog: serde_json::Value = serde_json::from_str(&read("transcripts/index.json")).unwrap();
    let ids: Vec<&str> = catalog["transcripts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["briefing", "hearing"], "{catalog}");
    let hearing: serde_json::Value =
        serde_json::from_str(&read("transcripts/hearing.json")).unwrap();
    assert_eq!(hearing["media"]["url"], "media/hearing.mp3");
    assert_eq!(hearing["turns"][0]["start"], 0.5);
    assert_eq!(read("media/hearing.mp3"), "not really mp3");
    assert!(!out.join("transcripts/hearing.media.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
