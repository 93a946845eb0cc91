//! [`WhoSpokeWhen`]: the who-spoke-when strip above the transcript, an inline SVG of
//! every turn in its speaker's colour and pattern, its length by words or time
//! ([`Strip`]), with the turns in view and the search's matches on it; one slider to
//! move through the turns by keyboard, a click to jump, and a text equivalent. And
//! [`SpeakerShare`]: a speaker's share of the words, a small bar in the same colour and
//! pattern, for the speaker filter.
//!
//! Three layers, so that each changes alone: the runs of turns ([`StripRuns`], per
//! transcript and speaker filter), the ticks ([`StripTicks`], per search), and the
//! view (the strip's own state, set once per animation frame while the page scrolls):
//! neither a search nor a scroll re-renders the runs, and nothing here re-renders the
//! transcript.

mod measure;

use super::dom;
use super::hooks::SamePointer;
use crate::i18n::{fill, Labels};
use crate::model::Transcript;
use crate::state::{
    hidden_turns, pattern_marks, percent_of, slider_value, step, turn_words_of, word_share, Block,
    Matches, Measure, Place, Run, Strip, StripKey, Style, TICK_STEPS, TILE,
};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`WhoSpokeWhen`].
#[derive(Properties)]
pub struct WhoSpokeWhenProps {
    /// The transcript.
    pub transcript: Rc<Transcript>,
    /// Each turn's speaker index (`state::turn_speakers`).
    pub speakers: Rc<Vec<Option<usize>>>,
    /// The turns as shown (`state::blocks`): which the speaker filter hides.
    pub blocks: Rc<Vec<Block>>,
    /// The search's visible matches.
    pub matches: Rc<Matches>,
    /// The current match (an index into `matches.all`).
    pub current: Option<usize>,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Prefix of the ids rendered (and of the turns').
    pub id_prefix: AttrValue,
    /// Called with the ids of hidden turns the reader asks to see (the viewer reveals
    /// them and focuses the first).
    pub on_reveal: Callback<Vec<String>>,
}

impl PartialEq for WhoSpokeWhenProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && Rc::ptr_eq(&self.speakers, &other.speakers)
            && Rc::ptr_eq(&self.blocks, &other.blocks)
            && Rc::ptr_eq(&self.matches, &other.matches)
            && Rc::ptr_eq(&self.labels, &other.labels)
            && self.current == other.current
            && self.id_prefix == other.id_prefix
            && self.on_reveal == other.on_reveal
    }
}

/// A transcript's strip, with its turns' element ids (less the prefix) for finding the
/// turns in view.
struct Layout {
    strip: Strip,
    ids: HashMap<String, usize>,
    /// The transcript it is of, by address.
    of: usize,
}

impl Layout {
    fn new(t: &Rc<Transcript>, speakers: &[Option<usize>]) -> Layout {
        let ids = t
            .turns
            .iter()
            .enumerate()
            .map(|(i, turn)| (turn.id.clone(), i));
        Layout {
            // The words the speaker filter's stats counted already.
            strip: Strip::with_words(t, speakers, &turn_words_of(t)),
            ids: ids.collect(),
            of: Rc::as_ptr(t) as usize,
        }
    }
}

/// How often, and how long apart (ms), a jump to a turn not rendered yet is tried
/// again: a long transcript is rendered a batch per task.
const TRIES: u32 = 40;
const TRY_EVERY: i32 = 50;

/// Does `act` now, or again every [`TRY_EVERY`] ms until it succeeds, [`TRIES`] times
/// at most; a later call (kept in `slot`) cancels the earlier one.
fn try_until(slot: Rc<RefCell<Option<dom::Timeout>>>, tries: u32, act: Rc<dyn Fn() -> bool>) {
    slot.borrow_mut().take();
    if act() || tries == 0 {
        return;
    }
    let again = slot.clone();
    let timeout = dom::Timeout::new(TRY_EVERY, move || {
        // After this callback: replacing the timeout drops the closure that runs now.
        yew::platform::spawn_local(async move { try_until(again, tries - 1, act) });
    });
    *slot.borrow_mut() = timeout;
}

/// `<div class="tv-strip">`: the strip, then its text equivalent.
///
/// The strip is `<div class="tv-strip-slider" role="slider" tabindex="0">` named "Who
/// spoke when", from 1 to the number of turns, its value the turn at the view's top (or
/// the one last moved to, while it is in view) and its text "Turn 12 of 48: <name>"
/// ("(hidden)" for a turn the filter hides). Arrow keys move to the turn before or
/// after, PageUp and PageDown a tenth of the turns, Home and End to the first and last,
/// each bringing that turn (or its run's hidden-turn marker) to the top of the view;
/// Enter moves the focus into the turn (revealing a hidden one). A click or tap on the
/// strip does the same for the turn under it (a hidden one is revealed and focused).
///
/// In it, an `aria-hidden` `<svg class="tv-strip-svg">`: the runs in each speaker's
/// colour and pattern ([`StripRuns`]: a path per colour, a band of marks per pattern,
/// hidden ones `tv-strip-hidden`, a thin line in place), the search's matches as ticks
/// (`.tv-strip-tick`, one path; the current one `.tv-strip-current`, taller and framed),
/// and the turns in view
/// (`.tv-strip-view`, a band under the runs).
///
/// The text equivalent is `<details class="tv-strip-text">` "Who spoke when, as text",
/// collapsed, whose list (rendered once opened) has a button per run, "Vladimir Putin —
/// turns 1–3, 294 words" (with the times when timed), that moves the focus to its first
/// turn.
#[function_component]
pub fn WhoSpokeWhen(props: &WhoSpokeWhenProps) -> Html {
    let t = &props.transcript;
    let p = &props.id_prefix;
    let l = &props.labels;
    let count = t.turns.len();
    // The strip of every turn is computed in a task of its own after the first render
    // (it counts every word again), and drawn in the next: the page's first task, or its
    // hydration, does not wait for it, and a server renders the frame only.
    let computed = use_state(|| None::<Rc<Layout>>);
    {
        let computed = computed.setter();
        let deps = (SamePointer(t.clone()), SamePointer(props.speakers.clone()));
        use_effect_with(deps, move |(t, speakers)| {
            let (t, speakers) = (t.0.clone(), speakers.0.clone());
            // Placed in one task, drawn in the next: neither is long.
            let then = Rc::new(RefCell::new(None::<dom::Timeout>));
            let first = {
                let then = then.clone();
                dom::Timeout::new(0, move || {
                    let layout = Rc::new(Layout::new(&t, &speakers));
                    let draw = dom::Timeout::new(0, move || computed.set(Some(layout)));
                    *then.borrow_mut() = draw;
                })
            };
            move || {
                drop(first);
                then.borrow_mut().take();
            }
        });
    }
    let layout = (*computed)
        .clone()
        .filter(|layout| layout.of == Rc::as_ptr(t) as usize);
    let hidden = use_memo(
        (SamePointer(props.blocks.clone()), count),
        |(blocks, count)| hidden_turns(&blocks.0, *count),
    );
    let ticks = use_memo(
        (
            layout.clone().map(SamePointer),
            SamePointer(props.matches.clone()),
        ),
        |(layout, matches)| match layout {
            Some(layout) => layout.0.strip.ticks(&matches.0),
            None => Vec::new(),
        },
    );
    let current_tick = layout.as_ref().and_then(|layout| {
        let m = props.current.and_then(|c| props.matches.all.get(c))?;
        match m.place {
            Place::Turn(turn, _) => layout.strip.tick(turn),
            _ => None,
        }
    });

    // The turns in view, and the one the reader last moved to with the slider.
    let view = use_state_eq(|| None::<(usize, usize)>);
    let keyed = use_state_eq(|| None::<usize>);
    let slider = use_node_ref();
    let svg = use_node_ref();
    // Reads the turns in view from the page into `view`.
    let read_view = {
        let (view, slider, p) = (view.setter(), slider.clone(), p.clone());
        let ids = layout.clone();
        Rc::new(move || {
            if let Some(layout) = &ids {
                view.set(measure::turns_in_view(&slider, &p, &layout.ids));
            }
        })
    };
    {
        let read_view = read_view.clone();
        let deps = (
            layout.clone().map(SamePointer),
            p.clone(),
            SamePointer(props.blocks.clone()),
        );
        // Read at the next frame, not in the task that drew the strip: there it would
        // force a style and layout pass of the whole page (8 ms of a 20 ms task on
        // 1,653 turns) that the frame does anyway.
        use_effect_with(deps, move |(layout, _, _)| {
            let watch = layout.as_ref().map(|_| {
                let first = read_view.clone();
                let frame = measure::NextFrame::new(move || first());
                (frame, measure::ScrollWatch::new(move || read_view()))
            });
            move || drop(watch)
        });
    }
    let value = slider_value(*keyed, *view, count);

    // Going to a turn: into it (the focus), or the view to it, which is measured at once
    // (the scroll is instant) so that the slider's value is the turn gone to.
    let pending = use_mut_ref(|| None::<dom::Timeout>);
    let go = {
        let (t, p, hidden) = (t.clone(), p.clone(), hidden.clone());
        let (on_reveal, keyed) = (props.on_reveal.clone(), keyed.clone());
        Callback::from(move |(turn, into): (usize, bool)| {
            let Some(target) = t.turns.get(turn) else {
                return;
            };
            keyed.set(Some(turn));
            if into && hidden.get(turn).copied().unwrap_or(false) {
                pending.borrow_mut().take();
                on_reveal.emit(vec![target.id.clone()]);
                return;
            }
            let id = format!("{p}{}", target.id);
            let read_view = read_view.clone();
            let act: Rc<dyn Fn() -> bool> = match into {
                true => Rc::new(move || measure::focus_turn(&id)),
                false => Rc::new(move || {
                    let shown = measure::show_turn(&id);
                    if shown {
                        read_view();
                    }
                    shown
                }),
            };
            try_until(pending.clone(), TRIES, act);
        })
    };
    let onkeydown = {
        let go = go.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(key) = StripKey::from_key(&e.key()) else {
                return;
            };
            if e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            e.prevent_default();
            if let Some(to) = step(value, key, count) {
                go.emit((to, key == StripKey::Enter));
            }
        })
    };
    let onclick = {
        let (go, svg, layout, hidden) = (go.clone(), svg.clone(), layout.clone(), hidden.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(layout) = &layout else {
                return;
            };
            let turn = measure::click_fraction(&e, &svg).and_then(|f| layout.strip.turn_at(f));
            if let Some(turn) = turn {
                go.emit((turn, hidden.get(turn).copied().unwrap_or(false)));
            }
        })
    };
    if count == 0 {
        return Html::default();
    }
    let value_text = turn_text(
        l,
        t,
        value,
        props.speakers.get(value).copied().flatten(),
        hidden.get(value).copied().unwrap_or(false),
    );
    let runs = layout.as_ref().map(|layout| {
        html! {
            // Yew creates a list's components from its end: the measure's first render
            // comes right after the runs'.
            <>
                <StripDrawn id_prefix={p.clone()} />
                <StripRuns layout={layout.clone()} hidden={hidden.clone()} id_prefix={p.clone()} />
            </>
        }
    });
    let view_band = layout
        .as_ref()
        .zip(*view)
        .and_then(|(layout, (first, last))| {
            let strip = &layout.strip;
            let (start, end) = (strip.span(first)?.start, strip.span(last)?.end);
            let x = strip.percent(start);
            Some(html! {
                <g class="tv-strip-view">
                    <rect class="tv-strip-view-band" x={x.clone()} y="80%"
                        width={percent_of(end.saturating_sub(start), strip.total)} height="20%" />
                    <line class="tv-strip-view-edge" x1={x.clone()} x2={x} y1="74%" y2="100%" />
                </g>
            })
        });
    html! {
        <div class="tv-strip">
            <div class="tv-strip-slider" role="slider" tabindex="0" ref={slider}
                aria-label={l.strip.clone()} aria-orientation="horizontal"
                aria-valuemin="1" aria-valuemax={count.to_string()}
                aria-valuenow={(value + 1).to_string()} aria-valuetext={value_text}
                {onkeydown} {onclick}>
                <svg class="tv-strip-svg" ref={svg} aria-hidden="true" focusable="false"
                    width="100%" height="100%">
                    { for runs }
                    <StripTicks {ticks} current={current_tick} />
                    { for view_band }
                </svg>
            </div>
            <StripText transcript={t.clone()} layout={layout} hidden={hidden.clone()}
                labels={l.clone()} go={go} />
        </div>
    }
}

/// The slider's text for turn `turn` (by speaker `speaker`; hidden or not).
fn turn_text(
    l: &Labels,
    t: &Transcript,
    turn: usize,
    speaker: Option<usize>,
    hidden: bool,
) -> String {
    let n = l.number(turn + 1);
    let total = l.number(t.turns.len());
    let name = speaker
        .and_then(|i| t.speakers.get(i))
        .map(|s| s.name.as_str());
    let text = match name {
        Some(name) => fill(
            &l.strip_turn,
            &[("n", &n), ("total", &total), ("name", name)],
        ),
        None => fill(&l.strip_turn_unattributed, &[("n", &n), ("total", &total)]),
    };
    match hidden {
        true => fill(&l.strip_hidden, &[("turn", &text)]),
        false => text,
    }
}

/// Properties of [`StripRuns`].
#[derive(Properties)]
struct StripRunsProps {
    layout: Rc<Layout>,
    hidden: Rc<Vec<bool>>,
    id_prefix: AttrValue,
}

impl PartialEq for StripRunsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.layout, &other.layout)
            && Rc::ptr_eq(&self.hidden, &other.hidden)
            && self.id_prefix == other.id_prefix
    }
}

/// The outlines' scale across, 1/[`OUTLINE_UNITS`](crate::state::OUTLINE_UNITS).
const OUTLINE_SCALE: &str = "scale(0.00001 1)";
/// The units of the colours' `<svg>`: [`OUTLINE_UNITS`](crate::state::OUTLINE_UNITS)
/// across, 1 down.
const OUTLINE_VIEW_BOX: &str = "0 0 100000 1";

/// The id of pattern `pattern`'s marks.
fn pattern_id(prefix: &str, pattern: usize) -> String {
    format!("{prefix}tv-strip-pat-{pattern}")
}

/// Where a band of the runs is drawn across the strip's height: (y, height). A hidden
/// speaker's turns are a thin line in their place.
fn band_box(hidden: bool) -> (&'static str, &'static str) {
    match hidden {
        true => ("44%", "8%"),
        false => ("28%", "40%"),
    }
}

/// The runs as a few nodes whatever the number of turns and speakers
/// ([`Strip::bands`]): per shown state, an `<svg class="tv-strip-band">` stretched over
/// the strip with a `<path class="tv-strip-layer tv-sc-N" data-colour=N>` per colour
/// (`tv-strip-none` for turns no label introduces), its runs filled; then, per pattern
/// with marks, a `<rect class="tv-strip-pattern">` filled with the marks and clipped to
/// the runs of the speakers who have it. A speaker is told apart by the pair.
#[function_component]
fn StripRuns(props: &StripRunsProps) -> Html {
    let strip = &props.layout.strip;
    let p = &props.id_prefix;
    if std::mem::replace(&mut *use_mut_ref(|| true).borrow_mut(), false) {
        dom::timing_mark(&format!("{p}{DRAW_MARK}-start"));
    }
    let bands = strip.bands(&strip.runs(&props.hidden, true));
    let tile = TILE.to_string();
    let mut used: Vec<usize> = bands
        .patterns
        .iter()
        .map(|&((pattern, _), _)| pattern)
        .collect();
    used.sort_unstable();
    used.dedup();
    let patterns = used.into_iter().map(|pattern| {
        html! {
            <pattern id={pattern_id(p, pattern)} patternUnits="userSpaceOnUse"
                width={tile.clone()} height={tile.clone()}>
                <path class="tv-strip-mark" d={pattern_marks(pattern, TILE, TILE)} />
            </pattern>
        }
    });
    let clip_id = |i: usize| format!("{p}tv-strip-clip-{i}");
    let clips = bands.patterns.iter().enumerate().map(|(i, (_, d))| {
        html! {
            <clipPath id={clip_id(i)} clipPathUnits="objectBoundingBox">
                <path transform={OUTLINE_SCALE} d={d.clone()} />
            </clipPath>
        }
    });
    let colours = |hidden: bool| {
        let paths = bands
            .colours
            .iter()
            .filter(|&&((_, h), _)| h == hidden)
            .map(|((colour, _), d)| {
                let class = classes!(
                    "tv-strip-layer",
                    match colour {
                        Some(c) => format!("tv-sc-{c}"),
                        None => "tv-strip-none".to_string(),
                    },
                    hidden.then_some("tv-strip-hidden")
                );
                html! {
                    <path {class} d={d.clone()} data-colour={colour.map(|c| c.to_string())} />
                }
            })
            .collect::<Vec<_>>();
        let (y, height) = band_box(hidden);
        (!paths.is_empty()).then(|| {
            html! {
                <svg class="tv-strip-band" x="0" {y} width="100%" {height}
                    viewBox={OUTLINE_VIEW_BOX} preserveAspectRatio="none">
                    { for paths }
                </svg>
            }
        })
    };
    let marks = bands.patterns.iter().enumerate().map(|(i, &((pattern, hidden), _))| {
        let (y, height) = band_box(hidden);
        html! {
            <rect class={classes!("tv-strip-pattern", hidden.then_some("tv-strip-hidden"))}
                x="0" {y} width="100%" {height} fill={format!("url(#{})", pattern_id(p, pattern))}
                clip-path={format!("url(#{})", clip_id(i))} data-pattern={pattern.to_string()} />
        }
    });
    html! {
        <>
            <defs>{ for patterns }{ for clips }</defs>
            <g class="tv-strip-runs">
                { for colours(false) }
                { for colours(true) }
                { for marks }
            </g>
        </>
    }
}

/// The User Timing measure of the strip's first drawing (prefixed with the viewer's id
/// prefix): from [`StripRuns`]' render to [`StripDrawn`]'s, right after the runs' nodes
/// are in the page (on load nothing else renders between them: the scheduler runs a
/// new component's first render before any update). The benchmark reads it; DevTools
/// shows it.
pub const DRAW_MARK: &str = "tv-strip-draw";

/// Properties of [`StripDrawn`].
#[derive(Properties, PartialEq)]
struct StripDrawnProps {
    id_prefix: AttrValue,
}

/// Renders nothing; its first render measures [`DRAW_MARK`].
#[function_component]
fn StripDrawn(props: &StripDrawnProps) -> Html {
    let first = use_mut_ref(|| true);
    if std::mem::replace(&mut *first.borrow_mut(), false) {
        let p = &props.id_prefix;
        dom::timing_measure(&format!("{p}{DRAW_MARK}"), &format!("{p}{DRAW_MARK}-start"));
    }
    Html::default()
}

/// Properties of [`StripTicks`].
#[derive(Properties, PartialEq)]
struct StripTicksProps {
    /// Where the matches are, in thousandths of the strip.
    ticks: Rc<Vec<u16>>,
    /// Where the current match is.
    current: Option<u16>,
}

/// The ticks above the runs as one path (a node per tick made a search that changed a
/// thousand of them cost the frame some 16 ms on 1,653 turns), in thousandths of the
/// strip across a nested `<svg>` stretched to it (`vector-effect: non-scaling-stroke`
/// keeps the lines 2 pixels wide), and the current match's across the strip.
#[function_component]
fn StripTicks(props: &StripTicksProps) -> Html {
    use std::fmt::Write;
    let x = |tick: u16| percent_of(u64::from(tick), u64::from(TICK_STEPS));
    let mut d = String::new();
    for tick in props.ticks.iter() {
        let _ = write!(d, "M{tick} 0V24");
    }
    let current = props.current.map(|tick| {
        let x = x(tick);
        html! {
            <g class="tv-strip-current">
                <line class="tv-strip-current-outline" x1={x.clone()} x2={x.clone()} y1="0" y2="76%" />
                <line class="tv-strip-current-fill" x1={x.clone()} x2={x} y1="0" y2="76%" />
            </g>
        }
    });
    html! {
        <g class="tv-strip-ticks">
            if !d.is_empty() {
                <svg viewBox={TICKS_VIEW_BOX} preserveAspectRatio="none" width="100%" height="100%">
                    <path class="tv-strip-tick" {d} />
                </svg>
            }
            { for current }
        </g>
    }
}

/// The ticks' units: [`TICK_STEPS`] across, 100 down.
const TICKS_VIEW_BOX: &str = "0 0 1000 100";

/// Properties of [`StripText`].
#[derive(Properties)]
struct StripTextProps {
    transcript: Rc<Transcript>,
    layout: Option<Rc<Layout>>,
    hidden: Rc<Vec<bool>>,
    labels: Rc<Labels>,
    /// Goes to a turn: (index, into it).
    go: Callback<(usize, bool)>,
}

impl PartialEq for StripTextProps {
    fn eq(&self, other: &Self) -> bool {
        let same_layout = match (&self.layout, &other.layout) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && same_layout
            && Rc::ptr_eq(&self.hidden, &other.hidden)
            && Rc::ptr_eq(&self.labels, &other.labels)
    }
}

/// The strip as text: a collapsed `<details>` whose list of runs is rendered once it is
/// opened.
#[function_component]
fn StripText(props: &StripTextProps) -> Html {
    let open = use_state_eq(|| false);
    let l = &props.labels;
    let t = &props.transcript;
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(is_open) = measure::details_open(&e) {
                open.set(is_open);
            }
        })
    };
    let list = props.layout.as_ref().filter(|_| *open).map(|layout| {
        let strip = &layout.strip;
        let items = strip.runs(&props.hidden, false).into_iter().map(|run| {
            let text = run_text(l, t, strip, &run);
            let onclick = {
                let (go, first) = (props.go.clone(), run.turns.start);
                Callback::from(move |_: MouseEvent| go.emit((first, true)))
            };
            html! {
                <li>
                    <button type="button" class="tv-strip-run-link" {onclick}>{ text }</button>
                </li>
            }
        });
        html! { <ol class="tv-strip-runs-list">{ for items }</ol> }
    });
    html! {
        <details class="tv-strip-text" {ontoggle}>
            // On a phone the line shows only the words' end ("as text"), the whole
            // still its name.
            <summary>
                <span class="tv-strip-text-long">{ l.strip_text.clone() }</span>
                <span class="tv-strip-text-short" aria-hidden="true">
                    { l.strip_text_short.clone() }
                </span>
            </summary>
            { for list }
        </details>
    }
}

/// A run as text: "Vladimir Putin — turns 1–3, 294 words" (and its times when timed,
/// "(hidden)" when the filter hides it).
fn run_text(l: &Labels, t: &Transcript, strip: &Strip, run: &Run) -> String {
    let name = run
        .speaker
        .and_then(|i| t.speakers.get(i))
        .map_or(l.strip_unattributed.as_str(), |s| s.name.as_str());
    let words = l.count(&l.words, run.words, &[]);
    let first = l.number(run.turns.start + 1);
    let last = l.number(run.turns.end);
    let mut text = match run.turns.len() {
        1 => fill(
            &l.strip_run_one,
            &[("name", name), ("first", &first), ("words", &words)],
        ),
        _ => fill(
            &l.strip_run,
            &[
                ("name", name),
                ("first", &first),
                ("last", &last),
                ("words", &words),
            ],
        ),
    };
    if strip.measure == Measure::Time {
        if let (Some(start), Some(end)) = (strip.time(run.span.start), strip.time(run.span.end)) {
            text = fill(
                &l.strip_run_times,
                &[
                    ("run", &text),
                    ("start", &start.clock()),
                    ("end", &end.clock()),
                ],
            );
        }
    }
    match run.hidden {
        true => fill(&l.strip_hidden, &[("turn", &text)]),
        false => text,
    }
}

/// Properties of [`SpeakerShare`].
#[derive(Properties, PartialEq)]
pub struct SpeakerShareProps {
    /// The speaker's index in `Transcript::speakers` (its colour and pattern).
    pub index: usize,
    /// The speaker's words.
    pub words: usize,
    /// Every speaker's words.
    pub total: usize,
    /// The viewer's words.
    pub labels: Rc<Labels>,
}

/// Width and height (CSS pixels) over which a share bar's pattern is drawn: more than
/// the bar at any text size (the bar clips it).
const SHARE_MARKS: (u32, u32) = (360, 40);

/// `<span class="tv-speaker-share">`: a small bar (an `aria-hidden` SVG: the whole as an
/// outline, the speaker's share filled in their colour and pattern, drawn without
/// pattern ids so that it needs no other element) and the share as text, "43% of
/// words".
#[function_component]
pub fn SpeakerShare(props: &SpeakerShareProps) -> Html {
    let l = &props.labels;
    let (percent, small) = word_share(props.words, props.total);
    let text = match small {
        true => l.word_share_small.to_string(),
        false => fill(&l.word_share, &[("n", &l.number(percent))]),
    };
    let style = Style::of(props.index);
    let marks = use_memo(style.pattern, |&pattern| {
        pattern_marks(pattern, SHARE_MARKS.0, SHARE_MARKS.1)
    });
    let width = percent_of(props.words as u64, props.total as u64);
    html! {
        <span class="tv-speaker-share">
            <svg class="tv-share-bar" aria-hidden="true" focusable="false">
                <svg width={width} height="100%">
                    <rect class={format!("tv-sc-{}", style.colour)} width="100%" height="100%" />
                    if !marks.is_empty() {
                        <path class="tv-strip-mark" d={(*marks).clone()} />
                    }
                </svg>
                <rect class="tv-share-track" width="100%" height="100%" />
            </svg>
            <span class="tv-speaker-share-text">{ text }</span>
        </span>
    }
}
