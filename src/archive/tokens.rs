//! Terms: the folded words the index and the queries are made of.
//!
//! The text is cut into *runs* of characters that can fold to a letter or digit
//! (letters, digits, combining marks, and the invisible characters the in-page search
//! ignores: zero-width spaces and joiners, soft hyphens). Each run is folded with
//! [`crate::search::fold`] (default mode) and cut again where the folded text has a
//! character that is not a letter, digit or combining mark (`ʼ` folds to `'`). Build,
//! query and snippet all use [`tokens`] or [`for_each_term`], so they always agree.

use crate::search::{fold, FoldMode};
use std::ops::Range;

/// A term of a text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded term.
    pub term: String,
    /// The byte range of the original text it comes from (for a run that folds to
    /// several terms, each gets the whole run).
    pub range: Range<usize>,
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// A character of a run, before folding.
fn in_run(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c) || is_invisible(c)
}

/// A character of a term, after folding.
fn in_term(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Calls `f` with each term of `text` and the byte range of its run, in order.
/// `buf` is scratch space, kept between calls to save allocations.
pub(super) fn for_each_term(text: &str, buf: &mut String, mut f: impl FnMut(&str, Range<usize>)) {
    let mut start = None;
    let mut emit = |run: Range<usize>, buf: &mut String| {
        let s = &text[run.clone()];
        buf.clear();
        if s.is_ascii() {
            buf.push_str(s);
            buf.make_ascii_lowercase();
            // An ASCII run is letters and digits only: one term.
            f(buf, run);
            return;
        }
        buf.push_str(&fold(s, FoldMode::default()).text);
        for part in buf.split(|c: char| !in_term(c)) {
            if !part.is_empty() {
                f(part, run.clone());
            }
        }
    };
    for (i, c) in text.char_indices() {
        match (in_run(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                emit(s..i, buf);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        emit(s..text.len(), buf);
    }
}

/// The terms of `text` with their places.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_term(text, &mut buf, |term, range| {
        out.push(Token {
            term: term.to_string(),
            range,
        })
    });
    out
}

/// The terms of `text`, as the index stores them.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.term).collect()
}
