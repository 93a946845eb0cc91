//! Russian: the viewer's words as the Russian edition of kremlin.ru would say them
//! (its "Настройки отображения" bar: "Размер шрифта", "Цвета сайта"), CLDR's Russian
//! plural rule and digit grouping.

use super::{Labels, Language, Plural, PluralCategory};
use crate::dates::RU_MONTHS;
use yew::AttrValue;

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
    // A constant: the words are copied as data, not built by code.
    LABELS
}

const LABELS: Labels = Labels {
    language: &LANGUAGE,
    search_region: AttrValue::Static("Поиск по стенограмме"),
    search: AttrValue::Static("Поиск"),
    match_diacritics: AttrValue::Static("Учитывать диакритические знаки"),
    whole_words: AttrValue::Static("Только целые слова"),
    previous_match: AttrValue::Static("Предыдущее совпадение"),
    next_match: AttrValue::Static("Следующее совпадение"),
    previous: AttrValue::Static("Предыдущее"),
    next: AttrValue::Static("Следующее"),
    match_position: AttrValue::Static("{number} из {total}"),
    no_matches: AttrValue::Static("Совпадений нет"),
    nothing_to_search: AttrValue::Static("Совпадений нет: введите букву или цифру"),
    speakers: AttrValue::Static("Выступающие"),
    speakers_all: Plural::slavic(
        "{n} выступающий",
        "Все {n} выступающих",
        "Все {n} выступающих",
    ),
    speakers_shown: Plural::slavic(
        "{shown} из {n} выступающего",
        "{shown} из {n} выступающих",
        "{shown} из {n} выступающих",
    ),
    show_all: AttrValue::Static("Показать всех"),
    only: AttrValue::Static("Только"),
    show_only: AttrValue::Static("Показать только: {name}"),
    turns: Plural::slavic("{n} реплика", "{n} реплики", "{n} реплик"),
    words: Plural::slavic("{n} слово", "{n} слова", "{n} слов"),
    matches: Plural::slavic("{n} совпадение", "{n} совпадения", "{n} совпадений"),
    hidden_turns: Plural::slavic(
        "Скрыта {n} реплика: {names}",
        "Скрыты {n} реплики: {names}",
        "Скрыто {n} реплик: {names}",
    ),
    and: AttrValue::Static(" и "),
    comma: AttrValue::Static(", "),
    unknown_speaker: AttrValue::Static("выступающий не из списка"),
    showing: AttrValue::Static("Показано реплик: {shown} из {total}"),
    copy_link: AttrValue::Static("Копировать ссылку на реплику {n} ({name})"),
    copy_link_unattributed: AttrValue::Static("Копировать ссылку на реплику {n}"),
    link_copied: AttrValue::Static("Ссылка скопирована"),
    link_in_address_bar: AttrValue::Static("Ссылка на реплику — в адресной строке"),
    recording: AttrValue::Static("Запись"),
    recording_of: AttrValue::Static("Запись: {title}"),
    recording_failed: AttrValue::Static("Не удалось загрузить запись ({url})."),
    follow_playback: AttrValue::Static("Следовать за воспроизведением"),
    follow_paused: AttrValue::Static("Следование за воспроизведением приостановлено"),
    play_shown_only: AttrValue::Static("Воспроизводить только показанных выступающих"),
    download_webvtt: AttrValue::Static("Субтитры WebVTT"),
    download_srt: AttrValue::Static("Субтитры SRT"),
    downloaded: AttrValue::Static("Скачивается {name}"),
    play_from: AttrValue::Static("Воспроизвести с {time} ({name})"),
    play_from_unattributed: AttrValue::Static("Воспроизвести с {time}"),
    skip_to_transcript: AttrValue::Static("Перейти к стенограмме"),
    viewer_region: AttrValue::Static("Стенограмма: {title}"),
    view_settings: AttrValue::Static("Настройки отображения"),
    font_size: AttrValue::Static("Размер шрифта"),
    font_size_percent: AttrValue::Static("{n}\u{a0}%"),
    smaller: AttrValue::Static("Меньше"),
    larger: AttrValue::Static("Больше"),
    font_size_now: AttrValue::Static("Размер шрифта {n}\u{a0}%"),
    colours: AttrValue::Static("Цвета сайта"),
    scheme_system: AttrValue::Static("Автоматически"),
    scheme_light: AttrValue::Static("Светлая"),
    scheme_dark: AttrValue::Static("Тёмная"),
    scheme_black_on_white: AttrValue::Static("Чёрным по белому"),
    scheme_white_on_black: AttrValue::Static("Белым по чёрному"),
    scheme_dark_blue_on_light_blue: AttrValue::Static("Тёмно-синим по голубому"),
    scheme_brown_on_beige: AttrValue::Static("Коричневым по бежевому"),
    letter_spacing: AttrValue::Static("Межбуквенный интервал"),
    line_height: AttrValue::Static("Межстрочный интервал"),
    word_spacing: AttrValue::Static("Интервал между словами"),
    spacing_normal: AttrValue::Static("Обычный"),
    spacing_wider: AttrValue::Static("Увеличенный"),
    spacing_widest: AttrValue::Static("Максимальный"),
    font: AttrValue::Static("Шрифт"),
    font_sans: AttrValue::Static("Без засечек"),
    font_serif: AttrValue::Static("С засечками"),
    font_legible: AttrValue::Static("Особо разборчивый"),
    reset_settings: AttrValue::Static("Сбросить настройки"),
    settings_reset: AttrValue::Static("Настройки сброшены"),
    transcript_warnings: AttrValue::Static("Стенограмма может быть неполной:"),
    more_warnings: Plural::invariable("и ещё {n}"),
    summary: AttrValue::Static("Краткое содержание"),
    source: AttrValue::Static("Источник"),
    transcripts: AttrValue::Static("Стенограммы"),
    all_transcripts: Plural::slavic(
        "{n} стенограмма",
        "Все {n} стенограммы",
        "Все {n} стенограмм",
    ),
    search_transcripts: AttrValue::Static("Поиск по всем стенограммам"),
    site_title_suffix: AttrValue::Static(" — Просмотр стенограмм"),
    loading: AttrValue::Static("Стенограмма загружается…"),
    catalog_failed: AttrValue::Static("Не удалось загрузить список стенограмм"),
    transcript_failed: AttrValue::Static("Не удалось загрузить стенограмму"),
    error_file: AttrValue::Static("Файл:"),
    network_error: AttrValue::Static("Ошибка сети: {detail}"),
    http_error: AttrValue::Static("Сервер ответил: HTTP {status}"),
    invalid_json: AttrValue::Static("Файл не читается как JSON стенограммы: {detail}"),
    empty_catalog: AttrValue::Static("Список стенограмм пуст."),
    warning_no_turns: AttrValue::Static("{path}: в стенограмме нет реплик"),
    warning_unknown_speaker: AttrValue::Static(
        "{path}: реплика «{turn}» называет выступающего «{speaker}», которого нет в списке",
    ),
    warning_unused_speaker: AttrValue::Static("{path}: у выступающего «{speaker}» нет реплик"),
    noscript: AttrValue::Static(
        "Для поиска, выбора выступающих и настроек отображения нужны JavaScript и WebAssembly.",
    ),
    panic_stopped: AttrValue::Static(
        "Просмотр стенограммы прекратил работу из-за внутренней ошибки.",
    ),
    panic_reload: AttrValue::Static(
        "Перезагрузите страницу, чтобы попробовать снова. Подробности:",
    ),
    export: AttrValue::Static("Экспорт"),
    export_text: AttrValue::Static("Обычный текст"),
    export_markdown: AttrValue::Static("Markdown"),
    export_html: AttrValue::Static("HTML"),
    export_json: AttrValue::Static("JSON"),
    export_marks: AttrValue::Static("Отметить совпадения"),
    strip: AttrValue::Static("Кто когда говорил"),
    strip_turn: AttrValue::Static("Реплика {n} из {total}: {name}"),
    strip_turn_unattributed: AttrValue::Static("Реплика {n} из {total}"),
    strip_hidden: AttrValue::Static("{turn} (скрыто)"),
    strip_text: AttrValue::Static("Кто когда говорил, текстом"),
    strip_text_short: AttrValue::Static("Текстом"),
    strip_run: AttrValue::Static("{name} \u{2014} реплики {first}\u{2013}{last}, {words}"),
    strip_run_one: AttrValue::Static("{name} \u{2014} реплика {first}, {words}"),
    strip_run_times: AttrValue::Static("{run}, {start}\u{2013}{end}"),
    strip_unattributed: AttrValue::Static("Без указания говорящего"),
    word_share: AttrValue::Static("{n}\u{a0}% слов"),
    word_share_small: AttrValue::Static("Менее 1\u{a0}% слов"),
    smaller_sign: AttrValue::Static("А\u{2212}"),
    larger_sign: AttrValue::Static("А+"),
    font_sample: AttrValue::Static("Аа"),
    cite_turn: AttrValue::Static("Цитировать реплику {n} ({name})"),
    cite_turn_unattributed: AttrValue::Static("Цитировать реплику {n}"),
    cite_selection: AttrValue::Static("Цитировать выделенное"),
    citation_copied: AttrValue::Static("Цитата скопирована"),
    citation_to_copy: AttrValue::Static("Цитата для копирования"),
    close: AttrValue::Static("Закрыть"),
};
