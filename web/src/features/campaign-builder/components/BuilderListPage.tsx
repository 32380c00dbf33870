import { useQueryClient } from '@tanstack/react-query';
import { CAMPAIGN_2023_ID } from '@thidua/shared/campaign';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../../api/describe';
import { formatDate, formatDateTime, useT } from '../../../i18n';
import { Alert, Badge, Button, Field, Skeleton } from '../../../ui';
import { useCampaigns } from '../../core/queries';
import { builderKeys, useBuilderApi, useDrafts, useInheritedCampaigns } from '../service';
import { NumberControl, useBuilderT } from './controls';
import '../builder.css';

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `kh38-2023` copied into 2026 → `kh38-2026`; otherwise the source id with the year appended. */
export const suggestedId = (sourceId: string, sourceYear: number, year: number): string =>
  sourceId.includes(String(sourceYear))
    ? sourceId.replaceAll(String(sourceYear), String(year))
    : `${sourceId}-${year}`;

/** `/campaign-builder`: drafts in progress, published campaigns, copy into another year, a new campaign. */
export function BuilderListPage() {
  const t = useBuilderT();
  const core = useT();
  const campaigns = useCampaigns();
  const drafts = useDrafts();
  const b = useBuilderApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();

  const [source, setSource] = useState('');
  const [year, setYear] = useState(String(thisYear));
  const [copyId, setCopyId] = useState('');
  const [newId, setNewId] = useState('');
  const [newYear, setNewYear] = useState(String(thisYear));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const list = campaigns.data ?? [];
  const inherited = useInheritedCampaigns();
  // Sources: the province's own campaigns (key = id), then each merged province's (key = tenant/id).
  const sources: CopySource[] = [
    ...list.map((c) => ({ key: c.id, id: c.id, year: c.year })),
    ...(inherited.data ?? []).map((x) => ({
      key: `${x.tenantId}/${x.campaign.id}`,
      id: x.campaign.id,
      year: x.campaign.year,
      tenantId: x.tenantId,
    })),
  ];
  const chosen = sources.find(
    (c) =>
      c.key === (source || (list.some((c) => c.id === CAMPAIGN_2023_ID) ? CAMPAIGN_2023_ID : list[0]?.id)),
  );
  const idToCopy = copyId || (chosen ? suggestedId(chosen.id, chosen.year, Number(year)) : '');
  const groups = new Map<string, NonNullable<typeof inherited.data>>();
  for (const x of inherited.data ?? []) groups.set(x.tenantId, [...(groups.get(x.tenantId) ?? []), x]);

  const copy = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || !ID_PATTERN.test(idToCopy)) return;
    setBusy(true);
    setFailure(null);
    try {
      const body = { id: idToCopy, year: Number(year) };
      await b.copy(
        chosen.id,
        chosen.tenantId ? { ...body, sourceTenantId: chosen.tenantId } : body,
        crypto.randomUUID(),
      );
      await queryClient.invalidateQueries({ queryKey: builderKeys.drafts });
      navigate(`/campaign-builder/${idToCopy}`);
    } catch (err) {
      setFailure(describeError(err, core));
    } finally {
      setBusy(false);
    }
  };

  if (campaigns.isError) return <Alert tone="danger">{describeError(campaigns.error, core)}</Alert>;
  if (!campaigns.data) return <Skeleton lines={6} />;
  return (
    <div className="cb">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.intro')}</p>

      <section aria-labelledby="cb-copy" className="card cb-section">
        <h2 id="cb-copy">{t('copy.title')}</h2>
        <form onSubmit={(e) => void copy(e)}>
          <div className="grid">
            <Field label={t('copy.source')} required>
              {(p) => (
                <select
                  {...p}
                  className="select"
                  value={chosen?.key ?? ''}
                  onChange={(e) => {
                    setSource(e.target.value);
                    setCopyId('');
                  }}
                >
                  <optgroup label={t('copy.own')}>
                    {list.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title} ({c.number})
                      </option>
                    ))}
                  </optgroup>
                  {[...groups].map(([tenantId, items]) => (
                    <optgroup
                      key={tenantId}
                      label={t('copy.inherited', {
                        name: items[0]?.tenantName ?? tenantId,
                        date: formatDate(items[0]?.mergedOn ?? ''),
                      })}
                    >
                      {items.map((x) => (
                        <option key={x.campaign.id} value={`${tenantId}/${x.campaign.id}`}>
                          {x.campaign.title} ({x.campaign.number}, {items[0]?.tenantName})
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            <YearField
              label={t('copy.year')}
              value={year}
              onChange={(v) => {
                setYear(v);
                setCopyId('');
              }}
            />
            <IdField label={t('copy.id')} value={idToCopy} onChange={setCopyId} />
          </div>
          <p className="muted">{t('copy.clears')}</p>
          {chosen?.tenantId ? <Alert tone="info">{t('copy.acrossMerger')}</Alert> : null}
          {failure ? <Alert tone="danger">{failure}</Alert> : null}
          <Button type="submit" variant="primary" loading={busy} disabled={!chosen}>
            {t('copy.submit')}
          </Button>
        </form>
      </section>

      <section aria-labelledby="cb-drafts" className="card cb-section">
        <h2 id="cb-drafts">{t('list.drafts')}</h2>
        {drafts.isError ? <Alert tone="danger">{describeError(drafts.error, core)}</Alert> : null}
        {drafts.data?.length === 0 ? <p className="muted">{t('list.noDrafts')}</p> : null}
        <ul className="cb-list">
          {(drafts.data ?? []).map((d) => (
            <li key={d.campaignId}>
              <Link to={`/campaign-builder/${d.campaignId}`}>
                {t('list.continue', { title: d.title || d.campaignId })}
              </Link>{' '}
              <span className="muted">{t('list.updated', { at: formatDateTime(d.updatedAt) })}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cb-published" className="card cb-section">
        <h2 id="cb-published">{t('list.published')}</h2>
        <ul className="cb-list">
          {list.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>{' '}
              <Badge tone={c.status === 'active' ? 'success' : 'neutral'}>
                {core(`campaigns.status.${c.status}`)}
              </Badge>
              <br />
              <span className="muted">
                {core('home.plan', { number: c.number, date: formatDate(c.issuedOn) })}
              </span>
              <div className="row">
                <Link to={`/campaign-builder/${c.id}`}>{t('list.edit', { title: c.number })}</Link>
                <Link to={`/campaign-builder/${c.id}/versions`}>
                  {t('list.history', { title: c.number })}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cb-new" className="card cb-section">
        <h2 id="cb-new">{t('new.title')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ID_PATTERN.test(newId))
              navigate(`/campaign-builder/${newId}?year=${Number(newYear) || thisYear}`);
          }}
        >
          <div className="grid">
            <IdField label={t('new.id')} value={newId} onChange={setNewId} />
            <YearField label={t('plan.year')} value={newYear} onChange={setNewYear} />
          </div>
          <Button type="submit" disabled={!ID_PATTERN.test(newId)}>
            {t('new.submit')}
          </Button>
        </form>
      </section>
    </div>
  );
}

/** A campaign offered as the source of a copy: the province's own, or a merged province's (`tenantId`). */
interface CopySource {
  key: string;
  id: string;
  year: number;
  tenantId?: string;
}

interface PlainField {
  label: string;
  value: string;
  onChange: (v: string) => void;
}

/** A campaign id: checked as typed (it becomes part of every key and URL and never changes). */
function IdField({ label, value, onChange }: PlainField) {
  const t = useBuilderT();
  return (
    <Field
      label={label}
      help={t('copy.idHelp')}
      required
      error={value && !ID_PATTERN.test(value) ? t('copy.idHelp') : undefined}
    >
      {(p) => (
        <input {...p} className="input" value={value} onChange={(e) => onChange(e.target.value.trim())} />
      )}
    </Field>
  );
}

function YearField({ label, value, onChange }: PlainField) {
  return (
    <Field label={label} required>
      {(p) => <NumberControl control={p} min={2000} max={2100} value={value} onChange={onChange} />}
    </Field>
  );
}
