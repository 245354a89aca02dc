//! The interface's languages: which words a widget uses (`Lang`: French, English, Dutch) and which
//! conventions its numbers and dates follow (`Locale`: fr-FR, fr-BE, nl-BE, en), every fixed label
//! (`Texts`, one `const` per language so none can be missing), the labels of the data's values, and
//! the sentences that carry a number or a plural. Offer texts are never translated. Pure, tested natively.

use crate::catalogue::length::Length;
use crate::catalogue::{Facet, LabelWords, Sort};
use crate::model::{Contract, Country, Date, Kind, Posting, Remote, Theme};

use super::format;

/// The language of the interface's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Nl];

    /// The BCP 47 primary language subtag ("fr", "en", "nl").
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// Every fixed label in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
            Lang::Nl => &NL,
        }
    }

    /// Whether a count of `n` takes the singular: "1 offer"; in French also "0 offre".
    pub fn is_singular(self, n: usize) -> bool {
        match self {
            Lang::Fr => n <= 1,
            Lang::En | Lang::Nl => n == 1,
        }
    }
}

/// Conventions for numbers, amounts and dates; each locale speaks one `Lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    /// French of France: "29 000 €", "1er mars 2024".
    #[default]
    FrFr,
    /// French of Belgium: written like fr-FR.
    FrBe,
    /// Dutch of Belgium: "29.000 €", "1 maart 2024".
    NlBe,
    /// English: "€29,000", "1 March 2024".
    En,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::FrFr, Locale::FrBe, Locale::NlBe, Locale::En];

    pub fn lang(self) -> Lang {
        match self {
            Locale::FrFr | Locale::FrBe => Lang::Fr,
            Locale::NlBe => Lang::Nl,
            Locale::En => Lang::En,
        }
    }

    /// The BCP 47 tag, as put in `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::FrFr => "fr-FR",
            Locale::FrBe => "fr-BE",
            Locale::NlBe => "nl-BE",
            Locale::En => "en",
        }
    }

    /// Shorthand for `self.lang().texts()`.
    pub fn texts(self) -> &'static Texts {
        self.lang().texts()
    }

    /// The locale a BCP 47 tag asks for ("fr", "fr-BE", "nl", "nl-NL", "en-GB", "EN_us"…):
    /// French of Belgium for fr-BE, French of France for any other French, Dutch of Belgium for any
    /// Dutch, English for any English; `None` for other languages or a malformed tag.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let mut parts = tag.trim().split(['-', '_']);
        let primary = parts.next()?.to_ascii_lowercase();
        // The region is the first later subtag of 2 letters (a script subtag has 4: "fr-Latn-BE").
        let region = parts.find(|p| p.len() == 2).map(str::to_ascii_uppercase);
        match primary.as_str() {
            "fr" if region.as_deref() == Some("BE") => Some(Locale::FrBe),
            "fr" => Some(Locale::FrFr),
            "nl" => Some(Locale::NlBe),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// Declares `Texts` and `Texts::fields`, which lists every field with its name (for the tests that
/// check each language is complete and translated).
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every fixed string of the interface in one language. A field per string, so a language
        /// that misses one does not compile.
        #[derive(Debug, PartialEq, Eq)]
        pub struct Texts {
            $($(#[$doc])* pub $name: &'static str,)*
        }

        impl Texts {
            /// (field name, text) for every field, in declaration order.
            pub fn fields(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

texts! {
    /// Label of the search field.
    search_label,
    search_placeholder,
    /// `aria-label` of the results region.
    results_region,
    /// The count when nothing matches.
    no_offers,
    /// Singular and plural nouns for counts ("offre", "offres").
    offer_one,
    offer_many,
    /// Between a count and the total: "3 offres sur 5".
    of,
    /// Empty list, nothing saved yet under "my offers".
    no_saved_yet,
    /// Empty list after a search.
    no_match,
    /// Before the offers found with relaxed rules when a search found none.
    nearest_intro,
    /// Clears the filters, keeps the search.
    clear_filters,
    /// Button showing the closed offers that match.
    show_them,
    reset_filters,
    /// A link to an offer no longer in the data.
    missing_title,
    missing_text,
    missing_back,
    /// Where an offer's text will show once it has arrived (split feeds).
    body_loading,
    /// An offer's text could not be fetched (offline on a first visit, broken file).
    body_unavailable,
    /// The button folding the filters on narrow widgets.
    filters,
    see_less,
    see_all,
    clear,
    /// Hidden text between a facet value and its count (read as "Lyon : 2").
    count_separator,
    facet_kind,
    facet_contract,
    facet_length,
    facet_start,
    /// The start filter's choices.
    start_asap,
    start_from,
    start_before,
    start_any,
    facet_pay,
    /// The pay filter's choices.
    pay_at_least,
    pay_any,
    pay_unstated,
    per_month_short,
    facet_country,
    /// Région (FR), province (BE, CA), canton (CH).
    facet_region,
    facet_city,
    facet_remote,
    facet_theme,
    facet_organization,
    /// The toggle of the visitor's saved offers.
    my_offers,
    sort_by,
    sort_relevance,
    sort_recent,
    sort_closing,
    sort_pay,
    show_closed,
    /// Tooltips of the star button.
    save,
    unsave,
    back,
    share,
    share_copied,
    share_sheet,
    share_failed,
    /// Row labels of the detail's facts.
    field_type,
    field_place,
    field_remote,
    field_pay,
    /// What a project gets (a grant) or a tender's budget: money that is not a salary.
    field_amount,
    field_hours,
    field_duration,
    field_start,
    field_deadline,
    field_published,
    field_partners,
    field_themes,
    /// Heading of how to apply (jobs) or get in touch (projects).
    apply_heading,
    contact_heading,
    deadline_passed,
    /// Before the contact person and the postal address ("Contact : …").
    contact_label,
    address_label,
    apply_by_email,
    apply_online,
    contact_by_email,
    contact_online,
    /// Hidden after links that open a new window.
    new_window,
    /// A saved offer no longer in the data.
    gone_note,
    /// A start date.
    asap,
    /// Pay words ("brut", "net") and periods ("an", "mois", "heure").
    gross,
    net,
    per_year,
    per_month,
    per_hour,
    /// Deadline badges.
    closes_today,
    closes_tomorrow,
    closed,
    /// Notices about partner feeds.
    notice_updating,
    notice_not_updated,
    notice_source_down,
    notice_partial,
}

/// French (the data's language, and the default).
pub const FR: Texts = Texts {
    search_label: "Rechercher une offre",
    search_placeholder: "Métier, organisation, ville…",
    results_region: "Résultats",
    no_offers: "Aucune offre",
    offer_one: "offre",
    offer_many: "offres",
    of: "sur",
    no_saved_yet: "Vous n’avez pas encore d’offre sauvegardée : utilisez l’étoile d’une offre pour la retrouver ici.",
    no_match: "Aucune offre ne correspond à votre recherche.",
    nearest_intro: "Offres proches :",
    clear_filters: "Effacer les filtres",
    show_them: "Les afficher",
    reset_filters: "Réinitialiser les filtres",
    missing_title: "Cette offre n’est plus disponible",
    missing_text: "Elle a peut-être été pourvue ou retirée par l’organisation qui l’avait publiée.",
    missing_back: "← Voir les offres",
    body_loading: "Chargement du texte de l’offre…",
    body_unavailable: "Le texte complet de l’offre n’a pas pu être chargé. Réessayez plus tard, une fois connecté.",
    filters: "Filtres",
    see_less: "Voir moins",
    see_all: "Voir tout",
    clear: "Effacer",
    count_separator: " : ",
    facet_kind: "Type d’offre",
    facet_contract: "Contrat",
    facet_length: "Durée",
    facet_start: "Début",
    start_asap: "Dès que possible",
    start_from: "À partir de",
    start_before: "Avant",
    start_any: "Tous les mois",
    facet_pay: "Salaire",
    pay_at_least: "Au moins, brut par mois",
    pay_any: "Indifférent",
    pay_unstated: "Aussi les offres sans montant",
    per_month_short: "/ mois",
    facet_country: "Pays",
    facet_region: "Région",
    facet_city: "Ville",
    facet_remote: "Télétravail",
    facet_theme: "Thématique",
    facet_organization: "Organisation",
    my_offers: "Mes offres",
    sort_by: "Trier par",
    sort_relevance: "Pertinence",
    sort_recent: "Plus récentes",
    sort_closing: "Clôture la plus proche",
    sort_pay: "Rémunération",
    show_closed: "Afficher les offres clôturées",
    save: "Sauvegarder dans mes offres",
    unsave: "Retirer de mes offres",
    back: "← Retour aux offres",
    share: "Partager",
    share_copied: "Lien copié dans le presse-papiers.",
    share_sheet: "Lien partagé.",
    share_failed: "Le lien n’a pas pu être copié : copiez l’adresse de la page.",
    field_type: "Type",
    field_place: "Lieu",
    field_remote: "Télétravail",
    field_pay: "Rémunération",
    field_amount: "Montant",
    field_hours: "Temps de travail",
    field_duration: "Durée",
    field_start: "Début",
    field_deadline: "Date limite de candidature",
    field_published: "Publiée le",
    field_partners: "Partenaires",
    field_themes: "Thématiques",
    apply_heading: "Candidater",
    contact_heading: "Contact",
    deadline_passed: "La date limite de candidature est passée.",
    contact_label: "Contact : ",
    address_label: "Adresse : ",
    apply_by_email: "Postuler par e-mail",
    apply_online: "Postuler en ligne",
    contact_by_email: "Contacter par e-mail",
    contact_online: "Contacter en ligne",
    new_window: " (nouvelle fenêtre)",
    gone_note: "Cette offre n’est plus disponible.",
    asap: "Dès que possible",
    gross: "brut",
    net: "net",
    per_year: "an",
    per_month: "mois",
    per_hour: "heure",
    closes_today: "Clôture aujourd’hui",
    closes_tomorrow: "Clôture demain",
    closed: "Clôturée",
    notice_updating: "Mise à jour des offres…",
    notice_not_updated: "Les offres n’ont pas pu être actualisées pour l’instant.",
    notice_source_down: "Une source d’offres est indisponible pour l’instant.",
    notice_partial: "Une source d’offres n’a été reçue qu’en partie.",
};

/// English.
pub const EN: Texts = Texts {
    search_label: "Search offers",
    search_placeholder: "Job, organisation, city…",
    results_region: "Results",
    no_offers: "No offers",
    offer_one: "offer",
    offer_many: "offers",
    of: "of",
    no_saved_yet: "You have not saved any offer yet: use the star of an offer to find it here.",
    no_match: "No offer matches your search.",
    nearest_intro: "Closest offers:",
    clear_filters: "Clear the filters",
    show_them: "Show them",
    reset_filters: "Reset filters",
    missing_title: "This offer is no longer available",
    missing_text: "It may have been filled, or withdrawn by the organisation that published it.",
    missing_back: "← See the offers",
    body_loading: "Loading the text of the offer…",
    body_unavailable: "The full text of the offer could not be loaded. Try again later, once online.",
    filters: "Filters",
    see_less: "Show fewer",
    see_all: "Show all",
    clear: "Clear",
    count_separator: ": ",
    facet_kind: "Type of offer",
    facet_contract: "Contract",
    facet_length: "Length",
    facet_start: "Start",
    start_asap: "As soon as possible",
    start_from: "From",
    start_before: "Before",
    start_any: "Any month",
    facet_pay: "Pay",
    pay_at_least: "At least, gross per month",
    pay_any: "Any",
    pay_unstated: "Also offers without an amount",
    per_month_short: "/ month",
    facet_country: "Country",
    facet_region: "Region",
    facet_city: "City",
    facet_remote: "Remote work",
    facet_theme: "Theme",
    facet_organization: "Organisation",
    my_offers: "My offers",
    sort_by: "Sort by",
    sort_relevance: "Relevance",
    sort_recent: "Most recent",
    sort_closing: "Closing soonest",
    sort_pay: "Pay",
    show_closed: "Show closed offers",
    save: "Save to my offers",
    unsave: "Remove from my offers",
    back: "← Back to the offers",
    share: "Share",
    share_copied: "Link copied to the clipboard.",
    share_sheet: "Link shared.",
    share_failed: "The link could not be copied: copy the address of the page.",
    field_type: "Offer type",
    field_place: "Place",
    field_remote: "Remote work",
    field_pay: "Pay",
    field_amount: "Amount",
    field_hours: "Working time",
    field_duration: "Duration",
    field_start: "Start",
    field_deadline: "Application deadline",
    field_published: "Published on",
    field_partners: "Partners",
    field_themes: "Themes",
    apply_heading: "Apply",
    contact_heading: "Get in touch",
    deadline_passed: "The application deadline has passed.",
    contact_label: "Contact person: ",
    address_label: "Address: ",
    apply_by_email: "Apply by e-mail",
    apply_online: "Apply online",
    contact_by_email: "Write an e-mail",
    contact_online: "Get in touch online",
    new_window: " (new window)",
    gone_note: "This offer is no longer available.",
    asap: "As soon as possible",
    gross: "gross",
    net: "net",
    per_year: "year",
    per_month: "month",
    per_hour: "hour",
    closes_today: "Closes today",
    closes_tomorrow: "Closes tomorrow",
    closed: "Closed",
    notice_updating: "Updating the offers…",
    notice_not_updated: "The offers could not be updated for now.",
    notice_source_down: "One source of offers is unavailable for now.",
    notice_partial: "One source of offers arrived only in part.",
};

/// Dutch (as written in Belgium).
pub const NL: Texts = Texts {
    search_label: "Vacatures zoeken",
    search_placeholder: "Beroep, organisatie, stad…",
    results_region: "Resultaten",
    no_offers: "Geen vacatures",
    offer_one: "vacature",
    offer_many: "vacatures",
    of: "van",
    no_saved_yet: "Je hebt nog geen vacature bewaard: gebruik de ster van een vacature om ze hier terug te vinden.",
    no_match: "Geen enkele vacature past bij je zoekopdracht.",
    nearest_intro: "Vacatures die er het dichtst bij komen:",
    clear_filters: "Filters wissen, zoekopdracht houden",
    show_them: "Toon ze",
    reset_filters: "Filters wissen",
    missing_title: "Deze vacature is niet meer beschikbaar",
    missing_text: "Misschien is ze al ingevuld, of ingetrokken door de organisatie die ze publiceerde.",
    missing_back: "← Naar de vacatures",
    body_loading: "De tekst van de vacature wordt geladen…",
    body_unavailable: "De volledige tekst van de vacature kon niet worden geladen. Probeer het later opnieuw, met een verbinding.",
    filters: "Filters",
    see_less: "Minder tonen",
    see_all: "Alles tonen",
    clear: "Wissen",
    count_separator: ": ",
    facet_kind: "Soort aanbod",
    facet_contract: "Contract",
    facet_length: "Duur",
    facet_start: "Begin",
    start_asap: "Zo snel mogelijk",
    start_from: "Vanaf",
    start_before: "Vóór",
    start_any: "Alle maanden",
    facet_pay: "Loon",
    pay_at_least: "Minstens, bruto per maand",
    pay_any: "Om het even",
    pay_unstated: "Ook vacatures zonder bedrag",
    per_month_short: "/ maand",
    facet_country: "Land",
    facet_region: "Regio",
    facet_city: "Stad",
    facet_remote: "Telewerk",
    facet_theme: "Thema",
    facet_organization: "Organisatie",
    my_offers: "Mijn vacatures",
    sort_by: "Sorteren op",
    sort_relevance: "Relevantie",
    sort_recent: "Meest recent",
    sort_closing: "Sluit het eerst",
    sort_pay: "Loon",
    show_closed: "Gesloten vacatures tonen",
    save: "Bewaren in mijn vacatures",
    unsave: "Verwijderen uit mijn vacatures",
    back: "← Terug naar de vacatures",
    share: "Delen",
    share_copied: "Link gekopieerd naar het klembord.",
    share_sheet: "Link gedeeld.",
    share_failed: "De link kon niet worden gekopieerd: kopieer het adres van de pagina.",
    field_type: "Soort",
    field_place: "Plaats",
    field_remote: "Telewerk",
    field_pay: "Loon",
    field_amount: "Bedrag",
    field_hours: "Arbeidstijd",
    field_duration: "Duur",
    field_start: "Begin",
    field_deadline: "Uiterste sollicitatiedatum",
    field_published: "Gepubliceerd op",
    field_partners: "Partners",
    field_themes: "Thema’s",
    apply_heading: "Solliciteren",
    contact_heading: "Contact opnemen",
    deadline_passed: "De uiterste sollicitatiedatum is verstreken.",
    contact_label: "Contactpersoon: ",
    address_label: "Adres: ",
    apply_by_email: "Solliciteren per e-mail",
    apply_online: "Online solliciteren",
    contact_by_email: "Een e-mail sturen",
    contact_online: "Online contact opnemen",
    new_window: " (nieuw venster)",
    gone_note: "Deze vacature is niet meer beschikbaar.",
    asap: "Zo snel mogelijk",
    gross: "bruto",
    net: "netto",
    per_year: "jaar",
    per_month: "maand",
    per_hour: "uur",
    closes_today: "Sluit vandaag",
    closes_tomorrow: "Sluit morgen",
    closed: "Gesloten",
    notice_updating: "De vacatures worden bijgewerkt…",
    notice_not_updated: "De vacatures konden voorlopig niet worden bijgewerkt.",
    notice_source_down: "Een bron van vacatures is voorlopig niet beschikbaar.",
    notice_partial: "Een bron van vacatures is maar gedeeltelijk ontvangen.",
};

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];
const MONTHS_NL: [&str; 12] = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
];

/// The name of month `m` (1–12; out of range is clamped), as written inside a sentence.
pub fn month_name(lang: Lang, m: u8) -> &'static str {
    let names = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
        Lang::Nl => &MONTHS_NL,
    };
    names[(m as usize).clamp(1, 12) - 1]
}

// ---------------------------------------------------------------------------------------------
// Labels of the data's values. The French ones equal the model's `label()` (a test checks it).

/// What sort of offer: "Stage", "Internship", "Stage".
pub fn kind(lang: Lang, k: Kind) -> &'static str {
    use Kind::*;
    match (lang, k) {
        (Lang::Fr, Emploi) => "Emploi",
        (Lang::Fr, Stage) => "Stage",
        (Lang::Fr, Alternance) => "Alternance",
        (Lang::Fr, ServiceCivique) => "Service civique",
        (Lang::Fr, Benevolat) => "Bénévolat",
        (Lang::Fr, Freelance) => "Freelance, prestation",
        (Lang::Fr, Projet) => "Projet",
        (Lang::En, Emploi) => "Job",
        (Lang::En, Stage) => "Internship",
        (Lang::En, Alternance) => "Work-study",
        (Lang::En, ServiceCivique) => "Civic service",
        (Lang::En, Benevolat) => "Volunteering",
        (Lang::En, Freelance) => "Freelance, contract work",
        (Lang::En, Projet) => "Project",
        (Lang::Nl, Emploi) => "Job",
        (Lang::Nl, Stage) => "Stage",
        (Lang::Nl, Alternance) => "Duaal leren",
        (Lang::Nl, ServiceCivique) => "Burgerdienst",
        (Lang::Nl, Benevolat) => "Vrijwilligerswerk",
        (Lang::Nl, Freelance) => "Freelance, opdracht",
        (Lang::Nl, Projet) => "Project",
    }
}

/// The contract: "CDI", "Permanent (CDI)", "Vast contract (CDI)"; `None` reads "Sans contrat".
pub fn contract(lang: Lang, c: Contract) -> &'static str {
    use Contract::*;
    match (lang, c) {
        (Lang::Fr, Cdi) => "CDI",
        (Lang::Fr, Cdd) => "CDD",
        (Lang::Fr, Stage) => "Stage",
        (Lang::Fr, Alternance) => "Alternance",
        (Lang::Fr, ServiceCivique) => "Service civique",
        (Lang::Fr, Benevolat) => "Bénévolat",
        (Lang::Fr, Freelance) => "Freelance",
        (Lang::Fr, None) => "Sans contrat",
        (Lang::En, Cdi) => "Permanent (CDI)",
        (Lang::En, Cdd) => "Fixed-term (CDD)",
        (Lang::En, Stage) => "Internship",
        (Lang::En, Alternance) => "Work-study",
        (Lang::En, ServiceCivique) => "Civic service",
        (Lang::En, Benevolat) => "Volunteering",
        (Lang::En, Freelance) => "Freelance",
        (Lang::En, None) => "No contract",
        (Lang::Nl, Cdi) => "Vast contract (CDI)",
        (Lang::Nl, Cdd) => "Tijdelijk contract (CDD)",
        (Lang::Nl, Stage) => "Stage",
        (Lang::Nl, Alternance) => "Duaal leren",
        (Lang::Nl, ServiceCivique) => "Burgerdienst",
        (Lang::Nl, Benevolat) => "Vrijwilligerswerk",
        (Lang::Nl, Freelance) => "Freelance",
        (Lang::Nl, None) => "Geen contract",
    }
}

/// Label of a length bucket.
pub fn length(lang: Lang, l: Length) -> &'static str {
    let [upto3, to6, to12, over12, permanent] = match lang {
        Lang::Fr => ["Jusqu’à 3 mois", "3 à 6 mois", "6 à 12 mois", "Plus de 12 mois", "Durée indéterminée"],
        Lang::En => ["Up to 3 months", "3 to 6 months", "6 to 12 months", "More than 12 months", "Permanent"],
        Lang::Nl => ["Tot 3 maanden", "3 tot 6 maanden", "6 tot 12 maanden", "Meer dan 12 maanden", "Onbepaalde duur"],
    };
    match l {
        Length::UpTo3 => upto3,
        Length::From3To6 => to6,
        Length::From6To12 => to12,
        Length::Over12 => over12,
        Length::Permanent => permanent,
    }
}

/// How much remote work.
pub fn remote(lang: Lang, r: Remote) -> &'static str {
    match (lang, r) {
        (Lang::Fr, Remote::None) => "Sur site",
        (Lang::Fr, Remote::Partial) => "Télétravail partiel",
        (Lang::Fr, Remote::Full) => "Télétravail complet",
        (Lang::En, Remote::None) => "On site",
        (Lang::En, Remote::Partial) => "Partly remote",
        (Lang::En, Remote::Full) => "Fully remote",
        (Lang::Nl, Remote::None) => "Op locatie",
        (Lang::Nl, Remote::Partial) => "Gedeeltelijk telewerk",
        (Lang::Nl, Remote::Full) => "Volledig telewerk",
    }
}

pub fn country(lang: Lang, c: Country) -> &'static str {
    match (lang, c) {
        (Lang::Fr, Country::FR) => "France",
        (Lang::Fr, Country::BE) => "Belgique",
        (Lang::Fr, Country::CH) => "Suisse",
        (Lang::En, Country::FR) => "France",
        (Lang::En, Country::BE) => "Belgium",
        (Lang::En, Country::CH) => "Switzerland",
        (Lang::Nl, Country::FR) => "Frankrijk",
        (Lang::Nl, Country::BE) => "België",
        (Lang::Nl, Country::CH) => "Zwitserland",
        (_, Country::CA) => "Canada",
    }
}

pub fn theme(lang: Lang, t: Theme) -> &'static str {
    use Theme::*;
    match lang {
        Lang::Fr => match t {
            Justice => "Justice",
            Logement => "Logement",
            Precarite => "Précarité, sans-abrisme",
            Insertion => "Insertion",
            TransitionEcologique => "Transition écologique",
            Sante => "Santé",
            Jeunesse => "Jeunesse",
            Education => "Éducation",
            Culture => "Culture",
            Democratie => "Démocratie, citoyenneté",
            Migrations => "Migrations",
            Alimentation => "Alimentation",
            Ess => "ESS",
            Handicap => "Handicap",
            Egalite => "Égalité",
            Numerique => "Numérique",
            Sport => "Sport",
        },
        Lang::En => match t {
            Justice => "Justice",
            Logement => "Housing",
            Precarite => "Poverty, homelessness",
            Insertion => "Back-to-work support",
            TransitionEcologique => "Ecological transition",
            Sante => "Health",
            Jeunesse => "Youth",
            Education => "Education",
            Culture => "Culture",
            Democratie => "Democracy, citizenship",
            Migrations => "Migration",
            Alimentation => "Food",
            Ess => "Social and solidarity economy",
            Handicap => "Disability",
            Egalite => "Equality",
            Numerique => "Digital",
            Sport => "Sport",
        },
        Lang::Nl => match t {
            Justice => "Justitie",
            Logement => "Huisvesting",
            Precarite => "Armoede, dakloosheid",
            Insertion => "Inschakeling in werk",
            TransitionEcologique => "Ecologische transitie",
            Sante => "Gezondheid",
            Jeunesse => "Jeugd",
            Education => "Onderwijs",
            Culture => "Cultuur",
            Democratie => "Democratie, burgerschap",
            Migrations => "Migratie",
            Alimentation => "Voeding",
            Ess => "Sociale en solidaire economie",
            Handicap => "Beperking",
            Egalite => "Gelijkheid",
            Numerique => "Digitaal",
            Sport => "Sport",
        },
    }
}

/// The labels of `p`'s kind, contract, countries and themes in `lang`, as the filters show them.
fn labels_in(lang: Lang, p: &Posting, words: &mut dyn FnMut(&str)) {
    words(kind(lang, p.kind));
    if p.contract != Contract::None {
        words(contract(lang, p.contract));
    }
    for place in &p.places {
        words(country(lang, place.country));
    }
    for &t in &p.themes {
        words(theme(lang, t));
    }
}

/// What the search index adds to each posting for an interface in `lang`: the labels the filters
/// show in that language, so "vrijwilligerswerk" finds the bénévolat offers. None for French: the
/// records' own labels are French, and are indexed already.
pub fn label_words(lang: Lang) -> Option<LabelWords> {
    match lang {
        Lang::Fr => None,
        Lang::En => Some(|p, words| labels_in(Lang::En, p, words)),
        Lang::Nl => Some(|p, words| labels_in(Lang::Nl, p, words)),
    }
}

/// Heading of a facet group.
pub fn facet_title(lang: Lang, f: Facet) -> &'static str {
    let t = lang.texts();
    match f {
        Facet::Kind => t.facet_kind,
        Facet::Contract => t.facet_contract,
        Facet::Length => t.facet_length,
        Facet::Start => t.facet_start,
        Facet::Pay => t.facet_pay,
        Facet::Country => t.facet_country,
        Facet::Region => t.facet_region,
        Facet::City => t.facet_city,
        Facet::Remote => t.facet_remote,
        Facet::Theme => t.facet_theme,
        Facet::Organization => t.facet_organization,
    }
}

/// Label of a facet value key: enum keys get their label, names (cities, organizations) and
/// unknown keys are shown as they are.
pub fn facet_value(lang: Lang, f: Facet, value: &str) -> String {
    let label = match f {
        Facet::Kind => Kind::from_key(value).map(|k| kind(lang, k)),
        Facet::Contract => Contract::from_key(value).map(|c| contract(lang, c)),
        Facet::Country => Country::from_key(value).map(|c| country(lang, c)),
        Facet::Remote => Remote::from_key(value).map(|r| remote(lang, r)),
        Facet::Length => Length::from_key(value).map(|l| length(lang, l)),
        Facet::Pay => None,
        Facet::Start if value == crate::catalogue::start::ASAP => Some(lang.texts().start_asap),
        Facet::Start => {
            return match value.parse::<crate::model::YearMonth>() {
                Ok(m) => format!("{} {}", month_name(lang, m.month()), m.year()),
                Err(_) => value.to_string(),
            }
        }
        Facet::Theme => Theme::from_key(value).map(|t| theme(lang, t)),
        Facet::Region | Facet::City | Facet::Organization => None,
    };
    label.map(str::to_string).unwrap_or_else(|| value.to_string())
}

/// Whether a facet's values are names from the data (in the data's language) rather than labels.
pub fn facet_values_are_names(f: Facet) -> bool {
    matches!(f, Facet::Region | Facet::City | Facet::Organization)
}

/// What a card says of the offer's type: the contract for jobs ("CDD"), else the kind ("Stage").
pub fn kind_short(lang: Lang, k: Kind, c: Contract) -> &'static str {
    match (k, c) {
        (Kind::Emploi, Contract::None) => kind(lang, k),
        (Kind::Emploi, c) => contract(lang, c),
        (k, _) => kind(lang, k),
    }
}

/// The detail's "Type" row: the contract for jobs, else the kind, with the contract when it adds.
pub fn kind_long(lang: Lang, k: Kind, c: Contract) -> String {
    let (kl, cl) = (kind(lang, k), contract(lang, c));
    if k == Kind::Emploi {
        kind_short(lang, k, c).to_string()
    } else if c != Contract::None && cl != kl {
        format!("{kl} ({cl})")
    } else {
        kl.to_string()
    }
}

pub fn sort_label(lang: Lang, s: Sort) -> &'static str {
    let t = lang.texts();
    match s {
        Sort::Relevance => t.sort_relevance,
        Sort::Recent => t.sort_recent,
        Sort::ClosingSoon => t.sort_closing,
        Sort::Pay => t.sort_pay,
    }
}

// ---------------------------------------------------------------------------------------------
// Sentences with numbers and plurals.

/// "n offre(s)" without the zero case: "1 offre", "2 offres", "1 000 offres".
fn n_offers(locale: Locale, n: usize) -> String {
    let t = locale.texts();
    let noun = if locale.lang().is_singular(n) { t.offer_one } else { t.offer_many };
    format!("{} {noun}", format::number(n as u32, locale))
}

/// The result count: "Aucune offre", "1 offre", "2 offres" / "No offers", "1 offer" / "1 vacature".
pub fn offers(locale: Locale, n: usize) -> String {
    if n == 0 {
        locale.texts().no_offers.to_string()
    } else {
        n_offers(locale, n)
    }
}

/// After a filtered count: " sur 5", " of 5", " van 5".
pub fn of_total(locale: Locale, total: usize) -> String {
    format!(" {} {}", locale.texts().of, format::number(total as u32, locale))
}

/// The button that shows the next page: "Voir plus d’offres (20 sur 45)".
pub fn show_more(locale: Locale, shown: usize, total: usize) -> String {
    let (shown, total) = (format::number(shown as u32, locale), format::number(total as u32, locale));
    match locale.lang() {
        Lang::Fr => format!("Voir plus d’offres ({shown} sur {total})"),
        Lang::En => format!("Show more offers ({shown} of {total})"),
        Lang::Nl => format!("Meer vacatures tonen ({shown} van {total})"),
    }
}

/// Said when only closed offers match: "1 offre clôturée correspond à ces critères."
pub fn expired_matching(locale: Locale, n: usize) -> String {
    let num = format::number(n as u32, locale);
    let one = locale.lang().is_singular(n);
    match (locale.lang(), one) {
        (Lang::Fr, true) => format!("{num} offre clôturée correspond à ces critères."),
        (Lang::Fr, false) => format!("{num} offres clôturées correspondent à ces critères."),
        (Lang::En, true) => format!("{num} closed offer matches these criteria."),
        (Lang::En, false) => format!("{num} closed offers match these criteria."),
        (Lang::Nl, true) => format!("{num} gesloten vacature voldoet aan deze criteria."),
        (Lang::Nl, false) => format!("{num} gesloten vacatures voldoen aan deze criteria."),
    }
}

/// A search that found nothing: "Aucune offre pour « … ».", the visitor's words as typed.
pub fn no_match_for(lang: Lang, text: &str) -> String {
    let text = text.trim();
    match lang {
        Lang::Fr => format!("Aucune offre pour «\u{a0}{text}\u{a0}»."),
        Lang::En => format!("No offers for “{text}”."),
        Lang::Nl => format!("Geen vacatures voor ‘{text}’."),
    }
}

/// The filters empty the list: what the search finds without them.
pub fn without_filters(locale: Locale, n: usize) -> String {
    let num = format::number(n as u32, locale);
    let one = locale.lang().is_singular(n);
    match (locale.lang(), one) {
        (Lang::Fr, true) => format!("Avec ces filtres, aucune offre ; sans eux, {num} offre correspond."),
        (Lang::Fr, false) => format!("Avec ces filtres, aucune offre ; sans eux, {num} offres correspondent."),
        (Lang::En, true) => format!("None with these filters; without them, {num} offer matches."),
        (Lang::En, false) => format!("None with these filters; without them, {num} offers match."),
        (Lang::Nl, true) => format!("Geen met deze filters; zonder filters past {num} vacature."),
        (Lang::Nl, false) => format!("Geen met deze filters; zonder filters passen {num} vacatures."),
    }
}

/// The filters toggle: "Filtres", or "Filtres (2)" with 2 values selected.
pub fn filters_button(locale: Locale, selected: usize) -> String {
    let t = locale.texts();
    if selected > 0 {
        format!("{} ({})", t.filters, format::number(selected as u32, locale))
    } else {
        t.filters.to_string()
    }
}

/// "Voir tout (12)".
pub fn see_all(locale: Locale, n: usize) -> String {
    format!("{} ({})", locale.texts().see_all, format::number(n as u32, locale))
}

/// Hidden end of the "clear" button: " le filtre Ville", " the City filter", " het filter Stad".
pub fn clear_filter_hint(lang: Lang, f: Facet) -> String {
    let title = facet_title(lang, f);
    match lang {
        Lang::Fr => format!(" le filtre {title}"),
        Lang::En => format!(" the {title} filter"),
        Lang::Nl => format!(" het filter {title}"),
    }
}

/// "Mes offres (3)".
pub fn my_offers(locale: Locale, n: usize) -> String {
    format!("{} ({})", locale.texts().my_offers, format::number(n as u32, locale))
}

/// " (4)" after "show closed offers".
pub fn in_brackets(locale: Locale, n: usize) -> String {
    format!(" ({})", format::number(n as u32, locale))
}

/// Accessible name of the star button, naming the offer.
pub fn star_label(lang: Lang, title: &str, saved: bool) -> String {
    match (lang, saved) {
        (Lang::Fr, false) => format!("Sauvegarder « {title} » dans mes offres"),
        (Lang::Fr, true) => format!("Retirer « {title} » de mes offres"),
        (Lang::En, false) => format!("Save “{title}” to my offers"),
        (Lang::En, true) => format!("Remove “{title}” from my offers"),
        (Lang::Nl, false) => format!("“{title}” bewaren in mijn vacatures"),
        (Lang::Nl, true) => format!("“{title}” verwijderen uit mijn vacatures"),
    }
}

/// Hidden end of a button's name that names an offer: " : Titre", ": Title".
pub fn naming(lang: Lang, title: &str) -> String {
    format!("{}{title}", lang.texts().count_separator)
}

/// Countdown badge: "Clôture dans 16 jours", "Closes in 16 days", "Sluit over 16 dagen".
pub fn closes_in(locale: Locale, days: i64) -> String {
    let n = format::number(days.clamp(0, u32::MAX as i64) as u32, locale);
    let one = locale.lang().is_singular(days.max(0) as usize);
    match (locale.lang(), one) {
        (Lang::Fr, true) => format!("Clôture dans {n} jour"),
        (Lang::Fr, false) => format!("Clôture dans {n} jours"),
        (Lang::En, true) => format!("Closes in {n} day"),
        (Lang::En, false) => format!("Closes in {n} days"),
        (Lang::Nl, true) => format!("Sluit over {n} dag"),
        (Lang::Nl, false) => format!("Sluit over {n} dagen"),
    }
}

/// Badge of a far deadline: "Jusqu’au 15 octobre 2025", "Until 15 October 2025", "Tot 15 oktober 2025".
pub fn until(locale: Locale, d: Date) -> String {
    let d = format::date(d, locale);
    match locale.lang() {
        Lang::Fr => format!("Jusqu’au {d}"),
        Lang::En => format!("Until {d}"),
        Lang::Nl => format!("Tot {d}"),
    }
}

/// "Offres mises à jour le 24 novembre 2026."
pub fn notice_updated(locale: Locale, d: Date) -> String {
    let d = format::date(d, locale);
    match locale.lang() {
        Lang::Fr => format!("Offres mises à jour le {d}."),
        Lang::En => format!("Offers updated on {d}."),
        Lang::Nl => format!("Vacatures bijgewerkt op {d}."),
    }
}

/// Some feeds failed and their kept copy, of day `d`, is shown.
pub fn notice_kept_copy(locale: Locale, d: Date) -> String {
    let d = format::date(d, locale);
    match locale.lang() {
        Lang::Fr => format!("Certaines offres n’ont pas pu être actualisées : copie du {d} affichée."),
        Lang::En => format!("Some offers could not be updated: showing the copy of {d}."),
        Lang::Nl => format!("Sommige vacatures konden niet worden bijgewerkt: de kopie van {d} wordt getoond."),
    }
}

/// `n` unreadable records were left out: "1 offre illisible a été ignorée."
pub fn notice_skipped(locale: Locale, n: usize) -> String {
    let num = format::number(n as u32, locale);
    match (locale.lang(), locale.lang().is_singular(n)) {
        (Lang::Fr, true) => format!("{num} offre illisible a été ignorée."),
        (Lang::Fr, false) => format!("{num} offres illisibles ont été ignorées."),
        (Lang::En, true) => format!("{num} unreadable offer was left out."),
        (Lang::En, false) => format!("{num} unreadable offers were left out."),
        (Lang::Nl, true) => format!("{num} onleesbare vacature werd weggelaten."),
        (Lang::Nl, false) => format!("{num} onleesbare vacatures werden weggelaten."),
    }
}

/// The `lang` attribute for containers of offer text (titles, organizations, bodies), which are
/// written in French: `Some("fr")` under a non-French interface, `None` (inherit) under French.
pub fn offer_lang(locale: Locale) -> Option<&'static str> {
    (locale.lang() != Lang::Fr).then_some("fr")
}

/// Subject of an application e-mail. It goes to the organization, so it is written in the
/// offers' language (French), whatever the interface's.
pub fn application_subject(title: &str) -> String {
    format!("Candidature : {title}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_LANGS: [Lang; 3] = Lang::ALL;

    #[test]
    fn tags_give_locales() {
        for (tag, want) in [
            ("fr", Some(Locale::FrFr)),
            ("fr-FR", Some(Locale::FrFr)),
            ("FR_be", Some(Locale::FrBe)),
            ("fr-Latn-BE", Some(Locale::FrBe)),
            ("fr-CH", Some(Locale::FrFr)),
            ("nl", Some(Locale::NlBe)),
            ("nl-BE", Some(Locale::NlBe)),
            ("nl-NL", Some(Locale::NlBe)),
            ("en", Some(Locale::En)),
            ("en-GB", Some(Locale::En)),
            (" en-US ", Some(Locale::En)),
            ("de", None),
            ("", None),
            ("français", None),
            ("f", None),
        ] {
            assert_eq!(Locale::from_tag(tag), want, "{tag:?}");
        }
        for l in Locale::ALL {
            assert_eq!(Locale::from_tag(l.tag()), Some(l), "a locale's own tag reads back");
        }
    }

    #[test]
    fn plurals_per_language() {
        let count = |l: Locale| [0, 1, 2, 1000].map(|n| offers(l, n));
        assert_eq!(count(Locale::FrFr), ["Aucune offre", "1 offre", "2 offres", "1\u{202F}000 offres"]);
        assert_eq!(count(Locale::FrBe), count(Locale::FrFr));
        assert_eq!(count(Locale::En), ["No offers", "1 offer", "2 offers", "1,000 offers"]);
        assert_eq!(count(Locale::NlBe), ["Geen vacatures", "1 vacature", "2 vacatures", "1.000 vacatures"]);
        // French counts 0 as singular, English and Dutch as plural.
        assert!(Lang::Fr.is_singular(0) && !Lang::En.is_singular(0) && !Lang::Nl.is_singular(0));
        assert_eq!(expired_matching(Locale::FrFr, 1), "1 offre clôturée correspond à ces critères.");
        assert_eq!(expired_matching(Locale::FrFr, 3), "3 offres clôturées correspondent à ces critères.");
        assert_eq!(expired_matching(Locale::En, 1), "1 closed offer matches these criteria.");
        assert_eq!(expired_matching(Locale::En, 2), "2 closed offers match these criteria.");
        assert_eq!(expired_matching(Locale::NlBe, 1000), "1.000 gesloten vacatures voldoen aan deze criteria.");
        assert_eq!(no_match_for(Lang::Fr, " educatuer  "), "Aucune offre pour «\u{a0}educatuer\u{a0}».");
        assert_eq!(no_match_for(Lang::En, "piano"), "No offers for “piano”.");
        assert_eq!(without_filters(Locale::FrFr, 1), "Avec ces filtres, aucune offre ; sans eux, 1 offre correspond.");
        assert_eq!(without_filters(Locale::En, 2), "None with these filters; without them, 2 offers match.");
        assert_eq!(without_filters(Locale::NlBe, 1000), "Geen met deze filters; zonder filters passen 1.000 vacatures.");
        assert_eq!(closes_in(Locale::En, 1), "Closes in 1 day");
        assert_eq!(closes_in(Locale::NlBe, 2), "Sluit over 2 dagen");
        assert_eq!(closes_in(Locale::FrFr, 16), "Clôture dans 16 jours");
        assert_eq!(notice_skipped(Locale::FrFr, 1), "1 offre illisible a été ignorée.");
        assert_eq!(notice_skipped(Locale::FrFr, 2), "2 offres illisibles ont été ignorées.");
        assert_eq!(notice_skipped(Locale::En, 0), "0 unreadable offers were left out.");
        assert_eq!(notice_skipped(Locale::NlBe, 1), "1 onleesbare vacature werd weggelaten.");
    }

    #[test]
    fn counts_and_buttons() {
        assert_eq!(of_total(Locale::FrFr, 5), " sur 5");
        assert_eq!(of_total(Locale::En, 1200), " of 1,200");
        assert_eq!(show_more(Locale::FrFr, 20, 45), "Voir plus d’offres (20 sur 45)");
        assert_eq!(show_more(Locale::NlBe, 20, 4500), "Meer vacatures tonen (20 van 4.500)");
        assert_eq!(filters_button(Locale::FrFr, 0), "Filtres");
        assert_eq!(filters_button(Locale::FrFr, 2), "Filtres (2)");
        assert_eq!(filters_button(Locale::En, 1), "Filters (1)");
        assert_eq!(see_all(Locale::FrFr, 12), "Voir tout (12)");
        assert_eq!(my_offers(Locale::FrFr, 3), "Mes offres (3)");
        assert_eq!(my_offers(Locale::NlBe, 0), "Mijn vacatures (0)");
        assert_eq!(clear_filter_hint(Lang::Fr, Facet::City), " le filtre Ville");
        assert_eq!(clear_filter_hint(Lang::En, Facet::City), " the City filter");
        assert_eq!(star_label(Lang::Fr, "T", false), "Sauvegarder « T » dans mes offres");
        assert_eq!(star_label(Lang::Fr, "T", true), "Retirer « T » de mes offres");
        assert_eq!(star_label(Lang::En, "T", true), "Remove “T” from my offers");
        assert_eq!(naming(Lang::Fr, "T"), " : T");
    }

    #[test]
    fn dated_sentences() {
        let d = Date::new(2025, 10, 15).unwrap();
        assert_eq!(until(Locale::FrFr, d), "Jusqu’au 15 octobre 2025");
        assert_eq!(until(Locale::En, d), "Until 15 October 2025");
        assert_eq!(until(Locale::NlBe, d), "Tot 15 oktober 2025");
        let first = Date::new(2026, 11, 1).unwrap();
        assert_eq!(notice_updated(Locale::FrBe, first), "Offres mises à jour le 1er novembre 2026.");
        assert_eq!(notice_updated(Locale::En, first), "Offers updated on 1 November 2026.");
        assert_eq!(
            notice_kept_copy(Locale::NlBe, first),
            "Sommige vacatures konden niet worden bijgewerkt: de kopie van 1 november 2026 wordt getoond."
        );
    }

    #[test]
    fn french_labels_are_the_models() {
        // The catalogue indexes and sorts by the model's French labels; the French interface
        // must show exactly those.
        for k in Kind::ALL {
            assert_eq!(kind(Lang::Fr, k), k.label());
        }
        for c in Contract::ALL {
            assert_eq!(contract(Lang::Fr, c), c.label());
        }
        for r in Remote::ALL {
            assert_eq!(remote(Lang::Fr, r), r.label());
        }
        for c in Country::ALL {
            assert_eq!(country(Lang::Fr, c), c.label());
        }
        for t in Theme::ALL {
            assert_eq!(theme(Lang::Fr, t), t.label());
        }
    }

    #[test]
    fn label_words_are_the_filters_labels_in_the_interfaces_language() {
        let p: Posting = crate::model::json::from_str(
            r#"{"kind":"benevolat","contract":"benevolat","title":"T","organization":"O",
                "places":[{"city":"Liège","country":"BE"}],"themes":["logement","ess"]}"#,
        )
        .unwrap();
        let words = |lang| {
            let mut out = Vec::new();
            if let Some(labels) = label_words(lang) {
                labels(&p, &mut |w| out.push(w.to_string()));
            }
            out
        };
        assert_eq!(words(Lang::Fr), Vec::<String>::new(), "the records' own labels are French");
        assert_eq!(words(Lang::Nl), ["Vrijwilligerswerk", "Vrijwilligerswerk", "België", "Huisvesting", "Sociale en solidaire economie"]);
        assert_eq!(words(Lang::En), ["Volunteering", "Volunteering", "Belgium", "Housing", "Social and solidarity economy"]);
        let none: Posting = crate::model::json::from_str(r#"{"kind":"emploi","title":"T","organization":"O"}"#).unwrap();
        let mut out = Vec::new();
        label_words(Lang::En).unwrap()(&none, &mut |w| out.push(w.to_string()));
        assert_eq!(out, ["Job"], "no contract label for an offer without one");
    }

    #[test]
    fn labels_of_values() {
        assert_eq!(facet_value(Lang::Fr, Facet::Kind, "service_civique"), "Service civique");
        assert_eq!(facet_value(Lang::En, Facet::Kind, "service_civique"), "Civic service");
        assert_eq!(facet_value(Lang::Nl, Facet::Country, "BE"), "België");
        assert_eq!(facet_value(Lang::Nl, Facet::City, "Bruxelles"), "Bruxelles", "names stay as written");
        assert_eq!(facet_value(Lang::En, Facet::Theme, "unknown"), "unknown");
        assert_eq!(kind_short(Lang::Fr, Kind::Emploi, Contract::Cdd), "CDD");
        assert_eq!(kind_short(Lang::En, Kind::Emploi, Contract::Cdd), "Fixed-term (CDD)");
        assert_eq!(kind_short(Lang::Nl, Kind::Emploi, Contract::None), "Job");
        assert_eq!(kind_short(Lang::En, Kind::Stage, Contract::Stage), "Internship");
        assert_eq!(kind_long(Lang::Fr, Kind::Stage, Contract::Stage), "Stage");
        assert_eq!(kind_long(Lang::Fr, Kind::Projet, Contract::Cdd), "Projet (CDD)");
        assert_eq!(kind_long(Lang::En, Kind::ServiceCivique, Contract::ServiceCivique), "Civic service");
        assert_eq!(kind_long(Lang::Nl, Kind::Emploi, Contract::Cdi), "Vast contract (CDI)");
        assert_eq!(sort_label(Lang::En, Sort::ClosingSoon), "Closing soonest");
        assert_eq!(facet_title(Lang::Nl, Facet::Remote), "Telewerk");
    }

    /// Every label of the data's values, per language, with a name for messages.
    fn value_labels(lang: Lang) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        out.extend(Kind::ALL.map(|k| (format!("kind {}", k.key()), kind(lang, k))));
        out.extend(Contract::ALL.map(|c| (format!("contract {}", c.key()), contract(lang, c))));
        out.extend(Remote::ALL.map(|r| (format!("remote {}", r.key()), remote(lang, r))));
        out.extend(Country::ALL.map(|c| (format!("country {}", c.key()), country(lang, c))));
        out.extend(Theme::ALL.map(|t| (format!("theme {}", t.key()), theme(lang, t))));
        out.extend((1..=12).map(|m| (format!("month {m}"), month_name(lang, m))));
        out
    }

    /// Labels that are rightly the same word in French and in another language.
    const SAME_AS_FRENCH: &[(Lang, &str)] = &[
        (Lang::En, "net"),
        (Lang::En, "France"),
        (Lang::En, "Justice"),
        (Lang::En, "Culture"),
        (Lang::En, "Sport"),
        (Lang::En, "Freelance"),
        (Lang::En, "Canada"),
        (Lang::En, "Organisation"),
        (Lang::Nl, "Stage"),
        (Lang::Nl, "Freelance"),
        (Lang::Nl, "Sport"),
        (Lang::Nl, "Canada"),
    ];

    /// Signs that a text is French: letters and typography Dutch and English do not use.
    fn french_marks(s: &str) -> Vec<String> {
        let mut found: Vec<String> =
            s.chars().filter(|c| "éèêàâçùûôîïœÉÈÀÇ«»".contains(*c)).map(|c| c.to_string()).collect();
        for pattern in [" :", "\u{a0}:", " ;", " ?", " !", "l’", "d’", "n’", "qu’", " offre", " le ", " la ", " les ", " des ", " du "] {
            if s.contains(pattern) {
                found.push(format!("{pattern:?}"));
            }
        }
        found
    }

    #[test]
    fn every_label_is_translated() {
        let fr = FR.fields();
        let fr_values = value_labels(Lang::Fr);
        assert!(fr.len() > 60, "Texts lists its fields");
        for lang in [Lang::En, Lang::Nl] {
            let fields = lang.texts().fields();
            assert_eq!(fields.len(), fr.len());
            let values = value_labels(lang);
            let pairs = fields.iter().map(|(n, t)| (n.to_string(), *t)).zip(fr.iter().map(|(_, t)| *t));
            let value_pairs = values.into_iter().zip(fr_values.iter().map(|(_, t)| *t));
            for ((name, text), french) in pairs.chain(value_pairs) {
                assert!(!text.trim().is_empty(), "{lang:?} {name} is empty");
                let allowed = SAME_AS_FRENCH.contains(&(lang, text.trim()));
                assert!(text != french || allowed, "{lang:?} {name} is still French: {text:?}");
                assert!(!allowed || text == french, "{lang:?}: whitelisted {text:?} is no longer the French label");
                assert_eq!(french_marks(text), Vec::<String>::new(), "{lang:?} {name} looks French: {text:?}");
            }
        }
        // The check does see French.
        assert!(!french_marks(FR.no_saved_yet).is_empty());
        assert!(!french_marks("Contact : ").is_empty());
    }

    #[test]
    fn every_sentence_is_translated() {
        let d = Date::new(2024, 3, 1).unwrap();
        for locale in [Locale::En, Locale::NlBe] {
            let lang = locale.lang();
            let sentences = [
                offers(locale, 0),
                offers(locale, 1),
                offers(locale, 7),
                of_total(locale, 5),
                show_more(locale, 1, 2),
                expired_matching(locale, 1),
                expired_matching(locale, 2),
                filters_button(locale, 3),
                see_all(locale, 9),
                clear_filter_hint(lang, Facet::Kind),
                my_offers(locale, 2),
                star_label(lang, "X", false),
                star_label(lang, "X", true),
                naming(lang, "X"),
                closes_in(locale, 1),
                closes_in(locale, 5),
                until(locale, d),
                notice_updated(locale, d),
                notice_kept_copy(locale, d),
                notice_skipped(locale, 1),
                notice_skipped(locale, 3),
                kind_long(lang, Kind::Projet, Contract::Cdd),
                no_match_for(lang, "piano"),
                without_filters(locale, 1),
                without_filters(locale, 1000),
            ];
            for s in sentences {
                assert_eq!(french_marks(&s), Vec::<String>::new(), "{locale:?}: {s:?} looks French");
            }
        }
        for lang in ALL_LANGS {
            for f in Facet::ALL {
                assert!(!facet_title(lang, f).is_empty());
            }
            for s in Sort::ALL {
                assert!(!sort_label(lang, s).is_empty());
            }
        }
    }
}
