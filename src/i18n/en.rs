//! English: the viewer's default words and CLDR's English rules.

use super::{Labels, Language, Plural, PluralCategory};
use crate::dates::EN_MONTHS;

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
    Labels {
        language: &LANGUAGE,
        search_region: "Search the transcript".into(),
        search: "Search".into(),
        match_diacritics: "Match diacritics".into(),
        whole_words: "Whole words".into(),
        previous_match: "Previous match".into(),
        next_match: "Next match".into(),
        previous: "Previous".into(),
        next: "Next".into(),
        match_position: "{number} of {total}".into(),
        no_matches: "No matches".into(),
        nothing_to_search: "No matches: type a letter or digit".into(),
        speakers: "Speakers".into(),
        show_all: "Show all".into(),
        only: "Only".into(),
        show_only: "Show only {name}".into(),
        turns: Plural::new("{n} turn", "{n} turns"),
        words: Plural::new("{n} word", "{n} words"),
        matches: Plural::new("{n} match", "{n} matches"),
        hidden_turns: Plural::new("{n} turn by {names} hidden", "{n} turns by {names} hidden"),
        and: " and ".into(),
        comma: ", ".into(),
        unknown_speaker: "an unlisted speaker".into(),
        showing: "Showing {shown} of {total} turns".into(),
        copy_link: "Copy link to turn {n} ({name})".into(),
        copy_link_unattributed: "Copy link to turn {n}".into(),
        link_copied: "Link copied".into(),
        link_in_address_bar: "Link to the turn is in the address bar".into(),
        recording: "Recording".into(),
        recording_of: "Recording: {title}".into(),
        recording_failed: "The recording could not be loaded ({url}).".into(),
        follow_playback: "Follow playback".into(),
        follow_paused: "Following playback paused".into(),
        play_shown_only: "Play shown speakers only".into(),
        download_webvtt: "Download WebVTT".into(),
        download_srt: "Download SRT".into(),
        downloaded: "Downloading {name}".into(),
        play_from: "Play from {time} ({name})".into(),
        play_from_unattributed: "Play from {time}".into(),
        skip_to_transcript: "Skip to the transcript".into(),
        viewer_region: "Transcript: {title}".into(),
        view_settings: "View settings".into(),
        font_size: "Font size".into(),
        font_size_percent: "{n}%".into(),
        smaller: "Smaller".into(),
        larger: "Larger".into(),
        font_size_now: "Font size {n}%".into(),
        colours: "Site colours".into(),
        scheme_system: "Automatic".into(),
        scheme_light: "Light".into(),
        scheme_dark: "Dark".into(),
        scheme_black_on_white: "Black on white".into(),
        scheme_white_on_black: "White on black".into(),
        scheme_dark_blue_on_light_blue: "Dark blue on light blue".into(),
        scheme_brown_on_beige: "Brown on beige".into(),
        letter_spacing: "Letter spacing".into(),
        line_height: "Line spacing".into(),
        word_spacing: "Word spacing".into(),
        spacing_normal: "Normal".into(),
        spacing_wider: "Wider".into(),
        spacing_widest: "Widest".into(),
        font: "Font".into(),
        font_sans: "Sans-serif".into(),
        font_serif: "Serif".into(),
        font_legible: "Extra legible".into(),
        reset_settings: "Reset settings".into(),
        settings_reset: "Settings reset".into(),
        transcript_warnings: "This transcript may be incomplete:".into(),
        more_warnings: Plural::invariable("and {n} more"),
        summary: "Summary".into(),
        source: "Source".into(),
        transcripts: "Transcripts".into(),
        site_title_suffix: " — Transcript viewer".into(),
        loading: "Loading transcript…".into(),
        catalog_failed: "Could not load the list of transcripts".into(),
        transcript_failed: "Could not load the transcript".into(),
        error_file: "File:".into(),
        network_error: "Network error: {detail}".into(),
        http_error: "HTTP {status}".into(),
        invalid_json: "Invalid JSON: {detail}".into(),
        empty_catalog: "The catalog lists no transcripts.".into(),
        warning_no_turns: "at {path}: the transcript has no turns".into(),
        warning_unknown_speaker:
            "at {path}: turn \"{turn}\" names speaker \"{speaker}\", who is not in the speaker list"
                .into(),
        warning_unused_speaker: "at {path}: speaker \"{speaker}\" has no turns".into(),
        noscript:
            "Search, the speaker filter and the view settings need JavaScript and WebAssembly."
                .into(),
        panic_stopped: "The transcript viewer stopped working because of an internal error.".into(),
        panic_reload: "Reload the page to try again. The details:".into(),
        font_sample: "Aa".into(),
    }
}
