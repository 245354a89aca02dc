//! One result: title (a button opening the detail), organization, place, contract, pay, deadline.

use yew::prelude::*;

use super::format;
use super::i18n::{self, Lang};
use super::{use_catalogue, use_locale, Headings};
use crate::catalogue::{deadline_status, Id};
use crate::model::Date;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub id: Id,
    pub today: Date,
    /// The widget's heading levels.
    pub headings: Headings,
    /// Element id of the title link (focus returns there from the detail).
    pub link_id: String,
    /// The page URL that opens this offer (for new tabs and copied links).
    pub href: String,
    pub saved: bool,
    pub on_open: Callback<Id>,
    /// Saves or unsaves, by slug.
    pub on_save: Callback<String>,
}

/// The star button that saves an offer, on cards and in the detail.
pub fn star(lang: Lang, title: &str, slug: &str, saved: bool, on_save: &Callback<String>) -> Html {
    let slug = slug.to_string();
    let onclick = on_save.reform(move |_| slug.clone());
    let label = i18n::star_label(lang, title, saved);
    let t = lang.texts();
    html! {
        <button type="button" class={classes!("star", saved.then_some("on"))} aria-pressed={saved.to_string()}
            aria-label={label} title={if saved { t.unsave } else { t.save }} {onclick}>
            <span aria-hidden="true">{ if saved { "★" } else { "☆" } }</span>
        </button>
    }
}

#[component]
pub fn Card(props: &CardProps) -> Html {
    let catalogue = use_catalogue();
    let locale = use_locale();
    let headings = props.headings;
    let lang = locale.lang();
    let offer_lang = i18n::offer_lang(locale);
    let p = catalogue.get(props.id);
    let status = deadline_status(p, props.today);
    let badge = format::deadline_badge(&status, p.deadline, locale);
    let urgent = format::deadline_urgent(&status);
    let expired = matches!(status, crate::catalogue::DeadlineStatus::Expired { .. });
    let id = props.id;
    // A plain click opens the detail in place; modified clicks (new tab, window) keep the link.
    let onclick = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0) {
                e.prevent_default();
                on_open.emit(id);
            }
        })
    };
    let kind = i18n::kind_short(lang, p.kind, p.contract);
    // The city as the data writes it (in French), else the country in the interface's language.
    let place = p.places.first().map(|pl| match pl.city.as_deref().filter(|c| !c.is_empty()) {
        Some(city) => html! { <li class="place" lang={offer_lang}>{ city }</li> },
        None => html! { <li class="place">{ i18n::country(lang, pl.country) }</li> },
    });
    let pay = p.pay.as_ref().and_then(|pay| format::pay_short(pay, locale));
    html! {
        <li class={classes!("card", expired.then_some("expired"))}>
            <@{headings.offer()} class="card-title" lang={offer_lang}>
                <a id={props.link_id.clone()} href={props.href.clone()} {onclick}>{ &p.title }</a>
            </@>
            { star(lang, &p.title, &p.id, props.saved, &props.on_save) }
            if !p.organization.is_empty() {
                <p class="org" lang={offer_lang}>{ &p.organization }</p>
            }
            <ul class="meta" role="list">
                <li class="tag kind">{ kind }</li>
                { for place }
                if let Some(pay) = pay {
                    <li class="pay">{ pay }</li>
                }
                if let Some(badge) = badge {
                    <li class={classes!("badge", urgent.then_some("urgent"), expired.then_some("closed"))}>{ badge }</li>
                }
            </ul>
        </li>
    }
}
