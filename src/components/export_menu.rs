//! [`ExportMenu`]: take away what the reader sees, as plain text, Markdown, HTML or the
//! transcript's JSON ([`to_document`](crate::state::to_document)); the file is made in
//! the browser and offered as a download.

use super::media::CaptionFormat;
use crate::i18n::Labels;
use crate::state::DocumentFormat;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Prefix of the ids rendered.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// A search is on: the matches can be marked in the file.
    #[prop_or_default]
    pub can_mark: bool,
    /// Asked for a file: its format, and whether to mark the matches.
    pub on_export: Callback<(DocumentFormat, bool)>,
    /// The transcript is timed: its shown turns can be captions too.
    #[prop_or_default]
    pub captions: bool,
    /// Asked for captions.
    #[prop_or_default]
    pub on_captions: Callback<CaptionFormat>,
}

/// `<div class="tv-export-menu">`: an "Export" button (`aria-expanded`) that shows a
/// group of one button per format (WebVTT and SRT too for a timed transcript), with
/// "Mark the matches" (on by default) while a search is on.
#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let l = &props.labels;
    let open = use_state_eq(|| false);
    let marks = use_state_eq(|| true);
    let id = format!("{}export", props.id_prefix);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let name = |format: DocumentFormat| match format {
        DocumentFormat::Text => &l.export_text,
        DocumentFormat::Markdown => &l.export_markdown,
        DocumentFormat::Html => &l.export_html,
        DocumentFormat::Json => &l.export_json,
    };
    let buttons = DocumentFormat::ALL.into_iter().map(|format| {
        let on = props.on_export.clone();
        let mark = props.can_mark && *marks;
        html! {
            <button type="button"
                class={classes!("tv-export", format!("tv-export-{}", format.extension()))}
                onclick={Callback::from(move |_: MouseEvent| on.emit((format, mark)))}>
                { name(format).clone() }
            </button>
        }
    });
    let caption = |label: &AttrValue, format: CaptionFormat, class: &'static str| {
        let cb = props.on_captions.clone();
        html! {
            <button type="button" class={classes!("tv-export", class)}
                onclick={Callback::from(move |_: MouseEvent| cb.emit(format))}>
                { label.clone() }
            </button>
        }
    };
    let on_marks = {
        let marks = marks.clone();
        Callback::from(move |_: Event| marks.set(!*marks))
    };
    html! {
        <div class="tv-export-menu">
            <button type="button" class="tv-export-toggle"
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={open.then(|| id.clone())} onclick={toggle}>
                { l.export.clone() }
            </button>
            if *open {
                <div class="tv-export-options" id={id} role="group"
                    aria-label={l.export.clone()}>
                    if props.can_mark {
                        <label class="tv-toggle">
                            <input type="checkbox" class="tv-export-marks" checked={*marks}
                                onchange={on_marks} />
                            { l.export_marks.clone() }
                        </label>
                    }
                    { for buttons }
                    if props.captions {
                        { caption(&l.download_webvtt, CaptionFormat::WebVtt, "tv-export-vtt") }
                        { caption(&l.download_srt, CaptionFormat::Srt, "tv-export-srt") }
                    }
                </div>
            }
        </div>
    }
}
