//! Small text helpers for the converter: space normalisation, capitalisation tests,
//! slugs and transliteration for ids.

/// True for characters the converter treats as a space when matching labels and site
/// chrome: every Unicode white space (no-break spaces included) and the zero-width
/// characters that copy-paste leaves around words.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Trims [`is_space`] characters from both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Collapses every run of [`is_space`] characters into one ASCII space and trims.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// A lower-case key for comparing labels: spaces normalised, case folded, the space
/// after an initial's dot dropped (`В. Путин` → `в.путин`).
pub fn key(s: &str) -> String {
    normalize_spaces(s).to_lowercase().replace(". ", ".")
}

/// True when the first letter of `word` is upper case (or title case).
pub fn starts_upper(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| c.is_uppercase() || (!c.is_lowercase() && c.to_lowercase().ne([c])))
}

/// True when `word` has at least one letter and none in lower case.
pub fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// Writes an all-caps name in title case (`VLADIMIR PUTIN` → `Vladimir Putin`,
/// `MS. PSAKI` → `Ms. Psaki`); other text is returned unchanged.
pub fn title_case_if_caps(s: &str) -> String {
    if !is_all_caps(s) || s.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, ' ' | '-' | '.');
        }
    }
    out
}

/// An ASCII slug for ids and URLs: Cyrillic transliterated, other letters and digits
/// kept when ASCII, everything else a single `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let piece = translit(c);
        let piece: &str = match piece {
            Some(p) => p,
            None if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            None => "-",
        };
        for p in piece.chars() {
            if p == '-' && (out.is_empty() || out.ends_with('-')) {
                continue;
            }
            out.push(p);
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Russian (and common Ukrainian/Belarusian) letters in a plain Latin transliteration.
fn translit(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ґ' => "g",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_normalised() {
        assert_eq!(
            normalize_spaces("\u{a0} President of\u{a0}Russia\u{2009} Vladimir  Putin\u{200b}"),
            "President of Russia Vladimir Putin"
        );
        assert_eq!(trim("\u{a0}News\u{a0} /\u{feff}"), "News\u{a0} /");
    }

    #[test]
    fn keys_fold_case_and_initial_spacing() {
        assert_eq!(key("В. Путин"), "в.путин");
        assert_eq!(key("VLADIMIR\u{a0}PUTIN"), "vladimir putin");
    }

    #[test]
    fn capitalisation() {
        assert!(starts_upper("Putin") && starts_upper("«Путин") && !starts_upper("of"));
        assert!(
            is_all_caps("PSAKI") && is_all_caps("MS.") && !is_all_caps("Ms.") && !is_all_caps(".")
        );
        assert_eq!(title_case_if_caps("MS. PSAKI"), "Ms. Psaki");
        assert_eq!(title_case_if_caps("JEAN-PIERRE"), "Jean-Pierre");
        assert_eq!(title_case_if_caps("Vladimir Putin"), "Vladimir Putin");
        assert_eq!(title_case_if_caps("Q"), "Q");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("В.Путин"), "v-putin");
        assert_eq!(slug("Пётр Щукин-Йорк"), "petr-shchukin-york");
        assert_eq!(slug("Ms. O’Neill"), "ms-o-neill");
        assert_eq!(slug("محمد"), "");
    }
}
