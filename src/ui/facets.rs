//! The filter panel: one fieldset per facet, checkboxes with the count each choice would give.
//! Collapsible behind a "Filtres" button when the widget is narrow.

use yew::prelude::*;

use super::format;
use super::i18n;
use super::state::Action;
use super::{offer_text, use_locale};
use crate::catalogue::{pay, start};
use crate::catalogue::{Facet, FacetCounts, FacetValue};

/// Values shown before "Voir tout" in a long facet.
const SHORT_LIST: usize = 6;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub uid: AttrValue,
    pub facets: Vec<FacetCounts>,
    /// How many values are selected over all facets.
    pub selected: usize,
    pub on_action: Callback<Action>,
}

#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let open = use_state(|| false);
    let locale = use_locale();
    let panel_id = format!("{}-filters", props.uid);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let label = i18n::filters_button(locale, props.selected);
    html! {
        <div class={classes!("filters", open.then_some("open"))}>
            <button type="button" class="filters-toggle" aria-expanded={open.to_string()}
                aria-controls={panel_id.clone()} onclick={toggle}>{ label }</button>
            <div class="filters-panel" id={panel_id}>
                { for props.facets.iter().filter(|f| !f.values.is_empty()).map(|f| html! {
                    <FacetGroup key={f.facet.key()} uid={props.uid.clone()} counts={f.clone()}
                        on_action={props.on_action.clone()} />
                }) }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    uid: AttrValue,
    counts: FacetCounts,
    on_action: Callback<Action>,
}

#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let locale = use_locale();
    // Each group is keyed by its facet, so this group's hooks are always the same ones.
    if props.counts.facet == Facet::Start {
        return start_group(props, locale);
    }
    if props.counts.facet == Facet::Pay {
        return pay_group(props, locale);
    }
    let expanded = use_state(|| false);
    let (lang, t) = (locale.lang(), locale.texts());
    // City and organization names are data, written in French.
    let names = i18n::facet_values_are_names(props.counts.facet);
    let facet = props.counts.facet;
    let values = &props.counts.values;
    let long = values.len() > SHORT_LIST + 1;
    // Selected values always stay visible, even past the short list.
    let visible: Vec<&FacetValue> = values
        .iter()
        .enumerate()
        .filter(|(i, v)| *expanded || !long || *i < SHORT_LIST || v.selected)
        .map(|(_, v)| v)
        .collect();
    let any_selected = values.iter().any(|v| v.selected);
    let checkbox = |v: &FacetValue| {
        let id = format!("{}-{}-{}", props.uid, facet.key(), format::dom_id(&v.value));
        let value = v.value.clone();
        let onchange = props.on_action.reform(move |_| Action::Toggle(facet, value.clone()));
        html! {
            <li key={v.value.clone()}>
                <input type="checkbox" id={id.clone()} checked={v.selected} {onchange} />
                <label for={id}>
                    { match i18n::facet_value(lang, facet, &v.value) {
                        label if names => offer_text(locale, label),
                        label => html! { label },
                    } }
                    <span class="n"><span class="visually-hidden">{ t.count_separator }</span>{ format::number(v.count as u32, locale) }</span>
                </label>
            </li>
        }
    };
    // Regions and cities are grouped under their country when several countries are present.
    let list = if matches!(facet, Facet::Region | Facet::City) && has_several_parents(&visible) {
        let mut parents: Vec<&str> = visible.iter().filter_map(|v| v.parent.as_deref()).collect();
        crate::catalogue::order::sort_by(&mut parents, |a, b| a.cmp(b));
        parents.dedup();
        html! {
            <>
                { for parents.into_iter().map(|parent| html! {
                    <div class="subgroup">
                        <p class="subgroup-title">{ i18n::facet_value(lang, Facet::Country, parent) }</p>
                        <ul role="list">
                            { for visible.iter().filter(|v| v.parent.as_deref() == Some(parent)).map(|v| checkbox(v)) }
                        </ul>
                    </div>
                }) }
            </>
        }
    } else {
        html! { <ul role="list">{ for visible.iter().map(|v| checkbox(v)) }</ul> }
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(!*expanded))
    };
    html! {
        <fieldset class="facet">
            <legend>{ i18n::facet_title(lang, facet) }</legend>
            { list }
            <div class="facet-actions">
                if long {
                    <button type="button" class="link" aria-expanded={expanded.to_string()} onclick={toggle}>
                        { if *expanded { t.see_less.to_string() } else { i18n::see_all(locale, values.len()) } }
                    </button>
                }
                if any_selected {
                    { clear_button(props, locale) }
                }
            </div>
        </fieldset>
    }
}

/// A group's "Effacer" button (it names the group for screen readers).
fn clear_button(props: &FacetGroupProps, locale: i18n::Locale) -> Html {
    let facet = props.counts.facet;
    html! {
        <button type="button" class="link" onclick={props.on_action.reform(move |_| Action::ClearFacet(facet))}>
            { locale.texts().clear }<span class="visually-hidden">{ i18n::clear_filter_hint(locale.lang(), facet) }</span>
        </button>
    }
}

fn has_several_parents(values: &[&FacetValue]) -> bool {
    let mut first = None;
    values.iter().filter_map(|v| v.parent.as_deref()).any(|p| *first.get_or_insert(p) != p)
}

/// The start filter: "as soon as possible" with its count, and a range of months ("from",
/// "before") chosen among the months the offers start in.
fn start_group(props: &FacetGroupProps, locale: i18n::Locale) -> Html {
    let (lang, t) = (locale.lang(), locale.texts());
    let facet = Facet::Start;
    let values = &props.counts.values;
    let asap = values.iter().find(|v| v.value == start::ASAP);
    let months: Vec<&FacetValue> = values.iter().filter(|v| v.value.parse::<crate::model::YearMonth>().is_ok()).collect();
    let chosen = |prefix: &str| values.iter().find(|v| v.selected && v.value.starts_with(prefix)).map(|v| v.value.clone());
    let any_selected = values.iter().any(|v| v.selected);
    let select = |prefix: &'static str, label: &'static str| {
        let id = format!("{}-start-{}", props.uid, prefix.trim_end_matches('-'));
        let old = chosen(prefix);
        let on_action = props.on_action.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(old) = &old {
                on_action.emit(Action::Toggle(facet, old.clone()));
            }
            if !value.is_empty() {
                on_action.emit(Action::Toggle(facet, format!("{prefix}{value}")));
            }
        });
        let current = chosen(prefix).map(|k| k[prefix.len()..].to_string()).unwrap_or_default();
        html! {
            <p class="start-month">
                <label for={id.clone()}>{ label }</label>
                <select id={id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ t.start_any }</option>
                    { for months.iter().map(|m| html! {
                        <option value={m.value.clone()} selected={current == m.value}>{ i18n::facet_value(lang, facet, &m.value) }</option>
                    }) }
                </select>
            </p>
        }
    };
    html! {
        <fieldset class="facet">
            <legend>{ i18n::facet_title(lang, facet) }</legend>
            if let Some(v) = asap {
                <ul role="list">
                    <li>
                        <input type="checkbox" id={format!("{}-start-asap", props.uid)} checked={v.selected}
                            onchange={props.on_action.reform(move |_| Action::Toggle(facet, start::ASAP.to_string()))} />
                        <label for={format!("{}-start-asap", props.uid)}>
                            { t.start_asap }
                            <span class="n"><span class="visually-hidden">{ t.count_separator }</span>{ format::number(v.count as u32, locale) }</span>
                        </label>
                    </li>
                </ul>
            }
            if !months.is_empty() {
                { select(start::FROM, t.start_from) }
                { select(start::BEFORE, t.start_before) }
            }
            <div class="facet-actions">
                if any_selected {
                    { clear_button(props, locale) }
                }
            </div>
        </fieldset>
    }
}

/// The pay filter: a monthly minimum with the count each gives, and whether to keep the offers
/// that state no amount (their count beside it).
fn pay_group(props: &FacetGroupProps, locale: i18n::Locale) -> Html {
    let (lang, t) = (locale.lang(), locale.texts());
    let facet = Facet::Pay;
    let values = &props.counts.values;
    let chosen = values.iter().find(|v| v.selected && v.value.starts_with(pay::MIN)).map(|v| v.value.clone());
    let unstated_count = values.iter().find(|v| v.value == pay::UNSTATED).map_or(0, |v| v.count);
    let keep_unstated = values.iter().any(|v| v.selected && v.value == pay::UNSTATED);
    let amounts = || values.iter().map(|v| (v.value.as_str(), v.count));
    let id = format!("{}-pay-min", props.uid);
    let unstated_id = format!("{}-pay-unstated", props.uid);
    let onchange = {
        let (old, on_action) = (chosen.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(old) = &old {
                on_action.emit(Action::Toggle(facet, old.clone()));
            }
            if !value.is_empty() {
                on_action.emit(Action::Toggle(facet, format!("{}{value}", pay::MIN)));
            }
        })
    };
    let current = chosen.as_deref().map(|k| &k[pay::MIN.len()..]).unwrap_or("");
    html! {
        <fieldset class="facet">
            <legend>{ i18n::facet_title(lang, facet) }</legend>
            <p class="start-month">
                <label for={id.clone()}>{ t.pay_at_least }</label>
                <select {id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ t.pay_any }</option>
                    { for pay::THRESHOLDS.iter().map(|&min| html! {
                        <option value={min.to_string()} selected={current == min.to_string()}>
                            { format!("{} {} ({})", format::number(min, locale), t.per_month_short,
                                format::number(pay::count_at_least(amounts(), min) as u32, locale)) }
                        </option>
                    }) }
                </select>
            </p>
            // Offers without an amount, counted apart: kept or not once a minimum is chosen.
            if chosen.is_some() && unstated_count > 0 {
                <ul role="list">
                    <li>
                        <input type="checkbox" id={unstated_id.clone()} checked={keep_unstated}
                            onchange={props.on_action.reform(move |_| Action::Toggle(facet, pay::UNSTATED.to_string()))} />
                        <label for={unstated_id}>
                            { t.pay_unstated }
                            <span class="n"><span class="visually-hidden">{ t.count_separator }</span>{ format::number(unstated_count as u32, locale) }</span>
                        </label>
                    </li>
                </ul>
            }
            <div class="facet-actions">
                if chosen.is_some() || keep_unstated {
                    { clear_button(props, locale) }
                }
            </div>
        </fieldset>
    }
}
