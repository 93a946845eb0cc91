//! JSON input's errors as `line:column` with the JSON path: serde_json's own, and
//! [`locate`], which finds where a value is for the errors serde cannot see (times
//! going back).

use super::super::Diagnostic;
use crate::model::JsonError;

/// serde_json's error as a diagnostic at its line and column, with the JSON path.
pub fn error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let j = JsonError::from_serde(text, e);
    let (line, column) = match j.line {
        0 => (1, 1),
        l => (l, char_column(text, l, j.column)),
    };
    let message = match j.path.as_str() {
        "." | "" => format!("invalid JSON: {}", j.message),
        p => format!("invalid JSON at {p}: {}", j.message),
    };
    Diagnostic::new(line, column.max(1), message)
}

/// serde_json's column (bytes) on `line` as characters.
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line - 1) else {
        return column;
    };
    let mut end = column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

/// The 1-based line and column (in characters) of byte `offset`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A step in a JSON path: an object's key or an array's index.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// `.key`
    Key(&'a str),
    /// `[i]`
    Index(usize),
}

/// The byte offset of the value at `path` in `text` (valid JSON), if it is there.
pub fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    for step in path {
        match (step, b.get(at)?) {
            (Step::Key(k), b'{') => {
                at = skip_ws(b, at + 1);
                loop {
                    if b.get(at)? != &b'"' {
                        return None;
                    }
                    let end = skip_string(b, at)?;
                    let name = &text[at + 1..end - 1];
                    at = skip_ws(b, end);
                    if b.get(at)? != &b':' {
                        return None;
                    }
                    at = skip_ws(b, at + 1);
                    if name == *k {
                        break;
                    }
                    at = skip_ws(b, skip_value(b, at)?);
                    match b.get(at)? {
                        b',' => at = skip_ws(b, at + 1),
                        _ => return None,
                    }
                }
            }
            (Step::Index(i), b'[') => {
                at = skip_ws(b, at + 1);
                for _ in 0..*i {
                    at = skip_ws(b, skip_value(b, at)?);
                    match b.get(at)? {
                        b',' => at = skip_ws(b, at + 1),
                        _ => return None,
                    }
                }
                if b.get(at)? == &b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(at)
}

fn skip_ws(b: &[u8], mut at: usize) -> usize {
    while b
        .get(at)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at
}

/// The offset after the string opening at `at`.
fn skip_string(b: &[u8], mut at: usize) -> Option<usize> {
    at += 1;
    loop {
        match b.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
}

/// The offset after the value starting at `at`.
fn skip_value(b: &[u8], at: usize) -> Option<usize> {
    match b.get(at)? {
        b'"' => skip_string(b, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = at;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// The line and column of the value at `path`, or of the document when it is not found.
/// Checks segment `i`'s times (its start and end members are named `keys`): a start
/// before `last_start` is an error (times go back), an end before the start a warning
/// (taken to end at the start). Moves `last_start` on; returns the end to use.
pub fn segment_times(
    text: &str,
    i: usize,
    (start, end): (crate::model::Time, Option<crate::model::Time>),
    keys: (&str, &str),
    last_start: &mut crate::model::Time,
    warnings: &mut Vec<Diagnostic>,
) -> Result<crate::model::Time, Diagnostic> {
    let at = |key| [Step::Key("segments"), Step::Index(i), Step::Key(key)];
    if start < *last_start {
        let (line, column) = position(text, &at(keys.0));
        return Err(Diagnostic::new(
            line,
            column,
            format!(
                "segments[{i}] starts at {start} s, before the segment before it ({} s): times go back",
                last_start
            ),
        ));
    }
    *last_start = start;
    let end = end.unwrap_or(start);
    if end < start {
        let (line, column) = position(text, &at(keys.1));
        warnings.push(Diagnostic::new(
            line,
            column,
            format!(
                "warning: segments[{i}] ends at {end} s, before it starts ({start} s); taken to end there"
            ),
        ));
        return Ok(start);
    }
    Ok(end)
}

pub fn position(text: &str, path: &[Step]) -> (usize, usize) {
    locate(text, path).map_or((1, 1), |at| line_column(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_located() {
        let text = "{\"a\": 1, \"segments\": [\n {\"x\": \"]\\\"\"},\n {\"start\": 5}]}";
        let at = locate(
            text,
            &[Step::Key("segments"), Step::Index(1), Step::Key("start")],
        );
        assert_eq!(line_column(text, at.unwrap()), (3, 12));
        assert_eq!(locate(text, &[Step::Key("segments"), Step::Index(2)]), None);
        assert_eq!(locate(text, &[Step::Key("b")]), None);
    }
}
