// Starts vitrine studio (the wasm in pkg/), and registers its service worker so the page works
// offline once loaded. A failure to start is shown in the page, not only in the console.
import init from './pkg/vitrine_studio.js';

init().catch((e) => {
  const box = document.getElementById('studio');
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `Le studio n’a pas pu démarrer (${e && e.message ? e.message : e}). Votre travail enregistré n’est pas touché : rechargez la page.`;
  box.replaceChildren(p);
});

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
