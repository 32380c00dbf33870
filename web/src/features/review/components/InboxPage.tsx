import type { Campaign } from '@thidua/shared/campaign';
import { submissionStates } from '@thidua/shared/workflow';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../api/describe';
import { useSession } from '../../../app/services';
import { formatDateTime, formatDeadline, useT } from '../../../i18n';
import { Badge, Button, type Column, DataTable, Field, Pending, SelectAll, SelectField } from '../../../ui';
import { useCampaigns } from '../../core/queries';
import { OverdueBadge, StatusBadge } from '../../submissions/components/StatusBadge';
import { cutOffDayOf, periodWithCutOff } from '../../submissions/labels';
import { useFormTitles, useSubmissionList, useSubtreeUnits } from '../../submissions/queries';
import type { SubmissionSummary } from '../../submissions/service';
import { campaignChoices, formChoices, periodChoices } from '../choices';
import {
  availability,
  change,
  filtersFromParams,
  filtersToParams,
  type InboxFilters,
  toListQuery,
} from '../filters';
import '../review.css';
import { BulkActions } from './BulkActions';

const PAGE_SIZE = 25;

/**
 * The reviewer's inbox: what waits for the caller's unit (or everything of its subtree), filtered by
 * the keys the API can answer, a unit picker that searches by name, cursor paging, and counts.
 */
export function InboxPage() {
  const t = useT();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaigns();
  // Without a campaign in the URL, the running campaign is the filter (not written to the URL, so it
  // never races with what the person clicks); "all campaigns" is an explicit choice.
  const defaultCampaign = campaigns.data?.find((c) => c.status === 'active') ?? campaigns.data?.[0];
  const parsed = filtersFromParams(params);
  const filters = params.has('campaign') ? parsed : { ...parsed, campaignId: defaultCampaign?.id ?? '' };
  const campaign = campaigns.data?.find((c) => c.id === filters.campaignId);
  const titleOf = useFormTitles(campaign);
  const units = useSubtreeUnits(session?.claims.unitId);
  // Cursor stack: cursors[i] is the cursor of page i (undefined for the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const signature = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start from the first page
  useEffect(() => setCursors([undefined]), [signature]);
  // Picked rows of the page shown (select-all covers the page); another page or filter starts afresh.
  const [picked, setPicked] = useState<string[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page or filter clears the selection
  useEffect(() => setPicked([]), [signature, page]);

  const list = useSubmissionList(toListQuery(filters, cursors[page], PAGE_SIZE));
  // Totals come with every list (counters kept by the API, not a count of one page): one item is enough.
  const root = filters.view === 'subtree' && filters.area ? { root: filters.area } : {};
  const overdueCount = useSubmissionList(
    filters.campaignId
      ? { scope: filters.view, ...root, campaignId: filters.campaignId, overdue: true, limit: 1 }
      : null,
  );
  const returnedCount = useSubmissionList({ scope: filters.view, ...root, status: 'returned', limit: 1 });
  const areas = areasOf(units.data ?? [], session?.claims.unitId);

  // The radios answer at once (a URL change commits in a transition, after React has restored the
  // controlled input to its old value); the URL stays the source of truth.
  const [view, setView] = useState(filters.view);
  useEffect(() => setView(filters.view), [filters.view]);
  const setFilters = (f: InboxFilters) => setParams(filtersToParams(f), { replace: true });
  const update = (patch: Partial<InboxFilters>) => setFilters(change(filters, patch));
  const can = availability(filters);

  const rows = list.data?.items ?? [];
  const columns: Column<SubmissionSummary>[] = [
    {
      key: 'pick',
      header: (
        <SelectAll
          ids={rows.map((r) => r.id)}
          selected={picked}
          onChange={setPicked}
          label={t('inbox.bulk.selectAll')}
        />
      ),
      label: t('inbox.bulk.pick'),
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={t('inbox.bulk.pickRow', { unit: r.unitName, period: r.period })}
          checked={picked.includes(r.id)}
          onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id] : p.filter((x) => x !== r.id)))}
        />
      ),
    },
    {
      key: 'unit',
      header: t('inbox.col.unit'),
      label: t('inbox.col.unit'),
      cell: (r) => (
        <Link to={`/submissions/${r.id}`} className="inbox-open">
          {r.unitName}
        </Link>
      ),
    },
    { key: 'form', header: t('inbox.col.form'), label: t('inbox.col.form'), cell: (r) => titleOf(r.formKey) },
    {
      key: 'period',
      header: t('inbox.col.period'),
      label: t('inbox.col.period'),
      cell: (r) =>
        periodWithCutOff(
          r.period,
          t,
          cutOffDayOf(
            campaigns.data?.find((c) => c.id === r.campaignId),
            r.formKey,
          ),
        ),
    },
    {
      key: 'status',
      header: t('inbox.col.status'),
      label: t('inbox.col.status'),
      cell: (r) => (
        <span className="row">
          <StatusBadge state={r.state} atUnit={r.onTurnUnitName} />
          {r.dueAt && Date.parse(r.dueAt) < Date.now() && r.state !== 'approved' && r.state !== 'rejected' ? (
            <OverdueBadge />
          ) : null}
        </span>
      ),
    },
    {
      key: 'due',
      header: t('inbox.col.due'),
      label: t('inbox.col.due'),
      cell: (r) => formatDeadline(r.dueAt) || '—',
    },
    {
      key: 'updated',
      header: t('inbox.col.updated'),
      label: t('inbox.col.updated'),
      cell: (r) => formatDateTime(r.updatedAt),
    },
  ];

  const countText = (n: number | undefined) => (n === undefined ? '…' : String(n));
  const byState = list.data?.byState;

  return (
    <div>
      <h1>{t('inbox.title')}</h1>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('inbox.viewLabel')}</legend>
        {(['inbox', 'subtree'] as const).map((v) => (
          <label key={v} className={`segment ${view === v ? 'segment-on' : ''}`}>
            <input
              type="radio"
              name="view"
              checked={view === v}
              onChange={() => {
                setView(v);
                update({ view: v });
              }}
            />
            {t(v === 'inbox' ? 'inbox.view.inbox' : 'inbox.view.subtree')}
          </label>
        ))}
      </fieldset>

      <ul className="counts" aria-label={t('inbox.countsLabel')}>
        <li>
          <Badge tone="info">{t('inbox.count.total', { n: list.data?.total ?? 0 })}</Badge>
        </li>
        {filters.campaignId ? (
          <li>
            <button
              type="button"
              className="link-button"
              onClick={() => update({ overdue: true })}
              disabled={!can.overdue && !filters.overdue}
            >
              <Badge tone="danger">
                {t('inbox.count.overdue', { n: countText(overdueCount.data?.total) })}
              </Badge>
            </button>
          </li>
        ) : null}
        <li>
          <button type="button" className="link-button" onClick={() => update({ status: 'returned' })}>
            <Badge tone="warning">
              {t('inbox.count.returned', { n: countText(returnedCount.data?.total) })}
            </Badge>
          </button>
        </li>
      </ul>

      <details className="card filters" open>
        <summary>{t('common.filter')}</summary>
        <div className="filters-grid">
          <SelectField
            label={t('inbox.filter.campaign')}
            value={filters.campaignId}
            onChange={(campaignId) => update({ campaignId })}
            empty={t('common.all')}
            choices={campaignChoices(campaigns.data)}
          />
          <SelectField
            label={t('inbox.filter.form')}
            help={can.formKey || filters.formKey ? undefined : t('inbox.filter.needsCampaign')}
            value={filters.formKey}
            disabled={!can.formKey}
            onChange={(formKey) => update({ formKey })}
            empty={t('common.all')}
            choices={formChoices(campaign, titleOf)}
          />
          <SelectField
            label={t('inbox.filter.period')}
            value={filters.period}
            disabled={!can.period}
            onChange={(period) => update({ period })}
            empty={t('common.all')}
            choices={periodChoices(
              periodsOf(campaign, filters.formKey),
              t,
              cutOffDayOf(campaign, filters.formKey),
            )}
          />
          <SelectField
            label={t('inbox.filter.status')}
            value={filters.status}
            disabled={!can.status}
            onChange={(status) => update({ status })}
            empty={t('common.all')}
            choices={submissionStates.map((st) => ({
              value: st,
              // The number per state of the list as filtered by campaign, form and period (counters).
              label: byState ? `${t(`status.${st}`)} (${byState[st] ?? 0})` : t(`status.${st}`),
            }))}
          />
          {can.area ? (
            <SelectField
              label={t('inbox.filter.area')}
              help={t('inbox.filter.areaHelp')}
              value={filters.area}
              onChange={(area) => update({ area })}
              empty={t('inbox.filter.wholeArea')}
              choices={areas.map((u) => ({ value: u.id, label: u.name }))}
            />
          ) : null}
          <UnitPicker
            units={(units.data ?? []).filter((u) => u.id !== session?.claims.unitId)}
            value={filters.unitId}
            disabled={!can.unitId}
            onChange={(unitId) => update({ unitId })}
          />
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                checked={filters.overdue}
                disabled={!can.overdue && !filters.overdue}
                onChange={(e) => update({ overdue: e.target.checked })}
              />
              {t('inbox.filter.overdue')}
            </label>
            <p className="field-help">{t('inbox.filter.overdueHelp')}</p>
          </div>
        </div>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            setFilters(
              change(filtersFromParams(new URLSearchParams()), {
                view: filters.view,
                campaignId: filters.campaignId,
              }),
            )
          }
        >
          {t('common.clearFilters')}
        </Button>
      </details>

      <BulkActions selected={rows.filter((r) => picked.includes(r.id))} onDone={() => setPicked([])} />

      <Pending error={list.isError ? describeError(list.error, t) : undefined} pending={list.isPending}>
        <div aria-busy={list.isFetching}>
          <DataTable
            caption={t('inbox.caption', { page: page + 1 })}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            empty={filters.view === 'inbox' ? t('inbox.emptyInbox') : t('inbox.empty')}
          />
          <nav className="pager" aria-label={t('inbox.pager')}>
            <Button size="sm" disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('common.previous')}
            </Button>
            <span aria-live="polite">{t('common.page', { n: page + 1 })}</span>
            <Button
              size="sm"
              disabled={!list.data?.nextCursor}
              onClick={() => setCursors((c) => [...c, list.data?.nextCursor ?? undefined])}
            >
              {t('common.next')}
            </Button>
          </nav>
        </div>
      </Pending>
    </div>
  );
}

/** The units of the caller's subtree that have units below them (districts): the areas to narrow to. */
function areasOf(
  units: readonly { id: string; name: string; path: readonly string[] }[],
  own: string | undefined,
): { id: string; name: string }[] {
  const parents = new Set(units.flatMap((u) => u.path));
  return units.filter((u) => u.id !== own && parents.has(u.id));
}

function periodsOf(campaign: Campaign | undefined, formKey: string): string[] {
  if (!campaign) return [];
  return campaign.forms.find((a) => a.formKey === formKey)?.periods ?? campaign.periods;
}

/** Search a unit by name (a list with suggestions); picking one filters by it. */
function UnitPicker({
  units,
  value,
  disabled,
  onChange,
}: {
  units: readonly { id: string; name: string }[];
  value: string;
  disabled: boolean;
  onChange: (unitId: string) => void;
}) {
  const t = useT();
  const current = units.find((u) => u.id === value)?.name ?? '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const byName = useMemo(() => new Map(units.map((u) => [u.name.toLocaleLowerCase('vi'), u.id])), [units]);
  const listId = 'inbox-units';
  const commit = (v: string) => {
    const id = byName.get(v.trim().toLocaleLowerCase('vi'));
    if (id) onChange(id);
    else if (v.trim() === '') onChange('');
  };
  return (
    <Field label={t('inbox.filter.unit')} help={t('inbox.filter.unitHelp')}>
      {(p) => (
        <>
          <input
            {...p}
            className="input"
            type="search"
            list={listId}
            value={text}
            disabled={disabled}
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              commit(e.target.value);
            }}
            onBlur={(e) => commit(e.target.value)}
          />
          <datalist id={listId}>
            {units.map((u) => (
              <option key={u.id} value={u.name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
