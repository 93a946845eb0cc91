//! One turn: the speaker heading and the turn's paragraphs, as a `<section>`.

use crate::model::{Speaker, Transcript};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TurnSection`]. Equal when they point at the same transcript (by
/// `Rc` pointer, never by walking the text), the same turn and the same id prefix, so
/// an unchanged turn is not re-rendered when the viewer is.
#[derive(Properties)]
pub struct TurnSectionProps {
    /// The transcript the turn belongs to.
    pub transcript: Rc<Transcript>,
    /// The turn's index in [`Transcript::turns`].
    pub index: usize,
    /// Prefix for every id rendered (see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

impl PartialEq for TurnSectionProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.transcript, &other.transcript)
            && self.index == other.index
            && self.id_prefix == other.id_prefix
    }
}

/// `<section class="tv-turn">` labelled by its speaker heading; a turn no label
/// introduces renders without heading, as `tv-turn tv-turn-unattributed`.
#[function_component]
pub fn TurnSection(props: &TurnSectionProps) -> Html {
    let t = &props.transcript;
    let Some(turn) = t.turns.get(props.index) else {
        return Html::default();
    };
    let id = format!("{}{}", props.id_prefix, turn.id);
    let paragraphs = turn.paragraphs.iter().enumerate().map(|(i, text)| {
        html! { <p id={format!("{id}-p{}", i + 1)}>{ text.clone() }</p> }
    });
    let Some(speaker_id) = &turn.speaker else {
        return html! {
            <section class="tv-turn tv-turn-unattributed" id={id.clone()}>
                { for paragraphs }
            </section>
        };
    };
    // `Transcript::from_json` guarantees the speaker exists; a hand-built transcript
    // that names an unknown one still shows who speaks, by id.
    let fallback;
    let speaker = match t.speaker(speaker_id) {
        Some(s) => s,
        None => {
            fallback = Speaker {
                id: speaker_id.clone(),
                name: speaker_id.clone(),
                role: None,
                anonymous: false,
            };
            &fallback
        }
    };
    let heading_id = format!("{id}-speaker");
    html! {
        <section class="tv-turn" id={id.clone()} data-speaker={speaker.id.clone()}
            aria-labelledby={heading_id.clone()}>
            <h2 class="tv-speaker" id={heading_id}>
                <span class="tv-speaker-name">{ speaker.name.clone() }</span>
                if let Some(role) = &speaker.role {
                    <span class="tv-visually-hidden">{ ", " }</span>
                    <span class="tv-speaker-role">{ role.clone() }</span>
                }
                if let Some(annotation) = &turn.annotation {
                    { " " }
                    <span class="tv-annotation">{ format!("({annotation})") }</span>
                }
            </h2>
            { for paragraphs }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(transcript: &Rc<Transcript>, index: usize) -> TurnSectionProps {
        TurnSectionProps {
            transcript: transcript.clone(),
            index,
            id_prefix: AttrValue::default(),
        }
    }

    #[test]
    fn props_compare_the_transcript_by_pointer() {
        let json = r#"{"schema":1,"lang":"en","title":"T","source":{"file":"t.txt"},
            "turns":[{"id":"t1","paragraphs":["a"]},{"id":"t2","paragraphs":["b"]}]}"#;
        let a = Rc::new(Transcript::from_json(json).unwrap());
        let same_text = Rc::new(Transcript::from_json(json).unwrap());
        assert!(props(&a, 0) == props(&a, 0));
        assert!(props(&a, 0) != props(&a, 1));
        assert!(props(&a, 0) != props(&same_text, 0));
        let mut prefixed = props(&a, 0);
        prefixed.id_prefix = "x-".into();
        assert!(props(&a, 0) != prefixed);
    }
}
