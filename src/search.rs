//! Search without the DOM: query folding, matching, and the spans a renderer highlights.
//!
//! Text and query are *folded* the same way before comparing: full case folding (Latin,
//! Cyrillic, Greek), every run of white space (no-break spaces included) as one space,
//! straight and curly quotes alike, the dash family alike, `ё` as `е`, zero-width
//! characters ignored, and — unless the user asks to match diacritics — Latin and Greek
//! diacritics dropped (`é` → `e`; `й` stays `й`). A [`Folded`] text keeps a compact map
//! back to the original, so matches are reported as byte ranges of the original text
//! and highlighting never has to re-parse anything.

mod base_letters;

use std::ops::Range;

/// How text is folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FoldMode {
    /// Keep diacritics (`é` ≠ `e`); `ё` = `е` regardless.
    pub match_diacritics: bool,
}

/// What the user asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchOptions {
    /// Keep diacritics when comparing.
    pub match_diacritics: bool,
    /// Matches must start and end at word boundaries.
    pub whole_words: bool,
}

impl SearchOptions {
    /// The fold mode these options need.
    pub fn fold_mode(&self) -> FoldMode {
        FoldMode {
            match_diacritics: self.match_diacritics,
        }
    }
}

/// A query after folding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Query {
    /// Nothing typed (or only white space): no search is active.
    #[default]
    Empty,
    /// Only punctuation or symbols: a search is active but can match nothing.
    NothingToSearch,
    /// The folded phrase to look for.
    Phrase(String),
}

impl Query {
    /// Folds `raw` as text is folded in `mode`.
    pub fn new(raw: &str, mode: FoldMode) -> Query {
        let folded = fold(raw, mode).text;
        let phrase = folded.trim_matches(' ');
        if phrase.is_empty() {
            Query::Empty
        } else if !phrase.chars().any(char::is_alphanumeric) {
            Query::NothingToSearch
        } else {
            Query::Phrase(phrase.to_string())
        }
    }
}

/// Where an irregular piece of folded text came from (a character whose folded form has
/// a different length, or a collapsed run of spaces). Between anchors, folded and
/// original bytes correspond one to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    folded: u32,
    folded_len: u32,
    orig: u32,
    orig_len: u32,
}

impl Anchor {
    fn folded_end(&self) -> usize {
        (self.folded + self.folded_len) as usize
    }
    fn orig_end(&self) -> usize {
        (self.orig + self.orig_len) as usize
    }
}

/// Folded text with its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    anchors: Vec<Anchor>,
}

/// Folds `s`; see the module documentation.
pub fn fold(s: &str, mode: FoldMode) -> Folded {
    fold_with(s, mode, true)
}

/// [`fold`], with or without the fast paths (which the tests check against the slow,
/// one-character-at-a-time path).
fn fold_with(s: &str, mode: FoldMode, fast: bool) -> Folded {
    let mut out = String::with_capacity(s.len());
    let mut anchors: Vec<Anchor> = Vec::new();
    // The anchor of the current run of spaces, once the run is irregular.
    let mut space_run: Option<(usize, Option<usize>)> = None; // (orig start, anchor index)
    let mut buf = String::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast paths for the common cases, which fold to the same length: a run of
        // ASCII that is not white space, lower-cased in place, and basic Cyrillic.
        if fast && bytes[i].is_ascii() && !bytes[i].is_ascii_whitespace() && bytes[i] != 0x0B {
            let end = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii() || b.is_ascii_whitespace() || *b == 0x0B)
                .map_or(bytes.len(), |n| i + n);
            let at = out.len();
            out.push_str(&s[i..end]);
            out[at..].make_ascii_lowercase();
            space_run = None;
            i = end;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if fast && matches!(c, 'а'..='я' | 'А'..='Я') {
            out.push(if c <= 'Я' {
                char::from_u32(c as u32 + 0x20).unwrap_or(c)
            } else {
                c
            });
            space_run = None;
            i += len;
            continue;
        }
        if c.is_whitespace() {
            match &mut space_run {
                Some((start, anchor)) => {
                    let idx = *anchor.get_or_insert_with(|| {
                        anchors.push(Anchor {
                            folded: (out.len() - 1) as u32,
                            folded_len: 1,
                            orig: *start as u32,
                            orig_len: (i - *start) as u32,
                        });
                        anchors.len() - 1
                    });
                    anchors[idx].orig_len += len as u32;
                }
                None => {
                    let anchor = (len != 1).then(|| {
                        anchors.push(Anchor {
                            folded: out.len() as u32,
                            folded_len: 1,
                            orig: i as u32,
                            orig_len: len as u32,
                        });
                        anchors.len() - 1
                    });
                    out.push(' ');
                    space_run = Some((i, anchor));
                }
            }
            i += len;
            continue;
        }
        space_run = None;
        buf.clear();
        fold_char(c, mode, out.chars().next_back(), &mut buf);
        // One char to one char of the same length maps byte for byte; anything else
        // (`ß` → `ss` is also two bytes) needs an anchor.
        if buf.len() != len || buf.chars().nth(1).is_some() {
            anchors.push(Anchor {
                folded: out.len() as u32,
                folded_len: buf.len() as u32,
                orig: i as u32,
                orig_len: len as u32,
            });
        }
        out.push_str(&buf);
        i += len;
    }
    Folded { text: out, anchors }
}

/// Appends the folded form of `c` (not ASCII, not white space) to `out`.
fn fold_char(c: char, mode: FoldMode, prev: Option<char>, out: &mut String) {
    match c {
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        '‘' | '’' | '‚' | '‛' | '′' | '´' | 'ʼ' => out.push('\''),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹘' | '﹣' | '－' => {
            out.push('-')
        }
        'ё' | 'Ё' => out.push('е'),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        'ſ' => out.push('s'),
        'ﬀ' => out.push_str("ff"),
        'ﬁ' => out.push_str("fi"),
        'ﬂ' => out.push_str("fl"),
        'ﬃ' => out.push_str("ffi"),
        'ﬄ' => out.push_str("ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("st"),
        // A combining mark on its own (decomposed text): part of the letter before it.
        c if is_combining(c) => {
            let drop = match prev {
                Some('е') => c == '\u{308}',
                Some(p) => !mode.match_diacritics && is_latin_or_greek(p),
                None => false,
            };
            if !drop {
                out.push(c);
            }
        }
        c => {
            let mut base = c;
            if !mode.match_diacritics {
                if let Some(plain) = plain_latin(c) {
                    for l in plain.chars() {
                        out.push(l);
                    }
                    return;
                }
                if let Some(letter) = base_letters::base_letter(c) {
                    base = letter;
                }
            }
            for l in base.to_lowercase() {
                match l {
                    'ς' => out.push('σ'),
                    // `İ` lower-cases to `i` + U+0307; the dot is a diacritic.
                    '\u{307}' if !mode.match_diacritics => {}
                    l => out.push(l),
                }
            }
        }
    }
}

/// Latin letters whose diacritic is not a combining mark in Unicode.
fn plain_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_latin_or_greek(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining(c)
}

impl Folded {
    /// Original byte offset where the folded character at `p` starts.
    fn orig_start(&self, p: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.folded_end() <= p);
        if let Some(a) = self.anchors.get(i) {
            if a.folded as usize <= p {
                return a.orig as usize;
            }
        }
        match i.checked_sub(1).map(|j| self.anchors[j]) {
            Some(a) => p - a.folded_end() + a.orig_end(),
            None => p,
        }
    }

    /// Original byte offset where folded text ending at `p` ends.
    fn orig_end(&self, p: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.folded_end() <= p);
        if let Some(a) = self.anchors.get(i) {
            if (a.folded as usize) < p {
                return a.orig_end();
            }
        }
        match i.checked_sub(1).map(|j| self.anchors[j]) {
            Some(a) => p - a.folded_end() + a.orig_end(),
            None => p,
        }
    }

    /// Every non-overlapping occurrence of the folded `phrase`, left to right, as byte
    /// ranges of the original text.
    pub fn find_all(&self, phrase: &str, whole_words: bool) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if phrase.is_empty() {
            return out;
        }
        let text = self.text.as_str();
        let first_word = phrase.chars().next().is_some_and(is_word_char);
        let last_word = phrase.chars().next_back().is_some_and(is_word_char);
        let mut from = 0;
        while let Some(at) = text[from..].find(phrase) {
            let start = from + at;
            let end = start + phrase.len();
            let ok = !whole_words
                || ((!first_word || !text[..start].chars().next_back().is_some_and(is_word_char))
                    && (!last_word || !text[end..].chars().next().is_some_and(is_word_char)));
            if ok {
                let r = self.orig_start(start)..self.orig_end(end);
                match out.last_mut() {
                    // Two matches inside one source character (`s`, `s` in `ß`) are one.
                    Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                    _ => out.push(r),
                }
                from = end;
            } else {
                // Try again one character further.
                from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }
}

/// One piece of a text to render: plain, or the `n`th match of the ranges given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of the piece, a slice of the original.
    pub text: &'a str,
    /// For a highlighted piece, the index of its range.
    pub mark: Option<usize>,
}

/// Cuts `text` into plain and highlighted pieces; `ranges` are sorted, non-overlapping
/// byte ranges on character boundaries (as [`Folded::find_all`] returns them). Ranges that
/// do not fit `text` are skipped rather than trusted.
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<Segment<'a>> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (n, r) in ranges.iter().enumerate() {
        if !fits(text, r, at) {
            continue;
        }
        if r.start > at {
            out.push(Segment {
                text: &text[at..r.start],
                mark: None,
            });
        }
        out.push(Segment {
            text: &text[r.clone()],
            mark: Some(n),
        });
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: &text[at..],
            mark: None,
        });
    }
    out
}

/// Whether `r` is a non-empty range of `text` on character boundaries that starts at or
/// after `at` (the end of the previous range taken).
fn fits(text: &str, r: &Range<usize>, at: usize) -> bool {
    r.start >= at
        && r.end > r.start
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// The byte `ranges` of `text` (sorted, non-overlapping, on character boundaries, as
/// [`Folded::find_all`] returns them) as offsets in UTF-16 code units, which is how the
/// DOM counts positions in a text node. One pass over the text; ranges that do not fit
/// it are skipped, as in [`segments`].
pub fn utf16_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<u32>> {
    let mut out = Vec::with_capacity(ranges.len());
    let (mut unit, mut byte) = (0u32, 0usize);
    // Advances to byte offset `to` (a character boundary at or after `byte`).
    let mut advance = |to: usize| -> u32 {
        unit += utf16_len(&text[byte..to]) as u32;
        byte = to;
        unit
    };
    let mut at = 0;
    for r in ranges {
        if !fits(text, r, at) {
            continue;
        }
        let start = advance(r.start);
        let end = advance(r.end);
        out.push(start..end);
        at = r.end;
    }
    out
}

/// The length of `text` in UTF-16 code units (`text.encode_utf16().count()`), counted
/// over bytes: every byte that starts a character is one unit, and one that starts a
/// four-byte character (outside the Basic Multilingual Plane) one more. Eight bytes at a
/// time (painting "of" on the 10 MB benchmark page counted 20 MB of text byte by byte
/// in 4.5 ms).
pub fn utf16_len(text: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut units = 0;
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        // A byte's top bit, moved to its bit 7: continuation bytes are 10xxxxxx, the
        // leading bytes of four-byte characters 11110xxx.
        let continuation = x & !(x << 1) & HIGH;
        let four = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + four.count_ones() as usize;
    }
    units
        + words
            .remainder()
            .iter()
            .map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
            .sum::<usize>()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NBSP: &str = "\u{a0}";

    fn find<'a>(text: &'a str, query: &str, opts: SearchOptions) -> Vec<&'a str> {
        let mode = opts.fold_mode();
        match Query::new(query, mode) {
            Query::Phrase(p) => fold(text, mode)
                .find_all(&p, opts.whole_words)
                .into_iter()
                .map(|r| &text[r])
                .collect(),
            _ => vec![],
        }
    }

    fn default() -> SearchOptions {
        SearchOptions::default()
    }

    #[test]
    fn matching_table() {
        let words = SearchOptions {
            whole_words: true,
            ..default()
        };
        let diacritics = SearchOptions {
            match_diacritics: true,
            ..default()
        };
        let both = SearchOptions {
            match_diacritics: true,
            whole_words: true,
        };
        let nbsp_text = format!("meeting in{NBSP}person today");
        let cases: Vec<(&str, &str, SearchOptions, Vec<&str>)> = vec![
            // Case folding: Latin, Cyrillic, Greek (final sigma), ß.
            (
                "Mr President, Thank you, MR PRESIDENT",
                "mr president",
                default(),
                vec!["Mr President", "MR PRESIDENT"],
            ),
            ("Владимир ПУТИН", "путин", default(), vec!["ПУТИН"]),
            (
                "ΣΟΦΙΑΣ σοφίας",
                "σοφιας",
                default(),
                vec!["ΣΟΦΙΑΣ", "σοφίας"],
            ),
            (
                "Straße STRASSE",
                "strasse",
                default(),
                vec!["Straße", "STRASSE"],
            ),
            // White space, including no-break spaces, is one space.
            (&nbsp_text, "in person", default(), vec!["in\u{a0}person"]),
            (
                "in \u{a0}\t person",
                "in person",
                default(),
                vec!["in \u{a0}\t person"],
            ),
            (
                "in  person",
                "in\u{a0}\u{a0}person",
                default(),
                vec!["in  person"],
            ),
            // Quotes and dashes.
            ("people’s standard", "people's", default(), vec!["people’s"]),
            ("‘dilute’ the", "'dilute'", default(), vec!["‘dilute’"]),
            ("«Газпром»", "\"газпром\"", default(), vec!["«Газпром»"]),
            (
                "factors – particularly",
                "factors - particularly",
                default(),
                vec!["factors – particularly"],
            ),
            ("one-on-one", "one—on—one", default(), vec!["one-on-one"]),
            // ё = е, й ≠ и.
            ("Пётр и ёлка", "петр", default(), vec!["Пётр"]),
            ("ПЁТР", "пётр", diacritics.clone(), vec!["ПЁТР"]),
            ("мой мои", "мои", default(), vec!["мои"]),
            ("мой", "мои", default(), vec![]),
            // Latin diacritics folded unless asked.
            (
                "café Café cafe",
                "cafe",
                default(),
                vec!["café", "Café", "cafe"],
            ),
            ("café cafe", "cafe", diacritics.clone(), vec!["cafe"]),
            ("café cafe", "café", diacritics.clone(), vec!["café"]),
            ("cafe\u{301} x", "cafe", default(), vec!["cafe\u{301}"]),
            ("Łódź", "lodz", default(), vec!["Łódź"]),
            ("İstanbul", "istanbul", default(), vec!["İstanbul"]),
            // Whole words.
            ("in person, inside, pin", "in", words.clone(), vec!["in"]),
            (
                "in person, inside, pin",
                "in",
                default(),
                vec!["in", "in", "in"],
            ),
            ("café-bar", "cafe", words.clone(), vec!["café"]),
            ("cafés", "café", both, vec![]),
            ("Путину Путин", "путин", words.clone(), vec!["Путин"]),
            // Non-overlapping, left to right; adjacent matches both found.
            ("aaaa", "aa", default(), vec!["aa", "aa"]),
            ("aaa", "aa", default(), vec!["aa"]),
            ("abab", "ab", default(), vec!["ab", "ab"]),
            // Zero-width and soft hyphen are ignored.
            (
                "Пу\u{200b}тин Lu\u{ad}kashenko",
                "путин",
                default(),
                vec!["Пу\u{200b}тин"],
            ),
            (
                "Lu\u{ad}kashenko",
                "lukashenko",
                default(),
                vec!["Lu\u{ad}kashenko"],
            ),
            // Punctuation in the query is literal, not a pattern.
            ("a.b a*b (x)", "a*b", default(), vec!["a*b"]),
            ("a.b a*b (x)", "(x)", default(), vec!["(x)"]),
            ("a.b", ".*", default(), vec![]),
        ];
        for (text, query, opts, want) in cases {
            assert_eq!(
                find(text, query, opts.clone()),
                want,
                "{text:?} / {query:?} / {opts:?}"
            );
        }
    }

    #[test]
    fn queries() {
        let m = FoldMode::default();
        assert_eq!(Query::new("", m), Query::Empty);
        assert_eq!(Query::new(" \u{a0}\t", m), Query::Empty);
        assert_eq!(Query::new(" ... — !", m), Query::NothingToSearch);
        assert_eq!(Query::new("\u{200b}", m), Query::Empty);
        assert_eq!(
            Query::new("  Mr\u{a0}\u{a0}PRESIDENT ", m),
            Query::Phrase("mr president".into())
        );
        let huge = "word ".repeat(5_000);
        assert_eq!(Query::new(&huge, m), Query::Phrase(huge.trim_end().into()));
        assert_eq!(find("short text", &huge, default()), Vec::<&str>::new());
    }

    #[test]
    fn offsets_map_back_through_every_irregular_fold() {
        let text = format!("Ａ\u{a0} ß–ﬁ «ё» e\u{301}{NBSP}x");
        let f = fold(&text, FoldMode::default());
        // Every folded char boundary maps to an original char boundary, in order.
        let mut last = 0;
        for (p, _) in f.text.char_indices().chain([(f.text.len(), ' ')]) {
            let s = f.orig_start(p);
            let e = f.orig_end(p);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{p}");
            assert!(s >= last && e >= s, "{p}: {s} {e} after {last}");
            last = s;
        }
        assert_eq!(f.orig_end(f.text.len()), text.len());
        // A match inside an expansion highlights the whole source character.
        assert_eq!(find("Straße", "s", default()), vec!["S", "ß"]);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
    fn fast_paths_fold_exactly_like_the_slow_path() {
        use proptest::prelude::*;
        let alphabet: Vec<char> = "aZ09 ,.\t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2009}\u{200b}éÉİıßſÆøабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЙЯЪΣσςά\u{301}\u{308}’«—😀"
            .chars()
            .collect();
        let text = proptest::collection::vec(proptest::sample::select(alphabet), 0..40)
            .prop_map(|chars| chars.into_iter().collect::<String>());
        let mut runner = proptest::test_runner::TestRunner::default();
        for match_diacritics in [false, true] {
            let mode = FoldMode { match_diacritics };
            runner
                .run(&text, |s| {
                    prop_assert_eq!(fold_with(&s, mode, true), fold_with(&s, mode, false));
                    Ok(())
                })
                .unwrap();
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
    fn utf16_len_counts_like_encode_utf16() {
        use proptest::prelude::*;
        proptest!(|(s in any::<String>())| {
            prop_assert_eq!(utf16_len(&s), s.encode_utf16().count());
        });
        for s in ["", "a", "é", "😀", "a😀bé\u{a0}ж中\u{10FFFF}"] {
            assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
        }
        // Every character width across the eight-byte words, at every alignment.
        let mixed = "aé中😀\u{a0}ж\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}";
        for skip in 0..8 {
            let s = format!("{}{}", "x".repeat(skip), mixed.repeat(5));
            for (end, _) in s.char_indices() {
                let s = &s[..end];
                assert_eq!(utf16_len(s), s.encode_utf16().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn utf16_ranges_count_code_units() {
        // "é" is 2 bytes and 1 unit; "😀" 4 bytes and 2 units; NBSP 2 bytes, 1 unit.
        let text = "é a\u{a0}😀 bé";
        let b = |s: &str| text.find(s).unwrap();
        let ranges = [
            b("a")..b("a") + 1,
            b("😀")..b("😀") + 4,
            b("bé")..text.len(),
        ];
        assert_eq!(utf16_ranges(text, &ranges), vec![2..3, 4..6, 7..9]);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[7..9]).unwrap(), "bé");
        // Ranges that do not fit are skipped, not trusted.
        assert_eq!(
            utf16_ranges("ab", &[0..1, 0..1, 1..9, 1..2]),
            vec![0..1, 1..2]
        );
        assert_eq!(utf16_ranges("é", &[1..2, 2..2]), vec![]);
        assert_eq!(utf16_ranges("", &[]), vec![]);
    }

    #[test]
    fn segments_cut_text_into_marks() {
        let text = "abc def abc";
        let segs = segments(text, &[0..3, 8..11]);
        assert_eq!(
            segs,
            vec![
                Segment {
                    text: "abc",
                    mark: Some(0)
                },
                Segment {
                    text: " def ",
                    mark: None
                },
                Segment {
                    text: "abc",
                    mark: Some(1)
                },
            ]
        );
        assert_eq!(segments(text, &[]), vec![Segment { text, mark: None }]);
        assert_eq!(
            segments("", &[]),
            vec![Segment {
                text: "",
                mark: None
            }]
        );
        // Adjacent ranges stay separate marks; bad ranges are skipped, not trusted.
        let segs = segments("aaaa", &[0..2, 2..4, 3..9]);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[1].mark, Some(1));
        let inside = 0..1;
        let segs = segments("ё", std::slice::from_ref(&inside));
        assert_eq!(
            segs,
            vec![Segment {
                text: "ё",
                mark: None
            }]
        );
    }
}
