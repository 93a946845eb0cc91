//! The recording: the browser's own `<audio>` or `<video>` element (keyboard and
//! screen-reader operable as it is), and the two toggles of media sync, "Follow
//! playback" and "Play shown speakers only", and the shown turns' download as WebVTT or
//! SubRip captions, as a labelled region.

use crate::i18n::{fill, Labels};
use crate::model::{safe_url, Media, MediaKind};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`MediaBar`].
#[derive(Properties, PartialEq)]
pub struct MediaBarProps {
    /// The transcript's recording, rendered as the viewer's own media element; `None`
    /// when the host's element plays it (`media_for`): then only the toggles show.
    #[prop_or_default]
    pub media: Option<Media>,
    /// Where the media element goes (for `use_playback`).
    pub node_ref: NodeRef,
    /// The transcript's title, in the element's accessible name.
    pub title: AttrValue,
    /// Prefix for the ids rendered.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// "Follow playback" is on.
    pub follow: bool,
    /// Called with the new state of "Follow playback".
    pub on_follow: Callback<bool>,
    /// Show "Play shown speakers only" (the transcript has speakers to filter).
    #[prop_or_default]
    pub can_filter: bool,
    /// "Play shown speakers only" is on.
    #[prop_or_default]
    pub shown_only: bool,
    /// Called with its new state.
    #[prop_or_default]
    pub on_shown_only: Callback<bool>,
    /// The recording failed to load.
    #[prop_or_default]
    pub failed: bool,
}

/// A caption format the shown turns can be downloaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionFormat {
    /// WebVTT, with `<v>` voices and the credit in a `NOTE`.
    WebVtt,
    /// SubRip.
    Srt,
}

/// `<section class="tv-media" aria-label="Recording">`: the media element with the
/// browser's controls and `preload="metadata"` (nothing but its length is fetched
/// until the reader plays), then the toggles as `aria-pressed` buttons. An address
/// that is not `http(s):` or relative is never rendered (the model refuses it too).
#[function_component]
pub fn MediaBar(props: &MediaBarProps) -> Html {
    let l = &props.labels;
    let name = fill(&l.recording_of, &[("title", &props.title)]);
    let element = props.media.as_ref().and_then(|m| {
        let src = safe_url(&m.url)?.to_owned();
        Some(match m.kind {
            MediaKind::Audio => html! {
                <audio ref={props.node_ref.clone()} class="tv-media-element" controls=true
                    preload="metadata" {src} aria-label={name.clone()} />
            },
            MediaKind::Video => {
                let poster = m.poster.as_deref().and_then(safe_url).map(str::to_owned);
                html! {
                    <video ref={props.node_ref.clone()} class="tv-media-element" controls=true
                        preload="metadata" playsinline=true {src} {poster}
                        aria-label={name.clone()} />
                }
            }
        })
    });
    let toggle = |label: &AttrValue, on: bool, cb: &Callback<bool>, class: &'static str| {
        let cb = cb.clone();
        html! {
            <button type="button" class={classes!("tv-toggle", class)}
                aria-pressed={if on { "true" } else { "false" }}
                onclick={Callback::from(move |_: MouseEvent| cb.emit(!on))}>
                { label.clone() }
            </button>
        }
    };
    let failed = props.failed.then(|| {
        let url = props.media.as_ref().map_or("", |m| m.url.as_str());
        html! {
            <p class="tv-media-error" role="alert">
                { fill(&l.recording_failed, &[("url", url)]) }
            </p>
        }
    });
    html! {
        <section class="tv-media" aria-label={l.recording.clone()}
            id={format!("{}media", props.id_prefix)}>
            { for element }
            { for failed }
            <div class="tv-media-controls">
                { toggle(&l.follow_playback, props.follow, &props.on_follow, "tv-follow") }
                if props.can_filter {
                    { toggle(&l.play_shown_only, props.shown_only, &props.on_shown_only,
                        "tv-shown-only") }
                }
            </div>
        </section>
    }
}
