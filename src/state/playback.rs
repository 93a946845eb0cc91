//! The transcript against its recording's clock, without the DOM: the [`Timeline`] of
//! a timed transcript (which passage, [`Spot`], is spoken at a time; where a turn or a
//! paragraph starts; where "play shown speakers only" [`Jump`]s to), what a new spot
//! changes ([`changed`]), Media Fragments time fragments (`#t=83.2,95`:
//! [`parse_time_fragment`], [`time_fragment`]) and a word's UTF-16 range for a DOM range
//! ([`word_range_utf16`]).
//!
//! A media element reports its time about four times a second, and every animation
//! frame while it plays; [`Timeline::locate`] answers with two binary searches over flat
//! arrays built once, and allocates nothing (a 2-hour, 20,000-word transcript is a few
//! hundred kilobytes of them).

use crate::model::{words, Time, Transcript};

/// Where a transcript is at a time: a turn, its paragraph and, when the words are
/// timed, the word (indices into [`Transcript::turns`], [`crate::model::Turn::paragraphs`]
/// and [`words`] of the paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The turn's index.
    pub turn: usize,
    /// The paragraph's index in the turn (0 for a turn timed only as a whole).
    pub paragraph: usize,
    /// The word's index in the paragraph, when words are timed and one has started.
    pub word: Option<usize>,
}

/// Where [`Timeline::skip_hidden`] sends the playback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jump {
    /// To this time: the start of the next shown turn.
    To(Time),
    /// To the end: no shown turn is left.
    End,
}

/// How much of the passage marked changes from one spot to the next ([`changed`]), in
/// increasing order: a change of turn is a change of paragraph and word too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// The same spot.
    Same,
    /// Another word of the same paragraph (or a word where there was none, or none).
    Word,
    /// Another paragraph of the same turn.
    Paragraph,
    /// Another turn, or a spot where there was none, or none where there was one.
    Turn,
}

/// What moving from spot `old` to spot `new` changes.
pub fn changed(old: Option<Spot>, new: Option<Spot>) -> Change {
    match (old, new) {
        (None, None) => Change::Same,
        (Some(a), Some(b)) if a.turn != b.turn => Change::Turn,
        (Some(a), Some(b)) if a.paragraph != b.paragraph => Change::Paragraph,
        (Some(a), Some(b)) if a.word != b.word => Change::Word,
        (Some(_), Some(_)) => Change::Same,
        _ => Change::Turn,
    }
}

/// A timed transcript's passages in time order, as flat arrays: one entry per timed
/// paragraph (one per turn for a turn timed only as a whole), and every timed word's
/// start. Built once per transcript ([`Timeline::new`]); looked up by binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Each entry's start (ms), never decreasing.
    starts: Vec<u64>,
    /// Each entry's turn and paragraph.
    spots: Vec<(u32, u32)>,
    /// Each entry's first word in `words`; one more, the end of the last entry's words.
    first_word: Vec<u32>,
    /// The start (ms) of every timed word, entry after entry.
    words: Vec<u64>,
    /// Per turn, its first entry; one more, the number of entries (a turn's entries are
    /// `turn_entries[i]..turn_entries[i + 1]`).
    turn_entries: Vec<u32>,
    /// Per turn, its own `start`.
    turn_starts: Vec<Option<Time>>,
    /// The latest end of any entry.
    last_end: Option<Time>,
}

impl Timeline {
    /// The timeline of `t`: each timed paragraph (from [`crate::model::Turn::times`]),
    /// and each turn timed only as a whole (`start`, with no paragraph times) as one
    /// passage. A passage starting before the one before it (which
    /// [`Transcript::validate`] refuses) is left out, so the starts stay in order.
    pub fn new(t: &Transcript) -> Timeline {
        let mut tl = Timeline {
            turn_entries: Vec::with_capacity(t.turns.len() + 1),
            turn_starts: Vec::with_capacity(t.turns.len()),
            ..Timeline::default()
        };
        let mut last = 0;
        for (i, turn) in t.turns.iter().enumerate() {
            tl.turn_entries.push(tl.starts.len() as u32);
            tl.turn_starts.push(turn.start);
            let mut push = |tl: &mut Timeline, p: usize, start: Time, end: Time| -> bool {
                if start.0 < last {
                    return false;
                }
                last = start.0;
                tl.starts.push(start.0);
                tl.spots.push((i as u32, p as u32));
                tl.first_word.push(tl.words.len() as u32);
                tl.last_end = tl.last_end.max(Some(end.max(start)));
                true
            };
            if turn.times.is_empty() {
                if let Some(start) = turn.start {
                    push(&mut tl, 0, start, turn.end.unwrap_or(start));
                }
                continue;
            }
            for (p, (tm, text)) in turn.times.iter().zip(&turn.paragraphs).enumerate() {
                if !push(&mut tl, p, tm.start, tm.end) {
                    continue;
                }
                // Word times only when there is one per word (as validated).
                if !tm.words.is_empty() && tm.words.len() == words(text).count() {
                    tl.words.extend(tm.word_starts().map(|w| w.0));
                }
            }
            if let Some(end) = turn.end {
                tl.last_end = tl.last_end.max(Some(end));
            }
        }
        tl.turn_entries.push(tl.starts.len() as u32);
        tl.first_word.push(tl.words.len() as u32);
        tl
    }

    /// True when nothing in the transcript is timed.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The index of the passage spoken at `at`: the last whose start is at or before it.
    fn entry_at(&self, at: Time) -> Option<usize> {
        self.starts.partition_point(|&s| s <= at.0).checked_sub(1)
    }

    /// The passage being spoken at `at`: the last timed paragraph starting at or before
    /// it (between a paragraph's end and the next one's start, still that paragraph: the
    /// reader keeps their place), and in it the last word starting at or before `at`
    /// (`None` when its words are not timed, or before its first word). `None` before
    /// the first start.
    pub fn locate(&self, at: Time) -> Option<Spot> {
        let e = self.entry_at(at)?;
        let (turn, paragraph) = self.spots[e];
        let w = &self.words[self.first_word[e] as usize..self.first_word[e + 1] as usize];
        Some(Spot {
            turn: turn as usize,
            paragraph: paragraph as usize,
            word: w.partition_point(|&s| s <= at.0).checked_sub(1),
        })
    }

    /// The entries of turn `turn`, as a range of indices.
    fn entries_of(&self, turn: usize) -> std::ops::Range<usize> {
        match (self.turn_entries.get(turn), self.turn_entries.get(turn + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// When turn `turn` starts: its own `start`, else its first paragraph's.
    pub fn turn_start(&self, turn: usize) -> Option<Time> {
        self.turn_starts.get(turn).copied().flatten().or_else(|| {
            let range = self.entries_of(turn);
            (!range.is_empty()).then(|| Time(self.starts[range.start]))
        })
    }

    /// When paragraph `paragraph` of turn `turn` starts (for a turn timed only as a
    /// whole, its paragraph 0 starts with it).
    pub fn paragraph_start(&self, turn: usize, paragraph: usize) -> Option<Time> {
        let range = self.entries_of(turn);
        let at = self.spots[range.clone()]
            .binary_search_by_key(&(paragraph as u32), |&(_, p)| p)
            .ok()?;
        Some(Time(self.starts[range.start + at]))
    }

    /// The latest end of any passage: about how long the recording is.
    pub fn duration_hint(&self) -> Option<Time> {
        self.last_end
    }

    /// For "play shown speakers only": when the passage at `at` belongs to a turn that
    /// `visible` (given a turn's index) says is hidden, where to go: the start of the
    /// next timed turn shown ([`Jump::To`], always later than `at`), or [`Jump::End`]
    /// when none is left. `None` when `at`'s turn is shown, or before the first start.
    /// Looks at each later turn at most once, and only while a hidden turn plays.
    pub fn skip_hidden(&self, at: Time, visible: &dyn Fn(usize) -> bool) -> Option<Jump> {
        let e = self.entry_at(at)?;
        let turn = self.spots[e].0 as usize;
        if visible(turn) {
            return None;
        }
        let n = self.turn_entries.len().saturating_sub(1);
        (turn + 1..n)
            .find(|&k| !self.entries_of(k).is_empty() && visible(k))
            // Its first passage, not its own `start`: that may be before `at`, still in
            // the hidden turn's last paragraph, and would be jumped to again and again.
            .map(|k| Jump::To(Time(self.starts[self.entries_of(k).start])))
            .or(Some(Jump::End))
    }
}

/// The time range a Media Fragments URI temporal fragment names (`t=83.2`, `t=83.2,95`,
/// `t=,95`, `t=npt:1:23`, `t=1:02:03.5`), as in a page's fragment or a media address's:
/// with or without the `#`, among other `&`-separated parameters (`t=10&x=1`; of several
/// `t`, the last that reads). The end is `None` when open; `None` for no time, a range
/// that ends at or before its start, negative times, other time formats (`smpte`,
/// `clock`) or junk.
pub fn parse_time_fragment(fragment: &str) -> Option<(Time, Option<Time>)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .rsplit('&')
        .filter_map(|param| param.strip_prefix("t="))
        .find_map(time_range)
}

/// `83.2,95`, `,95`, `npt:1:23`: the value of a `t` parameter.
fn time_range(value: &str) -> Option<(Time, Option<Time>)> {
    // The only escapes a time needs: `:` and `,` (`npt%3A10%2C20`).
    let decoded;
    let value = if value.contains('%') {
        decoded = value
            .replace("%3A", ":")
            .replace("%3a", ":")
            .replace("%2C", ",")
            .replace("%2c", ",");
        decoded.as_str()
    } else {
        value
    };
    let value = value.strip_prefix("npt:").unwrap_or(value);
    let (start, end) = match value.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (value, None),
    };
    let start = match start {
        "" if end.is_some() => Time(0),
        s => npt(s)?,
    };
    let end = match end {
        Some(e) => Some(npt(e)?),
        None => None,
    };
    match end {
        Some(e) if e <= start => None,
        _ => Some((start, end)),
    }
}

/// A normal play time: `83.2` (seconds), `1:23.5` (minutes and seconds) or `1:02:03.5`
/// (hours, minutes and seconds); after a colon, two digits under 60.
fn npt(s: &str) -> Option<Time> {
    // In whole milliseconds, without floating point: parsing and printing floats would
    // add some 25 KB to the Wasm.
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() > 3 {
        return None;
    }
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    let mut seconds: u64 = 0;
    let mut ms: u64 = 0;
    for (i, part) in parts.iter().enumerate() {
        let (whole, frac) = match part.split_once('.') {
            Some((w, f)) if i == parts.len() - 1 => (w, f),
            Some(_) => return None,
            None => (*part, ""),
        };
        if whole.is_empty() || whole.len() > 12 || !digits(whole) || !digits(frac) {
            return None;
        }
        let n: u64 = whole.parse().ok()?;
        if i > 0 && (whole.len() != 2 || n >= 60) {
            return None;
        }
        seconds = seconds.checked_mul(60)?.checked_add(n)?;
        // Milliseconds from the first three decimals, rounded by the fourth.
        let f = frac.as_bytes();
        let digit = |k: usize| f.get(k).map_or(0, |b| u64::from(b - b'0'));
        ms = digit(0) * 100 + digit(1) * 10 + digit(2) + u64::from(digit(3) >= 5);
    }
    let total = seconds.checked_mul(1000)?.checked_add(ms)?;
    (total <= (crate::model::MAX_SECONDS as u64) * 1000).then_some(Time(total))
}

/// The temporal fragment (without `#`) for a time or a range: `t=83.2`, `t=83.2,95`. An
/// end at or before the start is left out, so that the fragment reads back
/// ([`parse_time_fragment`]).
pub fn time_fragment(start: Time, end: Option<Time>) -> String {
    match end.filter(|&e| e > start) {
        Some(end) => format!("t={start},{end}"),
        None => format!("t={start}"),
    }
}

/// The UTF-16 offsets `[start, end)` of word `i` of `text` ([`words`]), as a DOM range
/// or a highlight counts; `None` when the text has fewer words.
pub fn word_range_utf16(text: &str, i: usize) -> Option<(u32, u32)> {
    let (a, b) = words(text).nth(i)?;
    let start = text[..a].encode_utf16().count() as u32;
    Some((start, start + text[a..b].encode_utf16().count() as u32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    /// An unattributed turn of `text` (paragraphs split at `|`) timed by `times`.
    fn turn(text: &str, times: &[(u64, u64, &[u64])]) -> Turn {
        crate::state::fixture::timed_turn(None, text, times)
    }

    fn transcript(turns: Vec<Turn>) -> Transcript {
        let mut t = Transcript {
            turns,
            ..Default::default()
        };
        for (i, turn) in t.turns.iter_mut().enumerate() {
            turn.id = format!("t{}", i + 1);
        }
        t
    }

    /// Turn 0 timed by paragraph and word; 1 as a whole; 2 untimed; 3 with its first
    /// word late; 4 with its own start before its first paragraph's.
    fn timed() -> Transcript {
        let whole = Turn {
            start: Some(Time(6_000)),
            end: Some(Time(8_000)),
            ..turn("Whole turn.|Its second.", &[])
        };
        let own_start = Turn {
            start: Some(Time(9_800)),
            ..turn("Own start.", &[(10_000, 12_000, &[])])
        };
        transcript(vec![
            turn(
                "Hello there world.|Second para",
                &[(1_000, 2_000, &[1_000, 1_300, 1_700]), (3_000, 5_000, &[])],
            ),
            whole,
            turn("Untimed.", &[]),
            turn("Late words", &[(9_000, 9_500, &[9_200, 9_300])]),
            own_start,
        ])
    }

    fn spot(turn: usize, paragraph: usize, word: Option<usize>) -> Option<Spot> {
        Some(Spot {
            turn,
            paragraph,
            word,
        })
    }

    /// The passage at `at` found the slow way: the last entry starting at or before it.
    fn locate_by_scan(t: &Transcript, at: Time) -> Option<Spot> {
        let mut found = None;
        for (i, turn) in t.turns.iter().enumerate() {
            if turn.times.is_empty() {
                if turn.start.is_some_and(|s| s <= at) {
                    found = spot(i, 0, None);
                }
                continue;
            }
            for (p, tm) in turn.times.iter().enumerate() {
                if tm.start <= at {
                    let word = tm.word_starts().filter(|&w| w <= at).count();
                    found = spot(i, p, word.checked_sub(1));
                }
            }
        }
        found
    }

    #[test]
    fn locate_finds_the_paragraph_and_word_being_spoken() {
        let tl = Timeline::new(&timed());
        let cases = [
            (0, None),
            (999, None),
            (1_000, spot(0, 0, Some(0))),
            (1_299, spot(0, 0, Some(0))),
            (1_300, spot(0, 0, Some(1))),
            (1_700, spot(0, 0, Some(2))),
            // After the paragraph's end, before the next start: the reader's place.
            (2_500, spot(0, 0, Some(2))),
            (3_000, spot(0, 1, None)),
            (5_999, spot(0, 1, None)),
            (6_000, spot(1, 0, None)),
            (8_500, spot(1, 0, None)),
            (9_000, spot(3, 0, None)),
            (9_199, spot(3, 0, None)),
            (9_200, spot(3, 0, Some(0))),
            (9_300, spot(3, 0, Some(1))),
            // Turn 4's own start is not a passage: its first paragraph is.
            (9_900, spot(3, 0, Some(1))),
            (10_000, spot(4, 0, None)),
            (u64::MAX, spot(4, 0, None)),
        ];
        for (at, want) in cases {
            assert_eq!(tl.locate(Time(at)), want, "at {at} ms");
        }
    }

    #[test]
    fn starts_durations_and_emptiness() {
        let tl = Timeline::new(&timed());
        assert!(!tl.is_empty());
        let turn_starts = [
            Some(1_000),
            Some(6_000),
            None,
            Some(9_000),
            Some(9_800),
            None,
        ];
        for (i, want) in turn_starts.into_iter().enumerate() {
            assert_eq!(tl.turn_start(i), want.map(Time), "turn {i}");
        }
        let paragraph_starts = [
            ((0, 0), Some(1_000)),
            ((0, 1), Some(3_000)),
            ((0, 2), None),
            ((1, 0), Some(6_000)),
            ((1, 1), None),
            ((2, 0), None),
            ((4, 0), Some(10_000)),
            ((9, 0), None),
        ];
        for ((turn, p), want) in paragraph_starts {
            assert_eq!(tl.paragraph_start(turn, p), want.map(Time), "{turn}/{p}");
        }
        assert_eq!(tl.duration_hint(), Some(Time(12_000)));

        let untimed = transcript(vec![turn("One.|Two.", &[]), turn("Three.", &[])]);
        let tl = Timeline::new(&untimed);
        assert!(tl.is_empty());
        assert_eq!(tl.locate(Time(5_000)), None);
        assert_eq!(tl.turn_start(0), None);
        assert_eq!(tl.duration_hint(), None);
        assert_eq!(tl.skip_hidden(Time(0), &|_| false), None);
        assert!(Timeline::default().is_empty());
        assert_eq!(Timeline::default().turn_start(0), None);
        assert_eq!(Timeline::default().paragraph_start(0, 0), None);
    }

    #[test]
    fn odd_timings_are_read_safely() {
        // Two paragraphs starting together: the later one is being spoken.
        let same = transcript(vec![
            turn("A.|B.", &[(1_000, 1_000, &[]), (1_000, 2_000, &[])]),
            turn("C.", &[(1_000, 3_000, &[])]),
        ]);
        assert_eq!(Timeline::new(&same).locate(Time(1_000)), spot(1, 0, None));
        // Word times that do not count the words (refused by validation) are not used,
        // and a start going back is left out.
        let mut odd = transcript(vec![
            turn("Two words", &[(1_000, 2_000, &[1_000])]),
            turn("Back.", &[(500, 600, &[])]),
            turn("On.", &[(3_000, 4_000, &[])]),
        ]);
        odd.turns[0].times[0].words = vec![0];
        let tl = Timeline::new(&odd);
        assert_eq!(tl.locate(Time(1_500)), spot(0, 0, None));
        assert_eq!(tl.locate(Time(2_500)), spot(0, 0, None));
        assert_eq!(tl.turn_start(1), None);
        assert_eq!(tl.locate(Time(3_000)), spot(2, 0, None));
        // A turn with a start and no end is a passage of no length.
        let open = transcript(vec![Turn {
            start: Some(Time(7_000)),
            ..turn("Open.", &[])
        }]);
        let tl = Timeline::new(&open);
        assert_eq!(tl.locate(Time(9_000)), spot(0, 0, None));
        assert_eq!(tl.duration_hint(), Some(Time(7_000)));
    }

    #[test]
    fn hidden_turns_are_skipped_to_the_next_shown_one() {
        let tl = Timeline::new(&timed());
        let hidden = |h: &'static [usize]| move |i: usize| !h.contains(&i);
        let cases: [(&[usize], u64, Option<Jump>); 10] = [
            (&[1], 500, None),
            (&[1], 1_000, None),
            // Past turn 2, which is untimed, to turn 3.
            (&[1], 6_500, Some(Jump::To(Time(9_000)))),
            (&[1, 3], 6_500, Some(Jump::To(Time(10_000)))),
            // Turn 4's own start (9.8 s) is before 9.9 s, still in turn 3: its first
            // paragraph, or the jump would land in turn 3 again.
            (&[3], 9_900, Some(Jump::To(Time(10_000)))),
            (&[4], 11_000, Some(Jump::End)),
            (&[0], 1_000, Some(Jump::To(Time(6_000)))),
            (&[0], 5_999, Some(Jump::To(Time(6_000)))),
            (&[0, 1, 2, 3, 4], 1_000, Some(Jump::End)),
            (&[0, 1, 2, 3, 4], 999, None),
        ];
        for (h, at, want) in cases {
            assert_eq!(tl.skip_hidden(Time(at), &hidden(h)), want, "{h:?} at {at}");
            if let Some(Jump::To(next)) = want {
                assert!(next.0 > at);
                assert!(tl.skip_hidden(next, &hidden(h)).is_none());
            }
        }
    }

    #[test]
    fn changes_are_ordered_by_how_much_is_marked_again() {
        let s = |turn, paragraph, word| {
            Some(Spot {
                turn,
                paragraph,
                word,
            })
        };
        let cases = [
            (None, None, Change::Same),
            (s(0, 0, Some(1)), s(0, 0, Some(1)), Change::Same),
            (s(0, 0, Some(1)), s(0, 0, Some(2)), Change::Word),
            (s(0, 0, None), s(0, 0, Some(0)), Change::Word),
            (s(0, 0, Some(3)), s(0, 1, Some(3)), Change::Paragraph),
            (s(0, 1, None), s(1, 1, None), Change::Turn),
            (None, s(0, 0, None), Change::Turn),
            (s(0, 0, None), None, Change::Turn),
        ];
        for (old, new, want) in cases {
            assert_eq!(changed(old, new), want, "{old:?} → {new:?}");
        }
        assert!(Change::Same < Change::Word && Change::Word < Change::Paragraph);
        assert!(Change::Paragraph < Change::Turn);
    }

    #[test]
    fn time_fragments_read_as_media_fragments_say() {
        let t = |ms: u64| Time(ms);
        let good = [
            ("t=83.2", (t(83_200), None)),
            ("#t=83.2", (t(83_200), None)),
            ("t=83.2,95", (t(83_200), Some(t(95_000)))),
            ("t=,95", (t(0), Some(t(95_000)))),
            ("t=0", (t(0), None)),
            ("t=10.", (t(10_000), None)),
            ("t=0.0005", (t(1), None)),
            ("t=npt:1:23", (t(83_000), None)),
            ("t=npt:10,20", (t(10_000), Some(t(20_000)))),
            ("t=npt%3A10%2C20", (t(10_000), Some(t(20_000)))),
            ("t=1:02:03.5", (t(3_723_500), None)),
            ("t=00:01:02.5,00:01:04", (t(62_500), Some(t(64_000)))),
            ("t=90:00", (t(5_400_000), None)),
            ("t=10&x=1", (t(10_000), None)),
            ("#x=1&t=10", (t(10_000), None)),
            ("t=5&t=7", (t(7_000), None)),
            ("t=7&t=junk", (t(7_000), None)),
        ];
        for (f, want) in good {
            assert_eq!(parse_time_fragment(f), Some(want), "{f}");
        }
        let bad = [
            "",
            "#",
            "t=",
            "t=,",
            "t=83.2,",
            "t=-5",
            "t=,-5",
            "t=10,5",
            "t=10,10",
            "t=,0",
            "t=abc",
            "t=1e3",
            "t=.5",
            "t=1:2",
            "t=1:60",
            "t=1:002",
            "t=1:2:3",
            "t=1.5:20",
            "t=1:02:03:04",
            "t=smpte:00:01:00:00",
            "t=clock:2009-07-26T11:19:01Z",
            "t=10 ",
            "t=١٠",
            "T=10",
            "at=10",
            "a-t3",
            "t3",
            "t=99999999999",
        ];
        for f in bad {
            assert_eq!(parse_time_fragment(f), None, "{f:?}");
        }
    }

    #[test]
    fn time_fragments_are_written_to_read_back() {
        assert_eq!(time_fragment(Time(83_200), None), "t=83.2");
        assert_eq!(time_fragment(Time(83_200), Some(Time(95_000))), "t=83.2,95");
        assert_eq!(time_fragment(Time(0), Some(Time(1))), "t=0,0.001");
        assert_eq!(time_fragment(Time(5_000), Some(Time(5_000))), "t=5");
    }

    #[test]
    fn word_ranges_count_utf16_units() {
        let text = " Hello,\u{a0}В.Путин \u{1f600}x  end\t";
        let cases = [
            (0, Some((1, 7))),
            (1, Some((8, 15))),
            (2, Some((16, 19))),
            (3, Some((21, 24))),
            (4, None),
        ];
        for (i, want) in cases {
            assert_eq!(word_range_utf16(text, i), want, "word {i}");
        }
        assert_eq!(word_range_utf16("", 0), None);
        assert_eq!(word_range_utf16("   ", 0), None);
    }

    #[test]
    fn a_long_recording_is_looked_up_quickly() {
        // Two hours, 2,000 paragraphs of 10 words: 20,000 words, one every 360 ms.
        let text = "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9";
        let turns = (0..200)
            .map(|i| {
                let paras: Vec<(u64, u64, Vec<u64>)> = (0..10)
                    .map(|p| {
                        let start = (i * 10 + p) * 3_600;
                        let words = (0..10).map(|w| start + w * 360).collect();
                        (start, start + 3_500, words)
                    })
                    .collect();
                let times: Vec<(u64, u64, &[u64])> = paras
                    .iter()
                    .map(|(a, b, w)| (*a, *b, w.as_slice()))
                    .collect();
                turn(&[text; 10].join("|"), &times)
            })
            .collect();
        let t = transcript(turns);
        let tl = Timeline::new(&t);
        assert_eq!(tl.words.len(), 20_000);
        let begun = std::time::Instant::now();
        let mut at = 0;
        while at < 7_200_000 {
            std::hint::black_box(tl.locate(Time(at)));
            at += 40;
        }
        // 180,000 look-ups; unoptimised native code is far slower than the release Wasm
        // would need to be for 1 ms each, so this only catches a linear search.
        assert!(begun.elapsed().as_millis() < 2_000, "{:?}", begun.elapsed());
        for at in [0, 359, 360, 3_599, 3_600, 1_234_567, 7_199_999, 9_999_999] {
            assert_eq!(tl.locate(Time(at)), locate_by_scan(&t, Time(at)), "{at}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
    #[test]
    fn locate_agrees_with_a_scan_and_fragments_read_back() {
        use proptest::prelude::*;
        // Turns of 1 to 3 paragraphs of 0 to 3 words, each step 0 to 3 s; some turns
        // untimed, some timed as a whole, some paragraphs' words untimed.
        let para = (
            0u64..3_000,
            0u64..3_000,
            proptest::collection::vec(0u64..1_500, 0..4),
        );
        let turn_s = (
            0u8..4,
            proptest::collection::vec((para, any::<bool>()), 1..4),
        );
        proptest!(|(turns in proptest::collection::vec(turn_s, 0..8), probes in proptest::collection::vec(0u64..40_000, 1..20))| {
            let mut clock = 0;
            let mut built = Vec::new();
            for (kind, paras) in turns {
                let mut text = Vec::new();
                let mut times = Vec::new();
                for ((gap, len, steps), timed_words) in paras {
                    clock += gap;
                    let start = clock;
                    let mut at = start;
                    let words: Vec<u64> = steps.iter().map(|s| { at += s; at }).collect();
                    clock = at.max(start + len);
                    text.push(vec!["w"; words.len()].join(" "));
                    times.push((start, clock, if timed_words { words } else { Vec::new() }));
                }
                let refs: Vec<(u64, u64, &[u64])> =
                    times.iter().map(|(a, b, w)| (*a, *b, w.as_slice())).collect();
                let mut turn = match kind {
                    0 => turn(&text.join("|"), &[]),
                    _ => turn(&text.join("|"), &refs),
                };
                if kind == 1 {
                    turn.start = Some(Time(times[0].0));
                    turn.end = Some(Time(clock));
                    turn.times.clear();
                }
                built.push(turn);
            }
            let t = transcript(built);
            let tl = Timeline::new(&t);
            for at in probes {
                prop_assert_eq!(tl.locate(Time(at)), locate_by_scan(&t, Time(at)));
                if let Some(Jump::To(next)) = tl.skip_hidden(Time(at), &|i| i % 2 == 0) {
                    prop_assert!(next.0 > at);
                    // Where it lands is shown, unless a hidden passage starts then too.
                    let s = tl.locate(next).unwrap();
                    prop_assert!(
                        s.turn % 2 == 0 || tl.paragraph_start(s.turn, s.paragraph) == Some(next)
                    );
                }
            }
        });
        proptest!(|(a in 0u64..1_000_000_000, b in proptest::option::of(0u64..1_000_000_000))| {
            let (a, b) = (Time(a), b.map(Time));
            let back = parse_time_fragment(&time_fragment(a, b));
            prop_assert_eq!(back, Some((a, b.filter(|&b| b > a))));
        });
        proptest!(|(s in "[t=#&,:.npt0-9%3aAC-]{0,16}")| {
            if let Some((a, b)) = parse_time_fragment(&s) {
                prop_assert!(b.is_none_or(|b| b > a));
            }
        });
    }
}
