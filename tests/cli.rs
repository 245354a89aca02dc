//! The `vitrine` binary end to end: ingest writes the data file atomically and fails without
//! touching it, overrides are merged and checked, show prints a reviewable record, check reports
//! file/record/field (and line/column) and exits non-zero.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitrine"))
}

fn tmp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("vitrine-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name)
}

fn run(cmd: &mut Command, cwd: &Path) -> (bool, String, String) {
    let o: Output = cmd.current_dir(cwd).output().expect("run vitrine");
    (o.status.success(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn texts(dir: &Path) -> PathBuf {
    let t = dir.join("texts");
    std::fs::create_dir_all(&t).unwrap();
    for f in ["cp1252_word.txt", "service_civique_rennes.txt"] {
        std::fs::copy(fixture(f), t.join(f)).unwrap();
    }
    t
}

#[test]
fn ingest_writes_records_and_reports_per_file() {
    let d = tmp("ok");
    texts(&d);
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "postings.json"]), &d);
    assert!(ok, "{err}");
    assert!(err.contains("cp1252_word.txt → association-le-pont-charge-e-de-mission-insertion"), "{err}");
    assert!(err.contains("wrote 2 record(s) to postings.json"), "{err}");
    let data = std::fs::read_to_string(d.join("postings.json")).unwrap();
    let v = vitrine::model::from_json(&data).unwrap();
    assert_eq!(v.len(), 2);
    let (ok, out, _) = run(bin().args(["check", "postings.json"]), &d);
    assert!(ok);
    assert!(out.contains("postings.json: 2 record(s), no problem"), "{out}");
}

#[test]
fn a_bad_file_fails_the_run_and_keeps_the_old_output() {
    let d = tmp("bad");
    let t = texts(&d);
    std::fs::write(t.join("empty.txt"), "  \n").unwrap();
    std::fs::write(t.join("scan.txt"), b"%PDF-1.7 \x00\x01binary").unwrap();
    std::fs::write(d.join("postings.json"), "[]\n").unwrap();
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "postings.json"]), &d);
    assert!(!ok);
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    assert!(err.contains("scan.txt: not a text file: looks like a PDF file"), "{err}");
    assert!(err.contains("postings.json left unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("postings.json")).unwrap(), "[]\n");
    let leftovers: Vec<_> = std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!leftovers.iter().any(|n| n.contains(".tmp")), "{leftovers:?}");
    // --keep-going writes the good records and lists the bad files.
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "postings.json", "--keep-going"]), &d);
    assert!(ok, "{err}");
    assert!(err.contains("skipped: texts/empty.txt"), "{err}");
    assert_eq!(vitrine::model::from_json(&std::fs::read_to_string(d.join("postings.json")).unwrap()).unwrap().len(), 2);
}

#[test]
fn missing_inputs_and_unwritable_output_are_errors() {
    let d = tmp("missing");
    let (ok, _, err) = run(bin().args(["ingest", "nope", "-o", "p.json"]), &d);
    assert!(!ok);
    assert!(err.contains("error: nope: no such file or folder"), "{err}");
    texts(&d);
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "no/such/dir/p.json"]), &d);
    assert!(!ok);
    assert!(err.contains("no/such/dir/p.json: cannot write"), "{err}");
}

#[test]
fn overrides_are_merged_and_checked() {
    let d = tmp("ov");
    texts(&d);
    std::fs::create_dir_all(d.join("data")).unwrap();
    std::fs::write(
        d.join("data/overrides.toml"),
        "[association-le-pont-charge-e-de-mission-insertion]\norganization = \"Le Pont\"\npay.text = \"2 300 € bruts par mois\"\n",
    )
    .unwrap();
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "data/postings.json"]), &d);
    assert!(ok, "{err}");
    assert!(err.contains("override association-le-pont-charge-e-de-mission-insertion: organization, pay.text"), "{err}");
    let v = vitrine::model::from_json(&std::fs::read_to_string(d.join("data/postings.json")).unwrap()).unwrap();
    let p = v.iter().find(|p| p.id == "association-le-pont-charge-e-de-mission-insertion").unwrap();
    assert_eq!(p.organization, "Le Pont");
    assert_eq!(p.pay.as_ref().map(|x| (x.min, x.text.as_str())), Some((Some(vitrine::model::Amount::units(2300)), "2 300 € bruts par mois")));
    // An unknown id or field fails the run, naming the file, the id and the field.
    std::fs::write(d.join("data/overrides.toml"), "[no-such-id]\ntitle = \"x\"\n[association-le-pont-charge-e-de-mission-insertion]\ntitel = \"x\"\n").unwrap();
    let before = std::fs::read_to_string(d.join("data/postings.json")).unwrap();
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "data/postings.json"]), &d);
    assert!(!ok);
    assert!(err.contains("data/overrides.toml: [no-such-id]: no posting has this id"), "{err}");
    assert!(err.contains("data/overrides.toml: [association-le-pont-charge-e-de-mission-insertion] titel: unknown field"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("data/postings.json")).unwrap(), before);
    // --no-overrides ignores it.
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "data/postings.json", "--no-overrides"]), &d);
    assert!(ok, "{err}");
}

#[test]
fn show_prints_a_reviewable_record() {
    let d = tmp("show");
    let (ok, out, err) = run(bin().arg("show").arg(fixture("ch_geneve_coordination.txt")), &d);
    assert!(ok, "{err}");
    for want in [
        "title         Coordinateur·trice de projets interculturels",
        "organization  Association Espace Accueil Migrants",
        "place         Genève (Genève), Suisse",
        "pay           85000–95000 CHF / year gross",
        "deadline      2026-02-15",
        "## Conditions",
        "To review:",
    ] {
        assert!(out.contains(want), "missing «{want}» in:\n{out}");
    }
    let (ok, out, _) = run(bin().arg("show").arg("--json").arg(fixture("cp1252_word.txt")), &d);
    assert!(ok);
    assert!(out.contains("\"title\": \"Chargé(e) de mission insertion\""), "{out}");
    std::fs::write(d.join("bin.txt"), b"ab\x00cd").unwrap();
    let (ok, _, err) = run(bin().args(["show", "bin.txt"]), &d);
    assert!(!ok);
    assert!(err.contains("bin.txt: not a text file"), "{err}");
}

#[test]
fn check_reports_file_record_field_and_position() {
    let d = tmp("check");
    std::fs::write(d.join("broken.json"), "[\n {\"id\": \"a\",\n }\n]\n").unwrap();
    let (ok, _, err) = run(bin().args(["check", "broken.json"]), &d);
    assert!(!ok);
    assert!(err.contains("broken.json:3:2: invalid JSON"), "{err}");
    std::fs::write(
        d.join("bad.json"),
        r#"[{"id":"a","kind":"emploi","title":"T","organization":"O","deadline":"2025-01-01","published":"2025-02-01"},
            {"id":"a","kind":"stage","title":"T","organization":"O","apply":{"emails":["pas-un-mail"]}}]"#,
    )
    .unwrap();
    let (ok, _, err) = run(bin().args(["check", "bad.json"]), &d);
    assert!(!ok);
    assert!(err.contains("bad.json: record a: field deadline: 2025-01-01 is before the publication date 2025-02-01"), "{err}");
    assert!(err.contains("bad.json: record a: field apply.emails: «pas-un-mail» is not an e-mail address"), "{err}");
    assert!(err.contains("bad.json: record a: field id: used twice (records 1 and 2)"), "{err}");
    let (ok, _, err) = run(bin().args(["check", "absent.json"]), &d);
    assert!(!ok && err.contains("absent.json: cannot read"), "{err}");
}

#[test]
fn pack_writes_a_split_feed_that_check_reads() {
    let d = tmp("pack");
    texts(&d);
    let (ok, _, err) = run(bin().args(["ingest", "texts", "-o", "postings.json"]), &d);
    assert!(ok, "{err}");
    let (ok, _, err) = run(bin().args(["pack", "postings.json", "-o", "site/offres.json", "--updated", "2025-03-01"]), &d);
    assert!(!ok, "the output folder does not exist: {err}");
    std::fs::create_dir_all(d.join("site")).unwrap();
    let (ok, _, err) = run(bin().args(["pack", "postings.json", "-o", "site/offres.json", "--updated", "2025-03-01"]), &d);
    assert!(ok, "{err}");
    assert!(err.contains("wrote 2 offer(s) to site/offres.json (") && err.contains("site/offres.bodies.json ("), "{err}");
    let (ok, out, err) = run(bin().args(["check", "site/offres.json"]), &d);
    assert!(ok, "{err}");
    assert!(out.contains("site/offres.json: 2 record(s) and their texts, no problem"), "{out}");
    // Texts of another version: named.
    std::fs::write(d.join("site/offres.bodies.json"), "{\"stamp\":\"0000000000000000\",\"bodies\":[]}").unwrap();
    let (ok, _, err) = run(bin().args(["check", "site/offres.json"]), &d);
    assert!(!ok);
    assert!(err.contains("offres.bodies.json") && err.contains("edited or cut"), "{err}");
}

fn formats_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name)
}

#[test]
fn ingest_reads_a_folder_of_mixed_formats() {
    let d = tmp("mixed");
    let t = d.join("docs");
    std::fs::create_dir_all(t.join("web")).unwrap();
    for f in ["epicerie.odt", "jsonld_page.html"] {
        std::fs::copy(formats_fixture(f), t.join(f)).unwrap();
    }
    std::fs::copy(formats_fixture("jobboard.html"), t.join("web/jobboard.htm")).unwrap();
    std::fs::copy(formats_fixture("epicerie.pdf"), t.join("copie.pdf")).unwrap();
    std::fs::copy(fixture("service_civique_rennes.txt"), t.join("service_civique_rennes.txt")).unwrap();
    std::fs::write(t.join("notes.doc"), b"\xD0\xCF\x11\xE0").unwrap(); // not a type ingest reads: left aside
    let (ok, _, err) = run(bin().args(["ingest", "docs", "-o", "postings.json", "--no-overrides"]), &d);
    assert!(ok, "{err}");
    assert!(err.contains("wrote 5 record(s) to postings.json"), "{err}");
    assert!(err.contains("jsonld_page.html → permanence-juridique-solidaire-juriste-en-droit-des-etrangers"), "{err}");
    let v = vitrine::model::from_json(&std::fs::read_to_string(d.join("postings.json")).unwrap()).unwrap();
    let ids: Vec<&str> = v.iter().map(|p| p.id.as_str()).collect();
    // The same posting as .pdf and .odt: two records, the second id made unique.
    assert!(ids.contains(&"association-la-bonne-graine-coordinateur-rice-de-l-epicerie-solidaire-2"), "{ids:?}");
    let sources: Vec<&str> = v.iter().filter_map(|p| p.source.as_deref()).collect();
    assert!(sources.contains(&"jobboard.htm") && sources.contains(&"copie.pdf"), "{sources:?}");
    // A scanned PDF fails the run, named, and the output stays as it was.
    let before = std::fs::read_to_string(d.join("postings.json")).unwrap();
    std::fs::copy(formats_fixture("scan.pdf"), t.join("scan.pdf")).unwrap();
    let (ok, _, err) = run(bin().args(["ingest", "docs", "-o", "postings.json", "--no-overrides"]), &d);
    assert!(!ok);
    assert!(err.contains("docs/scan.pdf: no text layer (a scanned PDF?): export the text or paste it"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("postings.json")).unwrap(), before);
}

#[test]
fn show_reads_an_html_page_and_its_json_ld() {
    let d = tmp("show-html");
    let (ok, out, err) = run(bin().arg("show").arg(formats_fixture("jsonld_page.html")), &d);
    assert!(ok, "{err}");
    for want in [
        "title         Juriste en droit des étrangers",
        "organization  Permanence Juridique Solidaire",
        "place         34000 Montpellier (Hérault, Occitanie), France",
        "pay           2300–2600 € / month  «2 300 à 2 600 € par mois»",
        "deadline      2026-05-15",
        "apply links   https://pjs.example/recrutement/juriste",
        "## Missions",
        "source        jsonld_page.html",
    ] {
        assert!(out.contains(want), "missing «{want}» in:\n{out}");
    }
    assert!(!out.contains("contact@pjs.example") && !out.contains("Nos actions"), "{out}");
}

#[test]
fn import_reads_each_feed_type() {
    let d = tmp("import");
    let mut cmd = bin();
    cmd.args(["import", "-o", "imported.json", "--no-overrides"]);
    for f in ["offres.atom", "offres.feed.json", "offres.jsonld"] {
        cmd.arg(formats_fixture(f));
    }
    let (ok, _, err) = run(&mut cmd, &d);
    assert!(ok, "{err}");
    assert!(err.contains("wrote 5 record(s) to imported.json"), "{err}");
    let v = vitrine::model::from_json(&std::fs::read_to_string(d.join("imported.json")).unwrap()).unwrap();
    let by = |id: &str| v.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no {id} in {:?}", v.iter().map(|p| &p.id).collect::<Vec<_>>()));
    let atom = by("federation-des-jardins-partages-animateur-rice-jardin-et-alimentation");
    assert_eq!((atom.city(), atom.contract.key()), (Some("Dijon"), "cdi"));
    assert_eq!(atom.published.map(|d| d.to_string()).as_deref(), Some("2026-02-02"));
    assert_eq!(atom.apply.emails, ["rh@jardins-partages.org"]);
    let jf = by("centre-social-la-passerelle-service-civique-ambassadeur-rice-du-tri");
    // No way to apply in its text: the item's link.
    assert_eq!(jf.apply.urls, ["https://centres-sociaux.example/offres/2"]);
    let ld = by("collectif-habitat-digne-travailleur-se-social-e-logement");
    assert_eq!((ld.city(), ld.places[0].country.key(), ld.contract.key()), (Some("Namur"), "BE", "cdi"));
    assert_eq!(ld.pay.as_ref().and_then(|p| p.min), Some(vitrine::model::Amount::units(3100)));
    let stage = by("collectif-habitat-digne-stage-en-communication");
    assert_eq!((stage.kind.key(), stage.apply.urls.as_slice()), ("stage", &["https://habitatdigne.example/stage-communication".to_string()][..]));
    // vitrine's own data file: its records taken as they are.
    let (ok, _, err) = run(bin().args(["import", "imported.json", "-o", "again.json", "--no-overrides"]), &d);
    assert!(ok, "{err}");
    assert_eq!(std::fs::read_to_string(d.join("again.json")).unwrap(), std::fs::read_to_string(d.join("imported.json")).unwrap());
}

#[test]
fn import_fails_whole_unless_keep_going() {
    let d = tmp("import-bad");
    std::fs::write(d.join("out.json"), "[]\n").unwrap();
    std::fs::write(d.join("page-erreur.xml"), "<?xml version=\"1.0\"?><erreur>maintenance</erreur>").unwrap();
    let rss = formats_fixture("offres.rss");
    let (ok, _, err) = run(bin().args(["import", "page-erreur.xml", "-o", "out.json", "--no-overrides"]).arg(&rss), &d);
    assert!(!ok);
    assert!(err.contains("page-erreur.xml: not a readable RSS, Atom or JSON Feed"), "{err}");
    assert!(err.contains("out.json left unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(d.join("out.json")).unwrap(), "[]\n");
    let (ok, _, err) = run(bin().args(["import", "page-erreur.xml", "-o", "out.json", "--no-overrides", "--keep-going"]).arg(&rss), &d);
    assert!(ok, "{err}");
    assert!(err.contains("skipped: page-erreur.xml: not a readable RSS"), "{err}");
    assert!(err.contains("wrote 2 record(s) to out.json"), "{err}");
    let v = vitrine::model::from_json(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    let m = v.iter().find(|p| p.id == "association-clic-solidaire-mediateur-rice-numerique").expect("the médiateur offer");
    assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2026-01-12"));
    // Its organization is named only in its sentence («L'Espace Jeunes des Chartreux cherche …»).
    assert!(v.iter().any(|p| p.organization == "L'Espace Jeunes des Chartreux" && p.title.to_lowercase().contains("devoirs")), "{v:?}");
    let (ok, _, err) = run(bin().args(["import", "https://asso.example/flux.xml", "-o", "out.json"]), &d);
    assert!(!ok && err.contains("`vitrine import` reads files"), "{err}");
}
