//! Calendar dates, shared by the converter (reading them) and the viewer (showing
//! them): month names in English and Russian, validity, ISO form and display form.

/// English month names.
pub const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Russian month names in the genitive, as dates use them (`18 февраля`).
pub const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Russian month names in the nominative (`февраль 2022`).
pub const RU_MONTHS_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// `YYYY-MM-DD` for a real calendar date; `None` for 30 February and the like.
pub fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    ((1000..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month))
    .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Reads `YYYY-MM-DD` as (year, month, day); `None` for anything else.
/// A numeric date: `12.03.2014` (day first, with dots) or `6/4/2015` (month first,
/// with slashes, the US order); ISO `YYYY-MM-DD`, or `None`.
pub fn numeric(s: &str) -> Option<String> {
    let (sep, day_first) = if s.contains('.') {
        ('.', true)
    } else {
        ('/', false)
    };
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, max: usize| {
        (!p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (a, b) = (num(a, 2)?, num(b, 2)?);
    if y.len() != 4 {
        return None;
    }
    let y = num(y, 4)?;
    let (d, m) = if day_first { (a, b) } else { (b, a) };
    iso(y, m, d)
}

pub fn parse_iso(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    iso(y, m, d).map(|_| (y, m, d))
}

/// The date as readers of `lang` expect it: English `February 18, 2022`, Russian
/// `18 февраля 2022 г.`, otherwise (or when `iso` is not a valid date) `iso` unchanged.
pub fn format(iso: &str, lang: &str) -> String {
    let Some((y, m, d)) = parse_iso(iso) else {
        return iso.to_string();
    };
    let month = (m - 1) as usize;
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    match primary.to_ascii_lowercase().as_str() {
        "en" => format!("{} {d}, {y}", EN_MONTHS[month]),
        "ru" => format!("{d} {} {y} г.", RU_MONTHS[month]),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates() {
        assert_eq!(parse_iso("2022-02-18"), Some((2022, 2, 18)));
        for bad in [
            "2022-2-18",
            "2022-02-30",
            "2021-02-29",
            "1900-02-29",
            "2022-13-01",
            "2022-00-10",
            "20x2-02-18",
            "2022-02-18T",
            "+022-02-18",
            "0999-01-01",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        assert!(parse_iso("2024-02-29").is_some() && parse_iso("2000-02-29").is_some());
    }

    #[test]
    fn formats_per_language() {
        let cases = [
            ("2022-02-18", "en", "February 18, 2022"),
            ("2022-02-08", "en-GB", "February 8, 2022"),
            ("2022-02-18", "ru", "18 февраля 2022 г."),
            ("2021-12-01", "RU", "1 декабря 2021 г."),
            ("2022-02-18", "de", "2022-02-18"),
            ("2022-02-18", "", "2022-02-18"),
            ("18.02.2022", "en", "18.02.2022"),
        ];
        for (iso, lang, want) in cases {
            assert_eq!(format(iso, lang), want, "{iso} {lang}");
        }
    }
}
