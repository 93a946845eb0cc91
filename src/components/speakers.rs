//! The speaker filter: every speaker with role, turns and words (and matches while a
//! search is active), as show/hide toggles with "Only" and "Show all" quick actions,
//! in a panel that [`SpeakersToggle`] shows and hides ("All 48 speakers",
//! "3 of 48 speakers").

use crate::i18n::Labels;
use crate::model::Transcript;
use crate::state::SpeakerStats;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SpeakerFilter`].
#[derive(Properties, PartialEq)]
pub struct SpeakerFilterProps {
    /// The transcript whose speakers these are.
    pub transcript: Rc<Transcript>,
    /// Turns and words per speaker, in the order of `Transcript::speakers`.
    pub stats: Rc<Vec<SpeakerStats>>,
    /// Ids of the hidden speakers.
    pub hidden: BTreeSet<String>,
    /// Matches per speaker while a search is active.
    #[prop_or_default]
    pub match_counts: Option<Vec<usize>>,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Show or hide the speaker with this id.
    pub on_toggle: Callback<String>,
    /// Show only the speaker with this id.
    pub on_only: Callback<String>,
    /// Show every speaker.
    pub on_show_all: Callback<()>,
    /// Prefix of the ids rendered (the panel is `{prefix}speakers`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The panel shows (else it is rendered `hidden`, see [`SpeakersToggle`]).
    #[prop_or(true)]
    pub open: bool,
}

/// `<fieldset class="tv-speakers" id="{prefix}speakers">` (a group named by its legend,
/// "Speakers"; `hidden` while closed) with one
/// `<li class="tv-speaker-item" data-speaker=…>` per speaker: a toggle button
/// `.tv-speaker-toggle` named by the speaker (`aria-pressed="true"` while the speaker's
/// turns show), `.tv-speaker-info` (role, `.tv-speaker-stats`, `.tv-speaker-matches`)
/// and an "Only" button `.tv-show-only` named "Show only <name>"; then "Show all"
/// (`.tv-show-all`).
#[function_component]
pub fn SpeakerFilter(props: &SpeakerFilterProps) -> Html {
    let l = &props.labels;
    // Names and roles are the transcript's words, in its language, among the viewer's.
    let lang = AttrValue::from(props.transcript.lang.clone());
    let items = props.transcript.speakers.iter().enumerate().map(|(i, speaker)| {
        let stats = props.stats.get(i).copied().unwrap_or_default();
        let shown = !props.hidden.contains(&speaker.id);
        let counts = format!(
            "{}, {}",
            l.count(&l.turns, stats.turns, &[]),
            l.count(&l.words, stats.words, &[])
        );
        let matches = props
            .match_counts
            .as_ref()
            .map(|m| m.get(i).copied().unwrap_or(0));
        let toggle = {
            let (on, id) = (props.on_toggle.clone(), speaker.id.clone());
            Callback::from(move |_: MouseEvent| on.emit(id.clone()))
        };
        let only = {
            let (on, id) = (props.on_only.clone(), speaker.id.clone());
            Callback::from(move |_: MouseEvent| on.emit(id.clone()))
        };
        html! {
            <li key={speaker.id.clone()} class="tv-speaker-item" data-speaker={speaker.id.clone()}>
                <button type="button" class="tv-speaker-toggle" lang={lang.clone()} dir="auto"
                    aria-pressed={if shown { "true" } else { "false" }} onclick={toggle}>
                    { speaker.name.clone() }
                </button>
                <span class="tv-speaker-info">
                    if let Some(role) = &speaker.role {
                        <span class="tv-speaker-info-role" lang={lang.clone()} dir="auto">
                            { role.clone() }
                        </span>
                        <span class="tv-visually-hidden">{ ", " }</span>
                    }
                    <span class="tv-speaker-stats">{ counts }</span>
                    <span class="tv-visually-hidden">{ ", " }</span>
                    <super::strip::SpeakerShare index={i} words={stats.words}
                        total={props.stats.iter().map(|s| s.words).sum::<usize>()}
                        labels={l.clone()} />
                    if let Some(n) = matches {
                        <span class="tv-visually-hidden">{ ", " }</span>
                        <span class={classes!("tv-speaker-matches", (n == 0).then_some("tv-none"))}>
                            { l.count(&l.matches, n, &[]) }
                        </span>
                    }
                </span>
                <button type="button" class="tv-show-only"
                    aria-label={l.show_only(&speaker.name)} onclick={only}>
                    { l.only.clone() }
                </button>
            </li>
        }
    });
    let show_all = props.on_show_all.reform(|_: MouseEvent| ());
    html! {
        <fieldset class="tv-speakers" id={format!("{}speakers", props.id_prefix)}
            hidden={!props.open}>
            <legend class="tv-speakers-title">{ l.speakers.clone() }</legend>
            <ul class="tv-speaker-list">{ for items }</ul>
            <button type="button" class="tv-show-all" onclick={show_all}>
                { l.show_all.clone() }
            </button>
        </fieldset>
    }
}

/// Properties of [`SpeakersToggle`].
#[derive(Properties, PartialEq)]
pub struct SpeakersToggleProps {
    /// How many speakers the transcript has.
    pub total: usize,
    /// How many of them are shown (not hidden by the filter).
    pub shown: usize,
    /// The panel shows.
    pub open: bool,
    /// Prefix of the ids rendered (the panel's, see [`SpeakerFilter`]).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Pressed: show or hide the panel.
    pub on_toggle: Callback<()>,
}

/// `<button class="tv-speakers-toggle" aria-expanded aria-controls>` that shows and hides
/// the speaker panel, named by the filter as it stands: "All 48 speakers" or
/// "3 of 48 speakers" (`data-filtered` then), so that the filter is known with the panel
/// closed.
#[function_component]
pub fn SpeakersToggle(props: &SpeakersToggleProps) -> Html {
    let l = &props.labels;
    let filtered = props.shown < props.total;
    let text = l.speakers_summary(props.shown, props.total);
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="tv-speakers-toggle"
            aria-expanded={if props.open { "true" } else { "false" }}
            aria-controls={format!("{}speakers", props.id_prefix)}
            data-filtered={filtered.then_some("")} {onclick}>
            <svg class="tv-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d={PEOPLE_ICON} />
            </svg>
            { text }
        </button>
    }
}

/// Two people (a 24 × 24 outline, stroked by `.tv-icon`).
const PEOPLE_ICON: &str =
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 \
    2.4 6.5 6M16 4.3a3.5 3.5 0 0 1 0 6.6M18 14.3c2.1.8 3.5 2.8 3.5 5.7";
