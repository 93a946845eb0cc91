//! One turn: the speaker heading, the turn's link button and its paragraphs (with the
//! search's highlights), as a `<section>`.

use super::highlight::highlight;
use crate::i18n::Labels;
use crate::model::{Speaker, Transcript};
use crate::state::{MatchSlice, Place};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TurnSection`]. Equal when they would render the same: the same
/// transcript (by `Rc` pointer, never by walking the text), turn, id prefix, labels (by
/// pointer) and link callback, and equal highlights ([`MatchSlice`] compares only this
/// turn's matches). So a keystroke re-renders only the turns whose highlights change.
#[derive(Properties)]
pub struct TurnSectionProps {
    /// The transcript the turn belongs to.
    pub transcript: Rc<Transcript>,
    /// The turn's index in [`Transcript::turns`].
    pub index: usize,
    /// Prefix for every id rendered (see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The index in [`Transcript::speakers`] of the turn's speaker, when the caller has
    /// it at hand (see `state::turn_speakers`); otherwise it is looked up by id.
    #[prop_or_default]
    pub speaker: Option<usize>,
    /// The search's matches in this turn.
    #[prop_or_default]
    pub matches: MatchSlice,
    /// True when the page's URL fragment points at this turn.
    #[prop_or_default]
    pub target: bool,
    /// True when the speaker filter hides the turn: it stays in the page, `hidden`, so
    /// that showing it again costs an attribute, not its whole DOM.
    #[prop_or_default]
    pub hidden: bool,
    /// The viewer's words (for the link button's name).
    #[prop_or_default]
    pub labels: Rc<Labels>,
    /// Called with the turn's element id when the reader asks for its link.
    #[prop_or_default]
    pub on_copy_link: Callback<String>,
    /// Called with the turn's element id when the reader asks to cite it (or the
    /// selected part of it).
    #[prop_or_default]
    pub on_cite: Callback<String>,
    /// A timed turn shows its start as a button that plays from there.
    #[prop_or_default]
    pub seekable: bool,
    /// Called with the turn's index when the reader asks to play from it.
    #[prop_or_default]
    pub on_seek: Callback<usize>,
}

impl PartialEq for TurnSectionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && self.index == other.index
            && self.speaker == other.speaker
            && self.id_prefix == other.id_prefix
            && self.target == other.target
            && self.hidden == other.hidden
            && Rc::ptr_eq(&self.labels, &other.labels)
            && self.on_copy_link == other.on_copy_link
            && self.on_cite == other.on_cite
            && self.seekable == other.seekable
            // The seek callback matters only to a turn that shows its time button.
            && (!self.seekable || self.on_seek == other.on_seek)
            && self.matches == other.matches
    }
}

/// The turn's speaker: by index when the caller has it, else by id; a hand-built
/// transcript that names an unknown speaker still shows who speaks, by id
/// (`Transcript::from_json` guarantees the speaker exists).
fn speaker_of<'t>(
    t: &'t Transcript,
    hint: Option<usize>,
    id: &str,
) -> std::borrow::Cow<'t, Speaker> {
    match hint
        .and_then(|i| t.speakers.get(i))
        .filter(|s| s.id == id)
        .or_else(|| t.speaker(id))
    {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(Speaker {
            id: id.to_owned(),
            name: id.to_owned(),
            role: None,
            anonymous: false,
        }),
    }
}

/// `<section class="tv-turn">` labelled by its speaker heading, then a "copy link"
/// button (`.tv-turn-link`) and a "cite" button (`.tv-turn-cite`), then the paragraphs; a turn no label introduces renders
/// without heading, as `tv-turn tv-turn-unattributed`. The URL's target turn also has
/// the class `tv-target` and `aria-current="location"`; a hidden one, `hidden`. What is
/// inside the section is a component of its own ([`TurnContent`]), so hiding, showing or
/// targeting a turn changes the section's attributes and re-renders nothing in it.
#[function_component]
pub fn TurnSection(props: &TurnSectionProps) -> Html {
    let t = &props.transcript;
    let Some(turn) = t.turns.get(props.index) else {
        return Html::default();
    };
    let id = format!("{}{}", props.id_prefix, turn.id);
    let current = props.target.then_some("location");
    let content = html! {
        <TurnContent transcript={t.clone()} index={props.index} speaker={props.speaker}
            id={AttrValue::from(id.clone())} matches={props.matches.clone()}
            labels={props.labels.clone()} on_copy_link={props.on_copy_link.clone()}
            on_cite={props.on_cite.clone()} seekable={props.seekable} on_seek={props.on_seek.clone()} />
    };
    let Some(speaker_id) = &turn.speaker else {
        let class = classes!(
            "tv-turn",
            "tv-turn-unattributed",
            props.target.then_some("tv-target")
        );
        return html! {
            <section {class} {id} aria-current={current} hidden={props.hidden}>
                { content }
            </section>
        };
    };
    let speaker = speaker_of(t, props.speaker, speaker_id);
    let heading_id = format!("{id}-speaker");
    let class = classes!("tv-turn", props.target.then_some("tv-target"));
    html! {
        <section {class} {id} data-speaker={speaker.id.clone()}
            aria-labelledby={heading_id} aria-current={current} hidden={props.hidden}>
            { content }
        </section>
    }
}

/// The link icon's outline: two chain links (24 × 24, stroked).
const LINK_ICON: &str = "M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5\
    M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5";

/// Properties of [`TurnContent`]: a [`TurnSection`]'s, less what only the section's
/// own attributes show.
#[derive(Properties)]
struct TurnContentProps {
    transcript: Rc<Transcript>,
    index: usize,
    speaker: Option<usize>,
    /// The section's id.
    id: AttrValue,
    matches: MatchSlice,
    labels: Rc<Labels>,
    on_copy_link: Callback<String>,
    on_cite: Callback<String>,
    seekable: bool,
    on_seek: Callback<usize>,
}

impl PartialEq for TurnContentProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && self.index == other.index
            && self.speaker == other.speaker
            && self.id == other.id
            && Rc::ptr_eq(&self.labels, &other.labels)
            && self.on_copy_link == other.on_copy_link
            && self.on_cite == other.on_cite
            && self.seekable == other.seekable
            // The seek callback matters only to a turn that shows its time button.
            && (!self.seekable || self.on_seek == other.on_seek)
            && self.matches == other.matches
    }
}

/// What is inside a turn's section: the speaker heading (when a label introduced the
/// turn), the "copy link" and "cite" buttons and the paragraphs with the search's
/// highlights.
#[function_component]
fn TurnContent(props: &TurnContentProps) -> Html {
    let t = &props.transcript;
    let Some(turn) = t.turns.get(props.index) else {
        return Html::default();
    };
    let id = &props.id;
    let paragraphs = turn.paragraphs.iter().enumerate().map(|(i, text)| {
        let (ranges, current) = props.matches.ranges(Place::Turn(props.index, i));
        html! { <p id={format!("{id}-p{}", i + 1)} dir="auto">{ highlight(text, &ranges, current) }</p> }
    });
    let speaker = turn
        .speaker
        .as_deref()
        .map(|sp| speaker_of(t, props.speaker, sp));
    let link_label = props
        .labels
        .copy_link(props.index + 1, speaker.as_ref().map(|s| s.name.as_str()));
    let onclick = {
        let on_copy_link = props.on_copy_link.clone();
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| on_copy_link.emit(id.clone()))
    };
    let link = html! {
        <button type="button" class="tv-turn-link" aria-label={link_label.clone()}
            title={link_label} {onclick}>
            // Its stroke, fill and size come from the stylesheet (`.tv-icon`): every
            // attribute here is one more to write per turn when a long page hydrates.
            <svg class="tv-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d={LINK_ICON} />
            </svg>
        </button>
    };
    // "Cite": the selection when it is in this turn, else the whole turn. An empty
    // button: its sign (a quotation mark) is the stylesheet's `::before`, so a turn
    // carries one element for it, not three. (The group of turns keeps the selection
    // when the button is pressed: see `TurnGroup`.)
    let cite = {
        let label = props
            .labels
            .cite_turn(props.index + 1, speaker.as_ref().map(|s| s.name.as_str()));
        let onclick = {
            let on_cite = props.on_cite.clone();
            let id = id.to_string();
            Callback::from(move |_: MouseEvent| on_cite.emit(id.clone()))
        };
        html! {
            <button type="button" class="tv-turn-cite" aria-label={label.clone()}
                title={label} {onclick}></button>
        }
    };
    // A timed turn's start, as a button that plays from there.
    let seek = turn.start_time().filter(|_| props.seekable).map(|at| {
        let clock = at.clock();
        let label = props
            .labels
            .play_from(&clock, speaker.as_ref().map(|s| s.name.as_str()));
        let onclick = {
            let (on_seek, index) = (props.on_seek.clone(), props.index);
            Callback::from(move |_: MouseEvent| on_seek.emit(index))
        };
        html! {
            <button type="button" class="tv-seek" aria-label={label} {onclick}>
                <time datetime={format!("PT{}S", at)}>{ clock }</time>
            </button>
        }
    });
    let Some(speaker) = speaker else {
        return html! { <>{ for seek }{ link }{ cite }{ for paragraphs }</> };
    };
    html! {
        <>
            <h2 class="tv-speaker" id={format!("{id}-speaker")}>
                <span class="tv-speaker-name" dir="auto">{ speaker.name.clone() }</span>
                if let Some(role) = &speaker.role {
                    <span class="tv-visually-hidden">{ ", " }</span>
                    <span class="tv-speaker-role">{ role.clone() }</span>
                }
                if let Some(annotation) = &turn.annotation {
                    { " " }
                    <span class="tv-annotation">{ format!("({annotation})") }</span>
                }
            </h2>
            { for seek }
            { link }
            { cite }
            { for paragraphs }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchOptions;
    use crate::state::{find, Action, SearchIndex, ViewState};

    fn props(transcript: &Rc<Transcript>, index: usize) -> TurnSectionProps {
        TurnSectionProps {
            transcript: transcript.clone(),
            index,
            speaker: None,
            id_prefix: AttrValue::default(),
            matches: MatchSlice::default(),
            target: false,
            hidden: false,
            labels: Rc::new(Labels::default()),
            on_copy_link: Callback::default(),
            on_cite: Callback::default(),
            seekable: false,
            on_seek: Callback::default(),
        }
    }

    #[test]
    fn props_compare_the_transcript_by_pointer() {
        let json = r#"{"schema":1,"lang":"en","title":"T","source":{"file":"t.txt"},
            "turns":[{"id":"t1","paragraphs":["a"]},{"id":"t2","paragraphs":["b"]}]}"#;
        let a = Rc::new(Transcript::from_json(json).unwrap());
        let same_text = Rc::new(Transcript::from_json(json).unwrap());
        let labels = Rc::new(Labels::default());
        let on_copy_link = Callback::from(|_: String| ());
        let on_cite = Callback::from(|_: String| ());
        let with = |mut p: TurnSectionProps| {
            p.labels = labels.clone();
            p.on_copy_link = on_copy_link.clone();
            p.on_cite = on_cite.clone();
            p
        };
        assert!(with(props(&a, 0)) == with(props(&a, 0)));
        assert!(with(props(&a, 0)) != with(props(&a, 1)));
        assert!(with(props(&a, 0)) != with(props(&same_text, 0)));
        let mut prefixed = with(props(&a, 0));
        prefixed.id_prefix = "x-".into();
        assert!(with(props(&a, 0)) != prefixed);
        let mut target = with(props(&a, 0));
        target.target = true;
        assert!(with(props(&a, 0)) != target);
        let mut hidden = with(props(&a, 0));
        hidden.hidden = true;
        assert!(with(props(&a, 0)) != hidden);
        // Labels and callbacks compare by pointer: a viewer passes the same ones to
        // every turn.
        assert!(props(&a, 0) != props(&a, 0));
        let mut other_callback = with(props(&a, 0));
        other_callback.on_copy_link = Callback::from(|_: String| ());
        assert!(with(props(&a, 0)) != other_callback);
        let mut other_cite = with(props(&a, 0));
        other_cite.on_cite = Callback::from(|_: String| ());
        assert!(with(props(&a, 0)) != other_cite);
    }

    #[test]
    fn props_differ_only_where_highlights_do() {
        let json = r#"{"schema":1,"lang":"en","title":"T","source":{"file":"t.txt"},
            "turns":[{"id":"t1","paragraphs":["abc abd"]},{"id":"t2","paragraphs":["xyz"]}]}"#;
        let t = Rc::new(Transcript::from_json(json).unwrap());
        let index = SearchIndex::new(&t, SearchOptions::default().fold_mode());
        let search = |q: &str| {
            let s = ViewState::default().apply(Action::SetQuery(q.into()));
            Rc::new(find(&t, &index, &s))
        };
        let labels = Rc::new(Labels::default());
        let on_copy_link = Callback::from(|_: String| ());
        let on_cite = Callback::from(|_: String| ());
        let turn = |m: &Rc<crate::state::Matches>, i: usize, current: Option<usize>| {
            let mut p = props(&t, i);
            p.labels = labels.clone();
            p.on_copy_link = on_copy_link.clone();
            p.on_cite = on_cite.clone();
            p.matches = MatchSlice::new(m, m.in_turn(i), current);
            p
        };
        let (a, ab) = (search("a"), search("ab"));
        // "a" and "ab" match at the same places in t1 only by start; ranges differ.
        assert!(turn(&a, 0, Some(0)) != turn(&ab, 0, Some(0)));
        // t2 has no match either way: unchanged, so not re-rendered.
        assert!(turn(&a, 1, Some(0)) == turn(&ab, 1, Some(0)));
        // Moving the current match within t1 changes it.
        assert!(turn(&ab, 0, Some(0)) != turn(&ab, 0, Some(1)));
    }
}
