//! `transcript2json`: the build-time converter from plain-text transcripts, captions
//! and speech-recognition output to the viewer's JSON. See `transcript2json --help`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcript_viewer::convert::{
    convert_bytes, media, media_file, media_kind, speaker_names, Options, SpeakerNames,
};
use transcript_viewer::model::{Catalog, CatalogEntry, Media, MediaKind, SCHEMA_VERSION};

const USAGE: &str = "\
usage: transcript2json [OPTIONS] INPUT                print the JSON on stdout
       transcript2json [OPTIONS] -o OUTDIR INPUT...      write OUTDIR/<stem>.json for each
                                                         and OUTDIR/index.json (the catalog;
                                                         the first input is the default)
options:
  -o, --out-dir DIR   write files into DIR instead of printing
      --lang TAG      language of the text (default: detected, `ru` or `en`)
      --credit TEXT   credit line (default: recognised for kremlin.ru pages)
      --license TEXT  licence of the text
      --url URL       address of the original page
      --speakers FILE names for the voices, JSON: {\"SPEAKER_00\": {\"name\": …,
                      \"role\": …}} (a bare string is the name; default:
                      <stem>.speakers.json next to the input, if there is one)
      --media URL     the recording (http:, https: or relative; default: the url of
                      <stem>.media.json next to the input: {\"url\", \"kind\", \"poster\"})
      --media-kind K  audio or video (default: video for .mp4 .m4v .mov .webm .ogv)
      --poster URL    picture shown before a video plays
  -q, --quiet         do not print warnings
  -h, --help          this help
INPUT is plain text, WebVTT, SubRip, Whisper or WhisperX JSON, Podcasting 2.0 JSON, or
text with time stamps ([00:01:23] Name: …), recognised by its content.
Errors and warnings go to stderr as `file:line:column: message`; exit 1 on any error
(an unsafe --media address too), 2 on a usage error.";

struct Args {
    out_dir: Option<PathBuf>,
    inputs: Vec<PathBuf>,
    options: Options,
    quiet: bool,
    speakers: Option<PathBuf>,
    media: Option<String>,
    media_kind: Option<MediaKind>,
    poster: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        out_dir: None,
        inputs: Vec::new(),
        options: Options::default(),
        quiet: false,
        speakers: None,
        media: None,
        media_kind: None,
        poster: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "-o" | "--out-dir" => out.out_dir = Some(PathBuf::from(value(&arg)?)),
            "--lang" => out.options.lang = Some(value(&arg)?),
            "--credit" => out.options.credit = Some(value(&arg)?),
            "--license" => out.options.license = Some(value(&arg)?),
            "--url" => out.options.url = Some(value(&arg)?),
            "--speakers" => out.speakers = Some(PathBuf::from(value(&arg)?)),
            "--media" => out.media = Some(value(&arg)?),
            "--media-kind" => {
                let v = value(&arg)?;
                out.media_kind = Some(
                    media_kind(&v)
                        .ok_or_else(|| format!("--media-kind is audio or video, not {v:?}"))?,
                );
            }
            "--poster" => out.poster = Some(value(&arg)?),
            "-q" | "--quiet" => out.quiet = true,
            "--" => out.inputs.extend(args.by_ref().map(PathBuf::from)),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ => out.inputs.push(PathBuf::from(arg)),
        }
    }
    if out.inputs.is_empty() {
        return Err("no input file".into());
    }
    if out.out_dir.is_none() && out.inputs.len() > 1 {
        return Err("several inputs need -o OUTDIR".into());
    }
    if out.media.is_none() && (out.media_kind.is_some() || out.poster.is_some()) {
        return Err("--media-kind and --poster need --media URL".into());
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("transcript2json: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let flag_media = match &args.media {
        None => None,
        Some(url) => match media(url, args.media_kind, args.poster.as_deref()) {
            Ok(m) => Some(m),
            Err(e) => {
                eprintln!("transcript2json: --media: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let flag_speakers = match &args.speakers {
        None => None,
        Some(path) => match read_speakers(path) {
            Ok(n) => Some(n),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let mut failed = false;
    let mut catalog = Catalog {
        schema: SCHEMA_VERSION,
        transcripts: Vec::new(),
    };
    let inputs = dedup(&args.inputs);
    for &input in &inputs {
        if is_side_file_of_another(input, &inputs) {
            continue;
        }
        let shown = input.display().to_string();
        let bytes = match std::fs::read(input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{shown}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let side = |what: &str| input.with_file_name(format!("{stem}.{what}.json"));
        let speakers = match &flag_speakers {
            Some(n) => Some(n.clone()),
            None if side("speakers").is_file() => match read_speakers(&side("speakers")) {
                Ok(n) => Some(n),
                Err(e) => {
                    eprintln!("{e}");
                    failed = true;
                    continue;
                }
            },
            None => None,
        };
        let media = match &flag_media {
            Some(m) => Some(m.clone()),
            None if side("media").is_file() => match read_media(&side("media")) {
                Ok(m) => Some(m),
                Err(e) => {
                    eprintln!("{e}");
                    failed = true;
                    continue;
                }
            },
            None => None,
        };
        let options = Options {
            file: input
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            speakers,
            media,
            ..args.options.clone()
        };
        let conversion = match convert_bytes(&bytes, &options) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{}", e.render(&shown));
                failed = true;
                continue;
            }
        };
        if !args.quiet {
            for w in &conversion.warnings {
                eprintln!("{}", w.render(&shown));
            }
            let names = options.speakers.as_ref().map_or("", |n| n.file.as_str());
            for w in &conversion.name_warnings {
                eprintln!("{}", w.render(names));
            }
        }
        let json = conversion.transcript.to_json();
        match &args.out_dir {
            None => print!("{json}"),
            Some(dir) => {
                if let Err(e) = write(dir, &format!("{stem}.json"), &json) {
                    eprintln!("{e}");
                    failed = true;
                    continue;
                }
                let t = conversion.transcript;
                catalog.transcripts.push(CatalogEntry {
                    id: stem,
                    title: t.display_title(),
                    date: t.date,
                    lang: t.lang,
                });
            }
        }
    }
    if let Some(dir) = &args.out_dir {
        let mut json = serde_json::to_string(&catalog).unwrap_or_default();
        json.push('\n');
        if let Err(e) = write(dir, "index.json", &json) {
            eprintln!("{e}");
            failed = true;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a speakers side file; the error as `file:line:column: message`.
fn read_speakers(path: &Path) -> Result<SpeakerNames, String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    speaker_names(&shown, &text).map_err(|e| e.render(&shown))
}

/// Reads a media side file; the error as `file:line:column: message`.
fn read_media(path: &Path) -> Result<Media, String> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    media_file(&text).map_err(|e| e.render(&shown))
}

/// `talk.speakers.json` or `talk.media.json` given with `talk.json` (a glob of `*.json`
/// names them all): a side file, not a transcript.
fn is_side_file_of_another(input: &Path, inputs: &[&Path]) -> bool {
    let name = input
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(stem) = name
        .strip_suffix(".speakers.json")
        .or_else(|| name.strip_suffix(".media.json"))
    else {
        return false;
    };
    inputs.iter().any(|other| {
        other.parent() == input.parent()
            && other
                .file_stem()
                .is_some_and(|s| s.to_string_lossy() == stem)
    })
}

/// The inputs in order, each once.
fn dedup(inputs: &[PathBuf]) -> Vec<&Path> {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut out = Vec::new();
    for input in inputs {
        let canon = input.canonicalize().unwrap_or_else(|_| input.clone());
        if !seen.contains(&canon) {
            seen.push(canon);
            out.push(input.as_path());
        }
    }
    out
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
