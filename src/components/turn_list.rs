//! The list of turns as shown: a [`TurnSection`] per shown turn and a button in place of
//! each run of hidden turns, the first `limit` of them (see the viewer's
//! `render_batch`). A component of its own so that a keystroke that changes nothing in
//! the list (painted matches, the same current match) costs one comparison of its
//! properties instead of a walk over every turn.

use super::labels::Labels;
use super::turn::TurnSection;
use crate::model::Transcript;
use crate::state::{turn_ids, Block, MatchSlice, Matches};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TurnList`].
#[derive(Properties)]
pub struct TurnListProps {
    /// The transcript.
    pub transcript: Rc<Transcript>,
    /// Its turns and hidden-turn runs, as shown (`state::blocks`).
    pub blocks: Rc<Vec<Block>>,
    /// How many of the blocks to render.
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

/// The first `limit` blocks: `<section class="tv-turn">`s and
/// `<button class="tv-hidden-marker">`s.
#[function_component]
pub fn TurnList(props: &TurnListProps) -> Html {
    let t = &props.transcript;
    let (matches, current) = (&props.matches, props.current);
    let blocks = props
        .blocks
        .iter()
        .take(props.limit)
        .map(|block| match block {
            Block::Turn(index) => {
                let turn = &t.turns[*index];
                let range = matches.in_turn(*index);
                let slice = match props.painted {
                    true => MatchSlice::current_only(matches, range, current),
                    false => MatchSlice::new(matches, range, current),
                };
                html! {
                    <TurnSection key={turn.id.clone()} transcript={t.clone()} index={*index}
                        speaker={props.speakers.get(*index).copied().flatten()}
                        id_prefix={props.id_prefix.clone()}
                        matches={slice}
                        target={props.target == Some(*index)} labels={props.labels.clone()}
                        on_copy_link={props.on_copy_link.clone()} />
                }
            }
            Block::Hidden { turns, speakers } => {
                let names: Vec<&str> = speakers
                    .iter()
                    .filter_map(|&i| t.speakers.get(i))
                    .map(|s| s.name.as_str())
                    .collect();
                let ids = turn_ids(t, turns);
                let key = format!("\u{1}hidden-{}", ids.first().map_or("", String::as_str));
                let onclick = {
                    let on_reveal = props.on_reveal.clone();
                    Callback::from(move |_: MouseEvent| on_reveal.emit(ids.clone()))
                };
                html! {
                    <button {key} type="button" class="tv-hidden-marker" {onclick}>
                        { props.labels.hidden_marker(turns.len(), &names) }
                    </button>
                }
            }
        });
    html! { <>{ for blocks }</> }
}
