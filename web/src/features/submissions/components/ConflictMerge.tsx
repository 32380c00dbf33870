import type { FormDefinition, MergeResult } from '@thidua/shared/forms';
import { useState } from 'react';
import { formatDateTime, useT } from '../../../i18n';
import { Alert, Button } from '../../../ui';
import { resolveErrorTarget } from '../../forms/paths';

/** Who saved the server's copy, and when (from the submission's history). */
export interface ServerSaver {
  name: string | null;
  /** The person on this device: their other device saved it. */
  self: boolean;
  at: string;
}

/** A path of the merge (`figures.x`, `list.rows.2`) as the person reads it. */
function labelOf(definition: FormDefinition, path: string): string {
  const parts = path.split('.');
  const target = resolveErrorTarget(definition, parts.slice(0, 2).join('.'));
  const row = parts[2];
  if (!target) return path;
  return row !== undefined && /^\d+$/.test(row) ? `${target.label} (dòng ${Number(row) + 1})` : target.label;
}

/** A field's value in a sentence: empty, yes/no, rows, or its text. */
function Shown({ value }: { value: unknown }) {
  const t = useT();
  if (value === undefined || value === null || value === '') return <em>{t('merge.empty')}</em>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
    return <>{t('merge.rows', { n: value.length })}</>;
  }
  if (typeof value === 'object')
    return (
      <>
        {Object.values(value)
          .filter((v) => v !== '')
          .join(' · ')}
      </>
    );
  return <>{String(value)}</>;
}

/**
 * A conflict between this device's copy and the server's, merged field by field: what merged by itself
 * is listed, what both sides changed is shown side by side (this device / the server, with who saved the
 * server's and when) and asked one by one. Nothing is applied until the person confirms.
 */
export function ConflictMerge({
  definition,
  merge,
  saver,
  onApply,
}: {
  definition: FormDefinition;
  merge: MergeResult;
  saver: ServerSaver | null;
  onApply: (choices: Record<string, 'local' | 'remote'>) => void;
}) {
  const t = useT();
  const [choices, setChoices] = useState<Record<string, 'local' | 'remote'>>({});
  const unanswered = merge.conflicts.filter((c) => choices[c.path] === undefined).length;
  const who = saver
    ? saver.self
      ? t('merge.byYouElsewhere', { at: formatDateTime(saver.at) })
      : t('merge.byOther', { name: saver.name ?? t('history.someone'), at: formatDateTime(saver.at) })
    : t('merge.byUnknown');
  return (
    <Alert tone="warning" title={t('merge.title')}>
      <p data-testid="merge-who">{who}</p>
      {merge.fromLocal.length + merge.fromRemote.length > 0 ? (
        <div>
          <p>{t('merge.auto')}</p>
          <ul className="merge-auto">
            {merge.fromLocal.map((p) => (
              <li key={p}>
                {labelOf(definition, p)} — {t('merge.fromLocal')}
              </li>
            ))}
            {merge.fromRemote.map((p) => (
              <li key={p}>
                {labelOf(definition, p)} — {t('merge.fromRemote')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {merge.conflicts.length > 0 ? (
        <table className="merge-table">
          <caption>{t('merge.ask', { n: merge.conflicts.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('merge.field')}</th>
              <th scope="col">{t('merge.local')}</th>
              <th scope="col">{t('merge.remote')}</th>
            </tr>
          </thead>
          <tbody>
            {merge.conflicts.map((c) => {
              const label = labelOf(definition, c.path);
              return (
                <tr key={c.path}>
                  <th scope="row">{label}</th>
                  {(['local', 'remote'] as const).map((side) => (
                    <td key={side}>
                      <label>
                        <input
                          type="radio"
                          name={`merge-${c.path}`}
                          checked={choices[c.path] === side}
                          onChange={() => setChoices((x) => ({ ...x, [c.path]: side }))}
                          aria-label={`${label}: ${side === 'local' ? t('merge.local') : t('merge.remote')}`}
                        />{' '}
                        <Shown value={side === 'local' ? c.local : c.remote} />
                      </label>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <Button variant="primary" disabled={unanswered > 0} onClick={() => onApply(choices)}>
        {unanswered > 0 ? t('merge.answerAll', { n: unanswered }) : t('merge.apply')}
      </Button>
    </Alert>
  );
}
