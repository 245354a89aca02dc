//! The detail of one offer: every field, the body as sections and lists, how to apply, and a way
//! back to the list (which the root restores to the same scroll position, filters and focus).

use yew::prelude::*;

use super::card::star;
use super::favourites::Saved;
use super::format;
use super::host::{OfferBody, ShareOutcome};
use super::i18n::{self, Locale};
use super::state::Action;
use super::{offer_text, use_catalogue, use_locale, Headings};
use crate::catalogue::{deadline_status, DeadlineStatus, Id};
use crate::model::{Apply, Block, Date, Kind, Place, Posting};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub id: Id,
    pub today: Date,
    /// The widget's heading levels.
    pub headings: Headings,
    /// The offer's text when its record came without it.
    #[prop_or(OfferBody::InRecord)]
    pub body: OfferBody,
    pub saved: bool,
    pub on_action: Callback<Action>,
    /// Saves or unsaves, by slug.
    pub on_save: Callback<String>,
    pub on_share: Callback<Id>,
    /// How the last share request of this offer went.
    pub share_outcome: Option<ShareOutcome>,
}

/// A workplace's names as the data writes them (in French): ["Bruxelles", "Région de
/// Bruxelles-Capitale"] with the postal code apart; empty when it names only its country.
fn place_names(pl: &Place) -> (Vec<&str>, Option<&str>) {
    let mut parts: Vec<&str> = pl.city.as_deref().into_iter().collect();
    for extra in [&pl.department, &pl.region].into_iter().flatten() {
        if !parts.iter().any(|p| p.contains(extra.as_str())) {
            parts.push(extra);
        }
    }
    (parts, pl.postal_code.as_deref().filter(|_| pl.city.is_some()))
}

/// The workplaces, each with its country in the interface's language: "Lyon (69009), Rhône,
/// France ; Bruxelles, Belgique". Each name is isolated (its own <bdi>, marked French under
/// another interface language), so direction controls in one cannot reorder the rest.
fn places_html(places: &[Place], locale: Locale) -> Html {
    html! {
        <>
            { for places.iter().enumerate().map(|(i, pl)| {
                let (names, postal_code) = place_names(pl);
                html! {
                    <>
                        if i > 0 { { " ; " } }
                        { for names.into_iter().enumerate().map(|(j, name)| html! {
                            <>
                                { offer_text(locale, name.to_string()) }
                                if j == 0 {
                                    if let Some(pc) = postal_code {
                                        { " (" }{ offer_text(locale, pc.to_string()) }{ ")" }
                                    }
                                }
                                { ", " }
                            </>
                        }) }
                        { i18n::country(locale.lang(), pl.country) }
                    </>
                }
            }) }
        </>
    }
}

fn field(label: &'static str, value: Html) -> Html {
    html! { <div class="field"><dt>{ label }</dt><dd>{ value }</dd></div> }
}

fn facts(p: &Posting, status: &DeadlineStatus, locale: Locale) -> Html {
    let (lang, t) = (locale.lang(), locale.texts());
    let mut rows: Vec<Html> = Vec::new();
    rows.push(field(t.field_type, html! { i18n::kind_long(lang, p.kind, p.contract) }));
    if !p.places.is_empty() {
        rows.push(field(t.field_place, places_html(&p.places, locale)));
    }
    // Shown when the offer says how much remote work it allows ("Sur site" included); nothing
    // when it does not say.
    if let Some(remote) = p.remote {
        rows.push(field(t.field_remote, html! { i18n::remote(lang, remote) }));
    }
    if let Some(pay) = &p.pay {
        let value = match format::pay_parts(pay, locale) {
            (Some(short), Some(words)) => {
                html! { <>{ short }{ " (" }{ offer_text(locale, words.to_string()) }{ ")" }</> }
            }
            (Some(short), None) => html! { short },
            (None, words) => offer_text(locale, words.unwrap_or_default().to_string()),
        };
        // A project's grant or a tender's budget is no salary.
        let label = if matches!(p.kind, Kind::Projet | Kind::Freelance) { t.field_amount } else { t.field_pay };
        rows.push(field(label, value));
    }
    if let Some(h) = p.hours_per_week {
        rows.push(field(t.field_hours, html! { format::hours(h, locale) }));
    }
    if let Some(d) = p.duration_months {
        rows.push(field(t.field_duration, html! { format::duration(d, locale) }));
    }
    if let Some(s) = p.start {
        rows.push(field(t.field_start, html! { format::start(s, locale) }));
    }
    if let Some(d) = p.deadline {
        let badge = format::deadline_badge(status, None, locale);
        rows.push(field(
            t.field_deadline,
            html! {
                <>
                    { format::date(d, locale) }
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
        rows.push(field(t.field_published, html! { format::date(d, locale) }));
    }
    if !p.partners.is_empty() {
        // Each name isolated on its own, so one name's direction controls cannot reach the next.
        let partners = html! {
            <>{ for p.partners.iter().enumerate().map(|(i, name)| html! {
                <>{ if i > 0 { ", " } else { "" } }{ offer_text(locale, name.clone()) }</>
            }) }</>
        };
        rows.push(field(t.field_partners, partners));
    }
    if !p.themes.is_empty() {
        let themes: Vec<&str> = p.themes.iter().map(|&th| i18n::theme(lang, th)).collect();
        rows.push(field(t.field_themes, html! { themes.join(", ") }));
    }
    html! { <dl class="facts">{ for rows }</dl> }
}

fn body(blocks: &[Block], locale: Locale, headings: Headings) -> Html {
    html! {
        <div class="body" lang={i18n::offer_lang(locale)}>
            { for blocks.iter().map(|b| match b {
                Block::Heading { text } => html! { <@{headings.section()}>{ text }</@> },
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

fn apply(p: &Posting, a: &Apply, closed: bool, locale: Locale, headings: Headings) -> Html {
    let t = locale.texts();
    let offer_lang = i18n::offer_lang(locale);
    let is_project = p.kind == Kind::Projet;
    let subject = if is_project { p.title.clone() } else { i18n::application_subject(&p.title) };
    let mails: Vec<(String, String)> =
        a.emails.iter().filter_map(|e| format::mailto(e, &subject).map(|href| (e.clone(), href))).collect();
    let urls: Vec<String> = a.urls.iter().filter_map(|u| format::safe_url(u)).collect();
    if mails.is_empty() && urls.is_empty() && a.address.is_none() && a.contact.is_none() && a.instructions.is_none() {
        return html! {};
    }
    let (by_email, online) = if is_project { (t.contact_by_email, t.contact_online) } else { (t.apply_by_email, t.apply_online) };
    html! {
        <section class="apply" aria-labelledby="apply-heading">
            <@{headings.section()} id="apply-heading">{ if is_project { t.contact_heading } else { t.apply_heading } }</@>
            if closed {
                <p class="warning">{ t.deadline_passed }</p>
            }
            if let Some(text) = &a.instructions {
                <p lang={offer_lang}>{ text }</p>
            }
            if let Some(contact) = &a.contact {
                <p>{ t.contact_label }{ offer_text(locale, contact.clone()) }</p>
            }
            if !mails.is_empty() || !urls.is_empty() {
                <ul class="apply-links" role="list">
                    { for mails.iter().map(|(email, href)| html! {
                        <li><a class="button primary" href={href.clone()}>{ by_email }</a>
                            { " " }<span class="email">{ email }</span></li>
                    }) }
                    { for urls.iter().map(|href| html! {
                        <li><a class="button primary" href={href.clone()} target="_blank" rel="noopener noreferrer">
                            { online }<span class="visually-hidden">{ t.new_window }</span>
                        </a></li>
                    }) }
                </ul>
            }
            if let Some(addr) = &a.address {
                <p class="address">{ t.address_label }{ offer_text(locale, addr.clone()) }</p>
            }
        </section>
    }
}

#[component]
pub fn Detail(props: &DetailProps) -> Html {
    let catalogue = use_catalogue();
    let locale = use_locale();
    let headings = props.headings;
    let t = locale.texts();
    let offer_lang = i18n::offer_lang(locale);
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
        Some(ShareOutcome::Copied) => t.share_copied,
        Some(ShareOutcome::Sheet) => t.share_sheet,
        Some(ShareOutcome::Failed) => t.share_failed,
        None => "",
    };
    html! {
        <article class="detail" aria-labelledby="detail-title" {onkeydown}>
            <button type="button" class="back" onclick={back.clone()}>{ t.back }</button>
            <@{headings.offer()} class="detail-title" id="detail-title" tabindex="-1" data-detail-heading=""
                lang={offer_lang}>{ &p.title }</@>
            if !p.organization.is_empty() {
                <p class="org" lang={offer_lang}>{ &p.organization }</p>
            }
            <div class="detail-actions">
                { star(locale.lang(), &p.title, &p.id, props.saved, &props.on_save) }
                <button type="button" class="secondary share" onclick={props.on_share.reform(move |_| id)}>
                    { t.share }
                </button>
                <span class="share-note" role="status">{ share_note }</span>
            </div>
            { facts(p, &status, locale) }
            { apply(p, props.body.apply_of(p), closed, locale, headings) }
            { match &props.body {
                OfferBody::InRecord => body(&p.body, locale, headings),
                OfferBody::Ready(text) => body(&text.body, locale, headings),
                OfferBody::Loading => html! { <p class="body-note" role="status">{ t.body_loading }</p> },
                OfferBody::Unavailable => html! { <p class="body-note" role="status">{ t.body_unavailable }</p> },
            } }
            <button type="button" class="back" onclick={back}>{ t.back }</button>
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct GoneProps {
    pub saved: Saved,
    /// The widget's heading levels.
    pub headings: Headings,
    /// Removes it from the saved offers, by slug.
    pub on_remove: Callback<String>,
}

/// A saved offer that is no longer in the data: named, marked unavailable, removable.
#[component]
pub fn Gone(props: &GoneProps) -> Html {
    let slug = props.saved.id.clone();
    let locale = use_locale();
    let headings = props.headings;
    let (t, offer_lang) = (locale.texts(), i18n::offer_lang(locale));
    html! {
        <li class="card gone">
            <@{headings.offer()} class="card-title" lang={offer_lang}>{ &props.saved.title }</@>
            <p class="org" lang={offer_lang}>{ &props.saved.organization }</p>
            <p class="badge closed-note">{ t.gone_note }</p>
            <button type="button" class="link" onclick={props.on_remove.reform(move |_| slug.clone())}>
                { t.unsave }
                <span class="visually-hidden">{ i18n::naming(locale.lang(), &props.saved.title) }</span>
            </button>
        </li>
    }
}
