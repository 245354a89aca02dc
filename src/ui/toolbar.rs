//! Above the list: the result count (announced politely), sort order, the expired-offers toggle
//! and "reset filters".

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::format;
use super::state::Action;
use crate::catalogue::{Query, Sort};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub uid: AttrValue,
    pub count: usize,
    pub total: usize,
    pub expired_hidden: usize,
    pub query: Query,
    pub filtered: bool,
    /// "Mes offres" is on.
    pub saved_only: bool,
    /// How many offers the visitor saved.
    pub saved_count: usize,
    pub on_action: Callback<Action>,
}

fn sort_label(s: Sort) -> &'static str {
    match s {
        Sort::Relevance => "Pertinence",
        Sort::Recent => "Plus récentes",
        Sort::ClosingSoon => "Clôture la plus proche",
        Sort::Pay => "Rémunération",
    }
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let sort_id = format!("{}-sort", props.uid);
    let expired_id = format!("{}-expired", props.uid);
    let onsort = props.on_action.reform(|e: Event| {
        let key = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetSort(Sort::from_key(&key).unwrap_or_default())
    });
    let onexpired = props
        .on_action
        .reform(|e: Event| Action::ShowExpired(e.target_unchecked_into::<HtmlInputElement>().checked()));
    let count = format::offers(props.count);
    html! {
        <div class="toolbar">
            <p class="count" role="status" aria-live="polite" aria-atomic="true">
                { count }
                if props.filtered {
                    <span class="of">{ format!(" sur {}", props.total) }</span>
                }
            </p>
            <div class="controls">
                <button type="button" class={classes!("secondary", "mine", props.saved_only.then_some("on"))}
                    aria-pressed={props.saved_only.to_string()} onclick={props.on_action.reform(|_| Action::ToggleSavedOnly)}>
                    <span aria-hidden="true">{ "★ " }</span>{ format!("Mes offres ({})", props.saved_count) }
                </button>
                <label for={sort_id.clone()}>{ "Trier par" }</label>
                <select id={sort_id} onchange={onsort}>
                    { for Sort::ALL.iter().map(|&s| html! {
                        <option value={s.key()} selected={s == props.query.sort}>{ sort_label(s) }</option>
                    }) }
                </select>
                if props.expired_hidden > 0 || props.query.show_expired {
                    <span class="check">
                        <input id={expired_id.clone()} type="checkbox" checked={props.query.show_expired} onchange={onexpired} />
                        <label for={expired_id}>
                            { "Afficher les offres clôturées" }
                            if !props.query.show_expired {
                                { format!(" ({})", props.expired_hidden) }
                            }
                        </label>
                    </span>
                }
                if props.filtered {
                    <button type="button" class="secondary" onclick={props.on_action.reform(|_| Action::Reset)}>
                        { "Réinitialiser les filtres" }
                    </button>
                }
            </div>
        </div>
    }
}
