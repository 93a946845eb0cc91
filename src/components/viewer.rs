//! The embeddable viewer: a skip link, the "View settings" bar, the search bar and
//! speaker filter, then one transcript as a semantic `<article>`. It owns the viewer's
//! reducers, what the reader asked to see ([`ViewState`]) and how to see it
//! ([`Settings`], kept in `localStorage`); its children get plain data and callbacks.

use super::dom;
use super::header::Header;
pub use super::hooks::PAINT_ALL_UP_TO;
use super::hooks::{
    use_actions, use_after_paint, use_announcer, use_paint_matches, use_paint_near_view,
    use_painted_highlights, use_render_limit, use_scroll_and_focus, use_search, use_settings,
    use_stable_rc, use_wake_groups, PaintMatches,
};
use super::labels::Labels;
use super::notes::TranscriptNotes;
use super::search_bar::SearchBar;
use super::settings_bar::SettingsBar;
use super::source::SourceFooter;
use super::speakers::SpeakerFilter;
use super::summary::Summary;
use super::turn_list::TurnList;
use crate::model::Transcript;
use crate::settings::Settings;
use crate::state::{
    blocks_with, has_view_params, history_entry, merge_query, shown_turns, speaker_stats_of,
    turn_for_fragment, turn_ids, turn_speakers, Action, MatchSlice, PendingUrl, Place, ViewState,
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
    /// Accessible name of the summary section (default "Summary"); set it to
    /// translate the viewer's own words.
    #[prop_or(AttrValue::Static("Summary"))]
    pub summary_label: AttrValue,
    /// The word before the credit line in the footer (default "Source").
    #[prop_or(AttrValue::Static("Source"))]
    pub source_label: AttrValue,
    /// Every other word of the viewer's own (controls, statuses, counts); English by
    /// default. Compared by value when the `Rc` changes.
    #[prop_or_default]
    pub labels: Rc<Labels>,
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
    /// Called with the new state whenever the reader changes the query, the search
    /// options or the speaker filter (not on mount, not when only the current match
    /// moves), e.g. to keep a host's own address or analytics in step.
    #[prop_or_default]
    pub on_change: Callback<ViewState>,
}

/// Turns rendered per step while a long transcript first shows (see
/// [`TranscriptViewerProps::render_batch`]).
pub const DEFAULT_RENDER_BATCH: usize = 250;

/// How long typing must pause before the search goes into the page's URL.
pub const URL_PAUSE_MS: i32 = 300;

/// At most how long a toggle's URL change waits for the frame that shows the toggle.
const URL_AFTER_PAINT_MS: i32 = 100;

/// Writes the URL changes that are waiting (see [`PendingUrl`]) now, in order; a change
/// the URL already holds is not written again.
fn write_pending(pending: &std::cell::RefCell<PendingUrl>) {
    let writes = pending.borrow_mut().take();
    for (entry, state) in writes {
        if let Some(search) = dom::location_search() {
            if !state.is_in_query(&search) {
                dom::write_search(entry, &merge_query(&search, &state));
            }
        }
    }
    if let Some(search) = dom::location_search() {
        pending.borrow_mut().saw(&search);
    }
}

/// The timers of the writes waiting in a [`PendingUrl`]: typing's pause, or the next
/// painted frame.
#[derive(Default)]
struct UrlTimers {
    pause: Option<dom::Timeout>,
    after_paint: Option<dom::AfterPaint>,
}

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
    // them by pointer, and a parent that renders again gives a new default `Rc`.
    let labels = &use_stable_rc(&props.labels);
    let state = {
        let initial = props.initial_state.clone();
        use_reducer(move || initial.unwrap_or_default())
    };
    let root = use_node_ref();

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
        let filter = ViewState {
            hidden: state.hidden.clone(),
            revealed: state.revealed.clone(),
            ..ViewState::default()
        };
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
    // Changes not yet in the URL (see `write_pending`), and their timers.
    let pending = use_mut_ref(PendingUrl::default);
    let url_timers = use_mut_ref(UrlTimers::default);
    let on_copy_link = use_callback((labels.clone(), announcer.announce.clone()), {
        let pending = pending.clone();
        move |fragment: String, (labels, announce)| {
            // The link holds the view as it is, the search as typed.
            write_pending(&pending);
            let (labels, announce) = (labels.clone(), announce.clone());
            dom::copy_link(fragment, move |copied| {
                announce.set(match copied {
                    dom::Copied::Clipboard => labels.link_copied.clone(),
                    dom::Copied::AddressBar => labels.link_in_address_bar.clone(),
                });
            });
        }
    });

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
    // The URL's state: read on mount and on Back/Forward.
    {
        let state = state.clone();
        let scroll = after_render.clone();
        let (t, p) = (t.clone(), p.clone());
        let pending = pending.clone();
        use_effect_with(props.sync_url, move |&sync| {
            let listener = sync.then(|| {
                let search = dom::location_search().unwrap_or_default();
                pending.borrow_mut().saw(&search);
                if has_view_params(&search) {
                    if let Some(next) = state.after_url_change(&search) {
                        // Bring the first match into view, unless the URL points at a turn.
                        let hash = dom::location_hash().unwrap_or_default();
                        scroll.scroll_to_match(turn_for_fragment(&t, &p, &hash).is_none());
                        state.dispatch(Action::Replace(next));
                    }
                }
                let pending = pending.clone();
                dom::Listener::window("popstate", move || {
                    // What was waiting for the entry left is not written into the new
                    // one, unless only the fragment changed (a turn's link followed
                    // while typing): then the view stays as the reader made it.
                    let search = dom::location_search().unwrap_or_default();
                    if pending.borrow_mut().history_changed(&search) {
                        return;
                    }
                    if let Some(next) = state.after_url_change(&search) {
                        state.dispatch(Action::Replace(next));
                    }
                })
            });
            let listener = listener.flatten();
            move || drop(listener)
        });
    }
    // … and written when it changes: a toggle or the filter adds a history entry, typing
    // rewrites the current one. Not in the interaction's own frame: a toggle's entry is
    // written once that frame is painted, a typed search once typing pauses for
    // `URL_PAUSE_MS` (or with a toggle's), and whatever waits is written before a turn's
    // link is copied and when the page is left. Each same-document URL change costs
    // Chromium 2–4 ms (it also fetches the favicon again), and Safari throws when a page
    // changes its history more than 100 times in a short window.
    {
        let last = use_mut_ref(|| None::<ViewState>);
        let in_url = ViewState {
            query: state.query.clone(),
            options: state.options.clone(),
            hidden: state.hidden.clone(),
            ..ViewState::default()
        };
        let (pending, timers) = (pending.clone(), url_timers.clone());
        use_effect_with((props.sync_url, in_url), move |(sync, now)| {
            let before = last.replace(Some(now.clone()));
            // Not on mount: the URL is read then, not written.
            if let (true, Some(before)) = (*sync, before) {
                // A state the URL already holds (read from it on mount or on Back) is
                // not written, unless other writes wait: the URL is theirs then.
                let search = dom::location_search().unwrap_or_default();
                if pending.borrow().is_empty() && now.is_in_query(&search) {
                    return;
                }
                let entry = history_entry(&before, now);
                pending.borrow_mut().add(entry, now.clone());
                let write = {
                    let pending = pending.clone();
                    move || write_pending(&pending)
                };
                let mut timers = timers.borrow_mut();
                if pending.borrow().waits_for_pause() {
                    timers.pause = dom::Timeout::new(URL_PAUSE_MS, write);
                } else {
                    timers.pause = None;
                    timers.after_paint = dom::AfterPaint::new(URL_AFTER_PAINT_MS, write);
                }
            }
        });
    }
    {
        let pending = pending.clone();
        use_effect_with(props.sync_url, move |&sync| {
            let left = {
                let pending = pending.clone();
                sync.then(|| dom::Listener::window("pagehide", move || write_pending(&pending)))
                    .flatten()
            };
            move || {
                drop(left);
                write_pending(&pending);
            }
        });
    }
    // … and reported to the host's `on_change`, on the same changes.
    {
        let last = use_mut_ref(|| None::<ViewState>);
        let seen = ViewState {
            query: state.query.clone(),
            options: state.options.clone(),
            hidden: state.hidden.clone(),
            ..ViewState::default()
        };
        let on_change = props.on_change.clone();
        let full = (*state).clone();
        use_effect_with(seen, move |now| {
            if last.replace(Some(now.clone())).is_some() {
                on_change.emit(full);
            }
        });
    }
    // The turn the URL fragment points at: marked, revealed if hidden, scrolled to.
    {
        let state = state.clone();
        let target = target.clone();
        use_effect_with((t.clone(), p.clone()), move |(t, p)| {
            let (t, p) = (t.clone(), p.clone());
            let follow = move || {
                let hash = dom::location_hash().unwrap_or_default();
                let turn = turn_for_fragment(&t, &p, &hash);
                if let Some(i) = turn.filter(|&i| !state.shows(&t, i)) {
                    state.dispatch(Action::Reveal(turn_ids(&t, &[i])));
                }
                target.set(turn);
            };
            follow();
            let listener = dom::Listener::window("hashchange", follow);
            move || drop(listener)
        });
    }
    {
        let id = (*target)
            .and_then(|i| t.turns.get(i))
            .map(|turn| format!("{p}{}", turn.id));
        use_effect_with(id, |id| {
            if let Some(id) = id {
                dom::scroll_to_id(id);
            }
        });
    }
    // The speaker filter's match counts follow a frame after the highlights: on 1 MB,
    // changing 48 counts in the keystroke's own frame cost it 3-4 ms of its 16.
    let match_counts = use_after_paint(matches.active().then(|| matches.per_speaker.clone()));

    let act = &actions.act;
    let total = matches.all.len();
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
    let controls = html! {
        <div class="tv-controls">
            { search_bar }
            if !t.speakers.is_empty() {
                <SpeakerFilter transcript={t.clone()} stats={(*stats).clone()}
                    hidden={state.hidden.clone()}
                    {match_counts}
                    labels={labels.clone()} on_toggle={actions.on_toggle.clone()}
                    on_only={actions.on_only.clone()} on_show_all={actions.on_show_all.clone()} />
            }
        </div>
    };
    let article = html! {
        <article class="tv-transcript" lang={t.lang.clone()}
            aria-labelledby={format!("{p}title")}>
            <Header transcript={t.clone()} id_prefix={p.clone()}
                matches={slice(matches.in_title())} {shown} />
            <TranscriptNotes {warnings} id_prefix={p.clone()} labels={labels.clone()} />
            <Summary transcript={t.clone()} id_prefix={p.clone()}
                label={props.summary_label.clone()}
                matches={slice(matches.in_summary())} />
            <div class="tv-turns" aria-busy={(limit < blocks.len()).then_some("true")}>
                <TurnList transcript={t.clone()} blocks={blocks.clone()} {limit}
                    speakers={speaker_of.clone()} id_prefix={p.clone()}
                    matches={matches.clone()} {current} {painted} target={*target}
                    labels={labels.clone()} on_copy_link={on_copy_link.clone()}
                    on_reveal={actions.on_reveal.clone()} prerendered={wake.prerendered}
                    awake={wake.awake} on_wake={wake.on_wake} />
            </div>
            <SourceFooter source={t.source.clone()} label={props.source_label.clone()} />
        </article>
    };
    let announcement = html! {
        <p class="tv-announcement" role="status">{ announcer.text.clone() }</p>
    };
    let view = if props.page {
        html! {
            <div class="tv-root tv-page" ref={root}>
                { skip_link }
                if has_banner {
                    <header class="tv-banner">{ banner }</header>
                }
                <main class="tv-main">
                    { controls }
                    { article }
                </main>
                { announcement }
            </div>
        }
    } else {
        html! {
            <section class="tv-root" ref={root} aria-label={labels.viewer_region(&t.title)}>
                { skip_link }
                if has_banner {
                    <div class="tv-banner">{ banner }</div>
                }
                { controls }
                { article }
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
