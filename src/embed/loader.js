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
    ns.ready = import(base + "vitrine_core.js").then(function (m) {
      return m.default({ module_or_path: base + "vitrine_core_bg.wasm" }).then(function () { return m; });
    });
  }

  function message(root, text, role) {
    var p = document.createElement("p");
    p.setAttribute("role", role);
    p.textContent = text;
    root.replaceChildren(p);
  }

  function prepare(host) {
    host.setAttribute("data-vitrine-mounted", "");
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    message(root, "Chargement des offres…", "status");
    return root;
  }

  function start() {
    // Hosts the page placed itself (<div data-vitrine> or <vitrine-widget>), else one after the tag.
    var hosts = Array.prototype.slice.call(
      document.querySelectorAll("[data-vitrine]:not([data-vitrine-mounted]), vitrine-widget:not([data-vitrine-mounted])"));
    var anyOnPage = document.querySelector("[data-vitrine], vitrine-widget");
    if (!hosts.length && (!anyOnPage || script.hasAttribute("data-own-host"))) {
      var own = document.createElement("div");
      script.parentNode.insertBefore(own, script.nextSibling);
      hosts = [own];
    }
    hosts.forEach(function (host) {
      var root = prepare(host);
      ns.ready.then(function (m) {
        m.mount(host, script);
        ns.widgets.push(host);
      }).catch(function (err) {
        message(root, "Les offres n’ont pas pu être chargées. Vérifiez votre connexion puis rechargez la page.", "alert");
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
