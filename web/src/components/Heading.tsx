import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/**
 * A page's h1. When a new page appears (a link, a step of sign-in), focus moves to its heading so
 * screen readers announce it and the next Tab starts at the top of the new content. The very first
 * page keeps the browser's own focus, so the skip link stays the first stop.
 */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  useEffect(() => {
    // The tab and the history list name the page as its heading does.
    document.title = `${ref.current?.textContent ?? ''} · Labour Justice`;
  });
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
