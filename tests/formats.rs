//! Input formats end to end (library): the same posting given as .txt, .html, .docx, .odt and .pdf
//! gives the same key fields; HTML pages lose their furniture and keep their structure; JSON-LD
//! fills what a page's text lacks; unreadable documents get errors naming the file and why.

use std::path::{Path, PathBuf};
use vitrine::ingest::formats::{self, Format};
use vitrine::ingest::IngestError;
use vitrine::model::Posting;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats").join(name)
}

fn posting(name: &str) -> Posting {
    let src = formats::read(&fixture(name)).unwrap_or_else(|e| panic!("{e}"));
    src.extract(Some(name)).posting
}

/// The fields compared across formats, typographic apostrophes made plain.
fn key_fields(p: &Posting) -> Vec<(&'static str, String)> {
    let plain = |s: &str| s.replace('’', "'");
    vec![
        ("title", plain(&p.title)),
        ("organization", plain(&p.organization)),
        ("city", p.city().unwrap_or("").to_string()),
        ("postal_code", p.places.first().and_then(|x| x.postal_code.clone()).unwrap_or_default()),
        ("contract", p.contract.key().to_string()),
        ("kind", p.kind.key().to_string()),
        ("deadline", p.deadline.map(|d| d.to_string()).unwrap_or_default()),
        ("pay", p.pay.as_ref().map(|x| format!("{:?}-{:?} {:?} {:?}", x.min, x.max, x.period, x.basis)).unwrap_or_default()),
        ("duration", format!("{:?}", p.duration_months)),
        ("apply_emails", p.apply.emails.join(",")),
    ]
}

fn text_of(name: &str) -> String {
    formats::read(&fixture(name)).unwrap_or_else(|e| panic!("{e}")).text
}

#[test]
fn the_same_posting_in_every_format_gives_the_same_fields() {
    let reference = posting("epicerie.txt");
    let want = key_fields(&reference);
    assert_eq!(reference.apply.emails, ["recrutement@bonnegraine.org"]);
    let mut report = Vec::new();
    for f in ["epicerie.html", "epicerie.docx", "epicerie.odt", "epicerie.pdf"] {
        let got = key_fields(&posting(f));
        let same = got.iter().zip(&want).filter(|(a, b)| a == b).count();
        report.push(format!("{f}: {same}/{} key fields as the .txt", want.len()));
        for ((k, a), (_, b)) in got.iter().zip(&want) {
            assert_eq!(a, b, "{f}: field {k}");
        }
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn a_wordpress_page_loses_its_furniture_and_keeps_its_structure() {
    let t = text_of("epicerie.html");
    for absent in [
        "Aller au contenu", "Faire un don", "Nous rejoindre", "Accueil", "cookies", "J'accepte", "Partager", "Facebook",
        "Actualités", "Nous soutenir", "contact@bonnegraine.org", "Mentions légales", "commentaire", "reconversion",
        "Article précédent", "Publié dans", "window.graine", "position:fixed", "end of the editor",
    ] {
        assert!(!t.contains(absent), "«{absent}» left in:\n{t}");
    }
    for present in [
        "# Coordinateur·rice de l’épicerie solidaire\n",
        "Lieu : Villeurbanne (69100)\n",
        "Rémunération : 2 050 € bruts mensuels\n",
        "# Vos missions\n\n- Organiser les approvisionnements",
        "- Animer l’équipe de bénévoles :\n  - planning des permanences\n  - accueil des nouveaux bénévoles\n- Tenir la caisse",
        "[recrutement@bonnegraine.org](mailto:recrutement@bonnegraine.org)",
    ] {
        assert!(t.contains(present), "«{present}» missing in:\n{t}");
    }
    let p = posting("epicerie.html");
    assert!(!p.apply.emails.contains(&"contact@bonnegraine.org".to_string()));
    assert!(matches!(p.body.iter().find(|b| matches!(b, vitrine::model::Block::List { .. })), Some(vitrine::model::Block::List { items }) if items.len() == 4 && items[1].children.len() == 2));
}

#[test]
fn a_job_board_page_loses_tags_of_other_offers() {
    let t = text_of("jobboard.html");
    for absent in [
        "SolidaJobs", "Toutes les offres", "Se connecter", "› Offres", "Offres similaires", "Encadrant·e technique",
        "Tremplin 44", "Partager cette offre", "LinkedIn", "Voir toutes les offres", "Créer une alerte", "bonjour@solidajobs",
        "CGU",
    ] {
        assert!(!t.contains(absent), "«{absent}» left in:\n{t}");
    }
    assert!(t.starts_with("# Chargé·e d'accompagnement vers l'emploi\n"), "{t}");
    assert!(t.contains("Lieu : Saint-Nazaire (44600)\nContrat : CDI\n"), "{t}");
    assert!(t.contains("# Vos missions\n\n- Suivre individuellement"), "{t}");
    let p = posting("jobboard.html");
    assert_eq!((p.city(), p.contract.key(), p.organization.as_str()), (Some("Saint-Nazaire"), "cdi", "Régie de quartier Les Ateliers du Canal"));
    assert_eq!(p.apply.emails, ["emploi@ateliersducanal.org"]);
    assert_eq!(p.deadline.map(|d| d.to_string()).as_deref(), Some("2026-03-06"));
}

#[test]
fn json_ld_fills_what_the_page_text_lacks() {
    let src = formats::read(&fixture("jsonld_page.html")).unwrap();
    assert_eq!(src.format, Format::Html);
    let j = src.job.clone().expect("a JobPosting");
    assert_eq!(j.organization.as_deref(), Some("Permanence Juridique Solidaire"));
    let text_only = vitrine::ingest::extract(&src.text, None).posting;
    assert!(text_only.deadline.is_none() && text_only.pay.is_none() && text_only.city().is_none());
    let e = src.extract(Some("jsonld_page.html"));
    let p = &e.posting;
    assert_eq!(p.id, "permanence-juridique-solidaire-juriste-en-droit-des-etrangers");
    assert_eq!((p.city(), p.places[0].postal_code.as_deref()), (Some("Montpellier"), Some("34000")));
    assert_eq!(p.pay.as_ref().map(|x| (x.min, x.max)), Some((Some(vitrine::model::Amount::units(2300)), Some(vitrine::model::Amount::units(2600)))));
    assert_eq!(p.deadline.map(|d| d.to_string()).as_deref(), Some("2026-05-15"));
    assert_eq!(p.published.map(|d| d.to_string()).as_deref(), Some("2026-04-01"));
    // The text's contract (CDI) stays: FULL_TIME says nothing of it.
    assert_eq!(p.contract.key(), "cdi");
    assert_eq!(p.apply.urls, ["https://pjs.example/recrutement/juriste"]);
    assert!(!e.notes.iter().any(|n| ["organization", "places", "pay", "deadline"].contains(&n.field)), "{:?}", e.notes);
}

#[test]
fn a_thin_page_reads_its_json_ld_description() {
    let page = r#"<html><head><title>Offre</title><script type="application/ld+json">{"@type":"JobPosting","title":"Animatrice d'atelier vélo",
        "hiringOrganization":{"name":"Atelier Roue Libre"},"employmentType":"PART_TIME","validThrough":"2026-06-01",
        "description":"<p>L'atelier accueille chaque semaine des habitants qui réparent leur vélo.</p><h3>Missions</h3><ul><li>Animer les séances de réparation avec les bénévoles</li><li>Tenir le stock de pièces</li></ul><p>CDD de 6 mois, 24 heures par semaine. Écrire à bonjour@rouelibre.org.</p>"}</script></head>
        <body><div id="app">Chargement…</div></body></html>"#;
    let src = formats::read_bytes("https://rouelibre.example/offres/velo", page.as_bytes()).unwrap();
    assert!(src.text.contains("# Missions\n\n- Animer les séances"), "{}", src.text);
    let p = src.extract(None).posting;
    assert_eq!(p.title, "Animatrice d'atelier vélo");
    assert_eq!(p.organization, "Atelier Roue Libre");
    assert_eq!(p.contract.key(), "cdd");
    assert_eq!(p.apply.emails, ["bonjour@rouelibre.org"]);
}

#[test]
fn office_documents_keep_headings_lists_and_tables() {
    let t = text_of("epicerie.docx");
    assert!(t.starts_with("# Coordinateur·rice de l'épicerie solidaire\n\nAssociation La Bonne Graine\n\nLieu : Villeurbanne (69100)\n"), "{t}");
    assert!(t.contains("# Vos missions\n\n- Organiser"), "{t}");
    assert!(t.contains("- Animer l'équipe de bénévoles :\n  - planning des permanences\n"), "{t}");
    let t = text_of("epicerie.odt");
    assert!(t.starts_with("# Coordinateur·rice de l'épicerie solidaire\n\nAssociation La Bonne Graine\nLieu : Villeurbanne (69100)\n"), "{t}");
    assert!(t.contains("- Animer l'équipe de bénévoles :\n  - planning des permanences\n  - accueil"), "{t}");
}

#[test]
fn pdf_text_is_unwrapped_without_page_numbers() {
    let t = text_of("epicerie.pdf");
    assert!(!t.contains("Page 1/2") && !t.contains("Page 2/2"), "{t}");
    assert!(t.contains("Vous avez une première expérience en gestion de structure ou en logistique. Vous aimez"), "{t}");
    assert!(t.contains("• Animer l'équipe de bénévoles :\n  – planning des permanences\n"), "{t}");
    let e = formats::read(&fixture("scan.pdf")).unwrap_err();
    assert!(matches!(e, IngestError::NoTextLayer { .. }));
    assert!(e.to_string().ends_with("scan.pdf: no text layer (a scanned PDF?): export the text or paste it"), "{e}");
    let e = formats::read(&fixture("locked.pdf")).unwrap_err();
    assert!(e.to_string().ends_with("locked.pdf: the PDF is encrypted (password-protected): export its text or paste it"), "{e}");
}

#[test]
fn unreadable_documents_are_named_with_why() {
    let d = std::env::temp_dir().join(format!("vitrine-formats-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let write = |name: &str, bytes: &[u8]| -> PathBuf {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let err = |p: &Path| formats::read(p).unwrap_err();
    let e = err(&write("vide.html", b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>"));
    assert!(matches!(e, IngestError::Empty { .. }), "{e}");
    assert!(e.to_string().contains("vide.html"), "{e}");
    let e = err(&write("abimé.docx", b"PK\x03\x04\x14\x00 cut short"));
    assert!(e.to_string().contains("abimé.docx: not a readable Word (.docx) file: not a zip archive"), "{e}");
    let e = err(&write("tronque.pdf", b"%PDF-1.7\n1 0 obj"));
    assert!(e.to_string().contains("tronque.pdf: not a readable PDF file"), "{e}");
    let e = err(&write("old.txt", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
    assert!(e.to_string().ends_with("old.txt: not a text file: looks like an old Office (.doc) file: save it as .docx, or copy its text into a .txt file"), "{e}");
}
