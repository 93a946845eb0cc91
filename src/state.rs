//! Viewer state without the DOM: what the reader has asked for (query, search options,
//! hidden speakers, revealed turns, current match), the [`Action`]s that change it, and
//! what follows from it for a transcript: which turns show, where hidden-turn markers
//! stand, the matches and their counts, and the state's form in a URL query string.
//!
//! One module per idea, each re-exported here (`state::ViewState`, `state::find`, …):
//! - `view`: [`ViewState`], [`Action`] and the reducer; which turns a state shows.
//! - `blocks`: the list of turns as shown, hidden turns grouped into markers ([`Block`]),
//!   and how many turns a batched renderer renders ([`turns_to_render`]).
//! - `stats`: turns and words per speaker ([`SpeakerStats`]), each turn's speaker
//!   ([`turn_speakers`]), the word counter, and [`Loaded`].
//! - `matches`: the search: [`Place`]s of text, the [`SearchIndex`], [`Found`] and
//!   [`Matches`], the status ([`SearchStatus`]), and [`MatchSlice`].
//! - `paint`: matches painted over the text ([`PaintedText`]) and what a repaint changes
//!   ([`PaintPlan`]).
//! - `citation`: a passage cited, as text and HTML, with its text-fragment link
//!   ([`cite`]).
//! - `strip`: the who-spoke-when strip: each turn's place ([`Strip`], by words or time),
//!   its runs, ticks, speakers' [`Style`]s, the turns in view and the slider's keys.
//! - `url`: the state in the page's URL: [`parse_query`], [`merge_query`], the history
//!   ([`HistoryEntry`], [`PendingUrl`]), turn links and fragments, percent-encoding.
//!
//! The modules depend on one another in this order only (none on a later one): `view`,
//! `stats`, then `blocks`, `matches` and `url`, then `paint` and `strip`.

mod blocks;
mod citation;
mod document;
mod export;
#[cfg(test)]
mod fixture;
mod matches;
mod paint;
mod playback;
mod report;
mod stats;
mod strip;
mod url;
mod view;

pub use blocks::{block_of_turn, blocks, blocks_with, turns_to_render, Block};
pub use citation::{cite, quote_marks, Citation, CiteLink, CiteWords, Passage};
pub use document::{escape_html, file_stem, to_document, DocumentFormat, DocumentWords};
pub use export::{to_srt, to_webvtt};
pub use matches::{
    find, search, status, Found, IndexBuilder, Match, MatchSlice, Matches, Place, SearchIndex,
    SearchStatus,
};
pub use paint::{paint_plan, painted_texts, painted_texts_of, PaintPlan, PaintedText};
pub use playback::{
    changed, parse_time_fragment, time_fragment, word_range_utf16, Change, Jump, Spot, Timeline,
};
pub use report::ReaderState;
pub use stats::{
    speaker_stats, speaker_stats_of, speaker_stats_with, turn_speakers, turn_words, turn_words_of,
    Loaded, SpeakerStats,
};
pub use strip::{
    hidden_turns, pattern_marks, percent_of, slider_value, step, turns_in_view, word_share, Bands,
    Layer, Measure, Run, Strip, StripKey, Style, TurnBox, COLOURS, PATTERNS, TICK_STEPS, TILE,
};
pub use url::{
    has_view_params, history_entry, merge_query, parse_query, turn_for_fragment, turn_link,
    HistoryEntry, PendingUrl, QUERY_KEYS,
};
pub use view::{shown_turns, speaker_ids, turn_ids, Action, ViewState};
