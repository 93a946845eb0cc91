//! The languages the viewer speaks: for each, its words ([`Labels`]), its plural rule
//! (CLDR's categories), how it groups digits and how it writes a date. Pure, no DOM.
//!
//! One language is one file ([`en`], [`ru`]) that defines a [`Language`]; [`LANGUAGES`]
//! lists them. [`language`] picks one for a BCP 47 tag (`ru`, `ru-RU`, `en-GB`), and
//! [`Labels::for_lang`] the words. docs/i18n.md says how to add a third.
//!

use std::fmt;

pub mod en;
mod given;
mod labels;
pub mod ru;

pub use given::{camel_case, LabelError, LabelInput};
pub use labels::{fill, LabelRef, Labels, Plural};

/// Every built-in language, English first (the fallback).
pub const LANGUAGES: &[&Language] = &[&en::LANGUAGE, &ru::LANGUAGE];

/// CLDR's plural categories (<https://cldr.unicode.org/index/cldr-spec/plural-rules>):
/// which form of a counted word a number takes. English uses `One` and `Other`;
/// Russian `One`, `Few`, `Many` (and `Other` for fractions, which the viewer never
/// counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// Every category, in CLDR's order.
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// CLDR's name of the category (`one`, `few`, …), as a host's labels name the forms.
    pub const fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category named `name`.
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        PluralCategory::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A language the viewer speaks: its words and its rules for counts, numbers and
/// dates. Defined once per language, as a `static`.
pub struct Language {
    /// Its BCP 47 primary subtag (`en`, `ru`): the `lang` of the viewer's own words.
    pub code: &'static str,
    /// Its name in itself (`English`, `Русский`).
    pub name: &'static str,
    /// The plural category of a whole number.
    pub plural: fn(u64) -> PluralCategory,
    /// What goes between groups of three digits (`,` in English, a no-break space
    /// in Russian).
    pub group_separator: &'static str,
    /// The date `year`-`month`-`day` (a real date, months from 1) as the language
    /// writes it in running text.
    pub date: fn(u32, u32, u32) -> String,
    /// Every word of the viewer in this language.
    pub labels: fn() -> Labels,
}

impl Language {
    /// `n` with its digits grouped by threes (`325,699`, `325 699`).
    pub fn number(&self, n: u64) -> String {
        group_digits(n, self.group_separator)
    }

    /// An ISO date (`2022-02-18`) as the language writes it; anything that is not a real
    /// ISO date unchanged.
    pub fn format_date(&self, iso: &str) -> String {
        match crate::dates::parse_iso(iso) {
            Some((y, m, d)) => (self.date)(y, m, d),
            None => iso.to_string(),
        }
    }
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Language({})", self.code)
    }
}

/// Two languages are the same when their codes are.
impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Language {}

/// The built-in language for a BCP 47 tag (`ru`, `ru-RU`, `EN_gb`), by its primary
/// subtag; `None` for any other.
pub fn language(tag: &str) -> Option<&'static Language> {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    LANGUAGES
        .iter()
        .copied()
        .find(|l| l.code.eq_ignore_ascii_case(primary.trim()))
}

/// The built-in language for `tag`, else English.
pub fn language_or_english(tag: &str) -> &'static Language {
    language(tag).unwrap_or(&en::LANGUAGE)
}

/// `n` in decimal digits with `separator` between groups of three (`1,234,567`); no
/// separator below 1,000.
pub fn group_digits(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use PluralCategory::*;

    #[test]
    fn groups_by_threes() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1_000, "1,000"),
            (12_345, "12,345"),
            (325_699, "325,699"),
            (1_234_567, "1,234,567"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ];
        for (n, want) in cases {
            assert_eq!(group_digits(n, ","), want);
        }
        assert_eq!(en::LANGUAGE.number(325_699), "325,699");
        assert_eq!(ru::LANGUAGE.number(325_699), "325\u{a0}699");
        assert_eq!(ru::LANGUAGE.number(1_000), "1\u{a0}000");
    }

    /// The counts the issue names, with CLDR's categories for them.
    #[test]
    fn cldr_plural_rules() {
        let counts = [0, 1, 2, 5, 11, 21, 22, 25, 101, 111];
        let en: Vec<_> = counts.iter().map(|&n| (en::LANGUAGE.plural)(n)).collect();
        assert_eq!(
            en,
            [Other, One, Other, Other, Other, Other, Other, Other, Other, Other]
        );
        let ru: Vec<_> = counts.iter().map(|&n| (ru::LANGUAGE.plural)(n)).collect();
        assert_eq!(ru, [Many, One, Few, Many, Many, One, Few, Many, One, Many]);
        // The teens and their hundreds: 12–14 are "many", 112–114 too, 122 "few".
        for (n, want) in [
            (3, Few),
            (4, Few),
            (12, Many),
            (14, Many),
            (112, Many),
            (122, Few),
            (1_001, One),
            (1_011, Many),
        ] {
            assert_eq!((ru::LANGUAGE.plural)(n), want, "{n}");
        }
    }

    #[test]
    fn picks_by_primary_subtag() {
        assert_eq!(language("ru").map(|l| l.code), Some("ru"));
        assert_eq!(language("ru-RU").map(|l| l.code), Some("ru"));
        assert_eq!(language("EN_gb").map(|l| l.code), Some("en"));
        assert_eq!(language("de"), None);
        assert_eq!(language(""), None);
        assert_eq!(language_or_english("uk").code, "en");
    }

    #[test]
    fn dates_per_language() {
        assert_eq!(en::LANGUAGE.format_date("2022-02-18"), "February 18, 2022");
        assert_eq!(ru::LANGUAGE.format_date("2022-02-18"), "18 февраля 2022 г.");
        assert_eq!(ru::LANGUAGE.format_date("2021-12-01"), "1 декабря 2021 г.");
        assert_eq!(ru::LANGUAGE.format_date("2022-02-30"), "2022-02-30");
    }

    /// Every text of `labels`, with the label's name.
    fn texts(labels: &Labels) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for name in Labels::NAMES {
            match labels.get(name) {
                Some(LabelRef::Text(t)) => out.push((*name, t.to_string())),
                Some(LabelRef::Count(p)) => {
                    for c in PluralCategory::ALL {
                        out.push((*name, p.form(c).to_string()));
                    }
                }
                None => panic!("{name} has no label"),
            }
        }
        out
    }

    #[test]
    fn every_language_says_everything() {
        for language in LANGUAGES {
            let labels = (language.labels)();
            assert_eq!(labels.language, *language);
            for (name, text) in texts(&labels) {
                // `and` and `comma` are joiners: spaces and punctuation are the point.
                assert!(
                    !text.trim().is_empty() || name == "and",
                    "{}: {name}",
                    language.code
                );
            }
        }
    }

    /// The Russian words are Russian: no Latin letters outside the slots (`{n}`) and
    /// the names of formats and technologies.
    #[test]
    fn the_russian_words_have_no_english_left() {
        let allowed = [
            "WebVTT",
            "SRT",
            "JavaScript",
            "WebAssembly",
            "HTTP",
            "JSON",
            "Markdown",
            "HTML",
        ];
        for (name, text) in texts(&ru::labels()) {
            let mut rest = text.clone();
            for word in allowed {
                rest = rest.replace(word, "");
            }
            let mut plain = String::new();
            let mut slot = false;
            for c in rest.chars() {
                match c {
                    '{' => slot = true,
                    '}' => slot = false,
                    c if !slot => plain.push(c),
                    _ => {}
                }
            }
            assert!(
                !plain.chars().any(|c| c.is_ascii_alphabetic()),
                "{name}: {text}"
            );
        }
    }

    #[test]
    fn counts_in_russian_take_the_cldr_form() {
        let l = ru::labels();
        let counts = [0, 1, 2, 5, 11, 21, 22, 25, 101, 111];
        let turns: Vec<String> = counts.iter().map(|&n| l.count(&l.turns, n, &[])).collect();
        assert_eq!(
            turns,
            [
                "0 реплик",
                "1 реплика",
                "2 реплики",
                "5 реплик",
                "11 реплик",
                "21 реплика",
                "22 реплики",
                "25 реплик",
                "101 реплика",
                "111 реплик"
            ]
        );
        assert_eq!(l.count(&l.words, 325_699, &[]), "325\u{a0}699 слов");
        assert_eq!(l.count(&l.matches, 3, &[]), "3 совпадения");
        assert_eq!(
            l.hidden_marker(21, &["В. Путин", "А. Лукашенко"]),
            "Скрыта 21 реплика: В. Путин и А. Лукашенко"
        );
        assert_eq!(
            l.hidden_marker(5, &[]),
            "Скрыто 5 реплик: выступающий не из списка"
        );
        let panel: Vec<String> = [(2, 2), (1, 2), (0, 1), (3, 21), (3, 48), (1, 1), (21, 21)]
            .iter()
            .map(|&(shown, total)| l.speakers_summary(shown, total))
            .collect();
        assert_eq!(
            panel,
            [
                "Все 2 выступающих",
                "1 из 2 выступающих",
                "0 из 1 выступающего",
                "3 из 21 выступающего",
                "3 из 48 выступающих",
                "1 выступающий",
                "21 выступающий"
            ]
        );
        assert_eq!(l.count(&l.all_transcripts, 3, &[]), "Все 3 стенограммы");
        assert_eq!(l.count(&l.all_transcripts, 5, &[]), "Все 5 стенограмм");
        let en = en::labels();
        assert_eq!(en.speakers_summary(48, 48), "All 48 speakers");
        assert_eq!(en.speakers_summary(3, 48), "3 of 48 speakers");
        assert_eq!(en.speakers_summary(1, 1), "1 speaker");
        assert_eq!(en.count(&en.all_transcripts, 3, &[]), "All 3 transcripts");
        let turns: Vec<String> = counts
            .iter()
            .map(|&n| en.count(&en.turns, n, &[]))
            .collect();
        assert_eq!(turns[..3], ["0 turns", "1 turn", "2 turns"]);
        assert_eq!(turns[5], "21 turns");
        assert_eq!(en.count(&en.words, 325_699, &[]), "325,699 words");
        assert_eq!(
            l.search_status(crate::state::SearchStatus::Position {
                number: 3,
                total: 1_017
            }),
            "3 из 1\u{a0}017"
        );
    }

    #[test]
    fn category_names_read_back() {
        for c in PluralCategory::ALL {
            assert_eq!(PluralCategory::from_name(c.name()), Some(c));
        }
        assert_eq!(PluralCategory::from_name("several"), None);
    }
}
