//! The list of turns as shown: a [`TurnSection`] per turn (a hidden one with the
//! `hidden` attribute) and a button before each run of hidden turns, the first `limit`
//! turns (see the viewer's `render_batch`). A component of its own so that a keystroke that changes nothing in
//! the list (painted matches, the same current match) costs one comparison of its
//! properties instead of a walk over every turn.

use super::labels::Labels;
use super::turn::TurnSection;
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
    /// Called with the ids of hidden turns the reader asks to see.
    pub on_reveal: Callback<Vec<String>>,
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
            && self.on_reveal == other.on_reveal
            && self.renders_same_matches(other)
    }
}

/// Turns per [`TurnGroup`]: moving the current match re-renders the one or two groups
/// it leaves and enters, not the whole list. Groups are by turn number, not by position
/// in the list, and a hidden turn stays in its group (rendered `hidden`), so hiding or
/// showing a speaker's turns moves no turn to another group and re-creates none.
const GROUP: usize = 16;

/// The first `limit` turns, shown turns and hidden ones alike, each run of hidden turns
/// after a `<button class="tv-hidden-marker">`, in groups of [`GROUP`] turns, each a
/// `<div class="tv-turn-group">` (which the stylesheet lays out only near the view).
#[function_component]
pub fn TurnList(props: &TurnListProps) -> Html {
    let end = props.limit.min(props.transcript.turns.len());
    let list = props.clone_shallow();
    let groups = (0..end).step_by(GROUP).map(|start| {
        let turns = start..(start + GROUP).min(end);
        html! { <TurnGroup key={start / GROUP} list={list.clone()} {turns} /> }
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
            on_reveal: self.on_reveal.clone(),
        })
    }
}

/// Properties of [`TurnGroup`]: a range of the transcript's turns.
#[derive(Properties)]
pub struct TurnGroupProps {
    list: Rc<TurnListProps>,
    turns: std::ops::Range<usize>,
}

impl TurnGroupProps {
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
        let turns = &self.turns;
        let in_group = |m: &crate::state::Match| match m.place {
            crate::state::Place::Turn(t, _) => turns.contains(&t),
            _ => false,
        };
        let current = list
            .current
            .and_then(|c| list.matches.all.get(c))
            .filter(|m| in_group(m))
            .cloned();
        let target = list.target.filter(|t| turns.contains(t));
        let all = (!list.painted).then(|| {
            let range = list.matches.between(
                crate::state::Place::Turn(turns.start, 0),
                crate::state::Place::Turn(turns.end, 0),
            );
            list.matches.all[range].to_vec()
        });
        (current, target, all)
    }
}

impl PartialEq for TurnGroupProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.list, &other.list);
        self.turns == other.turns
            && Rc::ptr_eq(&a.transcript, &b.transcript)
            && Rc::ptr_eq(&a.blocks, &b.blocks)
            && Rc::ptr_eq(&a.speakers, &b.speakers)
            && Rc::ptr_eq(&a.labels, &b.labels)
            && a.id_prefix == b.id_prefix
            && a.painted == b.painted
            && a.on_copy_link == b.on_copy_link
            && a.on_reveal == b.on_reveal
            && self.sees() == other.sees()
    }
}

/// Turns `turns` of the list, with the marker of each run of hidden turns that starts
/// among them.
#[function_component]
fn TurnGroup(props: &TurnGroupProps) -> Html {
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
                on_copy_link={list.on_copy_link.clone()} />
        }
    };
    let first = block_of_turn(&list.blocks, turns.start).unwrap_or(list.blocks.len());
    let mut items = Vec::with_capacity(turns.len() + 1);
    for block in list.blocks[first..]
        .iter()
        .take_while(|b| first_turn(b) < turns.end)
    {
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
    html! { <div class="tv-turn-group">{ for items }</div> }
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
