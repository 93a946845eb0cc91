//! The note above a transcript that reads but has odd parts ([`Transcript::warnings`]:
//! a turn naming an unknown speaker, a speaker with no turns, no turns at all): the
//! transcript still shows, with one `role="status"` note that lists the first few
//! problems, each with its JSON path, and how many more there are.
//!
//! [`Transcript::warnings`]: crate::model::Transcript::warnings

use crate::i18n::Labels;
use crate::model::Warning;
use std::rc::Rc;
use yew::prelude::*;

/// How many warnings the note lists before "and N more".
pub const SHOWN_WARNINGS: usize = 5;

/// The note's lines: the first `limit` warnings (`at turns[3].speaker: …`), then, when
/// there are more, `labels.more_warnings` with their number.
pub fn warning_lines(warnings: &[Warning], limit: usize, labels: &Labels) -> Vec<String> {
    let mut lines: Vec<String> = warnings
        .iter()
        .take(limit)
        .map(|w| labels.warning(w))
        .collect();
    let more = warnings.len().saturating_sub(limit);
    if more > 0 {
        lines.push(labels.count(&labels.more_warnings, more, &[]));
    }
    lines
}

/// Properties of [`TranscriptNotes`].
#[derive(Properties, PartialEq)]
pub struct TranscriptNotesProps {
    /// What [`Transcript::warnings`](crate::model::Transcript::warnings) found.
    pub warnings: Rc<Vec<Warning>>,
    /// Prefix of the ids rendered (see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The viewer's words.
    #[prop_or_default]
    pub labels: Rc<Labels>,
    /// The note's `lang`, where it is not the transcript's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

/// `<div class="tv-notes" role="status">` with a heading line and a list; nothing when
/// there are no warnings.
#[function_component]
pub fn TranscriptNotes(props: &TranscriptNotesProps) -> Html {
    if props.warnings.is_empty() {
        return Html::default();
    }
    let title_id = format!("{}notes-title", props.id_prefix);
    let lines = warning_lines(&props.warnings, SHOWN_WARNINGS, &props.labels);
    html! {
        <div class="tv-notes" role="status" aria-labelledby={title_id.clone()}
            lang={props.lang.clone()}>
            <p class="tv-notes-title" id={title_id}>
                { props.labels.transcript_warnings.clone() }
            </p>
            <ul>{ for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_first_few_and_counts_the_rest() {
        let labels = Labels::default();
        let unused = |i: usize| Warning::UnusedSpeaker {
            index: i,
            id: format!("s{i}"),
        };
        assert!(warning_lines(&[], 5, &labels).is_empty());
        assert_eq!(
            warning_lines(&[Warning::NoTurns], 5, &labels),
            ["at turns: the transcript has no turns"]
        );
        let many: Vec<Warning> = (0..10_000).map(unused).collect();
        let lines = warning_lines(&many, 5, &labels);
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0], "at speakers[0]: speaker \"s0\" has no turns");
        assert_eq!(lines[4], "at speakers[4]: speaker \"s4\" has no turns");
        assert_eq!(lines[5], "and 9,995 more");
        let six: Vec<Warning> = (0..6).map(unused).collect();
        assert_eq!(warning_lines(&six, 5, &labels)[5], "and 1 more");
    }
}
