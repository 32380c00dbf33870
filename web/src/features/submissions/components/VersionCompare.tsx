import type { FormDefinition } from '@thidua/shared/forms';
import { useId, useState } from 'react';
import { describeError } from '../../../api/describe';
import { formatDateTime, useT } from '../../../i18n';
import { Button } from '../../../ui';
import { resolveErrorTarget } from '../../forms/paths';
import { useSubmissionsApi } from '../queries';
import type { Diff, HistoryEvent } from '../service';

const shown = (v: unknown): string =>
  v === undefined || v === null || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * Compares any two kept versions of a report: each version as submitted (a snapshot is kept at every
 * submit) and the current one. Drafts between submits are not kept, so they are not offered.
 */
export function VersionCompare({
  submissionId,
  version,
  events,
  definition,
}: {
  submissionId: string;
  version: number;
  events: readonly HistoryEvent[];
  definition: FormDefinition;
}) {
  const t = useT();
  const s = useSubmissionsApi();
  const ids = { from: useId(), to: useId() };
  const kept = [
    ...events
      .filter((e) => e.action === 'submit' && e.version !== version)
      .map((e) => ({
        version: e.version,
        label: t('compare.submitted', { at: formatDateTime(e.at), v: e.version }),
      })),
    { version, label: t('compare.current', { v: version }) },
  ];
  const [from, setFrom] = useState(kept[0]?.version ?? version);
  const [to, setTo] = useState(version);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (kept.length < 2) return <p className="muted">{t('compare.nothing')}</p>;
  const run = async () => {
    setError(null);
    try {
      setDiff(await s.diffBetween(submissionId, from, to));
    } catch (e) {
      setError(describeError(e, t));
    }
  };
  const pick = (id: string, label: string, value: number, set: (v: number) => void) => (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {kept.map((k) => (
          <option key={k.version} value={k.version}>
            {k.label}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <section className="card version-compare" aria-labelledby={`${ids.from}-title`}>
      <h2 id={`${ids.from}-title`}>{t('compare.title')}</h2>
      <p className="muted">{t('compare.help')}</p>
      {pick(ids.from, t('compare.from'), from, setFrom)}
      {pick(ids.to, t('compare.to'), to, setTo)}
      <Button onClick={() => void run()}>{t('compare.run')}</Button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {diff ? (
        diff.changes.length === 0 ? (
          <p>{t('compare.same')}</p>
        ) : (
          <table className="merge-table">
            <caption>{t('compare.caption', { from: diff.since, to: diff.version })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('merge.field')}</th>
                <th scope="col">{t('compare.before')}</th>
                <th scope="col">{t('compare.after')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={c.path}>
                  <th scope="row">{resolveErrorTarget(definition, c.path)?.label ?? c.path}</th>
                  <td>{c.redacted ? t('compare.hidden') : shown(c.before)}</td>
                  <td>{c.redacted ? t('compare.hidden') : shown(c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
