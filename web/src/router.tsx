import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * History routing under the app's base (/app/): the server answers every /app/* path with index.html,
 * so a reload or a shared link opens the same page.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');
const listeners = new Set<() => void>();

function currentPath(): string {
  const p = window.location.pathname;
  return p.startsWith(`${BASE}/`) ? p.slice(BASE.length) : '/';
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export const hrefOf = (to: string): string => `${BASE}${to}`;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) window.history.replaceState(null, '', hrefOf(to));
  else window.history.pushState(null, '', hrefOf(to));
  for (const l of listeners) l();
}

/** The path below the base, such as `/users`. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The query of the address (`?period=2021-Q3`), so a page's choices can be bookmarked and shared. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** The values of a pattern's `:name` segments when the path fits it, else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

export function Link({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const path = usePath();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    // Let the browser handle new tabs and windows.
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  // A menu entry stays marked on the pages below it (/cases marks /cases/123 too).
  const current = path === to || (to !== '/' && path.startsWith(`${to}/`));
  return <a href={hrefOf(to)} aria-current={current ? 'page' : undefined} onClick={handle} {...rest} />;
}
