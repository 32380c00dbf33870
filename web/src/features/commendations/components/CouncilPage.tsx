import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '@thidua/shared/commendation';
import { useEffect, useState } from 'react';
import { formatDateTime, formatNumber } from '../../../i18n';
import { Badge, Button, Field, Fieldset } from '../../../ui';
import {
  CampaignSelect,
  ErrorBox,
  openDownload,
  useC,
  useCommendations,
  useIntent,
  useNominationCampaign,
} from '../common';
import { ApprovedPicker } from './ApprovedPicker';

/** Results appear only after the close; what a member chose is never shown anywhere. */
export function SessionResults({ s }: { s: SessionView }) {
  const c = useC();
  if (!s.results) return null;
  const byId = new Map(s.agenda.map((a) => [a.nominationId, a]));
  return (
    <table className="table">
      <caption className="table-caption">{c('council.results')}</caption>
      <thead>
        <tr>
          <th scope="col">{c('nominee')}</th>
          <th scope="col">{c('award')}</th>
          <th scope="col" className="num">
            {c('vote.agree')}
          </th>
          <th scope="col" className="num">
            {c('vote.disagree')}
          </th>
          <th scope="col">{c('council.results')}</th>
        </tr>
      </thead>
      <tbody>
        {s.results.map((r) => (
          <tr key={r.nominationId}>
            <td>{byId.get(r.nominationId)?.nomineeName}</td>
            <td>{byId.get(r.nominationId)?.awardTypeName}</td>
            <td className="num">{r.agree}</td>
            <td className="num">{r.disagree}</td>
            <td>
              <Badge tone={r.passed ? 'success' : 'danger'}>
                {r.passed ? c('council.passed') : c('council.failed')}
              </Badge>{' '}
              {formatNumber(r.agreePercent, { decimals: true })}%
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The secretariat opens a council session on approved nominations, follows the ballots and closes the vote. */
export function CouncilPage() {
  const c = useC();
  const svc = useCommendations();
  const qc = useQueryClient();
  const { list, campaignId, setCampaignId } = useNominationCampaign();
  const config = useQuery({
    queryKey: ['commendations', 'config', campaignId],
    queryFn: () => svc.config(campaignId),
    enabled: Boolean(campaignId),
  });
  const members = useQuery({ queryKey: ['commendations', 'members'], queryFn: () => svc.councilMembers() });
  const sessions = useQuery({
    queryKey: ['commendations', 'sessions', campaignId],
    queryFn: () => svc.sessions(campaignId),
    enabled: Boolean(campaignId),
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [title, setTitle] = useState('Họp xét khen thưởng');
  const [presiding, setPresiding] = useState('');
  const [bodyId, setBodyId] = useState('');
  useEffect(() => {
    if (members.data && memberIds.length === 0) setMemberIds(members.data.map((m) => m.userId));
  }, [members.data, memberIds.length]);
  const issuingBodyId = bodyId || config.data?.issuingBodies[0]?.id || '';
  const openIntent = useIntent();
  const closeIntent = useIntent();
  const refresh = () => qc.invalidateQueries({ queryKey: ['commendations'] });
  const open = useMutation({
    mutationFn: () =>
      svc.openSession(
        { campaignId, issuingBodyId, title, nominationIds: picked, memberIds, presidingName: presiding },
        openIntent.key(),
      ),
    onSuccess: async () => {
      openIntent.done();
      setPicked([]);
      await refresh();
    },
    onError: openIntent.failed,
  });
  const close = useMutation({
    mutationFn: (id: string) => svc.closeSession(id, closeIntent.key()),
    onSuccess: async () => {
      closeIntent.done();
      await refresh();
    },
    onError: closeIntent.failed,
  });

  return (
    <div className="stack">
      <h1>{c('council.title')}</h1>
      <div className="card">
        <CampaignSelect list={list} value={campaignId} onChange={setCampaignId} />
      </div>
      <section className="card c-section" aria-labelledby="open-h">
        <h2 id="open-h">{c('council.open')}</h2>
        <Fieldset legend={c('council.agenda')}>
          <ApprovedPicker campaignId={campaignId} picked={picked} onChange={setPicked} />
        </Fieldset>
        <Fieldset legend={c('council.members')}>
          <ul className="c-list">
            {(members.data ?? []).map((m) => (
              <li key={m.userId} className="c-item">
                <label>
                  <input
                    type="checkbox"
                    checked={memberIds.includes(m.userId)}
                    onChange={(e) =>
                      setMemberIds((x) =>
                        e.target.checked ? [...x, m.userId] : x.filter((u) => u !== m.userId),
                      )
                    }
                  />
                  <span>
                    {m.name} <span className="muted">{m.title}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </Fieldset>
        <div className="grid">
          <Field label={c('council.sessionTitle')} required>
            {(p) => (
              <input {...p} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
            )}
          </Field>
          <Field label={c('council.presiding')}>
            {(p) => (
              <input
                {...p}
                className="input"
                value={presiding}
                onChange={(e) => setPresiding(e.target.value)}
              />
            )}
          </Field>
          <Field label="Cơ quan ban hành">
            {(p) => (
              <select
                {...p}
                className="select"
                value={issuingBodyId}
                onChange={(e) => setBodyId(e.target.value)}
              >
                {(config.data?.issuingBodies ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <ErrorBox error={open.error} />
        <div className="c-actions">
          <Button
            variant="primary"
            disabled={picked.length === 0 || memberIds.length === 0}
            loading={open.isPending}
            onClick={() => open.mutate()}
          >
            {c('council.open')}
          </Button>
        </div>
      </section>
      <ErrorBox error={close.error} />
      <ul className="c-list">
        {(sessions.data ?? []).map((s) => (
          <li key={s.id} className="card">
            <div className="row-between">
              <h2>{s.title}</h2>
              <Badge tone={s.state === 'open' ? 'info' : 'success'}>{c(`council.state.${s.state}`)}</Badge>
            </div>
            <p className="muted">
              {formatDateTime(s.openedAt)} · {c('council.ballots', { n: s.ballotCount, m: s.members.length })}
            </p>
            <ol>
              {s.agenda.map((a) => (
                <li key={a.nominationId}>
                  {a.nomineeName} ({a.unitName}) — {a.awardTypeName}
                </li>
              ))}
            </ol>
            <SessionResults s={s} />
            <div className="c-actions">
              {s.state === 'open' ? (
                <Button variant="primary" loading={close.isPending} onClick={() => close.mutate(s.id)}>
                  {c('council.close')}
                </Button>
              ) : (
                <Button onClick={() => openDownload(() => svc.minutes(s.id))}>{c('council.minutes')}</Button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
