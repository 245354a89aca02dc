//! The list of offers, in the feed's order, each with its status at a glance (open, closing
//! soon, closed) and its actions: review, move up or down, duplicate, close or reopen, remove.

use super::{use_texts, Handle};
use crate::state::{Action, Closed, Status};
use vitrine::model::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
    pub today: Date,
}

#[function_component(OfferList)]
pub fn offer_list(props: &Props) -> Html {
    let s = &props.studio;
    let t = use_texts();
    let n = s.offers.len();
    let items = s.offers.iter().enumerate().map(|(i, o)| {
        let p = o.posting();
        let status: Status = o.status(props.today);
        let title = if p.title.trim().is_empty() { t.untitled.to_string() } else { p.title.clone() };
        let act = |a: Action| {
            let s = s.clone();
            Callback::from(move |_: MouseEvent| s.dispatch(a.clone()))
        };
        let selected = s.selected == Some(o.key);
        let checks = crate::fields::FIELDS.iter().filter(|f| o.to_check(f)).count();
        html! {
            <li key={o.key} class={classes!("offer", selected.then_some("selected"))}>
                <button type="button" class="pick" aria-current={selected.then_some("true")} onclick={act(Action::Select(o.key))}>
                    <span class="title">{ title.clone() }</span>
                    <span class="org">{ p.organization.clone() }</span>
                </button>
                <span class={classes!("badge", status.class())}>{ t.status(status) }</span>
                if checks > 0 {
                    <span class="badge check">{ (t.to_check_badge)(checks) }</span>
                }
                <div class="actions" role="group" aria-label={(t.actions_for)(&title)}>
                    <button type="button" disabled={i == 0} onclick={act(Action::Move(o.key, -1))} aria-label={(t.move_up)(&title)}>{ "↑" }</button>
                    <button type="button" disabled={i + 1 == n} onclick={act(Action::Move(o.key, 1))} aria-label={(t.move_down)(&title)}>{ "↓" }</button>
                    <button type="button" onclick={act(Action::Duplicate(o.key))} aria-label={(t.duplicate_label)(&title)}>{ t.duplicate }</button>
                    if o.closed.is_some() {
                        <button type="button" onclick={act(Action::Reopen(o.key))} aria-label={(t.reopen_label)(&title)}>{ t.reopen }</button>
                    } else {
                        <button type="button" onclick={act(Action::Close(o.key, Closed::Filled))} aria-label={(t.filled_label)(&title)}>{ t.filled }</button>
                        <button type="button" onclick={act(Action::Close(o.key, Closed::Expired))} aria-label={(t.expired_label)(&title)}>{ t.expired }</button>
                    }
                    <button type="button" class="danger" onclick={act(Action::Remove(o.key))} aria-label={(t.remove_label)(&title)}>{ t.remove }</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="panel list" aria-labelledby="list-title">
            <h2 id="list-title">{ (t.list_title)(n) }</h2>
            if n == 0 {
                <p class="empty">{ t.list_empty }</p>
            } else {
                <ol class="offers">{ for items }</ol>
                <p class="hint">{ t.list_hint }</p>
            }
        </section>
    }
}
