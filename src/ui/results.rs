//! The result list: a plain `<ul>` of cards, so screen readers announce "list, N items".

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub children: Children,
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    html! { <ul class="cards" role="list">{ props.children.clone() }</ul> }
}
