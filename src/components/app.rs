//! The demo site's entry component: shows a transcript in a [`TranscriptViewer`] with a
//! list of the other bundled transcripts. On the site's pre-rendered pages it is given
//! the page's data ([`PageData`]) and renders it at once, as the build did, so that the
//! browser hydrates the page; otherwise it fetches the bundled catalog (`index.json`)
//! and the transcript the page URL asks for (`?t=<id>`), with a loading state and a
//! readable error state.
//!
//! Only [`load`]'s browser half touches the network; it is compiled for `wasm32` only,
//! so the crate still builds natively.

// Natively only the rendering half is used; the loader's helpers stay compiled (and
// unit-tested) but nothing calls them.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use super::control::ViewerControl;
use super::viewer::{with_settings, TranscriptViewer};
use crate::dates;
use crate::i18n::{fill, LabelInput, Labels};
use crate::model::{Catalog, JsonError, Transcript};
use crate::site::{page_path, query_escape, PageData};
use crate::state::ReaderState;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the catalog `index.json` and the `<id>.json` transcripts live, relative to
    /// the document's base URL (so the site works under any sub-path) or absolute.
    #[prop_or(AttrValue::Static(DEFAULT_BASE))]
    pub base: AttrValue,
    /// The page as the build rendered it: shown at once, without fetching anything, and
    /// rendered exactly as on the server, so that the browser can hydrate that markup.
    /// The catalog then links to each transcript's page (`<id>/`). `None`: fetch the
    /// catalog and the transcript the URL names (`?t=<id>`).
    #[prop_or_default]
    pub page: Option<Rc<PageData>>,
}

/// Where the site's build writes the bundled transcripts.
pub const DEFAULT_BASE: &str = "transcripts/";

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            base: AttrValue::Static(DEFAULT_BASE),
            page: None,
        }
    }
}

/// The trunk entry component: loads the catalog and one transcript and renders it as
/// the whole page ([`TranscriptViewer`] with `page`: a banner with the catalog and the
/// settings bar, then `<main>`).
///
/// Given the page's data it shows that transcript at once. Otherwise, while loading it
/// shows a `role="status"` message; when a file cannot be fetched or read it shows a
/// `role="alert"` naming the file and the error (HTTP status, network error, or JSON
/// path with line and column). With more than one bundled transcript, a `<nav>` links
/// to the others (their pages `<id>/`, or `?t=<id>` without pre-rendered pages).
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let page = use_state_eq(|| match &props.page {
        Some(data) => Page {
            catalog: Some((data.catalog.clone(), data.current)),
            content: Content::Ready(data.transcript.clone()),
        },
        None => Page::default(),
    });
    {
        let page = page.clone();
        let preloaded = props.page.is_some();
        use_effect_with((props.base.clone(), preloaded), move |(base, preloaded)| {
            let cancel = (!preloaded).then(|| load(base.clone(), move |next| page.set(next)));
            move || cancel.into_iter().for_each(|cancel| cancel())
        });
    }
    let pages = props.page.is_some();
    // The page speaks the language of the transcript it shows (or will show, once the
    // catalog says which), English before that.
    let lang = match (&page.content, &page.catalog) {
        (Content::Ready(t), _) => t.lang.clone(),
        (_, Some((catalog, current))) => catalog.transcripts[*current].lang.clone(),
        _ => String::new(),
    };
    let labels = use_memo(lang, |lang| Rc::new(Labels::for_lang(lang)));
    let labels = (*labels).clone();
    let archive = props
        .page
        .as_ref()
        .and_then(|data| data.catalog_pages.clone())
        .map(AttrValue::from);
    let nav = match &page.catalog {
        Some((catalog, current)) if catalog.transcripts.len() > 1 || archive.is_some() => html! {
            <CatalogNav catalog={catalog.clone()} current={*current} {pages}
                labels={labels.clone()} {archive} />
        },
        _ => Html::default(),
    };
    let page_href = props
        .page
        .as_ref()
        .map(|data| AttrValue::from(data.path.clone()))
        .unwrap_or_default();
    // A pre-rendered page holds every turn: its hydration renders them all at once.
    let render_batch = if pages {
        0
    } else {
        super::DEFAULT_RENDER_BATCH
    };
    match &page.content {
        Content::Ready(transcript) => html! {
            <TranscriptViewer transcript={transcript.clone()} sync_url=true page=true
                header={nav} {page_href} {render_batch} prerendered={pages}
                labels={labels.clone()} />
        },
        Content::Loading => html! {
            <PageShell {nav} lang={labels.lang()}>
                <p class="tv-status" role="status">{ labels.loading.clone() }</p>
            </PageShell>
        },
        Content::Failed(error) => html! {
            <PageShell {nav} lang={labels.lang()}>
                <LoadErrorView error={error.clone()} {labels} />
            </PageShell>
        },
    }
}

/// Properties of [`RemoteTranscript`].
#[derive(Properties, PartialEq)]
pub struct RemoteTranscriptProps {
    /// The transcript JSON's URL, relative to the document's base URL or absolute.
    pub src: AttrValue,
    /// As [`TranscriptViewerProps::id_prefix`](super::TranscriptViewerProps::id_prefix).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// As [`TranscriptViewerProps::lang`](super::TranscriptViewerProps::lang); until
    /// the transcript is there, the language of the loading and error messages
    /// (English when empty).
    #[prop_or_default]
    pub lang: AttrValue,
    /// A host's own words, applied ([`Labels::apply`]) over the built-in ones for
    /// `lang` (or, without it, the transcript's language).
    #[prop_or_default]
    pub labels: Rc<BTreeMap<String, LabelInput>>,
    /// The language of the page around the viewer (its element's `lang`, inherited):
    /// the loading and error messages' when `lang` is not given, until the transcript
    /// says its own.
    #[prop_or_default]
    pub host_lang: AttrValue,
    /// As [`TranscriptViewerProps::initial_state`](super::TranscriptViewerProps::initial_state).
    #[prop_or_default]
    pub initial_state: Option<crate::state::ViewState>,
    /// As [`TranscriptViewerProps::show_settings`](super::TranscriptViewerProps::show_settings).
    #[prop_or(true)]
    pub show_settings: bool,
    /// As [`TranscriptViewerProps::store_settings`](super::TranscriptViewerProps::store_settings).
    #[prop_or(true)]
    pub store_settings: bool,
    /// As [`TranscriptViewerProps::media_for`](super::TranscriptViewerProps::media_for).
    #[prop_or_default]
    pub media_for: AttrValue,
    /// As [`TranscriptViewerProps::on_change`](super::TranscriptViewerProps::on_change).
    #[prop_or_default]
    pub on_change: Callback<ReaderState>,
    /// As [`TranscriptViewerProps::control`](super::TranscriptViewerProps::control).
    #[prop_or_default]
    pub control: Option<ViewerControl>,
}

/// The words for a viewer: the built-in ones for `lang` (or, when empty, `fallback`),
/// with the host's `given` applied (checked already: a label that does not fit is
/// left as built in).
pub(crate) fn labels_for(
    lang: &str,
    fallback: &str,
    given: &BTreeMap<String, LabelInput>,
) -> Labels {
    let mut labels = Labels::for_lang(if lang.is_empty() { fallback } else { lang });
    let _ = labels.apply(given);
    labels
}

/// Fetches the transcript at `src` and shows it in an embedded [`TranscriptViewer`]
/// (not a page: one labelled region, no URL sync). While loading it shows a
/// `role="status"` message, and when the file cannot be fetched or read a
/// `role="alert"` naming the URL and the error, as [`App`] does.
#[function_component]
pub fn RemoteTranscript(props: &RemoteTranscriptProps) -> Html {
    let content = use_state_eq(|| Content::Loading);
    {
        let content = content.clone();
        use_effect_with(props.src.clone(), move |src| {
            load_one(src.to_string(), move |next| content.set(next))
        });
    }
    let transcript_lang = match &*content {
        Content::Ready(t) => t.lang.clone(),
        _ => props.host_lang.to_string(),
    };
    let labels = use_memo(
        (props.lang.clone(), transcript_lang, props.labels.clone()),
        |(lang, fallback, given)| Rc::new(labels_for(lang, fallback, given)),
    );
    let labels: Rc<Labels> = (*labels).clone();
    // Without words of the host's, the viewer picks its own for the language.
    let given = (!props.labels.is_empty()).then(|| labels.clone());
    match &*content {
        Content::Ready(transcript) => html! {
            <TranscriptViewer transcript={transcript.clone()}
                id_prefix={props.id_prefix.clone()} labels={given}
                lang={props.lang.clone()}
                initial_state={props.initial_state.clone()}
                show_settings={props.show_settings} store_settings={props.store_settings}
                media_for={props.media_for.clone()} on_change={props.on_change.clone()}
                control={props.control.clone()} />
        },
        Content::Loading => html! {
            <div class="tv-root" lang={labels.lang()}>
                <p class="tv-status" role="status">{ labels.loading.clone() }</p>
            </div>
        },
        Content::Failed(error) => html! {
            <div class="tv-root" lang={labels.lang()}>
                <LoadErrorView error={error.clone()} {labels} />
            </div>
        },
    }
}

/// Starts loading one transcript from `url`, reporting the result to `update`; returns
/// the effect's clean-up, which stops reporting.
#[cfg(target_arch = "wasm32")]
fn load_one(url: String, update: impl Fn(Content) + 'static) -> impl FnOnce() {
    let cancelled = Rc::new(std::cell::Cell::new(false));
    let guard = cancelled.clone();
    yew::platform::spawn_local(async move {
        let report = |content: Content| {
            if !guard.get() {
                update(content)
            }
        };
        report(Content::Loading);
        report(match fetch_transcript(&url).await {
            Ok(transcript) => Content::Ready(Rc::new(transcript)),
            Err((url, kind)) => Content::Failed(Rc::new(LoadError::transcript(url, kind))),
        });
    });
    move || cancelled.set(true)
}

/// Natively there is no network: the component stays in its loading state.
#[cfg(not(target_arch = "wasm32"))]
fn load_one(_url: String, _update: impl Fn(Content) + 'static) -> impl FnOnce() {
    || ()
}

/// Fetches and reads one transcript: the transcript, or the resolved URL and what failed.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn fetch_transcript(url: &str) -> Result<Transcript, (String, LoadErrorKind)> {
    let (url, text) = browser::fetch_text(url).await?;
    Transcript::from_json(&text).map_err(|e| (url, LoadErrorKind::Json(e)))
}

/// Properties of [`PageShell`].
#[derive(Properties, PartialEq)]
struct PageShellProps {
    /// The catalog's navigation, if any.
    nav: Html,
    /// The language of the words shown.
    lang: AttrValue,
    /// What `<main>` holds.
    children: Html,
}

/// The page around the loading and error states, laid out like the viewer's page (a
/// banner with the catalog, then `<main>`) and in the reader's stored colours and size,
/// so that the page does not flash another scheme before the transcript shows.
#[function_component]
fn PageShell(props: &PageShellProps) -> Html {
    let settings = use_memo((), |()| super::dom::stored_settings());
    with_settings(
        html! {
            <div class="tv-root tv-page" lang={props.lang.clone()}>
                if props.nav != Html::default() {
                    <header class="tv-banner">{ props.nav.clone() }</header>
                }
                <main class="tv-main">{ props.children.clone() }</main>
            </div>
        },
        &settings,
    )
}

/// What the app shows: the catalog once known (with the index of the entry shown) and
/// the transcript, its loading state or what went wrong.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub catalog: Option<(Rc<Catalog>, usize)>,
    pub content: Content,
}

/// The main area of [`Page`].
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Content {
    #[default]
    Loading,
    Failed(Rc<LoadError>),
    Ready(Rc<Transcript>),
}

/// Why a file of the site could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// Which file: the catalog or a transcript.
    pub file: FileKind,
    /// The address fetched, resolved against the document's base URL.
    pub url: String,
    /// What went wrong.
    pub kind: LoadErrorKind,
}

/// The two kinds of file the app loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Catalog,
    Transcript,
}

/// What went wrong while loading a file.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadErrorKind {
    /// The request never got a response (offline, blocked, bad address).
    Network(String),
    /// The server answered with an error status.
    Http { status: u16, status_text: String },
    /// The file is not valid JSON for its schema.
    Json(JsonError),
    /// The catalog lists no transcripts.
    EmptyCatalog,
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadErrorKind::Network(detail) => write!(f, "Network error: {detail}"),
            LoadErrorKind::Http {
                status,
                status_text,
            } if status_text.is_empty() => write!(f, "HTTP {status}"),
            LoadErrorKind::Http {
                status,
                status_text,
            } => write!(f, "HTTP {status} {status_text}"),
            LoadErrorKind::Json(e) => write!(f, "Invalid JSON: {e}"),
            LoadErrorKind::EmptyCatalog => f.write_str("The catalog lists no transcripts."),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.url, self.kind)
    }
}

impl std::error::Error for LoadError {}

impl FileKind {
    fn heading(self, labels: &Labels) -> &AttrValue {
        match self {
            FileKind::Catalog => &labels.catalog_failed,
            FileKind::Transcript => &labels.transcript_failed,
        }
    }
}

impl LoadErrorKind {
    /// What went wrong, in `labels`' words (a JSON error's own message, with its
    /// path, line and column, stays as the reader wrote it).
    pub fn describe(&self, labels: &Labels) -> String {
        match self {
            LoadErrorKind::Network(detail) => fill(&labels.network_error, &[("detail", detail)]),
            LoadErrorKind::Http {
                status,
                status_text,
            } => {
                let status = format!("{status} {status_text}");
                fill(&labels.http_error, &[("status", status.trim_end())])
            }
            LoadErrorKind::Json(e) => fill(&labels.invalid_json, &[("detail", &e.to_string())]),
            LoadErrorKind::EmptyCatalog => labels.empty_catalog.to_string(),
        }
    }
}

/// Properties of [`LoadErrorView`].
#[derive(Properties, PartialEq)]
pub struct LoadErrorViewProps {
    pub error: Rc<LoadError>,
    /// The words to say it in.
    #[prop_or_default]
    pub labels: Rc<Labels>,
}

/// The `role="alert"` error state: what failed, which file, and why.
#[function_component]
pub fn LoadErrorView(props: &LoadErrorViewProps) -> Html {
    let (e, l) = (&props.error, &props.labels);
    html! {
        <div class="tv-error" role="alert">
            <h1 class="tv-error-title">{ e.file.heading(l).clone() }</h1>
            <p>{ l.error_file.clone() }{ " " }<code class="tv-error-url">{ e.url.clone() }</code></p>
            <p class="tv-error-detail">{ e.kind.describe(l) }</p>
        </div>
    }
}

/// Properties of [`CatalogNav`].
#[derive(Properties, PartialEq)]
pub struct CatalogNavProps {
    pub catalog: Rc<Catalog>,
    /// Index of the entry shown.
    pub current: usize,
    /// The viewer's words: the navigation's name ("Transcripts") and its button's
    /// ("All 3 transcripts").
    #[prop_or_default]
    pub labels: Rc<Labels>,
    /// Link to each transcript's pre-rendered page, `<id>/` (relative to the document's
    /// base URL), instead of `?t=<id>`.
    #[prop_or_default]
    pub pages: bool,
    /// The address of the archive's catalog pages (relative to the document's base
    /// URL), when `catalog` holds only the entry shown of a larger archive
    /// ([`PageData::catalog_pages`]): the navigation is one link there, "All
    /// transcripts", instead of the list.
    #[prop_or_default]
    pub archive: Option<AttrValue>,
}

/// `<nav class="tv-catalog">` named "Transcripts": a disclosure (`<details>`, so that it
/// opens without JavaScript too) whose `<summary>` says "All 3 transcripts" and whose
/// list links to each transcript's page (`<id>/`, see [`page_path`]) or `?t=<id>`, with
/// its date, the one shown marked `aria-current="page"`. It goes in a `.tv-root`'s
/// banner, one line high while closed.
///
/// In an archive (`archive`) it is a link to the catalog pages instead, saying "All
/// transcripts" (the pages' own words, [`crate::catalog::html::Words`]), without a
/// count, so that a page does not change when transcripts are added to the archive.
#[function_component]
pub fn CatalogNav(props: &CatalogNavProps) -> Html {
    let l = &props.labels;
    if let Some(href) = &props.archive {
        let words = crate::catalog::html::Words::for_lang(l.lang());
        return html! {
            <nav class="tv-catalog" aria-label={l.transcripts.clone()}>
                <a class="tv-catalog-toggle tv-catalog-archive" href={href.clone()}>
                    <svg class="tv-icon" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M4 6h16M4 12h16M4 18h16" />
                    </svg>
                    { words.all }
                </a>
                <a class="tv-catalog-search" href={SEARCH_PATH}>{ l.search_transcripts.clone() }</a>
            </nav>
        };
    }
    let items = props
        .catalog
        .transcripts
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let current = (i == props.current).then_some("page");
            let date = entry.date.as_deref().map(|d| dates::format(d, &entry.lang));
            let href = if props.pages {
                page_path(&entry.id)
            } else {
                format!("?t={}", query_escape(&entry.id))
            };
            html! {
                <li key={entry.id.clone()}>
                    <a {href} aria-current={current}
                        lang={entry.lang.clone()}>
                        <span class="tv-catalog-title" dir="auto">{ entry.title.clone() }</span>
                        if let Some(date) = date {
                            <span class="tv-visually-hidden">{ ", " }</span>
                            <span class="tv-catalog-date">{ date }</span>
                        }
                    </a>
                </li>
            }
        });
    let count = props.catalog.transcripts.len();
    html! {
        <nav class="tv-catalog" aria-label={l.transcripts.clone()}>
            <details class="tv-catalog-menu">
                <summary class="tv-catalog-toggle">
                    <svg class="tv-icon" viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M4 6h16M4 12h16M4 18h16" />
                    </svg>
                    { l.count(&l.all_transcripts, count, &[]) }
                </summary>
                <ul class="tv-catalog-list">{ for items }</ul>
                if props.pages {
                    <p class="tv-catalog-search-item">
                        <a class="tv-catalog-search" href={SEARCH_PATH}>
                            { l.search_transcripts.clone() }
                        </a>
                    </p>
                }
            </details>
        </nav>
    }
}

/// The archive search's page, relative to the site's root (www/search/).
pub const SEARCH_PATH: &str = "search/";

/// The entry to show: the one whose id is `requested`, else the first.
pub fn pick_entry(catalog: &Catalog, requested: Option<&str>) -> usize {
    requested
        .and_then(|id| catalog.transcripts.iter().position(|e| e.id == id))
        .unwrap_or(0)
}

/// `base` joined with a file name, adding the `/` between them when missing.
pub fn join_url(base: &str, file: &str) -> String {
    if base.is_empty() || base.ends_with('/') {
        format!("{base}{file}")
    } else {
        format!("{base}/{file}")
    }
}

/// Reads the catalog ([`Catalog::from_json`]), checking that it lists something.
pub fn parse_catalog(text: &str) -> Result<Catalog, LoadErrorKind> {
    let catalog = Catalog::from_json(text).map_err(LoadErrorKind::Json)?;
    if catalog.transcripts.is_empty() {
        return Err(LoadErrorKind::EmptyCatalog);
    }
    Ok(catalog)
}

/// Starts loading the catalog and a transcript from `base`, reporting each step to
/// `update`; returns the effect's clean-up, which stops reporting (a newer load wins).
#[cfg(target_arch = "wasm32")]
fn load(base: AttrValue, update: impl Fn(Page) + 'static) -> impl FnOnce() {
    let cancelled = Rc::new(std::cell::Cell::new(false));
    let guard = cancelled.clone();
    yew::platform::spawn_local(async move {
        let report = |page: Page| {
            if !guard.get() {
                update(page)
            }
        };
        report(Page::default());
        let failed = |catalog, error| Page {
            catalog,
            content: Content::Failed(Rc::new(error)),
        };
        let catalog_url = join_url(&base, "index.json");
        let result = match browser::fetch_text(&catalog_url).await {
            Ok((url, text)) => parse_catalog(&text).map_err(|kind| (url, kind)),
            Err(e) => Err(e),
        };
        let catalog = match result {
            Ok(catalog) => Rc::new(catalog),
            Err((url, kind)) => return report(failed(None, LoadError::catalog(url, kind))),
        };
        let current = pick_entry(&catalog, browser::requested_id().as_deref());
        let id = &catalog.transcripts[current].id;
        let with_catalog = Some((catalog.clone(), current));
        report(Page {
            catalog: with_catalog.clone(),
            content: Content::Loading,
        });
        let url = join_url(&base, &format!("{}.json", query_escape(id)));
        match fetch_transcript(&url).await {
            Ok(transcript) => {
                browser::set_title(&transcript.display_title(), &transcript.lang);
                report(Page {
                    catalog: with_catalog,
                    content: Content::Ready(Rc::new(transcript)),
                });
            }
            Err((url, kind)) => report(failed(with_catalog, LoadError::transcript(url, kind))),
        }
    });
    move || cancelled.set(true)
}

/// Natively there is no network: the app stays in its loading state (this is what a
/// server-side render shows before the browser takes over).
#[cfg(not(target_arch = "wasm32"))]
fn load(_base: AttrValue, _update: impl Fn(Page) + 'static) -> impl FnOnce() {
    || ()
}

impl LoadError {
    fn catalog(url: String, kind: LoadErrorKind) -> Self {
        LoadError {
            file: FileKind::Catalog,
            url,
            kind,
        }
    }

    fn transcript(url: String, kind: LoadErrorKind) -> Self {
        LoadError {
            file: FileKind::Transcript,
            url,
            kind,
        }
    }
}

/// The browser calls behind [`load`].
#[cfg(target_arch = "wasm32")]
mod browser {
    use super::LoadErrorKind;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// `url` resolved against the document's base URL (`<base href>`), as `fetch`
    /// resolves it; unchanged if that fails.
    fn resolve(url: &str) -> String {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten());
        base.and_then(|b| web_sys::Url::new_with_base(url, &b).ok())
            .map(|u| u.href())
            .unwrap_or_else(|| url.to_string())
    }

    /// The `t` parameter of the page's query string.
    pub fn requested_id() -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get("t")
    }

    /// Shows the transcript's title in the browser tab, and gives the page its
    /// language, as the build does for a pre-rendered page.
    pub fn set_title(title: &str, lang: &str) {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            let suffix = super::Labels::for_lang(lang).site_title_suffix;
            doc.set_title(&format!("{title}{suffix}"));
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang);
            }
        }
    }

    /// GETs `url` as text: `(resolved url, body)` or `(resolved url, what failed)`.
    pub async fn fetch_text(url: &str) -> Result<(String, String), (String, LoadErrorKind)> {
        let url = resolve(url);
        match fetch(&url).await {
            Ok(text) => Ok((url, text)),
            Err(kind) => Err((url, kind)),
        }
    }

    async fn fetch(url: &str) -> Result<String, LoadErrorKind> {
        let network = |e: JsValue| LoadErrorKind::Network(describe(&e));
        let window = web_sys::window().ok_or_else(|| LoadErrorKind::Network("no window".into()))?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(network)?
            .dyn_into()
            .map_err(network)?;
        if !response.ok() {
            return Err(LoadErrorKind::Http {
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let text = JsFuture::from(response.text().map_err(network)?)
            .await
            .map_err(network)?;
        text.as_string()
            .ok_or_else(|| LoadErrorKind::Network("the response body is not text".into()))
    }

    /// A JS exception as text: an `Error`'s message, a string, or its debug form.
    fn describe(e: &JsValue) -> String {
        if let Some(err) = e.dyn_ref::<js_sys::Error>() {
            String::from(err.message())
        } else if let Some(s) = e.as_string() {
            s
        } else {
            format!("{e:?}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_requested_entry_or_the_first() {
        let c = Catalog::of_ids(&["a", "b", "c"]);
        assert_eq!(pick_entry(&c, Some("b")), 1);
        assert_eq!(pick_entry(&c, Some("c")), 2);
        assert_eq!(pick_entry(&c, Some("zzz")), 0);
        assert_eq!(pick_entry(&c, Some("")), 0);
        assert_eq!(pick_entry(&c, None), 0);
    }

    #[test]
    fn joins_base_and_file() {
        assert_eq!(
            join_url("transcripts/", "index.json"),
            "transcripts/index.json"
        );
        assert_eq!(
            join_url("transcripts", "index.json"),
            "transcripts/index.json"
        );
        assert_eq!(join_url("", "index.json"), "index.json");
        assert_eq!(join_url("/a/b/", "x.json"), "/a/b/x.json");
    }

    #[test]
    fn reads_a_catalog() {
        let json = r#"{"schema":2,"transcripts":[{"id":"a","title":"A","lang":"en"}]}"#;
        assert_eq!(
            parse_catalog(json),
            Ok(Catalog::of_ids(&["a"])).map(|mut c| {
                c.transcripts[0].title = "A".into();
                c
            })
        );
    }

    #[test]
    fn catalog_errors_name_path_and_position() {
        let json = "{\"schema\":1,\n\"transcripts\":[{\"id\":7}]}";
        let Err(LoadErrorKind::Json(e)) = parse_catalog(json) else {
            panic!("expected a JSON error");
        };
        assert_eq!(e.path, "transcripts[0].id");
        assert_eq!((e.line, e.column), (2, 22));
        assert_eq!(
            e.to_string(),
            "line 2, column 22: at transcripts[0].id: invalid type: integer `7`, expected a string"
        );
        let Err(LoadErrorKind::Json(e)) = parse_catalog(r#"{"schema":3,"transcripts":[]}"#) else {
            panic!("expected a schema error");
        };
        assert_eq!(e.path, "schema");
        assert_eq!(
            parse_catalog(r#"{"schema":1,"transcripts":[]}"#),
            Err(LoadErrorKind::EmptyCatalog)
        );
        let Err(LoadErrorKind::Json(e)) = parse_catalog(r#"{"schema":1,"transcripts":[]}}"#) else {
            panic!("expected an error for what follows the document");
        };
        assert_eq!(e.to_string(), "line 1, column 30: trailing characters");
    }

    #[test]
    fn load_errors_read_well() {
        let e = LoadError::catalog(
            "http://x/transcripts/index.json".into(),
            LoadErrorKind::Http {
                status: 404,
                status_text: "Not Found".into(),
            },
        );
        assert_eq!(
            e.to_string(),
            "http://x/transcripts/index.json: HTTP 404 Not Found"
        );
        let kind = LoadErrorKind::Http {
            status: 500,
            status_text: String::new(),
        };
        assert_eq!(kind.to_string(), "HTTP 500");
        let kind = LoadErrorKind::Network("Failed to fetch".into());
        assert_eq!(kind.to_string(), "Network error: Failed to fetch");
    }
}
