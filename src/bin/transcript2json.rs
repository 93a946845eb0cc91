//! `transcript2json`: the build-time converter from plain-text transcripts to the
//! viewer's JSON. See `transcript2json --help`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcript_viewer::convert::{convert_bytes, Options};
use transcript_viewer::model::{Catalog, CatalogEntry, SCHEMA_VERSION};

const USAGE: &str = "\
usage: transcript2json [OPTIONS] INPUT.txt            print the JSON on stdout
       transcript2json [OPTIONS] -o OUTDIR INPUT.txt...  write OUTDIR/<stem>.json for each
                                                         and OUTDIR/index.json (the catalog;
                                                         the first input is the default)
options:
  -o, --out-dir DIR   write files into DIR instead of printing
      --lang TAG      language of the text (default: detected, `ru` or `en`)
      --credit TEXT   credit line (default: recognised for kremlin.ru pages)
      --license TEXT  licence of the text
      --url URL       address of the original page
  -q, --quiet         do not print warnings
  -h, --help          this help
Errors and warnings go to stderr as `file:line:column: message`; exit 1 on any error,
2 on a usage error.";

struct Args {
    out_dir: Option<PathBuf>,
    inputs: Vec<PathBuf>,
    options: Options,
    quiet: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        out_dir: None,
        inputs: Vec::new(),
        options: Options::default(),
        quiet: false,
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
    let mut failed = false;
    let mut catalog = Catalog {
        schema: SCHEMA_VERSION,
        transcripts: Vec::new(),
    };
    for input in dedup(&args.inputs) {
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
        let options = Options {
            file: input
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
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
