//! Podcasting 2.0 transcript JSON: `{"version": "1.0.0", "segments": [{"speaker",
//! "startTime", "endTime", "body"}]}`. Segments are often one word each; those time
//! their word. A segment with no speaker is said by the speaker before.

use super::json::{error, segment_times};
use super::{Diagnostic, Read, Segment, Voices};
use crate::model::{words, Time};
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    segments: Vec<Seg>,
}

#[derive(Deserialize)]
struct Seg {
    #[serde(default)]
    speaker: Option<String>,
    #[serde(rename = "startTime")]
    start: Time,
    #[serde(rename = "endTime", default)]
    end: Option<Time>,
    #[serde(default)]
    body: Option<String>,
}

/// Reads a Podcasting 2.0 transcript.
pub fn read(
    text: &str,
    voices: &mut Voices,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Read, Diagnostic> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| error(text, &e))?;
    let mut segments = Vec::with_capacity(doc.segments.len());
    let mut voice: Option<String> = None;
    let mut last_start = Time(0);
    for (i, s) in doc.segments.iter().enumerate() {
        let end = segment_times(
            text,
            i,
            (s.start, s.end),
            ("startTime", "endTime"),
            &mut last_start,
            warnings,
        )?;
        if let Some(v) = s.speaker.as_deref().filter(|v| !v.trim().is_empty()) {
            voice = Some(v.trim().to_string());
        }
        let body = s.body.as_deref().unwrap_or_default().trim().to_string();
        let marks = match words(&body).count() {
            1 => vec![(0, s.start)],
            _ => Vec::new(),
        };
        segments.push(Segment {
            speaker: voice
                .as_deref()
                .filter(|_| words(&body).next().is_some())
                .map(|v| voices.id(v)),
            start: s.start,
            end,
            text: body,
            marks,
            ..Default::default()
        });
    }
    Ok(Read {
        segments,
        summary: Vec::new(),
    })
}
