import type { ApprovedNominationView } from '@thidua/shared/commendation';
import { Link } from 'react-router';
import { SelectAll, Skeleton } from '../../../ui';
import { PickItem, toggle, useC, useCampaignQuery, useCommendations } from '../common';

/** Checkboxes over the province-approved nominations that no council has taken up yet. */
export function ApprovedPicker({
  campaignId,
  picked,
  onChange,
  filter = () => true,
}: {
  campaignId: string;
  picked: string[];
  onChange: (ids: string[]) => void;
  filter?: (a: ApprovedNominationView) => boolean;
}) {
  const c = useC();
  const svc = useCommendations();
  const approved = useCampaignQuery(['approved'], campaignId, (id) => svc.approved(id));
  if (approved.isLoading) return <Skeleton label={c('loading')} />;
  const rows = (approved.data ?? []).filter(filter);
  if (rows.length === 0) return <p className="muted">{c('empty')}</p>;
  return (
    <>
      <SelectAll
        ids={rows.map((a) => a.nominationId)}
        selected={picked}
        onChange={onChange}
        label={c('selectAll', { n: rows.length })}
      />
      <ul className="c-list">
        {rows.map((a) => (
          <PickItem
            key={a.nominationId}
            checked={picked.includes(a.nominationId)}
            onChange={(on) => onChange(toggle(picked, a.nominationId, on))}
          >
            {a.record
              ? `${a.record.nomineeName} — ${a.record.awardTypeName}`
              : a.nominee
                ? `${a.nominee.name} — ${a.nominee.awardTypeName}`
                : a.nominationId}{' '}
            ({a.unitName}) <Link to={`/submissions/${a.nominationId}`}>{a.nominationId.slice(-6)}</Link>
          </PickItem>
        ))}
      </ul>
    </>
  );
}
