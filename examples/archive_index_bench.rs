//! Measures the archive search index (src/archive.rs) on generated transcripts and prints
//! the figures docs/archive-index.md quotes. Not a test: nothing is asserted.
//!
//! ```sh
//! cargo run --release --offline --example archive_index_bench -- --docs 10000 --bytes 20000
//! ```
//!
//! It generates `--docs` transcripts of about `--bytes` bytes each in kremlin.ru's text
//! shape (dates over 2000–2024, 12 speakers, one turn in eight in Russian, a Zipf-like
//! vocabulary of real and made-up words), converts them with `transcript_viewer::convert`,
//! builds the index, writes it to `--out` (default `target/archive-bench`), compresses
//! every file with `gzip -9` (which must be on PATH) to count transferred bytes, and runs
//! a few queries the way a browser client would: meta, then what `plan` names, then the
//! fragments of the first page's snippets.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;
use transcript_viewer::archive::{
    plan, run, snippet, Fetched, IndexBuilder, Meta, Page, Query, META_PATH,
};
use transcript_viewer::convert::{convert, Options};

use transcript_viewer::rng::Rng;

#[rustfmt::skip]
const EN_COMMON: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "is", "that", "we", "for", "it", "this", "on",
    "with", "as", "be", "are", "have", "not", "will", "our", "at", "by", "from", "they",
    "but", "all", "has", "was", "there", "which", "more", "people", "country", "year",
    "government", "economy", "development", "support", "important", "work", "region",
    "president", "colleagues", "budget", "gas", "prices", "energy", "investment", "growth",
];
#[rustfmt::skip]
const RU_COMMON: &[&str] = &[
    "и", "в", "не", "на", "что", "мы", "с", "это", "по", "для", "как", "мы", "так", "все",
    "год", "страны", "развитие", "экономики", "бюджет", "поддержка", "газ", "цены",
    "коллеги", "ёлка", "йогурт", "регионы", "люди", "важно", "очень", "работа",
];
#[rustfmt::skip]
const EN_SYL: &[&str] = &[
    "ka", "ro", "mi", "ten", "sa", "lo", "ver", "di", "na", "pe", "tor", "al", "ex", "con", "ment",
    "tion", "li", "po", "ra", "ge", "ba", "fi", "mo", "nu",
];
#[rustfmt::skip]
const RU_SYL: &[&str] = &[
    "ка", "ро", "ми", "тен", "са", "ло", "вер", "ди", "на", "пе", "тор", "ал", "ство", "ние", "ли",
    "по", "ра", "ге", "ба", "фи", "мо", "ну", "ёж", "йо",
];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// A vocabulary: the common words, then made-up ones; drawn with weight 1/rank.
struct Vocab {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocab {
    fn new(common: &[&str], syllables: &[&str], size: usize, seed: u64) -> Vocab {
        let mut rng = Rng(seed);
        let mut words: Vec<String> = common.iter().map(|w| w.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < size {
            let n = 2 + rng.below(3);
            let w: String = (0..n)
                .map(|_| syllables[rng.below(syllables.len())])
                .collect();
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 2.0);
                total
            })
            .collect();
        Vocab { words, cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|c| *c < x);
        &self.words[i.min(self.words.len() - 1)]
    }
}

fn sentence(rng: &mut Rng, v: &Vocab, out: &mut String) {
    let len = 6 + rng.below(18);
    for i in 0..len {
        let w = v.pick(rng);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
        if i + 1 < len {
            out.push(if w.len() <= 3 { '\u{a0}' } else { ' ' });
            if rng.below(30) == 0 {
                out.push('“');
                out.push_str(v.pick(rng));
                out.push_str("” ");
            }
        }
    }
    out.push_str(match rng.below(10) {
        0 => "?",
        1 => " \u{2013} as we agreed.",
        _ => ".",
    });
}

fn transcript_text(rng: &mut Rng, en: &Vocab, ru: &Vocab, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let year = 2000 + rng.below(25);
    let month = MONTHS[rng.below(12)];
    let day = 1 + rng.below(28);
    out.push_str("Official website of the President of Russia\n\nNews\u{a0} /\n\n");
    out.push_str(&format!(
        "Meeting number {} on current issues\n\n",
        rng.below(100000)
    ));
    out.push_str(&format!(
        "{month} {day}, {year}, The\u{a0}Kremlin, Moscow\n\n"
    ));
    let mut p = String::new();
    sentence(rng, en, &mut p);
    out.push_str(&p);
    out.push_str("\n\n* * *\n\n");
    let names = [
        "Vladimir Putin",
        "Anna Petrova",
        "Sergei Ivanov",
        "Elena Smirnova",
        "Dmitry Popov",
        "Olga Sokolova",
        "Andrei Lebedev",
        "Irina Kozlova",
        "Mikhail Novikov",
        "Tatyana Morozova",
        "Pavel Volkov",
        "Maria Zaitseva",
    ];
    while out.len() < bytes {
        let s = if rng.below(3) == 0 {
            0
        } else {
            rng.below(names.len())
        };
        out.push_str(names[s]);
        out.push_str(": ");
        let v = if rng.below(8) == 0 { ru } else { en };
        for _ in 0..1 + rng.below(3) {
            for k in 0..1 + rng.below(4) {
                if k > 0 {
                    out.push(' ');
                }
                sentence(rng, v, &mut out);
            }
            out.push_str("\n\n");
        }
    }
    out
}

fn gzip_all(dir: &Path) -> std::io::Result<()> {
    // One gzip process for many files at a time.
    let status = Command::new("sh")
        .arg("-c")
        .arg("find . -type f -name '*.bin' -print0 | xargs -0 -n 2000 gzip -9 -k -f")
        .current_dir(dir)
        .status()?;
    if status.success() {
        Ok(())
    } else {
        Err(std::io::Error::other("gzip failed"))
    }
}

fn gz_size(dir: &Path, path: &str) -> u64 {
    std::fs::metadata(dir.join(format!("{path}.gz"))).map_or(0, |m| m.len())
}

fn kind(path: &str) -> &'static str {
    match path.as_bytes().first() {
        Some(b'm') => "meta",
        Some(b't') => "term shards",
        Some(b'p') => "chunks",
        Some(b'd') => "doc shards",
        Some(b'f') => "fragments",
        _ => "other",
    }
}

/// Plans, "fetches" from `all`, runs, and snippets the first page like a client.
/// Returns the fetched paths (after those in `cache`) and the in-memory time.
fn query(
    all: &Fetched,
    meta: &Meta,
    cache: &mut Fetched,
    q: &Query,
    hits_per_doc: usize,
) -> (Vec<String>, f64, usize, usize) {
    let page = Page::default();
    let mut fetched = Vec::new();
    let mut rounds = 0;
    loop {
        let need = plan(meta, q, cache, page).expect("plan");
        if need.is_empty() {
            break;
        }
        rounds += 1;
        for p in need {
            cache.insert(p.clone(), all[&p].clone());
            fetched.push(p);
        }
    }
    let r = run(meta, q, cache, page).expect("run");
    let shown: Vec<_> = r
        .transcripts
        .iter()
        .flat_map(|t| t.hits.iter().take(hits_per_doc))
        .collect();
    for h in &shown {
        if !cache.contains_key(&h.fragment) {
            cache.insert(h.fragment.clone(), all[&h.fragment].clone());
            fetched.push(h.fragment.clone());
        }
    }
    rounds += 1;
    // The in-memory cost: run and the snippets, best of 5.
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let r = run(meta, q, cache, page).expect("run");
        let mut n = 0;
        for t in &r.transcripts {
            for h in t.hits.iter().take(hits_per_doc) {
                let s = snippet(&cache[&h.fragment], h, q).expect("snippet");
                n += s.text.len();
            }
        }
        std::hint::black_box(n);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    (fetched, best, r.transcripts.len(), rounds)
}

fn main() -> ExitCode {
    let mut docs = 10_000usize;
    let mut bytes = 20_000usize;
    let mut out = PathBuf::from("target/archive-bench");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--docs", Some(v)) => docs = v.parse().unwrap_or(docs),
            ("--bytes", Some(v)) => bytes = v.parse().unwrap_or(bytes),
            ("--out", Some(v)) => out = PathBuf::from(v),
            _ => {
                eprintln!("usage: archive_index_bench [--docs N] [--bytes N] [--out DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let en = Vocab::new(EN_COMMON, EN_SYL, 40_000, 1);
    let ru = Vocab::new(RU_COMMON, RU_SYL, 30_000, 2);
    let mut rng = Rng(2026);

    let start = Instant::now();
    let mut builder = IndexBuilder::new();
    let (mut input_bytes, mut turn_bytes, mut turns) = (0usize, 0usize, 0usize);
    let mut convert_secs = 0.0;
    for i in 0..docs {
        let text = transcript_text(&mut rng, &en, &ru, bytes);
        input_bytes += text.len();
        let t0 = Instant::now();
        let c = match convert(
            &text,
            &Options {
                file: format!("gen-{i}.txt"),
                ..Options::default()
            },
        ) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("convert: {e}");
                return ExitCode::FAILURE;
            }
        };
        convert_secs += t0.elapsed().as_secs_f64();
        for t in &c.transcript.turns {
            turn_bytes += t.paragraphs.iter().map(String::len).sum::<usize>();
        }
        turns += c.transcript.turns.len();
        builder.add(&format!("gen-{i:05}"), &c.transcript);
    }
    let generated = start.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let files = builder.build();
    let build_secs = t0.elapsed().as_secs_f64();
    println!("transcripts: {docs}, turns: {turns}");
    println!(
        "input text: {:.1} MB, turn text: {:.1} MB",
        input_bytes as f64 / 1e6,
        turn_bytes as f64 / 1e6
    );
    println!(
        "generate + convert: {generated:.1} s (convert {convert_secs:.1} s); build: {build_secs:.1} s"
    );

    let _ = std::fs::remove_dir_all(&out);
    for (p, b) in &files {
        let path = out.join(p);
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&path, b) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = gzip_all(&out) {
        eprintln!("gzip: {e}");
        return ExitCode::FAILURE;
    }
    let mut by_kind: HashMap<&str, (usize, u64, u64)> = HashMap::new();
    for (p, b) in &files {
        let e = by_kind.entry(kind(p)).or_default();
        e.0 += 1;
        e.1 += b.len() as u64;
        e.2 += gz_size(&out, p);
    }
    let (mut raw, mut gz) = (0u64, 0u64);
    println!("\nfiles by kind: count, raw MB, gzip MB, % of turn text (raw / gzip)");
    for k in ["meta", "term shards", "chunks", "doc shards", "fragments"] {
        let (n, r, g) = by_kind.get(k).copied().unwrap_or_default();
        raw += r;
        gz += g;
        println!(
            "  {k:12} {n:7} {:9.2} {:9.2}   {:5.1} % / {:5.1} %",
            r as f64 / 1e6,
            g as f64 / 1e6,
            r as f64 / turn_bytes as f64 * 100.0,
            g as f64 / turn_bytes as f64 * 100.0
        );
    }
    let (fr, fg) = by_kind.get("fragments").map_or((0, 0), |e| (e.1, e.2));
    println!(
        "  total        {:7} {:9.2} {:9.2}   {:5.1} % / {:5.1} %",
        files.len(),
        raw as f64 / 1e6,
        gz as f64 / 1e6,
        raw as f64 / turn_bytes as f64 * 100.0,
        gz as f64 / turn_bytes as f64 * 100.0
    );
    println!(
        "  without fragments: raw {:.1} % / gzip {:.1} % of the turn text",
        (raw - fr) as f64 / turn_bytes as f64 * 100.0,
        (gz - fg) as f64 / turn_bytes as f64 * 100.0
    );

    let all: Fetched = files.into_iter().collect();
    let meta = match Meta::decode(&all[META_PATH]) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let meta_gz = gz_size(&out, META_PATH);
    println!(
        "\nmeta.bin: {} B raw, {} B gzip; {} term shards, {} doc shards",
        all[META_PATH].len(),
        meta_gz,
        meta.term_shards(),
        meta.doc_shards
    );
    let rare = en.words[30_000].clone();
    let queries = [
        rare.clone(),
        "the".to_string(),
        "\"gas prices\"".to_string(),
        "бюджет".to_string(),
        "budget year:2015".to_string(),
        "energy speaker:petrova".to_string(),
    ];
    println!(
        "\nfirst page (10 transcripts, a snippet for the first hit of each); first query cold, \
         then the others with its files cached"
    );
    println!("  query | results | rounds | files | raw KB | gzip KB (incl. meta) | of which fragments gzip KB | run+snippets ms");
    let mut cache: Fetched = HashMap::new();
    cache.insert(META_PATH.to_string(), all[META_PATH].clone());
    for (i, text) in queries.iter().enumerate() {
        let q = Query::parse(text);
        let mut cold: Fetched = HashMap::new();
        let (paths, ms, results, rounds) = query(&all, &meta, &mut cold, &q, 1);
        let raw: usize = paths.iter().map(|p| all[p].len()).sum::<usize>() + all[META_PATH].len();
        let gz: u64 = paths.iter().map(|p| gz_size(&out, p)).sum::<u64>() + meta_gz;
        let frag: u64 = paths
            .iter()
            .filter(|p| p.starts_with("f/"))
            .map(|p| gz_size(&out, p))
            .sum();
        println!(
            "  {text:26} | {results:2} | {rounds} | {:3} | {:7.1} | {:6.1} | {:5.1} | {ms:6.2}",
            paths.len() + 1,
            raw as f64 / 1024.0,
            gz as f64 / 1024.0,
            frag as f64 / 1024.0
        );
        // The same query after the others: what a later query costs.
        if i > 0 {
            let (paths, _, _, _) = query(&all, &meta, &mut cache, &q, 1);
            let gz: u64 = paths.iter().map(|p| gz_size(&out, p)).sum();
            let frag: u64 = paths
                .iter()
                .filter(|p| p.starts_with("f/"))
                .map(|p| gz_size(&out, p))
                .sum();
            println!(
                "      as a later query (meta and earlier files cached): {} files, {:.1} KB gzip, \
                 {:.1} KB of it index files",
                paths.len(),
                gz as f64 / 1024.0,
                (gz - frag) as f64 / 1024.0
            );
        } else {
            let _ = query(&all, &meta, &mut cache, &q, 1);
        }
    }
    ExitCode::SUCCESS
}
