//! English: the viewer's default words and CLDR's English rules.

use super::{Labels, Language, Plural, PluralCategory};
use crate::dates::EN_MONTHS;
use yew::AttrValue;

/// English.
pub static LANGUAGE: Language = Language {
    code: "en",
    name: "English",
    plural,
    group_separator: ",",
    date,
    labels,
};

/// CLDR: `one` for 1 (of whole numbers), else `other`.
fn plural(n: u64) -> PluralCategory {
    if n == 1 {
        PluralCategory::One
    } else {
        PluralCategory::Other
    }
}

/// `February 18, 2022`.
fn date(year: u32, month: u32, day: u32) -> String {
    format!("{} {day}, {year}", EN_MONTHS[(month - 1) as usize])
}

/// Every word of the viewer in English.
pub fn labels() -> Labels {
    // A constant: the words are copied as data, not built by code.
    LABELS
}

const LABELS: Labels = Labels {
    language: &LANGUAGE,
    search_region: AttrValue::Static("Search the transcript"),
    search: AttrValue::Static("Search"),
    match_diacritics: AttrValue::Static("Match diacritics"),
    whole_words: AttrValue::Static("Whole words"),
    previous_match: AttrValue::Static("Previous match"),
    next_match: AttrValue::Static("Next match"),
    previous: AttrValue::Static("Previous"),
    next: AttrValue::Static("Next"),
    match_position: AttrValue::Static("{number} of {total}"),
    no_matches: AttrValue::Static("No matches"),
    nothing_to_search: AttrValue::Static("No matches: type a letter or digit"),
    speakers: AttrValue::Static("Speakers"),
    speakers_all: Plural::new("{n} speaker", "All {n} speakers"),
    speakers_shown: Plural::new("{shown} of {n} speaker", "{shown} of {n} speakers"),
    show_all: AttrValue::Static("Show all"),
    only: AttrValue::Static("Only"),
    show_only: AttrValue::Static("Show only {name}"),
    turns: Plural::new("{n} turn", "{n} turns"),
    words: Plural::new("{n} word", "{n} words"),
    matches: Plural::new("{n} match", "{n} matches"),
    hidden_turns: Plural::new("{n} turn by {names} hidden", "{n} turns by {names} hidden"),
    and: AttrValue::Static(" and "),
    comma: AttrValue::Static(", "),
    unknown_speaker: AttrValue::Static("an unlisted speaker"),
    showing: AttrValue::Static("Showing {shown} of {total} turns"),
    copy_link: AttrValue::Static("Copy link to turn {n} ({name})"),
    copy_link_unattributed: AttrValue::Static("Copy link to turn {n}"),
    link_copied: AttrValue::Static("Link copied"),
    link_in_address_bar: AttrValue::Static("Link to the turn is in the address bar"),
    recording: AttrValue::Static("Recording"),
    recording_of: AttrValue::Static("Recording: {title}"),
    recording_failed: AttrValue::Static("The recording could not be loaded ({url})."),
    follow_playback: AttrValue::Static("Follow playback"),
    follow_paused: AttrValue::Static("Following playback paused"),
    play_shown_only: AttrValue::Static("Play shown speakers only"),
    download_webvtt: AttrValue::Static("WebVTT captions"),
    download_srt: AttrValue::Static("SRT captions"),
    downloaded: AttrValue::Static("Downloading {name}"),
    play_from: AttrValue::Static("Play from {time} ({name})"),
    play_from_unattributed: AttrValue::Static("Play from {time}"),
    skip_to_transcript: AttrValue::Static("Skip to the transcript"),
    viewer_region: AttrValue::Static("Transcript: {title}"),
    view_settings: AttrValue::Static("View settings"),
    font_size: AttrValue::Static("Font size"),
    font_size_percent: AttrValue::Static("{n}%"),
    smaller: AttrValue::Static("Smaller"),
    larger: AttrValue::Static("Larger"),
    font_size_now: AttrValue::Static("Font size {n}%"),
    colours: AttrValue::Static("Site colours"),
    scheme_system: AttrValue::Static("Automatic"),
    scheme_light: AttrValue::Static("Light"),
    scheme_dark: AttrValue::Static("Dark"),
    scheme_black_on_white: AttrValue::Static("Black on white"),
    scheme_white_on_black: AttrValue::Static("White on black"),
    scheme_dark_blue_on_light_blue: AttrValue::Static("Dark blue on light blue"),
    scheme_brown_on_beige: AttrValue::Static("Brown on beige"),
    letter_spacing: AttrValue::Static("Letter spacing"),
    line_height: AttrValue::Static("Line spacing"),
    word_spacing: AttrValue::Static("Word spacing"),
    spacing_normal: AttrValue::Static("Normal"),
    spacing_wider: AttrValue::Static("Wider"),
    spacing_widest: AttrValue::Static("Widest"),
    font: AttrValue::Static("Font"),
    font_sans: AttrValue::Static("Sans-serif"),
    font_serif: AttrValue::Static("Serif"),
    font_legible: AttrValue::Static("Extra legible"),
    reset_settings: AttrValue::Static("Reset settings"),
    settings_reset: AttrValue::Static("Settings reset"),
    transcript_warnings: AttrValue::Static("This transcript may be incomplete:"),
    more_warnings: Plural::invariable("and {n} more"),
    summary: AttrValue::Static("Summary"),
    source: AttrValue::Static("Source"),
    transcripts: AttrValue::Static("Transcripts"),
    all_transcripts: Plural::new("{n} transcript", "All {n} transcripts"),
    search_transcripts: AttrValue::Static("Search all transcripts"),
    site_title_suffix: AttrValue::Static(" — Transcript viewer"),
    loading: AttrValue::Static("Loading transcript…"),
    catalog_failed: AttrValue::Static("Could not load the list of transcripts"),
    transcript_failed: AttrValue::Static("Could not load the transcript"),
    error_file: AttrValue::Static("File:"),
    network_error: AttrValue::Static("Network error: {detail}"),
    http_error: AttrValue::Static("HTTP {status}"),
    invalid_json: AttrValue::Static("Invalid JSON: {detail}"),
    empty_catalog: AttrValue::Static("The catalog lists no transcripts."),
    warning_no_turns: AttrValue::Static("at {path}: the transcript has no turns"),
    warning_unknown_speaker: AttrValue::Static(
        "at {path}: turn \"{turn}\" names speaker \"{speaker}\", who is not in the speaker list",
    ),
    warning_unused_speaker: AttrValue::Static("at {path}: speaker \"{speaker}\" has no turns"),
    noscript: AttrValue::Static(
        "Search, the speaker filter and the view settings need JavaScript and WebAssembly.",
    ),
    panic_stopped: AttrValue::Static(
        "The transcript viewer stopped working because of an internal error.",
    ),
    panic_reload: AttrValue::Static("Reload the page to try again. The details:"),
    export: AttrValue::Static("Export"),
    export_text: AttrValue::Static("Plain text"),
    export_markdown: AttrValue::Static("Markdown"),
    export_html: AttrValue::Static("HTML"),
    export_json: AttrValue::Static("JSON"),
    export_marks: AttrValue::Static("Mark the matches"),
    strip: AttrValue::Static("Who spoke when"),
    strip_turn: AttrValue::Static("Turn {n} of {total}: {name}"),
    strip_turn_unattributed: AttrValue::Static("Turn {n} of {total}"),
    strip_hidden: AttrValue::Static("{turn} (hidden)"),
    strip_text: AttrValue::Static("Who spoke when, as text"),
    strip_text_short: AttrValue::Static("As text"),
    strip_run: AttrValue::Static("{name} \u{2014} turns {first}\u{2013}{last}, {words}"),
    strip_run_one: AttrValue::Static("{name} \u{2014} turn {first}, {words}"),
    strip_run_times: AttrValue::Static("{run}, {start}\u{2013}{end}"),
    strip_unattributed: AttrValue::Static("Unattributed"),
    word_share: AttrValue::Static("{n}% of words"),
    word_share_small: AttrValue::Static("Under 1% of words"),
    smaller_sign: AttrValue::Static("A\u{2212}"),
    larger_sign: AttrValue::Static("A+"),
    font_sample: AttrValue::Static("Aa"),
    cite_turn: AttrValue::Static("Cite turn {n} ({name})"),
    cite_turn_unattributed: AttrValue::Static("Cite turn {n}"),
    cite_selection: AttrValue::Static("Cite selection"),
    citation_copied: AttrValue::Static("Citation copied"),
    citation_to_copy: AttrValue::Static("Citation to copy"),
    close: AttrValue::Static("Close"),
};
