//! The filter panel: one fieldset per facet, checkboxes with the count each choice would give.
//! Collapsible behind a "Filtres" button when the widget is narrow.

use yew::prelude::*;

use super::format;
use super::state::Action;
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
    let panel_id = format!("{}-filters", props.uid);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let label = if props.selected > 0 { format!("Filtres ({})", props.selected) } else { "Filtres".to_string() };
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
        let id = format!("{}-{}-{}", props.uid, facet.key(), dom_id(&v.value));
        let value = v.value.clone();
        let onchange = props.on_action.reform(move |_| Action::Toggle(facet, value.clone()));
        html! {
            <li key={v.value.clone()}>
                <input type="checkbox" id={id.clone()} checked={v.selected} {onchange} />
                <label for={id}>
                    { format::facet_value(facet, &v.value) }
                    <span class="n"><span class="visually-hidden">{ " : " }</span>{ format::number(v.count as u32) }</span>
                </label>
            </li>
        }
    };
    // Cities are grouped under their country when several countries are present.
    let list = if facet == Facet::City && has_several_parents(&visible) {
        let mut parents: Vec<&str> = visible.iter().filter_map(|v| v.parent.as_deref()).collect();
        parents.sort_unstable();
        parents.dedup();
        html! {
            <>
                { for parents.into_iter().map(|parent| html! {
                    <div class="subgroup">
                        <p class="subgroup-title">{ format::facet_value(Facet::Country, parent) }</p>
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
            <legend>{ format::facet_title(facet) }</legend>
            { list }
            <div class="facet-actions">
                if long {
                    <button type="button" class="link" aria-expanded={expanded.to_string()} onclick={toggle}>
                        { if *expanded { "Voir moins".to_string() } else { format!("Voir tout ({})", values.len()) } }
                    </button>
                }
                if any_selected {
                    <button type="button" class="link" onclick={props.on_action.reform(move |_| Action::ClearFacet(facet))}>
                        { "Effacer" }<span class="visually-hidden">{ format!(" le filtre {}", format::facet_title(facet)) }</span>
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

/// A value usable in an element id (names may hold spaces, quotes, accents).
fn dom_id(value: &str) -> String {
    value.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect::<String>()
        + &format!("{:x}", value.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32)))
}
