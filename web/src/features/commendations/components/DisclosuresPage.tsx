import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Disclosure } from '@thidua/shared/commendation';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../i18n';
import { Badge, Button, Dialog, Field } from '../../../ui';
import {
  CampaignSelect,
  ErrorBox,
  useC,
  useCommendations,
  useIntent,
  useNominationCampaign,
} from '../common';
import { ApprovedPicker } from './ApprovedPicker';

const isOpen = (d: Disclosure) =>
  d.closedEarly === null && new Date().toISOString().slice(0, 10) <= d.closesOn;

/** The secretariat publishes the proposed list for the working days the rules require, and reads the comments. */
export function DisclosuresPage() {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const { list, campaignId, setCampaignId } = useNominationCampaign();
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('Danh sách đề nghị khen thưởng');
  const disclosures = useQuery({
    queryKey: ['commendations', 'disclosures', campaignId],
    queryFn: () => svc.disclosures(campaignId),
    enabled: Boolean(campaignId),
  });
  const [expanded, setExpanded] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: ['commendations', 'disclosure', expanded],
    queryFn: () => svc.disclosure(expanded ?? ''),
    enabled: expanded !== null,
  });
  const [closing, setClosing] = useState<Disclosure | null>(null);
  const [reason, setReason] = useState('');
  const openIntent = useIntent();
  const closeIntent = useIntent();
  const refresh = () => qc.invalidateQueries({ queryKey: ['commendations'] });
  const open = useMutation({
    mutationFn: () =>
      svc.openDisclosure({ campaignId, title, nominationIds: picked, workingDays: null }, openIntent.key()),
    onSuccess: async () => {
      openIntent.done();
      setPicked([]);
      await refresh();
    },
    onError: openIntent.failed,
  });
  const close = useMutation({
    mutationFn: (d: Disclosure) => svc.closeDisclosure(d.id, reason, d.version, closeIntent.key()),
    onSuccess: async () => {
      closeIntent.done();
      setClosing(null);
      setReason('');
      await refresh();
    },
    onError: closeIntent.failed,
  });

  return (
    <div className="stack">
      <h1>{c('disclosures.title')}</h1>
      <div className="card">
        <CampaignSelect list={list} value={campaignId} onChange={setCampaignId} />
      </div>
      <section className="card c-section" aria-labelledby="appr-h">
        <h2 id="appr-h">{c('disclosures.approved')}</h2>
        <ApprovedPicker
          campaignId={campaignId}
          picked={picked}
          onChange={setPicked}
          filter={(a) => !a.record?.disclosureId}
        />
        <Field label={c('disclosures.listTitle')} required>
          {(p) => <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <ErrorBox error={open.error} />
        <div className="c-actions">
          <Button
            variant="primary"
            disabled={picked.length === 0}
            loading={open.isPending}
            onClick={() => open.mutate()}
          >
            {c('disclosures.open')}
          </Button>
        </div>
      </section>
      <ErrorBox error={close.error} />
      <ul className="c-list">
        {(disclosures.data ?? []).map((d) => (
          <li key={d.id} className="card">
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
            <ol>
              {d.entries.map((e) => (
                <li key={e.nominationId}>
                  {e.nomineeName} ({e.unitName}) — {e.awardTypeName}
                </li>
              ))}
            </ol>
            <div className="c-actions">
              <Button
                onClick={() => setExpanded(expanded === d.id ? null : d.id)}
                aria-expanded={expanded === d.id}
              >
                {c('disclosures.comments', { n: d.commentCount })}
              </Button>
              {isOpen(d) ? (
                <Button onClick={() => setClosing(d)}>{c('disclosures.closeEarly')}</Button>
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
      <Dialog
        open={closing !== null}
        title={c('disclosures.closeEarly')}
        onClose={() => setClosing(null)}
        footer={
          <>
            <Button onClick={() => setClosing(null)}>{c('cancel')}</Button>
            <Button
              variant="danger"
              disabled={reason.trim().length < 3}
              loading={close.isPending}
              onClick={() => closing && close.mutate(closing)}
            >
              {c('confirm')}
            </Button>
          </>
        }
      >
        <Field label={c('reason')} required>
          {(p) => (
            <textarea
              {...p}
              className="textarea"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </Dialog>
    </div>
  );
}
