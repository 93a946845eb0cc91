//! Russian: the viewer's words as the Russian edition of kremlin.ru would say them
//! (its "Настройки отображения" bar: "Размер шрифта", "Цвета сайта"), CLDR's Russian
//! plural rule and digit grouping.

use super::{Labels, Language, Plural, PluralCategory};
use crate::dates::RU_MONTHS;

/// Русский.
pub static LANGUAGE: Language = Language {
    code: "ru",
    name: "Русский",
    plural,
    // CLDR's Russian group separator: U+00A0, so that `325 699` never breaks.
    group_separator: "\u{a0}",
    date,
    labels,
};

/// CLDR, for whole numbers: `one` ends in 1 but not 11 (1, 21, 101), `few` ends in
/// 2–4 but not 12–14 (2, 22, 104), `many` the rest (0, 5–20, 25, 111).
fn plural(n: u64) -> PluralCategory {
    let (ten, hundred) = (n % 10, n % 100);
    if ten == 1 && hundred != 11 {
        PluralCategory::One
    } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
        PluralCategory::Few
    } else {
        PluralCategory::Many
    }
}

/// `18 февраля 2022 г.`: the month in the genitive.
fn date(year: u32, month: u32, day: u32) -> String {
    format!("{day} {} {year} г.", RU_MONTHS[(month - 1) as usize])
}

/// Every word of the viewer in Russian.
pub fn labels() -> Labels {
    Labels {
        language: &LANGUAGE,
        search_region: "Поиск по стенограмме".into(),
        search: "Поиск".into(),
        match_diacritics: "Учитывать диакритические знаки".into(),
        whole_words: "Только целые слова".into(),
        previous_match: "Предыдущее совпадение".into(),
        next_match: "Следующее совпадение".into(),
        previous: "Предыдущее".into(),
        next: "Следующее".into(),
        match_position: "{number} из {total}".into(),
        no_matches: "Совпадений нет".into(),
        nothing_to_search: "Совпадений нет: введите букву или цифру".into(),
        speakers: "Выступающие".into(),
        show_all: "Показать всех".into(),
        only: "Только".into(),
        show_only: "Показать только: {name}".into(),
        turns: Plural::slavic("{n} реплика", "{n} реплики", "{n} реплик"),
        words: Plural::slavic("{n} слово", "{n} слова", "{n} слов"),
        matches: Plural::slavic("{n} совпадение", "{n} совпадения", "{n} совпадений"),
        hidden_turns: Plural::slavic(
            "Скрыта {n} реплика: {names}",
            "Скрыты {n} реплики: {names}",
            "Скрыто {n} реплик: {names}",
        ),
        and: " и ".into(),
        comma: ", ".into(),
        unknown_speaker: "выступающий не из списка".into(),
        showing: "Показано реплик: {shown} из {total}".into(),
        copy_link: "Копировать ссылку на реплику {n} ({name})".into(),
        copy_link_unattributed: "Копировать ссылку на реплику {n}".into(),
        link_copied: "Ссылка скопирована".into(),
        link_in_address_bar: "Ссылка на реплику — в адресной строке".into(),
        recording: "Запись".into(),
        recording_of: "Запись: {title}".into(),
        recording_failed: "Не удалось загрузить запись ({url}).".into(),
        follow_playback: "Следовать за воспроизведением".into(),
        follow_paused: "Следование за воспроизведением приостановлено".into(),
        play_shown_only: "Воспроизводить только показанных выступающих".into(),
        download_webvtt: "Скачать WebVTT".into(),
        download_srt: "Скачать SRT".into(),
        downloaded: "Скачивается {name}".into(),
        play_from: "Воспроизвести с {time} ({name})".into(),
        play_from_unattributed: "Воспроизвести с {time}".into(),
        skip_to_transcript: "Перейти к стенограмме".into(),
        viewer_region: "Стенограмма: {title}".into(),
        view_settings: "Настройки отображения".into(),
        font_size: "Размер шрифта".into(),
        font_size_percent: "{n}\u{a0}%".into(),
        smaller: "Меньше".into(),
        larger: "Больше".into(),
        font_size_now: "Размер шрифта {n}\u{a0}%".into(),
        colours: "Цвета сайта".into(),
        scheme_system: "Автоматически".into(),
        scheme_light: "Светлая".into(),
        scheme_dark: "Тёмная".into(),
        scheme_black_on_white: "Чёрным по белому".into(),
        scheme_white_on_black: "Белым по чёрному".into(),
        scheme_dark_blue_on_light_blue: "Тёмно-синим по голубому".into(),
        scheme_brown_on_beige: "Коричневым по бежевому".into(),
        letter_spacing: "Межбуквенный интервал".into(),
        line_height: "Межстрочный интервал".into(),
        word_spacing: "Интервал между словами".into(),
        spacing_normal: "Обычный".into(),
        spacing_wider: "Увеличенный".into(),
        spacing_widest: "Максимальный".into(),
        font: "Шрифт".into(),
        font_sans: "Без засечек".into(),
        font_serif: "С засечками".into(),
        font_legible: "Особо разборчивый".into(),
        reset_settings: "Сбросить настройки".into(),
        settings_reset: "Настройки сброшены".into(),
        transcript_warnings: "Стенограмма может быть неполной:".into(),
        more_warnings: Plural::invariable("и ещё {n}"),
        summary: "Краткое содержание".into(),
        source: "Источник".into(),
        transcripts: "Стенограммы".into(),
        site_title_suffix: " — Просмотр стенограмм".into(),
        loading: "Стенограмма загружается…".into(),
        catalog_failed: "Не удалось загрузить список стенограмм".into(),
        transcript_failed: "Не удалось загрузить стенограмму".into(),
        error_file: "Файл:".into(),
        network_error: "Ошибка сети: {detail}".into(),
        http_error: "Сервер ответил: HTTP {status}".into(),
        invalid_json: "Файл не читается как JSON стенограммы: {detail}".into(),
        empty_catalog: "Список стенограмм пуст.".into(),
        warning_no_turns: "{path}: в стенограмме нет реплик".into(),
        warning_unknown_speaker:
            "{path}: реплика «{turn}» называет выступающего «{speaker}», которого нет в списке"
                .into(),
        warning_unused_speaker: "{path}: у выступающего «{speaker}» нет реплик".into(),
        noscript:
            "Для поиска, выбора выступающих и настроек отображения нужны JavaScript и WebAssembly."
                .into(),
        panic_stopped: "Просмотр стенограммы прекратил работу из-за внутренней ошибки.".into(),
        panic_reload: "Перезагрузите страницу, чтобы попробовать снова. Подробности:".into(),
        font_sample: "Аа".into(),
    }
}
