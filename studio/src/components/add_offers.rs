//! Adding offers: a pasted text, chosen or dropped files (texts and .docx/.odt documents become
//! offers, a `.json` feed is opened), each bad file named in the message while the good ones are added.

use super::{use_texts, Handle};
use crate::i18n::Texts;
use crate::inbox::{self, Document};
use crate::publish::{self, Opened};
use crate::state::{Action, Message};
use crate::web;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
}

/// Reads files and sends what they hold to the studio.
pub fn take_files(studio: Handle, files: Vec<web_sys::File>, t: &'static Texts) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = Vec::new();
        let mut feeds = Vec::new();
        let mut problems = Vec::new();
        for f in files {
            let name = f.name();
            match web::read_file(&f, t).await.and_then(|bytes| inbox::read(&name, &bytes, t)) {
                Ok(Document::Text(t)) => texts.push((t, Some(name))),
                Ok(Document::Feed(t)) => feeds.push(Opened { name, text: t }),
                Err(e) => problems.push(e),
            }
        }
        if !feeds.is_empty() {
            let names: Vec<String> = feeds.iter().map(|f| f.name.clone()).collect();
            match publish::open(&feeds, t) {
                Ok(postings) => studio.dispatch(Action::AddRecords(postings, names.join(" + "))),
                Err(e) => problems.push(e),
            }
        }
        if !texts.is_empty() {
            studio.dispatch(Action::AddTexts(texts));
        }
        if !problems.is_empty() {
            let text = format!("{}. {}", problems.join(". "), t.rest_unchanged);
            studio.dispatch(Action::Tell(Message { error: true, text }));
        }
    });
}

#[function_component(AddOffers)]
pub fn add_offers(props: &Props) -> Html {
    let t = use_texts();
    let draft = use_state(String::new);
    let dragging = use_state(|| false);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value()))
    };
    let add = {
        let (draft, studio) = (draft.clone(), props.studio.clone());
        Callback::from(move |_| {
            if draft.trim().is_empty() {
                studio.dispatch(Action::Tell(Message { error: true, text: t.paste_first.into() }));
                return;
            }
            studio.dispatch(Action::AddTexts(vec![((*draft).clone(), None)]));
            draft.set(String::new());
        })
    };
    let onchange = {
        let studio = props.studio.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            take_files(studio.clone(), web::files(input.files()), t);
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (studio, dragging) = (props.studio.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = e.data_transfer().and_then(|d| d.files());
            take_files(studio.clone(), web::files(files), t);
        })
    };
    html! {
        <section class="panel add" aria-labelledby="add-title">
            <h2 id="add-title">{ t.add_title }</h2>
            <label for="paste">{ t.paste_label }</label>
            <textarea id="paste" rows="6" value={(*draft).clone()} {oninput}
                placeholder={t.paste_placeholder}/>
            <button type="button" class="primary" onclick={add}>{ t.add_button }</button>
            <div class={classes!("drop", (*dragging).then_some("over"))} {ondragover} {ondragleave} {ondrop}>
                <label for="files">{ t.files_label }</label>
                <input id="files" type="file" multiple=true accept={inbox::ACCEPT} {onchange} />
                <p class="hint">{ t.files_hint }</p>
            </div>
        </section>
    }
}
