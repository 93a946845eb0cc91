//! Viewer state without the DOM: what the reader has asked for (query, search options,
//! hidden speakers, revealed turns, current match), the [`Action`]s that change it, and
//! what follows from it for a transcript: which turns show, where hidden-turn markers
//! stand, the matches and their counts, and the state's form in a URL query string.

use crate::model::Transcript;
use crate::search::{fold, FoldMode, Folded, Query, SearchOptions};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::rc::Rc;

/// What the reader has asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The search box's text, as typed.
    pub query: String,
    /// Search toggles.
    pub options: SearchOptions,
    /// Speakers whose turns are hidden, by id.
    pub hidden: BTreeSet<String>,
    /// Turns shown although their speaker is hidden (a marker was activated), by id.
    pub revealed: BTreeSet<String>,
    /// Index of the current match among the visible matches.
    pub current: usize,
}

/// Everything the reader can do to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The search box changed.
    SetQuery(String),
    /// Esc: clear the search.
    ClearQuery,
    /// The "Match diacritics" toggle.
    SetMatchDiacritics(bool),
    /// The "Whole words" toggle.
    SetWholeWords(bool),
    /// Next match (wraps); `total` is the number of visible matches.
    Next { total: usize },
    /// Previous match (wraps).
    Previous { total: usize },
    /// Show or hide one speaker's turns.
    ToggleSpeaker(String),
    /// Show every speaker.
    ShowAll,
    /// Show only this speaker; `all` lists every speaker id.
    ShowOnly { speaker: String, all: Vec<String> },
    /// Show these hidden turns (a hidden-turn marker was activated).
    Reveal(Vec<String>),
    /// Replace the whole state (Back/Forward, a URL opened).
    Replace(ViewState),
}

impl Action {
    /// True for what the reader does to find something (type, toggle an option, step
    /// through matches, change the filter): afterwards the viewer brings the current
    /// match into view. Revealing hidden turns or replacing the state does not move the
    /// reader.
    pub fn seeks_match(&self) -> bool {
        !matches!(self, Action::Reveal(_) | Action::Replace(_))
    }
}

impl ViewState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut s = self.clone();
        match action {
            Action::SetQuery(q) => {
                s.query = q;
                s.current = 0;
            }
            Action::ClearQuery => {
                s.query.clear();
                s.current = 0;
            }
            Action::SetMatchDiacritics(on) => {
                s.options.match_diacritics = on;
                s.current = 0;
            }
            Action::SetWholeWords(on) => {
                s.options.whole_words = on;
                s.current = 0;
            }
            Action::Next { total } => {
                s.current = if total == 0 {
                    0
                } else {
                    (s.current + 1) % total
                };
            }
            Action::Previous { total } => {
                s.current = if total == 0 {
                    0
                } else {
                    (s.current + total - 1) % total
                };
            }
            Action::ToggleSpeaker(id) => {
                if !s.hidden.remove(&id) {
                    s.hidden.insert(id);
                }
                s.revealed.clear();
                s.current = 0;
            }
            Action::ShowAll => {
                s.hidden.clear();
                s.revealed.clear();
                s.current = 0;
            }
            Action::ShowOnly { speaker, all } => {
                s.hidden = all.into_iter().filter(|id| *id != speaker).collect();
                s.revealed.clear();
                s.current = 0;
            }
            Action::Reveal(turns) => s.revealed.extend(turns),
            Action::Replace(new) => s = new,
        }
        s
    }

    /// Whether the turn at `index` shows.
    pub fn shows(&self, transcript: &Transcript, index: usize) -> bool {
        transcript.turns.get(index).is_some_and(|t| {
            t.speaker
                .as_ref()
                .is_none_or(|sp| !self.hidden.contains(sp))
                || self.revealed.contains(&t.id)
        })
    }

    /// True when some speaker is hidden.
    pub fn filtering(&self) -> bool {
        !self.hidden.is_empty()
    }

    /// The state as URL query pairs (only what differs from the default), in a fixed
    /// order: `q`, `words`, `diacritics`, `hide`.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.query.is_empty() {
            out.push(("q", self.query.clone()));
        }
        if self.options.whole_words {
            out.push(("words", "1".into()));
        }
        if self.options.match_diacritics {
            out.push(("diacritics", "1".into()));
        }
        if !self.hidden.is_empty() {
            out.push((
                "hide",
                self.hidden.iter().cloned().collect::<Vec<_>>().join(","),
            ));
        }
        out
    }

    /// Reads the state back from URL query pairs; unknown keys are ignored and bad values
    /// fall back to defaults.
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = ViewState::default();
        for (k, v) in pairs {
            match k {
                "q" => s.query = v.to_string(),
                "words" => s.options.whole_words = v == "1",
                "diacritics" => s.options.match_diacritics = v == "1",
                "hide" => {
                    s.hidden = v
                        .split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                _ => {}
            }
        }
        s
    }
}

/// One thing in the transcript's list of turns, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The turn at this index.
    Turn(usize),
    /// Consecutive hidden turns, by index, with the indices of their speakers (each once,
    /// in order of appearance).
    Hidden {
        /// The hidden turns.
        turns: Vec<usize>,
        /// Their speakers, as indices into `Transcript::speakers`.
        speakers: Vec<usize>,
    },
}

/// The turns and hidden-turn markers, in order.
pub fn blocks(transcript: &Transcript, state: &ViewState) -> Vec<Block> {
    blocks_with(transcript, state, &turn_speakers(transcript))
}

/// [`blocks`] with each turn's speaker index at hand (`turn_speakers`, which a viewer
/// keeps: looking 15,000 turns' speakers up again costs a toggle ~1.5 ms).
pub fn blocks_with(
    transcript: &Transcript,
    state: &ViewState,
    speakers: &[Option<usize>],
) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for i in 0..transcript.turns.len() {
        let speaker = speakers.get(i).copied().flatten();
        if state.shows(transcript, i) {
            out.push(Block::Turn(i));
            continue;
        }
        if let Some(Block::Hidden { turns, speakers }) = out.last_mut() {
            turns.push(i);
            if let Some(sp) = speaker.filter(|sp| !speakers.contains(sp)) {
                speakers.push(sp);
            }
        } else {
            out.push(Block::Hidden {
                turns: vec![i],
                speakers: speaker.into_iter().collect(),
            });
        }
    }
    out
}

/// The position in `blocks` of the block that shows (or stands for) turn `turn`.
pub fn block_of_turn(blocks: &[Block], turn: usize) -> Option<usize> {
    let last_turn = |b: &Block| match b {
        Block::Turn(i) => *i,
        Block::Hidden { turns, .. } => turns.last().copied().unwrap_or(0),
    };
    let at = blocks.partition_point(|b| last_turn(b) < turn);
    blocks.get(at).filter(|b| match b {
        Block::Turn(i) => *i == turn,
        Block::Hidden { turns, .. } => turns.first().is_some_and(|&first| first <= turn),
    })?;
    Some(at)
}

/// How many of the transcript's `turns` a viewer that renders a long transcript `batch`
/// turns at a time renders now (shown and hidden ones alike: a hidden turn is in the
/// page too, `hidden`): `rendered` so far, but at least up to `needed` (the current
/// match's turn, the URL's target turn), and all of them when `batch` is 0.
pub fn turns_to_render(
    turns: usize,
    batch: usize,
    rendered: usize,
    needed: &[Option<usize>],
) -> usize {
    if batch == 0 {
        return turns;
    }
    needed
        .iter()
        .flatten()
        .filter(|&&turn| turn < turns)
        .map(|turn| turn + 1)
        .fold(rendered.max(batch), usize::max)
        .min(turns)
}

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

/// Stats and the transcript they are of, weakly.
type KeptStats = Option<(std::rc::Weak<Transcript>, Rc<Vec<SpeakerStats>>)>;

thread_local! {
    /// The last [`speaker_stats_of`].
    static LAST_STATS: std::cell::RefCell<KeptStats> = const { std::cell::RefCell::new(None) };
}

/// [`speaker_stats_with`], kept for the transcript it was last computed for (weakly: it
/// does not keep that alive) and given again to the next asker with the same `Rc`. A
/// pre-rendered page computes it in a task of its own before it hydrates
/// (`embed::start_app`), so that the hydrating render, a long page's longest task, does
/// not also count every word (10 MB of text: about 50 ms of that task in the Wasm).
pub fn speaker_stats_of(
    transcript: &Rc<Transcript>,
    speakers: &[Option<usize>],
) -> Rc<Vec<SpeakerStats>> {
    LAST_STATS.with(|last| {
        if let Some((of, stats)) = &*last.borrow() {
            if of.upgrade().is_some_and(|of| Rc::ptr_eq(&of, transcript)) {
                return stats.clone();
            }
        }
        let stats = Rc::new(speaker_stats_with(transcript, speakers));
        *last.borrow_mut() = Some((Rc::downgrade(transcript), stats.clone()));
        stats
    })
}

/// [`speaker_stats`] with each turn's speaker index at hand ([`turn_speakers`]).
pub fn speaker_stats_with(
    transcript: &Transcript,
    speakers: &[Option<usize>],
) -> Vec<SpeakerStats> {
    let mut stats = vec![SpeakerStats::default(); transcript.speakers.len()];
    for (turn, &speaker) in transcript.turns.iter().zip(speakers) {
        let Some(i) = speaker else {
            continue;
        };
        stats[i].turns += 1;
        stats[i].words += turn.paragraphs.iter().map(|p| words(p)).sum::<usize>();
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
fn words(text: &str) -> usize {
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

/// Where a piece of searchable text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The title.
    Title,
    /// Summary paragraph `n`.
    Summary(usize),
    /// Paragraph `p` of turn `t`.
    Turn(usize, usize),
}

impl Place {
    /// The `id` of the element that holds this text (`title`, `summary-2`, `t3-p1`),
    /// after the viewer's id prefix; `None` for a place the transcript does not have.
    pub fn element_id(self, transcript: &Transcript, prefix: &str) -> Option<String> {
        Some(match self {
            Place::Title => format!("{prefix}title"),
            Place::Summary(i) => {
                transcript.summary.get(i)?;
                format!("{prefix}summary-{}", i + 1)
            }
            Place::Turn(t, p) => {
                let turn = transcript.turns.get(t)?;
                turn.paragraphs.get(p)?;
                format!("{prefix}{}-p{}", turn.id, p + 1)
            }
        })
    }

    /// The text at this place.
    pub fn text(self, transcript: &Transcript) -> Option<&str> {
        match self {
            Place::Title => Some(&transcript.title),
            Place::Summary(i) => transcript.summary.get(i).map(String::as_str),
            Place::Turn(t, p) => transcript
                .turns
                .get(t)?
                .paragraphs
                .get(p)
                .map(String::as_str),
        }
    }
}

/// The search's matches in one element's text, for a renderer that paints highlights
/// over the text (the CSS Custom Highlight API) instead of wrapping them in elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaintedText {
    /// The `id` of the element holding the text.
    pub element_id: String,
    /// The text's length in UTF-16 code units, to check the element still holds it.
    pub len16: u32,
    /// The matches, as UTF-16 offsets into the element's text.
    pub ranges16: Vec<Range<u32>>,
}

/// Every visible match except `current` (an index into [`Matches::all`], which a
/// renderer draws as an element of its own), grouped by the element holding it.
pub fn painted_texts(
    transcript: &Transcript,
    prefix: &str,
    matches: &Matches,
    current: Option<usize>,
) -> Vec<PaintedText> {
    painted_texts_of(transcript, prefix, matches, current, None)
}

/// [`painted_texts`] of the title, the summary and, when `turns` is given, only the
/// turns in those ranges (ascending, not overlapping): a painter that paints only what
/// is near the view looks at those matches, not at all of them.
pub fn painted_texts_of(
    transcript: &Transcript,
    prefix: &str,
    matches: &Matches,
    current: Option<usize>,
    turns: Option<&[Range<usize>]>,
) -> Vec<PaintedText> {
    let spans: Vec<Range<usize>> = match turns {
        None => std::iter::once(0..matches.all.len()).collect(),
        Some(turns) => std::iter::once(0..matches.in_summary().end)
            .chain(
                turns
                    .iter()
                    .map(|r| matches.between(Place::Turn(r.start, 0), Place::Turn(r.end, 0))),
            )
            .collect(),
    };
    let mut out = Vec::new();
    for span in spans {
        let mut rest = &matches.all[span.clone()];
        let mut start = span.start;
        while let Some(first) = rest.first() {
            let place = first.place;
            let n = rest.partition_point(|m| m.place == place);
            let ranges: Vec<Range<usize>> = rest[..n]
                .iter()
                .enumerate()
                .filter(|&(i, _)| Some(start + i) != current)
                .map(|(_, m)| m.range.clone())
                .collect();
            if let (Some(id), Some(text)) =
                (place.element_id(transcript, prefix), place.text(transcript))
            {
                let ranges16 = crate::search::utf16_ranges(text, &ranges);
                if !ranges16.is_empty() {
                    out.push(PaintedText {
                        element_id: id,
                        len16: crate::search::utf16_len(text) as u32,
                        ranges16,
                    });
                }
            }
            rest = &rest[n..];
            start += n;
        }
    }
    out
}

/// What a painter changes to go from the texts it painted (`old`) to `new`: a text
/// painted before with the same element and the same ranges keeps its ranges, every
/// other old one is taken off and every other new one painted. Moving to the next
/// match then repaints the one or two elements the current match leaves and enters,
/// not every match in the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaintPlan {
    /// For each old text, whether it stays painted as it is.
    pub keep: Vec<bool>,
    /// For each new text, the old text it is (`None`: to be painted).
    pub from: Vec<Option<usize>>,
}

/// The [`PaintPlan`] from `old` to `new`. An element's text is kept only when it is
/// equal in full (id, length and every range) and its element is not in `fresh` (the
/// elements whose text nodes the renderer changed: those the current match's `<mark>`
/// left or entered, or that it covers differently); an element listed twice in `new`
/// is painted again the second time.
pub fn paint_plan(old: &[PaintedText], new: &[PaintedText], fresh: &[&str]) -> PaintPlan {
    // After groups of turns woke, `fresh` can name thousands of elements.
    let fresh: std::collections::HashSet<&str> = fresh.iter().copied().collect();
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (i, text) in old.iter().enumerate() {
        if !fresh.contains(&text.element_id.as_str()) {
            by_id.entry(text.element_id.as_str()).or_insert(i);
        }
    }
    let mut keep = vec![false; old.len()];
    let from = new
        .iter()
        .map(|text| {
            let i = by_id.remove(text.element_id.as_str())?;
            (old[i] == *text).then(|| {
                keep[i] = true;
                i
            })
        })
        .collect();
    PaintPlan { keep, from }
}

/// The searchable texts of a transcript, folded once per fold mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// The mode the texts were folded in.
    pub mode: FoldMode,
    fields: Vec<(Place, Folded)>,
    /// [`turn_speakers`], for the per-speaker counts.
    speakers: Vec<Option<usize>>,
}

impl SearchIndex {
    /// Folds the title, summary and every paragraph.
    pub fn new(transcript: &Transcript, mode: FoldMode) -> Self {
        let mut builder = IndexBuilder::new(transcript, mode);
        builder.fold_turns(transcript, usize::MAX);
        builder.index
    }
}

/// A [`SearchIndex`] folded a number of turns at a time, so that a long transcript's
/// index can be built in short tasks while the page stays responsive.
#[derive(Debug, Clone)]
pub struct IndexBuilder {
    index: SearchIndex,
    next_turn: usize,
}

impl IndexBuilder {
    /// Starts an index: the title and summary are folded, no turn yet.
    pub fn new(transcript: &Transcript, mode: FoldMode) -> Self {
        let mut fields = vec![(Place::Title, fold(&transcript.title, mode))];
        for (i, p) in transcript.summary.iter().enumerate() {
            fields.push((Place::Summary(i), fold(p, mode)));
        }
        IndexBuilder {
            index: SearchIndex {
                mode,
                fields,
                speakers: turn_speakers(transcript),
            },
            next_turn: 0,
        }
    }

    /// Folds up to `count` more turns of `transcript` (the one the builder was started
    /// with); true once every turn is folded.
    pub fn fold_turns(&mut self, transcript: &Transcript, count: usize) -> bool {
        let end = self
            .next_turn
            .saturating_add(count)
            .min(transcript.turns.len());
        for t in self.next_turn..end {
            for (p, text) in transcript.turns[t].paragraphs.iter().enumerate() {
                let folded = fold(text, self.index.mode);
                self.index.fields.push((Place::Turn(t, p), folded));
            }
        }
        self.next_turn = end;
        self.is_done(transcript)
    }

    /// True once every turn of `transcript` is folded.
    pub fn is_done(&self, transcript: &Transcript) -> bool {
        self.next_turn >= transcript.turns.len()
    }

    /// The index, once [`is_done`](Self::is_done) (before, it covers only the turns
    /// folded so far).
    pub fn finish(self) -> SearchIndex {
        self.index
    }
}

/// One match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Where it is.
    pub place: Place,
    /// Byte range in that text.
    pub range: Range<usize>,
}

/// What a search found in the visible text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matches {
    /// The folded query (`None` when no search is active).
    pub query: Option<Query>,
    /// Visible matches in document order.
    pub all: Vec<Match>,
    /// Matches per speaker (visible or not), in the order of `Transcript::speakers`.
    pub per_speaker: Vec<usize>,
}

impl Matches {
    /// True when the search box holds something to look for.
    pub fn active(&self) -> bool {
        !matches!(self.query, None | Some(Query::Empty))
    }

    /// The ranges in one text, and the index (in [`Matches::all`]) of the first of them.
    pub fn in_place(&self, place: Place) -> (usize, &[Match]) {
        let start = self.all.partition_point(|m| m.place < place);
        let end = self.all.partition_point(|m| m.place <= place);
        (start, &self.all[start..end])
    }
}

/// Every match of a search, hidden turns included: what a speaker filter narrows down
/// (see [`Found::visible`]) without searching again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The folded query.
    pub query: Query,
    /// Every match, in document order.
    pub all: Vec<Match>,
    /// Matches per speaker, in the order of `Transcript::speakers`.
    pub per_speaker: Vec<usize>,
}

/// Searches every text of the transcript for `query` with `options`; `index` must be
/// folded in the options' mode.
pub fn search(
    transcript: &Transcript,
    index: &SearchIndex,
    query: &str,
    options: &SearchOptions,
) -> Found {
    let query = Query::new(query, index.mode);
    let mut out = Found {
        per_speaker: vec![0; transcript.speakers.len()],
        ..Found::default()
    };
    if let Query::Phrase(phrase) = &query {
        for (place, folded) in &index.fields {
            let ranges = folded.find_all(phrase, options.whole_words);
            if ranges.is_empty() {
                continue;
            }
            if let Place::Turn(t, _) = place {
                if let Some(sp) = index.speakers.get(*t).copied().flatten() {
                    out.per_speaker[sp] += ranges.len();
                }
            }
            out.all.extend(ranges.into_iter().map(|range| Match {
                place: *place,
                range,
            }));
        }
    }
    out.query = query;
    out
}

impl Found {
    /// The matches in what `state` shows (its hidden speakers' turns left out, unless
    /// revealed).
    pub fn visible(&self, transcript: &Transcript, state: &ViewState) -> Matches {
        let all = match state.filtering() {
            false => self.all.clone(),
            true => self
                .all
                .iter()
                .filter(|m| match m.place {
                    Place::Turn(t, _) => state.shows(transcript, t),
                    _ => true,
                })
                .cloned()
                .collect(),
        };
        Matches {
            query: Some(self.query.clone()),
            all,
            per_speaker: self.per_speaker.clone(),
        }
    }
}

/// Searches the transcript as the state asks; `index` must be folded in the state's mode.
pub fn find(transcript: &Transcript, index: &SearchIndex, state: &ViewState) -> Matches {
    search(transcript, index, &state.query, &state.options).visible(transcript, state)
}

/// The status line for a search: `3 of 17`, `No matches`, or why nothing can match.
pub fn status(matches: &Matches, current: usize) -> String {
    match matches.status(current) {
        SearchStatus::Inactive => String::new(),
        SearchStatus::NothingToSearch => "No matches: type a letter or digit".into(),
        SearchStatus::NoMatches => "No matches".into(),
        SearchStatus::Position { number, total } => format!("{number} of {total}"),
    }
}

/// Where a search stands, as a value a renderer words in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchStatus {
    /// Nothing typed: no search.
    Inactive,
    /// Only punctuation or symbols typed: nothing can match.
    NothingToSearch,
    /// A phrase that matches nothing visible.
    NoMatches,
    /// The current match is the `number`th (from 1) of `total`.
    Position {
        /// 1-based position of the current match.
        number: usize,
        /// Number of visible matches.
        total: usize,
    },
}

impl Matches {
    /// Where the search stands when `current` is the state's current match.
    pub fn status(&self, current: usize) -> SearchStatus {
        match &self.query {
            None | Some(Query::Empty) => SearchStatus::Inactive,
            Some(Query::NothingToSearch) => SearchStatus::NothingToSearch,
            Some(Query::Phrase(_)) => match self.current(current) {
                None => SearchStatus::NoMatches,
                Some(i) => SearchStatus::Position {
                    number: i + 1,
                    total: self.all.len(),
                },
            },
        }
    }

    /// The index in [`Matches::all`] of the current match (`current` clamped to the
    /// last), or `None` when nothing matches.
    pub fn current(&self, current: usize) -> Option<usize> {
        (!self.all.is_empty()).then(|| current.min(self.all.len() - 1))
    }

    /// The indices in [`Matches::all`] of the matches at or after `from` and before `to`.
    pub fn between(&self, from: Place, to: Place) -> Range<usize> {
        let start = self.all.partition_point(|m| m.place < from);
        let end = self.all.partition_point(|m| m.place < to).max(start);
        start..end
    }

    /// The indices of the matches in the title.
    pub fn in_title(&self) -> Range<usize> {
        self.between(Place::Title, Place::Summary(0))
    }

    /// The indices of the matches in the summary.
    pub fn in_summary(&self) -> Range<usize> {
        self.between(Place::Summary(0), Place::Turn(0, 0))
    }

    /// The indices of the matches in turn `turn`.
    pub fn in_turn(&self, turn: usize) -> Range<usize> {
        self.between(Place::Turn(turn, 0), Place::Turn(turn + 1, 0))
    }
}

/// One part of the transcript's matches (the title, the summary, a turn) and the current
/// match if it is among them: what a memoised renderer of that part needs.
///
/// Two slices are equal when they would render the same: the same matches, and the
/// current one at the same position among them, wherever the slice sits in the whole
/// list. So when the reader types, only the parts whose highlights change re-render.
#[derive(Debug, Clone, Default)]
pub struct MatchSlice {
    matches: Rc<Matches>,
    range: Range<usize>,
    current: Option<usize>,
}

impl MatchSlice {
    /// The matches at `range` of `matches.all`, with `current` (an index into
    /// `matches.all`, as [`Matches::current`] gives it) kept only if it is in `range`.
    pub fn new(matches: &Rc<Matches>, range: Range<usize>, current: Option<usize>) -> Self {
        let len = matches.all.len();
        let start = range.start.min(len);
        let range = start..range.end.clamp(start, len);
        let current = current.filter(|c| range.contains(c));
        MatchSlice {
            matches: matches.clone(),
            range,
            current,
        }
    }

    /// Only the current match, if it is in `range`: what a part renders when the other
    /// matches are painted over its text (see [`painted_texts`]), so that it re-renders
    /// only when the current match comes or goes.
    pub fn current_only(
        matches: &Rc<Matches>,
        range: Range<usize>,
        current: Option<usize>,
    ) -> Self {
        match current.filter(|c| range.contains(c)) {
            Some(c) => MatchSlice::new(matches, c..c + 1, Some(c)),
            None => MatchSlice::new(matches, 0..0, None),
        }
    }

    /// The matches in the slice.
    pub fn matches(&self) -> &[Match] {
        &self.matches.all[self.range.clone()]
    }

    /// The byte ranges of the matches in the text at `place`, and which of them (by
    /// position in the returned list) is the current match, if any.
    pub fn ranges(&self, place: Place) -> (Vec<Range<usize>>, Option<usize>) {
        let (at, found) = self.matches.in_place(place);
        // Only the slice's own matches (all of them, or just the current one).
        let start = at.max(self.range.start);
        let end = (at + found.len()).min(self.range.end).max(start);
        let ranges = self.matches.all[start..end]
            .iter()
            .map(|m| m.range.clone())
            .collect();
        let current = self
            .current
            .filter(|c| (start..end).contains(c))
            .map(|c| c - start);
        (ranges, current)
    }

    fn relative_current(&self) -> Option<usize> {
        self.current.map(|c| c - self.range.start)
    }
}

impl PartialEq for MatchSlice {
    fn eq(&self, other: &Self) -> bool {
        self.relative_current() == other.relative_current() && self.matches() == other.matches()
    }
}

/// Number of turns shown.
pub fn shown_turns(transcript: &Transcript, state: &ViewState) -> usize {
    (0..transcript.turns.len())
        .filter(|&i| state.shows(transcript, i))
        .count()
}

/// The ids of the turns at `indices`.
pub fn turn_ids(transcript: &Transcript, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .filter_map(|&i| transcript.turns.get(i))
        .map(|t| t.id.clone())
        .collect()
}

/// Every speaker's id, in order (what [`Action::ShowOnly`] needs).
pub fn speaker_ids(transcript: &Transcript) -> Vec<String> {
    transcript.speakers.iter().map(|s| s.id.clone()).collect()
}

impl yew::Reducible for ViewState {
    type Action = Action;

    /// [`ViewState::apply`]; an action that changes nothing returns the same `Rc`, so
    /// the viewer does not re-render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

// ---- The state in the page's URL ------------------------------------------------------

/// The query-string keys the state owns (see [`ViewState::to_query_pairs`]); every other
/// parameter of a page's URL (`t`, a host's own) is left alone.
pub const QUERY_KEYS: [&str; 4] = ["q", "words", "diacritics", "hide"];

/// The `key=value` pairs of a query string (with or without its `?`), decoded as a
/// browser's `URLSearchParams` does (`+` is a space, `%XX` a byte, bad UTF-8 replaced).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

impl ViewState {
    /// The state a query string describes (see [`ViewState::from_query_pairs`]).
    pub fn from_query_string(search: &str) -> Self {
        let pairs = parse_query(search);
        ViewState::from_query_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// True when the query string `search` describes this state's URL part (query,
    /// toggles, hidden speakers), whatever else it holds and however it is encoded.
    pub fn is_in_query(&self, search: &str) -> bool {
        ViewState::from_query_string(search).to_query_pairs() == self.to_query_pairs()
    }

    /// The state after the page's URL changed to the query string `search` (Back,
    /// Forward): `None` when the URL still describes this state (a fragment change),
    /// else the URL's state.
    pub fn after_url_change(&self, search: &str) -> Option<ViewState> {
        (!self.is_in_query(search)).then(|| ViewState::from_query_string(search))
    }
}

/// True when the query string sets any part of the state.
pub fn has_view_params(search: &str) -> bool {
    parse_query(search)
        .iter()
        .any(|(k, _)| QUERY_KEYS.contains(&k.as_str()))
}

/// The query string (`?…`, or empty) that keeps every parameter of `search` the state
/// does not own, byte for byte and in order, followed by the state's own.
pub fn merge_query(search: &str, state: &ViewState) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut parts: Vec<String> = search
        .split('&')
        .filter(|part| !part.is_empty())
        .filter(|part| {
            let key = part.split_once('=').map_or(*part, |(k, _)| k);
            !QUERY_KEYS.contains(&percent_decode(key, true).as_str())
        })
        .map(str::to_string)
        .collect();
    for (k, v) in state.to_query_pairs() {
        parts.push(format!("{k}={}", percent_encode(&v, true)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// How the browser history should record a change of state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    /// The URL does not change.
    Keep,
    /// Rewrite the current entry (typing in the search box).
    Replace,
    /// Add an entry, so Back undoes the change (toggles, the speaker filter).
    Push,
}

/// How the change from `old` to `new` goes into the history: only the query changed →
/// [`HistoryEntry::Replace`]; a toggle or the filter changed → [`HistoryEntry::Push`].
pub fn history_entry(old: &ViewState, new: &ViewState) -> HistoryEntry {
    let (a, b) = (old.to_query_pairs(), new.to_query_pairs());
    if a == b {
        return HistoryEntry::Keep;
    }
    let without_query = |pairs: Vec<(&'static str, String)>| {
        pairs
            .into_iter()
            .filter(|(k, _)| *k != "q")
            .collect::<Vec<_>>()
    };
    if without_query(a) == without_query(b) {
        HistoryEntry::Replace
    } else {
        HistoryEntry::Push
    }
}

/// Changes of the page's URL not written yet, in order: a viewer writes them after the
/// frame that shows the change (toggles), or once typing pauses (a typed search). A run
/// of typed searches is one write, and so is typing after a toggle (it rewrites the
/// entry the toggle adds).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PendingUrl {
    writes: Vec<(HistoryEntry, ViewState)>,
    /// The URL's query as last read or written (`None` before either).
    seen: Option<String>,
}

impl PendingUrl {
    /// Adds a change to `state`, written as `entry` (`Keep` counts as `Replace`: the URL
    /// differs from a state that has not changed).
    pub fn add(&mut self, entry: HistoryEntry, state: ViewState) {
        let entry = match entry {
            HistoryEntry::Keep => HistoryEntry::Replace,
            entry => entry,
        };
        match (entry, self.writes.last_mut()) {
            (HistoryEntry::Replace, Some((_, last))) => *last = state,
            _ => self.writes.push((entry, state)),
        }
    }

    /// True when nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// True when only typing is waiting (it waits for a pause; a toggle does not).
    pub fn waits_for_pause(&self) -> bool {
        self.writes.iter().all(|(e, _)| *e == HistoryEntry::Replace)
    }

    /// The writes, in order, leaving none.
    pub fn take(&mut self) -> Vec<(HistoryEntry, ViewState)> {
        std::mem::take(&mut self.writes)
    }

    /// Forgets every write (the reader went Back or Forward: the URL is the state now).
    pub fn clear(&mut self) {
        self.writes.clear();
    }

    /// Notes the URL's query (`location.search`) as read or just written.
    pub fn saw(&mut self, search: &str) {
        self.seen = Some(search.to_owned());
    }

    /// The current history entry changed (`popstate`) to one whose query is `search`.
    /// When only the fragment changed (a turn's link followed, or Back and Forward
    /// between such entries), the view is still the reader's: what waits stays, to be
    /// written into the new entry, and this is true. Otherwise the URL is the state now:
    /// the writes are forgotten, and this is false.
    pub fn history_changed(&mut self, search: &str) -> bool {
        let same = self.seen.as_deref() == Some(search);
        if !same {
            self.clear();
        }
        self.saw(search);
        same && !self.is_empty()
    }
}

/// The address of a turn: `href` (a page's URL) with its fragment replaced by
/// `fragment` (the turn's element id, percent-encoded where needed).
pub fn turn_link(href: &str, fragment: &str) -> String {
    let base = href.split_once('#').map_or(href, |(b, _)| b);
    format!("{base}#{}", percent_encode(fragment, false))
}

/// The turn a URL fragment (`#t3`, `#a-t3`, with or without `#`) points at, for a viewer
/// whose ids start with `id_prefix`.
pub fn turn_for_fragment(
    transcript: &Transcript,
    id_prefix: &str,
    fragment: &str,
) -> Option<usize> {
    let fragment = percent_decode(fragment.strip_prefix('#').unwrap_or(fragment), false);
    let id = fragment.strip_prefix(id_prefix)?;
    transcript.turns.iter().position(|t| t.id == id)
}

/// `%XX` (and, for a query, `+`) decoded; invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Everything but RFC 3986 unreserved characters (and `,`, which reads well in a list of
/// speakers) percent-encoded; in a query, a space is `+`.
fn percent_encode(s: &str, query: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b' ' if query => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) => out.push(char::from(b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
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
// Lists of byte ranges with one element are what these tests are about.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::model::{Source, Speaker, Turn, SCHEMA_VERSION};

    fn transcript() -> Transcript {
        let sp = |id: &str| Speaker {
            id: id.into(),
            name: id.to_uppercase(),
            role: None,
            anonymous: false,
        };
        let turn = |n: usize, sp: Option<&str>, text: &str| Turn {
            id: format!("t{n}"),
            speaker: sp.map(Into::into),
            annotation: None,
            paragraphs: text.split('|').map(str::to_string).collect(),
        };
        Transcript {
            schema: SCHEMA_VERSION,
            lang: "en".into(),
            title: "Talks on trade".into(),
            date: None,
            time: None,
            place: None,
            dateline: None,
            kind: None,
            summary: vec!["They discussed trade.".into()],
            speakers: vec![sp("p"), sp("l"), sp("q")],
            turns: vec![
                turn(1, Some("p"), "Mr President, trade.|More trade talk."),
                turn(2, Some("l"), "Thank you, Mr President."),
                turn(3, Some("q"), "A question on trade?"),
                turn(4, Some("l"), "Yes, trade."),
                turn(5, Some("p"), "Thank you."),
                turn(6, None, "Narration about trade."),
            ],
            source: Source {
                file: "x".into(),
                credit: None,
                license: None,
                url: None,
            },
        }
    }

    fn search(t: &Transcript, state: &ViewState) -> Matches {
        find(t, &SearchIndex::new(t, state.options.fold_mode()), state)
    }

    #[test]
    fn painted_texts_group_matches_by_element_without_the_current_one() {
        let mut t = transcript();
        t.turns[0].paragraphs[1] = "Más trade, trade.".into();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        // Title, summary, t1-p1, t1-p2 (twice), t3, t4, t6.
        assert_eq!(m.all.len(), 8);
        let painted = painted_texts(&t, "x-", &m, Some(3));
        let ids: Vec<&str> = painted.iter().map(|p| p.element_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "x-title",
                "x-summary-1",
                "x-t1-p1",
                "x-t1-p2",
                "x-t3-p1",
                "x-t4-p1",
                "x-t6-p1"
            ]
        );
        // "Más trade, trade.": "á" is two bytes but one UTF-16 unit; the current match
        // (the first "trade" there, index 3) is left to the renderer.
        assert_eq!(painted[3].ranges16, vec![11..16]);
        assert_eq!(painted[3].len16, 17);
        assert_eq!(painted[0].ranges16, vec![9..14]);
        // With no current match, every match is painted; a place with only the current
        // match is left out.
        assert_eq!(
            painted_texts(&t, "", &m, None)[3].ranges16,
            vec![4..9, 11..16]
        );
        let title_only = ViewState::default().apply(Action::SetQuery("talks on".into()));
        let m = search(&t, &title_only);
        assert_eq!(m.all.len(), 1);
        assert!(painted_texts(&t, "", &m, Some(0)).is_empty());
    }

    #[test]
    fn painted_texts_of_some_turns_keep_the_title_and_summary_and_only_those_turns() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        let ids = |turns: Option<&[Range<usize>]>, current| -> Vec<String> {
            painted_texts_of(&t, "", &m, current, turns)
                .into_iter()
                .map(|p| p.element_id)
                .collect()
        };
        // Title, summary, t1-p1, t1-p2, t3, t4, t6 (turns 0, 2, 3, 5).
        assert_eq!(ids(None, None).len(), 7);
        assert_eq!(
            ids(Some(&[2..4]), None),
            ["title", "summary-1", "t3-p1", "t4-p1"]
        );
        assert_eq!(
            ids(Some(&[0..1, 5..6]), None),
            ["title", "summary-1", "t1-p1", "t1-p2", "t6-p1"]
        );
        assert_eq!(ids(Some(&[]), None), ["title", "summary-1"]);
        // Ranges past the last turn, or of turns without matches, add nothing.
        assert_eq!(ids(Some(&[1..2, 6..100]), None), ["title", "summary-1"]);
        // The current match (t1-p1's only one here) is left out as from the whole.
        let all = painted_texts(&t, "", &m, Some(2));
        let some = painted_texts_of(&t, "", &m, Some(2), Some(&[0..1]));
        assert_eq!(some[..], all[..3]);
        assert_eq!(some[2].element_id, "t1-p2");
        // Every scope gives the same texts as the whole, where they overlap.
        for current in [None, Some(0), Some(4), Some(7)] {
            let all = painted_texts(&t, "", &m, current);
            let parts = painted_texts_of(&t, "", &m, current, Some(&[0..3, 3..6]));
            assert_eq!(parts, all);
        }
    }

    #[test]
    fn moving_to_the_next_match_repaints_only_the_elements_it_leaves_and_enters() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        let before = painted_texts(&t, "", &m, Some(2));
        let after = painted_texts(&t, "", &m, Some(3));
        let plan = paint_plan(&before, &after, &["t1-p1", "t1-p2"]);
        let kept: Vec<&str> = (before.iter().zip(&plan.keep))
            .filter(|(_, &k)| k)
            .map(|(p, _)| p.element_id.as_str())
            .collect();
        let repainted: Vec<&str> = (after.iter().zip(&plan.from))
            .filter(|(_, from)| from.is_none())
            .map(|(p, _)| p.element_id.as_str())
            .collect();
        // Match 2 is in t1-p1, match 3 (the only one) in t1-p2: t1-p1 is painted
        // again, with its match; t1-p2 is taken off; nothing else changes.
        assert_eq!(kept, ["title", "summary-1", "t3-p1", "t4-p1", "t6-p1"]);
        assert_eq!(repainted, ["t1-p1"]);
        assert_eq!(before.len(), 6);
        assert_eq!(after.len(), 6);
        // Every kept text is the same text, named by its new position.
        for (new, from) in after.iter().zip(&plan.from) {
            if let Some(i) = from {
                assert_eq!(&before[*i], new);
            }
        }
        // A new query repaints everything; nothing painted to nothing keeps nothing.
        let other = ViewState::default().apply(Action::SetQuery("thank".into()));
        let plan = paint_plan(
            &before,
            &painted_texts(&t, "", &search(&t, &other), None),
            &[],
        );
        assert!(plan.keep.iter().all(|k| !k) && plan.from.iter().all(Option::is_none));
        assert_eq!(
            paint_plan(&before, &[], &[]).keep,
            vec![false; before.len()]
        );
        assert!(paint_plan(&[], &[], &[]).from.is_empty());
        // An element the current match's mark changed is painted again though its
        // other matches are the same.
        let plan = paint_plan(&before, &before, &["t3-p1"]);
        assert_eq!(
            plan.from,
            [Some(0), Some(1), Some(2), None, Some(4), Some(5)]
        );
    }

    #[test]
    fn a_text_is_kept_only_when_equal_in_full_and_once() {
        let text = |id: &str, len16, ranges16: Vec<Range<u32>>| PaintedText {
            element_id: id.into(),
            len16,
            ranges16,
        };
        let old = [text("a", 10, vec![0..2]), text("b", 10, vec![3..4])];
        // Same id, other length; same id, other ranges; a duplicate id.
        let new = [
            text("a", 11, vec![0..2]),
            text("b", 10, vec![3..4]),
            text("b", 10, vec![3..4]),
            text("c", 10, vec![3..4]),
        ];
        let plan = paint_plan(&old, &new, &[]);
        assert_eq!(plan.keep, [false, true]);
        assert_eq!(plan.from, [None, Some(1), None, None]);
    }

    #[test]
    fn places_name_their_elements_and_texts() {
        let t = transcript();
        assert_eq!(
            Place::Turn(0, 1).element_id(&t, "a-").as_deref(),
            Some("a-t1-p2")
        );
        assert_eq!(Place::Turn(0, 1).text(&t), Some("More trade talk."));
        assert_eq!(
            Place::Summary(0).element_id(&t, "").as_deref(),
            Some("summary-1")
        );
        assert_eq!(Place::Title.text(&t), Some("Talks on trade"));
        assert_eq!(Place::Turn(0, 2).element_id(&t, ""), None);
        assert_eq!(Place::Turn(9, 0).text(&t), None);
        assert_eq!(Place::Summary(1).element_id(&t, ""), None);
    }

    #[test]
    fn a_current_only_slice_changes_only_when_the_current_match_comes_or_goes() {
        let t = transcript();
        let m = |q: &str| {
            let s = ViewState::default().apply(Action::SetQuery(q.into()));
            Rc::new(search(&t, &s))
        };
        let (trade, tra) = (m("trade"), m("tra"));
        let turn1 = trade.in_turn(0);
        assert_eq!(turn1, 2..4);
        // Another query with matches in the same turn but no current match here: equal.
        assert!(
            MatchSlice::current_only(&trade, turn1.clone(), Some(0))
                == MatchSlice::current_only(&tra, tra.in_turn(0), Some(7))
        );
        let here = MatchSlice::current_only(&trade, turn1.clone(), Some(2));
        assert_eq!(here.matches().len(), 1);
        // It renders only that match: t1's second paragraph has none then.
        assert_eq!(here.ranges(Place::Turn(0, 0)), (vec![14..19], Some(0)));
        assert_eq!(here.ranges(Place::Turn(0, 1)), (vec![], None));
        let full = MatchSlice::new(&trade, trade.in_turn(0), Some(3));
        assert_eq!(full.ranges(Place::Turn(0, 1)), (vec![5..10], Some(0)));
        assert!(here != MatchSlice::current_only(&trade, turn1.clone(), Some(3)));
        assert!(here != MatchSlice::current_only(&trade, turn1, None));
    }

    #[test]
    fn an_index_built_in_steps_is_the_whole_index() {
        let t = transcript();
        let mode = FoldMode::default();
        let mut builder = IndexBuilder::new(&t, mode);
        assert!(!builder.is_done(&t));
        let steps = std::iter::repeat_with(|| builder.fold_turns(&t, 4))
            .take_while(|done| !done)
            .count();
        assert_eq!(steps, 1, "6 turns: 4, then 2");
        assert!(builder.is_done(&t));
        assert_eq!(builder.finish(), SearchIndex::new(&t, mode));
        let empty = Transcript {
            turns: vec![],
            ..transcript()
        };
        assert!(IndexBuilder::new(&empty, mode).is_done(&empty));
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
    fn blocks_are_found_by_turn_and_rendered_in_batches() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        // t1, [t2], t3, [t4], t5, t6
        let b = blocks(&t, &s);
        let found: Vec<Option<usize>> = (0..7).map(|turn| block_of_turn(&b, turn)).collect();
        assert_eq!(
            found,
            [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), None]
        );
        let all = blocks(&t, &ViewState::default());
        assert_eq!(block_of_turn(&all, 3), Some(3));
        // Two turns at a time; what is needed comes first; never more than there is.
        assert_eq!(turns_to_render(6, 2, 0, &[]), 2);
        assert_eq!(turns_to_render(6, 2, 4, &[None]), 4);
        assert_eq!(turns_to_render(6, 2, 2, &[Some(4), Some(1)]), 5);
        assert_eq!(turns_to_render(6, 2, 99, &[]), 6);
        assert_eq!(turns_to_render(6, 0, 0, &[]), 6);
        assert_eq!(turns_to_render(6, 2, 0, &[Some(99)]), 2);
    }

    #[test]
    fn blocks_with_speakers_at_hand_are_the_same_blocks() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        let speakers = turn_speakers(&t);
        assert_eq!(blocks_with(&t, &s, &speakers), blocks(&t, &s));
        // Too few speaker indices (a caller's mistake): every turn is still there.
        let few = blocks_with(&t, &s, &speakers[..2]);
        let turns: usize = few
            .iter()
            .map(|b| match b {
                Block::Turn(_) => 1,
                Block::Hidden { turns, .. } => turns.len(),
            })
            .sum();
        assert_eq!(turns, t.turns.len());
    }

    #[test]
    fn blocks_group_consecutive_hidden_turns() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(
            blocks(&t, &s),
            vec![
                Block::Turn(0),
                Block::Hidden {
                    turns: vec![1],
                    speakers: vec![1]
                },
                Block::Turn(2),
                Block::Hidden {
                    turns: vec![3],
                    speakers: vec![1]
                },
                Block::Turn(4),
                Block::Turn(5),
            ]
        );
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert_eq!(
            blocks(&t, &s)[1],
            Block::Hidden {
                turns: vec![1, 2, 3],
                speakers: vec![1, 2]
            }
        );
        // Revealing shows those turns only, until the filter changes.
        let s = s.apply(Action::Reveal(vec!["t2".into()]));
        assert_eq!(blocks(&t, &s)[1], Block::Turn(1));
        assert!(!s.shows(&t, 3));
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert!(!s.shows(&t, 1) && s.shows(&t, 2));
    }

    #[test]
    fn show_only_and_show_all() {
        let t = transcript();
        let all: Vec<String> = t.speakers.iter().map(|s| s.id.clone()).collect();
        let s = ViewState::default().apply(Action::ShowOnly {
            speaker: "p".into(),
            all,
        });
        let shown: Vec<usize> = (0..t.turns.len()).filter(|&i| s.shows(&t, i)).collect();
        // Unattributed text always shows.
        assert_eq!(shown, vec![0, 4, 5]);
        assert!(s.filtering());
        let s = s.apply(Action::ShowAll);
        assert!(!s.filtering() && (0..6).all(|i| s.shows(&t, i)));
    }

    #[test]
    fn matches_count_only_visible_turns_and_per_speaker() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("TRADE".into()));
        let m = search(&t, &s);
        // Title, summary, t1 twice, t3, t4, t6.
        assert_eq!(m.all.len(), 7);
        assert_eq!(m.per_speaker, vec![2, 1, 1]);
        assert_eq!(status(&m, 0), "1 of 7");
        assert_eq!(m.all[0].place, Place::Title);
        assert_eq!(m.in_place(Place::Turn(0, 1)).0, 3);
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        let m = search(&t, &s);
        assert_eq!(m.all.len(), 6);
        assert_eq!(m.per_speaker, vec![2, 1, 1]);
        let s = ViewState::default().apply(Action::SetQuery("mr president".into()));
        assert_eq!(status(&search(&t, &s), 0), "1 of 2");
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(status(&search(&t, &s), 0), "1 of 1");
    }

    #[test]
    fn statuses() {
        let t = transcript();
        let m = search(&t, &ViewState::default());
        assert!(!m.active());
        assert_eq!(status(&m, 0), "");
        let s = ViewState::default().apply(Action::SetQuery(" -- ".into()));
        let m = search(&t, &s);
        assert!(m.active() && m.all.is_empty());
        assert_eq!(status(&m, 0), "No matches: type a letter or digit");
        let s = ViewState::default().apply(Action::SetQuery("zebra".into()));
        assert_eq!(status(&search(&t, &s), 0), "No matches");
    }

    #[test]
    fn navigation_wraps() {
        let s = ViewState::default();
        let s = s.apply(Action::Previous { total: 3 });
        assert_eq!(s.current, 2);
        let s = s.apply(Action::Next { total: 3 });
        assert_eq!(s.current, 0);
        let s = s
            .apply(Action::Next { total: 3 })
            .apply(Action::Next { total: 3 });
        assert_eq!(s.current, 2);
        assert_eq!(s.apply(Action::Next { total: 0 }).current, 0);
        assert_eq!(s.apply(Action::SetQuery("x".into())).current, 0);
        assert_eq!(s.apply(Action::ClearQuery).query, "");
    }

    #[test]
    fn url_round_trip() {
        let s = ViewState {
            query: "mr president & co".into(),
            options: SearchOptions {
                match_diacritics: true,
                whole_words: true,
            },
            hidden: ["b".to_string(), "a".to_string()].into_iter().collect(),
            revealed: BTreeSet::new(),
            current: 0,
        };
        let pairs = s.to_query_pairs();
        assert_eq!(
            pairs,
            vec![
                ("q", "mr president & co".to_string()),
                ("words", "1".into()),
                ("diacritics", "1".into()),
                ("hide", "a,b".into()),
            ]
        );
        let back = ViewState::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
        assert_eq!(ViewState::default().to_query_pairs(), vec![]);
        let junk = ViewState::from_query_pairs([("hide", ",,"), ("words", "yes"), ("x", "1")]);
        assert_eq!(junk, ViewState::default());
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

    #[test]
    fn search_status_values() {
        let t = transcript();
        let cases: Vec<(&str, usize, SearchStatus)> = vec![
            ("", 0, SearchStatus::Inactive),
            ("  ", 0, SearchStatus::Inactive),
            (" -- ", 0, SearchStatus::NothingToSearch),
            ("zebra", 0, SearchStatus::NoMatches),
            (
                "trade",
                0,
                SearchStatus::Position {
                    number: 1,
                    total: 7,
                },
            ),
            (
                "trade",
                6,
                SearchStatus::Position {
                    number: 7,
                    total: 7,
                },
            ),
            // A current index past the end is clamped, as `status` does.
            (
                "trade",
                99,
                SearchStatus::Position {
                    number: 7,
                    total: 7,
                },
            ),
        ];
        for (query, current, want) in cases {
            let s = ViewState::default().apply(Action::SetQuery(query.into()));
            assert_eq!(search(&t, &s).status(current), want, "{query:?} {current}");
        }
        let none = Matches::default();
        assert_eq!(none.current(3), None);
    }

    #[test]
    fn matches_by_part() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        // Title 0, summary 1, t1 2..4, t3 4, t4 5, t6 6.
        assert_eq!(m.in_title(), 0..1);
        assert_eq!(m.in_summary(), 1..2);
        let turns: Vec<Range<usize>> = (0..t.turns.len()).map(|i| m.in_turn(i)).collect();
        assert_eq!(turns, vec![2..4, 4..4, 4..5, 5..6, 6..6, 6..7]);
        assert_eq!(m.in_turn(99), 7..7);
        assert_eq!(Matches::default().in_turn(0), 0..0);
    }

    #[test]
    fn match_slices_compare_by_what_they_render() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = Rc::new(search(&t, &s));
        let turn0 = MatchSlice::new(&m, m.in_turn(0), Some(3));
        assert_eq!(turn0.matches().len(), 2);
        assert_eq!(
            turn0.ranges(Place::Turn(0, 0)),
            (vec![Range { start: 14, end: 19 }], None)
        );
        assert_eq!(
            turn0.ranges(Place::Turn(0, 1)),
            (vec![Range { start: 5, end: 10 }], Some(0))
        );
        // The current match elsewhere is not this slice's.
        let turn0_other = MatchSlice::new(&m, m.in_turn(0), Some(5));
        assert_eq!(
            turn0_other.ranges(Place::Turn(0, 1)),
            (vec![Range { start: 5, end: 10 }], None)
        );
        assert_ne!(turn0, turn0_other);
        // Same matches, recomputed (another Rc), current elsewhere: equal.
        let again = Rc::new(search(&t, &s));
        assert_eq!(
            MatchSlice::new(&again, again.in_turn(0), Some(6)),
            turn0_other
        );
        // Another turn's matches differ (place includes the turn).
        assert_ne!(
            MatchSlice::new(&m, m.in_turn(2), None),
            MatchSlice::new(&m, m.in_turn(3), None)
        );
        // No matches at all equals an empty slice of some search.
        let empty = Rc::new(Matches::default());
        assert_eq!(
            MatchSlice::new(&empty, 0..0, None),
            MatchSlice::new(&m, m.in_turn(1), Some(1))
        );
        // Ranges out of bounds are clamped, not trusted.
        assert_eq!(MatchSlice::new(&m, 5..99, None).matches().len(), 2);
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 4..2;
        assert!(MatchSlice::new(&m, backwards, None).matches().is_empty());
        assert!(MatchSlice::new(&m, 50..60, Some(55)).matches().is_empty());
    }

    #[test]
    fn reducer_keeps_the_same_rc_when_nothing_changes() {
        use yew::Reducible;
        let s = Rc::new(ViewState::default());
        let same = s.clone().reduce(Action::Next { total: 0 });
        assert!(Rc::ptr_eq(&s, &same));
        let changed = s.clone().reduce(Action::SetQuery("x".into()));
        assert!(!Rc::ptr_eq(&s, &changed));
        assert_eq!(changed.query, "x");
    }

    #[test]
    fn shown_turns_ids_and_speakers() {
        let t = transcript();
        let s = ViewState::default();
        assert_eq!(shown_turns(&t, &s), 6);
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(shown_turns(&t, &s), 4);
        assert_eq!(turn_ids(&t, &[1, 3, 42]), vec!["t2", "t4"]);
        assert_eq!(speaker_ids(&t), vec!["p", "l", "q"]);
    }

    #[test]
    fn query_strings_parse_like_url_search_params() {
        let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("", vec![]),
            ("?", vec![]),
            (
                "?t=talks&q=mr+president",
                vec![("t", "talks"), ("q", "mr president")],
            ),
            ("q=a%20b%2Bc&&x", vec![("q", "a b+c"), ("x", "")]),
            ("q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD", vec![("q", "Путин")]),
            ("q=100%&r=%zz%4", vec![("q", "100%"), ("r", "%zz%4")]),
            ("q=%FF", vec![("q", "\u{FFFD}")]),
            ("a=b=c", vec![("a", "b=c")]),
        ];
        for (search, want) in cases {
            let got = parse_query(search);
            let got: Vec<(&str, &str)> =
                got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(got, want, "{search:?}");
        }
        let s = ViewState::from_query_string("?t=x&q=mr+president&hide=l,q&words=1");
        assert_eq!(s.query, "mr president");
        assert!(s.options.whole_words && !s.options.match_diacritics);
        assert_eq!(s.hidden.iter().collect::<Vec<_>>(), ["l", "q"]);
        assert!(has_view_params("?t=x&hide="));
        assert!(!has_view_params("?t=x&query=1"));
    }

    #[test]
    fn merged_query_keeps_other_params() {
        let searching = ViewState::default().apply(Action::SetQuery("mr president & co".into()));
        let filtered = searching
            .apply(Action::ToggleSpeaker("l".into()))
            .apply(Action::ToggleSpeaker("q".into()))
            .apply(Action::SetWholeWords(true));
        let default = ViewState::default();
        let cases: Vec<(&str, &ViewState, &str)> = vec![
            ("", &searching, "?q=mr+president+%26+co"),
            ("?t=talks", &searching, "?t=talks&q=mr+president+%26+co"),
            // Other parameters stay byte for byte, ours are rewritten.
            (
                "?x=a%20b&q=old&t=talks&hide=z",
                &filtered,
                "?x=a%20b&t=talks&q=mr+president+%26+co&words=1&hide=l,q",
            ),
            ("?t=talks&q=old", &default, "?t=talks"),
            ("?q=old", &default, ""),
            ("?%71=old", &default, ""),
        ];
        for (search, state, want) in cases {
            let got = merge_query(search, state);
            assert_eq!(got, want, "{search:?}");
            // What is written reads back as the same state.
            assert!(state.is_in_query(&got), "{got}");
        }
        assert!(searching.is_in_query("?q=mr%20president%20%26%20co&t=1"));
        assert!(!searching.is_in_query("?q=mr"));
    }

    #[test]
    fn pending_url_writes_keep_their_order_and_fold_typing() {
        let q = |query: &str| ViewState {
            query: query.into(),
            ..ViewState::default()
        };
        let mut p = PendingUrl::default();
        assert!(p.waits_for_pause() && p.is_empty());
        // A run of typing: one write, the last.
        for query in ["t", "th", "the"] {
            p.add(HistoryEntry::Replace, q(query));
        }
        assert!(p.waits_for_pause());
        assert_eq!(p.clone().take(), [(HistoryEntry::Replace, q("the"))]);
        // A toggle: the typing goes into the entry left, the toggle adds one, and what is
        // typed after it rewrites that new entry.
        p.add(HistoryEntry::Push, q("the "));
        assert!(!p.waits_for_pause());
        p.add(HistoryEntry::Keep, q("the w"));
        p.add(HistoryEntry::Replace, q("the wo"));
        assert_eq!(
            p.clone().take(),
            [
                (HistoryEntry::Replace, q("the")),
                (HistoryEntry::Push, q("the wo"))
            ]
        );
        // Two toggles are two entries.
        p.add(HistoryEntry::Push, q("x"));
        assert_eq!(p.take().len(), 3);
        assert!(p.take().is_empty());
        p.add(HistoryEntry::Push, q("y"));
        p.clear();
        assert_eq!(p, PendingUrl::default());
    }

    #[test]
    fn pending_url_writes_outlive_a_fragments_navigation_only() {
        let q = ViewState {
            query: "belarus".into(),
            ..ViewState::default()
        };
        let mut p = PendingUrl::default();
        p.saw("?t=talks");
        p.add(HistoryEntry::Replace, q.clone());
        // `#t4` followed: the same query, the typed search still to be written.
        assert!(p.history_changed("?t=talks"));
        assert_eq!(p.clone().take(), [(HistoryEntry::Replace, q.clone())]);
        // Back to an entry with another query: the URL wins.
        assert!(!p.history_changed("?t=talks&hide=vp"));
        assert!(p.is_empty());
        // Nothing waiting: nothing to keep.
        assert!(!p.history_changed("?t=talks&hide=vp"));
        // Never read: a change of entry is not known to keep the query.
        let mut fresh = PendingUrl::default();
        fresh.add(HistoryEntry::Replace, q);
        assert!(!fresh.history_changed(""));
        assert!(fresh.is_empty());
    }

    #[test]
    fn history_entries() {
        let base = ViewState::default();
        let typed = base.apply(Action::SetQuery("mr".into()));
        let cases: Vec<(&ViewState, ViewState, HistoryEntry)> = vec![
            (&base, base.clone(), HistoryEntry::Keep),
            (
                &base,
                base.apply(Action::Next { total: 3 }),
                HistoryEntry::Keep,
            ),
            (
                &base,
                base.apply(Action::Reveal(vec!["t2".into()])),
                HistoryEntry::Keep,
            ),
            (&base, typed.clone(), HistoryEntry::Replace),
            (
                &typed,
                typed.apply(Action::SetQuery("mr p".into())),
                HistoryEntry::Replace,
            ),
            (
                &typed,
                typed.apply(Action::ClearQuery),
                HistoryEntry::Replace,
            ),
            (
                &typed,
                typed.apply(Action::SetWholeWords(true)),
                HistoryEntry::Push,
            ),
            (
                &typed,
                typed.apply(Action::SetMatchDiacritics(true)),
                HistoryEntry::Push,
            ),
            (
                &typed,
                typed.apply(Action::ToggleSpeaker("l".into())),
                HistoryEntry::Push,
            ),
            (&typed, typed.apply(Action::ShowAll), HistoryEntry::Keep),
        ];
        for (i, (old, new, want)) in cases.into_iter().enumerate() {
            assert_eq!(history_entry(old, &new), want, "case {i}");
        }
    }

    #[test]
    fn url_changes_replace_the_state_only_when_it_differs() {
        let s = ViewState::default()
            .apply(Action::SetQuery("trade".into()))
            .apply(Action::Reveal(vec!["t2".into()]));
        // A fragment change keeps the state (revealed turns too).
        assert_eq!(s.after_url_change("?q=trade&t=x"), None);
        assert_eq!(
            s.after_url_change("?q=talks"),
            Some(ViewState::default().apply(Action::SetQuery("talks".into())))
        );
        assert_eq!(s.after_url_change(""), Some(ViewState::default()));
    }

    #[test]
    fn turn_links_and_fragments() {
        let cases = [
            ("http://x/p?q=a+b", "t3", "http://x/p?q=a+b#t3"),
            ("http://x/p?q=a#t1", "t3", "http://x/p?q=a#t3"),
            ("http://x/p#", "a-t3", "http://x/p#a-t3"),
            ("http://x/", "b c#", "http://x/#b%20c%23"),
        ];
        for (href, fragment, want) in cases {
            assert_eq!(turn_link(href, fragment), want);
        }
        let t = transcript();
        let cases: Vec<(&str, &str, Option<usize>)> = vec![
            ("", "#t3", Some(2)),
            ("", "t6", Some(5)),
            ("", "#t7", None),
            ("", "#", None),
            ("", "", None),
            ("", "#title", None),
            ("a-", "#a-t1", Some(0)),
            ("a-", "#t1", None),
            ("b c#", "#b%20c%23t2", Some(1)),
        ];
        for (prefix, fragment, want) in cases {
            assert_eq!(
                turn_for_fragment(&t, prefix, fragment),
                want,
                "{prefix:?} {fragment:?}"
            );
        }
    }

    #[test]
    fn which_actions_seek_a_match() {
        let cases = [
            (Action::SetQuery("a".into()), true),
            (Action::ClearQuery, true),
            (Action::SetMatchDiacritics(true), true),
            (Action::SetWholeWords(true), true),
            (Action::Next { total: 2 }, true),
            (Action::Previous { total: 2 }, true),
            (Action::ToggleSpeaker("l".into()), true),
            (Action::ShowAll, true),
            (
                Action::ShowOnly {
                    speaker: "p".into(),
                    all: vec![],
                },
                true,
            ),
            (Action::Reveal(vec![]), false),
            (Action::Replace(ViewState::default()), false),
        ];
        for (action, want) in cases {
            assert_eq!(action.seeks_match(), want, "{action:?}");
        }
    }
}
