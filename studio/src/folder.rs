//! The ready-to-host folder: one `.zip` holding the widget's files (as built in `pkg/`), the feed
//! in its split form (`offres.json` + `offres.bodies.json`), an example page (`index.html`, with
//! the `<script>` tag reading `offres.json`) and `LISEZMOI.txt` saying what to upload where.
//! Pure: the page hands in the widget files it fetched; the archive is written by the `zip` crate.

use crate::i18n::Texts;
use crate::publish;
use crate::state::Settings;
use std::io::{Cursor, Write};
use vitrine::export::text::escape;
use vitrine::model::{Date, Posting};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The files of `pkg/` the widget needs at run time: the loader, the glue module and the wasm
/// (the loader carries the hashes of the other two; `package.json` and `README.md` are npm's).
pub const WIDGET_FILES: [&str; 3] = ["vitrine.js", "vitrine_core.js", "vitrine_core_bg.wasm"];

/// The folder inside the archive (unzipping gives one folder, not loose files).
pub const ROOT: &str = "offres";
/// The folder of the widget's files, inside [`ROOT`].
pub const WIDGET_DIR: &str = "vitrine";
/// The archive's file name.
pub const ZIP_NAME: &str = "offres-a-heberger.zip";
/// The offers file (its texts file is [`publish::bodies_name`] of it).
pub const FEED: &str = "offres.json";

/// One widget file, fetched by the page.
#[derive(Debug, Clone)]
pub struct WidgetFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The example page: a heading and the tag, the widget's files in `vitrine/` and the feed beside it.
pub fn index_html(settings: &Settings) -> String {
    let tag = publish::snippet(&format!("{WIDGET_DIR}/vitrine.js"), FEED, &settings.lang, &settings.color_scheme, &settings.kind, "");
    let heading = if settings.title.trim().is_empty() { publish::DEFAULT_FEED_TITLE } else { settings.title.trim() };
    let lang = if settings.lang.is_empty() { "fr" } else { settings.lang.as_str() };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  <title>{h}</title>\n</head>\n<body>\n  <h1>{h}</h1>\n  <!-- La balise du widget : collez-la dans vos propres pages, avec les adresses de vos fichiers. -->\n  {tag}\n</body>\n</html>\n",
        lang = escape(lang).replace('"', ""),
        h = escape(heading),
    )
}

/// What to upload where, in French.
pub fn readme(updated: Date, offers: usize) -> String {
    let bodies = publish::bodies_name(FEED);
    format!(
        "Vos offres, prêtes à héberger (préparées par vitrine studio le {updated} : {offers} offre{s}).\n\
\n\
Ce dossier contient :\n\
- index.html : une page d’exemple qui affiche vos offres ;\n\
- {FEED} et {bodies} : vos offres (la liste, puis leurs textes) ;\n\
- {WIDGET_DIR}/ : les fichiers du widget (vitrine.js, vitrine_core.js, vitrine_core_bg.wasm).\n\
\n\
Mettre en ligne\n\
1. Déposez tout le dossier « {ROOT} » sur votre hébergement (par FTP, ou avec le gestionnaire de\n\
   fichiers de votre hébergeur), par exemple à la racine de votre site : la page\n\
   https://votre-site.example/{ROOT}/ affiche alors vos offres.\n\
2. Gardez les fichiers ensemble, tels quels : index.html, {FEED} et {bodies} côte à côte, et le\n\
   dossier {WIDGET_DIR}/ à côté d’eux. Ne modifiez pas les fichiers du widget : vitrine.js vérifie\n\
   les deux autres.\n\
\n\
Afficher les offres dans une page existante\n\
Copiez la balise <script …> de index.html dans votre page (WordPress : bloc « HTML personnalisé »)\n\
en remplaçant les adresses par celles de vos fichiers, par exemple :\n\
  src=\"https://votre-site.example/{ROOT}/{WIDGET_DIR}/vitrine.js\"\n\
  data-src=\"https://votre-site.example/{ROOT}/{FEED}\"\n\
\n\
Mettre les offres à jour\n\
Dans le studio, téléchargez un nouveau dossier (ou le flux découpé) et remplacez {FEED} et\n\
{bodies} en même temps : les deux fichiers vont ensemble. Les fichiers du widget ne changent pas.\n\
\n\
Si les offres n’apparaissent pas : ouvrez la page par son adresse web (pas en double-cliquant le\n\
fichier sur votre ordinateur) ; votre hébergeur doit servir les fichiers .wasm (type\n\
application/wasm, le cas de la plupart).\n",
        s = if offers > 1 { "s" } else { "" },
    )
}

/// The archive: `offres/index.html`, `offres/LISEZMOI.txt`, the split feed and
/// `offres/vitrine/<widget files>`, dated `updated`. Refuses a set of widget files that lacks
/// one of [`WIDGET_FILES`], naming it (in `t`'s language; the folder's own files are French).
pub fn zip(widget: &[WidgetFile], postings: &[Posting], updated: Date, settings: &Settings, t: &Texts) -> Result<Vec<u8>, String> {
    for needed in WIDGET_FILES {
        if !widget.iter().any(|f| f.name == needed && !f.bytes.is_empty()) {
            return Err((t.widget_file_missing)(needed));
        }
    }
    let split = publish::split(postings, updated, FEED);
    let when = zip::DateTime::from_date_and_time(updated.year().clamp(1980, 2107), updated.month(), updated.day(), 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(when).unix_permissions(0o644);
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut entries: Vec<(String, &[u8])> = Vec::new();
    let index = index_html(settings);
    let readme = readme(updated, postings.len());
    entries.push((format!("{ROOT}/index.html"), index.as_bytes()));
    entries.push((format!("{ROOT}/LISEZMOI.txt"), readme.as_bytes()));
    entries.push((format!("{ROOT}/{FEED}"), split.offers.as_bytes()));
    entries.push((format!("{ROOT}/{}", publish::bodies_name(FEED)), split.bodies.as_bytes()));
    for name in WIDGET_FILES {
        let f = widget.iter().find(|f| f.name == name).expect("checked above");
        entries.push((format!("{ROOT}/{WIDGET_DIR}/{name}"), &f.bytes));
    }
    let fail = |e: &dyn std::fmt::Display| (t.zip_failed)(&e.to_string());
    out.add_directory(format!("{ROOT}/"), options).map_err(|e| fail(&e))?;
    out.add_directory(format!("{ROOT}/{WIDGET_DIR}/"), options).map_err(|e| fail(&e))?;
    for (name, bytes) in entries {
        out.start_file(name, options).map_err(|e| fail(&e))?;
        out.write_all(bytes).map_err(|e| fail(&e))?;
    }
    Ok(out.finish().map_err(|e| fail(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Lang};
    use std::io::Read;

    fn zip(widget: &[WidgetFile], postings: &[Posting], updated: Date, settings: &Settings) -> Result<Vec<u8>, String> {
        super::zip(widget, postings, updated, settings, texts(Lang::Fr))
    }

    fn widget() -> Vec<WidgetFile> {
        WIDGET_FILES.iter().map(|n| WidgetFile { name: n.to_string(), bytes: format!("contenu de {n}").into_bytes() }).collect()
    }

    fn postings() -> Vec<Posting> {
        vec![vitrine::ingest::extract("Éducateur spécialisé (H/F)\n\nAssociation Les Écureuils — Lyon\nCDI\n\nMissions\n- Accompagner\n\nCV à rh@ecureuils.org", None).posting]
    }

    fn read(bytes: &[u8]) -> zip::ZipArchive<Cursor<&[u8]>> {
        zip::ZipArchive::new(Cursor::new(bytes)).unwrap()
    }

    fn entry(bytes: &[u8], name: &str) -> Vec<u8> {
        let mut a = read(bytes);
        let mut f = a.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
        let mut v = Vec::new();
        f.read_to_end(&mut v).unwrap();
        v
    }

    #[test]
    fn the_folder_holds_the_widget_the_feed_a_page_and_the_instructions() {
        let today: Date = "2025-03-04".parse().unwrap();
        let settings = Settings { lang: "nl".into(), title: "Nos <offres>".into(), ..Settings::default() };
        let bytes = zip(&widget(), &postings(), today, &settings).unwrap();
        let a = read(&bytes);
        let mut names: Vec<String> = a.file_names().map(|n| n.unwrap().into_owned()).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "offres/", "offres/LISEZMOI.txt", "offres/index.html", "offres/offres.bodies.json", "offres/offres.json", "offres/vitrine/",
                "offres/vitrine/vitrine.js", "offres/vitrine/vitrine_core.js", "offres/vitrine/vitrine_core_bg.wasm",
            ]
        );
        assert_eq!(entry(&bytes, "offres/vitrine/vitrine_core_bg.wasm"), b"contenu de vitrine_core_bg.wasm");
        // The feed inside opens again as the same offers.
        let opened: Vec<publish::Opened> = ["offres.json", "offres.bodies.json"]
            .iter()
            .map(|n| publish::Opened { name: n.to_string(), text: String::from_utf8(entry(&bytes, &format!("offres/{n}"))).unwrap() })
            .collect();
        let back = publish::open(&opened, texts(Lang::Fr)).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].title, "Éducateur spécialisé");
        let index = String::from_utf8(entry(&bytes, "offres/index.html")).unwrap();
        assert!(index.contains("<script src=\"vitrine/vitrine.js\" data-src=\"offres.json\" data-lang=\"nl\" async></script>"), "{index}");
        assert!(index.contains("<h1>Nos &lt;offres&gt;</h1>") && index.contains("<html lang=\"nl\">"), "{index}");
        let readme = String::from_utf8(entry(&bytes, "offres/LISEZMOI.txt")).unwrap();
        assert!(readme.contains("le 2025-03-04 : 1 offre)") && readme.contains("Déposez tout le dossier « offres »"), "{readme}");
        // Dated by the studio's day, not 1980.
        let mut a = read(&bytes);
        let d = a.by_name("offres/offres.json").unwrap().last_modified().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2025, 3, 4));
    }

    #[test]
    fn another_reader_accepts_the_archive() {
        // Python's zipfile checks every entry's CRC (when Python is there, as on CI).
        let bytes = zip(&widget(), &postings(), "2025-03-04".parse().unwrap(), &Settings::default()).unwrap();
        let path = std::env::temp_dir().join(format!("vitrine-studio-folder-{}.zip", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let run = std::process::Command::new("python3").args(["-m", "zipfile", "-t"]).arg(&path).output();
        let _ = std::fs::remove_file(&path);
        match run {
            Ok(out) => assert!(out.status.success(), "python3 -m zipfile -t: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
            Err(e) => eprintln!("python3 not run ({e}); the zip crate's own reading is checked above"),
        }
    }

    #[test]
    fn a_missing_widget_file_is_named() {
        let mut w = widget();
        w.retain(|f| f.name != "vitrine_core.js");
        let e = zip(&w, &postings(), "2025-03-04".parse().unwrap(), &Settings::default()).unwrap_err();
        assert_eq!(e, "le fichier du widget « vitrine_core.js » manque");
    }
}
