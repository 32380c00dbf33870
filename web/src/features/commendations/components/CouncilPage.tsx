import { useQuery } from '@tanstack/react-query';
import type { SessionView } from '@thidua/shared/commendation';
import { useEffect, useState } from 'react';
import { useSession } from '../../../app/services';
import { formatDateTime, formatNumber } from '../../../i18n';
import { useShellMe } from '../../../layout/useShellMe';
import { Badge, Button, Fieldset, SelectField, TextField } from '../../../ui';
import {
  CampaignHeader,
  ConfirmAction,
  EntryList,
  ErrorBox,
  openDownload,
  PickItem,
  PrimaryAction,
  toggle,
  useC,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
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

/** The meeting's facts for the biên bản, entered at the close (the API validates them). */
const meetingKeys = [
  'place',
  'startsAt',
  'endsAt',
  'chairName',
  'chairTitle',
  'secretaryName',
  'secretaryTitle',
] as const;
type MeetingKey = (typeof meetingKeys)[number];
const emptyMeeting = Object.fromEntries(meetingKeys.map((k) => [k, ''])) as Record<MeetingKey, string>;

/** The secretariat opens a council session on approved nominations, follows the ballots and closes the vote. */
export function CouncilPage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const { campaignId } = campaign;
  const config = useCampaignQuery(['config'], campaignId, (id) => svc.config(id));
  const members = useQuery({ queryKey: ['commendations', 'members'], queryFn: () => svc.councilMembers() });
  const sessions = useCampaignQuery(['sessions'], campaignId, (id) => svc.sessions(id));
  const [picked, setPicked] = useState<string[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [title, setTitle] = useState('Họp xét khen thưởng');
  const [presiding, setPresiding] = useState('');
  const [bodyId, setBodyId] = useState('');
  // A commune's (ward's, department's) own council decides its own body's awards only (ADR 0037); the
  // province's, the province's bodies. Until the province is known, every body is offered.
  const me = useShellMe().data;
  const root = me?.rootUnitId;
  const unitId = useSession()?.claims?.unitId;
  const atUnit = root !== undefined && root !== '' && unitId !== undefined && unitId !== root;
  const bodies = (config.data?.issuingBodies ?? []).filter(
    (b) => root === undefined || root === '' || (b.unitScoped === true) === atUnit,
  );
  useEffect(() => {
    if (members.data && memberIds.length === 0) setMemberIds(members.data.map((m) => m.userId));
  }, [members.data, memberIds.length]);
  const issuingBodyId = bodyId || bodies[0]?.id || '';
  const open = useIntentMutation(
    (_: undefined, key) =>
      svc.openSession(
        { campaignId, issuingBodyId, title, nominationIds: picked, memberIds, presidingName: presiding },
        key,
      ),
    () => {
      setPicked([]);
      return refresh();
    },
  );
  const [meeting, setMeeting] = useState<Record<MeetingKey, string>>(emptyMeeting);
  const close = useIntentMutation(
    (id: string, key) =>
      svc.closeSession(id, key, Object.values(meeting).some((v) => v.trim()) ? meeting : undefined),
    () => {
      setMeeting(emptyMeeting);
      return refresh();
    },
  );

  return (
    <div className="stack">
      <CampaignHeader title={c('council.title')} campaign={campaign} />
      <section className="card c-section" aria-labelledby="open-h">
        <h2 id="open-h">{c('council.open')}</h2>
        <Fieldset legend={c('council.agenda')}>
          <ApprovedPicker campaignId={campaignId} picked={picked} onChange={setPicked} />
        </Fieldset>
        <Fieldset legend={c('council.members')}>
          <ul className="c-list">
            {(members.data ?? []).map((m) => (
              <PickItem
                key={m.userId}
                checked={memberIds.includes(m.userId)}
                onChange={(on) => setMemberIds((x) => toggle(x, m.userId, on))}
              >
                {m.name} <span className="muted">{m.title}</span>
              </PickItem>
            ))}
          </ul>
        </Fieldset>
        <div className="grid">
          <TextField label={c('council.sessionTitle')} required value={title} onChange={setTitle} />
          <TextField label={c('council.presiding')} value={presiding} onChange={setPresiding} />
          <SelectField
            label={c('council.issuingBody')}
            value={issuingBodyId}
            onChange={setBodyId}
            choices={bodies.map((b) => ({
              value: b.id,
              // A unit-scoped body is named after the caller's unit: "Ủy ban nhân dân Phường Tân Phú".
              label: atUnit && me ? b.name.replaceAll('{unit}', me.unitName) : b.name,
            }))}
          />
        </div>
        <PrimaryAction
          label={c('council.open')}
          mutation={open}
          disabled={picked.length === 0 || memberIds.length === 0}
          onClick={() => open.mutate(undefined)}
        />
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
            <EntryList entries={s.agenda} />
            <SessionResults s={s} />
            <div className="c-actions">
              {s.state === 'open' ? (
                <ConfirmAction
                  label={c('council.close')}
                  message={c('confirm.closeSession', { n: s.ballotCount, m: s.members.length })}
                  pending={close.isPending}
                  onConfirm={() => close.mutate(s.id)}
                >
                  <Fieldset legend={c('council.meeting')}>
                    {meetingKeys.map((k) => (
                      <TextField
                        key={k}
                        label={c(`council.meeting.${k}`)}
                        value={meeting[k]}
                        onChange={(v) => setMeeting((m) => ({ ...m, [k]: v }))}
                      />
                    ))}
                  </Fieldset>
                </ConfirmAction>
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
