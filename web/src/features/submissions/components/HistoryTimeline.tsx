import type { ChainLevel } from '@thidua/shared/workflow';
import { formatDateTime, formatTime, useT } from '../../../i18n';
import { historyLines } from '../history';
import type { HistoryEvent } from '../service';
import './history.css';

/**
 * The submission's life as a timeline, newest first: who did what (by name and role), when, from which
 * unit, with the reason of every return or rejection quoted and the name and hash of every evidence file
 * attached; a sitting's autosaves are one line.
 */
export function HistoryTimeline({
  events,
  chain,
  unitName,
}: {
  events: readonly HistoryEvent[];
  chain: readonly ChainLevel[];
  unitName: string;
}) {
  const t = useT();
  const unitOf = (id: string) => chain.find((c) => c.unitId === id)?.unitName ?? unitName;
  if (events.length === 0) return <p className="muted">{t('history.empty')}</p>;
  const ordered = historyLines(events).reverse();
  return (
    <ol className="timeline" aria-label={t('history.title')}>
      {ordered.map(({ event: e, saves, firstAt }, i) => (
        <li key={`${e.at}-${e.seq ?? i}`} className={`timeline-item timeline-${e.action}`}>
          <div className="timeline-head">
            <strong>
              {t(`event.${e.action}`)}
              {saves > 1 ? ` (${t('history.saves', { n: saves })})` : ''}
            </strong>
            <span className="muted">
              {saves > 1 ? (
                <>
                  <time dateTime={firstAt}>{formatDateTime(firstAt)}</time> –{' '}
                  <time dateTime={e.at}>
                    {formatDateTime(e.at).slice(0, 10) === formatDateTime(firstAt).slice(0, 10)
                      ? formatTime(e.at)
                      : formatDateTime(e.at)}
                  </time>
                </>
              ) : (
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              )}
            </span>
          </div>
          <p className="timeline-who">
            {e.actorName ? <strong>{e.actorName}</strong> : null}
            {e.actorName ? ' · ' : ''}
            {e.actorRoles[0] ? t(`role.${e.actorRoles[0]}`) : t('history.someone')} · {unitOf(e.actorUnitId)}
          </p>
          {e.from.state !== e.to.state ? (
            <p className="timeline-states muted">
              {t(`status.${e.from.state}`)} → {t(`status.${e.to.state}`)}
              {e.to.state === 'under_review' && e.to.level !== null && chain[e.to.level]
                ? ` (${chain[e.to.level]?.unitName})`
                : ''}
            </p>
          ) : null}
          {e.attachment ? (
            <p className="timeline-file">
              {e.attachment.name} ·{' '}
              <span className="muted" title={e.attachment.sha256}>
                SHA-256 {e.attachment.sha256.slice(0, 12)}…
              </span>
            </p>
          ) : null}
          {e.reason ? (
            <blockquote className="timeline-reason">
              {/* An approval's note, a field comment and its answer are comments, not reasons. */}
              {e.action === 'approve' || e.action === 'comment' || e.action === 'answer' ? (
                <span className="timeline-label">{t('history.comment')}: </span>
              ) : (
                <span className="visually-hidden">{t('history.reason')}: </span>
              )}
              {e.reason}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
