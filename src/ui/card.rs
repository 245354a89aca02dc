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
    pub button_id: String,
    pub on_open: Callback<Id>,
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
    let onclick = props.on_open.reform(move |_| id);
    let kind = format::kind_short(p.kind, p.contract);
    let place = p.places.first().map(|pl| {
        let city = pl.city.clone().unwrap_or_default();
        if city.is_empty() { pl.country.label().to_string() } else { city }
    });
    let pay = p.pay.as_ref().and_then(format::pay_short);
    html! {
        <li class={classes!("card", expired.then_some("expired"))}>
            <h3 class="card-title">
                <button type="button" id={props.button_id.clone()} {onclick}>{ &p.title }</button>
            </h3>
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
