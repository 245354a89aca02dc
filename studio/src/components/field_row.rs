//! One field of the review form: its inputs, the line of the text it was read from, the
//! extractor's doubts (« à vérifier »), and the buttons to confirm it or go back to what was
//! read. What the publisher types becomes the field's reviewed override when it reads well;
//! otherwise it stays in the inputs with a message, and the record keeps its last good value.

use super::{use_texts, Handle};
use crate::fields::{self, Input};
use crate::state::Action;
use vitrine::model::Posting;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
    pub offer: u64,
    pub field: &'static str,
    /// The record as it stands (overrides laid over).
    pub posting: Posting,
    pub to_check: bool,
    pub corrected: bool,
    /// The extractor's notes: (missing?, message).
    pub notes: Vec<(bool, String)>,
    /// The lines it was read from: (line number, words).
    pub sources: Vec<(usize, String)>,
    /// Whether the offer has a text (else it was opened from a feed).
    pub has_text: bool,
}

#[function_component(FieldRow)]
pub fn field_row(props: &Props) -> Html {
    let draft = use_state(|| None::<Vec<String>>);
    let error = use_state(|| None::<String>);
    let current = fields::read(&props.posting, props.field);
    let values = (*draft).clone().unwrap_or_else(|| current.clone());
    let t = use_texts();
    let parts = fields::parts(props.field, t.lang);
    let id = |i: usize| format!("f-{}-{}-{i}", props.offer, props.field);

    let set = {
        let (draft, error, studio, posting, field, offer, values) =
            (draft.clone(), error.clone(), props.studio.clone(), props.posting.clone(), props.field, props.offer, values.clone());
        Callback::from(move |(i, v): (usize, String)| {
            let mut next = values.clone();
            next[i] = v;
            match fields::write(&posting, field, &next, t) {
                Ok(value) => {
                    error.set(None);
                    studio.dispatch(Action::Correct(offer, field.to_string(), value));
                }
                Err(e) => error.set(Some(e)),
            }
            draft.set(Some(next));
        })
    };
    let revert = {
        let (draft, error, studio, field, offer) = (draft.clone(), error.clone(), props.studio.clone(), props.field, props.offer);
        Callback::from(move |_| {
            draft.set(None);
            error.set(None);
            studio.dispatch(Action::Revert(offer, field.to_string()));
        })
    };
    let confirm = {
        let (studio, posting, field, offer, current) = (props.studio.clone(), props.posting.clone(), props.field, props.offer, current.clone());
        Callback::from(move |_| {
            if let Ok(v) = fields::write(&posting, field, &current, t) {
                studio.dispatch(Action::Correct(offer, field.to_string(), v));
            }
        })
    };

    let inputs = parts.iter().enumerate().map(|(i, part)| {
        let value = values.get(i).cloned().unwrap_or_default();
        let on_text = {
            let set = set.clone();
            Callback::from(move |e: InputEvent| set.emit((i, e.target_unchecked_into::<web_sys::HtmlInputElement>().value())))
        };
        let on_area = {
            let set = set.clone();
            Callback::from(move |e: InputEvent| set.emit((i, e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())))
        };
        let on_select = {
            let set = set.clone();
            Callback::from(move |e: Event| set.emit((i, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())))
        };
        let invalid = error.is_some().then_some("true");
        let described = error.is_some().then(|| format!("f-{}-{}-error", props.offer, props.field));
        match &part.input {
            Input::Text | Input::Number | Input::Date => {
                let kind = match part.input { Input::Date => "date", _ => "text" };
                let mode = matches!(part.input, Input::Number).then_some("decimal");
                html! {
                    <div class="part">
                        <label for={id(i)}>{ part.label }</label>
                        <input id={id(i)} type={kind} inputmode={mode} value={value} oninput={on_text} aria-invalid={invalid} aria-describedby={described} />
                    </div>
                }
            }
            Input::Lines => html! {
                <div class="part">
                    <label for={id(i)}>{ part.label }</label>
                    <textarea id={id(i)} rows={if props.field == "body" { "12" } else { "3" }} value={value} oninput={on_area} aria-invalid={invalid} aria-describedby={described}/>
                </div>
            },
            Input::Choice(options) => html! {
                <div class="part">
                    <label for={id(i)}>{ part.label }</label>
                    <select id={id(i)} onchange={on_select}>
                        { for options.iter().map(|(k, l)| html! { <option value={k.clone()} selected={*k == value}>{ l.clone() }</option> }) }
                    </select>
                </div>
            },
            Input::Several(options) => {
                let chosen: Vec<String> = value.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect();
                html! {
                    <fieldset class="part several">
                        <legend class="visually-hidden">{ part.label }</legend>
                        { for options.iter().enumerate().map(|(j, (k, l))| {
                            let on = chosen.contains(k);
                            let toggle = {
                                let (set, chosen, k) = (set.clone(), chosen.clone(), k.clone());
                                Callback::from(move |_: Event| {
                                    let mut next: Vec<String> = chosen.iter().filter(|x| **x != k).cloned().collect();
                                    if !on { next.push(k.clone()); }
                                    set.emit((i, next.join(",")));
                                })
                            };
                            let cid = format!("{}-{j}", id(i));
                            html! { <span class="choice"><input type="checkbox" id={cid.clone()} checked={on} onchange={toggle} /><label for={cid}>{ l.clone() }</label></span> }
                        }) }
                    </fieldset>
                }
            }
        }
    });

    html! {
        <fieldset class={classes!("field", props.to_check.then_some("to-check"), props.corrected.then_some("corrected"))} data-field={props.field}>
            <legend>
                { t.field(props.field) }
                if props.to_check { <span class="badge check">{ t.badge_check }</span> }
                if props.corrected { <span class="badge fixed">{ t.badge_fixed }</span> }
            </legend>
            <div class="beside">
                <div class="inputs">{ for inputs }</div>
                <div class="from">
                    if props.sources.is_empty() {
                        if props.has_text { <p class="source none">{ t.not_found }</p> }
                    } else {
                        { for props.sources.iter().map(|(line, text)| html! {
                            <p class="source"><span class="line">{ (t.line)(*line) }</span><q lang="fr">{ text.clone() }</q></p>
                        }) }
                    }
                    { for props.notes.iter().map(|(missing, m)| html! {
                        <p class="note">{ if *missing { t.missing } else { t.unsure } }{ m.clone() }</p>
                    }) }
                </div>
            </div>
            if let Some(e) = (*error).clone() {
                <p class="error" id={format!("f-{}-{}-error", props.offer, props.field)} role="alert">{ e }{ t.previous_kept }</p>
            }
            <div class="row-actions">
                if props.to_check {
                    <button type="button" onclick={confirm}>{ (t.confirm)(t.field(props.field)) }</button>
                }
                if props.corrected {
                    <button type="button" onclick={revert}>{ (t.revert)(t.field(props.field)) }</button>
                }
            </div>
        </fieldset>
    }
}
