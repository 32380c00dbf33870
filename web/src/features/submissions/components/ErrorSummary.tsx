import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n';

export interface SummaryItem {
  /** DOM id of the control to jump to. */
  targetId: string;
  label: string;
  message: string;
}

/**
 * After a refused submit: the list of what to fix, each a link to its field. Takes focus so a screen
 * reader hears it at once (GOV.UK error-summary pattern).
 */
export function ErrorSummary({ items, general }: { items: readonly SummaryItem[]; general?: string | null }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((i) => i.targetId).join('|') + (general ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus when the set of problems changes
  useEffect(() => {
    if (items.length > 0 || general) ref.current?.focus();
  }, [signature]);
  if (items.length === 0 && !general) return null;
  return (
    <div className="alert alert-danger error-summary" role="alert" tabIndex={-1} ref={ref}>
      {general ? <p className="alert-title">{general}</p> : null}
      {items.length > 0 ? (
        <>
          <p className="alert-title">{t('form.errorSummary', { n: items.length })}</p>
          <ul>
            {items.map((i) => (
              <li key={i.targetId}>
                <a
                  href={`#${i.targetId}`}
                  onClick={(e) => {
                    const el = document.getElementById(i.targetId);
                    if (el) {
                      e.preventDefault();
                      el.focus();
                      el.scrollIntoView({ block: 'center' });
                    }
                  }}
                >
                  {i.label}: {i.message}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
