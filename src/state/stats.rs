//! Each speaker's share of a transcript ([`SpeakerStats`]: turns and words), each turn's
//! speaker ([`turn_speakers`]), the word counter they use (eight ASCII bytes at a time
//! where it can), and [`Loaded`], a transcript with its stats.

use crate::model::Transcript;
use std::rc::Rc;

/// A speaker's share of the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakerStats {
    /// Number of turns.
    pub turns: usize,
    /// Number of words in them.
    pub words: usize,
}

/// Turns and words per speaker, in the order of `Transcript::speakers`.
pub fn speaker_stats(transcript: &Transcript) -> Vec<SpeakerStats> {
    speaker_stats_with(transcript, &turn_speakers(transcript))
}

/// Something computed from a transcript, and the transcript it is of, weakly.
type Kept<T> = Option<(std::rc::Weak<Transcript>, Rc<T>)>;

thread_local! {
    /// The last [`speaker_stats_of`].
    static LAST_STATS: std::cell::RefCell<Kept<Vec<SpeakerStats>>> =
        const { std::cell::RefCell::new(None) };
    /// The last [`turn_words_of`].
    static LAST_WORDS: std::cell::RefCell<Kept<Vec<usize>>> =
        const { std::cell::RefCell::new(None) };
}

/// `compute(transcript)`, kept in `cell` for the transcript it was last computed for
/// (weakly: it does not keep that alive) and given again to the next asker with the
/// same `Rc`.
fn kept<T>(
    cell: &'static std::thread::LocalKey<std::cell::RefCell<Kept<T>>>,
    transcript: &Rc<Transcript>,
    compute: impl FnOnce() -> T,
) -> Rc<T> {
    cell.with(|last| {
        if let Some((of, value)) = &*last.borrow() {
            if of.upgrade().is_some_and(|of| Rc::ptr_eq(&of, transcript)) {
                return value.clone();
            }
        }
        let value = Rc::new(compute());
        *last.borrow_mut() = Some((Rc::downgrade(transcript), value.clone()));
        value
    })
}

/// [`speaker_stats_with`], kept for the transcript it was last computed for (see
/// [`kept`]), its words counted once ([`turn_words_of`]). A pre-rendered page computes
/// it in a task of its own before it hydrates (`embed::start_app`), so that the
/// hydrating render, a long page's longest task, does not also count every word (10 MB
/// of text: about 50 ms of that task in the Wasm).
pub fn speaker_stats_of(
    transcript: &Rc<Transcript>,
    speakers: &[Option<usize>],
) -> Rc<Vec<SpeakerStats>> {
    kept(&LAST_STATS, transcript, || {
        speaker_stats_from(transcript, speakers, &turn_words_of(transcript))
    })
}

/// Each turn's words ([`turn_words`]), counted once per transcript (see [`kept`]): the
/// speaker stats and the who-spoke-when strip both need them.
pub fn turn_words_of(transcript: &Rc<Transcript>) -> Rc<Vec<usize>> {
    kept(&LAST_WORDS, transcript, || turn_words(transcript))
}

/// The words of each turn, all its paragraphs'.
pub fn turn_words(transcript: &Transcript) -> Vec<usize> {
    transcript
        .turns
        .iter()
        .map(|turn| turn.paragraphs.iter().map(|p| words(p)).sum())
        .collect()
}

/// [`speaker_stats`] with each turn's speaker index at hand ([`turn_speakers`]).
pub fn speaker_stats_with(
    transcript: &Transcript,
    speakers: &[Option<usize>],
) -> Vec<SpeakerStats> {
    speaker_stats_from(transcript, speakers, &turn_words(transcript))
}

/// [`speaker_stats_with`] with each turn's words at hand too ([`turn_words`]).
fn speaker_stats_from(
    transcript: &Transcript,
    speakers: &[Option<usize>],
    words: &[usize],
) -> Vec<SpeakerStats> {
    let mut stats = vec![SpeakerStats::default(); transcript.speakers.len()];
    for (&speaker, &n) in speakers.iter().zip(words) {
        let Some(i) = speaker else {
            continue;
        };
        stats[i].turns += 1;
        stats[i].words += n;
    }
    stats
}

/// For each turn, the index in [`Transcript::speakers`] of its speaker (`None` for an
/// unattributed turn or an unknown speaker). One pass with a sorted index, so that a
/// transcript with thousands of speakers costs little more than one with two.
pub fn turn_speakers(transcript: &Transcript) -> Vec<Option<usize>> {
    let index = transcript.speaker_index();
    transcript
        .turns
        .iter()
        .map(|turn| index.get(turn.speaker.as_deref()?))
        .collect()
}

/// The words in `text`: runs without white space that hold a letter or digit. One pass,
/// without splitting.
pub(super) fn words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut counted, mut at) = (0, false, 0);
    // Counted on every load (the speaker filter shows it), over every paragraph: ASCII
    // through a table, two-byte characters (Cyrillic, Latin-1, …) decoded here, and
    // anything else as the `char` it starts.
    while let Some(&b) = bytes.get(at) {
        // Eight ASCII bytes at a time where they are (most of an English transcript):
        // about three times the speed of the byte loop below.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let chunk = u64::from_le_bytes([
                chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
            ]);
            if chunk & HIGH_BITS == 0 {
                let (space, word) = ascii_classes(chunk);
                n += word_starts(space, word, &mut counted);
                at += 8;
                continue;
            }
        }
        let (space, word) = if b < 0x80 {
            at += 1;
            let class = ASCII_CLASS[usize::from(b)];
            (class == SPACE, class == WORD)
        } else {
            let c = match bytes.get(at + 1) {
                Some(&next) if b < 0xE0 => {
                    at += 2;
                    let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
                    char::from_u32(code).unwrap_or(' ')
                }
                _ => {
                    let c = text[at..].chars().next().unwrap_or(' ');
                    at += c.len_utf8();
                    c
                }
            };
            (c.is_whitespace(), alphanumeric(c))
        };
        n += usize::from(word && !counted);
        counted = (counted || word) && !space;
    }
    n
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (`chunk`, little-endian), the masks of those that are white
/// space and of those that are letters or digits ([`ASCII_CLASS`]): bit `i` for byte `i`.
fn ascii_classes(chunk: u64) -> (u8, u8) {
    // Byte by byte, without carries between bytes (each is below 0x80): the high bit of
    // `at_least(c)` is set in the bytes that are `c` or above (1 <= c <= 0x80).
    let at_least = |x: u64, c: u8| x.wrapping_add(LOW_BITS * u64::from(0x80 - c)) & HIGH_BITS;
    let between = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
    // Letters of either case, as lower case (`|0x20` maps nothing else into a..z).
    let lower = chunk | (LOW_BITS * 0x20);
    let word = between(chunk, b'0', b'9') | between(lower, b'a', b'z');
    let space = between(chunk, b'\t', b'\r') | between(chunk, b' ', b' ');
    // The high bit of byte i to bit i.
    let gather = |m: u64| ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8;
    (gather(space), gather(word))
}

/// How many words start in eight bytes whose white space is `space` and whose letters and
/// digits are `word` (bit `i` for byte `i`), `counted` saying whether the word the bytes
/// before ended in was counted (is updated): [`words`]' loop, for eight bytes at once.
fn word_starts(space: u8, word: u8, counted: &mut bool) -> usize {
    // A word starts at a letter or digit whose closest space-or-word byte before it is a
    // space (or, before the first, the word before was not counted: a space at -1). The
    // carry of adding a space's next bit to the run of other bytes it falls in lands on
    // the first space-or-word byte after it.
    let other = !(space | word);
    let after_space = (u16::from(space) << 1) | u16::from(!*counted);
    let landed = (u16::from(other) + after_space) as u8 & !other;
    let starts = landed & word;
    let either = space | word;
    if either != 0 {
        let last = 7 - either.leading_zeros();
        *counted = word & (1 << last) != 0;
    }
    starts.count_ones() as usize
}

/// Classes of ASCII bytes for [`words`]: white space, a letter or digit, or other.
const SPACE: u8 = 1;
const WORD: u8 = 2;
const ASCII_CLASS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => WORD,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// `c.is_alphanumeric()`, without the search through Unicode's tables for the letters
/// of Latin-1, Latin Extended-A and -B and Cyrillic (Russian transcripts are mostly
/// Cyrillic, and a table search per letter was most of the cost of [`words`] in Wasm).
fn alphanumeric(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => c != '×' && c != '÷',
        0x400..=0x481 | 0x48A..=0x52F => true,
        _ => c.is_alphanumeric(),
    }
}

/// A shared, cheaply cloned transcript with what is computed once per load.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The transcript.
    pub transcript: Rc<Transcript>,
    /// Turns and words per speaker.
    pub stats: Rc<Vec<SpeakerStats>>,
}

impl Loaded {
    /// Computes the per-load data.
    pub fn new(transcript: Rc<Transcript>) -> Self {
        let stats = Rc::new(speaker_stats(&transcript));
        Loaded { transcript, stats }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::transcript;

    #[test]
    fn words_are_counted_once_per_transcript_and_shared() {
        let t = Rc::new(transcript());
        let words = turn_words_of(&t);
        assert!(Rc::ptr_eq(&words, &turn_words_of(&t)), "counted again");
        assert_eq!(*words, turn_words(&t));
        let speakers = turn_speakers(&t);
        assert_eq!(
            *speaker_stats_of(&t, &speakers),
            speaker_stats_with(&t, &speakers)
        );
        let total: usize = speaker_stats_with(&t, &speakers)
            .iter()
            .map(|s| s.words)
            .sum();
        let attributed: usize = words
            .iter()
            .zip(&speakers)
            .filter(|(_, s)| s.is_some())
            .map(|(n, _)| n)
            .sum();
        assert_eq!(total, attributed);
        // Another transcript (another `Rc`, same text) is counted for itself.
        let other = Rc::new(transcript());
        assert!(!Rc::ptr_eq(&words, &turn_words_of(&other)));
        // The strip placed from the shared counts is the strip placed from the text.
        assert_eq!(
            crate::state::Strip::with_words(&t, &speakers, &words),
            crate::state::Strip::new(&t, &speakers)
        );
    }

    #[test]
    fn words_hold_a_letter_or_digit() {
        for (text, n) in [
            ("", 0),
            ("one two\u{a0}three", 3),
            ("  — , 42 да-нет ! ", 2),
            ("x\ty\nz", 3),
        ] {
            assert_eq!(words(text), n, "{text:?}");
            let split = text
                .split(char::is_whitespace)
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(words(text), split, "{text:?}");
        }
    }

    #[test]
    fn alphanumeric_is_chars_own() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{:?}", c);
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
    fn words_count_as_splitting_at_whitespace_does() {
        use proptest::prelude::*;
        proptest!(|(text in "[a-z \t\n\u{a0}\u{2003}\u{85}\u{1c}1-9,.—Яя́ß\u{1f600}]{0,40}")| {
            let split = text
                .split(char::is_whitespace)
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(words(&text), split);
        });
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn words_count_the_same_eight_ascii_bytes_at_a_time() {
        use proptest::prelude::*;
        // Long, mostly ASCII texts (the eight-byte path), every ASCII class and control
        // characters among them, some non-ASCII to leave and enter that path anywhere.
        proptest!(|(text in r"([a-zA-Z0-9]{1,9}|[ \t\n\r\x0b\x0c]{1,3}|[,.;!?'()\-/@\[`{~\x00-\x08\x0e-\x1f\x7f]{1,3}|[\u{a0}Яё\u{2003}—])*")| {
            let split = text
                .split(char::is_whitespace)
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(words(&text), split);
        });
        for (text, n) in [
            ("abcdefgh", 1),
            ("abcdefg h", 2),
            ("........ a", 1),
            ("a.......b c", 2),
            ("       a        ", 1),
            ("@[`{/:AZaz09", 1),
            ("--------------------------- x", 1),
        ] {
            assert_eq!(words(text), n, "{text:?}");
        }
    }

    #[test]
    fn speaker_stats_of_are_kept_for_the_same_transcript_only() {
        let t = Rc::new(transcript());
        let speakers = turn_speakers(&t);
        let first = speaker_stats_of(&t, &speakers);
        assert_eq!(*first, speaker_stats(&t));
        assert!(Rc::ptr_eq(&first, &speaker_stats_of(&t, &speakers)));
        // Another transcript (equal, but another `Rc`) is counted again, and so is one
        // changed after the first was dropped.
        let copy = Rc::new((*t).clone());
        let again = speaker_stats_of(&copy, &speakers);
        assert!(!Rc::ptr_eq(&first, &again));
        drop((t, copy));
        let mut other = transcript();
        other.turns.truncate(1);
        let other = Rc::new(other);
        let counted = speaker_stats_of(&other, &turn_speakers(&other));
        assert_eq!(*counted, speaker_stats(&other));
        assert_ne!(*counted, *first);
    }

    #[test]
    fn stats_count_turns_and_words() {
        let t = transcript();
        let stats = speaker_stats(&t);
        assert_eq!(stats[0], SpeakerStats { turns: 2, words: 8 });
        assert_eq!(stats[1], SpeakerStats { turns: 2, words: 6 });
        assert_eq!(stats[2], SpeakerStats { turns: 1, words: 4 });
    }
}
