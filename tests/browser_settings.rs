#![cfg(target_arch = "wasm32")]
//! Browser suite for the View settings bar: mounts the real `TranscriptViewer`, operates
//! the bar's native controls (clicks on radios and buttons), waits for Yew with
//! `yew::scheduler::flush()`, and checks what the stylesheet and the reader get: the
//! root's `data-*` attributes, the custom properties and computed styles they select,
//! `localStorage` (written, restored on a new mount, a corrupt value ignored, storage
//! that throws or is full, and what the reader set in the page outliving a full one), Reset, the disclosure's `aria-expanded`, the skip link and
//! the embedded viewer's region. The settings logic itself is tested natively in
//! `src/settings.rs`, the colours in `tests/contrast.rs`; keyboard operation in a real
//! browser in `tests/a11y/`.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_settings`.

use std::rc::Rc;
use transcript_viewer::components::TranscriptViewerProps;
use transcript_viewer::settings::{Font, FontSize, Scheme, Settings, Spacing, STORAGE_KEY};
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

const TALKS: &str = r#"{"schema":1,"lang":"en","title":"Russian-Belarusian talks",
"summary":["Vladimir Putin held a meeting with President of Belarus Alexander Lukashenko."],
"speakers":[
 {"id":"vladimir-putin","name":"Vladimir Putin","role":"President of Russia"},
 {"id":"alexander-lukashenko","name":"Alexander Lukashenko","role":"President of the Republic of Belarus"}],
"turns":[
 {"id":"t1","speaker":"vladimir-putin","paragraphs":["Mr President,","Let me warmheartedly welcome you to Moscow."]},
 {"id":"t2","speaker":"alexander-lukashenko","paragraphs":["Thank you, Mr President."]}],
"source":{"file":"talks.txt"}}"#;

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn stored() -> Option<String> {
    storage().get_item(STORAGE_KEY).unwrap()
}

struct Mounted {
    root: Element,
    handle: yew::AppHandle<TranscriptViewer>,
}

impl Mounted {
    /// The viewer's own root element (`.tv-root`).
    fn viewer(&self) -> Element {
        one(&self.root, ".tv-root")
    }
}

async fn mount_with(props: TranscriptViewerProps) -> Mounted {
    add_stylesheet();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted { root, handle }
}

fn transcript() -> Rc<Transcript> {
    Rc::new(Transcript::from_json(TALKS).expect("fixture parses"))
}

async fn mount() -> Mounted {
    mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript()
    }))
    .await
}

async fn unmount(m: Mounted) {
    m.handle.destroy();
    yew::scheduler::flush().await;
    m.root.remove();
}

fn radio(root: &Element, name: &str, value: &str) -> HtmlInputElement {
    one(
        root,
        &format!("input[type=radio][name={name}][value=\"{value}\"]"),
    )
    .dyn_into()
    .unwrap()
}

fn checked(root: &Element, name: &str) -> Vec<String> {
    all(root, &format!("input[type=radio][name={name}]"))
        .into_iter()
        .map(|e| e.dyn_into::<HtmlInputElement>().unwrap())
        .filter(|i| i.checked())
        .map(|i| i.value())
        .collect()
}

async fn choose(root: &Element, name: &str, value: &str) {
    click(&radio(root, name, value)).await;
}

/// The settings as the root's attributes, in `Settings::to_attributes` order.
fn root_attributes(viewer: &Element) -> Vec<(String, String)> {
    transcript_viewer::settings::ATTRIBUTES
        .iter()
        .map(|name| (name.to_string(), attr(viewer, name).unwrap_or_default()))
        .collect()
}

fn expected_attributes(s: &Settings) -> Vec<(String, String)> {
    s.to_attributes()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A length in px from a computed value such as `27px`.
fn px(value: &str) -> f64 {
    value
        .strip_suffix("px")
        .unwrap_or_else(|| panic!("not px: {value:?}"))
        .parse()
        .unwrap()
}

async fn open_bar(m: &Mounted) {
    let toggle = one(&m.root, ".tv-settings-toggle");
    if attr(&toggle, "aria-expanded").as_deref() != Some("true") {
        click(&toggle).await;
    }
}

fn announcement(root: &Element) -> String {
    text(&one(root, ".tv-announcement[role=status]"))
}

fn clear_storage() {
    storage().remove_item(STORAGE_KEY).unwrap();
}

/// Runs `js` as a function body with no arguments and returns its result.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Makes reading `window.localStorage` throw a `SecurityError` (as with cookies
/// blocked) until dropped.
struct BlockedStorage;

impl BlockedStorage {
    fn install() -> Self {
        js(
            "const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
            window.__tvSavedStorage = own || null;
            Object.defineProperty(window, 'localStorage', {
                configurable: true,
                get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
            });",
        );
        BlockedStorage
    }
}

impl Drop for BlockedStorage {
    fn drop(&mut self) {
        js("const saved = window.__tvSavedStorage;
            if (saved) { Object.defineProperty(window, 'localStorage', saved); }
            else { delete window.localStorage; }
            delete window.__tvSavedStorage;");
    }
}

/// Makes `localStorage.setItem` throw a `QuotaExceededError` (storage full) until
/// dropped.
struct FullStorage;

impl FullStorage {
    fn install() -> Self {
        js("window.__tvSetItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function () {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            };");
        FullStorage
    }
}

impl Drop for FullStorage {
    fn drop(&mut self) {
        js("Storage.prototype.setItem = window.__tvSetItem; delete window.__tvSetItem;");
    }
}

#[wasm_bindgen_test]
async fn the_bar_is_a_collapsed_disclosure_that_expands() {
    clear_storage();
    let m = mount().await;
    let toggle = one(
        &m.root,
        ".tv-banner .tv-settings > button.tv-settings-toggle",
    );
    assert_eq!(text(&toggle).trim(), "View settings");
    assert_eq!(attr(&toggle, "type").as_deref(), Some("button"));
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    // Collapsed, the form is not there at all (nor in the tab order).
    assert!(all(&m.root, "form, input[type=radio]").is_empty());
    assert_eq!(attr(&toggle, "aria-controls"), None);

    click(&toggle).await;
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("true"));
    let panel = one(&m.root, "form.tv-settings-panel");
    assert_eq!(attr(&toggle, "aria-controls"), Some(panel.id()));
    assert_eq!(panel.id(), "settings");
    assert_eq!(attr(&panel, "aria-label").as_deref(), Some("View settings"));
    assert_eq!(computed(&panel, "display"), "grid");
    // Every group is a fieldset named by its legend.
    let legends: Vec<String> = all(&panel, "fieldset.tv-setting > legend")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        legends,
        [
            "Font size",
            "Site colours",
            "Letter spacing",
            "Line spacing",
            "Word spacing",
            "Font"
        ]
    );
    // Every radio has a visible label around it.
    for input in all(&panel, "input[type=radio]") {
        let label = input.closest("label.tv-choice").unwrap().unwrap();
        assert!(!text(&label).trim().is_empty(), "{}", label.outer_html());
    }
    // The open state is remembered with the settings.
    assert!(Settings::from_json(&stored().unwrap()).open);

    click(&toggle).await;
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    assert!(all(&m.root, "form").is_empty());
    assert!(!panel.is_connected());
    assert_eq!(stored(), None);
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn the_root_carries_the_settings_as_attributes_not_styles() {
    clear_storage();
    let m = mount().await;
    let viewer = m.viewer();
    assert_eq!(
        root_attributes(&viewer),
        expected_attributes(&Settings::default())
    );
    assert_eq!(attr(&viewer, "data-scheme").as_deref(), Some("system"));
    open_bar(&m).await;
    assert_eq!(checked(&m.root, "tv-scheme"), ["system"]);
    assert_eq!(checked(&m.root, "tv-size"), ["100"]);
    assert_eq!(checked(&m.root, "tv-letter"), ["normal"]);
    assert_eq!(checked(&m.root, "tv-line"), ["normal"]);
    assert_eq!(checked(&m.root, "tv-word"), ["normal"]);
    assert_eq!(checked(&m.root, "tv-font"), ["sans"]);
    choose(&m.root, "tv-scheme", "brown-on-beige").await;
    choose(&m.root, "tv-size", "150").await;
    choose(&m.root, "tv-font", "serif").await;
    // Nothing anywhere in the viewer is styled inline (the site's CSP forbids it).
    assert!(
        all(&m.root, "[style]").is_empty(),
        "{}",
        m.root.inner_html()
    );
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn every_scheme_applies_its_colours_to_the_root_only() {
    clear_storage();
    let m = mount().await;
    open_bar(&m).await;
    let viewer = m.viewer();
    let body_background = computed(&document().body().unwrap(), "background-color");
    let cases = [
        ("black-on-white", "#ffffff", "#000000", "rgb(255, 255, 255)"),
        ("white-on-black", "#000000", "#ffffff", "rgb(0, 0, 0)"),
        (
            "dark-blue-on-light-blue",
            "#d4e9fc",
            "#062a5c",
            "rgb(212, 233, 252)",
        ),
        ("brown-on-beige", "#f5ecd9", "#3d2411", "rgb(245, 236, 217)"),
        ("dark", "#16181b", "#ecebe6", "rgb(22, 24, 27)"),
        ("light", "#fdfcf8", "#1b1b1b", "rgb(253, 252, 248)"),
    ];
    for (scheme, bg, fg, background) in cases {
        choose(&m.root, "tv-scheme", scheme).await;
        assert_eq!(attr(&viewer, "data-scheme").as_deref(), Some(scheme));
        assert_eq!(checked(&m.root, "tv-scheme"), [scheme]);
        assert_eq!(computed(&viewer, "--tv-bg"), bg, "{scheme}");
        assert_eq!(computed(&viewer, "--tv-fg"), fg, "{scheme}");
        assert_eq!(
            computed(&viewer, "background-color"),
            background,
            "{scheme}"
        );
        // The scheme's sample keeps its own colours whatever the scheme.
        let sample = one(&m.root, "[data-swatch=\"white-on-black\"]");
        assert_eq!(computed(&sample, "background-color"), "rgb(0, 0, 0)");
        // The page around the viewer is left alone.
        assert_eq!(
            computed(&document().body().unwrap(), "background-color"),
            body_background
        );
        assert_eq!(computed(&document().body().unwrap(), "--tv-bg"), "");
    }
    // Back to following the system.
    choose(&m.root, "tv-scheme", "system").await;
    assert_eq!(attr(&viewer, "data-scheme").as_deref(), Some("system"));
    assert!(!computed(&viewer, "--tv-bg").is_empty());
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn font_size_radios_and_smaller_larger_buttons() {
    clear_storage();
    let m = mount().await;
    open_bar(&m).await;
    let viewer = m.viewer();
    let p = one(&m.root, "#t1-p2");
    let base = px(&computed(&viewer, "font-size"));
    assert_eq!(base, 18.0);
    choose(&m.root, "tv-size", "150").await;
    assert_eq!(attr(&viewer, "data-size").as_deref(), Some("150"));
    assert_eq!(px(&computed(&viewer, "font-size")), 27.0);
    assert_eq!(px(&computed(&p, "font-size")), 27.0);

    let larger = one(&m.root, "button.tv-size-larger");
    let smaller = one(&m.root, "button.tv-size-smaller");
    assert_eq!(text(&larger).trim(), "A+Larger");
    click(&larger).await;
    assert_eq!(checked(&m.root, "tv-size"), ["175"]);
    assert_eq!(announcement(&m.root), "Font size 175%");
    click(&larger).await;
    assert_eq!(attr(&viewer, "data-size").as_deref(), Some("200"));
    assert_eq!(px(&computed(&viewer, "font-size")), 36.0);
    assert_eq!(attr(&larger, "aria-disabled").as_deref(), Some("true"));
    // At the end it stays there, and stays focusable.
    click(&larger).await;
    assert_eq!(attr(&viewer, "data-size").as_deref(), Some("200"));
    assert!(!larger.has_attribute("disabled"));
    for _ in 0..5 {
        click(&smaller).await;
    }
    assert_eq!(attr(&viewer, "data-size").as_deref(), Some("100"));
    assert_eq!(attr(&smaller, "aria-disabled").as_deref(), Some("true"));
    assert_eq!(attr(&larger, "aria-disabled").as_deref(), Some("false"));
    assert_eq!(announcement(&m.root), "Font size 100%");
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn spacing_and_font_settings_reach_the_text() {
    clear_storage();
    let m = mount().await;
    open_bar(&m).await;
    let viewer = m.viewer();
    let p = one(&m.root, "#t1-p2");
    let h1 = one(&m.root, "h1");
    choose(&m.root, "tv-letter", "widest").await;
    choose(&m.root, "tv-line", "widest").await;
    choose(&m.root, "tv-word", "wider").await;
    choose(&m.root, "tv-font", "legible").await;
    assert_eq!(
        root_attributes(&viewer),
        expected_attributes(&Settings {
            letter: Spacing::Widest,
            line: Spacing::Widest,
            word: Spacing::Wider,
            font: Font::Legible,
            ..Settings::default()
        })
    );
    // 0.12em and 0.16em of each element's own size; line height 2.5.
    let size = px(&computed(&p, "font-size"));
    assert!((px(&computed(&p, "letter-spacing")) - 0.12 * size).abs() < 0.05);
    assert!((px(&computed(&p, "word-spacing")) - 0.16 * size).abs() < 0.05);
    assert!((px(&computed(&p, "line-height")) - 2.5 * size).abs() < 0.05);
    let h1_size = px(&computed(&h1, "font-size"));
    assert!(h1_size > size);
    assert!((px(&computed(&h1, "letter-spacing")) - 0.12 * h1_size).abs() < 0.05);
    assert!(computed(&viewer, "font-family").starts_with("\"atkinson hyperlegible\""));
    assert!(computed(&p, "font-family").starts_with("\"atkinson hyperlegible\""));
    // Each font's name is shown in that font.
    let serif = one(&m.root, "[data-font-sample=serif]");
    assert!(computed(&serif, "font-family").ends_with("serif"));
    assert!(!computed(&serif, "font-family").contains("atkinson"));
    choose(&m.root, "tv-font", "serif").await;
    assert!(computed(&p, "font-family").starts_with("charter"));
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn settings_are_stored_and_restored_on_the_next_mount() {
    clear_storage();
    let m = mount().await;
    // Mounting alone stores nothing.
    assert_eq!(stored(), None);
    open_bar(&m).await;
    choose(&m.root, "tv-scheme", "white-on-black").await;
    choose(&m.root, "tv-size", "175").await;
    choose(&m.root, "tv-line", "wider").await;
    let want = Settings {
        scheme: Scheme::WhiteOnBlack,
        size: FontSize::Percent175,
        line: Spacing::Wider,
        open: true,
        ..Settings::default()
    };
    let json = stored().expect("settings stored");
    assert_eq!(Settings::from_json(&json), want);
    assert_eq!(json, want.to_json());
    unmount(m).await;

    let m = mount().await;
    let viewer = m.viewer();
    assert_eq!(root_attributes(&viewer), expected_attributes(&want));
    assert_eq!(
        attr(&one(&m.root, ".tv-settings-toggle"), "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(checked(&m.root, "tv-scheme"), ["white-on-black"]);
    assert_eq!(checked(&m.root, "tv-size"), ["175"]);
    assert_eq!(computed(&viewer, "--tv-bg"), "#000000");
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn reset_returns_everything_to_the_defaults() {
    clear_storage();
    let m = mount().await;
    open_bar(&m).await;
    choose(&m.root, "tv-scheme", "dark-blue-on-light-blue").await;
    choose(&m.root, "tv-size", "200").await;
    choose(&m.root, "tv-letter", "wider").await;
    choose(&m.root, "tv-line", "widest").await;
    choose(&m.root, "tv-word", "widest").await;
    choose(&m.root, "tv-font", "legible").await;
    let reset = one(&m.root, "button.tv-settings-reset");
    assert_eq!(text(&reset), "Reset settings");
    click(&reset).await;
    let viewer = m.viewer();
    assert_eq!(
        root_attributes(&viewer),
        expected_attributes(&Settings::default())
    );
    for (name, value) in [
        ("tv-scheme", "system"),
        ("tv-size", "100"),
        ("tv-letter", "normal"),
        ("tv-line", "normal"),
        ("tv-word", "normal"),
        ("tv-font", "sans"),
    ] {
        assert_eq!(checked(&m.root, name), [value]);
    }
    assert_eq!(announcement(&m.root), "Settings reset");
    // The bar stays open; only that is left in storage.
    assert_eq!(
        attr(&one(&m.root, ".tv-settings-toggle"), "aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        Settings::from_json(&stored().unwrap()),
        Settings {
            open: true,
            ..Settings::default()
        }
    );
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_value_is_ignored() {
    for corrupt in [
        "{not json",
        "[\"white-on-black\"]",
        "null",
        "",
        "{\"scheme\":7}",
    ] {
        storage().set_item(STORAGE_KEY, corrupt).unwrap();
        let m = mount().await;
        assert_eq!(
            root_attributes(&m.viewer()),
            expected_attributes(&Settings::default()),
            "{corrupt:?}"
        );
        unmount(m).await;
    }
    // Good fields survive bad ones.
    storage()
        .set_item(STORAGE_KEY, r#"{"scheme":"nope","size":"150","font":42}"#)
        .unwrap();
    let m = mount().await;
    assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("system"));
    assert_eq!(attr(&m.viewer(), "data-size").as_deref(), Some("150"));
    // The next change overwrites the garbage with valid settings.
    open_bar(&m).await;
    choose(&m.root, "tv-font", "serif").await;
    assert_eq!(
        Settings::from_json(&stored().unwrap()),
        Settings {
            size: FontSize::Percent150,
            font: Font::Serif,
            open: true,
            ..Settings::default()
        }
    );
    unmount(m).await;
    clear_storage();
}

/// The stored settings come back after the first render (which uses the defaults, as
/// the server renders them): applied, the root `data-ready`, and nothing written back,
/// not even in another form, until the reader changes something.
#[wasm_bindgen_test]
async fn stored_settings_come_back_without_being_written_again() {
    let lenient = r#"{"scheme":"white-on-black","size":150,"open":"true"}"#;
    storage().set_item(STORAGE_KEY, lenient).unwrap();
    let m = mount().await;
    let want = Settings {
        scheme: Scheme::WhiteOnBlack,
        size: FontSize::Percent150,
        open: true,
        ..Settings::default()
    };
    assert_eq!(root_attributes(&m.viewer()), expected_attributes(&want));
    assert_eq!(attr(&m.viewer(), "data-ready").as_deref(), Some(""));
    assert_eq!(checked(&m.root, "tv-scheme"), ["white-on-black"]);
    assert_eq!(stored().as_deref(), Some(lenient), "written back on mount");
    choose(&m.root, "tv-size", "125").await;
    let now = Settings {
        size: FontSize::Percent125,
        ..want
    };
    assert_eq!(
        stored(),
        Some(now.to_json()),
        "the reader's change is stored"
    );
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn blocked_storage_still_lets_the_reader_change_settings() {
    storage()
        .set_item(STORAGE_KEY, r#"{"scheme":"dark"}"#)
        .unwrap();
    {
        let _blocked = BlockedStorage::install();
        // The stand-in really throws.
        let threw = js("try { window.localStorage; return false; } catch (e) { return e.name === 'SecurityError'; }");
        assert_eq!(threw.as_bool(), Some(true));
        let m = mount().await;
        let viewer = m.viewer();
        assert_eq!(attr(&viewer, "data-scheme").as_deref(), Some("system"));
        open_bar(&m).await;
        choose(&m.root, "tv-scheme", "white-on-black").await;
        click(&one(&m.root, "button.tv-size-larger")).await;
        assert_eq!(
            attr(&viewer, "data-scheme").as_deref(),
            Some("white-on-black")
        );
        assert_eq!(attr(&viewer, "data-size").as_deref(), Some("125"));
        assert_eq!(computed(&viewer, "--tv-bg"), "#000000");
        click(&one(&m.root, "button.tv-settings-reset")).await;
        assert_eq!(attr(&viewer, "data-scheme").as_deref(), Some("system"));
        unmount(m).await;
    }
    // Nothing was written while blocked.
    assert_eq!(stored().as_deref(), Some(r#"{"scheme":"dark"}"#));
    // Unblocked, the next viewer starts from the reader's last choice in this page (the
    // reset), not from the older stored scheme, and stores it.
    let m = mount().await;
    assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("system"));
    assert_eq!(
        stored().map(|json| Settings::from_json(&json)),
        Some(Settings {
            open: true,
            ..Settings::default()
        })
    );
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn full_storage_still_lets_the_reader_change_settings() {
    clear_storage();
    let _full = FullStorage::install();
    let m = mount().await;
    open_bar(&m).await;
    choose(&m.root, "tv-scheme", "black-on-white").await;
    choose(&m.root, "tv-letter", "wider").await;
    let viewer = m.viewer();
    assert_eq!(
        attr(&viewer, "data-scheme").as_deref(),
        Some("black-on-white")
    );
    assert_eq!(attr(&viewer, "data-letter").as_deref(), Some("wider"));
    assert_eq!(stored(), None);
    unmount(m).await;
    // Storage works again: the next viewer starts from them and stores them.
    drop(_full);
    let m = mount().await;
    assert_eq!(
        attr(&m.viewer(), "data-scheme").as_deref(),
        Some("black-on-white")
    );
    assert_eq!(
        stored().map(|json| Settings::from_json(&json)),
        Some(Settings {
            scheme: Scheme::BlackOnWhite,
            letter: Spacing::Wider,
            open: true,
            ..Settings::default()
        })
    );
    unmount(m).await;
    clear_storage();
}

/// Makes `Storage.prototype.getItem` throw until dropped (a broken or hostile store).
struct UnreadableStorage;

impl UnreadableStorage {
    fn install() -> Self {
        js("window.__tvGetItem = Storage.prototype.getItem;
            Storage.prototype.getItem = function () {
                throw new DOMException('The operation is insecure.', 'SecurityError');
            };");
        UnreadableStorage
    }
}

impl Drop for UnreadableStorage {
    fn drop(&mut self) {
        js("Storage.prototype.getItem = window.__tvGetItem; delete window.__tvGetItem;");
    }
}

#[wasm_bindgen_test]
async fn what_the_reader_set_outlives_a_full_storage_for_the_page() {
    storage()
        .set_item(STORAGE_KEY, r#"{"scheme":"dark"}"#)
        .unwrap();
    let full = FullStorage::install();
    // The stand-in really throws a QuotaExceededError.
    let name =
        js("try { localStorage.setItem('x', 'y'); return 'stored'; } catch (e) { return e.name; }");
    assert_eq!(name.as_string().as_deref(), Some("QuotaExceededError"));
    let m = mount().await;
    assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("dark"));
    open_bar(&m).await;
    choose(&m.root, "tv-scheme", "brown-on-beige").await;
    choose(&m.root, "tv-font", "legible").await;
    unmount(m).await;
    // A second viewer in the same page (another transcript, a host's second viewer):
    // the reader's choice, not the stored "dark" nor the defaults.
    let m = mount().await;
    assert_eq!(
        attr(&m.viewer(), "data-scheme").as_deref(),
        Some("brown-on-beige")
    );
    assert_eq!(attr(&m.viewer(), "data-font").as_deref(), Some("legible"));
    unmount(m).await;
    assert_eq!(stored().as_deref(), Some(r#"{"scheme":"dark"}"#));
    // Storage works again: stored on the next mount.
    drop(full);
    let m = mount().await;
    assert_eq!(
        stored().map(|json| Settings::from_json(&json)),
        Some(Settings {
            scheme: Scheme::BrownOnBeige,
            font: Font::Legible,
            open: true,
            ..Settings::default()
        })
    );
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn storage_that_throws_on_read_gives_the_defaults_and_still_stores() {
    storage()
        .set_item(STORAGE_KEY, r#"{"scheme":"dark"}"#)
        .unwrap();
    {
        let _unreadable = UnreadableStorage::install();
        let threw =
            js("try { localStorage.getItem('x'); return false; } catch (e) { return true; }");
        assert_eq!(threw.as_bool(), Some(true));
        let m = mount().await;
        assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("system"));
        open_bar(&m).await;
        choose(&m.root, "tv-scheme", "white-on-black").await;
        assert_eq!(
            attr(&m.viewer(), "data-scheme").as_deref(),
            Some("white-on-black")
        );
        unmount(m).await;
    }
    assert_eq!(
        stored().map(|json| Settings::from_json(&json).scheme),
        Some(Scheme::WhiteOnBlack)
    );
    clear_storage();
}

#[wasm_bindgen_test]
async fn without_storage_the_viewer_neither_reads_nor_writes_it() {
    storage()
        .set_item(STORAGE_KEY, r#"{"scheme":"dark","open":true}"#)
        .unwrap();
    let m = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        store_settings: false,
    }))
    .await;
    assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("system"));
    open_bar(&m).await;
    choose(&m.root, "tv-scheme", "brown-on-beige").await;
    assert_eq!(
        attr(&m.viewer(), "data-scheme").as_deref(),
        Some("brown-on-beige")
    );
    assert_eq!(
        stored().as_deref(),
        Some(r#"{"scheme":"dark","open":true}"#)
    );
    unmount(m).await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn two_viewers_keep_separate_radio_groups() {
    clear_storage();
    let a = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        id_prefix: "a-",
        store_settings: false,
    }))
    .await;
    let b = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        id_prefix: "b-",
        store_settings: false,
    }))
    .await;
    open_bar(&a).await;
    open_bar(&b).await;
    assert_eq!(one(&a.root, "form.tv-settings-panel").id(), "a-settings");
    assert_eq!(one(&b.root, "form.tv-settings-panel").id(), "b-settings");
    choose(&a.root, "tv-scheme", "dark").await;
    assert_eq!(checked(&a.root, "tv-scheme"), ["dark"]);
    assert_eq!(checked(&b.root, "tv-scheme"), ["system"]);
    assert_eq!(attr(&b.viewer(), "data-scheme").as_deref(), Some("system"));
    unmount(a).await;
    unmount(b).await;
}

#[wasm_bindgen_test]
async fn embedded_it_is_a_labelled_region_with_a_skip_link() {
    clear_storage();
    let m = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        id_prefix: "s-",
    }))
    .await;
    let viewer = m.viewer();
    assert_eq!(viewer.tag_name(), "SECTION");
    assert_eq!(
        attr(&viewer, "aria-label").as_deref(),
        Some("Transcript: Russian-Belarusian talks")
    );
    // No page landmarks inside an embedded viewer.
    assert!(all(&viewer, "main, header.tv-banner").is_empty());
    let skip = one(&viewer, "a.tv-skip-link");
    assert_eq!(
        viewer.first_element_child().as_ref(),
        Some(&skip),
        "the skip link comes first"
    );
    assert_eq!(text(&skip), "Skip to the transcript");
    assert_eq!(attr(&skip, "href").as_deref(), Some("#s-title"));
    let before = window().location().href().unwrap();
    click(&skip).await;
    let focused = document().active_element().unwrap();
    assert_eq!(focused.id(), "s-title");
    assert_eq!(focused.tag_name(), "H1");
    // The host's URL is left alone.
    assert_eq!(window().location().href().unwrap(), before);
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn as_the_page_it_has_banner_and_main_landmarks() {
    clear_storage();
    let m = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        page: true,
    }))
    .await;
    let viewer = m.viewer();
    assert_eq!(viewer.tag_name(), "DIV");
    assert_eq!(viewer.class_name(), "tv-root tv-page");
    assert!(attr(&viewer, "aria-label").is_none());
    let children: Vec<String> = all(&viewer, ":scope > *")
        .iter()
        .map(|e| format!("{}.{}", e.tag_name().to_lowercase(), e.class_name()))
        .collect();
    assert_eq!(
        children,
        [
            "a.tv-skip-link",
            "header.tv-banner",
            "main.tv-main",
            "p.tv-announcement"
        ]
    );
    one(&viewer, "header.tv-banner .tv-settings");
    one(&viewer, "main > .tv-controls [role=search]");
    one(&viewer, "main > article.tv-transcript[lang=en]");
    unmount(m).await;
}

#[wasm_bindgen_test]
async fn the_bar_can_be_left_out() {
    clear_storage();
    let m = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        show_settings: false,
    }))
    .await;
    assert!(all(&m.root, ".tv-settings, .tv-banner").is_empty());
    // The root still carries the (default) settings, so the colours apply.
    assert_eq!(attr(&m.viewer(), "data-scheme").as_deref(), Some("system"));
    unmount(m).await;
}
