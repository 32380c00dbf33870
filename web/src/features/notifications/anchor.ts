import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { domIdFor } from '../forms/paths';

/** The field a link names: `#field-<dotted data path>` (a returned report's commented field). */
export const fieldOfHash = (hash: string): string | undefined => {
  const m = /^#field-(.+)$/.exec(hash);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
};

/**
 * Opens the page at the field a notification names: the editor's control (`fld-<name>`, focused), else the
 * read-only view's section. Retries for a few frames while the form renders.
 */
export function useFieldAnchor(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    const field = fieldOfHash(hash);
    if (!ready || !field) return;
    let frames = 0;
    let handle = 0;
    const tryScroll = () => {
      const target =
        document.getElementById(domIdFor(field)) ??
        document.getElementById(`view-${field.split('.')[0] ?? ''}`);
      if (target) {
        target.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
        target.setAttribute('data-anchored', 'true');
        return;
      }
      if (++frames < 30) handle = requestAnimationFrame(tryScroll);
    };
    handle = requestAnimationFrame(tryScroll);
    return () => cancelAnimationFrame(handle);
  }, [hash, ready]);
}
