//! The filter panel: one fieldset per facet, checkboxes with the count each choice would give.
//! Collapsible behind a "Filtres" button when the widget is narrow.

use yew::prelude::*;

use super::format;
use super::i18n;
use super::state::Action;
use super::{offer_text, use_locale};
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
    let expanded = use_state(|| false);
    let locale = use_locale();
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
                    <button type="button" class="link" onclick={props.on_action.reform(move |_| Action::ClearFacet(facet))}>
                        { t.clear }<span class="visually-hidden">{ i18n::clear_filter_hint(lang, facet) }</span>
                    </button>
                }
            </div>
        </fieldset>
    }
}

fn has_several_parents(values: &[&FacetValue]) -> bool {
    let mut first = None;
    values.iter().filter_map(|v| v.parent.as_deref()).any(|p| *first.get_or_insert(p) != p)
}
