//! The JSON path (`turns[3].speaker`) of a position in a JSON text, found by scanning
//! the text up to that position. serde_json reports where it stopped (line and column);
//! this names the value it was reading there, so that an error says both, without a
//! second, path-tracking deserializer in the WebAssembly.

/// One level of nesting on the way to the position.
enum Level {
    /// Inside an object; the key of the member being read, once its key was seen.
    Object(Option<String>),
    /// Inside an array, at this element.
    Array(usize),
}

/// The path of the value being read at byte `offset` of `text` (everything before the
/// offset is taken as read): `.` for the document itself, else members as `.name` (or
/// `["odd name"]`) and elements as `[n]`, the leading dot dropped (`turns[3].speaker`).
/// Malformed text gives the path as far as it makes sense; this never fails.
pub fn path_at(text: &str, offset: usize) -> String {
    path_of(&levels_at(text, offset))
}

/// Like [`path_at`], but inside an object the object's own path, not its member's: where
/// serde_json reports a missing field (at the object's end).
pub fn object_path_at(text: &str, offset: usize) -> String {
    let mut levels = levels_at(text, offset);
    if let Some(Level::Object(key)) = levels.last_mut() {
        *key = None;
    }
    path_of(&levels)
}

fn levels_at(text: &str, offset: usize) -> Vec<Level> {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut levels: Vec<Level> = Vec::new();
    // In an object, whether the next string is a key.
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                levels.push(Level::Object(None));
                expect_key = true;
            }
            b'[' => {
                levels.push(Level::Array(0));
                expect_key = false;
            }
            b'}' | b']' => {
                levels.pop();
                expect_key = false;
            }
            b',' => match levels.last_mut() {
                Some(Level::Array(n)) => *n += 1,
                Some(Level::Object(key)) => {
                    *key = None;
                    expect_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut end = start;
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                if expect_key {
                    if let Some(Level::Object(key)) = levels.last_mut() {
                        let raw = &bytes[start..end.min(bytes.len())];
                        *key = Some(unescape(&String::from_utf8_lossy(raw)));
                    }
                    expect_key = false;
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    levels
}

fn path_of(levels: &[Level]) -> String {
    let mut path = String::new();
    for level in levels {
        match level {
            Level::Array(n) => path.push_str(&format!("[{n}]")),
            Level::Object(Some(key)) if is_plain(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Object(Some(key)) => path.push_str(&format!("[{key:?}]")),
            Level::Object(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The byte offset of 1-based `line` and `column` (as serde_json counts them: bytes
/// from the line's start) in `text`, clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

fn is_plain(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// A JSON string's escapes undone, as far as a key in a path needs (`\"`, `\\`, `\uXXXX`).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).ok();
                out.push(code.and_then(char::from_u32).unwrap_or('\u{FFFD}'));
            }
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path at the `|` in `marked` (which is removed).
    fn at(marked: &str) -> String {
        let offset = marked.find('|').unwrap();
        path_at(&marked.replacen('|', "", 1), offset)
    }

    #[test]
    fn paths_at_positions() {
        assert_eq!(at("|{}"), ".");
        assert_eq!(at(r#"{"title": 5|}"#), "title");
        assert_eq!(at(r#"{"a": 1, "title": |5}"#), "title");
        assert_eq!(
            at(r#"{"turns": [{"id": "t1"}, {"id": 7|}]}"#),
            "turns[1].id"
        );
        assert_eq!(
            at(r#"{"turns":[{"paragraphs":["a", 7|]}]}"#),
            "turns[0].paragraphs[1]"
        );
        // After a closed object: the object's own path (a missing field is reported
        // at the closing brace).
        assert_eq!(at(r#"{"turns":[{"paragraphs":[]}|]}"#), "turns[0]");
        // Strings with brackets, commas and escaped quotes inside are skipped.
        assert_eq!(at(r#"{"x": "[,{\"", "y": [1, |2]}"#), "y[1]");
        // Odd keys are quoted.
        assert_eq!(at(r#"{"a b": {"c\"d": |1}}"#), r#"["a b"]["c\"d"]"#);
        assert_eq!(at(r#"{"\u0041": |1}"#), "A");
        // Truncated or malformed text never fails.
        assert_eq!(at(r#"{"turns":[{"id":"t1|"#), "turns[0].id");
        assert_eq!(at(r#"]]}}|"#), ".");
        assert_eq!(path_at("{\"a\":", 99), "a");
        assert_eq!(path_at("\"\\", 2), ".");
    }

    #[test]
    fn offsets_of_lines_and_columns() {
        let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(&text[offset_of(text, 3, 8)..], "x\n}");
        assert_eq!(offset_of(text, 9, 9), text.len());
        assert_eq!(offset_of(text, 0, 0), 0);
    }

    #[test]
    fn serde_json_positions_name_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            title: String,
            turns: Vec<Turn>,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Turn {
            id: String,
            paragraphs: Vec<String>,
        }
        let path = |json: &str| {
            let e = serde_json::from_str::<Doc>(json).unwrap_err();
            let offset = offset_of(json, e.line(), e.column());
            match e.to_string().starts_with("missing field") {
                true => object_path_at(json, offset),
                false => path_at(json, offset),
            }
        };
        assert_eq!(path(r#"{"title": 5, "turns": []}"#), "title");
        assert_eq!(
            path("{\"title\": \"T\",\n \"turns\": [{\"id\": \"t1\", \"paragraphs\": [\"a\", 7]}]}"),
            "turns[0].paragraphs[1]"
        );
        assert_eq!(
            path(r#"{"title": "T", "turns": [{"paragraphs": []}]}"#),
            "turns[0]"
        );
        assert_eq!(path(r#"{"title": "T"}"#), ".");
        assert_eq!(path(r#"{"title": "T", "turns": {"#), "turns");
        assert_eq!(
            path(r#"{"title": "T", "turns": [{"id": null"#),
            "turns[0].id"
        );
    }
}
