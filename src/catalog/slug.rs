//! Names as path segments: `Alexander Ivanov` → `alexander-ivanov`, `В.Путин` →
//! `v-putin`, `Ново-Огарёво, Московская область` → `novo-ogaryovo-moskovskaya-oblast`.
//! ASCII letters, digits and `-` only, so that any server and object store serves them
//! as they are; Cyrillic is transliterated (the BGN/PCGN romanisation, simplified).

/// The Latin letters of a Cyrillic letter (lower case); `None` for any other.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
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
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ў' => "w",
        'ґ' => "g",
        _ => return None,
    })
}

/// `name` as a path segment: letters and digits lower-cased (Cyrillic transliterated,
/// common Latin accents dropped), every other run of characters one `-`, none at the
/// ends, at most 80 bytes; `-` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let piece: Option<std::borrow::Cow<str>> = if c.is_ascii_alphanumeric() {
            Some(c.to_string().into())
        } else if let Some(l) = latin(c) {
            Some(l.into())
        } else {
            plain_latin(c).map(|c| c.to_string().into())
        };
        match piece {
            Some(p) if p.is_empty() => {}
            Some(p) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(&p);
            }
            None => gap = true,
        }
        if out.len() >= 80 {
            break;
        }
    }
    out.truncate(80);
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "-".into()
    } else {
        out
    }
}

/// The base letter of a common accented Latin letter (lower case).
fn plain_latin(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ď' => 'd',
        'ť' => 't',
        _ => return None,
    })
}

/// A slug for each of `names` (distinct names, in a fixed order), unique among them:
/// names with the same [`slug`] get `-2`, `-3`, … in that order after the first.
pub fn unique_slugs(names: &[&str]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    names
        .iter()
        .map(|name| {
            let base = slug(name);
            let mut candidate = base.clone();
            let mut n = 1;
            while !taken.insert(candidate.clone()) {
                n += 1;
                candidate = format!("{base}-{n}");
            }
            candidate
        })
        .collect()
}

/// How names sort in the indexes: by their letters lower-cased, Latin before Cyrillic
/// (each in its alphabet's order, `ё` with `е`), then as written.
pub fn sort_key(name: &str) -> (String, String) {
    let folded = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    (folded, name.to_string())
}

/// The letter a name is listed under in the A–Z index: its first letter in upper case
/// (`Ё` under `Е`), or `#` for one that starts with none.
pub fn initial(name: &str) -> String {
    match name.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_alphabetic() => {
            let upper: String = c.to_uppercase().collect();
            if upper == "Ё" {
                "Е".into()
            } else {
                upper
            }
        }
        _ => "#".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_ascii_path_segments() {
        for (name, want) in [
            ("Alexander Ivanov", "alexander-ivanov"),
            ("В.Путин", "v-putin"),
            (
                "Ново-Огарёво, Московская область",
                "novo-ogaryovo-moskovskaya-oblast",
            ),
            ("The\u{a0}Kremlin, Moscow", "the-kremlin-moscow"),
            ("  Щёкин   Юрий ", "shchyokin-yuriy"),
            ("Объём", "obyom"),
            ("José Müller", "jose-muller"),
            ("<script>&\"", "script"),
            ("../..", "-"),
            ("", "-"),
            ("日本", "-"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
        assert!(slug(&"ж".repeat(100)).len() <= 80);
        assert!(!slug(&"a b".repeat(50)).ends_with('-'));
    }

    #[test]
    fn slugs_are_unique() {
        assert_eq!(
            unique_slugs(&["V. Putin", "В.Путин", "V Putin", "Anna"]),
            ["v-putin", "v-putin-2", "v-putin-3", "anna"]
        );
    }

    #[test]
    fn names_sort_and_group_by_their_letters() {
        let mut names = vec!["Ёлкин", "anna", "Борис", "Zoe", "Егоров", "Bob"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["anna", "Bob", "Zoe", "Борис", "Егоров", "Ёлкин"]);
        assert_eq!(initial("ёлкин"), "Е");
        assert_eq!(initial("anna"), "A");
        assert_eq!(initial("1st"), "#");
        assert_eq!(initial("«Вопрос»"), "В");
    }
}
