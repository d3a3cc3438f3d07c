/**
 * The check page, enhanced. Without this script the form posts and the server answers with the
 * result; with it, the form is sent in the background and only the result is replaced, and when
 * the server cannot be reached the engine runs here instead. It also installs the service worker
 * and keeps the page, the stylesheet and the engine for offline use.
 */
import { CACHE_NAME, ENGINE_SCRIPT, languagePack, PAGE_SCRIPT, STYLESHEETS } from './offline-cache.js';

type Engine = typeof import('./jobcheck.js');

/** A slow network should not keep the person waiting long: after this, the phone checks by itself. */
const NETWORK_WAIT_MS = 8000;

const loadEngine = (): Promise<Engine> => import(ENGINE_SCRIPT) as Promise<Engine>;

function fieldsOf(form: HTMLFormElement): { text: string; answers: Record<string, string> } {
  const answers: Record<string, string> = {};
  let text = '';
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string') continue;
    if (name === 'text') text = value;
    else answers[name] = value;
  }
  return { text, answers };
}

/** The server's answer, or null when it gave no page (offline, too slow, refused). */
async function fromServer(form: HTMLFormElement): Promise<Document | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), NETWORK_WAIT_MS);
  try {
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
    const response = await fetch(form.action, { method: 'POST', body, signal: abort.signal, credentials: 'omit' });
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    return page.querySelector('main form.check') ? page : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function showResult(): void {
  const slot = document.getElementById('result');
  slot?.focus();
  slot?.scrollIntoView({ block: 'start' });
}

async function check(form: HTMLFormElement): Promise<void> {
  const button = form.querySelector('button[type="submit"]');
  button?.setAttribute('aria-disabled', 'true');
  try {
    const page = await fromServer(form);
    const main = document.querySelector('main');
    if (page && main) {
      main.replaceWith(page.querySelector('main')!);
      document.title = page.title;
    } else {
      const { checkOffline } = await loadEngine();
      const lang = form.dataset.lang ?? document.documentElement.lang;
      const slot = document.getElementById('result');
      if (slot) slot.innerHTML = await checkOffline({ lang, ...fieldsOf(form), sos: { phone: form.dataset.sosPhone ?? '', hours: form.dataset.sosHours ?? '' } });
    }
    showResult();
  } catch {
    // Whatever went wrong here, the plain form still works: send it the way it would go without this script.
    form.submit();
  } finally {
    button?.removeAttribute('aria-disabled');
  }
}

// Delegated, so the form that replaces the page's main keeps working.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('check')) return;
  event.preventDefault();
  void check(form);
});

/** Keeps this page, its stylesheets, this script and the engine with the page's language, so the check works offline next time. */
async function keepForOffline(lang: string): Promise<void> {
  await navigator.serviceWorker.register('/sw.js');
  const cache = await caches.open(CACHE_NAME);
  await cache.addAll([location.pathname, ...STYLESHEETS, PAGE_SCRIPT, ENGINE_SCRIPT, languagePack(lang)]);
  (await loadEngine()).prepare(lang);
}

const form = document.querySelector<HTMLFormElement>('form.check');
if (form?.dataset.lang && 'serviceWorker' in navigator && 'caches' in window) {
  const lang = form.dataset.lang;
  // After the page has loaded, so the downloads never delay it.
  window.addEventListener('load', () => void keepForOffline(lang).catch(() => undefined), { once: true });
}
