//! A timed transcript written back as captions: WebVTT ([`to_webvtt`]) and SubRip
//! ([`to_srt`]), for the turns a filter shows.
//!
//! Each timed paragraph becomes one cue, or several when it is long: cues of at most two
//! lines of about [`LINE`] characters, ended at a sentence's end when one is near,
//! else at a clause's, else between words. A cue's times come from its words' when the
//! words are timed, else from its share of the paragraph's characters. A turn timed
//! only as a whole shares its time among its paragraphs the same way; a turn with a
//! start and no end lasts until the next start. Untimed paragraphs are left out.
//!
//! The only markup is WebVTT's: voice spans (`<v Mary Smith>`) and, where words are
//! timed, time stamps before them (`<00:01:23.400>`); text and names are escaped
//! (`&amp;`, `&lt;`, `&gt;`). The title, credit and licence travel in a `NOTE` (SubRip
//! has nowhere to put them).

use crate::model::{words, Time, Transcript, Turn};

/// About how many characters a caption line holds (the usual 42 of broadcast
/// guidelines); a cue holds two lines.
const LINE: usize = 42;

/// The WebVTT file of `t`'s timed turns that `visible` (given a turn's index) shows:
/// the `WEBVTT` header, a `NOTE` with the title and the source's credit, licence and
/// address, then a cue per timed paragraph or part of one, in a `<v Speaker Name>` voice
/// span when the turn has a speaker. Times are `HH:MM:SS.mmm`.
pub fn to_webvtt(t: &Transcript, visible: &dyn Fn(usize) -> bool) -> String {
    let mut out = String::from("WEBVTT\n\nNOTE\n");
    let mut note = vec![t.display_title()];
    let source = &t.source;
    note.extend(source.credit.iter().map(|c| format!("Credit: {c}")));
    note.extend(source.license.iter().map(|l| format!("Licence: {l}")));
    note.extend(source.url.iter().map(|u| format!("Source: {u}")));
    for line in note {
        // A comment may not hold `-->`, nor a blank line (which would end it).
        let line = one_line(&line).replace("-->", "->");
        if !line.is_empty() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for cue in cues(t, visible) {
        out.push('\n');
        out.push_str(&format!(
            "{} --> {}\n",
            vtt_time(cue.caption.start),
            vtt_time(cue.caption.end)
        ));
        if let Some(name) = cue.speaker {
            out.push_str(&format!("<v {}>", escape(&one_line(name))));
        }
        out.push_str(&cue.caption.text(true));
        out.push('\n');
    }
    out
}

/// The SubRip file of `t`'s timed turns that `visible` shows: numbered cues, times
/// `HH:MM:SS,mmm`, the speaker's name and `: ` before the first cue of each turn (as
/// the Podcasting 2.0 transcript recommendation has it), and no markup: the text as it
/// is. SubRip has no comments, so no credit line.
pub fn to_srt(t: &Transcript, visible: &dyn Fn(usize) -> bool) -> String {
    let mut out = String::new();
    for (n, cue) in cues(t, visible).into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{}\n{} --> {}\n",
            n + 1,
            srt_time(cue.caption.start),
            srt_time(cue.caption.end)
        ));
        if let Some(name) = cue.speaker.filter(|_| cue.opens_turn) {
            out.push_str(&one_line(name));
            out.push_str(": ");
        }
        out.push_str(&cue.caption.text(false));
        out.push('\n');
    }
    out
}

/// One cue: who, and what ([`Caption`]).
struct Cue<'a> {
    /// The speaker's name, when the turn has a known speaker.
    speaker: Option<&'a str>,
    /// The first cue of its turn.
    opens_turn: bool,
    caption: Caption<'a>,
}

/// A cue's part of a paragraph: when, its words, where its second line starts, and for
/// each word, the time to mark before it (WebVTT's time stamps) when its words are
/// timed.
#[derive(Debug)]
struct Caption<'a> {
    start: Time,
    end: Time,
    words: Vec<Word<'a>>,
    second_line: Option<usize>,
    marks: Vec<Option<Time>>,
}

impl Caption<'_> {
    /// The text, for WebVTT (escaped, with time stamps) or as it is.
    fn text(&self, vtt: bool) -> String {
        let mut out = String::new();
        for (i, w) in self.words.iter().enumerate() {
            if self.second_line == Some(i) {
                out.push('\n');
            } else if i > 0 {
                out.push_str(w.gap);
            }
            if !vtt {
                out.push_str(w.text);
                continue;
            }
            if let Some(at) = self.marks.get(i).copied().flatten() {
                out.push_str(&format!("<{}>", vtt_time(at)));
            }
            out.push_str(&escape(w.text));
        }
        out
    }
}

/// Every cue of the turns `visible` shows, in order.
fn cues<'a>(t: &'a Transcript, visible: &dyn Fn(usize) -> bool) -> Vec<Cue<'a>> {
    // Per turn, the next start after it: where a turn with no end ends.
    let mut next_start = vec![None; t.turns.len()];
    let mut next = None;
    for (i, turn) in t.turns.iter().enumerate().rev() {
        next_start[i] = next;
        next = start_of(turn).or(next);
    }
    let mut out: Vec<Cue> = Vec::new();
    for (i, turn) in t.turns.iter().enumerate() {
        if !visible(i) {
            continue;
        }
        let speaker = turn
            .speaker
            .as_deref()
            .and_then(|id| t.speaker(id))
            .map(|s| s.name.as_str())
            .filter(|n| !n.trim().is_empty());
        let first = out.len();
        for (text, start, end, word_starts) in timed_paragraphs(turn, next_start[i]) {
            for caption in paragraph_cues(text, start, end, word_starts.as_deref()) {
                out.push(Cue {
                    speaker,
                    opens_turn: out.len() == first,
                    caption,
                });
            }
        }
    }
    out
}

/// When a turn starts: its `start`, else its first paragraph's.
fn start_of(turn: &Turn) -> Option<Time> {
    turn.start.or_else(|| turn.times.first().map(|t| t.start))
}

/// A paragraph's text, start, end and words' starts (when timed).
type Timed<'a> = (&'a str, Time, Time, Option<Vec<Time>>);

/// A turn's timed paragraphs: from its paragraph times, or, for a turn timed only as a
/// whole, its time shared among its paragraphs by their length. `next` is the next
/// start after the turn, its end when it has none.
fn timed_paragraphs(turn: &Turn, next: Option<Time>) -> Vec<Timed<'_>> {
    if !turn.times.is_empty() {
        return turn
            .times
            .iter()
            .zip(&turn.paragraphs)
            .map(|(tm, text)| {
                let n = words(text).count();
                let w = (tm.words.len() == n).then(|| tm.word_starts().collect());
                (text.as_str(), tm.start, tm.end, w)
            })
            .collect();
    }
    let Some(start) = turn.start else {
        return Vec::new();
    };
    let lens: Vec<u64> = turn.paragraphs.iter().map(|p| text_len(p) as u64).collect();
    let total: u64 = lens.iter().sum();
    let end = turn
        .end
        .or(next.filter(|&n| n > start))
        .unwrap_or(Time(start.0 + reading_ms(total)));
    let span = end.0.saturating_sub(start.0);
    let mut before = 0;
    let mut out = Vec::new();
    for (text, len) in turn.paragraphs.iter().zip(lens) {
        let a = start.0 + share(span, before, total);
        before += len;
        let b = start.0 + share(span, before, total);
        out.push((text.as_str(), Time(a), Time(b), None));
    }
    out
}

/// About how long `chars` characters take to say: 60 ms each (1,000 per minute).
fn reading_ms(chars: u64) -> u64 {
    chars.max(1) * 60
}

/// `part` of `whole` of `span`, rounded down.
fn share(span: u64, part: u64, whole: u64) -> u64 {
    match whole {
        0 => 0,
        _ => (u128::from(span) * u128::from(part) / u128::from(whole)) as u64,
    }
}

/// A word of a paragraph: its text and what comes before it in a line (`" "`, or the
/// no-break spaces the source had there; empty for the first).
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    gap: &'a str,
    /// Characters in the text and in the gap (as written: 1 for a space).
    chars: usize,
    gap_chars: usize,
}

impl Word<'_> {
    fn ends_sentence(&self) -> bool {
        let t = self
            .text
            .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
        t.ends_with(['.', '?', '!', '…', '。', '？', '！'])
    }

    fn ends_clause(&self) -> bool {
        self.text.ends_with([',', ';', ':', '—', '–', '，', '、'])
    }
}

/// The length of `text` as the cues write it.
fn text_len(text: &str) -> usize {
    paragraph_words(text)
        .iter()
        .map(|w| w.chars + w.gap_chars)
        .sum()
}

fn paragraph_words(text: &str) -> Vec<Word<'_>> {
    let mut prev_end = None;
    words(text)
        .map(|(a, b)| {
            let gap = match prev_end {
                None => "",
                Some(e) => {
                    let g = &text[e..a];
                    let no_break = g
                        .chars()
                        .all(|c| matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'));
                    if no_break {
                        g
                    } else {
                        " "
                    }
                }
            };
            prev_end = Some(b);
            Word {
                text: &text[a..b],
                gap,
                chars: text[a..b].chars().count(),
                gap_chars: gap.chars().count(),
            }
        })
        .collect()
}

/// The cues of one paragraph spoken from `start` to `end`. The words' starts, when
/// given, time the cues (and are marked in them); else their share of the characters.
fn paragraph_cues<'a>(
    text: &'a str,
    start: Time,
    end: Time,
    word_starts: Option<&[Time]>,
) -> Vec<Caption<'a>> {
    let ws = paragraph_words(text);
    if ws.is_empty() {
        return Vec::new();
    }
    let end = end.max(start);
    // Character offsets of each word's start, as written, and the whole.
    let mut at = Vec::with_capacity(ws.len() + 1);
    let mut pos = 0;
    for w in &ws {
        pos += w.gap_chars;
        at.push(pos);
        pos += w.chars;
    }
    at.push(pos);
    // Characters from word a's start to word b - 1's end.
    let span = |a: usize, b: usize| at[b - 1] + ws[b - 1].chars - at[a];
    // Groups of words [a, b), each a cue, with its start.
    let mut groups: Vec<(usize, usize, Time)> = Vec::new();
    let mut a = 0;
    while a < ws.len() {
        let b = cue_end(&ws, a, &span);
        let t = if a == 0 {
            start
        } else {
            match word_starts {
                Some(w) => w[a].clamp(start, end),
                None => Time(start.0 + share(end.0 - start.0, at[a] as u64, pos as u64)),
            }
        };
        match groups.last_mut() {
            // A cue of no length is said with the next.
            Some(last) if last.2 >= t => last.1 = b,
            _ => groups.push((a, b, t)),
        }
        a = b;
    }
    if groups.len() > 1 && groups.last().is_some_and(|g| g.2 >= end) {
        if let Some((_, b, _)) = groups.pop() {
            if let Some(last) = groups.last_mut() {
                last.1 = b;
            }
        }
    }
    let ends: Vec<Time> = groups.iter().skip(1).map(|g| g.2).chain([end]).collect();
    groups
        .iter()
        .zip(ends)
        .map(|(&(a, b, s), e)| {
            // A time stamp must be later than the cue's start and the one before it,
            // and earlier than the cue's end.
            let mut last = s;
            let marks = (a..b)
                .map(|k| {
                    let w = word_starts?[k];
                    (w > last && w < e).then(|| {
                        last = w;
                        w
                    })
                })
                .collect();
            Caption {
                start: s,
                end: e,
                words: ws[a..b].to_vec(),
                second_line: second_line(&ws[a..b], &span, a),
                marks,
            }
        })
        .collect()
}

/// Where the cue starting at word `a` ends (one past its last word): as many words as
/// fit in two lines, ended at the last sentence end in them (else clause end) that
/// leaves the cue at least a third full; at least one word.
fn cue_end(ws: &[Word], a: usize, span: &dyn Fn(usize, usize) -> usize) -> usize {
    let max = 2 * LINE;
    let mut b = a + 1;
    while b < ws.len() && span(a, b + 1) <= max {
        b += 1;
    }
    if b == ws.len() {
        return b;
    }
    let fits = |k: &usize| span(a, *k) >= max / 3;
    let sentence = (a + 1..=b)
        .rev()
        .filter(fits)
        .find(|&k| ws[k - 1].ends_sentence());
    let clause = || {
        (a + 1..=b)
            .rev()
            .filter(fits)
            .find(|&k| ws[k - 1].ends_clause())
    };
    sentence.or_else(clause).unwrap_or(b)
}

/// Where the words of a cue break into a second line (the index of its first word):
/// nowhere when they fit in [`LINE`] characters, else where the lines are about equal
/// (not at a no-break space when there is another place). `first` is the index of
/// `ws[0]` for `span`.
fn second_line(ws: &[Word], span: &dyn Fn(usize, usize) -> usize, first: usize) -> Option<usize> {
    let n = ws.len();
    if n < 2 || span(first, first + n) <= LINE {
        return None;
    }
    // Not at a no-break space; both lines within a line's length; after punctuation;
    // of equal length: in that order.
    let cost = |k: usize| {
        let longer = span(first, first + k).max(span(first + k, first + n));
        let after_stop = ws[k - 1].ends_clause() || ws[k - 1].ends_sentence();
        (ws[k].gap != " ", longer > LINE, !after_stop, longer)
    };
    (1..n).min_by_key(|&k| cost(k))
}

/// `text` on one line: line breaks (and other white space but the no-break spaces) as
/// single spaces, trimmed.
fn one_line(text: &str) -> String {
    paragraph_words(text)
        .iter()
        .flat_map(|w| [w.gap, w.text])
        .collect()
}

/// Text escaped for a WebVTT cue or voice annotation.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// `HH:MM:SS` and the milliseconds, split by `sep`.
fn clock(t: Time, sep: char) -> String {
    let (s, ms) = (t.0 / 1000, t.0 % 1000);
    format!(
        "{:02}:{:02}:{:02}{sep}{ms:03}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn vtt_time(t: Time) -> String {
    clock(t, '.')
}

fn srt_time(t: Time) -> String {
    clock(t, ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Speaker};

    /// A caption's lines, as they are.
    fn lines(c: &Caption) -> Vec<String> {
        c.text(false).lines().map(str::to_string).collect()
    }

    fn speaker(id: &str, name: &str) -> Speaker {
        Speaker {
            id: id.into(),
            name: name.into(),
            role: None,
            anonymous: false,
        }
    }

    use crate::state::fixture::timed_turn as turn;

    /// Mary's two paragraphs (the first with timed words), John's turn timed as a
    /// whole, an unattributed one, and an untimed one of Mary's.
    fn talk() -> Transcript {
        let whole = Turn {
            start: Some(Time(7_000)),
            end: Some(Time(9_000)),
            ..turn(Some("j"), "One.|Two three.", &[])
        };
        Transcript {
            title: "Talks".into(),
            speakers: vec![speaker("m", "Mary Smith"), speaker("j", "John Doe")],
            turns: vec![
                turn(
                    Some("m"),
                    "Hello there.|Second paragraph.",
                    &[(1_000, 2_500, &[1_000, 1_600]), (5_000, 6_000, &[])],
                ),
                whole,
                turn(None, "Narration.", &[(10_000, 11_000, &[])]),
                turn(Some("m"), "Untimed text.", &[]),
            ],
            source: Source {
                file: "talk.json".into(),
                credit: Some("Example credit".into()),
                license: Some("CC BY 4.0".into()),
                url: Some("https://example.org/talk".into()),
            },
            ..Default::default()
        }
    }

    #[test]
    fn webvtt_has_a_note_voices_and_a_cue_per_timed_paragraph() {
        let want = "WEBVTT\n\
            \n\
            NOTE\n\
            Talks\n\
            Credit: Example credit\n\
            Licence: CC BY 4.0\n\
            Source: https://example.org/talk\n\
            \n\
            00:00:01.000 --> 00:00:02.500\n\
            <v Mary Smith>Hello <00:00:01.600>there.\n\
            \n\
            00:00:05.000 --> 00:00:06.000\n\
            <v Mary Smith>Second paragraph.\n\
            \n\
            00:00:07.000 --> 00:00:07.571\n\
            <v John Doe>One.\n\
            \n\
            00:00:07.571 --> 00:00:09.000\n\
            <v John Doe>Two three.\n\
            \n\
            00:00:10.000 --> 00:00:11.000\n\
            Narration.\n";
        assert_eq!(to_webvtt(&talk(), &|_| true), want);
        // No credit: the title alone, or the word for a transcript.
        let mut bare = talk();
        bare.source = Source::default();
        bare.title.clear();
        bare.turns.truncate(1);
        assert!(
            to_webvtt(&bare, &|_| true).starts_with("WEBVTT\n\nNOTE\nTranscript\n\n00:00:01.000")
        );
    }

    #[test]
    fn srt_numbers_cues_and_names_the_speaker_once_a_turn() {
        let want = "1\n00:00:01,000 --> 00:00:02,500\nMary Smith: Hello there.\n\
            \n\
            2\n00:00:05,000 --> 00:00:06,000\nSecond paragraph.\n\
            \n\
            3\n00:00:07,000 --> 00:00:07,571\nJohn Doe: One.\n\
            \n\
            4\n00:00:07,571 --> 00:00:09,000\nTwo three.\n\
            \n\
            5\n00:00:10,000 --> 00:00:11,000\nNarration.\n";
        assert_eq!(to_srt(&talk(), &|_| true), want);
    }

    #[test]
    fn only_the_turns_shown_are_written() {
        let t = talk();
        let srt = to_srt(&t, &|i| i != 1);
        assert!(!srt.contains("John") && !srt.contains("One."), "{srt}");
        assert!(
            srt.contains("3\n00:00:10,000 --> 00:00:11,000\nNarration.\n"),
            "{srt}"
        );
        let vtt = to_webvtt(&t, &|i| i == 2);
        assert!(
            vtt.ends_with(
                "Source: https://example.org/talk\n\n00:00:10.000 --> 00:00:11.000\nNarration.\n"
            ),
            "{vtt}"
        );
        assert_eq!(to_srt(&t, &|_| false), "");
        let none = to_webvtt(&t, &|_| false);
        assert!(!none.contains("-->"), "{none}");
    }

    #[test]
    fn hostile_names_and_text_stay_text() {
        let mut t = talk();
        t.title = "Title --> 00:00:00.000\n\nfake cue".into();
        t.speakers[0].name = "</v><script>alert(1)</script> & co\nWEBVTT".into();
        t.turns[0].paragraphs[0] =
            "a </v><c.x>b</c> <script>x</script> &amp; -->\n\n00:00:00.000 --> 00:00:01.000\nfake"
                .into();
        t.turns[0].times[0].words.clear();
        let vtt = to_webvtt(&t, &|_| true);
        assert!(
            vtt.contains("<v &lt;/v&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co WEBVTT>"),
            "{vtt}"
        );
        assert!(vtt.contains("&lt;script&gt;x&lt;/script&gt; &amp;amp;\n--&gt; 00:00:00.000 --&gt; 00:00:01.000 fake\n"), "{vtt}");
        assert!(
            vtt.contains("NOTE\nTitle -> 00:00:00.000 fake cue\n"),
            "{vtt}"
        );
        // Cues of a timing line and one or two lines of text, whose only tags are voice
        // spans; `-->` only in timing lines.
        let blocks: Vec<&str> = vtt.split("\n\n").collect();
        assert_eq!(blocks.len(), 2 + 5, "{vtt}");
        for block in &blocks[2..] {
            let lines: Vec<&str> = block.trim_end().lines().collect();
            assert!((2..=3).contains(&lines.len()), "{block}");
            assert!(
                lines[0].len() == 29 && lines[0].contains(" --> "),
                "{block}"
            );
            for line in &lines[1..] {
                let tag = line.starts_with("<v ") as usize;
                assert_eq!(line.matches('<').count(), tag, "{line}");
                assert_eq!(line.matches('>').count(), tag, "{line}");
            }
        }
        // SubRip has no escapes: the text as it is, on no more lines than a cue has.
        let srt = to_srt(&t, &|_| true);
        let cues: Vec<&str> = srt.split("\n\n").collect();
        assert_eq!(cues.len(), 5, "{srt}");
        assert!(cues[0].starts_with("1\n00:00:01,000 --> "), "{srt}");
        assert!(
            cues[0].contains("</v><script>alert(1)</script> & co WEBVTT: a </v>"),
            "{srt}"
        );
        assert!(cues.iter().all(|c| c.lines().count() <= 4), "{srt}");
    }

    #[test]
    fn long_paragraphs_are_cues_of_two_lines_ended_at_sentences() {
        let text = "This is the first sentence of a long answer. And here is a second \
            one, which goes on for quite a while, longer than any line. The end.";
        let n = words(text).count() as u64;
        // Proportional to characters (10 ms each), then by word times (one a second).
        let t = turn(None, text, &[(0, 10 * text.len() as u64, &[])]);
        let starts: Vec<u64> = (0..n).map(|i| 100_000 + i * 1_000).collect();
        let w = turn(None, text, &[(100_000, 100_000 + n * 1_000, &starts)]);
        for turn in [t, w] {
            let tm = &turn.times[0];
            let ws: Vec<Time> = tm.word_starts().collect();
            let ws = (!ws.is_empty()).then_some(ws.as_slice());
            let cues = paragraph_cues(text, tm.start, tm.end, ws);
            let texts: Vec<String> = cues.iter().map(|c| lines(c).join(" ")).collect();
            assert_eq!(
                texts,
                [
                    "This is the first sentence of a long answer.",
                    "And here is a second one, which goes on for quite a while, longer than any line.",
                    "The end.",
                ]
            );
            assert_eq!(texts.join(" "), text);
            for c in &cues {
                assert!(
                    lines(c).len() <= 2 && lines(c).iter().all(|l| l.chars().count() <= LINE + 4),
                    "{c:?}"
                );
                assert!(c.start < c.end, "{c:?}");
            }
            assert_eq!(
                lines(&cues[1]),
                [
                    "And here is a second one, which goes on",
                    "for quite a while, longer than any line."
                ]
            );
            assert_eq!((cues[0].start, cues[2].end), (tm.start, tm.end));
            assert!(cues.windows(2).all(|p| p[0].end == p[1].start));
            if ws.is_some() {
                // A cue starts with its first word (the second cue's is the 10th).
                assert_eq!(
                    (cues[1].start, cues[2].start),
                    (Time(109_000), Time(126_000))
                );
            } else {
                // …or after its share of the characters (45 and 126 of 134).
                assert_eq!((cues[1].start, cues[2].start), (Time(450), Time(1_260)));
            }
        }
    }

    #[test]
    fn odd_paragraphs_still_make_sensible_cues() {
        // A paragraph of no length is one cue, however long.
        let long = "word ".repeat(60);
        let cues = paragraph_cues(&long, Time(5_000), Time(5_000), None);
        assert_eq!(cues.len(), 1);
        assert_eq!((cues[0].start, cues[0].end), (Time(5_000), Time(5_000)));
        // Words said at once are one cue.
        let starts = vec![Time(1_000); 60];
        let cues = paragraph_cues(&long, Time(1_000), Time(9_000), Some(&starts));
        assert_eq!(cues.len(), 1);
        assert!(!cues[0].text(true).contains('<'));
        // Time stamps only where they may be: later than the cue's start and the stamp
        // before, earlier than its end.
        let starts = [0, 0, 100, 100, 50, 300, 900].map(Time);
        let cues = paragraph_cues("a b c d e f g", Time(0), Time(900), Some(&starts));
        assert_eq!(
            cues[0].text(true),
            "a b <00:00:00.100>c d e <00:00:00.300>f g"
        );
        // No words, no cue; one word longer than a cue, a cue of its own.
        assert!(paragraph_cues(" \n ", Time(0), Time(9), None).is_empty());
        let huge = format!("{} b", "a".repeat(100));
        let cues = paragraph_cues(&huge, Time(0), Time(1_010), None);
        assert_eq!(
            cues.iter().map(|c| lines(c).concat()).collect::<Vec<_>>(),
            ["a".repeat(100), "b".into()]
        );
        assert_eq!(cues[1].start, Time(1_000));
        // No-break spaces are kept, and no line breaks at one when there is a space.
        let nb = "В.\u{a0}Путин: a fairly long line of words that must wrap somewhere.";
        let cues = paragraph_cues(nb, Time(0), Time(1), None);
        assert_eq!(lines(&cues[0])[0].split(' ').next(), Some("В.\u{a0}Путин:"));
        // Breaks in a paragraph's text are spaces.
        let cues = paragraph_cues("a\n\nb\r\nc", Time(0), Time(1), None);
        assert_eq!(lines(&cues[0]), ["a b c"]);
    }

    #[test]
    fn turns_without_an_end_last_until_the_next_start() {
        let t = Transcript {
            speakers: vec![speaker("a", "A")],
            turns: vec![
                Turn {
                    start: Some(Time(1_000)),
                    ..turn(Some("a"), "Up to the next.", &[])
                },
                turn(None, "Timed.", &[(4_000, 5_000, &[])]),
                // Bad ids and empty text: no voice, no cue.
                turn(
                    Some("nobody"),
                    "Who?|",
                    &[(5_200, 5_500, &[]), (5_500, 5_600, &[])],
                ),
                Turn {
                    start: Some(Time(6_000)),
                    ..turn(None, "Last, read at 60 ms a character.", &[])
                },
            ],
            ..Default::default()
        };
        let srt = to_srt(&t, &|_| true);
        let timings: Vec<&str> = srt.lines().filter(|l| l.contains("-->")).collect();
        assert_eq!(
            timings,
            [
                "00:00:01,000 --> 00:00:04,000",
                "00:00:04,000 --> 00:00:05,000",
                "00:00:05,200 --> 00:00:05,500",
                "00:00:06,000 --> 00:00:07,920",
            ]
        );
        assert!(
            srt.contains("\nA: Up to the next.\n\n") && srt.contains("\nWho?\n"),
            "{srt}"
        );
    }

    #[test]
    fn times_are_hours_minutes_seconds_and_milliseconds() {
        let cases = [
            (0, "00:00:00.000"),
            (1, "00:00:00.001"),
            (83_200, "00:01:23.200"),
            (3_723_004, "01:02:03.004"),
            (360_000_000, "100:00:00.000"),
        ];
        for (ms, want) in cases {
            assert_eq!(vtt_time(Time(ms)), want);
            assert_eq!(srt_time(Time(ms)), want.replace('.', ","));
        }
    }
}
