//! The embeddable viewer: a skip link, the "View settings" bar, the search bar and
//! speaker filter, then one transcript as a semantic `<article>`. It owns the viewer's
//! reducers, what the reader asked to see ([`ViewState`]) and how to see it
//! ([`Settings`], kept in `localStorage`); its children get plain data and callbacks.
//! What wires that state to the browser (timers, observers, the URL, storage, focus) is
//! in named custom hooks, in [`hooks`](super::hooks).

use super::cite::{use_cite, CiteTools};
use super::control::ViewerControl;
use super::dom;
use super::export_menu::ExportMenu;
use super::header::Header;
pub use super::hooks::PAINT_ALL_UP_TO;
use super::hooks::{
    use_actions, use_after_paint, use_announcer, use_control, use_copy_link, use_fragment_target,
    use_paint_matches, use_paint_near_view, use_painted_highlights, use_playback, use_render_limit,
    use_report_changes, use_scroll_and_focus, use_search, use_settings, use_stable_rc,
    use_url_sync, use_wake_groups, PaintMatches, Playback,
};
use super::media::{CaptionFormat, MediaBar};
use super::notes::TranscriptNotes;
use super::search_bar::SearchBar;
use super::settings_bar::SettingsBar;
use super::source::SourceFooter;
use super::speakers::{SpeakerFilter, SpeakersToggle};
use super::summary::Summary;
use super::turn_list::TurnList;
use crate::i18n::{fill, Labels};
use crate::model::Transcript;
use crate::settings::Settings;
use crate::state::{
    blocks_with, file_stem, shown_turns, speaker_stats_of, time_fragment, to_document, to_srt,
    to_webvtt, turn_speakers, Action, DocumentFormat, DocumentWords, MatchSlice, Place,
    ReaderState, ViewState,
};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TranscriptViewer`].
#[derive(Properties, PartialEq)]
pub struct TranscriptViewerProps {
    /// The transcript to show. Share it with an `Rc`: turns compare it by pointer to
    /// skip re-rendering, so replace the `Rc` (not its contents) to show a new one.
    pub transcript: Rc<Transcript>,
    /// Prefix for every `id` the viewer renders (`title`, `summary-1`, `t1`,
    /// `t1-speaker`, `t1-p1`, …) so that several viewers can share a page.
    /// Empty by default. A URL fragment `#<prefix>t3` points at turn `t3`.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The language of the viewer's own words (a BCP 47 tag: `en`, `ru`): by default
    /// (empty) the transcript's `lang`. Picks the built-in [`Labels`]
    /// ([`Labels::for_lang`]; English for a language the viewer does not have) unless
    /// `labels` are given, and is the `lang` of the viewer's root.
    #[prop_or_default]
    pub lang: AttrValue,
    /// Every word of the viewer's own (controls, statuses, counts, errors), e.g.
    /// `Labels { search: "Suche".into(), ..Labels::for_lang("en") }`; by default the
    /// built-in ones for `lang`. Compared by value when the `Rc` changes.
    #[prop_or_default]
    pub labels: Option<Rc<Labels>>,
    /// The state to start from (a query, toggles, hidden speakers), e.g. to open an
    /// embedded transcript on one speaker. Read once, when the viewer mounts.
    #[prop_or_default]
    pub initial_state: Option<ViewState>,
    /// Keep the state in the page's URL query string (`q`, `words`, `diacritics`,
    /// `hide`; other parameters are left alone) so that a copied address reopens the
    /// same view, and follow Back/Forward. Off by default: an embedded viewer must not
    /// touch its host's URL. When on, a URL that sets any of these parameters wins over
    /// `initial_state`.
    #[prop_or_default]
    pub sync_url: bool,
    /// Show the "View settings" bar (font size, colours, spacing, font). On by default.
    #[prop_or(true)]
    pub show_settings: bool,
    /// Start from the settings stored in `localStorage` (under
    /// [`STORAGE_KEY`](crate::settings::STORAGE_KEY), shared by every viewer of the
    /// site) and store every change there. On by default; when storage is blocked or
    /// full the settings still hold for the page. Off: the settings start from the
    /// defaults and are forgotten with the page.
    #[prop_or(true)]
    pub store_settings: bool,
    /// The viewer is the whole page (as in the demo site's `App`): its root holds the
    /// page's landmarks, a `<header>` banner with [`header`](Self::header) and the
    /// settings bar, then `<main>` with the search, the speaker filter and the
    /// transcript. Off by default: embedded in a host's page, the viewer is one
    /// labelled region (`<section aria-label="Transcript: <title>">`).
    #[prop_or_default]
    pub page: bool,
    /// Shown at the top, before the settings bar (in the banner when
    /// [`page`](Self::page) is on), e.g. a site's navigation.
    #[prop_or_default]
    pub header: Html,
    /// The page's own address relative to the document's base URL, put before the
    /// viewer's in-page links (the skip link's `#title`). Needed where a page's
    /// `<base href>` is not the page itself, as on the site's transcript pages
    /// (`<id>/`): there a bare `#title` would lead to the base's page. Empty by default.
    #[prop_or_default]
    pub page_href: AttrValue,
    /// Paint the search's matches over the text with the CSS Custom Highlight API
    /// (`::highlight(tv-match)`), where the browser has it: typing then changes no
    /// element, which keeps long transcripts fast. The current match is always a
    /// `<mark class="tv-match tv-current">`. Off, or in a browser without the API, every
    /// match is a `<mark class="tv-match">` element. On by default.
    #[prop_or(true)]
    pub paint_highlights: bool,
    /// How many turns (and hidden-turn markers) to add to the page per step while a long
    /// transcript first shows: the first ones appear at once and the rest follow, a
    /// batch per task, so the page answers the reader meanwhile. The current match and
    /// the URL's target turn are always rendered. 0 renders everything in one go (as a
    /// server render, and the hydration of one, must). Default 250.
    #[prop_or(DEFAULT_RENDER_BATCH)]
    pub render_batch: usize,
    /// The viewer hydrates markup `render-pages` wrote for the same props (the site's
    /// pages, `mount(…, { hydrate: true })`), in which each group of turns is raw
    /// markup: the hydration keeps those nodes as they are, and the groups become live a
    /// step per task afterwards (or at once when they must change), so that hydrating a
    /// long transcript is no long task. Only for that markup: any other hydration leaves
    /// it false. Off by default.
    #[prop_or_default]
    pub prerendered: bool,
    /// The `id` of an `<audio>` or `<video>` element of the host's page that plays the
    /// transcript's recording (the `media-for` attribute, the `mount` option
    /// `mediaFor`): the viewer follows it instead of rendering its own. Empty by
    /// default: a timed transcript with `media` gets the viewer's own element.
    #[prop_or_default]
    pub media_for: AttrValue,
    /// Called with what the reader sees ([`ReaderState`]) whenever it changes: the
    /// query, the search options, the speaker filter, the matches or the current one
    /// (not on mount; never per media frame), e.g. to keep a host's own address or
    /// analytics in step.
    #[prop_or_default]
    pub on_change: Callback<ReaderState>,
    /// A host's remote control: commands sent through it (search, filter, seek) act as
    /// the reader's own, and it holds what the viewer shows now.
    #[prop_or_default]
    pub control: Option<ViewerControl>,
}

/// Turns rendered per step while a long transcript first shows (see
/// [`TranscriptViewerProps::render_batch`]).
pub const DEFAULT_RENDER_BATCH: usize = 250;

/// Renders the controls and a transcript inside `.tv-root`, which scopes the viewer's
/// CSS and carries the settings as attributes (`data-scheme`, `data-size`,
/// `data-letter`, `data-line`, `data-word`, `data-font`; see
/// [`Settings::to_attributes`]) that `viewer.css` turns into custom properties, never
/// inline styles. Embedded, the root is `<section class="tv-root" aria-label=…>`; with
/// `page`, `<div class="tv-root tv-page">`. In it:
///
/// - `<a class="tv-skip-link">` "Skip to the transcript", shown when focused, which
///   moves the focus to the title;
/// - `.tv-banner` (a `<header>` with `page`, else a `<div>`): the `header` prop and the
///   settings bar ([`SettingsBar`]);
/// - `<div class="tv-controls">`: the search landmark ([`SearchBar`]) and the speaker
///   filter ([`SpeakerFilter`]) (inside `<main class="tv-main">` with `page`);
/// - `<article class="tv-transcript">`: header (kind, title, dateline, "Showing 3 of 5
///   turns" while filtering), the `role="status"` note of the transcript's warnings
///   when it has any ([`Transcript::warnings`]: an unknown or unused speaker, no turns),
///   summary, `<div class="tv-turns">` with one section per
///   shown turn and a `<button class="tv-hidden-marker">` in place of each run of hidden
///   turns, and the source credit;
/// - `<button class="tv-cite-selection">`, shown beside text selected in a turn, and
///   the box with a citation to copy by hand where the clipboard fails ([`CiteTools`];
///   inside `<main>` with `page`);
/// - `<p class="tv-announcement" role="status">`: "Link copied", "Font size 150%",
///   "Settings reset" and the like.
///
/// The text is only ever rendered as text nodes (search highlights are `<mark>`
/// elements around slices of it). Rendering calls no browser API: the browser-only work
/// (the stored settings, the URL, scrolling, focus, clipboard) happens in effects and
/// event handlers. So the first render, with the default settings, is what a server
/// renders from the same props, and the browser can hydrate that markup; right after
/// it the stored settings apply and the root gets `data-ready` (the script runs).
///
/// ```no_run
/// use std::rc::Rc;
/// use transcript_viewer::{Transcript, TranscriptViewer};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Page() -> Html {
///     let json = r#"{"schema":1,"lang":"en","title":"Talks","source":{"file":"talks.txt"}}"#;
///     match Transcript::from_json(json) {
///         Ok(t) => html! { <TranscriptViewer transcript={Rc::new(t)} id_prefix="a-" /> },
///         Err(e) => html! { <p role="alert">{ e.to_string() }</p> },
///     }
/// }
/// ```
#[function_component]
pub fn TranscriptViewer(props: &TranscriptViewerProps) -> Html {
    let t = &props.transcript;
    let p = &props.id_prefix;
    // The words, as one `Rc` for as long as they are the same words: turns compare
    // them by pointer, and a parent that renders again gives a new `Rc`.
    let ui_tag = if props.lang.is_empty() {
        AttrValue::from(t.lang.clone())
    } else {
        props.lang.clone()
    };
    let builtin = use_memo(ui_tag.clone(), |tag| Labels::for_lang(tag));
    let labels = &use_stable_rc(&props.labels.clone().unwrap_or(builtin));
    // The `lang` of the viewer's words: the tag asked for when the host gave its own
    // words, else the language of the built-in ones (English for one it lacks).
    let ui_lang = if props.labels.is_some() && !props.lang.is_empty() {
        props.lang.clone()
    } else {
        AttrValue::Static(labels.lang())
    };
    // Where the transcript's language is another, the viewer's words inside the
    // article say theirs.
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let ui_lang_inside = (primary(&ui_lang) != primary(&t.lang)).then(|| ui_lang.clone());
    let state = {
        let initial = props.initial_state.clone();
        use_reducer(move || initial.unwrap_or_default())
    };
    let root = use_node_ref();
    let speakers_open = use_state_eq(|| false);

    // Computed once per transcript, per fold mode, per search.
    let speaker_of = use_memo(t.clone(), |t| turn_speakers(t));
    let stats = {
        let speaker_of = speaker_of.clone();
        use_memo(t.clone(), move |t| speaker_stats_of(t, &speaker_of))
    };
    let warnings = use_memo(t.clone(), |t| t.warnings());
    // The search index is folded a batch of turns per task after the transcript shows
    // (so a long one shows at once), or all at once when a search needs it sooner.
    let matches = use_search(t, &state);
    let blocks = {
        let filter = state.speaker_filter();
        let speaker_of = speaker_of.clone();
        use_memo((t.clone(), filter), move |(t, filter)| {
            blocks_with(t, filter, &speaker_of)
        })
    };
    let current = matches.current(state.current);
    // Whether matches are painted (see `paint_highlights`): decided after mounting, so
    // that the first render is the same in every browser and on the server.
    let painted = use_painted_highlights(props.paint_highlights);
    let slice = |range| {
        if painted {
            MatchSlice::current_only(&matches, range, current)
        } else {
            MatchSlice::new(&matches, range, current)
        }
    };

    // The turn the URL fragment points at (see `use_fragment_target`, below).
    let target = use_state_eq(|| None::<usize>);
    let announcer = use_announcer();

    // A long transcript is rendered a batch at a time (`render_batch`), starting over
    // for each new transcript; what the reader must see is always rendered.
    let needed_turn = |place: Option<Place>| match place {
        Some(Place::Turn(turn, _)) => Some(turn),
        _ => None,
    };
    let limit = use_render_limit(
        t,
        props.render_batch,
        &[
            needed_turn(current.and_then(|c| matches.all.get(c)).map(|m| m.place)),
            *target,
        ],
    );
    let wake = use_wake_groups(t, props.prerendered);
    // The first render uses the default settings, whatever is stored: it must be the
    // render a server made of the same props, for the browser to hydrate that markup.
    // The stored settings follow at once, in an effect.
    let settings = use_settings(props.store_settings, labels, &announcer.announce);

    // After every render: bring the current match into view, or focus revealed turns.
    // Declared before the effects that ask for it, so that a request made on mount is
    // served after the render it causes, not by the mount's own pass.
    let after_render = use_scroll_and_focus(&root, p);
    let actions = use_actions(&state, t, &after_render);
    // The groups of turns near the view (a view's height either way): of a search with
    // more than `PAINT_ALL_UP_TO` matches only theirs are painted, and a group's when it
    // comes near. Where nothing can tell (no IntersectionObserver), every match is.
    let near = use_paint_near_view(&root, painted && matches.all.len() > PAINT_ALL_UP_TO);
    // Paint the matches (all but the current one) once the DOM holds this render's text.
    use_paint_matches(PaintMatches {
        root: root.clone(),
        transcript: t.clone(),
        id_prefix: p.clone(),
        matches: matches.clone(),
        current,
        painted,
        near,
        limit,
        wakes: wake.wakes,
    });
    // The URL's state: read on mount and on Back/Forward, and written when it changes.
    let url = use_url_sync(props.sync_url, &state, t, p, &after_render);
    let on_copy_link = use_copy_link(labels, &url, &announcer.announce);
    // The recording: the passage being played marked and followed, seeks from the text.
    let media_ref = use_node_ref();
    let playback = use_playback(Playback {
        root: &root,
        own: &media_ref,
        host_id: &props.media_for,
        transcript: t,
        id_prefix: p,
        state: &state,
        announce: &announcer.announce,
        paused_note: &labels.follow_paused,
    });
    let seekable = t.is_timed() && (t.media.is_some() || !props.media_for.is_empty());
    // A timed turn's link is to its time range (`#t=83.2,95`): it plays that passage.
    let on_copy_link = use_callback(
        (t.clone(), p.clone(), seekable, on_copy_link),
        |id: String, (t, p, seekable, copy)| {
            let turn = id
                .strip_prefix(p.as_str())
                .and_then(|id| t.turns.iter().find(|turn| turn.id == id))
                .filter(|_| *seekable);
            match turn.and_then(|turn| Some((turn.start_time()?, turn.end_time()))) {
                Some((start, end)) => copy.emit(time_fragment(start, end)),
                None => copy.emit(id),
            }
        },
    );
    // … and reported to the host's `on_change` (and its control), with the matches.
    let status = matches.status(state.current);
    let report = {
        let shown = use_memo((t.clone(), state.hidden.clone(), state.revealed.clone()), {
            let state = (*state).clone();
            move |(t, _, _)| shown_turns(t, &state)
        });
        ReaderState::new(&state, status, *shown, t.turns.len())
    };
    use_report_changes(&report, &props.on_change, &props.control);
    // The turn the URL fragment points at: marked, revealed if hidden, scrolled to.
    use_fragment_target(t, p, &state, &target, &matches, &actions.act);
    // The speaker filter's match counts follow a frame after the highlights: on 1 MB,
    // changing 48 counts in the keystroke's own frame cost it 3-4 ms of its 16.
    let match_counts = use_after_paint(matches.active().then(|| matches.per_speaker.clone()));

    let act = &actions.act;
    let total = matches.all.len();
    // A host's commands act as the reader's own.
    use_control(&props.control, act, &playback.on_seek_time, total);
    let search_bar = html! {
        <SearchBar query={AttrValue::from(state.query.clone())}
            options={state.options.clone()}
            status={AttrValue::from(labels.search_status(matches.status(state.current)))}
            labels={labels.clone()}
            on_query={act.reform(Action::SetQuery)}
            on_clear={act.reform(|()| Action::ClearQuery)}
            on_next={act.reform(move |()| Action::Next { total })}
            on_previous={act.reform(move |()| Action::Previous { total })}
            on_match_diacritics={act.reform(Action::SetMatchDiacritics)}
            on_whole_words={act.reform(Action::SetWholeWords)} />
    };
    let shown = state
        .filtering()
        .then(|| AttrValue::from(labels.showing(shown_turns(t, &state), t.turns.len())));
    let skip = {
        let id = format!("{p}title");
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dom::focus_id(&id);
        })
    };
    let skip_link = html! {
        <a class="tv-skip-link" href={format!("{}#{p}title", props.page_href)} onclick={skip}>
            { labels.skip_to_transcript.clone() }
        </a>
    };
    let banner = html! {
        <>
            { props.header.clone() }
            if props.show_settings {
                <SettingsBar settings={settings.settings} id_prefix={p.clone()}
                    labels={labels.clone()} on_action={settings.on_action.clone()} />
            }
        </>
    };
    let has_banner = props.show_settings || props.header != Html::default();
    // The shown turns as captions, offered as a file named after the source.
    let on_export = {
        let (t, state, labels) = (t.clone(), state.clone(), labels.clone());
        let announce = announcer.announce.clone();
        Callback::from(move |format: CaptionFormat| {
            let shown = |i: usize| state.shows(&t, i);
            let stem = file_stem(&t);
            let (name, mime, text) = match format {
                CaptionFormat::WebVtt => (format!("{stem}.vtt"), "text/vtt", to_webvtt(&t, &shown)),
                CaptionFormat::Srt => (
                    format!("{stem}.srt"),
                    "application/x-subrip",
                    to_srt(&t, &shown),
                ),
            };
            if dom::media::download(&name, mime, &text) {
                announce.set(fill(&labels.downloaded, &[("name", &name)]).into());
            }
        })
    };
    // What the reader sees, as a document.
    let on_export_document = {
        let (t, state, labels) = (t.clone(), state.clone(), labels.clone());
        let (announce, matches) = (announcer.announce.clone(), matches.clone());
        Callback::from(move |(format, mark): (DocumentFormat, bool)| {
            let shown = |i: usize| state.shows(&t, i);
            let marks = if mark { matches.all.as_slice() } else { &[] };
            let words = DocumentWords {
                source: &labels.source,
            };
            let text = to_document(&t, format, &shown, marks, words);
            let name = format!("{}.{}", file_stem(&t), format.extension());
            if dom::media::download(&name, format.mime(), &text) {
                announce.set(fill(&labels.downloaded, &[("name", &name)]).into());
            }
        })
    };
    let media_bar = seekable.then(|| {
        html! {
            <MediaBar media={props.media_for.is_empty().then(|| t.media.clone()).flatten()}
                node_ref={media_ref.clone()} title={AttrValue::from(t.display_title())}
                id_prefix={p.clone()} labels={labels.clone()}
                follow={playback.follow} on_follow={playback.on_follow.clone()}
                can_filter={!t.speakers.is_empty()} shown_only={playback.shown_only}
                on_shown_only={playback.on_shown_only.clone()} failed={playback.failed} />
        }
    });
    // The speaker panel starts closed: its button says what the filter shows.
    let speakers_shown = t
        .speakers
        .iter()
        .filter(|s| !state.hidden.contains(&s.id))
        .count();
    let on_speakers_open = {
        let open = speakers_open.clone();
        Callback::from(move |()| open.set(!*open))
    };
    // Citing a passage: each turn's "cite" button, the selection's, and the box that
    // shows a citation to copy by hand where the clipboard fails.
    let cite = use_cite(t, p, labels, &url, &announcer.announce);
    let cite_tools = html! {
        <CiteTools root={root.clone()} id_prefix={p.clone()} labels={labels.clone()}
            on_cite={cite.on_cite.clone()} fallback={cite.fallback.clone()}
            on_close={cite.on_close.clone()} />
    };
    let controls = html! {
        <div class="tv-controls">
            { for media_bar }
            <div class="tv-toolbar">
                { search_bar }
                <super::strip::WhoSpokeWhen transcript={t.clone()} speakers={speaker_of.clone()}
                    blocks={blocks.clone()} matches={matches.clone()} {current}
                    labels={labels.clone()} id_prefix={p.clone()}
                    on_reveal={actions.on_reveal.clone()} />
            </div>
            <div class="tv-tools">
                if !t.speakers.is_empty() {
                    <SpeakersToggle total={t.speakers.len()} shown={speakers_shown}
                        open={*speakers_open} id_prefix={p.clone()} labels={labels.clone()}
                        on_toggle={on_speakers_open} />
                }
                <ExportMenu labels={labels.clone()} id_prefix={p.clone()}
                    can_mark={matches.active()} on_export={on_export_document}
                    captions={t.is_timed()} on_captions={on_export} />
            </div>
            if !t.speakers.is_empty() {
                <SpeakerFilter transcript={t.clone()} stats={(*stats).clone()}
                    hidden={state.hidden.clone()}
                    {match_counts} open={*speakers_open} id_prefix={p.clone()}
                    labels={labels.clone()} on_toggle={actions.on_toggle.clone()}
                    on_only={actions.on_only.clone()} on_show_all={actions.on_show_all.clone()} />
            }
        </div>
    };
    let article = html! {
        <article class="tv-transcript" lang={t.lang.clone()}
            aria-labelledby={format!("{p}title")}>
            <Header transcript={t.clone()} id_prefix={p.clone()}
                matches={slice(matches.in_title())} {shown} labels={labels.clone()}
                ui_lang={ui_lang_inside.clone()} />
            <TranscriptNotes {warnings} id_prefix={p.clone()} labels={labels.clone()}
                lang={ui_lang_inside.clone()} />
            <Summary transcript={t.clone()} id_prefix={p.clone()}
                label={labels.summary.clone()}
                matches={slice(matches.in_summary())} />
            <div class="tv-turns" aria-busy={(limit < blocks.len()).then_some("true")}>
                <TurnList transcript={t.clone()} blocks={blocks.clone()} {limit}
                    speakers={speaker_of.clone()} id_prefix={p.clone()}
                    matches={matches.clone()} {current} {painted} target={*target}
                    labels={labels.clone()} on_copy_link={on_copy_link.clone()}
                    on_cite={cite.on_cite.clone()} on_reveal={actions.on_reveal.clone()} {seekable}
                    on_seek={playback.on_seek.clone()} prerendered={wake.prerendered}
                    awake={wake.awake} on_wake={wake.on_wake} />
            </div>
            <SourceFooter source={t.source.clone()} label={labels.source.clone()}
                lang={ui_lang_inside.clone()} />
        </article>
    };
    let announcement = html! {
        <p class="tv-announcement" role="status">{ announcer.text.clone() }</p>
    };
    let view = if props.page {
        html! {
            <div class="tv-root tv-page" ref={root} lang={ui_lang.clone()}>
                { skip_link }
                if has_banner {
                    <header class="tv-banner">{ banner }</header>
                }
                <main class="tv-main">
                    { controls }
                    { article }
                    // In the main landmark: nothing of the page's is outside one.
                    { cite_tools }
                </main>
                { announcement }
            </div>
        }
    } else {
        html! {
            <section class="tv-root" ref={root} lang={ui_lang.clone()}
                aria-label={labels.viewer_region(&t.display_title())}>
                { skip_link }
                if has_banner {
                    <div class="tv-banner">{ banner }</div>
                }
                { controls }
                { article }
                { cite_tools }
                { announcement }
            </section>
        }
    };
    let view = with_settings(view, &settings.settings);
    if settings.ready {
        with_attribute(view, "data-ready", "")
    } else {
        view
    }
}

/// `root` (an element) with the settings' attributes added.
pub(super) fn with_settings(mut root: Html, settings: &Settings) -> Html {
    for (name, value) in settings.to_attributes() {
        root = with_attribute(root, name, value);
    }
    root
}

/// `root` (an element) with one more attribute.
fn with_attribute(mut root: Html, name: &'static str, value: &'static str) -> Html {
    use yew::virtual_dom::AttributeOrProperty;
    if let Html::VTag(tag) = &mut root {
        let tag = std::rc::Rc::make_mut(tag);
        tag.add_attribute(name, value);
        // An element whose attributes were all literals (`<div class="tv-root tv-page">`)
        // keeps them as `Static` values, which Yew 0.23's server renderer leaves out once
        // `add_attribute` has turned the list into a map (the browser sets them): made
        // ordinary attributes, server and browser render the same.
        for value in tag.attributes.get_mut_index_map().values_mut() {
            if let AttributeOrProperty::Static(text) = value {
                *value = AttributeOrProperty::Attribute(AttrValue::Static(text));
            }
        }
    }
    root
}
