//! The list of turns as shown: a [`TurnSection`] per turn (a hidden one with the
//! `hidden` attribute) and a button before each run of hidden turns, the first `limit`
//! turns (see the viewer's `render_batch`). A component of its own so that a keystroke that changes nothing in
//! the list (painted matches, the same current match) costs one comparison of its
//! properties instead of a walk over every turn.
//!
//! A page `render-pages` wrote holds every turn already; after the first [`WAKE_TURNS`]
//! turns, each group of turns is plain markup (see [`prerender`]). Hydrating the page
//! hydrates those first turns and takes each later group's nodes as they are,
//! "dormant", without a component per turn: the hydration of a 10 MB transcript would
//! otherwise be one task of most of a second, since Yew's scheduler does not yield in the
//! middle of a hydration. The dormant groups then become live (rendered again by their
//! components: new nodes, the same markup) a step of [`WAKE_TURNS`] per task, and at
//! once when they must show something the server did not render: the current match,
//! the URL's target, `<mark>`ed matches (a turn the speaker filter hides gets `hidden`
//! on the server's node; its run's marker comes with the wake). A transcript of up to
//! [`WAKE_TURNS`] turns is hydrated whole, as any page.

use super::dom;
use super::turn::TurnSection;
use crate::i18n::Labels;
use crate::model::Transcript;
use crate::state::{block_of_turn, turn_ids, Block, MatchSlice, Matches};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TurnList`].
#[derive(Properties)]
pub struct TurnListProps {
    /// The transcript.
    pub transcript: Rc<Transcript>,
    /// Its turns and hidden-turn runs, as shown (`state::blocks`).
    pub blocks: Rc<Vec<Block>>,
    /// How many of the turns to render (the first ones; see `state::turns_to_render`).
    pub limit: usize,
    /// Each turn's speaker index (`state::turn_speakers`).
    pub speakers: Rc<Vec<Option<usize>>>,
    /// Prefix for every id rendered.
    pub id_prefix: AttrValue,
    /// The search's visible matches.
    pub matches: Rc<Matches>,
    /// The current match (an index into `matches.all`).
    pub current: Option<usize>,
    /// The matches other than the current one are painted over the text, not rendered.
    pub painted: bool,
    /// The turn the URL's fragment points at.
    pub target: Option<usize>,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Called with a turn's element id when the reader asks for its link.
    pub on_copy_link: Callback<String>,
    /// Called with a turn's element id when the reader asks to cite it.
    pub on_cite: Callback<String>,
    /// Called with the ids of hidden turns the reader asks to see.
    pub on_reveal: Callback<Vec<String>>,
    /// Timed turns show their start as a button that plays from there.
    pub seekable: bool,
    /// Called with a turn's index when the reader asks to play from it.
    pub on_seek: Callback<usize>,
    /// The turns are in the page already, as `render-pages` wrote them (each group as
    /// raw markup), and this render hydrates them: the groups start dormant.
    pub prerendered: bool,
    /// Of a prerendered list, how many turns from the first are live by now (a group
    /// is live once its first turn is below this); the others wake when they must.
    pub awake: usize,
    /// Called after a render in which dormant groups became live: their nodes are new,
    /// and what was painted over the old ones is gone.
    pub on_wake: Callback<()>,
}

impl TurnListProps {
    /// What of the search the list renders: with painted matches only the current one
    /// (where it is and what it covers), else every match.
    fn renders_same_matches(&self, other: &Self) -> bool {
        if self.painted != other.painted {
            return false;
        }
        if self.painted {
            let at = |p: &Self| p.current.and_then(|c| p.matches.all.get(c)).cloned();
            at(self) == at(other)
        } else {
            self.current == other.current
                && (Rc::ptr_eq(&self.matches, &other.matches) || self.matches == other.matches)
        }
    }
}

impl PartialEq for TurnListProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && Rc::ptr_eq(&self.blocks, &other.blocks)
            && Rc::ptr_eq(&self.speakers, &other.speakers)
            && Rc::ptr_eq(&self.labels, &other.labels)
            && self.limit == other.limit
            && self.id_prefix == other.id_prefix
            && self.target == other.target
            && self.on_copy_link == other.on_copy_link
            && self.on_cite == other.on_cite
            && self.on_reveal == other.on_reveal
            && self.seekable == other.seekable
            && self.on_seek == other.on_seek
            && self.prerendered == other.prerendered
            && self.awake == other.awake
            && self.on_wake == other.on_wake
            && self.renders_same_matches(other)
    }
}

/// Turns per [`TurnGroup`]: moving the current match re-renders the one or two groups
/// it leaves and enters, not the whole list. Groups are by turn number, not by position
/// in the list, and a hidden turn stays in its group (rendered `hidden`), so hiding or
/// showing a speaker's turns moves no turn to another group and re-creates none.
const GROUP: usize = 16;

/// The turns of groups `groups` (ascending indices), as ranges, neighbours merged.
pub fn group_turns(groups: &[u32]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for &g in groups {
        let turns = g as usize * GROUP..(g as usize + 1) * GROUP;
        match out.last_mut() {
            Some(last) if last.end == turns.start => last.end = turns.end,
            _ => out.push(turns),
        }
    }
    out
}

/// Turns a prerendered list hydrates, and wakes per step after them, one step per task
/// (see the module's documentation): 8 ms of rendering (median; p90 10 ms) on the
/// benchmark's machine. A click or keystroke that arrives during a step waits for it,
/// so a step is kept short: with 16 groups a step (10–17 ms, and up to 45 ms with a
/// garbage collector's slice in it), a quarter of the first 10 MB speaker toggles,
/// clicked while the groups woke, took 90–112 ms; with 8, none took over 55 ms.
pub const WAKE_TURNS: usize = 8 * GROUP;

/// The first `limit` turns, shown turns and hidden ones alike, each run of hidden turns
/// after a `<button class="tv-hidden-marker">`, in groups of [`GROUP`] turns, each a
/// `<div class="tv-turn-group">` (which the stylesheet lays out only near the view).
#[function_component]
pub fn TurnList(props: &TurnListProps) -> Html {
    let end = props.limit.min(props.transcript.turns.len());
    let list = props.clone_shallow();
    let groups = (0..end).step_by(GROUP).map(|start| {
        let turns = start..(start + GROUP).min(end);
        let live = !props.prerendered || start < props.awake;
        html! { <TurnGroup key={start / GROUP} list={list.clone()} {turns} {live} /> }
    });
    html! { <>{ for groups }</> }
}

/// The first turn a block shows or stands for.
fn first_turn(block: &Block) -> usize {
    match block {
        Block::Turn(i) => *i,
        Block::Hidden { turns, .. } => turns.first().copied().unwrap_or(0),
    }
}

impl TurnListProps {
    fn clone_shallow(&self) -> Rc<TurnListProps> {
        Rc::new(TurnListProps {
            transcript: self.transcript.clone(),
            blocks: self.blocks.clone(),
            limit: self.limit,
            speakers: self.speakers.clone(),
            id_prefix: self.id_prefix.clone(),
            matches: self.matches.clone(),
            current: self.current,
            painted: self.painted,
            target: self.target,
            labels: self.labels.clone(),
            on_copy_link: self.on_copy_link.clone(),
            on_cite: self.on_cite.clone(),
            on_reveal: self.on_reveal.clone(),
            seekable: self.seekable,
            on_seek: self.on_seek.clone(),
            prerendered: self.prerendered,
            awake: self.awake,
            on_wake: self.on_wake.clone(),
        })
    }
}

/// Properties of [`TurnGroup`]: a range of the transcript's turns.
#[derive(Properties, Clone)]
pub struct TurnGroupProps {
    list: Rc<TurnListProps>,
    turns: std::ops::Range<usize>,
    /// Its turn to wake has come (or the list is not prerendered).
    live: bool,
}

impl TurnGroupProps {
    /// The current match, when it is in this group's turns.
    fn current_here(&self) -> Option<&crate::state::Match> {
        let list = &self.list;
        let current = list.current.and_then(|c| list.matches.all.get(c));
        current.filter(|m| match m.place {
            crate::state::Place::Turn(t, _) => self.turns.contains(&t),
            _ => false,
        })
    }

    /// The URL's target turn, when it is one of this group's.
    fn target_here(&self) -> Option<usize> {
        self.list.target.filter(|t| self.turns.contains(t))
    }

    /// The matches in this group's turns (a range of the list's `matches.all`).
    fn matches_here(&self) -> std::ops::Range<usize> {
        self.list.matches.between(
            crate::state::Place::Turn(self.turns.start, 0),
            crate::state::Place::Turn(self.turns.end, 0),
        )
    }

    /// What of the list's state shows in this group: the current match and the target,
    /// when they are in it (painted), or the group's matches (not painted).
    fn sees(
        &self,
    ) -> (
        Option<crate::state::Match>,
        Option<usize>,
        Option<Vec<crate::state::Match>>,
    ) {
        let list = &self.list;
        let all = (!list.painted).then(|| list.matches.all[self.matches_here()].to_vec());
        (self.current_here().cloned(), self.target_here(), all)
    }

    /// The list's blocks that hold this group's turns (a run of hidden turns that starts
    /// before the group or ends after it, whole): all of the blocks the group renders.
    fn own_blocks(&self) -> &[Block] {
        let (blocks, turns) = (&self.list.blocks, &self.turns);
        let first = block_of_turn(blocks, turns.start).unwrap_or(blocks.len());
        let n = blocks[first..]
            .iter()
            .take_while(|b| first_turn(b) < turns.end)
            .count();
        &blocks[first..first + n]
    }

    /// The group's turns that the speaker filter hides.
    fn hidden_turns(&self) -> Vec<usize> {
        let turns = &self.turns;
        self.own_blocks()
            .iter()
            .flat_map(|b| match b {
                Block::Hidden { turns: run, .. } => run.as_slice(),
                Block::Turn(_) => &[],
            })
            .copied()
            .filter(|t| turns.contains(t))
            .collect()
    }

    /// Whether the group must show something its server markup cannot: the current
    /// match, the URL's target turn, or matches as `<mark>` elements. (Hidden turns it
    /// can: a dormant group's sections get `hidden` as they are, and the markers of its
    /// runs of hidden turns come when it wakes.)
    fn must_render(&self) -> bool {
        let marked = !self.list.painted && !self.matches_here().is_empty();
        self.current_here().is_some() || self.target_here().is_some() || marked
    }
}

/// What a group's markup was rendered from, compared by pointer: a dormant group whose
/// transcript, speakers, labels or ids change is rendered again.
#[derive(PartialEq)]
struct Source(usize, usize, usize, AttrValue);

impl Source {
    fn of(list: &TurnListProps) -> Self {
        Source(
            Rc::as_ptr(&list.transcript) as usize,
            Rc::as_ptr(&list.speakers) as usize,
            Rc::as_ptr(&list.labels) as usize,
            list.id_prefix.clone(),
        )
    }
}

impl PartialEq for TurnGroupProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.list, &other.list);
        // A speaker hidden or shown changes the list's blocks; a group none of whose
        // turns changed renders the same (hiding someone with ten turns in 1,400 groups
        // renders at most ten groups, not all of them).
        self.turns == other.turns
            && Rc::ptr_eq(&a.transcript, &b.transcript)
            && (Rc::ptr_eq(&a.blocks, &b.blocks) || self.own_blocks() == other.own_blocks())
            && Rc::ptr_eq(&a.speakers, &b.speakers)
            && Rc::ptr_eq(&a.labels, &b.labels)
            && a.id_prefix == b.id_prefix
            && a.painted == b.painted
            && a.on_copy_link == b.on_copy_link
            && a.on_cite == b.on_cite
            && a.on_reveal == b.on_reveal
            && a.seekable == b.seekable
            && a.on_seek == b.on_seek
            && a.on_wake == b.on_wake
            && a.prerendered == b.prerendered
            && self.live == other.live
            && self.sees() == other.sees()
    }
}

/// Turns `turns` of the list, with the marker of each run of hidden turns that starts
/// among them, in a `<div class="tv-turn-group">`. In a prerendered list the group starts
/// dormant (`data-dormant`): its nodes are the server's, kept as they are (a click on a
/// turn's link button there still copies the link, a hidden turn gets `hidden`), until
/// its turn to wake comes or it must show what the server did not render
/// ([`TurnGroupProps::must_render`]);
/// then its components render it, once and for good. Waking keeps the focus on the
/// turn or link button that had it.
#[function_component]
fn TurnGroup(props: &TurnGroupProps) -> Html {
    let list = &props.list;
    let source = use_memo((), |()| Source::of(list));
    // Whether the group has been live: from the start unless the browser hydrates a
    // prerendered list (a server renders every group, as markup or live).
    let was_live =
        use_mut_ref(|| !(cfg!(target_arch = "wasm32") && list.prerendered) || props.live);
    // Set by the render that wakes the group, for its effect: where the focus was.
    let woke = use_mut_ref(|| None::<Option<(String, bool)>>);
    let dormant =
        !*was_live.borrow() && !props.live && *source == Source::of(list) && !props.must_render();
    if !dormant && !*was_live.borrow() {
        *was_live.borrow_mut() = true;
        let (t, prefix) = (&list.transcript, list.id_prefix.as_str());
        let here = |id: &str| {
            let id = id.strip_prefix(prefix);
            let turns = t.turns.get(props.turns.clone()).unwrap_or_default();
            turns.iter().any(|turn| id == Some(turn.id.as_str()))
        };
        *woke.borrow_mut() = Some(dom::focused_turn(here));
    }
    {
        let on_wake = list.on_wake.clone();
        use_effect_with(dormant, move |_| {
            if let Some(focus) = woke.borrow_mut().take() {
                match focus {
                    Some((id, true)) => dom::focus_inside(&id, ".tv-turn-link"),
                    Some((id, false)) => dom::focus_id(&id),
                    None => {}
                }
                on_wake.emit(());
            }
        });
    }
    // A dormant group's turns that the filter hides get `hidden` on the server's nodes
    // (which waking replaces with rendered ones, `hidden` and the runs' markers too):
    // hiding a speaker while the groups wake costs an attribute per turn, not a render
    // of every group the speaker speaks in. Set as the group renders, not in an effect:
    // after a render of over 16 ms Yew lets the browser paint before the effects run,
    // and that frame showed the speaker hidden in the live groups but not in the
    // dormant ones (10 MB: 1,200 of 2,200 turns still shown, for 30-50 ms).
    {
        let applied = use_mut_ref(Vec::<usize>::new);
        if dormant {
            let hidden = props.hidden_turns();
            let mut applied = applied.borrow_mut();
            if *applied != hidden {
                let changed = applied
                    .iter()
                    .chain(&hidden)
                    .copied()
                    .filter(|i| applied.contains(i) != hidden.contains(i));
                for i in changed {
                    if let Some(turn) = list.transcript.turns.get(i) {
                        let id = format!("{}{}", list.id_prefix, turn.id);
                        dom::set_hidden(&id, hidden.contains(&i));
                    }
                }
                *applied = hidden;
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(markup) = prerender::markup(&list.id_prefix, props.turns.start) {
        // Server only: the markup is Yew's own rendering of these turns' components
        // (text escaped by it), never transcript text taken as HTML.
        let raw = Html::from_html_unchecked(markup);
        return html! { <div class="tv-turn-group">{ raw }</div> };
    }
    #[cfg(not(target_arch = "wasm32"))]
    prerender::collect(props);
    // Pressing a turn's "cite" button keeps the selection it cites (one listener per
    // group, not one per turn).
    let onmousedown = Callback::from(|e: MouseEvent| {
        if dom::event_in(&e, ".tv-turn-cite") {
            e.prevent_default();
        }
    });
    if dormant {
        let onclick = {
            let (on_copy_link, on_seek) = (list.on_copy_link.clone(), list.on_seek.clone());
            let on_cite = list.on_cite.clone();
            let (t, p) = (list.transcript.clone(), list.id_prefix.clone());
            Callback::from(move |e: MouseEvent| {
                if let Some(id) = dom::dormant_link_click(&e, ".tv-turn-link") {
                    on_copy_link.emit(id);
                } else if let Some(id) = dom::dormant_link_click(&e, ".tv-turn-cite") {
                    on_cite.emit(id);
                } else if let Some(id) = dom::dormant_link_click(&e, ".tv-seek") {
                    let id = id.strip_prefix(p.as_str()).unwrap_or(&id);
                    if let Some(i) = t.turns.iter().position(|turn| turn.id == id) {
                        on_seek.emit(i);
                    }
                }
            })
        };
        // Hydrated, an empty raw node takes the server's markup between its markers as
        // it is; it never parses any.
        let raw = Html::from_html_unchecked(AttrValue::Static(""));
        return html! {
            <div class="tv-turn-group" data-dormant="" {onclick} {onmousedown}>{ raw }</div>
        };
    }
    html! { <div class="tv-turn-group" {onmousedown}>{ for group_items(props) }</div> }
}

/// A group's turns and markers, as [`TurnGroup`] renders them live.
fn group_items(props: &TurnGroupProps) -> Vec<Html> {
    let list = &props.list;
    let t = &list.transcript;
    let (matches, current) = (&list.matches, list.current);
    let turns = props.turns.clone();
    let section = |index: usize, hidden: bool| {
        let turn = &t.turns[index];
        let range = matches.in_turn(index);
        let slice = match list.painted {
            true => MatchSlice::current_only(matches, range, current),
            false => MatchSlice::new(matches, range, current),
        };
        html! {
            <TurnSection key={turn.id.clone()} transcript={t.clone()} {index}
                speaker={list.speakers.get(index).copied().flatten()}
                id_prefix={list.id_prefix.clone()}
                matches={slice} {hidden}
                target={list.target == Some(index)} labels={list.labels.clone()}
                on_copy_link={list.on_copy_link.clone()} on_cite={list.on_cite.clone()}
                seekable={list.seekable} on_seek={list.on_seek.clone()} />
        }
    };
    let mut items = Vec::with_capacity(turns.len() + 1);
    for block in props.own_blocks() {
        match block {
            Block::Turn(index) => items.push(section(*index, false)),
            Block::Hidden {
                turns: run,
                speakers,
            } => {
                if run.first().is_some_and(|f| turns.contains(f)) {
                    items.push(marker(list, run, speakers));
                }
                let inside = run.iter().filter(|i| turns.contains(i));
                items.extend(inside.map(|&index| section(index, true)));
            }
        }
    }
    items
}

/// The button that stands for a run of hidden turns (`turns`, by `speakers`) and shows
/// them again.
fn marker(list: &TurnListProps, turns: &[usize], speakers: &[usize]) -> Html {
    let t = &list.transcript;
    let names: Vec<&str> = speakers
        .iter()
        .filter_map(|&i| t.speakers.get(i))
        .map(|s| s.name.as_str())
        .collect();
    let ids = turn_ids(t, turns);
    let key = format!("\u{1}hidden-{}", ids.first().map_or("", String::as_str));
    let onclick = {
        let on_reveal = list.on_reveal.clone();
        Callback::from(move |_: MouseEvent| on_reveal.emit(ids.clone()))
    };
    html! {
        <button {key} type="button" class="tv-hidden-marker" {onclick}>
            { list.labels.hidden_marker(turns.len(), &names) }
        </button>
    }
}

/// The server's side of dormant groups: [`render`] renders a page so that each group of
/// turns is raw markup, which the browser's hydration keeps as it is.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod prerender {
    use super::{group_items, TurnGroupProps};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use yew::prelude::*;
    use yew::{BaseComponent, LocalServerRenderer};

    /// What the groups rendered now do: render live, and say so (`Collect`), or render
    /// the markup given (`Supply`, by id prefix and first turn).
    enum Pass {
        Collect(Vec<TurnGroupProps>),
        Supply(HashMap<(AttrValue, usize), AttrValue>),
    }

    thread_local! {
        static PASS: RefCell<Option<Pass>> = const { RefCell::new(None) };
    }

    /// Ends the pass, also when rendering panics.
    struct Reset;

    impl Drop for Reset {
        fn drop(&mut self) {
            PASS.with(|p| p.borrow_mut().take());
        }
    }

    /// The markup to render for the group of `prefix`'s turns from `start`, in a
    /// supplying pass.
    pub(super) fn markup(prefix: &AttrValue, start: usize) -> Option<AttrValue> {
        PASS.with(|p| match &*p.borrow() {
            Some(Pass::Supply(markup)) => markup.get(&(prefix.clone(), start)).cloned(),
            _ => None,
        })
    }

    /// Notes a group rendered in a collecting pass, unless it is hydrated live.
    pub(super) fn collect(props: &TurnGroupProps) {
        PASS.with(|p| {
            if let Some(Pass::Collect(groups)) = &mut *p.borrow_mut() {
                if props.list.prerendered && !props.live {
                    groups.push(props.clone());
                }
            }
        })
    }

    /// A group's turns as [`super::TurnGroup`] renders them live, without the group.
    #[function_component]
    fn GroupContent(props: &TurnGroupProps) -> Html {
        html! { <>{ for group_items(props) }</> }
    }

    /// Renders `C` with `props()` as hydratable HTML in which every group of turns that
    /// starts dormant (a prerendered viewer's, after its first [`super::WAKE_TURNS`]
    /// turns) holds raw markup: the same as its components render (without hydration
    /// markers), so that waking a group changes no node's content. Three steps: a render that notes
    /// each group's properties, one render of each group alone, and the render that
    /// puts them in.
    pub async fn render<C: BaseComponent>(props: impl Fn() -> C::Properties) -> String {
        let _reset = Reset;
        PASS.with(|p| *p.borrow_mut() = Some(Pass::Collect(Vec::new())));
        LocalServerRenderer::<C>::with_props(props()).render().await;
        let groups = match PASS.with(|p| p.borrow_mut().take()) {
            Some(Pass::Collect(groups)) => groups,
            _ => Vec::new(),
        };
        let mut markup = HashMap::with_capacity(groups.len());
        for group in groups {
            let key = (group.list.id_prefix.clone(), group.turns.start);
            let html = LocalServerRenderer::<GroupContent>::with_props(group)
                .hydratable(false)
                .render()
                .await;
            markup.insert(key, AttrValue::from(html));
        }
        PASS.with(|p| *p.borrow_mut() = Some(Pass::Supply(markup)));
        LocalServerRenderer::<C>::with_props(props()).render().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_turns_are_the_groups_turns_with_neighbours_merged() {
        assert_eq!(group_turns(&[]), []);
        assert_eq!(group_turns(&[0]), vec![(0..GROUP)]);
        assert_eq!(
            group_turns(&[2, 3, 4, 7]),
            [2 * GROUP..5 * GROUP, 7 * GROUP..8 * GROUP]
        );
    }
}
