//! The studio page: header with the offers' counts, the message line, and the panels (add,
//! list, review, settings, preview, publish). Saves the work on every change.

use super::{add_offers::AddOffers, offer_list::OfferList, preview::Preview, publish_panel::PublishPanel, review::Review, settings::SettingsPanel};
use crate::i18n::{self, Lang};
use crate::state::{Action, Message, Studio};
use crate::storage;
use std::rc::Rc;
use vitrine::model::Date;
use yew::prelude::*;

/// What the page gives the studio.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The work found on start.
    pub initial: Rc<Studio>,
    /// The day statuses are judged against.
    pub today: Date,
    /// Keeps the saved form of the work; answers false when the browser refused.
    pub on_save: Callback<String, bool>,
    /// The preview page's address (`preview.html`); none: no preview (component tests).
    #[prop_or_default]
    pub preview: Option<AttrValue>,
    /// The interface's language on start (the one last chosen, else French).
    pub lang: Lang,
    /// Keeps the interface language the publisher chooses.
    pub on_lang: Callback<Lang>,
    /// Where the widget's built files are (`pkg/`, beside the studio's folder), for the
    /// ready-to-host folder.
    pub widget_files: AttrValue,
}

/// The whole studio.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = use_state(|| props.lang);
    let t = i18n::texts(*lang);
    let studio = use_reducer({
        let (initial, lang) = (props.initial.clone(), props.lang);
        move || Studio { lang, ..(*initial).clone() }
    });
    {
        let (save, s) = (props.on_save.clone(), studio.clone());
        use_effect_with(studio.revision, move |_| {
            if !save.emit(storage::encode(&s)) {
                s.dispatch(Action::Tell(Message {
                    error: true,
                    text: t.save_refused.into(),
                }));
            }
        });
    }
    let (open, soon, closed) = studio.counts(props.today);
    let message = studio.message.clone().map(|m| {
        let dismiss = {
            let s = studio.clone();
            Callback::from(move |_| s.dispatch(Action::Dismiss))
        };
        html! {
            <div class={classes!("message", m.error.then_some("error"))} role={if m.error { "alert" } else { "status" }}>
                <p>{ m.text }</p>
                <button type="button" onclick={dismiss}>{ t.dismiss }</button>
            </div>
        }
    });
    let choose = {
        let (lang, on_lang, studio) = (lang.clone(), props.on_lang.clone(), studio.clone());
        Callback::from(move |e: Event| {
            if let Some(l) = i18n::from_code(&e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()) {
                lang.set(l);
                studio.dispatch(Action::Lang(l));
                on_lang.emit(l);
            }
        })
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
        <div class="studio" lang={t.lang.code()}>
            <header class="top">
                <h1>{ "vitrine studio" }</h1>
                <p class="counts">{ (t.counts)(open, soon, closed) }</p>
                <div class="ui-lang">
                    <label for="ui-lang">{ t.ui_lang_label }</label>
                    <select id="ui-lang" onchange={choose}>
                        { for Lang::ALL.iter().map(|&l| html! {
                            <option value={l.code()} lang={l.code()} selected={l == *lang}>{ i18n::texts(l).name }</option>
                        }) }
                    </select>
                </div>
            </header>
            <div class="live">{ message }</div>
            <main>
                <div class="column">
                    <AddOffers studio={studio.clone()} />
                    <OfferList studio={studio.clone()} today={props.today} />
                </div>
                <div class="column wide">
                    <Review studio={studio.clone()} today={props.today} />
                </div>
                <div class="column">
                    <SettingsPanel studio={studio.clone()} />
                    if let Some(p) = props.preview.clone() {
                        <Preview studio={studio.clone()} today={props.today} page={p} />
                    }
                    <PublishPanel studio={studio.clone()} today={props.today} widget_files={props.widget_files.clone()} />
                </div>
            </main>
        </div>
        </ContextProvider<Lang>>
    }
}
