import { Link, useParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { formatDateTime, useT } from '../../../i18n';
import { Alert, Skeleton } from '../../../ui';
import { useVersions } from '../service';
import { useBuilderT } from './controls';
import '../builder.css';

/** `/campaign-builder/:campaignId/versions`: every published version and every audited change. */
export function VersionsPage() {
  const { campaignId = '' } = useParams();
  const t = useBuilderT();
  const core = useT();
  const history = useVersions(campaignId);
  if (history.isError) return <Alert tone="danger">{describeError(history.error, core)}</Alert>;
  if (!history.data) return <Skeleton lines={6} />;
  const { versions, events } = history.data;
  return (
    <div className="cb">
      <p>
        <Link to="/campaign-builder">{t('back')}</Link>
      </p>
      <h1>{t('versions.title', { title: campaignId })}</h1>
      <p>
        <Link to={`/campaign-builder/${campaignId}`}>{t('versions.edit')}</Link>
      </p>
      {versions.length === 0 ? <p className="muted">{t('versions.none')}</p> : null}
      <ol className="cb-list" reversed>
        {versions.map((v) => (
          <li key={v.version} className="card">
            <h2>{t('versions.item', { version: v.version })}</h2>
            <p className="muted">
              {t('versions.by', {
                at: formatDateTime(v.publishedAt),
                name: v.publishedByName || v.publishedBy,
              })}
            </p>
            {v.note ? <p>{v.note}</p> : null}
            <p>
              {t('versions.changed', {
                fields: v.changed.includes('*') ? t('versions.all') : v.changed.join(', '),
              })}
            </p>
          </li>
        ))}
      </ol>
      <section aria-labelledby="cb-events">
        <h2 id="cb-events">{t('versions.events')}</h2>
        <ol className="cb-list">
          {events.map((e) => (
            <li key={e.seq}>
              {formatDateTime(e.at)} —{' '}
              {e.kind === 'copied'
                ? t('versions.event.copied', { source: e.sourceCampaignId ?? '' })
                : t(`versions.event.${e.kind}`, { version: e.version ?? '' })}{' '}
              <code className="muted" title={e.hash}>
                #{e.hash.slice(0, 10)}
              </code>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
