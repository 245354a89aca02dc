//! The `vitrine` command-line tool (native only): `ingest` posting documents (text, HTML, .docx,
//! .odt, PDF) into the data file, `import` feeds and JSON-LD, `show` the record extracted from one
//! document, `check` a data file, `pack` it as a split feed, `export` the open offers as RSS 2.0
//! and JSON Feed 1.1, `sync` a network's sources into one feed.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use vitrine::ingest::{self, check, files, overrides::Overrides, IngestError, NoteLevel};
    use vitrine::export;
    use vitrine::model::{self, Block, Date, Posting, Start};

    /// Where reviewed corrections live, relative to the working folder.
    const DEFAULT_OVERRIDES: &str = "data/overrides.toml";

    /// Offers for association websites: turn pasted posting texts into the widget's data.
    #[derive(Parser)]
    #[command(name = "vitrine", version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    /// What `ingest` and `import` share: where to write, the overrides, and how to run.
    #[derive(clap::Args)]
    struct RunOptions {
        /// Data file to write.
        #[arg(short, long, default_value = "data/postings.json")]
        output: PathBuf,
        /// Overrides file (TOML, one table per posting id).
        #[arg(long, conflicts_with = "no_overrides")]
        overrides: Option<PathBuf>,
        /// Ignore any overrides file.
        #[arg(long)]
        no_overrides: bool,
        /// Leave bad files and items out (listed) instead of failing the run.
        #[arg(long)]
        keep_going: bool,
        /// Only report; do not write the data file.
        #[arg(long)]
        dry_run: bool,
        /// Do not print the per-file notes.
        #[arg(short, long)]
        quiet: bool,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Extract one record per text file and write the data file (atomically).
        ///
        /// Folders are searched for .txt/.md, .html/.htm, .docx, .odt and .pdf files. Reviewed corrections are merged from the
        /// overrides file (by default `data/overrides.toml`, when it exists).
        /// Any bad file fails the run and leaves the output untouched, unless --keep-going.
        Ingest {
            /// Documents (.txt, .md, .html, .docx, .odt, .pdf) or folders of them.
            #[arg(required = true)]
            paths: Vec<PathBuf>,
            #[command(flatten)]
            run: RunOptions,
        },
        /// Import structured sources into the data file (atomically): RSS 2.0, Atom and JSON
        /// Feed items, schema.org JobPosting JSON-LD files, vitrine data files and feeds (records
        /// taken as they are), HTML pages.
        ///
        /// Each item's text goes through the extractor; the fields the source states win.
        /// Overrides are merged as by `ingest`. Any file or item that cannot be read fails the
        /// run and leaves the output untouched, unless --keep-going.
        Import {
            /// Source files (fetching addresses is `vitrine sync`'s).
            #[arg(required = true)]
            files: Vec<PathBuf>,
            #[command(flatten)]
            run: RunOptions,
        },
        /// Show the record extracted from one document, for review.
        Show {
            file: PathBuf,
            /// Print the record as JSON instead.
            #[arg(long)]
            json: bool,
        },
        /// Validate a data file: syntax, fields, dates, links, ids.
        Check { file: PathBuf },
        /// Write a data file as a split feed for the widget: OUTPUT holds the offers without
        /// their texts (small: the list shows fast), OUTPUT's name with `.bodies.json` holds the
        /// texts, fetched after the list is shown. Serve both side by side and give the widget
        /// `data-src="OUTPUT"`. A file with any bad record writes nothing. Each file is written
        /// atomically.
        Pack {
            /// Data file (or feed, split or not) to read.
            file: PathBuf,
            /// Offers file to write (the bodies file goes beside it).
            #[arg(short, long)]
            output: PathBuf,
            /// Date the feed says it was updated [default: the input's own, if any].
            #[arg(long, value_name = "YYYY-MM-DD")]
            updated: Option<Date>,
        },
        /// Write the open offers of a data file as an RSS 2.0 feed and/or a JSON Feed 1.1.
        ///
        /// Offers whose deadline is before --today are left out. Each item links to the offer
        /// in the widget: <site-url>?offre=<id>. A file with any bad record exports nothing.
        /// Each feed is written atomically.
        Export {
            /// Data file (or partner feed) to read.
            file: PathBuf,
            /// RSS 2.0 file to write.
            #[arg(long, value_name = "FILE")]
            rss: Option<PathBuf>,
            /// JSON Feed 1.1 file to write.
            #[arg(long, value_name = "FILE")]
            json_feed: Option<PathBuf>,
            /// Address of the page that shows the widget (the base of every item's link).
            #[arg(long, value_name = "URL")]
            site_url: String,
            /// Day the deadlines are judged against [default: today's date, UTC].
            #[arg(long, value_name = "YYYY-MM-DD")]
            today: Option<Date>,
            /// Title of the feeds.
            #[arg(long, default_value = "Offres en cours")]
            title: String,
        },
        /// Fetch a network's sources (sources.toml) and write their offers as one feed.
        ///
        /// Each source is fetched over HTTP(S) (conditional requests) or read from disk; what is
        /// new or changed is read, each source's defaults and the reviewed overrides applied,
        /// duplicates across sources kept once, expired offers left out. The feed (a split feed
        /// unless --single-file) is written atomically, and only when it changed. A source that
        /// fails keeps its last good offers. Exit code: 0 when the feed is written or already up
        /// to date (a warning line names failed sources), 1 when nothing could be written, 2 for
        /// a bad sources.toml or overrides file.
        Sync {
            /// The network's sources.
            sources: PathBuf,
            /// Feed to write [default: sources.toml's `output`, else site/offres.json beside it].
            #[arg(short, long)]
            output: Option<PathBuf>,
            /// Write one feed file instead of a split feed (offers + texts).
            #[arg(long)]
            single_file: bool,
            /// Day the deadlines are judged against, and the feed's `updated` date [default: today, UTC].
            #[arg(long, value_name = "YYYY-MM-DD")]
            today: Option<Date>,
        },
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Ingest { paths, run: r } => {
                ingest_cmd(files::ingest, &paths, &r.output, r.overrides, r.no_overrides, r.keep_going, r.dry_run, r.quiet)
            }
            Command::Import { files: inputs, run: r } => {
                ingest_cmd(files::import, &inputs, &r.output, r.overrides, r.no_overrides, r.keep_going, r.dry_run, r.quiet)
            }
            Command::Show { file, json } => show_cmd(&file, json),
            Command::Check { file } => check_cmd(&file),
            Command::Pack { file, output, updated } => pack_cmd(file, output, updated),
            Command::Export { file, rss, json_feed, site_url, today, title } => {
                export_cmd(file, rss, json_feed, site_url, today, title)
            }
            Command::Sync { sources, output, single_file, today } => sync_cmd(&sources, output, single_file, today),
        }
    }

    fn fail(errors: &[IngestError]) -> ExitCode {
        for e in errors {
            eprintln!("error: {e}");
        }
        ExitCode::FAILURE
    }

    /// `files::ingest` or `files::import`: inputs, overrides, keep-going → checked records.
    type Reader = fn(&[PathBuf], Option<&Overrides>, bool) -> Result<files::Run, Vec<IngestError>>;

    /// `ingest` and `import`: `read` turns the inputs into checked records.
    #[allow(clippy::too_many_arguments)]
    fn ingest_cmd(
        read: Reader,
        paths: &[PathBuf],
        output: &Path,
        overrides: Option<PathBuf>,
        no_overrides: bool,
        keep_going: bool,
        dry_run: bool,
        quiet: bool,
    ) -> ExitCode {
        let ov_path = if no_overrides {
            None
        } else if let Some(p) = overrides {
            Some(p)
        } else {
            let p = PathBuf::from(DEFAULT_OVERRIDES);
            p.exists().then_some(p)
        };
        if let (Some(p), false) = (&ov_path, quiet) {
            eprintln!("overrides: {}", p.display());
        }
        let ov = match ov_path.as_deref().map(Overrides::load).transpose() {
            Ok(o) => o,
            Err(e) => return fail(&[e]),
        };
        let run = match read(paths, ov.as_ref(), keep_going) {
            Ok(r) => r,
            Err(errors) => {
                let code = fail(&errors);
                eprintln!("{} problem(s); {} left unchanged", errors.len(), output.display());
                return code;
            }
        };
        if !quiet {
            for r in &run.reports {
                let notes: Vec<String> = r
                    .notes
                    .iter()
                    .filter(|n| !run.overridden.iter().any(|(id, f)| id == &r.id && f.iter().any(|x| x == n.field)))
                    .map(|n| n.to_string())
                    .collect();
                if notes.is_empty() {
                    eprintln!("{} → {}", r.path.display(), r.id);
                } else {
                    eprintln!("{} → {}\n    {}", r.path.display(), r.id, notes.join("\n    "));
                }
            }
            for (id, fields) in &run.overridden {
                eprintln!("override {}: {}", id, fields.join(", "));
            }
        }
        for e in &run.skipped {
            eprintln!("skipped: {e}");
        }
        if dry_run {
            eprintln!("{} record(s) extracted (dry run, nothing written)", run.postings.len());
            return ExitCode::SUCCESS;
        }
        if let Err(e) = files::write_atomic(output, &model::to_json(&run.postings)) {
            return fail(&[e]);
        }
        eprintln!("wrote {} record(s) to {}", run.postings.len(), output.display());
        ExitCode::SUCCESS
    }

    fn show_cmd(file: &Path, json: bool) -> ExitCode {
        let src = match ingest::formats::read(file) {
            Ok(s) => s,
            Err(e) => return fail(&[e]),
        };
        let name = file.file_name().and_then(|n| n.to_str());
        let e = src.extract(name);
        if json {
            print!("{}", model::to_json(std::slice::from_ref(&e.posting)));
        } else {
            print!("{}", render(&e.posting));
            if !e.evidence.is_empty() {
                println!("\nRead from:");
                for ev in &e.evidence {
                    let mut t: String = ev.text.chars().take(90).collect();
                    if ev.text.chars().count() > 90 {
                        t.push('…');
                    }
                    println!("  {:<15} line {:>3}: «{t}»", ev.field, ev.line);
                }
            }
        }
        if !e.notes.is_empty() {
            println!("\nTo review:");
            for n in &e.notes {
                let mark = if n.level == NoteLevel::Missing { "✗" } else { "?" };
                println!("  {mark} {n}");
            }
        }
        let problems = check::check_postings(std::slice::from_ref(&e.posting));
        for p in &problems {
            eprintln!("error: {}", p.render(&file.display().to_string()));
        }
        if problems.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    fn or_dash(s: Option<String>) -> String {
        s.filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
    }

    /// The record as a publisher reads it.
    fn render(p: &Posting) -> String {
        let mut o = String::new();
        let mut row = |k: &str, v: String| o.push_str(&format!("{k:<13} {v}\n"));
        row("id", p.id.clone());
        row("kind", format!("{} — contract: {}", p.kind.label(), p.contract.label()));
        row("title", or_dash(Some(p.title.clone())));
        row("organization", or_dash(Some(p.organization.clone())));
        if !p.partners.is_empty() {
            row("partners", p.partners.join(", "));
        }
        let places: Vec<String> = p
            .places
            .iter()
            .map(|pl| {
                let mut s = [pl.postal_code.clone(), pl.city.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ");
                let area: Vec<String> = [pl.department.clone(), pl.region.clone()].into_iter().flatten().collect();
                if !area.is_empty() {
                    s.push_str(&format!(" ({})", area.join(", ")));
                }
                format!("{s}, {}", pl.country.label()).trim_start_matches(", ").to_string()
            })
            .collect();
        row("place", or_dash(Some(places.join(" ; "))));
        row("remote", p.remote.map_or("— (not said)", |r| r.label()).to_string());
        row(
            "pay",
            p.pay.as_ref().map_or("—".into(), |pay| {
                let amounts = match (pay.min, pay.max) {
                    (Some(a), Some(b)) if a == b => format!("{a} {}", pay.currency.symbol()),
                    (Some(a), Some(b)) => format!("{a}–{b} {}", pay.currency.symbol()),
                    (Some(a), None) => format!("from {a} {}", pay.currency.symbol()),
                    (None, Some(b)) => format!("up to {b} {}", pay.currency.symbol()),
                    (None, None) => String::new(),
                };
                let period = pay.period.map_or("", |p| match p {
                    model::PayPeriod::Year => " / year",
                    model::PayPeriod::Month => " / month",
                    model::PayPeriod::Hour => " / hour",
                });
                let basis = pay.basis.map_or("", |b| if b == model::PayBasis::Gross { " gross" } else { " net" });
                format!("{amounts}{period}{basis}  «{}»", pay.text).trim_start().to_string()
            }),
        );
        row("hours/week", or_dash(p.hours_per_week.map(|h| format!("{h}"))));
        row(
            "duration",
            or_dash(p.duration_months.map(|d| if d.min == d.max { format!("{} months", d.min) } else { format!("{}–{} months", d.min, d.max) })),
        );
        row(
            "start",
            or_dash(p.start.map(|s| match s {
                Start::Asap => "as soon as possible".to_string(),
                Start::Month(m) => m.to_string(),
                Start::Date(d) => d.to_string(),
            })),
        );
        row("deadline", or_dash(p.deadline.map(|d| d.to_string())));
        row("published", or_dash(p.published.map(|d| d.to_string())));
        row("apply emails", or_dash(Some(p.apply.emails.join(", "))));
        if !p.apply.urls.is_empty() {
            row("apply links", p.apply.urls.join(", "));
        }
        if let Some(c) = &p.apply.contact {
            row("contact", c.clone());
        }
        if let Some(a) = &p.apply.address {
            row("address", a.clone());
        }
        if let Some(i) = &p.apply.instructions {
            row("how to apply", i.clone());
        }
        row("themes", or_dash(Some(p.themes.iter().map(|t| t.label()).collect::<Vec<_>>().join(", "))));
        row("source", or_dash(p.source.clone()));
        o.push_str("\n— text —\n");
        for b in &p.body {
            match b {
                Block::Heading { text } => o.push_str(&format!("\n## {text}\n")),
                Block::Paragraph { text } => o.push_str(&format!("{text}\n")),
                Block::List { items } => {
                    for it in items {
                        o.push_str(&format!("  • {}\n", it.text));
                        for c in &it.children {
                            o.push_str(&format!("      ◦ {c}\n"));
                        }
                    }
                }
            }
        }
        o
    }

    fn check_cmd(file: &Path) -> ExitCode {
        let name = file.display().to_string();
        let text = match std::fs::read(file) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{name}: not UTF-8 text (byte {})", e.utf8_error().valid_up_to());
                    return ExitCode::FAILURE;
                }
            },
            Err(e) => {
                eprintln!("{name}: cannot read: {e}");
                return ExitCode::FAILURE;
            }
        };
        if text.trim_start().starts_with('{') {
            // A feed envelope (a split feed among them): read as `export` reads it, texts included.
            return match export::load_feed(file) {
                Ok(feed) => {
                    let texts = if feed.bodies.is_some() { " and their texts" } else { "" };
                    println!("{name}: {} record(s){texts}, no problem", feed.postings.len());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            };
        }
        let problems = check::check_data(&text);
        for p in &problems {
            eprintln!("{}", p.render(&name));
        }
        if problems.is_empty() {
            let n = model::from_json(&text).map(|v| v.len()).unwrap_or(0);
            println!("{name}: {n} record(s), no problem");
            ExitCode::SUCCESS
        } else {
            eprintln!("{name}: {} problem(s)", problems.len());
            ExitCode::FAILURE
        }
    }

    fn pack_cmd(input: PathBuf, output: PathBuf, updated: Option<Date>) -> ExitCode {
        match export::split::run(&export::split::Pack { input, output, updated }) {
            Ok(done) => {
                let files: Vec<String> =
                    done.written.iter().map(|(p, bytes)| format!("{} ({bytes} bytes)", p.display())).collect();
                eprintln!("wrote {} offer(s) to {}", done.offers, files.join(" and "));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn export_cmd(
        input: PathBuf,
        rss: Option<PathBuf>,
        json_feed: Option<PathBuf>,
        site_url: String,
        today: Option<Date>,
        title: String,
    ) -> ExitCode {
        let Some(today) = today.or_else(export::today_utc) else {
            eprintln!("error: {}", export::ExportError::Clock);
            return ExitCode::FAILURE;
        };
        let job = export::Export { input, rss, json_feed, today, title, site_url };
        match export::run(&job) {
            Ok(done) => {
                let files: Vec<String> = done.written.iter().map(|p| p.display().to_string()).collect();
                eprintln!(
                    "wrote {} offer(s) to {} ({} expired on {today} left out)",
                    done.items,
                    files.join(" and "),
                    done.expired
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    }

    fn sync_cmd(sources: &Path, output: Option<PathBuf>, single_file: bool, today: Option<Date>) -> ExitCode {
        use vitrine::sync;
        let config = match sync::Config::load(sources) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let Some(today) = today.or_else(export::today_utc) else {
            eprintln!("error: {}", export::ExportError::Clock);
            return ExitCode::FAILURE;
        };
        let job = sync::Job::new(config, output, single_file, today);
        match sync::run(&job) {
            Ok(outcome) => {
                print!("{}", outcome.render());
                ExitCode::SUCCESS
            }
            Err(e) => {
                if let sync::SyncError::NothingToWrite { report } = &e {
                    print!("{}", report.render());
                }
                eprintln!("error: {e}");
                ExitCode::from(e.exit_code())
            }
        }
    }
}
