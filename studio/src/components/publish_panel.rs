//! Publishing: the feed to download (one file, or split into offers + texts), the ready-to-host
//! folder (widget files + feed + example page, one .zip), the RSS and JSON Feed exports, and the
//! `<script>` tag to paste, pointing at where the feed will be uploaded.

use super::{use_texts, Handle};
use crate::folder::{self, WidgetFile};
use crate::publish;
use crate::state::{Action, Message};
use crate::web;
use vitrine::model::Date;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub studio: Handle,
    pub today: Date,
    /// Where the widget's files are fetched from for the folder (`../pkg/`).
    pub widget_files: AttrValue,
}

#[function_component(PublishPanel)]
pub fn publish_panel(props: &Props) -> Html {
    let s = &props.studio;
    let t = use_texts();
    let busy = use_state(|| false);
    let postings = s.published(props.today);
    let n = postings.len();
    let name = publish::file_name(&s.settings.feed_url);
    let tell = move |studio: &Handle, r: Result<(), String>, done: String| {
        studio.dispatch(Action::Tell(match r {
            Ok(()) => Message { error: false, text: done },
            Err(e) => Message { error: true, text: (t.download_failed)(&e) },
        }))
    };
    let single = {
        let (studio, postings, today, name) = (s.clone(), postings.clone(), props.today, name.clone());
        Callback::from(move |_| {
            let r = web::download(&name, &publish::single(&postings, today), "application/json", t);
            tell(&studio, r, (t.single_done)(&name, postings.len()));
        })
    };
    let split = {
        let (studio, postings, today, name) = (s.clone(), postings.clone(), props.today, name.clone());
        Callback::from(move |_| {
            let sp = publish::split(&postings, today, &name);
            let bodies = publish::bodies_name(&name);
            let r = web::download(&bodies, &sp.bodies, "application/json", t).and_then(|_| web::download(&name, &sp.offers, "application/json", t));
            tell(&studio, r, (t.split_done)(&name, &bodies));
        })
    };
    let zip = {
        let (studio, postings, today, base) = (s.clone(), postings.clone(), props.today, props.widget_files.clone());
        let busy = busy.clone();
        Callback::from(move |_| {
            let (studio, postings, base, busy) = (studio.clone(), postings.clone(), base.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let mut files = Vec::new();
                let mut failed = None;
                for name in folder::WIDGET_FILES {
                    let url = format!("{base}{name}");
                    match web::fetch_bytes(&url, t).await {
                        Ok(bytes) => files.push(WidgetFile { name: name.to_string(), bytes }),
                        Err(e) => {
                            failed = Some((t.widget_files_failed)(&url, &e));
                            break;
                        }
                    }
                }
                let r = match failed {
                    Some(e) => Err(e),
                    None => folder::zip(&files, &postings, today, &studio.settings, t)
                        .and_then(|bytes| web::download_bytes(folder::ZIP_NAME, &bytes, "application/zip", t)),
                };
                busy.set(false);
                studio.dispatch(Action::Tell(match r {
                    Ok(()) => Message { error: false, text: (t.folder_done)(folder::ZIP_NAME) },
                    Err(e) => Message { error: true, text: (t.folder_failed)(&e) },
                }));
            });
        })
    };
    let (rss_name, json_feed_name) = publish::export_names(&name);
    type Render = fn(&[vitrine::model::Posting], Date, &str, &str, &crate::i18n::Texts) -> Result<String, String>;
    let export = |render: Render, file: String, mime: &'static str, done: fn(&str, &str) -> String| {
        let (studio, postings, today) = (s.clone(), postings.clone(), props.today);
        Callback::from(move |_| {
            let settings = &studio.settings;
            let r = render(&postings, today, &settings.title, &settings.site_url, t).and_then(|text| web::download(&file, &text, mime, t));
            tell(&studio, r, done(&file, &today.to_string()));
        })
    };
    let rss = export(publish::rss, rss_name, "application/rss+xml", t.rss_done);
    let json_feed = export(publish::json_feed, json_feed_name, "application/feed+json", t.json_feed_done);
    let site_problem = publish::check_site_url(&s.settings.site_url, t);
    let on_site = {
        let studio = s.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = studio.settings.clone();
            next.site_url = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            studio.dispatch(Action::Settings(next));
        })
    };
    let snippet = publish::snippet(&s.settings.widget_url, &s.settings.feed_url, &s.settings.lang, &s.settings.color_scheme, &s.settings.kind, &s.settings.title);
    let problems: Vec<String> = [publish::check_url(t.feed_url_name, &s.settings.feed_url, t), publish::check_url(t.widget_url_name, &s.settings.widget_url, t)]
        .into_iter()
        .flatten()
        .collect();
    html! {
        <section class="panel publish" aria-labelledby="publish-title">
            <h2 id="publish-title">{ t.publish_title }</h2>
            <p>{ (t.published)(n) }</p>
            <button type="button" class="primary" onclick={single}>{ (t.download_single)(&name) }</button>
            <button type="button" onclick={split}>{ t.download_split }</button>
            <h3>{ t.folder_title }</h3>
            <p class="hint">{ t.folder_hint }</p>
            <button type="button" onclick={zip} disabled={*busy}>{ if *busy { t.folder_busy } else { t.folder_button } }</button>
            <h3>{ t.snippet_title }</h3>
            <label for="snippet">{ t.snippet_label }</label>
            <textarea id="snippet" readonly=true rows="4" value={snippet}/>
            { for problems.iter().map(|p| html! { <p class="error">{ p.clone() }</p> }) }
            <p class="hint">{ t.snippet_hint }</p>
            <h3>{ t.exports_title }</h3>
            <p class="hint">{ t.exports_hint }</p>
            <label for="site-url">{ t.site_url_label }</label>
            <input id="site-url" type="url" value={s.settings.site_url.clone()} oninput={on_site}
                aria-invalid={site_problem.is_some().to_string()} aria-describedby={site_problem.is_some().then_some("site-url-problem")} />
            if let Some(p) = site_problem {
                <p class="error" id="site-url-problem">{ p }</p>
            } else {
                <button type="button" onclick={rss}>{ t.download_rss }</button>
                <button type="button" onclick={json_feed}>{ t.download_json_feed }</button>
            }
        </section>
    }
}
