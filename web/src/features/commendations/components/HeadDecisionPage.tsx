import { type HeadDesk, isIssued } from '@thidua/shared/commendation';
import { useState } from 'react';
import { useSession } from '../../../app/services';
import { Alert, Badge, Button, SelectField, Skeleton, TextField } from '../../../ui';
import {
  CampaignHeader,
  ConfirmAction,
  ErrorBox,
  openDownload,
  PickItem,
  ReasonDialog,
  toggle,
  useCampaignQuery,
  useCommendationPage,
  useIntentMutation,
  useReasonTarget,
} from '../common';
import { DecisionPdfButton, DecisionStatus, SignatureIssue } from './DecisionSigning';
import { DossierEntry } from './DossierPanel';
import { CertificateButtons, type GivenNumberInput } from './SignPage';

type Desk = HeadDesk;
type Register = Desk['registers'][number];
type Signer = Desk['signers'][number];

/** "Nguyễn Văn A (CHỦ TỊCH)", or a deputy signing for the head: "(KT. CHỦ TỊCH - PHÓ CHỦ TỊCH)". */
const signerLine = (signers: readonly Signer[], chosen: Signer | undefined): string => {
  if (!chosen) return '…';
  const head = signers.find((h) => h.role === 'head');
  return chosen.role === 'head'
    ? `${chosen.name} (${chosen.title})`
    : `${chosen.name} (KT. ${head?.title ?? 'CHỦ TỊCH'} - ${chosen.title})`;
};

/**
 * The nominations waiting for the head, each with its dossier, and the decision on those picked: the
 * dialog says which number the unit's register gives (or the văn thư's number, typed), who signs, and who
 * will see it — the public and the proposing units — before anything is taken.
 */
function Waiting({ desk, campaignId, onDone }: { desk: Desk; campaignId: string; onDone: () => unknown }) {
  const { c, svc } = useCommendationPage();
  const [picked, setPicked] = useState<string[]>([]);
  const [signerId, setSignerId] = useState('');
  const [given, setGiven] = useState<GivenNumberInput>({ number: '', date: '' });
  const chosen = desk.items.filter((i) => picked.includes(i.nominationId));
  const register: Register | undefined = desk.registers.find(
    (r) => r.issuingBodyId === (chosen[0] ?? desk.items[0])?.issuingBodyId,
  );
  const external = register?.mode === 'external';
  const signer = desk.signers.find((h) => h.id === signerId) ?? desk.signers[0];
  const digital = desk.signingMode !== 'paper';
  const decide = useIntentMutation(
    (_: undefined, key) =>
      svc.decideByHead(
        {
          campaignId,
          nominationIds: picked,
          ...(signer && signer.role !== 'head' ? { signerId: signer.id } : {}),
          ...(external ? { register: { number: Number(given.number), date: given.date } } : {}),
        },
        key,
      ),
    () => {
      setPicked([]);
      setGiven({ number: '', date: '' });
      return onDone();
    },
  );
  if (desk.items.length === 0) return <p className="muted">{c('head.none')}</p>;
  const sameBody = new Set(chosen.map((i) => i.issuingBodyId)).size === 1;
  const units = [...new Set(chosen.map((i) => i.unitName))].join(', ');
  const facts = {
    n: chosen.length,
    body: register?.issuingBodyName ?? '',
    year: register?.year ?? '',
    signer: signerLine(desk.signers, signer),
    units,
  };
  return (
    <>
      {register ? (
        <p className="muted">
          {external
            ? c('head.registerExternal', { body: register.issuingBodyName, year: register.year })
            : c('head.register', {
                body: register.issuingBodyName,
                year: register.year,
                number: register.nextNumberText ?? '…',
              })}
        </p>
      ) : null}
      <ul className="c-list">
        {desk.items.map((item) => (
          <PickItem
            key={item.nominationId}
            checked={picked.includes(item.nominationId)}
            onChange={(on) => setPicked((p) => toggle(p, item.nominationId, on))}
            aside={<DossierEntry item={item} />}
          >
            {item.nomineeName} ({item.unitName}) — {item.awardTypeName}
          </PickItem>
        ))}
      </ul>
      {desk.signers.length === 0 ? <Alert tone="warning">{c('sign.noHolder')}</Alert> : null}
      <ErrorBox error={decide.error} />
      <div className="c-actions">
        <ConfirmAction
          label={c('head.decide')}
          pending={decide.isPending}
          disabled={
            chosen.length === 0 ||
            !sameBody ||
            desk.signers.length === 0 ||
            (external && !(/^\d+$/.test(given.number) && given.date))
          }
          onConfirm={() => decide.mutate(undefined)}
          message={`${
            external
              ? c('confirm.headDecideExternal', { ...facts, number: given.number, date: given.date })
              : c('confirm.headDecide', { ...facts, number: register?.nextNumberText ?? '…' })
          }${digital ? ` ${c('head.digitalNote')}` : ''}`}
        >
          {desk.signers.length > 1 ? (
            <SelectField
              label={c('sign.signer')}
              value={signer?.id ?? ''}
              onChange={setSignerId}
              choices={desk.signers.map((h) => ({ value: h.id, label: `${h.name} — ${h.title}` }))}
            />
          ) : null}
        </ConfirmAction>
      </div>
      {external ? (
        <div className="c-actions">
          <TextField
            label={c('sign.givenNumber')}
            required
            value={given.number}
            onChange={(number) => setGiven((g) => ({ ...g, number }))}
          />
          <TextField
            label={c('sign.givenDate')}
            required
            value={given.date}
            onChange={(date) => setGiven((g) => ({ ...g, date }))}
          />
        </div>
      ) : null}
    </>
  );
}

/**
 * This year's head decisions: their documents, the certificates to print, and the revocation of an award —
 * a reason and the legal basis it rests on, then a confirmation that says which number the revocation
 * takes and who will see it.
 */
function Decisions({ desk, onDone }: { desk: Desk; onDone: () => unknown }) {
  const { c, svc } = useCommendationPage();
  // The server's key signs for the decision's own signer only (the policy's `signerId`); others upload.
  const userId = useSession()?.claims.sub ?? '';
  const [legalBasis, setLegalBasis] = useState('');
  const revoking = useReasonTarget<{ decisionId: string; nominationId: string }>();
  const revoke = useIntentMutation(
    (t: { decisionId: string; nominationId: string }, key) =>
      svc.revoke(t.decisionId, t.nominationId, revoking.reason, key, legalBasis.trim()),
    () =>
      revoking.finish(() => {
        setLegalBasis('');
        return onDone();
      }),
  );
  if (desk.decisions.length === 0) return <p className="muted">{c('head.noDecisions')}</p>;
  const target = revoking.target;
  const decision = desk.decisions.find((x) => x.decision.id === target?.decisionId)?.decision;
  const entry = decision?.entries.find((e) => e.nominationId === target?.nominationId);
  const register = desk.registers.find((r) => decision?.issuingBodyId.startsWith(`${r.issuingBodyId}__`));
  return (
    <>
      {desk.decisions.map(({ decision: d, revocations }) => {
        const revoked = new Map(revocations.map((r) => [r.nominationId, r]));
        // Printing and revoking concern a decision in force: issued (on paper when decided, digitally
        // once its verified signature issued it).
        const issued = isIssued(d);
        return (
          <section key={d.id} className="card" aria-label={d.numberText}>
            <DecisionStatus decision={d} />
            {issued ? null : <p>{c('sign.step1')}</p>}
            <ul className="c-list">
              {d.entries.map((e) => (
                <li key={e.nominationId} className="c-item">
                  <span>
                    {e.nomineeName} ({e.unitName}) — {e.awardTypeName}
                  </span>
                  {revoked.has(e.nominationId) ? (
                    <Badge tone="danger">
                      {c('sign.revoked')} ({revoked.get(e.nominationId)?.numberText})
                    </Badge>
                  ) : !issued ? null : (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => revoking.open({ decisionId: d.id, nominationId: e.nominationId })}
                    >
                      {c('sign.revoke')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            <div className="c-actions">
              <Button onClick={() => openDownload(() => svc.decisionDocument(d.id, 'docx'))}>
                {c('download')}
              </Button>
              <DecisionPdfButton decision={d} />
              {issued ? (
                <CertificateButtons
                  decisionId={d.id}
                  awardTypeIds={d.entries
                    .filter((e) => !revoked.has(e.nominationId))
                    .map((e) => e.awardTypeId)}
                />
              ) : null}
            </div>
            {issued ? null : (
              <>
                <p className="muted">{c('head.awaitingHelp')}</p>
                <SignatureIssue
                  decision={d}
                  serverSigner={desk.serverSigner === true && d.signerId === userId}
                  notified={[...new Set(d.entries.map((e) => e.unitName))].join(', ')}
                  onIssued={onDone}
                />
              </>
            )}
          </section>
        );
      })}
      <ErrorBox error={revoke.error} />
      <ReasonDialog
        title={c('head.revoke')}
        state={revoking}
        pending={revoke.isPending}
        ready={legalBasis.trim().length >= 3}
        onConfirm={(t) => revoke.mutate(t)}
      >
        <TextField label={c('legalBasis')} required value={legalBasis} onChange={setLegalBasis} />
        <p className="muted">{c('legalBasis.help')}</p>
        <p>
          {c('confirm.revoke', {
            nominee: entry?.nomineeName ?? '',
            number: register?.nextNumberText ?? '…',
            body: register?.issuingBodyName ?? '',
            signer: signerLine(
              desk.signers,
              desk.signers.find((h) => h.role === 'head'),
            ),
            decision: decision?.numberText ?? '',
            unit: entry?.unitName ?? '',
          })}
        </p>
        <p className="muted">{c('confirm.irreversible')}</p>
      </ReasonDialog>
    </>
  );
}

/** A commune's (ward's, department's) head decides its own awards here; its office prepares. */
export function HeadDecisionPage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const desk = useCampaignQuery(['head-desk'], campaign.campaignId, (id) => svc.headDesk(id));
  const done = () => refresh('head-desk');
  return (
    <div className="stack">
      <CampaignHeader
        title={c('head.title')}
        intro={desk.data ? c('head.intro', { unit: desk.data.unitName }) : undefined}
        campaign={campaign}
      />
      {desk.isLoading ? <Skeleton label={c('loading')} /> : null}
      {desk.data ? (
        <>
          <section className="card c-section" aria-label={c('head.waiting')}>
            <h2>{c('head.waiting')}</h2>
            <Waiting desk={desk.data} campaignId={campaign.campaignId} onDone={done} />
          </section>
          <section className="card c-section" aria-label={c('head.decisions')}>
            <h2>{c('head.decisions')}</h2>
            <Decisions desk={desk.data} onDone={done} />
          </section>
        </>
      ) : null}
    </div>
  );
}
