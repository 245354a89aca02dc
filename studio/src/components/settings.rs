//! The publisher's settings: the widget's language, colours, preset and heading (used by the
//! preview and the snippet), and where the feed and the widget will be hosted.

use super::Handle;
use crate::state::{Action, Settings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
}

#[function_component(SettingsPanel)]
pub fn settings_panel(props: &Props) -> Html {
    let s = props.studio.settings.clone();
    let update = |f: fn(&mut Settings, String)| {
        let (studio, s) = (props.studio.clone(), s.clone());
        move |v: String| {
            let mut next = s.clone();
            f(&mut next, v);
            studio.dispatch(Action::Settings(next));
        }
    };
    let select = |id: &'static str, label: &'static str, value: &str, options: &[(&str, &str)], f: fn(&mut Settings, String)| {
        let u = update(f);
        let onchange = Callback::from(move |e: Event| u(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        html! {
            <div class="part">
                <label for={id}>{ label }</label>
                <select id={id} {onchange}>
                    { for options.iter().map(|(k, l)| html! { <option value={k.to_string()} selected={*k == value}>{ *l }</option> }) }
                </select>
            </div>
        }
    };
    let text = |id: &'static str, label: &'static str, value: &str, f: fn(&mut Settings, String)| {
        let u = update(f);
        let oninput = Callback::from(move |e: InputEvent| u(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
        html! {
            <div class="part">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={value.to_string()} {oninput} />
            </div>
        }
    };
    let mut kinds: Vec<(&str, &str)> = vec![("", "Tous")];
    kinds.extend(vitrine::model::Kind::ALL.iter().map(|k| (k.key(), k.label())));
    html! {
        <section class="panel settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{ "Réglages du widget" }</h2>
            { select("set-lang", "Langue", &s.lang, &[("fr", "Français"), ("fr-BE", "Français (Belgique)"), ("nl", "Nederlands"), ("en", "English")], |s, v| s.lang = v) }
            { select("set-scheme", "Couleurs", &s.color_scheme, &[("auto", "Comme l’appareil du visiteur"), ("light", "Claires"), ("dark", "Sombres")], |s, v| s.color_scheme = v) }
            { select("set-kind", "N’afficher que", &s.kind, &kinds, |s, v| s.kind = v) }
            { text("set-title", "Titre au-dessus du widget (facultatif)", &s.title, |s, v| s.title = v) }
            { text("set-feed", "Adresse où vous déposerez le flux", &s.feed_url, |s, v| s.feed_url = v) }
            { text("set-widget", "Adresse du widget (vitrine.js)", &s.widget_url, |s, v| s.widget_url = v) }
        </section>
    }
}
