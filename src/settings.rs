//! View settings without the DOM: what the reader chose in the "View settings" bar (colour
//! scheme, font size, letter, line and word spacing, font family, whether the bar is
//! open), the [`SettingsAction`]s that change it, its form as attributes of the viewer's
//! root element ([`Settings::to_attributes`], read by `www/viewer.css`), and its stored
//! form (JSON under [`STORAGE_KEY`], read back tolerantly: garbage gives defaults).
//!
//! Every setting is a small enum implementing [`Choice`]: its `value()` is at once the
//! attribute value, the stored value and the radio button's `value`. The defaults follow
//! the reader's system: [`Scheme::System`] lets the stylesheet pick a light, dark or
//! high-contrast scheme from `prefers-color-scheme` and `prefers-contrast`, until the
//! reader picks a scheme.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::rc::Rc;

/// The one `localStorage` key the viewer uses: namespaced and versioned. The value is
/// [`Settings::to_json`].
pub const STORAGE_KEY: &str = "transcript-viewer:settings:v1";

/// One setting's possible values.
pub trait Choice: Copy + Eq + Default + 'static {
    /// Every value, in the order the settings bar offers them.
    const ALL: &'static [Self];

    /// The value as written in the root's attribute, in storage and in the radio's
    /// `value`: lower case ASCII, no spaces.
    fn value(self) -> &'static str;

    /// The value written as `value()` says, if any.
    fn from_value(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.value() == value)
    }
}

/// Declares a [`Choice`] enum: its variants with their values, and its default.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
        default $default:ident
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];

            fn value(self) -> &'static str {
                match self {
                    $($name::$variant => $value,)+
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.value())
            }
        }
    };
}

choice! {
    /// The colours. Every scheme keeps all text, links, highlights, focus rings and
    /// controls at a contrast of at least 7:1 (WCAG AAA); `tests/contrast.rs` checks the
    /// stylesheet's values.
    pub enum Scheme {
        /// Follow the system: light, dark (`prefers-color-scheme: dark`) or high
        /// contrast (`prefers-contrast: more`), decided by the stylesheet.
        System = "system",
        /// The viewer's own light scheme: near-black on warm white.
        Light = "light",
        /// The viewer's own dark scheme: light grey on near-black.
        Dark = "dark",
        /// Pure black on white.
        BlackOnWhite = "black-on-white",
        /// Pure white on black.
        WhiteOnBlack = "white-on-black",
        /// Dark blue on light blue.
        DarkBlueOnLightBlue = "dark-blue-on-light-blue",
        /// Brown on beige, a warm low-glare scheme.
        BrownOnBeige = "brown-on-beige",
    }
    default System
}

choice! {
    /// The text size, in percent of the viewer's base size (1.125rem).
    pub enum FontSize {
        Percent100 = "100",
        Percent125 = "125",
        Percent150 = "150",
        Percent175 = "175",
        Percent200 = "200",
    }
    default Percent100
}

choice! {
    /// Extra space, for letters, lines or words: `www/viewer.css` gives each step its
    /// amount per setting (letters: 0, 0.06em, 0.12em; lines: 1.6, 2, 2.5; words: 0,
    /// 0.16em, 0.32em).
    pub enum Spacing {
        Normal = "normal",
        Wider = "wider",
        Widest = "widest",
    }
    default Normal
}

choice! {
    /// The font family; all from the system or bundled with the viewer, never fetched
    /// from another site.
    pub enum Font {
        /// The system's sans-serif interface font.
        Sans = "sans",
        /// A serif book face.
        Serif = "serif",
        /// Atkinson Hyperlegible (bundled, SIL OFL), made for low-vision readers.
        Legible = "legible",
    }
    default Sans
}

impl FontSize {
    /// The size as a percentage (100 to 200).
    pub fn percent(self) -> u32 {
        match self {
            FontSize::Percent100 => 100,
            FontSize::Percent125 => 125,
            FontSize::Percent150 => 150,
            FontSize::Percent175 => 175,
            FontSize::Percent200 => 200,
        }
    }

    /// The next smaller size; the smallest stays.
    pub fn smaller(self) -> Self {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[i.saturating_sub(1)]
    }

    /// The next larger size; the largest stays.
    pub fn larger(self) -> Self {
        let i = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(i + 1).min(Self::ALL.len() - 1)]
    }
}

/// Everything the "View settings" bar sets. Serialised as JSON with one string per
/// setting (the [`Choice::value`]s) and `open` as a boolean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colours.
    #[serde(deserialize_with = "lenient")]
    pub scheme: Scheme,
    /// The text size.
    #[serde(deserialize_with = "lenient")]
    pub size: FontSize,
    /// Space between letters.
    #[serde(deserialize_with = "lenient")]
    pub letter: Spacing,
    /// Space between lines (and paragraphs).
    #[serde(deserialize_with = "lenient")]
    pub line: Spacing,
    /// Space between words.
    #[serde(deserialize_with = "lenient")]
    pub word: Spacing,
    /// The font family.
    #[serde(deserialize_with = "lenient")]
    pub font: Font,
    /// The settings bar is expanded. Not a view setting: kept by
    /// [`SettingsAction::Reset`] and not an attribute of the root.
    #[serde(deserialize_with = "lenient_bool")]
    pub open: bool,
}

/// A stored value as its [`Choice`], or the default when it is missing, of another type
/// or unknown (a string, or for [`FontSize`] also a number such as `150`).
fn lenient<'de, D: Deserializer<'de>, T: Choice>(d: D) -> Result<T, D::Error> {
    let text = d.deserialize_any(Scalar)?;
    Ok(text.and_then(|t| T::from_value(&t)).unwrap_or_default())
}

/// A stored boolean, or `false` for anything else.
fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(d.deserialize_any(Scalar)?.as_deref() == Some("true"))
}

/// Reads any JSON value: a string, number or boolean as its text, anything else
/// (null, arrays, objects, which it skips) as `None`.
struct Scalar;

impl<'de> serde::de::Visitor<'de> for Scalar {
    type Value = Option<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Ok(None)
    }
}

/// Everything the reader can do in the settings bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsAction {
    SetScheme(Scheme),
    SetSize(FontSize),
    /// The "smaller text" button: one size down (not below the smallest).
    Smaller,
    /// The "larger text" button: one size up (not above the largest).
    Larger,
    SetLetterSpacing(Spacing),
    SetLineHeight(Spacing),
    SetWordSpacing(Spacing),
    SetFont(Font),
    /// Every view setting back to its default (the bar stays as it is).
    Reset,
    /// Expand or collapse the settings bar.
    SetOpen(bool),
    /// These settings, all of them (the bar's state too): the stored settings, which a
    /// viewer applies after its first render, so that markup rendered on the server
    /// with the defaults hydrates unchanged.
    Restore(Settings),
}

/// The names of the root's attributes, in the order [`Settings::to_attributes`] gives
/// them.
pub const ATTRIBUTES: [&str; 6] = [
    "data-scheme",
    "data-size",
    "data-letter",
    "data-line",
    "data-word",
    "data-font",
];

impl Settings {
    /// The settings after `action`.
    pub fn apply(&self, action: SettingsAction) -> Settings {
        let mut s = *self;
        match action {
            SettingsAction::SetScheme(v) => s.scheme = v,
            SettingsAction::SetSize(v) => s.size = v,
            SettingsAction::Smaller => s.size = s.size.smaller(),
            SettingsAction::Larger => s.size = s.size.larger(),
            SettingsAction::SetLetterSpacing(v) => s.letter = v,
            SettingsAction::SetLineHeight(v) => s.line = v,
            SettingsAction::SetWordSpacing(v) => s.word = v,
            SettingsAction::SetFont(v) => s.font = v,
            SettingsAction::Reset => {
                s = Settings {
                    open: s.open,
                    ..Settings::default()
                }
            }
            SettingsAction::SetOpen(open) => s.open = open,
            SettingsAction::Restore(settings) => s = settings,
        }
        s
    }

    /// The attributes to put on the viewer's root (`.tv-root`), where the stylesheet
    /// turns them into custom properties; every one is always present, defaults too.
    pub fn to_attributes(&self) -> [(&'static str, &'static str); 6] {
        let values = [
            self.scheme.value(),
            self.size.value(),
            self.letter.value(),
            self.line.value(),
            self.word.value(),
            self.font.value(),
        ];
        let mut out = [("", ""); 6];
        for (i, (name, value)) in ATTRIBUTES.iter().zip(values).enumerate() {
            out[i] = (name, value);
        }
        out
    }

    /// True when every view setting is at its default (the bar's state aside).
    pub fn is_default_view(&self) -> bool {
        self.apply(SettingsAction::Reset) == *self
    }

    /// The stored form: a JSON object.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and a bool cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value back. Anything but a JSON object gives the defaults, and so
    /// does each missing or unknown field; unknown fields are ignored.
    pub fn from_json(text: &str) -> Settings {
        // Only an object: serde would also read a struct from an array.
        if !text.trim_start().starts_with('{') {
            return Settings::default();
        }
        serde_json::from_str(text).unwrap_or_default()
    }

    /// What to store for these settings: `None` when they are all defaults (the key is
    /// then removed, so that the system's preferences apply again), else the JSON.
    pub fn stored_form(&self) -> Option<String> {
        (*self != Settings::default()).then(|| self.to_json())
    }
}

impl yew::Reducible for Settings {
    type Action = SettingsAction;

    /// [`Settings::apply`]; an action that changes nothing returns the same `Rc`.
    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What a page remembers of the settings besides `localStorage`: the reader's last
/// settings when they could not be stored (storage blocked, or full: a
/// `QuotaExceededError`), so that a viewer mounted later in the same page (another
/// transcript, a host's second viewer) starts from them rather than from older stored
/// ones or the defaults. Nothing the reader set in the session is lost; once storage
/// works again they are stored. Pure: the caller passes the storage calls in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsMemory {
    unsaved: Option<Settings>,
}

impl SettingsMemory {
    /// After trying to store `settings` (`stored`: whether that worked): remembers them
    /// when it failed, forgets what it held when it worked.
    pub fn after_store(&mut self, settings: &Settings, stored: bool) {
        self.unsaved = (!stored).then_some(*settings);
    }

    /// The settings a viewer starts from: the unsaved ones, if any (trying once more
    /// to store them with `store`, which gets their [`Settings::stored_form`]); else
    /// what `read` finds stored ([`Settings::from_json`]; the defaults when nothing
    /// can be read).
    pub fn start(
        &mut self,
        read: impl FnOnce() -> Option<String>,
        store: impl FnOnce(Option<&str>) -> bool,
    ) -> Settings {
        match self.unsaved {
            Some(settings) => {
                if store(settings.stored_form().as_deref()) {
                    self.unsaved = None;
                }
                settings
            }
            None => read()
                .map(|text| Settings::from_json(&text))
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_values<T: Choice>() -> Vec<&'static str> {
        T::ALL.iter().map(|c| c.value()).collect()
    }

    #[test]
    fn every_choice_round_trips_through_its_value() {
        fn check<T: Choice + std::fmt::Debug>() {
            let values = all_values::<T>();
            let mut unique = values.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), values.len(), "{values:?}");
            for c in T::ALL {
                assert_eq!(T::from_value(c.value()), Some(*c));
                let v = c.value();
                assert!(
                    !v.is_empty()
                        && v.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{v:?}"
                );
            }
            assert_eq!(T::from_value(""), None);
            assert_eq!(T::from_value("NOPE"), None);
            assert!(T::ALL.contains(&T::default()));
        }
        check::<Scheme>();
        check::<FontSize>();
        check::<Spacing>();
        check::<Font>();
    }

    #[test]
    fn offers_what_the_issue_asks_for() {
        // At least five schemes besides the system's, five sizes from 100% to 200%.
        assert!(Scheme::ALL.len() >= 6);
        assert_eq!(Scheme::default(), Scheme::System);
        for needed in [
            "light",
            "black-on-white",
            "white-on-black",
            "dark-blue-on-light-blue",
            "brown-on-beige",
        ] {
            assert!(Scheme::from_value(needed).is_some(), "{needed}");
        }
        let sizes: Vec<u32> = FontSize::ALL.iter().map(|s| s.percent()).collect();
        assert_eq!(sizes, [100, 125, 150, 175, 200]);
        assert_eq!(
            all_values::<FontSize>(),
            ["100", "125", "150", "175", "200"]
        );
        assert_eq!(all_values::<Spacing>(), ["normal", "wider", "widest"]);
        assert_eq!(all_values::<Font>(), ["sans", "serif", "legible"]);
    }

    #[test]
    fn actions() {
        let d = Settings::default();
        type Case = (Settings, SettingsAction, Settings);
        let cases: Vec<Case> = vec![
            (
                d,
                SettingsAction::SetScheme(Scheme::WhiteOnBlack),
                Settings {
                    scheme: Scheme::WhiteOnBlack,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::Larger,
                Settings {
                    size: FontSize::Percent125,
                    ..d
                },
            ),
            (d, SettingsAction::Smaller, d),
            (
                Settings {
                    size: FontSize::Percent200,
                    ..d
                },
                SettingsAction::Larger,
                Settings {
                    size: FontSize::Percent200,
                    ..d
                },
            ),
            (
                Settings {
                    size: FontSize::Percent150,
                    ..d
                },
                SettingsAction::Smaller,
                Settings {
                    size: FontSize::Percent125,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetSize(FontSize::Percent175),
                Settings {
                    size: FontSize::Percent175,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetLetterSpacing(Spacing::Widest),
                Settings {
                    letter: Spacing::Widest,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetLineHeight(Spacing::Wider),
                Settings {
                    line: Spacing::Wider,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetWordSpacing(Spacing::Widest),
                Settings {
                    word: Spacing::Widest,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetFont(Font::Legible),
                Settings {
                    font: Font::Legible,
                    ..d
                },
            ),
            (
                d,
                SettingsAction::SetOpen(true),
                Settings { open: true, ..d },
            ),
            // Reset keeps the bar as it is.
            (
                Settings {
                    scheme: Scheme::Dark,
                    size: FontSize::Percent200,
                    letter: Spacing::Wider,
                    line: Spacing::Widest,
                    word: Spacing::Wider,
                    font: Font::Serif,
                    open: true,
                },
                SettingsAction::Reset,
                Settings { open: true, ..d },
            ),
            // Restore takes every setting, the bar's state too.
            (
                Settings { open: true, ..d },
                SettingsAction::Restore(Settings {
                    scheme: Scheme::WhiteOnBlack,
                    size: FontSize::Percent125,
                    ..d
                }),
                Settings {
                    scheme: Scheme::WhiteOnBlack,
                    size: FontSize::Percent125,
                    ..d
                },
            ),
        ];
        for (i, (before, action, want)) in cases.into_iter().enumerate() {
            assert_eq!(before.apply(action), want, "case {i}: {action:?}");
        }
    }

    #[test]
    fn attributes_for_the_root() {
        assert_eq!(
            Settings::default().to_attributes(),
            [
                ("data-scheme", "system"),
                ("data-size", "100"),
                ("data-letter", "normal"),
                ("data-line", "normal"),
                ("data-word", "normal"),
                ("data-font", "sans"),
            ]
        );
        let s = Settings {
            scheme: Scheme::DarkBlueOnLightBlue,
            size: FontSize::Percent150,
            letter: Spacing::Widest,
            line: Spacing::Wider,
            word: Spacing::Wider,
            font: Font::Legible,
            open: true,
        };
        assert_eq!(
            s.to_attributes(),
            [
                ("data-scheme", "dark-blue-on-light-blue"),
                ("data-size", "150"),
                ("data-letter", "widest"),
                ("data-line", "wider"),
                ("data-word", "wider"),
                ("data-font", "legible"),
            ]
        );
    }

    #[test]
    fn json_round_trip() {
        let s = Settings {
            scheme: Scheme::BrownOnBeige,
            size: FontSize::Percent175,
            letter: Spacing::Wider,
            line: Spacing::Widest,
            word: Spacing::Normal,
            font: Font::Serif,
            open: true,
        };
        let json = s.to_json();
        assert_eq!(
            json,
            r#"{"scheme":"brown-on-beige","size":"175","letter":"wider","line":"widest","word":"normal","font":"serif","open":true}"#
        );
        assert_eq!(Settings::from_json(&json), s);
        assert_eq!(Settings::default().stored_form(), None);
        assert_eq!(s.stored_form(), Some(json));
        assert!(Settings::default().is_default_view());
        let open = Settings {
            open: true,
            ..Settings::default()
        };
        assert!(open.is_default_view());
        assert!(open.stored_form().is_some());
        assert!(!s.is_default_view());
    }

    #[test]
    fn garbage_reads_as_defaults() {
        let d = Settings::default();
        let cases: Vec<(&str, Settings)> = vec![
            ("", d),
            ("not json", d),
            ("{", d),
            ("null", d),
            ("42", d),
            ("\"white-on-black\"", d),
            ("[\"white-on-black\"]", d),
            ("{}", d),
            (
                r#"{"scheme":"nope","size":"999","letter":7,"line":null,"word":[],"font":{},"open":"yes"}"#,
                d,
            ),
            // Good fields survive bad ones; unknown fields are ignored.
            (
                r#"{"scheme":"white-on-black","size":"huge","x":1}"#,
                Settings {
                    scheme: Scheme::WhiteOnBlack,
                    ..d
                },
            ),
            (
                r#"{"size":150,"font":"legible","open":true}"#,
                Settings {
                    size: FontSize::Percent150,
                    font: Font::Legible,
                    open: true,
                    ..d
                },
            ),
            (r#"{"scheme":"WHITE-ON-BLACK","size":150.0}"#, d),
        ];
        for (text, want) in cases {
            assert_eq!(Settings::from_json(text), want, "{text:?}");
        }
    }

    #[test]
    fn reducer_keeps_the_same_rc_when_nothing_changes() {
        use yew::Reducible;
        let s = Rc::new(Settings::default());
        let same = s.clone().reduce(SettingsAction::Smaller);
        assert!(Rc::ptr_eq(&s, &same));
        let changed = s.clone().reduce(SettingsAction::Larger);
        assert_eq!(changed.size, FontSize::Percent125);
    }

    #[test]
    fn settings_that_could_not_be_stored_are_kept_for_the_session() {
        let dark = Settings {
            scheme: Scheme::Dark,
            ..Settings::default()
        };
        let stored_light = Some(
            Settings {
                scheme: Scheme::Light,
                ..Settings::default()
            }
            .to_json(),
        );
        let mut memory = SettingsMemory::default();
        // Nothing unsaved: what is stored, garbage or nothing gives the defaults.
        let no_store = |_: Option<&str>| -> bool { panic!("nothing to store") };
        assert_eq!(
            memory.start(|| stored_light.clone(), no_store).scheme,
            Scheme::Light
        );
        assert_eq!(
            memory.start(|| Some("{oops".into()), no_store),
            Settings::default()
        );
        assert_eq!(memory.start(|| None, no_store), Settings::default());
        // Storing worked: nothing to remember.
        memory.after_store(&dark, true);
        assert_eq!(memory, SettingsMemory::default());
        // Storing failed: the reader's choice wins over what is stored, and is stored
        // as soon as that works.
        memory.after_store(&dark, false);
        let read_not = || -> Option<String> { panic!("storage is not read") };
        let mut tried = Vec::new();
        let still_full = |form: Option<&str>| {
            tried.push(form.map(str::to_string));
            false
        };
        assert_eq!(memory.start(read_not, still_full), dark);
        assert_eq!(tried, [dark.stored_form()]);
        assert_eq!(memory.start(read_not, |_| true), dark);
        assert_eq!(memory, SettingsMemory::default());
        assert_eq!(
            memory.start(|| stored_light.clone(), no_store).scheme,
            Scheme::Light
        );
    }
}
