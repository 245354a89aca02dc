//! One result: title (a button opening the detail), organization, place, contract, pay, deadline.

use yew::prelude::*;

use super::format;
use super::use_catalogue;
use crate::catalogue::{deadline_status, Id};
use crate::model::Date;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub id: Id,
    pub today: Date,
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
pub fn star(title: &str, slug: &str, saved: bool, on_save: &Callback<String>) -> Html {
    let slug = slug.to_string();
    let onclick = on_save.reform(move |_| slug.clone());
    let label = if saved { format!("Retirer « {title} » de mes offres") } else { format!("Sauvegarder « {title} » dans mes offres") };
    html! {
        <button type="button" class={classes!("star", saved.then_some("on"))} aria-pressed={saved.to_string()}
            aria-label={label} title={if saved { "Retirer de mes offres" } else { "Sauvegarder dans mes offres" }} {onclick}>
            <span aria-hidden="true">{ if saved { "★" } else { "☆" } }</span>
        </button>
    }
}

#[component]
pub fn Card(props: &CardProps) -> Html {
    let catalogue = use_catalogue();
    let p = catalogue.get(props.id);
    let status = deadline_status(p, props.today);
    let badge = format::deadline_badge(&status, p.deadline);
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
    let kind = format::kind_short(p.kind, p.contract);
    let place = p.places.first().map(|pl| {
        let city = pl.city.clone().unwrap_or_default();
        if city.is_empty() { pl.country.label().to_string() } else { city }
    });
    let pay = p.pay.as_ref().and_then(format::pay_short);
    html! {
        <li class={classes!("card", expired.then_some("expired"))}>
            <h3 class="card-title">
                <a id={props.link_id.clone()} href={props.href.clone()} {onclick}>{ &p.title }</a>
            </h3>
            { star(&p.title, &p.id, props.saved, &props.on_save) }
            <p class="org">{ &p.organization }</p>
            <ul class="meta" role="list">
                <li class="tag kind">{ kind }</li>
                if let Some(place) = place {
                    <li class="place">{ place }</li>
                }
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
