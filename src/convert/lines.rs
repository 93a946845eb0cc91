//! The input as lines: one paragraph a line, blank lines dropped, every line trimmed and
//! numbered as the editor numbers it (`\n`, `\r\n`, `\r`, U+2028 and U+2029 all end one).

use super::text::{self, trim};

/// One non-blank input line, trimmed, with its 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the input.
    pub no: usize,
    /// The line, trimmed of every kind of space.
    pub text: &'a str,
}

/// The non-blank lines of `text`, a leading byte-order mark dropped.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut no = 0;
    let mut rest = text;
    while !rest.is_empty() || no == 0 {
        no += 1;
        let end = line_end(rest);
        let line = &rest[..end];
        let mut next = &rest[end..];
        if let Some(c) = next.chars().next() {
            next = &next[c.len_utf8()..];
            if c == '\r' {
                next = next.strip_prefix('\n').unwrap_or(next);
            }
        }
        let t = trim(line);
        if !t.is_empty() {
            out.push(Line { no, text: t });
        }
        rest = next;
        if rest.is_empty() {
            break;
        }
    }
    out
}

/// Byte offset of the first line break in `s` (`\n`, `\r`, U+2028, U+2029), or its length.
/// A byte scan: this runs over every byte of the input.
fn line_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' | b'\r' => return i,
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                return i
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// `* * *`, `***`, `⁂`: a section break.
pub fn is_separator(line: &str) -> bool {
    if !line.starts_with(['*', '⁂']) {
        return false;
    }
    let stars = line.chars().filter(|&c| c == '*').count();
    (stars >= 3 && line.chars().all(|c| c == '*' || text::is_space(c))) || line == "⁂"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_survive_every_line_break() {
        let got: Vec<(usize, &str)> = lines("\u{FEFF}a\r\n\r\nb\rc\u{2028}d\u{2029}\n e ")
            .iter()
            .map(|l| (l.no, l.text))
            .collect();
        assert_eq!(got, [(1, "a"), (3, "b"), (4, "c"), (5, "d"), (7, "e")]);
    }

    #[test]
    fn separators() {
        assert!(is_separator("* * *"));
        assert!(is_separator("***"));
        assert!(is_separator("⁂"));
        assert!(!is_separator("**"));
        assert!(!is_separator("* note *"));
    }
}
