//! The detail of one offer: every field, the body as sections and lists, how to apply, and a way
//! back to the list (which the root restores to the same scroll position, filters and focus).

use yew::prelude::*;

use super::card::star;
use super::favourites::Saved;
use super::format;
use super::host::ShareOutcome;
use super::state::Action;
use super::use_catalogue;
use crate::catalogue::{deadline_status, DeadlineStatus, Id};
use crate::model::{Block, Date, Kind, Place, Posting, Remote};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub id: Id,
    pub today: Date,
    pub saved: bool,
    pub on_action: Callback<Action>,
    /// Saves or unsaves, by slug.
    pub on_save: Callback<String>,
    pub on_share: Callback<Id>,
    /// How the last share request of this offer went.
    pub share_outcome: Option<ShareOutcome>,
}

fn place_text(pl: &Place) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (&pl.postal_code, &pl.city) {
        (Some(pc), Some(city)) => parts.push(format!("{city} ({pc})")),
        (None, Some(city)) => parts.push(city.clone()),
        _ => {}
    }
    for extra in [&pl.department, &pl.region].into_iter().flatten() {
        if !parts.iter().any(|p| p.contains(extra.as_str())) {
            parts.push(extra.clone());
        }
    }
    parts.push(pl.country.label().to_string());
    parts.join(", ")
}

fn field(label: &'static str, value: Html) -> Html {
    html! { <div class="field"><dt>{ label }</dt><dd>{ value }</dd></div> }
}

fn facts(p: &Posting, status: &DeadlineStatus) -> Html {
    let mut rows: Vec<Html> = Vec::new();
    let kind = if p.kind == Kind::Emploi {
        format::kind_short(p.kind, p.contract).to_string()
    } else if p.contract.label() != p.kind.label() && p.contract != crate::model::Contract::None {
        format!("{} ({})", p.kind.label(), p.contract.label())
    } else {
        p.kind.label().to_string()
    };
    rows.push(field("Type", html! { kind }));
    if !p.places.is_empty() {
        let places: Vec<String> = p.places.iter().map(place_text).collect();
        rows.push(field("Lieu", html! { places.join(" ; ") }));
    }
    if p.remote != Remote::None {
        rows.push(field("Télétravail", html! { p.remote.label() }));
    }
    if let Some(pay) = &p.pay {
        rows.push(field("Rémunération", html! { format::pay_long(pay) }));
    }
    if let Some(h) = p.hours_per_week {
        rows.push(field("Temps de travail", html! { format::hours(h) }));
    }
    if let Some(d) = p.duration_months {
        rows.push(field("Durée", html! { format::duration(d) }));
    }
    if let Some(s) = p.start {
        rows.push(field("Début", html! { format::start(s) }));
    }
    if let Some(d) = p.deadline {
        let badge = format::deadline_badge(status, None);
        rows.push(field(
            "Date limite de candidature",
            html! {
                <>
                    { format::date(d) }
                    if let Some(b) = badge {
                        { " " }
                        <span class={classes!("badge", format::deadline_urgent(status).then_some("urgent"),
                            matches!(status, DeadlineStatus::Expired { .. }).then_some("closed"))}>{ b }</span>
                    }
                </>
            },
        ));
    }
    if let Some(d) = p.published {
        rows.push(field("Publiée le", html! { format::date(d) }));
    }
    if !p.partners.is_empty() {
        rows.push(field("Partenaires", html! { p.partners.join(", ") }));
    }
    if !p.themes.is_empty() {
        let themes: Vec<&str> = p.themes.iter().map(|t| t.label()).collect();
        rows.push(field("Thématiques", html! { themes.join(", ") }));
    }
    html! { <dl class="facts">{ for rows }</dl> }
}

fn body(blocks: &[Block]) -> Html {
    html! {
        <div class="body">
            { for blocks.iter().map(|b| match b {
                Block::Heading { text } => html! { <h3>{ text }</h3> },
                Block::Paragraph { text } => html! { <p>{ text }</p> },
                Block::List { items } => html! {
                    <ul>
                        { for items.iter().map(|it| html! {
                            <li>
                                { &it.text }
                                if !it.children.is_empty() {
                                    <ul>{ for it.children.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                                }
                            </li>
                        }) }
                    </ul>
                },
            }) }
        </div>
    }
}

fn apply(p: &Posting, closed: bool) -> Html {
    let a = &p.apply;
    let is_project = p.kind == Kind::Projet;
    let subject = if is_project { p.title.clone() } else { format!("Candidature : {}", p.title) };
    let mails: Vec<(String, String)> =
        a.emails.iter().filter_map(|e| format::mailto(e, &subject).map(|href| (e.clone(), href))).collect();
    let urls: Vec<String> = a.urls.iter().filter_map(|u| format::safe_url(u)).collect();
    if mails.is_empty() && urls.is_empty() && a.address.is_none() && a.contact.is_none() && a.instructions.is_none() {
        return html! {};
    }
    let verb = if is_project { "Contacter" } else { "Postuler" };
    html! {
        <section class="apply" aria-labelledby="apply-heading">
            <h3 id="apply-heading">{ if is_project { "Contact" } else { "Candidater" } }</h3>
            if closed {
                <p class="warning">{ "La date limite de candidature est passée." }</p>
            }
            if let Some(text) = &a.instructions {
                <p>{ text }</p>
            }
            if let Some(contact) = &a.contact {
                <p>{ "Contact : " }{ contact }</p>
            }
            if !mails.is_empty() || !urls.is_empty() {
                <ul class="apply-links" role="list">
                    { for mails.iter().map(|(email, href)| html! {
                        <li><a class="button primary" href={href.clone()}>{ format!("{verb} par e-mail") }</a>
                            { " " }<span class="email">{ email }</span></li>
                    }) }
                    { for urls.iter().map(|href| html! {
                        <li><a class="button primary" href={href.clone()} target="_blank" rel="noopener noreferrer">
                            { format!("{verb} en ligne") }<span class="visually-hidden">{ " (nouvelle fenêtre)" }</span>
                        </a></li>
                    }) }
                </ul>
            }
            if let Some(addr) = &a.address {
                <p class="address">{ "Adresse : " }{ addr }</p>
            }
        </section>
    }
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let catalogue = use_catalogue();
    let p = catalogue.get(props.id);
    let status = deadline_status(p, props.today);
    let closed = matches!(status, DeadlineStatus::Expired { .. });
    let back = props.on_action.reform(|_| Action::Close);
    // Escape goes back to the list from anywhere in the detail.
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_action.emit(Action::Close);
            }
        })
    };
    let id = props.id;
    let share_note = match props.share_outcome {
        Some(ShareOutcome::Copied) => "Lien copié dans le presse-papiers.",
        Some(ShareOutcome::Sheet) => "Lien partagé.",
        Some(ShareOutcome::Failed) => "Le lien n’a pas pu être copié : copiez l’adresse de la page.",
        None => "",
    };
    html! {
        <article class="detail" aria-labelledby="detail-title" {onkeydown}>
            <button type="button" class="back" onclick={back.clone()}>{ "← Retour aux offres" }</button>
            <h2 id="detail-title" tabindex="-1" data-detail-heading="">{ &p.title }</h2>
            <p class="org">{ &p.organization }</p>
            <div class="detail-actions">
                { star(&p.title, &p.id, props.saved, &props.on_save) }
                <button type="button" class="secondary share" onclick={props.on_share.reform(move |_| id)}>
                    { "Partager" }
                </button>
                <span class="share-note" role="status">{ share_note }</span>
            </div>
            { facts(p, &status) }
            { apply(p, closed) }
            { body(&p.body) }
            <button type="button" class="back" onclick={back}>{ "← Retour aux offres" }</button>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct GoneProps {
    pub saved: Saved,
    /// Removes it from the saved offers, by slug.
    pub on_remove: Callback<String>,
}

/// A saved offer that is no longer in the data: named, marked unavailable, removable.
#[component]
pub fn Gone(props: &GoneProps) -> Html {
    let slug = props.saved.id.clone();
    html! {
        <li class="card gone">
            <h3 class="card-title">{ &props.saved.title }</h3>
            <p class="org">{ &props.saved.organization }</p>
            <p class="badge closed-note">{ "Cette offre n’est plus disponible." }</p>
            <button type="button" class="link" onclick={props.on_remove.reform(move |_| slug.clone())}>
                { "Retirer de mes offres" }
                <span class="visually-hidden">{ format!(" : {}", props.saved.title) }</span>
            </button>
        </li>
    }
}
