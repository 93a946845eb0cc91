//! The viewer's own words (button names, status lines, counts, errors), in one place so
//! that they can be translated: [`Labels::for_lang`] gives a built-in language's
//! ([`crate::i18n`]: English, Russian); a host changes what it needs (in Rust, struct
//! update syntax; from JavaScript, `mount`'s `labels` option, read by
//! [`Labels::apply`], in [`given`](super::given)) and passes them to `TranscriptViewer` as `labels`. Pure, no DOM.
//!
//! Words with a number come as a [`Plural`]: one template per CLDR plural category
//! (`{n} реплика` / `{n} реплики` / `{n} реплик`), picked by the labels' language's
//! rule, with the number grouped as the language groups digits. Templates name their
//! slots in braces (`{n}`, `{name}`, `{names}`, `{shown}`, `{total}`, `{number}`),
//! filled by [`fill`].

use super::{Language, PluralCategory};
use crate::i18n;
use crate::settings::{Font, FontSize, Scheme, Spacing};
use yew::AttrValue;

/// A phrase with a count: a template per CLDR plural category; `{n}` is the count. A
/// category without its own form uses `other`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plural {
    /// `zero` (e.g. Arabic, Latvian), `one`, `two`, `few`, `many`: the forms a language
    /// has besides `other`, where it has them.
    pub zero: Option<AttrValue>,
    pub one: Option<AttrValue>,
    pub two: Option<AttrValue>,
    pub few: Option<AttrValue>,
    pub many: Option<AttrValue>,
    /// Every other count.
    pub other: AttrValue,
}

impl Plural {
    /// A plural of English's two forms (`{n} turn`, `{n} turns`).
    pub const fn new(one: &'static str, other: &'static str) -> Self {
        Plural {
            zero: None,
            one: Some(AttrValue::Static(one)),
            two: None,
            few: None,
            many: None,
            other: AttrValue::Static(other),
        }
    }

    /// A plural of the forms Russian (and the other East Slavic languages) uses for
    /// whole numbers: `one` (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 25–30,
    /// 111); `other` (fractions) is `few`'s, the genitive singular.
    pub const fn slavic(one: &'static str, few: &'static str, many: &'static str) -> Self {
        Plural {
            zero: None,
            one: Some(AttrValue::Static(one)),
            two: None,
            few: Some(AttrValue::Static(few)),
            many: Some(AttrValue::Static(many)),
            other: AttrValue::Static(few),
        }
    }

    /// The same template for every count.
    pub const fn invariable(every: &'static str) -> Self {
        Plural {
            zero: None,
            one: None,
            two: None,
            few: None,
            many: None,
            other: AttrValue::Static(every),
        }
    }

    /// The template for `category` (`other`'s when it has none of its own).
    pub fn form(&self, category: PluralCategory) -> &AttrValue {
        let own = match category {
            PluralCategory::Zero => &self.zero,
            PluralCategory::One => &self.one,
            PluralCategory::Two => &self.two,
            PluralCategory::Few => &self.few,
            PluralCategory::Many => &self.many,
            PluralCategory::Other => &None,
        };
        own.as_ref().unwrap_or(&self.other)
    }

    pub(super) fn form_mut(&mut self, category: PluralCategory) -> Option<&mut Option<AttrValue>> {
        match category {
            PluralCategory::Zero => Some(&mut self.zero),
            PluralCategory::One => Some(&mut self.one),
            PluralCategory::Two => Some(&mut self.two),
            PluralCategory::Few => Some(&mut self.few),
            PluralCategory::Many => Some(&mut self.many),
            PluralCategory::Other => None,
        }
    }
}

/// Declares [`Labels`] (every field a label, plus its `language`) and its table of
/// names, so that a label named by a host (`mount`'s `labels`) finds its field.
macro_rules! labels {
    ($( $(#[doc = $doc:literal])* $field:ident: $kind:ident, )*) => {
        /// Every word the viewer shows or announces besides the transcript itself, in
        /// one language. [`Labels::for_lang`] gives a built-in language's; `Default` is
        /// English's.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Labels {
            /// The language whose rules the counts, numbers and dates follow, and whose
            /// code is the `lang` of the viewer's own words.
            pub language: &'static Language,
            $( $(#[doc = $doc])* pub $field: $kind, )*
        }

        impl Labels {
            /// Every label's name (its field's), in the order declared.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The label named `name` (snake_case, as the field).
            pub(super) fn slot(&mut self, name: &str) -> Option<Slot<'_>> {
                match name {
                    $( stringify!($field) => Some(self.$field.slot()), )*
                    _ => None,
                }
            }

            /// The label named `name`, to read (tests, docs).
            pub fn get(&self, name: &str) -> Option<LabelRef<'_>> {
                match name {
                    $( stringify!($field) => Some(self.$field.as_ref_label()), )*
                    _ => None,
                }
            }
        }
    };
}

/// One label, to change: a plain text or a plural.
pub(super) enum Slot<'a> {
    Text(&'a mut AttrValue),
    Count(&'a mut Plural),
}

/// One label, to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelRef<'a> {
    Text(&'a AttrValue),
    Count(&'a Plural),
}

trait LabelKind {
    fn slot(&mut self) -> Slot<'_>;
    fn as_ref_label(&self) -> LabelRef<'_>;
}

impl LabelKind for AttrValue {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Text(self)
    }
    fn as_ref_label(&self) -> LabelRef<'_> {
        LabelRef::Text(self)
    }
}

impl LabelKind for Plural {
    fn slot(&mut self) -> Slot<'_> {
        Slot::Count(self)
    }
    fn as_ref_label(&self) -> LabelRef<'_> {
        LabelRef::Count(self)
    }
}

labels! {
    /// Accessible name of the search landmark.
    search_region: AttrValue,
    /// The search box's visible label (and accessible name).
    search: AttrValue,
    /// The toggle that keeps diacritics (`é` ≠ `e`).
    match_diacritics: AttrValue,
    /// The toggle that matches whole words only.
    whole_words: AttrValue,
    /// Accessible name of the button to the previous match.
    previous_match: AttrValue,
    /// Accessible name of the button to the next match.
    next_match: AttrValue,
    /// Visible text of the previous-match button.
    previous: AttrValue,
    /// Visible text of the next-match button.
    next: AttrValue,
    /// Status when `{number}` is the current match of `{total}`.
    match_position: AttrValue,
    /// Status when nothing visible matches.
    no_matches: AttrValue,
    /// Status when the query has no letter or digit.
    nothing_to_search: AttrValue,
    /// Heading of the speaker filter.
    speakers: AttrValue,
    /// The speaker panel's button while every speaker shows; `{n}` speakers.
    speakers_all: Plural,
    /// The speaker panel's button while some are hidden: `{shown}` of `{n}` speakers.
    speakers_shown: Plural,
    /// The button that shows every speaker.
    show_all: AttrValue,
    /// Visible text of the per-speaker "show only" button.
    only: AttrValue,
    /// Accessible name of the per-speaker "show only" button; `{name}` is the speaker.
    show_only: AttrValue,
    /// Number of turns.
    turns: Plural,
    /// Number of words.
    words: Plural,
    /// Number of matches.
    matches: Plural,
    /// A hidden-turn marker; `{names}` lists the speakers.
    hidden_turns: Plural,
    /// Placed between the last two names of a list (`A, B and C`).
    and: AttrValue,
    /// Placed between other names of a list.
    comma: AttrValue,
    /// Said of hidden turns whose speaker is not in the transcript's list.
    unknown_speaker: AttrValue,
    /// The header's note while a filter is on.
    showing: AttrValue,
    /// Accessible name of a turn's link button; `{n}` is the turn's number.
    copy_link: AttrValue,
    /// The same for a turn no speaker label introduces.
    copy_link_unattributed: AttrValue,
    /// Announced once a turn's link is on the clipboard.
    link_copied: AttrValue,
    /// Announced when the clipboard is not available and the link went to the address
    /// bar instead.
    link_in_address_bar: AttrValue,
    /// Accessible name of the recording's region.
    recording: AttrValue,
    /// Accessible name of the media element; `{title}` is the transcript's title.
    recording_of: AttrValue,
    /// Shown when the recording cannot be loaded; `{url}` is its address.
    recording_failed: AttrValue,
    /// The toggle that keeps the passage being played in view.
    follow_playback: AttrValue,
    /// Announced when following playback pauses by itself (the reader scrolled or
    /// searched).
    follow_paused: AttrValue,
    /// The toggle that skips the hidden speakers' turns while playing.
    play_shown_only: AttrValue,
    /// The export menu's button that downloads the shown turns as WebVTT captions.
    download_webvtt: AttrValue,
    /// The button that downloads them as SubRip captions.
    download_srt: AttrValue,
    /// Announced when a download was offered; `{name}` is the file's name.
    downloaded: AttrValue,
    /// Accessible name of a timed turn's time button; `{time}` is its start
    /// (`1:23`), `{name}` the speaker.
    play_from: AttrValue,
    /// The same for a turn no speaker label introduces.
    play_from_unattributed: AttrValue,
    /// The skip link, the first thing on the page: jumps past the controls to the
    /// transcript's title.
    skip_to_transcript: AttrValue,
    /// Accessible name of an embedded viewer's region; `{title}` is the transcript's
    /// title.
    viewer_region: AttrValue,
    /// The button that shows or hides the settings bar, and the bar's accessible name.
    view_settings: AttrValue,
    /// The font size group.
    font_size: AttrValue,
    /// One font size; `{n}` is the percentage.
    font_size_percent: AttrValue,
    /// The button one size down.
    smaller: AttrValue,
    /// The button one size up.
    larger: AttrValue,
    /// Announced after "smaller" / "larger"; `{n}` is the percentage.
    font_size_now: AttrValue,
    /// The colour scheme group.
    colours: AttrValue,
    /// The scheme that follows the system's light, dark or high-contrast preference.
    scheme_system: AttrValue,
    /// The viewer's light scheme.
    scheme_light: AttrValue,
    /// The viewer's dark scheme.
    scheme_dark: AttrValue,
    /// Black text on white.
    scheme_black_on_white: AttrValue,
    /// White text on black.
    scheme_white_on_black: AttrValue,
    /// Dark blue text on light blue.
    scheme_dark_blue_on_light_blue: AttrValue,
    /// Brown text on beige.
    scheme_brown_on_beige: AttrValue,
    /// The letter spacing group.
    letter_spacing: AttrValue,
    /// The line spacing group.
    line_height: AttrValue,
    /// The word spacing group.
    word_spacing: AttrValue,
    /// The first spacing step (the default), in every spacing group.
    spacing_normal: AttrValue,
    /// The second spacing step.
    spacing_wider: AttrValue,
    /// The third spacing step (at least WCAG 1.4.12's letter and line spacing).
    spacing_widest: AttrValue,
    /// The font family group.
    font: AttrValue,
    /// The system's sans-serif font.
    font_sans: AttrValue,
    /// A serif font.
    font_serif: AttrValue,
    /// The highly legible font (Atkinson Hyperlegible).
    font_legible: AttrValue,
    /// The button that sets every view setting back to its default.
    reset_settings: AttrValue,
    /// Announced after a reset.
    settings_reset: AttrValue,
    /// Heading of the note listing what is odd in a transcript that still shows (a
    /// turn naming an unknown speaker, a speaker with no turns, no turns at all).
    transcript_warnings: AttrValue,
    /// The note's last line when it lists only the first few; `{n}` is how many more.
    more_warnings: Plural,
    /// Accessible name of the summary section.
    summary: AttrValue,
    /// The word before the credit line in the footer (`Source: …`).
    source: AttrValue,
    /// Accessible name of the demo site's list of transcripts.
    transcripts: AttrValue,
    /// The button that opens the demo site's list of transcripts; `{n}` of them.
    all_transcripts: Plural,
    /// The demo site's link to its search across every transcript (`search/`).
    search_transcripts: AttrValue,
    /// What every page's `<title>` ends with, after the transcript's title.
    site_title_suffix: AttrValue,
    /// Shown while a transcript loads.
    loading: AttrValue,
    /// Heading of the error shown when the site's list of transcripts cannot be loaded.
    catalog_failed: AttrValue,
    /// Heading of the error shown when a transcript cannot be loaded.
    transcript_failed: AttrValue,
    /// Before the address of the file that could not be loaded.
    error_file: AttrValue,
    /// The request got no answer; `{detail}` is the browser's reason.
    network_error: AttrValue,
    /// The server answered with an error; `{status}` is the HTTP status line.
    http_error: AttrValue,
    /// The file is not a transcript (or catalog) the viewer reads; `{detail}` is the
    /// reader's message, with the JSON path, line and column.
    invalid_json: AttrValue,
    /// The site's list of transcripts is empty.
    empty_catalog: AttrValue,
    /// A warning: the transcript has no turns; `{path}` is the JSON path.
    warning_no_turns: AttrValue,
    /// A warning: a turn names a speaker the list does not have; `{path}`, `{turn}` (the
    /// turn's id) and `{speaker}` (the id it names).
    warning_unknown_speaker: AttrValue,
    /// A warning: a speaker no turn names; `{path}` and `{speaker}` (its id).
    warning_unused_speaker: AttrValue,
    /// The note a page shows where JavaScript does not run.
    noscript: AttrValue,
    /// The panic alert's first line (a bug stopped the viewer).
    panic_stopped: AttrValue,
    /// The panic alert's second line, before the details.
    panic_reload: AttrValue,
    /// The button that shows the export formats, and their group's name.
    export: AttrValue,
    /// Export as plain text.
    export_text: AttrValue,
    /// Export as Markdown.
    export_markdown: AttrValue,
    /// Export as an HTML fragment.
    export_html: AttrValue,
    /// Export as the transcript's JSON (the shown turns).
    export_json: AttrValue,
    /// The toggle that marks the search's matches in the exported file.
    export_marks: AttrValue,
    /// The who-spoke-when strip's name (a slider over the turns).
    strip: AttrValue,
    /// The strip's value: turn `{n}` of `{total}`, by `{name}`.
    strip_turn: AttrValue,
    /// The same for a turn no speaker label introduces.
    strip_turn_unattributed: AttrValue,
    /// A turn (`{turn}`, the above) or run of turns the speaker filter hides.
    strip_hidden: AttrValue,
    /// The summary of the strip's text equivalent (a list of runs of turns).
    strip_text: AttrValue,
    /// What the button of the strip's text equivalent shows where the line is short (a
    /// phone), the rest of `strip_text` read but not shown: its end.
    strip_text_short: AttrValue,
    /// A run of turns `{first}` to `{last}` by `{name}`, `{words}` being a count of words.
    strip_run: AttrValue,
    /// A run of one turn, `{first}`.
    strip_run_one: AttrValue,
    /// A run (`{run}`, the above) of a timed transcript, from `{start}` to `{end}`.
    strip_run_times: AttrValue,
    /// The speaker's name for turns no label introduces, in the strip's words.
    strip_unattributed: AttrValue,
    /// A speaker's share of the words, `{n}` percent.
    word_share: AttrValue,
    /// A share of more than none but under one percent.
    word_share_small: AttrValue,
    /// The sign on the "smaller" button, before its name (hidden from screen readers).
    smaller_sign: AttrValue,
    /// The sign on the "larger" button.
    larger_sign: AttrValue,
    /// The letters on each colour scheme's swatch in the settings bar (hidden from
    /// screen readers).
    font_sample: AttrValue,
    /// Accessible name of a turn's "cite" button; `{n}` is the turn's number, `{name}`
    /// its speaker.
    cite_turn: AttrValue,
    /// The same for a turn no speaker label introduces.
    cite_turn_unattributed: AttrValue,
    /// The button that cites the selected text (shown beside the selection).
    cite_selection: AttrValue,
    /// Announced once a citation is on the clipboard.
    citation_copied: AttrValue,
    /// Where the clipboard is not available: the heading of the box that shows the
    /// citation to copy by hand.
    citation_to_copy: AttrValue,
    /// The button that closes that box.
    close: AttrValue,
}

impl Default for Labels {
    fn default() -> Self {
        i18n::en::labels()
    }
}

impl Labels {
    /// The built-in words for the language `tag` (`ru`, `ru-RU`, `en`), English for a
    /// language the viewer does not have.
    pub fn for_lang(tag: &str) -> Labels {
        (i18n::language_or_english(tag).labels)()
    }

    /// The `lang` of these words (`en`, `ru`).
    pub fn lang(&self) -> &'static str {
        self.language.code
    }

    /// `n` with its digits grouped as the language does (`325,699`, `325 699`).
    pub fn number(&self, n: usize) -> String {
        self.language.number(n as u64)
    }

    /// `plural`'s form for `n` (by the language's rule), filled with `n` (grouped) and
    /// `args`.
    pub fn count(&self, plural: &Plural, n: usize, args: &[(&str, &str)]) -> String {
        let template = plural.form((self.language.plural)(n as u64));
        let count = self.number(n);
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    /// An ISO date as the language writes it (`February 18, 2022`,
    /// `18 февраля 2022 г.`); anything else unchanged.
    pub fn date(&self, iso: &str) -> String {
        self.language.format_date(iso)
    }

    /// A warning about the transcript, in these words.
    pub fn warning(&self, warning: &crate::model::Warning) -> String {
        use crate::model::Warning;
        let path = warning.path();
        match warning {
            Warning::NoTurns => fill(&self.warning_no_turns, &[("path", &path)]),
            Warning::UnknownSpeaker {
                turn_id, speaker, ..
            } => fill(
                &self.warning_unknown_speaker,
                &[("path", &path), ("turn", turn_id), ("speaker", speaker)],
            ),
            Warning::UnusedSpeaker { id, .. } => fill(
                &self.warning_unused_speaker,
                &[("path", &path), ("speaker", id)],
            ),
        }
    }

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
        self.count(&self.hidden_turns, count, &[("names", &names)])
    }

    /// The header's note: `shown` of `total` turns show.
    pub fn showing(&self, shown: usize, total: usize) -> String {
        fill(
            &self.showing,
            &[
                ("shown", &self.number(shown)),
                ("total", &self.number(total)),
            ],
        )
    }

    /// What the speaker panel's button says: "All 48 speakers" while every speaker
    /// shows, else "3 of 48 speakers".
    pub fn speakers_summary(&self, shown: usize, total: usize) -> String {
        if shown < total {
            self.count(
                &self.speakers_shown,
                total,
                &[("shown", &self.number(shown))],
            )
        } else {
            self.count(&self.speakers_all, total, &[])
        }
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
        let n = self.number(n);
        match speaker {
            Some(name) => fill(&self.copy_link, &[("n", &n), ("name", name)]),
            None => fill(&self.copy_link_unattributed, &[("n", &n)]),
        }
    }

    /// The cite button's accessible name for turn number `n` (from 1) by `speaker`.
    pub fn cite_turn(&self, n: usize, speaker: Option<&str>) -> String {
        let n = self.number(n);
        match speaker {
            Some(name) => fill(&self.cite_turn, &[("n", &n), ("name", name)]),
            None => fill(&self.cite_turn_unattributed, &[("n", &n)]),
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
                    ("number", &self.number(number)),
                    ("total", &self.number(total)),
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
            l.cite_turn(3, Some("Vladimir Putin")),
            "Cite turn 3 (Vladimir Putin)"
        );
        assert_eq!(l.cite_turn(1, None), "Cite turn 1");
        assert_eq!(
            l.play_from("1:23", Some("Vladimir Putin")),
            "Play from 1:23 (Vladimir Putin)"
        );
        assert_eq!(l.play_from("1:02:03", None), "Play from 1:02:03");
        let counts: Vec<String> = [0, 1, 2]
            .iter()
            .map(|&n| l.count(&l.matches, n, &[]))
            .collect();
        assert_eq!(counts, ["0 matches", "1 match", "2 matches"]);
        assert_eq!(l.count(&l.turns, 1, &[]), "1 turn");
        assert_eq!(l.count(&l.words, 57, &[]), "57 words");
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
