/*! vitrine service worker: keeps the page, the widget bundle and its data available offline.
 * Copy it to your own site's origin (a service worker only works for pages of the origin that
 * serves it), list your page(s) and the path of pkg/ below, and add
 * data-service-worker="/sw.js" to the vitrine script tag. */
"use strict";

// Files to keep, relative to this worker's URL. The page(s) first, then the bundle.
const PRECACHE = [
  "./",
  "index.html",
  "examples/host.css",
  "pkg/vitrine.js",
  "pkg/vitrine_core.js",
  "pkg/vitrine_core_bg.wasm",
];
// Bump when the list changes; old caches are dropped on activation.
const CACHE = "vitrine-v1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, self.location).href))),
  );
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vitrine-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Network first (fresh when online), the cached copy when the network fails. Only GET requests
// of this origin are handled; feeds of other origins are kept by the widget itself.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === "basic") {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === "navigate" }).then(
          (hit) => hit || (request.mode === "navigate" ? caches.match(new URL("./", self.location).href) : undefined),
        ).then((hit) => hit || Response.error()),
      ),
  );
});
