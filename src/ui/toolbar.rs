//! Above the list: the result count (announced politely), sort order, the expired-offers toggle
//! and "reset filters".

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::i18n;
use super::state::Action;
use super::use_locale;
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

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let locale = use_locale();
    let (lang, t) = (locale.lang(), locale.texts());
    let sort_id = format!("{}-sort", props.uid);
    let expired_id = format!("{}-expired", props.uid);
    let onsort = props.on_action.reform(|e: Event| {
        let key = e.target_unchecked_into::<HtmlSelectElement>().value();
        Action::SetSort(Sort::from_key(&key).unwrap_or_default())
    });
    let onexpired = props
        .on_action
        .reform(|e: Event| Action::ShowExpired(e.target_unchecked_into::<HtmlInputElement>().checked()));
    let count = i18n::offers(locale, props.count);
    html! {
        <div class="toolbar">
            <p class="count" role="status" aria-live="polite" aria-atomic="true">
                { count }
                if props.filtered {
                    <span class="of">{ i18n::of_total(locale, props.total) }</span>
                }
            </p>
            <div class="controls">
                <button type="button" class={classes!("secondary", "mine", props.saved_only.then_some("on"))}
                    aria-pressed={props.saved_only.to_string()} onclick={props.on_action.reform(|_| Action::ToggleSavedOnly)}>
                    <span aria-hidden="true">{ "★ " }</span>{ i18n::my_offers(locale, props.saved_count) }
                </button>
                <label for={sort_id.clone()}>{ t.sort_by }</label>
                <select id={sort_id} onchange={onsort}>
                    { for Sort::ALL.iter().map(|&s| html! {
                        <option value={s.key()} selected={s == props.query.sort}>{ i18n::sort_label(lang, s) }</option>
                    }) }
                </select>
                if props.expired_hidden > 0 || props.query.show_expired {
                    <span class="check">
                        <input id={expired_id.clone()} type="checkbox" checked={props.query.show_expired} onchange={onexpired} />
                        <label for={expired_id}>
                            { t.show_closed }
                            if !props.query.show_expired {
                                { i18n::in_brackets(locale, props.expired_hidden) }
                            }
                        </label>
                    </span>
                }
                if props.filtered {
                    <button type="button" class="secondary" onclick={props.on_action.reform(|_| Action::Reset)}>
                        { t.reset_filters }
                    </button>
                }
            </div>
        </div>
    }
}
