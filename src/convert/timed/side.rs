//! Side files next to a timed input, and the media flags: the speakers' names
//! (`talk.speakers.json`: `{"SPEAKER_00": {"name": "…", "role": "…"}}`, a bare string
//! being the name) and the recording (`talk.media.json`: `{"url", "kind", "poster"}`,
//! or `--media URL --media-kind video --poster URL`). Addresses are checked by
//! [`unsafe_url`]: only `http:`, `https:` and relative ones.

use super::json::{error, position, Step};
use super::Diagnostic;
use crate::model::{unsafe_url, Media, MediaKind};
use serde_json::Value;

/// Names for the voices of an input, from a side file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerNames {
    /// The side file's name, for messages about it.
    pub file: String,
    /// The names, in the file's order.
    pub names: Vec<SpeakerName>,
}

/// One voice's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerName {
    /// The voice as the input writes it (`SPEAKER_00`, `Jane`).
    pub key: String,
    /// The name to show.
    pub name: String,
    /// The speaker's title or position, when given.
    pub role: Option<String>,
    /// Where the entry is in the side file (1-based line and column).
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// Reads a speakers side file; errors at their line and column in it.
pub fn speaker_names(file: &str, text: &str) -> Result<SpeakerNames, Diagnostic> {
    let value: Value = serde_json::from_str(text).map_err(|e| error(text, &e))?;
    let Value::Object(map) = value else {
        return Err(Diagnostic::new(
            1,
            1,
            "expected an object naming voices: {\"SPEAKER_00\": {\"name\": \"…\", \"role\": \"…\"}}",
        ));
    };
    let mut names = Vec::with_capacity(map.len());
    for (key, v) in &map {
        let (line, column) = position(text, &[Step::Key(key)]);
        let fail = |what: &str| Err(Diagnostic::new(line, column, format!("at {key:?}: {what}")));
        let string = |v: Option<&Value>| v.and_then(Value::as_str).map(|s| s.trim().to_string());
        let (name, role) = match v {
            Value::String(s) => (s.trim().to_string(), None),
            Value::Object(o) => {
                if o.get("name").is_some_and(|n| !n.is_string()) {
                    return fail("`name` must be a string");
                }
                if o.get("role")
                    .is_some_and(|r| !r.is_string() && !r.is_null())
                {
                    return fail("`role` must be a string");
                }
                (
                    string(o.get("name")).unwrap_or_default(),
                    string(o.get("role")).filter(|r| !r.is_empty()),
                )
            }
            _ => return fail("expected a name, or {\"name\": …, \"role\": …}"),
        };
        if name.is_empty() {
            return fail("the name is empty");
        }
        names.push(SpeakerName {
            key: key.clone(),
            name,
            role,
            line,
            column,
        });
    }
    names.sort_by_key(|n| (n.line, n.column));
    Ok(SpeakerNames {
        file: file.to_string(),
        names,
    })
}

/// Reads a media side file (`{"url": …, "kind": "audio"|"video", "poster": …}`).
pub fn media_file(text: &str) -> Result<Media, Diagnostic> {
    let value: Value = serde_json::from_str(text).map_err(|e| error(text, &e))?;
    let Value::Object(map) = &value else {
        return Err(Diagnostic::new(
            1,
            1,
            "expected an object: {\"url\": …, \"kind\": \"audio\" or \"video\", \"poster\": …}",
        ));
    };
    let at = |k: &str| position(text, &[Step::Key(k)]);
    let field = |k: &str| -> Result<Option<&str>, Diagnostic> {
        match map.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => {
                let (l, c) = at(k);
                Err(Diagnostic::new(l, c, format!("`{k}` must be a string")))
            }
        }
    };
    let Some(url) = field("url")? else {
        return Err(Diagnostic::new(1, 1, "missing `url`: the media's address"));
    };
    let kind = match field("kind")? {
        None => None,
        Some(k) => Some(media_kind(k).ok_or_else(|| {
            let (l, c) = at("kind");
            Diagnostic::new(
                l,
                c,
                format!("`kind` is {k:?}: expected \"audio\" or \"video\""),
            )
        })?),
    };
    let poster = field("poster")?;
    media(url, kind, poster).map_err(|why| {
        let (l, c) = match unsafe_url(url) {
            Some(_) => at("url"),
            None => at("poster"),
        };
        Diagnostic::new(l, c, why)
    })
}

/// The recording at `url`; its kind guessed from the file's extension when not given
/// (`.mp4`, `.m4v`, `.mov`, `.webm`, `.ogv`: video; anything else audio). An unsafe
/// address is an error, saying why.
pub fn media(url: &str, kind: Option<MediaKind>, poster: Option<&str>) -> Result<Media, String> {
    if let Some(why) = unsafe_url(url) {
        return Err(format!("media address {url:?} refused: {why}"));
    }
    if let Some(why) = poster.and_then(unsafe_url) {
        return Err(format!(
            "poster address {:?} refused: {why}",
            poster.unwrap_or_default()
        ));
    }
    Ok(Media {
        url: url.to_string(),
        kind: kind.unwrap_or_else(|| guess_kind(url)),
        poster: poster.map(str::to_string),
    })
}

/// `audio` or `video` (any case).
pub fn media_kind(s: &str) -> Option<MediaKind> {
    match s.trim().to_ascii_lowercase().as_str() {
        "audio" => Some(MediaKind::Audio),
        "video" => Some(MediaKind::Video),
        _ => None,
    }
}

/// Video for a video file's extension, else audio.
fn guess_kind(url: &str) -> MediaKind {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if [".mp4", ".m4v", ".mov", ".webm", ".ogv"]
        .iter()
        .any(|e| path.ends_with(e))
    {
        MediaKind::Video
    } else {
        MediaKind::Audio
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_media() {
        let n = speaker_names(
            "n.json",
            "{\n  \"SPEAKER_01\": \"Bob\",\n  \"SPEAKER_00\": {\"name\": \"Ann\", \"role\": \"Host\"}\n}",
        )
        .unwrap();
        let got: Vec<_> = n
            .names
            .iter()
            .map(|n| (n.key.as_str(), n.name.as_str(), n.line))
            .collect();
        assert_eq!(got, [("SPEAKER_01", "Bob", 2), ("SPEAKER_00", "Ann", 3)]);
        assert_eq!(n.names[1].role.as_deref(), Some("Host"));
        let e = speaker_names("n.json", "{\n \"A\": 5}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 7), "{e}");
        let m = media("https://x.org/a.MP4?x=1", None, None).unwrap();
        assert_eq!(m.kind, MediaKind::Video);
        assert_eq!(
            media("talk.ogg", None, None).unwrap().kind,
            MediaKind::Audio
        );
        assert!(media("javascript:alert(1)", None, None)
            .unwrap_err()
            .contains("javascript:"));
        let e = media_file("{\"kind\": \"audio\",\n \"url\": \"data:x\"}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        let e = media_file("{\"url\": \"a.mp3\", \"kind\": \"film\"}").unwrap_err();
        assert!(e.message.contains("film"), "{e}");
    }
}
