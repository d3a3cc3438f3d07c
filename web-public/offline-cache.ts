/** Shared by the page script and the service worker: what is kept for using /<lang>/check offline. */

/** Renamed whenever what the cache holds changes shape; the worker deletes the caches of other names. */
export const CACHE_NAME = 'lj-check-1';

/** Same-origin paths the service worker keeps a copy of: the check page in each language, its stylesheets and the scripts. */
export const OFFLINE_PATH = /^\/[A-Za-z-]{2,8}\/check$|^\/assets\/(site|check)\.css$|^\/assets\/js\/[\w-]+\.js$/;
export const STYLESHEETS = ['/assets/site.css', '/assets/check.css'];

export const PAGE_SCRIPT = '/assets/js/check.js';
export const ENGINE_SCRIPT = '/assets/js/jobcheck.js';
export const languagePack = (lang: string): string => `/assets/js/jobcheck-${lang}.js`;
