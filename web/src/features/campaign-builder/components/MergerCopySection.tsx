import type { MergerCopyReport } from '@thidua/shared/campaign';
import { useBuilderT } from './controls';
import { IssueLink } from './PublishSection';

/**
 * A copy from an absorbed province (ADR 0027): what could not be carried onto the merged province's
 * tree, each linked to its field for the secretariat to decide, then what was carried, folded.
 */
export function MergerCopySection({ report }: { report: MergerCopyReport }) {
  const t = useBuilderT();
  return (
    <section aria-labelledby="cb-merger" className="card cb-section">
      <h2 id="cb-merger">{t('merger.title', { name: report.sourceTenantName })}</h2>
      {report.unresolved.length === 0 ? (
        <p>{t('merger.none')}</p>
      ) : (
        <>
          <h3>{t('merger.unresolved', { n: report.unresolved.length })}</h3>
          <ul className="cb-list">
            {report.unresolved.map((note) => (
              <li key={`${note.path}:${note.message}`}>
                <IssueLink issue={note} />
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('merger.mapped', { n: report.mapped.length })}</summary>
        <ul className="cb-list">
          {report.mapped.map((note) => (
            <li key={`${note.path}:${note.message}`}>{note.message}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
