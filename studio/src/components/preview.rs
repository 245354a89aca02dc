//! The live preview: the real widget (`/pkg/vitrine.js`) in a frame (`preview.html`), fed the
//! offers to publish through a same-origin `blob:` feed, with the settings' language, colours,
//! preset and heading, at a phone's (360 px) or a desktop's width. The frame stays; each change
//! is posted to it and it mounts a fresh widget.

use super::{use_texts, Handle};
use crate::publish;
use crate::web;
use std::cell::RefCell;
use std::rc::Rc;
use vitrine::model::Date;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
    pub today: Date,
    /// The preview page (`preview.html`).
    pub page: AttrValue,
}

fn post(frame: &NodeRef, message: &JsValue) {
    if let Some(w) = frame.cast::<web_sys::HtmlIFrameElement>().and_then(|f| f.content_window()) {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        let _ = w.post_message(message, &origin);
    }
}

#[function_component(Preview)]
pub fn preview(props: &Props) -> Html {
    let t = use_texts();
    let phone = use_state(|| false);
    let frame = use_node_ref();
    let last = use_mut_ref(|| JsValue::NULL);
    {
        let (frame, last, studio, today) = (frame.clone(), last.clone(), props.studio.clone(), props.today);
        use_effect_with((props.studio.revision, props.studio.settings.clone()), move |(_, s)| {
            // While the publisher types, the widget is remounted once they pause.
            let s = s.clone();
            let update = wasm_bindgen::closure::Closure::once(move || {
                let feed = publish::single(&studio.published(today), today);
                if let Some(u) = web::object_url(&feed, "application/json") {
                    let o = js_sys::Object::new();
                    for (k, v) in [("src", u.as_str()), ("lang", &s.lang), ("scheme", &s.color_scheme), ("kind", &s.kind), ("title", &s.title), ("today", &today.to_string())] {
                        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
                    }
                    *last.borrow_mut() = o.into();
                    post(&frame, &last.borrow());
                    // The widget reads its feed at once; the URL is let go well after.
                    web::revoke_later(u);
                }
            });
            let timer = web_sys::window().and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(wasm_bindgen::JsCast::unchecked_ref(update.as_ref()), 400).ok()
            });
            move || {
                if let (Some(t), Some(w)) = (timer, web_sys::window()) {
                    w.clear_timeout_with_handle(t);
                }
                drop(update);
            }
        });
    }
    let onload = {
        let (frame, last): (NodeRef, Rc<RefCell<JsValue>>) = (frame.clone(), last.clone());
        Callback::from(move |_: Event| post(&frame, &last.borrow()))
    };
    let set = |v: bool| {
        let phone = phone.clone();
        Callback::from(move |_| phone.set(v))
    };
    html! {
        <section class="panel preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{ t.preview_title }</h2>
            <div class="widths" role="group" aria-label={t.widths}>
                <button type="button" aria-pressed={(*phone).to_string()} onclick={set(true)}>{ t.phone }</button>
                <button type="button" aria-pressed={(!*phone).to_string()} onclick={set(false)}>{ t.desktop }</button>
            </div>
            <div class="frame-box">
                <iframe ref={frame} title={t.preview_frame} src={props.page.clone()} {onload} class={classes!((*phone).then_some("phone"))}></iframe>
            </div>
        </section>
    }
}
