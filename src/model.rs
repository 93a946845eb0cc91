//! The transcript JSON schema as serde types, shared by the converter (which writes it)
//! and the viewer (which reads it). One name per idea: a *turn* is one speaker's
//! uninterrupted contribution, made of *paragraphs*; a *speaker* is a person (or an
//! anonymous voice such as "Question") that owns turns.
//!
//! The schema is versioned by [`SCHEMA_VERSION`]; readers reject other versions with a
//! clear error (see [`Transcript::from_json`]).

mod json_path;
mod timing;

pub use timing::{safe_url, unsafe_url, words, Media, MediaKind, Time, Timing, MAX_SECONDS};

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The version of the JSON schema written by this crate: 2 added the timed fields
/// (`media`, turns' `start`/`end`, paragraphs' `times`).
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this crate still reads (version 1 is version 2 untimed).
pub const OLDEST_SCHEMA: u32 = 1;

/// True for the schema versions this crate reads.
pub fn reads_schema(v: u32) -> bool {
    (OLDEST_SCHEMA..=SCHEMA_VERSION).contains(&v)
}

/// A whole transcript: header, summary, speakers and turns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// Schema version, always [`SCHEMA_VERSION`] when written by this crate.
    pub schema: u32,
    /// BCP 47 language tag of the transcript text (`en`, `ru`, …).
    pub lang: String,
    /// The headline; empty (and left out of the JSON) when the source has none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// ISO `YYYY-MM-DD`, when the source gives a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `HH:MM` (24 h), when the source gives a time next to the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Where it took place, as written in the source (`The Kremlin, Moscow`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date-and-place line exactly as the source wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The section the page was published in (the breadcrumb: `News`, `Transcripts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Introductory paragraphs before the transcript proper.
    #[serde(default)]
    pub summary: Vec<String>,
    /// Every speaker, in order of first appearance.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// The turns, in order.
    #[serde(default)]
    pub turns: Vec<Turn>,
    /// Where the text comes from.
    pub source: Source,
    /// The recording the text is a transcript of, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

/// A person (or anonymous voice) who speaks in the transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable identifier, unique in the transcript, usable in URLs and HTML ids.
    pub id: String,
    /// The name as shown (`Vladimir Putin`, `В.Путин`, `Question`).
    pub name: String,
    /// Title or position, when a label gives one (`President of Russia`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// True for labels that name no person (`Question`, `Remark`, `Вопрос`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub anonymous: bool,
}

/// One speaker's uninterrupted contribution.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// Stable identifier, unique in the transcript (`t1`, `t2`, …).
    pub id: String,
    /// The [`Speaker::id`] of who speaks; `None` for text no label introduces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// A note the label carries between name and colon, without parentheses
    /// (`retranslated`, `in English`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// The paragraphs, text exactly as in the source (no-break spaces kept).
    pub paragraphs: Vec<String>,
    /// When the turn starts on the media's clock, when the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Time>,
    /// When it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
    /// When each paragraph is spoken: one per paragraph, or none for an untimed turn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<Timing>,
}

/// Provenance of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// File name the transcript was converted from.
    pub file: String,
    /// Credit line to show with the text, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Licence of the text, when known (`CC BY 4.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Address of the original page, when the text names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The list of transcripts bundled with a site, written next to them as `index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    /// Schema version, as in [`Transcript::schema`].
    pub schema: u32,
    /// The entries; the first is the default transcript.
    pub transcripts: Vec<CatalogEntry>,
}

/// One bundled transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// File stem: the JSON is `<id>.json` beside the catalog.
    pub id: String,
    /// The transcript's title.
    pub title: String,
    /// Its date, ISO `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Its language tag.
    pub lang: String,
}

impl Catalog {
    /// Reads a catalog (`index.json`) from JSON text, checking its schema version. Errors
    /// carry the JSON path and line/column. A catalog that lists nothing reads: its
    /// readers say what that means for them (the app: `components::parse_catalog`).
    pub fn from_json(text: &str) -> Result<Catalog, JsonError> {
        let catalog: Catalog =
            serde_json::from_str(text).map_err(|e| JsonError::from_serde(text, &e))?;
        if !reads_schema(catalog.schema) {
            return Err(unsupported_version(&catalog.schema));
        }
        Ok(catalog)
    }

    /// A catalog of these ids, each titled with its id in capitals (for tests).
    #[cfg(test)]
    pub(crate) fn of_ids(ids: &[&str]) -> Catalog {
        Catalog {
            schema: SCHEMA_VERSION,
            transcripts: ids
                .iter()
                .map(|id| CatalogEntry {
                    id: (*id).into(),
                    title: id.to_uppercase(),
                    date: None,
                    lang: "en".into(),
                })
                .collect(),
        }
    }
}

/// The error for a schema version this crate does not read.
fn unsupported_version(v: &dyn std::fmt::Display) -> JsonError {
    JsonError {
        path: "schema".into(),
        line: 0,
        column: 0,
        message: format!(
            "unsupported schema version {v} (this viewer reads versions {OLDEST_SCHEMA} to {SCHEMA_VERSION})"
        ),
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Why a JSON document could not be read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// JSON path of the offending value (`turns[3].speaker`), `.` for the document.
    pub path: String,
    /// 1-based line of the error in the JSON text (0 when not known).
    pub line: usize,
    /// 1-based column of the error in the JSON text (0 when not known).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}: ", self.line, self.column)?;
        }
        if self.path != "." {
            write!(f, "at {}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    /// serde_json's error reading `text`, with the JSON path of the value it stopped at.
    pub fn from_serde(text: &str, error: &serde_json::Error) -> JsonError {
        let (line, column) = (error.line(), error.column());
        let message = strip_position(&error.to_string());
        let offset = json_path::offset_of(text, line, column);
        let path = match line {
            0 => ".".to_string(),
            // Reported at the object's end: the object is what lacks it.
            _ if message.starts_with("missing field") => json_path::object_path_at(text, offset),
            _ => json_path::path_at(text, offset),
        };
        JsonError {
            path,
            line,
            column,
            message,
        }
    }
}

/// Something odd in a transcript that still renders ([`Transcript::warnings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The transcript has no turns (only its header, perhaps a summary).
    NoTurns,
    /// A turn names a speaker id that the speaker list does not have; the viewer shows
    /// the id as the speaker's name.
    UnknownSpeaker {
        /// Index of the turn in [`Transcript::turns`].
        turn: usize,
        /// The turn's id.
        turn_id: String,
        /// The speaker id it names.
        speaker: String,
    },
    /// A speaker that no turn names.
    UnusedSpeaker {
        /// Index of the speaker in [`Transcript::speakers`].
        index: usize,
        /// The speaker's id.
        id: String,
    },
}

impl Warning {
    /// JSON path of the value concerned (`turns[3].speaker`, `speakers[0]`, `turns`).
    pub fn path(&self) -> String {
        match self {
            Warning::NoTurns => "turns".into(),
            Warning::UnknownSpeaker { turn, .. } => format!("turns[{turn}].speaker"),
            Warning::UnusedSpeaker { index, .. } => format!("speakers[{index}]"),
        }
    }
}

impl fmt::Display for Warning {
    /// `at turns[3].speaker: turn "t4" names speaker "nobody", who is not in the
    /// speaker list`: the path, then what is odd.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoTurns => write!(f, "at turns: the transcript has no turns"),
            Warning::UnknownSpeaker {
                turn_id, speaker, ..
            } => write!(
                f,
                "at {}: turn {turn_id:?} names speaker {speaker:?}, who is not in the speaker list",
                self.path()
            ),
            Warning::UnusedSpeaker { id, .. } => {
                write!(f, "at {}: speaker {id:?} has no turns", self.path())
            }
        }
    }
}

impl Transcript {
    /// The title to show: the title, or for a source with none (a caption file, a print
    /// page that starts with a label) its date line, else a word for "transcript" in
    /// its language.
    pub fn display_title(&self) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        if let Some(d) = self.dateline.as_ref().filter(|d| !d.is_empty()) {
            return d.clone();
        }
        if self.lang.starts_with("ru") {
            "Стенограмма"
        } else {
            "Transcript"
        }
        .to_string()
    }

    /// Reads a transcript from JSON text, checking the schema version and the ids
    /// ([`Transcript::validate`]). Errors carry the JSON path and line/column. What is
    /// odd but renders (a turn naming an unknown speaker, …) is no error: see
    /// [`Transcript::warnings`].
    pub fn from_json(text: &str) -> Result<Transcript, JsonError> {
        // serde would read a struct from an array too, field by field.
        let leading = &text[..text.len() - text.trim_start().len()];
        if text[leading.len()..].starts_with('[') {
            let line = leading.matches('\n').count() + 1;
            let column = leading.len() - leading.rfind('\n').map_or(0, |i| i + 1) + 1;
            return Err(JsonError {
                path: ".".into(),
                line,
                column,
                message: "expected a transcript object, found an array".into(),
            });
        }
        // One pass over the text when it reads; an old or future version says so
        // instead of failing on whichever field changed (a second pass, only then).
        let transcript: Transcript = match serde_json::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                #[derive(Deserialize)]
                struct Version {
                    schema: Option<serde_json::Value>,
                }
                return Err(match serde_json::from_str::<Version>(text) {
                    Ok(Version { schema: Some(v) })
                        if !v
                            .as_u64()
                            .and_then(|v| u32::try_from(v).ok())
                            .is_some_and(reads_schema) =>
                    {
                        unsupported_version(&v)
                    }
                    _ => JsonError::from_serde(text, &e),
                });
            }
        };
        transcript.validate()?;
        Ok(transcript)
    }

    /// Serialises to compact JSON with a trailing newline; deterministic.
    pub fn to_json(&self) -> String {
        // Serialising plain strings, numbers and vectors cannot fail.
        let mut s = serde_json::to_string(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Checks what serde cannot and rendering needs: the schema version is
    /// [`SCHEMA_VERSION`], and every speaker and turn id is non-empty and unique (they
    /// become element ids and list keys). What is odd but renders is a [`Warning`]
    /// instead ([`Transcript::warnings`]).
    pub fn validate(&self) -> Result<(), JsonError> {
        if !reads_schema(self.schema) {
            return Err(unsupported_version(&self.schema));
        }
        let fail = |path: String, message: String| {
            Err(JsonError {
                path,
                line: 0,
                column: 0,
                message,
            })
        };
        let mut seen = HashSet::new();
        for (i, s) in self.speakers.iter().enumerate() {
            if s.id.is_empty() || !seen.insert(s.id.as_str()) {
                return fail(
                    format!("speakers[{i}].id"),
                    format!("speaker id {:?} is empty or used twice", s.id),
                );
            }
        }
        let mut turn_ids = HashSet::new();
        for (i, t) in self.turns.iter().enumerate() {
            if t.id.is_empty() || !turn_ids.insert(t.id.as_str()) {
                return fail(
                    format!("turns[{i}].id"),
                    format!("turn id {:?} is empty or used twice", t.id),
                );
            }
        }
        self.validate_timing().map_err(|(path, message)| JsonError {
            path,
            line: 0,
            column: 0,
            message,
        })
    }

    /// What is odd but still renders: a turn naming a speaker the list lacks, a speaker
    /// no turn names, no turns at all. The viewer shows these as a note beside the
    /// transcript; the converter never writes them (but a transcript with no turns).
    /// In document order, turns' problems before speakers'.
    pub fn warnings(&self) -> Vec<Warning> {
        let index = self.speaker_index();
        let mut used = vec![false; self.speakers.len()];
        let mut out = Vec::new();
        if self.turns.is_empty() {
            out.push(Warning::NoTurns);
        }
        for (i, t) in self.turns.iter().enumerate() {
            if let Some(sp) = &t.speaker {
                match index.get(sp) {
                    Some(s) => used[s] = true,
                    None => out.push(Warning::UnknownSpeaker {
                        turn: i,
                        turn_id: t.id.clone(),
                        speaker: sp.clone(),
                    }),
                }
            }
        }
        for (i, s) in self.speakers.iter().enumerate() {
            // A speaker whose id another one, later in the list, also has (which
            // `from_json` refuses) counts as used when the id is.
            if !used[index.get(&s.id).unwrap_or(i)] {
                out.push(Warning::UnusedSpeaker {
                    index: i,
                    id: s.id.clone(),
                });
            }
        }
        out
    }

    /// The speakers' indices by id, for looking many turns' speakers up.
    pub fn speaker_index(&self) -> SpeakerIndex<'_> {
        let mut ids: Vec<(&str, usize)> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        // Of speakers with the same id (which `from_json` refuses), the last one.
        ids.sort_unstable_by(|a, b| a.0.cmp(b.0).then(b.1.cmp(&a.1)));
        ids.dedup_by_key(|(id, _)| *id);
        SpeakerIndex(ids)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }
}

/// A transcript's speakers' indices by id ([`Transcript::speaker_index`]): sorted, and
/// looked up by binary search, a few string comparisons per turn. (Hashing each turn's
/// speaker id with the standard library's SipHash cost the 10 MB benchmark transcript's
/// load about 5 ms per pass in the Wasm.)
#[derive(Debug, Clone)]
pub struct SpeakerIndex<'a>(Vec<(&'a str, usize)>);

impl SpeakerIndex<'_> {
    /// The index in [`Transcript::speakers`] of the speaker with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        let at = self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok()?;
        Some(self.0[at].1)
    }
}

/// serde_json appends " at line L column C" to its messages; we report those separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Transcript {
        Transcript {
            schema: SCHEMA_VERSION,
            lang: "en".into(),
            title: "Talks".into(),
            date: Some("2022-02-18".into()),
            time: None,
            place: Some("The\u{a0}Kremlin, Moscow".into()),
            dateline: Some("February 18, 2022, The\u{a0}Kremlin, Moscow".into()),
            kind: Some("News".into()),
            summary: vec!["One \u{2019}quoted\u{2019}.".into()],
            speakers: vec![
                Speaker {
                    id: "vladimir-putin".into(),
                    name: "Vladimir Putin".into(),
                    role: Some("President of Russia".into()),
                    anonymous: false,
                },
                Speaker {
                    id: "question".into(),
                    name: "Question".into(),
                    role: None,
                    anonymous: true,
                },
            ],
            turns: vec![
                Turn {
                    id: "t1".into(),
                    speaker: Some("vladimir-putin".into()),
                    annotation: Some("retranslated".into()),
                    paragraphs: vec!["Hello.".into(), "Second: para".into()],
                    ..Default::default()
                },
                Turn {
                    id: "t2".into(),
                    speaker: None,
                    annotation: None,
                    paragraphs: vec!["<script>alert(1)</script>".into()],
                    ..Default::default()
                },
            ],
            source: Source {
                file: "talks.txt".into(),
                credit: Some("President of Russia website, kremlin.ru".into()),
                license: Some("CC BY 4.0".into()),
                url: None,
            },
            ..Default::default()
        }
    }

    #[test]
    fn round_trip_is_lossless() {
        let t = sample();
        let json = t.to_json();
        assert_eq!(Transcript::from_json(&json), Ok(t.clone()));
        assert_eq!(Transcript::from_json(&json).unwrap().to_json(), json);
    }

    #[test]
    fn version_1_still_reads() {
        let json = sample()
            .to_json()
            .replacen("\"schema\":2", "\"schema\":1", 1);
        let t = Transcript::from_json(&json).unwrap();
        assert_eq!(t.schema, 1);
        assert!(!t.is_timed());
        assert_eq!(t.to_json(), json);
        for v in ["0", "3"] {
            let json = json.replacen("\"schema\":1", &format!("\"schema\":{v}"), 1);
            assert_eq!(Transcript::from_json(&json).unwrap_err().path, "schema");
        }
    }

    #[test]
    fn rejects_other_schema_versions() {
        let json = sample()
            .to_json()
            .replacen("\"schema\":2", "\"schema\":99", 1);
        let err = Transcript::from_json(&json).unwrap_err();
        assert_eq!(err.path, "schema");
        assert!(err.message.contains("99"), "{err}");
    }

    #[test]
    fn a_future_version_that_does_not_read_says_its_version() {
        // The fields changed too: the version is named, not the first field that fails.
        let json = sample()
            .to_json()
            .replacen("\"schema\":2", "\"schema\":3", 1)
            .replacen("\"turns\":[", "\"turns\":{\"all\":[", 1)
            .replacen("],\"source\"", "]},\"source\"", 1);
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "{json}"
        );
        let err = Transcript::from_json(&json).unwrap_err();
        assert_eq!(err.path, "schema", "{err}");
        assert!(err.message.contains("version 3"), "{err}");
        // A string where the number belongs is a version this viewer does not read.
        let json = sample()
            .to_json()
            .replacen("\"schema\":2", "\"schema\":\"2\"", 1);
        assert_eq!(Transcript::from_json(&json).unwrap_err().path, "schema");
    }

    #[test]
    fn wrong_type_names_path_and_position() {
        let json =
            sample()
                .to_json()
                .replacen("\"paragraphs\":[\"Hello.\"", "\"paragraphs\":[7", 1);
        let err = Transcript::from_json(&json).unwrap_err();
        assert_eq!(err.path, "turns[0].paragraphs[0]");
        assert_eq!(err.line, 1);
        assert!(err.column > 1);
        assert!(err.to_string().starts_with("line 1, column "), "{err}");
    }

    #[test]
    fn truncated_json_is_an_error_with_position() {
        let json = sample().to_json();
        let err = Transcript::from_json(&json[..json.len() / 2]).unwrap_err();
        assert!(err.line >= 1 && err.column > 0, "{err:?}");
        assert!(err.message.contains("EOF"), "{err}");
    }

    #[test]
    fn nothing_may_follow_the_document() {
        let json = sample().to_json();
        let twice = format!("{json}{json}");
        let err = Transcript::from_json(&twice).unwrap_err();
        assert_eq!(err.path, ".");
        assert_eq!((err.line, err.column), (2, 1));
        assert_eq!(err.message, "trailing characters");
        assert!(Transcript::from_json(&format!("\n {json} \n\t")).is_ok());
    }

    #[test]
    fn a_document_that_is_no_object_says_so() {
        let err = Transcript::from_json("\n  [1, 2, 3]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2, column 3: expected a transcript object, found an array"
        );
        let err = Transcript::from_json("7").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1, column 1: invalid type: integer `7`, expected struct Transcript"
        );
        let err = Transcript::from_json("").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1, column 0: EOF while parsing a value"
        );
    }

    #[test]
    fn odd_but_renderable_transcripts_read_with_warnings() {
        // In the sample, "question" has no turn.
        assert_eq!(
            sample().warnings(),
            [Warning::UnusedSpeaker {
                index: 1,
                id: "question".into()
            }]
        );
        let mut t = sample();
        t.turns[1].speaker = Some("question".into());
        assert_eq!(t.warnings(), []);
        t.turns[0].speaker = Some("nobody".into());
        let read = Transcript::from_json(&t.to_json()).expect("still readable");
        let warnings = read.warnings();
        assert_eq!(
            warnings,
            [
                Warning::UnknownSpeaker {
                    turn: 0,
                    turn_id: "t1".into(),
                    speaker: "nobody".into()
                },
                Warning::UnusedSpeaker {
                    index: 0,
                    id: "vladimir-putin".into()
                }
            ]
        );
        assert_eq!(warnings[0].path(), "turns[0].speaker");
        assert_eq!(
            warnings[0].to_string(),
            "at turns[0].speaker: turn \"t1\" names speaker \"nobody\", who is not in the speaker list"
        );
        assert_eq!(
            warnings[1].to_string(),
            "at speakers[0]: speaker \"vladimir-putin\" has no turns"
        );
        let empty = r#"{"schema":1,"lang":"en","title":"T","source":{"file":"a.txt"}}"#;
        let empty = Transcript::from_json(empty).unwrap().warnings();
        assert_eq!(empty, [Warning::NoTurns]);
        assert_eq!(empty[0].path(), "turns");
        assert_eq!(
            empty[0].to_string(),
            "at turns: the transcript has no turns"
        );
    }

    #[test]
    fn the_speaker_index_finds_every_id_and_of_two_the_last() {
        let mut t = sample();
        let ids: Vec<String> = t.speakers.iter().map(|s| s.id.clone()).collect();
        let index = t.speaker_index();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(index.get(id), Some(i), "{id}");
        }
        assert_eq!(index.get("nobody"), None);
        assert_eq!(index.get(""), None);
        // Built without `from_json`, two speakers may share an id: the last one has it
        // (as a map built in order would say), and neither is "unused".
        let before = t.warnings();
        t.speakers.push(t.speakers[0].clone());
        let last = t.speakers.len() - 1;
        assert_eq!(t.speaker_index().get(&ids[0]), Some(last));
        assert_eq!(t.warnings(), before);
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let mut t = sample();
        t.turns[1].id = "t1".into();
        assert_eq!(
            Transcript::from_json(&t.to_json()).unwrap_err().path,
            "turns[1].id"
        );
        let mut t = sample();
        t.speakers[1].id = "vladimir-putin".into();
        assert_eq!(
            Transcript::from_json(&t.to_json()).unwrap_err().path,
            "speakers[1].id"
        );
    }

    #[test]
    fn optional_fields_are_omitted_and_defaulted() {
        let json = r#"{"schema":1,"lang":"en","title":"T","source":{"file":"a.txt"}}"#;
        let t = Transcript::from_json(json).unwrap();
        assert!(t.turns.is_empty() && t.summary.is_empty() && t.date.is_none());
        // Lists are always written, so readers never need to default them.
        assert_eq!(
            t.to_json().trim_end(),
            r#"{"schema":1,"lang":"en","title":"T","summary":[],"speakers":[],"turns":[],"source":{"file":"a.txt"}}"#
        );
    }
}
