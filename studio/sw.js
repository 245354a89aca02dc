// vitrine studio's service worker (scope /studio/): keeps the page, its wasm and the widget's
// files (for the preview and the ready-to-host folder), so that once loaded the studio works
// offline (tests/e2e/studio.test.mjs reloads it offline). Network first (a new
// build is taken as soon as it is there), the kept copy when the network fails.
const CACHE = 'vitrine-studio-v1';
const FILES = ['./', 'index.html', 'studio.css', 'main.js', 'preview.html', 'preview.js',
  'pkg/vitrine_studio.js', 'pkg/vitrine_studio_bg.wasm',
  '../pkg/vitrine.js', '../pkg/vitrine_core.js', '../pkg/vitrine_core_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(FILES.map((f) => c.add(f).catch(() => {})))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => { event.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(self.location.origin)) return;
  const url = new URL(req.url);
  const ours = url.pathname.includes('/studio/') || url.pathname.includes('/pkg/vitrine');
  if (!ours) return;
  event.respondWith(fetch(req).then((res) => {
    if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(req, copy)); }
    return res;
  }).catch(() => caches.match(req, { ignoreSearch: url.pathname.endsWith('.html') || url.pathname.endsWith('/') }).then((hit) => hit || Response.error())));
});
