import { useQuery } from '@tanstack/react-query';
import type { Disclosure } from '@thidua/shared/commendation';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { formatDate, formatDateTime } from '../../../i18n';
import { Alert, Badge, Button, TextField } from '../../../ui';
import { itemOfHash, useItemAnchor } from '../../notifications/anchor';
import {
  CampaignHeader,
  EntryList,
  ErrorBox,
  PrimaryAction,
  ReasonDialog,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
  useReasonTarget,
} from '../common';
import { ApprovedPicker } from './ApprovedPicker';

const isOpen = (d: Disclosure) =>
  d.closedEarly === null && new Date().toISOString().slice(0, 10) <= d.closesOn;

/** The secretariat publishes the proposed list for the working days the rules require, and reads the comments. */
export function DisclosuresPage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const { campaignId } = campaign;
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('Danh sách đề nghị khen thưởng');
  const disclosures = useCampaignQuery(['disclosures'], campaignId, (id) => svc.disclosures(id));
  // A notice's link (a public comment) opens the page at its list, with the comments shown.
  const { hash } = useLocation();
  const [expanded, setExpanded] = useState<string | null>(itemOfHash(hash, 'disclosure') ?? null);
  useItemAnchor(disclosures.isSuccess, 'disclosure');
  const detail = useQuery({
    queryKey: ['commendations', 'disclosure', expanded],
    queryFn: () => svc.disclosure(expanded ?? ''),
    enabled: expanded !== null,
  });
  const closing = useReasonTarget<Disclosure>();
  const open = useIntentMutation(
    (_: undefined, key) =>
      svc.openDisclosure({ campaignId, title, nominationIds: picked, workingDays: null }, key),
    () => {
      setPicked([]);
      return refresh();
    },
  );
  const [decidedBy, setDecidedBy] = useState('');
  const [authorityDoc, setAuthorityDoc] = useState('');
  const close = useIntentMutation(
    (d: Disclosure, key) =>
      svc.closeDisclosure(
        d.id,
        closing.reason,
        d.version,
        key,
        decidedBy.trim() || authorityDoc.trim() ? { decidedBy, document: authorityDoc } : undefined,
      ),
    () => closing.finish(refresh),
  );

  return (
    <div className="stack">
      <CampaignHeader title={c('disclosures.title')} campaign={campaign} />
      <section className="card c-section" aria-labelledby="appr-h">
        <h2 id="appr-h">{c('disclosures.approved')}</h2>
        <ApprovedPicker
          campaignId={campaignId}
          picked={picked}
          onChange={setPicked}
          filter={(a) => !a.record?.disclosureId}
        />
        <TextField label={c('disclosures.listTitle')} required value={title} onChange={setTitle} />
        <PrimaryAction
          label={c('disclosures.open')}
          mutation={open}
          disabled={picked.length === 0}
          onClick={() => open.mutate(undefined)}
        />
      </section>
      <ErrorBox error={close.error} />
      <ul className="c-list">
        {(disclosures.data ?? []).map((d) => (
          <li key={d.id} id={`disclosure-${d.id}`} tabIndex={-1} className="card">
            <div className="row-between">
              <h2>{d.title}</h2>
              <Badge tone={isOpen(d) ? 'info' : 'neutral'}>
                {isOpen(d) ? c('disclosures.openNow') : c('disclosures.ended')}
              </Badge>
            </div>
            <p>
              {c('disclosures.window', {
                from: formatDate(d.opensOn),
                to: formatDate(d.closesOn),
                days: d.workingDays,
              })}
            </p>
            {d.closedEarly ? (
              <Alert tone="warning">
                {c('disclosures.endedEarly', {
                  at: formatDateTime(d.closedEarly.at),
                  reason: d.closedEarly.reason,
                })}
                {d.closedEarly.authority ? ` ${c('disclosures.authority', d.closedEarly.authority)}` : ''}
              </Alert>
            ) : null}
            <EntryList entries={d.entries} />
            <div className="c-actions">
              <Button
                onClick={() => setExpanded(expanded === d.id ? null : d.id)}
                aria-expanded={expanded === d.id}
              >
                {c('disclosures.comments', { n: d.commentCount })}
              </Button>
              {isOpen(d) ? (
                <Button onClick={() => closing.open(d)}>{c('disclosures.closeEarly')}</Button>
              ) : null}
            </div>
            {expanded === d.id ? (
              <ul className="c-list">
                {(detail.data?.comments ?? []).map((x) => (
                  <li key={x.id} className="card">
                    <p className="muted">
                      {formatDateTime(x.receivedAt)} · {x.authorName || '—'}{' '}
                      {x.contact ? `· ${x.contact}` : ''}
                    </p>
                    <p>{x.body}</p>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <ReasonDialog
        title={c('disclosures.closeEarly')}
        state={closing}
        pending={close.isPending}
        onConfirm={(d) => close.mutate(d)}
      >
        <p className="muted">
          {closing.target
            ? c('disclosures.minimum', {
                days: closing.target.minimumWorkingDays ?? closing.target.workingDays,
              })
            : ''}
        </p>
        <TextField label={c('disclosures.decidedBy')} value={decidedBy} onChange={setDecidedBy} />
        <TextField label={c('disclosures.authorityDoc')} value={authorityDoc} onChange={setAuthorityDoc} />
        <p>{c('confirm.closeDisclosure')}</p>
        <p className="muted">{c('confirm.irreversible')}</p>
      </ReasonDialog>
    </div>
  );
}
