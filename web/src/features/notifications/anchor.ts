import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { domIdFor } from '../forms/paths';

/** The field a link names: `#field-<dotted data path>` (a returned report's commented field). */
export const fieldOfHash = (hash: string): string | undefined => {
  const m = /^#field-(.+)$/.exec(hash);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
};

/** The item a link names: `#<kind>-<id>` (a notice's tờ trình, council session, disclosure). */
export const itemOfHash = (hash: string, kind: string): string | undefined => {
  const m = new RegExp(`^#${kind}-(.+)$`).exec(hash);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
};

/**
 * Opens the page at what the link's hash names, once the page is `ready`: `target` finds the element
 * (undefined: the hash names nothing here). Retries for a few frames while the list or form renders.
 */
export function useHashAnchor(ready: boolean, target: (hash: string) => HTMLElement | null | undefined) {
  const { hash } = useLocation();
  // The latest lookup, without restarting the search each render (it is a new closure every time).
  const find = useRef(target);
  find.current = target;
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    let frames = 0;
    let handle = 0;
    const tryScroll = () => {
      const found = find.current(hash);
      if (found) {
        found.scrollIntoView({ block: 'center' });
        found.focus({ preventScroll: true });
        found.setAttribute('data-anchored', 'true');
        return;
      }
      if (++frames < 30) handle = requestAnimationFrame(tryScroll);
    };
    handle = requestAnimationFrame(tryScroll);
    return () => cancelAnimationFrame(handle);
  }, [hash, ready]);
}

/**
 * Opens the page at the field a notification names: the editor's control (`fld-<name>`, focused), else the
 * read-only view's section.
 */
export function useFieldAnchor(ready: boolean) {
  useHashAnchor(ready, (hash) => {
    const field = fieldOfHash(hash);
    if (!field) return undefined;
    return (
      document.getElementById(domIdFor(field)) ?? document.getElementById(`view-${field.split('.')[0] ?? ''}`)
    );
  });
}

/** Opens a list at the item a notice links to (`#batch-<id>`, `#session-<id>`, `#disclosure-<id>`). */
export function useItemAnchor(ready: boolean, kind: string) {
  useHashAnchor(ready, (hash) => {
    const id = itemOfHash(hash, kind);
    return id ? document.getElementById(`${kind}-${id}`) : undefined;
  });
}
