//! The review of the selected offer: its text (editable; extracted again as it changes) and the
//! form of its fields, those the extractor is unsure of first, marked « à vérifier ».

use super::{field_row::FieldRow, use_texts, Handle};
use crate::state::Action;
use vitrine::model::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
    pub today: Date,
}

#[function_component(Review)]
pub fn review(props: &Props) -> Html {
    let s = &props.studio;
    let t = use_texts();
    let Some(offer) = s.selected.and_then(|k| s.offer(k)) else {
        return html! {
            <section class="panel review" aria-labelledby="review-title">
                <h2 id="review-title">{ t.review_none_title }</h2>
                <p class="empty">{ t.review_empty }</p>
            </section>
        };
    };
    let key = offer.key;
    let posting = offer.posting();
    let order = offer.review_order();
    let checks = order.iter().filter(|f| offer.to_check(f)).count();
    let on_text = {
        let s = s.clone();
        Callback::from(move |e: InputEvent| s.dispatch(Action::EditText(key, e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value())))
    };
    let rows = order.iter().map(|&field| {
        html! {
            <FieldRow
                key={format!("{key}-{field}")}
                studio={s.clone()}
                offer={key}
                field={field}
                posting={posting.clone()}
                to_check={offer.to_check(field)}
                corrected={offer.overrides.contains_key(field)}
                notes={offer.notes_for(field).iter().map(|n| (crate::state::is_missing(n), n.message.clone())).collect::<Vec<_>>()}
                sources={offer.sources_for(field).iter().map(|x| (x.line, x.text.clone())).collect::<Vec<_>>()}
                has_text={offer.text().is_some()}
            />
        }
    });
    html! {
        <section class="panel review" aria-labelledby="review-title">
            <h2 id="review-title">{ (t.review_title)(&posting.title) }</h2>
            <p class="summary">{
                if checks == 0 { t.nothing_to_check.to_string() } else { (t.to_check_summary)(checks) }
            }</p>
            if let Some(text) = offer.text() {
                <details class="text">
                    <summary>{ t.offer_text }</summary>
                    <label for={format!("text-{key}")}>{ t.offer_text_label }</label>
                    <textarea id={format!("text-{key}")} rows="14" value={text.to_string()} oninput={on_text}/>
                </details>
            }
            <form class="fields" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} aria-label={t.fields_form}>
                { for rows }
            </form>
        </section>
    }
}
