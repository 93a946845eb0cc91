//! The who-spoke-when strip without the DOM: each turn's place along the transcript
//! ([`Strip`], in words, or in milliseconds when every turn is timed), the runs drawn
//! and listed as text ([`Run`]), the search's ticks ([`Strip::ticks`]), each speaker's
//! colour and pattern ([`Style`], and the pattern's marks as an SVG path), the turns in
//! the view from the boxes of the rendered turns ([`turns_in_view`]), the slider's value
//! ([`slider_value`]) and its keys ([`StripKey`], [`step`]).

use super::blocks::Block;
use super::matches::{Matches, Place};
use super::stats::turn_words;
use crate::model::{Time, Transcript};
use std::ops::Range;

/// Colours in the strip's palette (`--tv-speaker-0` … `-7` in `viewer.css`).
pub const COLOURS: usize = 8;
/// Patterns over them (the first is plain). Prime to [`COLOURS`], so that the first
/// `COLOURS * PATTERNS` (56) speakers each get their own pair.
pub const PATTERNS: usize = 7;
/// The side of a pattern's tile, in CSS pixels.
pub const TILE: u32 = 8;
/// Ticks are placed to a thousandth of the strip (never more than 1,001 of them).
pub const TICK_STEPS: u16 = 1000;

/// A speaker's look in the strip and the share bars: colour and pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Style {
    /// Index into the palette (`0..COLOURS`).
    pub colour: usize,
    /// Index of the pattern (`0..PATTERNS`; 0 is plain).
    pub pattern: usize,
}

impl Style {
    /// The style of the speaker at `index` in `Transcript::speakers`.
    pub fn of(index: usize) -> Style {
        Style {
            colour: index % COLOURS,
            pattern: index % PATTERNS,
        }
    }

    /// A number for the pair, `0..COLOURS * PATTERNS`: the pattern definitions' key.
    pub fn key(self) -> usize {
        self.pattern * COLOURS + self.colour
    }
}

/// The marks of pattern `pattern` over a box of `width` × `height` pixels, as an SVG
/// path (stroked in the background's colour over the speaker's): one tile for a
/// `<pattern>`, or a whole bar drawn without one. Empty for the plain pattern.
pub fn pattern_marks(pattern: usize, width: u32, height: u32) -> String {
    let mut d = String::new();
    let t = TILE as i64;
    let (w, h) = (i64::from(width), i64::from(height));
    let mut y = 0;
    while y < h {
        let mut x = 0;
        while x < w {
            let tile = match pattern % PATTERNS {
                // Rising diagonals (with the corners that join them to the next tile's).
                1 => format!(
                    "M{x} {}l{t} -{t}M{} {}l2 -2M{} {}l2 -2",
                    y + t,
                    x - 1,
                    y + 1,
                    x + t - 1,
                    y + t + 1
                ),
                // Falling diagonals.
                2 => format!(
                    "M{x} {y}l{t} {t}M{} {}l2 2M{} {}l2 2",
                    x - 1,
                    y + t - 1,
                    x + t - 1,
                    y - 1
                ),
                // Horizontal lines.
                3 => format!("M{x} {}h{t}", y + t / 2),
                // Vertical lines.
                4 => format!("M{} {y}v{t}", x + t / 2),
                // Dots (a zero-length line with square caps).
                5 => format!("M{} {}h0.1", x + t / 2, y + t / 2),
                // A grid.
                6 => format!("M{x} {}h{t}M{} {y}v{t}", y + t / 2, x + t / 2),
                _ => return String::new(),
            };
            d.push_str(&tile);
            x += t;
        }
        y += t;
    }
    d
}

/// What the strip's lengths measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Words (a turn without any counts as one, so that every turn has a place).
    Words,
    /// Milliseconds of the recording, from the first turn's start.
    Time,
}

/// Where each turn of a transcript is along the strip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strip {
    /// What the positions measure.
    pub measure: Measure,
    /// Each turn's place: from `start` to `end`, in the measure's units from the strip's
    /// start; starts never decrease, and a turn never ends after the next one starts.
    spans: Vec<Range<u64>>,
    /// Each turn's speaker (index into `Transcript::speakers`).
    speakers: Vec<Option<usize>>,
    /// Each turn's words.
    words: Vec<usize>,
    /// Time of the strip's start (the first turn's), in ms; 0 when untimed.
    origin: u64,
    /// The strip's length in its units (at least 1).
    pub total: u64,
}

/// Consecutive turns drawn (or listed) as one: the same speaker, shown or hidden alike,
/// and (drawn, timed) with no silence between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Their speaker (index into `Transcript::speakers`).
    pub speaker: Option<usize>,
    /// The turns, by index.
    pub turns: Range<usize>,
    /// Where the run is, in the strip's units.
    pub span: Range<u64>,
    /// Their words.
    pub words: usize,
    /// The speaker filter hides them.
    pub hidden: bool,
}

impl Strip {
    /// The places of `transcript`'s turns, `speakers` being each turn's speaker
    /// (`state::turn_speakers`). By time when every turn has a start time (a turn without
    /// an end ends where the next starts; one that runs into the next is cut there), else
    /// by words.
    pub fn new(transcript: &Transcript, speakers: &[Option<usize>]) -> Strip {
        Strip::with_words(transcript, speakers, &turn_words(transcript))
    }

    /// [`Strip::new`] with each turn's words counted already (`state::turn_words_of`,
    /// which the speaker stats counted): the strip then costs a pass over the turns,
    /// not over the text.
    pub fn with_words(
        transcript: &Transcript,
        speakers: &[Option<usize>],
        words: &[usize],
    ) -> Strip {
        let turns = &transcript.turns;
        let words: Vec<usize> = (0..turns.len())
            .map(|i| words.get(i).copied().unwrap_or(0))
            .collect();
        let speakers: Vec<Option<usize>> = (0..turns.len())
            .map(|i| speakers.get(i).copied().flatten())
            .collect();
        let starts: Option<Vec<u64>> = turns.iter().map(|t| Some(t.start_time()?.0)).collect();
        let timed = starts.filter(|s| !s.is_empty() && s.windows(2).all(|w| w[0] <= w[1]));
        let (measure, spans, origin) = match timed {
            Some(starts) => {
                let origin = starts[0];
                let spans: Vec<Range<u64>> = (0..turns.len())
                    .map(|i| {
                        let start = starts[i];
                        let next = starts.get(i + 1).copied();
                        let end = turns[i].end_time().map(|e| e.0).or(next).unwrap_or(start);
                        let end = end.max(start).min(next.unwrap_or(u64::MAX));
                        start - origin..end - origin
                    })
                    .collect();
                (Measure::Time, spans, origin)
            }
            None => {
                let mut at = 0u64;
                let spans = words
                    .iter()
                    .map(|&w| {
                        let start = at;
                        at += w.max(1) as u64;
                        start..at
                    })
                    .collect();
                (Measure::Words, spans, 0)
            }
        };
        let total = spans.last().map_or(0, |s: &Range<u64>| s.end).max(1);
        Strip {
            measure,
            spans,
            speakers,
            words,
            origin,
            total,
        }
    }

    /// The number of turns.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the transcript has no turn.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Turn `turn`'s place, in the strip's units.
    pub fn span(&self, turn: usize) -> Option<Range<u64>> {
        self.spans.get(turn).cloned()
    }

    /// Turn `turn`'s speaker.
    pub fn speaker(&self, turn: usize) -> Option<usize> {
        self.speakers.get(turn).copied().flatten()
    }

    /// Turn `turn`'s words.
    pub fn words(&self, turn: usize) -> usize {
        self.words.get(turn).copied().unwrap_or(0)
    }

    /// `at` (in the strip's units) as a percentage of the strip for an SVG attribute
    /// (`"12.345%"`, `"0%"` to `"100%"`), in thousandths of a percent.
    pub fn percent(&self, at: u64) -> String {
        percent_of(at, self.total)
    }

    /// The time on the recording's clock of `at` (in the strip's units), when timed.
    pub fn time(&self, at: u64) -> Option<Time> {
        (self.measure == Measure::Time).then(|| Time(self.origin + at))
    }

    /// The runs of turns, `hidden` saying which turns the speaker filter hides (a turn
    /// past its end is shown). Drawn runs (`split_at_gaps`) also end at a silence
    /// between turns, so that a run covers only its turns' time.
    pub fn runs(&self, hidden: &[bool], split_at_gaps: bool) -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for (i, span) in self.spans.iter().enumerate() {
            let speaker = self.speaker(i);
            let is_hidden = hidden.get(i).copied().unwrap_or(false);
            let words = self.words(i);
            if let Some(last) = out.last_mut() {
                let joins = last.speaker == speaker
                    && last.hidden == is_hidden
                    && (!split_at_gaps || last.span.end == span.start);
                if joins {
                    last.turns.end = i + 1;
                    last.span.end = last.span.end.max(span.end);
                    last.words += words;
                    continue;
                }
            }
            out.push(Run {
                speaker,
                turns: i..i + 1,
                span: span.clone(),
                words,
                hidden: is_hidden,
            });
        }
        out
    }

    /// Where a tick for turn `turn` goes: the middle of the turn, in thousandths of the
    /// strip.
    pub fn tick(&self, turn: usize) -> Option<u16> {
        let span = self.spans.get(turn)?;
        // Twice the middle, over twice the total, rounded.
        let middle = (span.start + span.end).min(2 * self.total);
        let steps = u64::from(TICK_STEPS);
        Some(((middle * steps + self.total) / (2 * self.total)) as u16)
    }

    /// The ticks of the search's matches in turns (`matches.all`, in document order),
    /// one per place to a thousandth of the strip, in order.
    pub fn ticks(&self, matches: &Matches) -> Vec<u16> {
        let mut out: Vec<u16> = Vec::new();
        let mut last_turn = None;
        for m in &matches.all {
            let Place::Turn(turn, _) = m.place else {
                continue;
            };
            if last_turn == Some(turn) {
                continue;
            }
            last_turn = Some(turn);
            if let Some(tick) = self.tick(turn) {
                if out.last() != Some(&tick) {
                    out.push(tick);
                }
            }
        }
        out
    }

    /// The turn at `fraction` (0 to 1) of the strip's length: the one whose place holds
    /// it, else (in a silence) the nearest after it, else the last.
    pub fn turn_at(&self, fraction: f64) -> Option<usize> {
        if self.spans.is_empty() {
            return None;
        }
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let at = (fraction * self.total as f64) as u64;
        let i = self.spans.partition_point(|s| s.end <= at);
        Some(i.min(self.spans.len() - 1))
    }
}

/// A layer of the strip: what its runs are drawn in (a colour of the palette, `None`
/// for turns no label introduces; or a pattern's marks) and whether they are hidden.
pub type Layer<K> = (K, bool);

/// The units of [`Strip::bands`]' outlines across the strip.
pub const OUTLINE_UNITS: u64 = 100_000;

/// The runs as outlines ([`Strip::bands`]): one per colour and one per pattern (each
/// with its shown state), in order of first appearance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bands {
    /// Per colour (`Style::colour`; `None`: no speaker): every run in it.
    pub colours: Vec<(Layer<Option<usize>>, String)>,
    /// Per pattern with marks (`Style::pattern`, never the plain 0): the runs of the
    /// speakers who have it, for its marks to be drawn over their colour.
    pub patterns: Vec<(Layer<usize>, String)>,
}

impl Strip {
    /// The runs as a few outlines, in [`OUTLINE_UNITS`] across the strip and 1 down: a
    /// rectangle per run, `M12345 0h321v1h-321z`, integers written straight into one
    /// string per outline. A colour's outline is filled in a `<svg>` stretched over the
    /// strip; a pattern's is a `<clipPath>` (in `objectBoundingBox` units, scaled by
    /// 1/[`OUTLINE_UNITS`] across) for a band of its marks over the colours, so that the
    /// marks keep their size. However many speakers and turns, at most
    /// 2 × ([`COLOURS`] + 1 + [`PATTERNS`] − 1) outlines: what a node per run (1,500
    /// `<rect>`s, some 35 ms to create in the Wasm) or a layer per speaker (48 patterns
    /// and clip paths, 10 ms) would cost is a few strings. Runs too short to show
    /// (under 1/[`OUTLINE_UNITS`]) are left out.
    pub fn bands(&self, runs: &[Run]) -> Bands {
        let style = |run: &Run| run.speaker.map(Style::of);
        Bands {
            colours: self.outlines_by(runs, |run| Some(style(run).map(|s| s.colour))),
            patterns: self.outlines_by(runs, |run| {
                style(run).map(|s| s.pattern).filter(|&p| p != 0)
            }),
        }
    }

    /// The runs that `key` puts in a layer, an outline per key and shown state.
    fn outlines_by<K: Copy + PartialEq>(
        &self,
        runs: &[Run],
        key: impl Fn(&Run) -> Option<K>,
    ) -> Vec<(Layer<K>, String)> {
        let scale = self.scale_to(OUTLINE_UNITS);
        let mut out: Vec<(Layer<K>, String)> = Vec::new();
        for run in runs {
            let Some(k) = key(run) else {
                continue;
            };
            let x = scale(run.span.start);
            let w = scale(run.span.end).saturating_sub(x);
            if w == 0 {
                continue;
            }
            let layer = (k, run.hidden);
            let at = match out.iter().position(|(l, _)| *l == layer) {
                Some(at) => at,
                None => {
                    out.push((layer, String::new()));
                    out.len() - 1
                }
            };
            // `M{x} 0h{w}v1h-{w}z`, without `fmt` (a third of the strip's drawing).
            let d = &mut out[at].1;
            d.push('M');
            push_number(d, x);
            d.push_str(" 0h");
            push_number(d, w);
            d.push_str("v1h-");
            push_number(d, w);
            d.push('z');
        }
        out
    }

    /// A place on the strip (`0..=total`) in `units` across it, rounded; in 64 bits
    /// while they suffice (128-bit division is a slow call in the Wasm).
    fn scale_to(&self, units: u64) -> impl Fn(u64) -> u64 {
        let total = self.total;
        move |at: u64| {
            let at = at.min(total);
            match at.checked_mul(units).and_then(|p| p.checked_add(total / 2)) {
                Some(product) => product / total.max(1),
                None => {
                    let (at, total) = (u128::from(at), u128::from(total));
                    ((at * u128::from(units) + total / 2) / total) as u64
                }
            }
        }
    }
}

/// Writes `n` in decimal at the end of `out`.
fn push_number(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits.
    out.extend(digits[i..].iter().map(|&b| char::from(b)));
}

/// `part` of `whole` as a percentage for an SVG attribute (`"12.345%"`), rounded to a
/// thousandth; `"0%"` when `whole` is 0. Integers only: formatting a float would add
/// some 10 KB to the Wasm.
pub fn percent_of(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".into();
    }
    let part = u128::from(part.min(whole));
    let whole = u128::from(whole);
    let milli = (part * 100_000 + whole / 2) / whole;
    match milli % 1000 {
        0 => format!("{}%", milli / 1000),
        frac => format!("{}.{frac:03}%", milli / 1000),
    }
}

/// A speaker's share of the words (`words` of `total`) in whole percent, rounded, and
/// whether it is more than none yet rounds to 0 (under one percent).
pub fn word_share(words: usize, total: usize) -> (usize, bool) {
    if total == 0 {
        return (0, false);
    }
    let words = words.min(total);
    let percent = (words * 100 + total / 2) / total;
    (percent, percent == 0 && words > 0)
}

/// Which turns the speaker filter hides, from the list as shown (`state::blocks`), for
/// `turns` turns.
pub fn hidden_turns(blocks: &[Block], turns: usize) -> Vec<bool> {
    let mut hidden = vec![false; turns];
    for block in blocks {
        if let Block::Hidden { turns: run, .. } = block {
            for &i in run {
                if let Some(h) = hidden.get_mut(i) {
                    *h = true;
                }
            }
        }
    }
    hidden
}

/// A rendered turn's box, from the top of the window (CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TurnBox {
    /// The turn's index.
    pub turn: usize,
    /// Its top edge.
    pub top: f64,
    /// Its bottom edge.
    pub bottom: f64,
}

/// The first and last of the turns `boxes` (shown turns, in document order) that are
/// at least partly inside the band from `band.0` to `band.1` (what the reader sees), or
/// `None` when none is.
pub fn turns_in_view(boxes: &[TurnBox], band: (f64, f64)) -> Option<(usize, usize)> {
    let seen = |b: &&TurnBox| b.bottom > band.0 + 0.5 && b.top < band.1 - 0.5 && b.bottom > b.top;
    let first = boxes.iter().find(seen)?;
    let last = boxes.iter().rev().find(seen)?;
    Some((first.turn, last.turn.max(first.turn)))
}

/// The slider's value (a turn's index): the turn the reader last moved to with the
/// slider (`keyed`) while it is in the `view`, else the first turn in view, else
/// `keyed` or the first turn; never past the last of `turns`.
pub fn slider_value(keyed: Option<usize>, view: Option<(usize, usize)>, turns: usize) -> usize {
    let value = match (keyed, view) {
        (Some(k), Some((first, last))) if (first..=last).contains(&k) => k,
        (_, Some((first, _))) => first,
        (Some(k), None) => k,
        (None, None) => 0,
    };
    value.min(turns.saturating_sub(1))
}

/// A key the slider answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StripKey {
    /// ArrowLeft, ArrowUp: the turn before.
    Previous,
    /// ArrowRight, ArrowDown: the turn after.
    Next,
    /// PageUp: a tenth of the turns back.
    PageBack,
    /// PageDown: a tenth of the turns on.
    PageForward,
    /// Home: the first turn.
    First,
    /// End: the last turn.
    Last,
    /// Enter: into the turn.
    Enter,
}

impl StripKey {
    /// The key named `key` (a `KeyboardEvent.key`), if the slider answers it.
    pub fn from_key(key: &str) -> Option<StripKey> {
        Some(match key {
            "ArrowLeft" | "ArrowUp" | "Left" | "Up" => StripKey::Previous,
            "ArrowRight" | "ArrowDown" | "Right" | "Down" => StripKey::Next,
            "PageUp" => StripKey::PageBack,
            "PageDown" => StripKey::PageForward,
            "Home" => StripKey::First,
            "End" => StripKey::Last,
            "Enter" => StripKey::Enter,
            _ => return None,
        })
    }
}

/// The turn `key` moves the slider to from turn `from`, of `turns` turns (`from` itself
/// for Enter); `None` without turns.
pub fn step(from: usize, key: StripKey, turns: usize) -> Option<usize> {
    let last = turns.checked_sub(1)?;
    let from = from.min(last);
    let page = turns.div_ceil(10).max(1);
    Some(match key {
        StripKey::Previous => from.saturating_sub(1),
        StripKey::Next => (from + 1).min(last),
        StripKey::PageBack => from.saturating_sub(page),
        StripKey::PageForward => (from + page).min(last),
        StripKey::First => 0,
        StripKey::Last => last,
        StripKey::Enter => from,
    })
}

#[cfg(test)]
mod tests;
