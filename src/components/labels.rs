//! The viewer's own words (button names, status lines, counts), in one place so that a
//! host can translate them: build a [`Labels`], change what it needs, and pass it to
//! `TranscriptViewer` as `labels`. Pure, no DOM.
//!
//! Words with a number come as a [`Plural`] (`{n} turn` / `{n} turns`); templates name
//! their slots in braces (`{n}`, `{name}`, `{names}`, `{shown}`, `{total}`,
//! `{number}`), filled by [`fill`].

use crate::settings::{Font, FontSize, Scheme, Spacing};
use yew::AttrValue;

/// A phrase with a count, in its singular and plural forms; `{n}` is the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plural {
    /// For a count of 1 (`{n} turn`).
    pub one: AttrValue,
    /// For every other count (`{n} turns`).
    pub other: AttrValue,
}

impl Plural {
    /// A plural from its two forms.
    pub const fn new(one: &'static str, other: &'static str) -> Self {
        Plural {
            one: AttrValue::Static(one),
            other: AttrValue::Static(other),
        }
    }

    /// The form for `n`, filled with `n` and `args`.
    pub fn format(&self, n: usize, args: &[(&str, &str)]) -> String {
        let template = if n == 1 { &self.one } else { &self.other };
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(args);
        fill(template, &all)
    }
}

/// Every word the viewer shows or announces besides the transcript itself. The defaults
/// are English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// Accessible name of the search landmark.
    pub search_region: AttrValue,
    /// The search box's visible label (and accessible name).
    pub search: AttrValue,
    /// The toggle that keeps diacritics (`é` ≠ `e`).
    pub match_diacritics: AttrValue,
    /// The toggle that matches whole words only.
    pub whole_words: AttrValue,
    /// Accessible name of the button to the previous match.
    pub previous_match: AttrValue,
    /// Accessible name of the button to the next match.
    pub next_match: AttrValue,
    /// Visible text of the previous-match button.
    pub previous: AttrValue,
    /// Visible text of the next-match button.
    pub next: AttrValue,
    /// Status when `{number}` is the current match of `{total}`.
    pub match_position: AttrValue,
    /// Status when nothing visible matches.
    pub no_matches: AttrValue,
    /// Status when the query has no letter or digit.
    pub nothing_to_search: AttrValue,
    /// Heading of the speaker filter.
    pub speakers: AttrValue,
    /// The button that shows every speaker.
    pub show_all: AttrValue,
    /// Visible text of the per-speaker "show only" button.
    pub only: AttrValue,
    /// Accessible name of the per-speaker "show only" button; `{name}` is the speaker.
    pub show_only: AttrValue,
    /// Number of turns.
    pub turns: Plural,
    /// Number of words.
    pub words: Plural,
    /// Number of matches.
    pub matches: Plural,
    /// A hidden-turn marker; `{names}` lists the speakers.
    pub hidden_turns: Plural,
    /// Placed between the last two names of a list (`A, B and C`).
    pub and: AttrValue,
    /// Placed between other names of a list.
    pub comma: AttrValue,
    /// Said of hidden turns whose speaker is not in the transcript's list.
    pub unknown_speaker: AttrValue,
    /// The header's note while a filter is on.
    pub showing: AttrValue,
    /// Accessible name of a turn's link button; `{n}` is the turn's number.
    pub copy_link: AttrValue,
    /// The same for a turn no speaker label introduces.
    pub copy_link_unattributed: AttrValue,
    /// Announced once a turn's link is on the clipboard.
    pub link_copied: AttrValue,
    /// Announced when the clipboard is not available and the link went to the address
    /// bar instead.
    pub link_in_address_bar: AttrValue,
    /// Accessible name of the recording's region.
    pub recording: AttrValue,
    /// Accessible name of the media element; `{title}` is the transcript's title.
    pub recording_of: AttrValue,
    /// Shown when the recording cannot be loaded; `{url}` is its address.
    pub recording_failed: AttrValue,
    /// The toggle that keeps the passage being played in view.
    pub follow_playback: AttrValue,
    /// Announced when following playback pauses by itself (the reader scrolled or
    /// searched).
    pub follow_paused: AttrValue,
    /// The toggle that skips the hidden speakers' turns while playing.
    pub play_shown_only: AttrValue,
    /// The button that downloads the shown turns as WebVTT captions.
    pub download_webvtt: AttrValue,
    /// The button that downloads them as SubRip captions.
    pub download_srt: AttrValue,
    /// Announced when a download was offered; `{name}` is the file's name.
    pub downloaded: AttrValue,
    /// Accessible name of a timed turn's time button; `{time}` is its start
    /// (`1:23`), `{name}` the speaker.
    pub play_from: AttrValue,
    /// The same for a turn no speaker label introduces.
    pub play_from_unattributed: AttrValue,
    /// The skip link, the first thing on the page: jumps past the controls to the
    /// transcript's title.
    pub skip_to_transcript: AttrValue,
    /// Accessible name of an embedded viewer's region; `{title}` is the transcript's
    /// title.
    pub viewer_region: AttrValue,
    /// The button that shows or hides the settings bar, and the bar's accessible name.
    pub view_settings: AttrValue,
    /// The font size group.
    pub font_size: AttrValue,
    /// One font size; `{n}` is the percentage.
    pub font_size_percent: AttrValue,
    /// The button one size down.
    pub smaller: AttrValue,
    /// The button one size up.
    pub larger: AttrValue,
    /// Announced after "smaller" / "larger"; `{n}` is the percentage.
    pub font_size_now: AttrValue,
    /// The colour scheme group.
    pub colours: AttrValue,
    /// The scheme that follows the system's light, dark or high-contrast preference.
    pub scheme_system: AttrValue,
    /// The viewer's light scheme.
    pub scheme_light: AttrValue,
    /// The viewer's dark scheme.
    pub scheme_dark: AttrValue,
    /// Black text on white.
    pub scheme_black_on_white: AttrValue,
    /// White text on black.
    pub scheme_white_on_black: AttrValue,
    /// Dark blue text on light blue.
    pub scheme_dark_blue_on_light_blue: AttrValue,
    /// Brown text on beige.
    pub scheme_brown_on_beige: AttrValue,
    /// The letter spacing group.
    pub letter_spacing: AttrValue,
    /// The line spacing group.
    pub line_height: AttrValue,
    /// The word spacing group.
    pub word_spacing: AttrValue,
    /// The first spacing step (the default), in every spacing group.
    pub spacing_normal: AttrValue,
    /// The second spacing step.
    pub spacing_wider: AttrValue,
    /// The third spacing step (at least WCAG 1.4.12's letter and line spacing).
    pub spacing_widest: AttrValue,
    /// The font family group.
    pub font: AttrValue,
    /// The system's sans-serif font.
    pub font_sans: AttrValue,
    /// A serif font.
    pub font_serif: AttrValue,
    /// The highly legible font (Atkinson Hyperlegible).
    pub font_legible: AttrValue,
    /// The button that sets every view setting back to its default.
    pub reset_settings: AttrValue,
    /// Announced after a reset.
    pub settings_reset: AttrValue,
    /// Heading of the note listing what is odd in a transcript that still shows (a
    /// turn naming an unknown speaker, a speaker with no turns, no turns at all).
    pub transcript_warnings: AttrValue,
    /// The note's last line when it lists only the first few; `{n}` is how many more.
    pub more_warnings: Plural,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
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
            more_warnings: Plural::new("and {n} more", "and {n} more"),
        }
    }
}

impl Labels {
    /// `A`, `A and B`, `A, B and C`.
    pub fn list(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{}{}{last}", init.join(&self.comma), self.and),
        }
    }

    /// A hidden-turn marker: `count` turns by `names` (each once, in order).
    pub fn hidden_marker(&self, count: usize, names: &[&str]) -> String {
        let names = if names.is_empty() {
            self.unknown_speaker.to_string()
        } else {
            self.list(names)
        };
        self.hidden_turns.format(count, &[("names", &names)])
    }

    /// The header's note: `shown` of `total` turns show.
    pub fn showing(&self, shown: usize, total: usize) -> String {
        fill(
            &self.showing,
            &[("shown", &shown.to_string()), ("total", &total.to_string())],
        )
    }

    /// A time button's accessible name: play from `time` (`1:23`), said by `speaker`.
    pub fn play_from(&self, time: &str, speaker: Option<&str>) -> String {
        match speaker {
            Some(name) => fill(&self.play_from, &[("time", time), ("name", name)]),
            None => fill(&self.play_from_unattributed, &[("time", time)]),
        }
    }

    /// The "Only" button's accessible name for the speaker `name`.
    pub fn show_only(&self, name: &str) -> String {
        fill(&self.show_only, &[("name", name)])
    }

    /// The link button's accessible name for turn number `n` (from 1) by `speaker`.
    pub fn copy_link(&self, n: usize, speaker: Option<&str>) -> String {
        let n = n.to_string();
        match speaker {
            Some(name) => fill(&self.copy_link, &[("n", &n), ("name", name)]),
            None => fill(&self.copy_link_unattributed, &[("n", &n)]),
        }
    }

    /// An embedded viewer's accessible name, for the transcript titled `title`.
    pub fn viewer_region(&self, title: &str) -> String {
        fill(&self.viewer_region, &[("title", title)])
    }

    /// A font size's name (`150%`).
    pub fn font_size_percent(&self, size: FontSize) -> String {
        fill(
            &self.font_size_percent,
            &[("n", &size.percent().to_string())],
        )
    }

    /// Announced once the size is `size`.
    pub fn font_size_now(&self, size: FontSize) -> String {
        fill(&self.font_size_now, &[("n", &size.percent().to_string())])
    }

    /// A colour scheme's name.
    pub fn scheme(&self, scheme: Scheme) -> &AttrValue {
        match scheme {
            Scheme::System => &self.scheme_system,
            Scheme::Light => &self.scheme_light,
            Scheme::Dark => &self.scheme_dark,
            Scheme::BlackOnWhite => &self.scheme_black_on_white,
            Scheme::WhiteOnBlack => &self.scheme_white_on_black,
            Scheme::DarkBlueOnLightBlue => &self.scheme_dark_blue_on_light_blue,
            Scheme::BrownOnBeige => &self.scheme_brown_on_beige,
        }
    }

    /// A spacing step's name.
    pub fn spacing(&self, spacing: Spacing) -> &AttrValue {
        match spacing {
            Spacing::Normal => &self.spacing_normal,
            Spacing::Wider => &self.spacing_wider,
            Spacing::Widest => &self.spacing_widest,
        }
    }

    /// A font family's name.
    pub fn font_name(&self, font: Font) -> &AttrValue {
        match font {
            Font::Sans => &self.font_sans,
            Font::Serif => &self.font_serif,
            Font::Legible => &self.font_legible,
        }
    }

    /// The search status line.
    pub fn search_status(&self, status: crate::state::SearchStatus) -> String {
        use crate::state::SearchStatus::*;
        match status {
            Inactive => String::new(),
            NothingToSearch => self.nothing_to_search.to_string(),
            NoMatches => self.no_matches.to_string(),
            Position { number, total } => fill(
                &self.match_position,
                &[
                    ("number", &number.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
        }
    }
}

/// `template` with every `{key}` of `args` replaced by its value; other braces stay.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            args.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::SearchStatus;

    #[test]
    fn fills_templates() {
        type Case<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);
        let cases: Vec<Case> = vec![
            (
                "{n} of {total}",
                vec![("n", "3"), ("total", "17")],
                "3 of 17",
            ),
            ("{n}{n}", vec![("n", "1")], "11"),
            ("{x} {n", vec![("n", "1")], "{x} {n"),
            ("{} {{n}}", vec![("n", "1")], "{} {1}"),
            ("Путин: {n}", vec![("n", "2")], "Путин: 2"),
            ("", vec![], ""),
        ];
        for (template, args, want) in cases {
            assert_eq!(fill(template, &args), want, "{template:?}");
        }
    }

    #[test]
    fn default_wording() {
        let l = Labels::default();
        assert_eq!(
            l.hidden_marker(1, &["Alexander Lukashenko"]),
            "1 turn by Alexander Lukashenko hidden"
        );
        assert_eq!(
            l.hidden_marker(3, &["Alexander Lukashenko", "Question"]),
            "3 turns by Alexander Lukashenko and Question hidden"
        );
        assert_eq!(
            l.hidden_marker(4, &["A", "B", "C"]),
            "4 turns by A, B and C hidden"
        );
        assert_eq!(
            l.hidden_marker(2, &[]),
            "2 turns by an unlisted speaker hidden"
        );
        assert_eq!(l.showing(3, 5), "Showing 3 of 5 turns");
        assert_eq!(l.show_only("Vladimir Putin"), "Show only Vladimir Putin");
        assert_eq!(
            l.copy_link(3, Some("Vladimir Putin")),
            "Copy link to turn 3 (Vladimir Putin)"
        );
        assert_eq!(l.copy_link(1, None), "Copy link to turn 1");
        assert_eq!(
            l.play_from("1:23", Some("Vladimir Putin")),
            "Play from 1:23 (Vladimir Putin)"
        );
        assert_eq!(l.play_from("1:02:03", None), "Play from 1:02:03");
        let counts: Vec<String> = [0, 1, 2]
            .iter()
            .map(|&n| l.matches.format(n, &[]))
            .collect();
        assert_eq!(counts, ["0 matches", "1 match", "2 matches"]);
        assert_eq!(l.turns.format(1, &[]), "1 turn");
        assert_eq!(l.words.format(57, &[]), "57 words");
        assert_eq!(l.viewer_region("Talks"), "Transcript: Talks");
        assert_eq!(l.font_size_percent(FontSize::Percent175), "175%");
        assert_eq!(l.font_size_now(FontSize::Percent200), "Font size 200%");
    }

    #[test]
    fn every_setting_has_a_distinct_name() {
        use crate::settings::Choice;
        let l = Labels::default();
        fn distinct(names: Vec<&AttrValue>) {
            let mut v: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            assert!(v.iter().all(|n| !n.trim().is_empty()), "{v:?}");
            v.sort_unstable();
            let len = v.len();
            v.dedup();
            assert_eq!(v.len(), len, "{v:?}");
        }
        distinct(Scheme::ALL.iter().map(|s| l.scheme(*s)).collect());
        distinct(Spacing::ALL.iter().map(|s| l.spacing(*s)).collect());
        distinct(Font::ALL.iter().map(|f| l.font_name(*f)).collect());
        distinct(vec![
            &l.view_settings,
            &l.font_size,
            &l.colours,
            &l.letter_spacing,
            &l.line_height,
            &l.word_spacing,
            &l.font,
            &l.reset_settings,
            &l.smaller,
            &l.larger,
            &l.skip_to_transcript,
        ]);
    }

    #[test]
    fn search_status_wording_matches_state_status() {
        let l = Labels::default();
        let cases = [
            (SearchStatus::Inactive, ""),
            (
                SearchStatus::NothingToSearch,
                "No matches: type a letter or digit",
            ),
            (SearchStatus::NoMatches, "No matches"),
            (
                SearchStatus::Position {
                    number: 3,
                    total: 17,
                },
                "3 of 17",
            ),
        ];
        for (status, want) in cases {
            assert_eq!(l.search_status(status), want);
        }
    }

    #[test]
    fn a_host_translates() {
        let ru = Labels {
            hidden_turns: Plural::new(
                "скрыт {n} фрагмент: {names}",
                "скрыто фрагментов: {n} ({names})",
            ),
            and: " и ".into(),
            ..Labels::default()
        };
        assert_eq!(
            ru.hidden_marker(2, &["В.Путин", "А.Лукашенко"]),
            "скрыто фрагментов: 2 (В.Путин и А.Лукашенко)"
        );
    }
}
