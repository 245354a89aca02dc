//! The publisher's settings: the widget's language, colours, preset and heading (used by the
//! preview and the snippet), and where the feed and the widget will be hosted.

use super::{use_texts, Handle};
use crate::state::{Action, Settings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
}

#[function_component(SettingsPanel)]
pub fn settings_panel(props: &Props) -> Html {
    let s = props.studio.settings.clone();
    let t = use_texts();
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
    let mut kinds: Vec<(&str, &str)> = vec![("", t.all_kinds)];
    kinds.extend(vitrine::model::Kind::ALL.iter().map(|&k| (k.key(), vitrine::ui::i18n::kind(t.lang, k))));
    html! {
        <section class="panel settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{ t.settings_title }</h2>
            { select("set-lang", t.widget_lang, &s.lang, &[("fr", "Français"), ("fr-BE", "Français (Belgique)"), ("nl", "Nederlands"), ("en", "English")], |s, v| s.lang = v) }
            { select("set-scheme", t.colours, &s.color_scheme, &[("auto", t.schemes[0]), ("light", t.schemes[1]), ("dark", t.schemes[2])], |s, v| s.color_scheme = v) }
            { select("set-kind", t.show_only, &s.kind, &kinds, |s, v| s.kind = v) }
            { text("set-title", t.heading_label, &s.title, |s, v| s.title = v) }
            { text("set-feed", t.feed_url_label, &s.feed_url, |s, v| s.feed_url = v) }
            { text("set-widget", t.widget_url_label, &s.widget_url, |s, v| s.widget_url = v) }
        </section>
    }
}
