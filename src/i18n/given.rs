//! A host's own words: the labels a JavaScript host names in `mount`'s `labels` option
//! ([`LabelInput`], read with serde), applied over a language's ([`Labels::apply`]).
//! Pure, no DOM.

use super::labels::{Labels, Plural, Slot};
use super::PluralCategory;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// A label as a host gives it: a text, or (for a count) its forms by CLDR category
/// (`{ "one": "{n} turn", "other": "{n} turns" }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelInput {
    Text(String),
    Forms(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for LabelInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Input;
        impl<'de> Visitor<'de> for Input {
            type Value = LabelInput;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or an object of plural forms (one, few, many, other, …)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LabelInput, E> {
                Ok(LabelInput::Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<LabelInput, E> {
                Ok(LabelInput::Text(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LabelInput, A::Error> {
                let mut forms = BTreeMap::new();
                while let Some(name) = map.next_key::<String>()? {
                    if PluralCategory::from_name(&name).is_none() {
                        return Err(de::Error::custom(format_args!(
                            "{name:?} is not a plural category (zero, one, two, few, many, other)"
                        )));
                    }
                    forms.insert(name, map.next_value::<String>()?);
                }
                Ok(LabelInput::Forms(forms))
            }
        }
        deserializer.deserialize_any(Input)
    }
}

/// A host's label that cannot be used: where (`turns.few`, relative to the labels
/// object) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path, self.message)
    }
}

/// `searchRegion` → `search_region`; a snake_case name stays as it is.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `search_region` → `searchRegion`, the name a JavaScript host uses.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Labels {
    /// Changes the labels a host names (in camelCase, `searchRegion`, or as the
    /// fields, `search_region`): a text label takes a string; a count takes a string
    /// (one template for every count) or its forms by CLDR category, which replace all
    /// of its forms (a category not given uses `other`, which must be given). Returns
    /// the names that are not labels (ignored: a host written for a later version
    /// still mounts); fails on a value that does not fit, naming it.
    pub fn apply(
        &mut self,
        given: &BTreeMap<String, LabelInput>,
    ) -> Result<Vec<String>, LabelError> {
        let mut unknown = Vec::new();
        for (name, value) in given {
            let Some(slot) = self.slot(&snake_case(name)) else {
                unknown.push(name.clone());
                continue;
            };
            let error = |path: String, message: &str| LabelError {
                path,
                message: message.into(),
            };
            match (slot, value) {
                (Slot::Text(label), LabelInput::Text(text)) => *label = text.clone().into(),
                (Slot::Text(_), LabelInput::Forms(_)) => {
                    return Err(error(name.clone(), "must be a string"))
                }
                (Slot::Count(plural), LabelInput::Text(text)) => {
                    *plural = Plural {
                        other: text.clone().into(),
                        ..Plural::invariable("")
                    };
                }
                (Slot::Count(plural), LabelInput::Forms(forms)) => {
                    let Some(other) = forms.get("other") else {
                        return Err(error(
                            format!("{name}.other"),
                            "is required (the form for any count without its own)",
                        ));
                    };
                    let mut new = Plural {
                        other: other.clone().into(),
                        ..Plural::invariable("")
                    };
                    for (category, text) in forms {
                        let slot =
                            PluralCategory::from_name(category).and_then(|c| new.form_mut(c));
                        if let Some(slot) = slot {
                            *slot = Some(text.clone().into());
                        }
                    }
                    *plural = new;
                }
            }
        }
        Ok(unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::labels::LabelRef;

    fn given(json: &str) -> BTreeMap<String, LabelInput> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_host_changes_texts_and_counts_by_name() {
        let mut l = Labels::for_lang("ru");
        let unknown = l
            .apply(&given(
                r#"{"searchRegion": "Искать", "show_all": "Все",
                    "turns": {"one": "{n} ход", "few": "{n} хода", "many": "{n} ходов", "other": "{n} хода"},
                    "words": "{n} сл.", "serch": "typo"}"#,
            ))
            .unwrap();
        assert_eq!(unknown, ["serch"]);
        assert_eq!(l.search_region, "Искать");
        assert_eq!(l.show_all, "Все");
        let turns: Vec<String> = [2, 5, 21]
            .iter()
            .map(|&n| l.count(&l.turns, n, &[]))
            .collect();
        assert_eq!(turns, ["2 хода", "5 ходов", "21 ход"]);
        assert_eq!(l.count(&l.words, 1, &[]), "1 сл.");
        assert_eq!(l.count(&l.words, 5, &[]), "5 сл.");
        // Untouched labels stay the language's.
        assert_eq!(l.speakers, "Выступающие");
    }

    #[test]
    fn every_label_is_reachable_by_its_camel_case_name() {
        for name in Labels::NAMES {
            let mut l = Labels::default();
            let camel = camel_case(name);
            let value = match l.get(name) {
                Some(LabelRef::Text(_)) => LabelInput::Text("X".into()),
                Some(LabelRef::Count(_)) => {
                    LabelInput::Forms([("other".into(), "X".into())].into())
                }
                None => panic!("{name}"),
            };
            assert_eq!(
                l.apply(&[(camel.clone(), value)].into()),
                Ok(vec![]),
                "{camel}"
            );
            let changed = match l.get(name) {
                Some(LabelRef::Text(t)) => t.to_string(),
                Some(LabelRef::Count(p)) => p.other.to_string(),
                None => unreachable!(),
            };
            assert_eq!(changed, "X", "{camel}");
        }
    }

    #[test]
    fn a_value_that_does_not_fit_is_named() {
        let mut l = Labels::default();
        let err = l
            .apply(&given(r#"{"search": {"other": "x"}}"#))
            .unwrap_err();
        assert_eq!(err.to_string(), "search must be a string");
        let err = l
            .apply(&given(r#"{"turns": {"one": "{n} turn"}}"#))
            .unwrap_err();
        assert_eq!(err.path, "turns.other");
        // Forms are read with their category names checked, values strings.
        let bad: Result<BTreeMap<String, LabelInput>, _> =
            serde_json::from_str(r#"{"turns": {"several": "x", "other": "y"}}"#);
        assert!(bad
            .unwrap_err()
            .to_string()
            .contains("\"several\" is not a plural category"));
        let bad: Result<BTreeMap<String, LabelInput>, _> = serde_json::from_str(r#"{"turns": 3}"#);
        assert!(bad
            .unwrap_err()
            .to_string()
            .contains("a string, or an object of plural forms"));
        // Nothing was changed by the failed calls before the bad label.
        assert_eq!(l.search, "Search");
    }

    #[test]
    fn camel_and_snake_case_convert_both_ways() {
        assert_eq!(
            camel_case("scheme_dark_blue_on_light_blue"),
            "schemeDarkBlueOnLightBlue"
        );
        assert_eq!(
            snake_case("schemeDarkBlueOnLightBlue"),
            "scheme_dark_blue_on_light_blue"
        );
        assert_eq!(snake_case("search"), "search");
    }
}
