import { Link } from 'react-router';
import { describeError } from '../../../api/describe';
import { formatDate, useT } from '../../../i18n';
import { Alert, Badge, Skeleton } from '../../../ui';
import { useCampaigns } from '../../core/queries';

export function CampaignsPage() {
  const t = useT();
  const campaigns = useCampaigns();
  if (campaigns.isError) return <Alert tone="danger">{describeError(campaigns.error, t)}</Alert>;
  if (!campaigns.data) return <Skeleton lines={4} />;
  return (
    <div>
      <h1>{t('campaigns.title')}</h1>
      {campaigns.data.length === 0 ? <p className="muted">{t('campaigns.none')}</p> : null}
      <ul className="campaign-list">
        {campaigns.data.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted">
              {t('home.plan', { number: c.number, date: formatDate(c.issuedOn) })} · {c.issuer}
            </p>
            <Badge tone={c.status === 'active' ? 'success' : 'neutral'}>
              {t(`campaigns.status.${c.status}`)}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
