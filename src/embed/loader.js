/*! vitrine loader: a classic script, so CMS editors keep it. It finds its own URL, places the
 * widget's host element(s), shows a loading message, then imports the wasm-bindgen module that
 * sits beside it and mounts one widget per host. Copied to pkg/vitrine.js by the build. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    // Without currentScript (some tag managers), take the last vitrine.js tag of the page.
    var tags = document.querySelectorAll('script[src*="vitrine.js"]');
    script = tags[tags.length - 1];
  }
  if (!script) return;
  var base = new URL(".", script.src).href;

  // One namespaced global, shared by every copy of the tag on the page.
  var ns = window.vitrine = window.vitrine || {};
  ns.widgets = ns.widgets || [];
  if (!ns.ready) {
    // Subresource Integrity of the glue module and the wasm, written in by scripts/build.sh so
    // that the integrity of this file covers the whole bundle. Unbuilt, they are placeholders
    // that are not hashes, and the files are loaded unchecked.
    var coreHash = checkable("__VITRINE_SRI_CORE__");
    var wasmHash = checkable("__VITRINE_SRI_WASM__");
    var wasmUrl = base + "vitrine_core_bg.wasm";
    // Checked: fetched at once, beside the glue; a copy that does not match its hash is refused.
    var wasm = wasmHash ? fetch(wasmUrl, { integrity: wasmHash }) : wasmUrl;
    if (wasmHash) wasm.catch(function () {}); // reported by the init below, not as unhandled
    ns.ready = importChecked(base + "vitrine_core.js", coreHash).then(function (m) {
      return m.default({ module_or_path: wasm }).then(function () { return m; });
    });
  }

  function checkable(hash) {
    return /^sha(256|384|512)-[A-Za-z0-9+\/]+={0,2}$/.test(hash) ? hash : "";
  }

  // import() takes no integrity: a <link rel="modulepreload" integrity> fetches and checks the
  // module first, and the import() that follows gets that same copy from the page's module map
  // (one request). A copy that does not match fires the link's error event. The link (marked
  // data-vitrine-preload) leaves the page's <head> as soon as it has done its work. Browsers
  // without modulepreload import the module unchecked.
  function importChecked(url, hash) {
    var link = document.createElement("link");
    if (!hash || !(link.relList && link.relList.supports && link.relList.supports("modulepreload"))) {
      return import(url);
    }
    return new Promise(function (resolve, reject) {
      link.rel = "modulepreload";
      link.integrity = hash;
      link.setAttribute("data-vitrine-preload", "");
      link.onload = function () { link.remove(); resolve(import(url)); };
      link.onerror = function () {
        link.remove();
        reject(new Error(url + " could not be loaded or does not match its integrity hash"));
      };
      link.href = url;
      (document.head || document.documentElement).appendChild(link);
    });
  }

  // The loader's two messages, in the interface languages. The language is chosen as the widget
  // chooses it (src/embed/config.rs): the host's data-lang, else the script tag's, else the page's
  // <html lang>, else French.
  var MESSAGES = {
    fr: ["Chargement des offres…",
      "Les offres n’ont pas pu être chargées. Vérifiez votre connexion puis rechargez la page."],
    en: ["Loading the offers…",
      "The offers could not be loaded. Check your connection, then reload the page."],
    nl: ["De vacatures worden geladen…",
      "De vacatures konden niet worden geladen. Controleer je verbinding en laad de pagina opnieuw."]
  };

  function language(host) {
    var asked = [host.getAttribute("data-lang"), script.getAttribute("data-lang"), document.documentElement.lang];
    for (var i = 0; i < asked.length; i++) {
      var primary = String(asked[i] || "").trim().split(/[-_]/)[0].toLowerCase();
      if (Object.prototype.hasOwnProperty.call(MESSAGES, primary)) return primary;
    }
    return "fr";
  }

  function message(root, lang, text, role) {
    var p = document.createElement("p");
    p.setAttribute("role", role);
    p.setAttribute("lang", lang);
    p.textContent = text;
    root.replaceChildren(p);
  }

  // The host the loader makes itself is a <vitrine-offres> element: page rules for common tags
  // (`div { margin: 10px }`) do not match its name, and these declarations, !important in its own
  // shadow root, win over any page rule that does (`*`, `body > *`), even !important ones. The
  // widget's stylesheet says the same once it is adopted. A host the page placed stays the page's.
  var OWN_HOST = "vitrine-offres";
  var OWN_HOST_CSS = ":host(" + OWN_HOST + "){display:block!important;margin:0!important;padding:0!important;border:0!important}";

  function prepare(host, lang) {
    host.setAttribute("data-vitrine-mounted", "");
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    if (host.localName === OWN_HOST) {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(OWN_HOST_CSS);
        root.adoptedStyleSheets = [sheet];
      } catch (e) { /* no constructable stylesheets: the widget's own stylesheet says it later */ }
    }
    message(root, lang, MESSAGES[lang][0], "status");
    return root;
  }

  // The level of the nearest heading before the host in the page (the widget's headings go one
  // below it), or undefined.
  function headingBefore(host) {
    var hs = document.querySelectorAll("h1,h2,h3,h4,h5,h6");
    for (var i = hs.length - 1; i >= 0; i--) {
      if (host.compareDocumentPosition(hs[i]) & Node.DOCUMENT_POSITION_PRECEDING && !hs[i].contains(host)) {
        return +hs[i].localName.charAt(1);
      }
    }
  }

  function start() {
    // Hosts the page placed itself (<div data-vitrine> or <vitrine-widget>), else one after the tag.
    var hosts = Array.prototype.slice.call(
      document.querySelectorAll("[data-vitrine]:not([data-vitrine-mounted]), vitrine-widget:not([data-vitrine-mounted])"));
    var anyOnPage = document.querySelector("[data-vitrine], vitrine-widget");
    if (!hosts.length && (!anyOnPage || script.hasAttribute("data-own-host"))) {
      var own = document.createElement(OWN_HOST);
      script.parentNode.insertBefore(own, script.nextSibling);
      hosts = [own];
    }
    hosts.forEach(function (host) {
      var lang = language(host);
      var root = prepare(host, lang);
      ns.ready.then(function (m) {
        m.mount(host, script, headingBefore(host));
        ns.widgets.push(host);
      }).catch(function (err) {
        message(root, lang, MESSAGES[lang][1], "alert");
        if (window.console) console.error("vitrine:", err);
      });
    });
  }

  // Offline copy of the page and bundle: a worker of the page's own origin, when the page asks.
  var worker = script.getAttribute("data-service-worker");
  if (worker && "serviceWorker" in navigator && !ns.worker) {
    ns.worker = navigator.serviceWorker.register(new URL(worker, document.baseURI).href).catch(function (err) {
      if (window.console) console.warn("vitrine: service worker not registered:", err);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
