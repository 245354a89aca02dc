//! The labelled search field; every keystroke sends `Action::SetText`.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::Action;
use super::use_locale;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub uid: AttrValue,
    pub text: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let t = use_locale().texts();
    let id = format!("{}-q", props.uid);
    let oninput = props.on_action.reform(|e: InputEvent| {
        Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    // Escape clears the field, as in native search inputs.
    let onkeydown = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_action.emit(Action::SetText(String::new()));
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for={id.clone()}>{ t.search_label }</label>
            <input {id} type="search" role="searchbox" value={props.text.clone()} {oninput} {onkeydown}
                placeholder={t.search_placeholder} autocomplete="off" spellcheck="false" />
        </form>
    }
}
