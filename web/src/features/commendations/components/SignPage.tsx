import { useQuery } from '@tanstack/react-query';
import { isIssued, type SessionView } from '@thidua/shared/commendation';
import { useState } from 'react';
import { Alert, Badge, Button, SelectField, TextField } from '../../../ui';
import { useItemAnchor } from '../../notifications/anchor';
import {
  AnchoredSection,
  CampaignHeader,
  ConfirmAction,
  ErrorBox,
  openDownload,
  openPdf,
  openPrintable,
  ReasonDialog,
  useC,
  useCampaignQuery,
  useCommendationPage,
  useCommendations,
  useIntentMutation,
  useReasonTarget,
  useRefresh,
} from '../common';
import { SessionResults } from './CouncilPage';
import { DecisionPdfButton, DecisionStatus, SignatureIssue } from './DecisionSigning';
import { DossierEntry, SessionFile, useSessionDossier } from './DossierPanel';

/** One print button per configured blank that carries an awardee of the decision. */
export function CertificateButtons({
  decisionId,
  awardTypeIds,
}: {
  decisionId: string;
  awardTypeIds: string[];
}) {
  const { c, svc, campaign } = useCommendationPage();
  const config = useCampaignQuery(['config'], campaign.campaignId, (id) => svc.config(id));
  const blanks = (config.data?.certificateBlanks ?? []).filter((b) =>
    b.awardTypeIds.some((a) => awardTypeIds.includes(a)),
  );
  return (
    <>
      {blanks.map((b) => (
        <span key={b.id} className="c-actions">
          <Button onClick={() => openPdf(() => svc.certificatesPdf(decisionId, b.id))}>
            {c('cert.print', { name: b.name })}
          </Button>
          <Button variant="ghost" onClick={() => openPrintable(() => svc.certificates(decisionId, b.id))}>
            {c('cert.preview')}
          </Button>
        </span>
      ))}
    </>
  );
}

function DecisionCard({ decisionId }: { decisionId: string }) {
  const c = useC();
  const svc = useCommendations();
  const refresh = useRefresh();
  const d = useQuery({
    queryKey: ['commendations', 'decision', decisionId],
    queryFn: () => svc.decision(decisionId),
  });
  const revoking = useReasonTarget<string>();
  const revoke = useIntentMutation(
    (nominationId: string, key) => svc.revoke(decisionId, nominationId, revoking.reason, key),
    () => revoking.finish(() => refresh('decision', decisionId)),
  );
  if (!d.data) return null;
  const { decision, revocations, serverSigner } = d.data;
  const revoked = new Map(revocations.map((r) => [r.nominationId, r]));
  // Certificates and revocations concern an issued decision only: before, it is not yet in force.
  const issued = isIssued(decision);
  return (
    <div className="card">
      <DecisionStatus decision={decision} />
      {decision.state === 'awaiting_signature' ? <p>{c('sign.step1')}</p> : null}
      <ul className="c-list">
        {decision.entries.map((e) => (
          <li key={e.nominationId} className="c-item">
            <span>
              {e.nomineeName} ({e.unitName}) — {e.awardTypeName}{' '}
              <Badge tone={e.outcome === 'awarded' ? 'success' : 'neutral'}>
                {e.outcome === 'awarded' ? c('council.passed') : c('council.failed')}
              </Badge>
            </span>
            {revoked.has(e.nominationId) ? (
              <Badge tone="danger">
                {c('sign.revoked')} ({revoked.get(e.nominationId)?.numberText})
              </Badge>
            ) : e.outcome === 'awarded' && issued ? (
              <Button size="sm" variant="ghost" onClick={() => revoking.open(e.nominationId)}>
                {c('sign.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="c-actions">
        <Button onClick={() => openDownload(() => svc.decisionDocument(decision.id, 'docx'))}>
          {c('download')}
        </Button>
        <Button onClick={() => openDownload(() => svc.decisionDocument(decision.id, 'xlsx'))}>
          {c('downloadXlsx')}
        </Button>
        {issued ? (
          <CertificateButtons
            decisionId={decision.id}
            awardTypeIds={decision.entries.filter((e) => e.outcome === 'awarded').map((e) => e.awardTypeId)}
          />
        ) : null}
        <DecisionPdfButton decision={decision} />
      </div>
      {decision.signature ? null : (
        <SignatureIssue
          decision={decision}
          serverSigner={serverSigner === true}
          onIssued={() => refresh('decision', decision.id)}
        />
      )}
      <ErrorBox error={revoke.error} />
      <ReasonDialog
        title={c('sign.revoke')}
        state={revoking}
        pending={revoke.isPending}
        onConfirm={(nominationId) => revoke.mutate(nominationId)}
      />
    </div>
  );
}

/**
 * Signing takes the register's next number and publishes the decision: the dialog says which number (read
 * from the API without taking it) and who signs — the chair, or a deputy for the chair ("KT. CHỦ TỊCH").
 */
/** The number and date the văn thư gave, where the issuing body keeps its own register. */
export interface GivenNumberInput {
  number: string;
  date: string;
}

function SignAction({
  s,
  signerId,
  onSigner,
  given,
  onGiven,
  onConfirm,
  pending,
}: {
  s: SessionView;
  signerId: string;
  onSigner: (id: string) => void;
  given: GivenNumberInput;
  onGiven: (g: GivenNumberInput) => void;
  onConfirm: () => void;
  pending: boolean;
}) {
  const c = useC();
  const signers = s.signing?.signers ?? [];
  const chosen = signers.find((h) => h.id === signerId) ?? signers[0];
  const external = s.signing?.registerMode === 'external';
  const digital = s.signing?.signingMode === 'digital';
  if (s.signing && signers.length === 0) return <Alert tone="warning">{c('sign.noHolder')}</Alert>;
  const signer = chosen
    ? `${chosen.name} (${chosen.role === 'head' ? chosen.title : `KT. CHỦ TỊCH - ${chosen.title}`})`
    : '';
  return (
    <ConfirmAction
      label={digital ? c('sign.takeNumber') : c('sign.sign')}
      pending={pending}
      onConfirm={onConfirm}
      disabled={external && !(/^\d+$/.test(given.number) && given.date)}
      message={
        s.signing && chosen
          ? external
            ? c('confirm.signExternal', { number: given.number || '…', date: given.date || '…', signer })
            : c(digital ? 'confirm.takeNumber' : 'confirm.sign', {
                number: s.signing.nextNumberText,
                year: s.signing.year,
                signer,
              })
          : c('confirm.signUnknown')
      }
    >
      {external ? (
        <>
          <p className="muted">{c('sign.externalRegister')}</p>
          <TextField
            label={c('sign.givenNumber')}
            required
            value={given.number}
            onChange={(number) => onGiven({ ...given, number })}
          />
          <TextField
            label={c('sign.givenDate')}
            required
            value={given.date}
            onChange={(date) => onGiven({ ...given, date })}
          />
        </>
      ) : null}
      {signers.length > 1 ? (
        <SelectField
          label={c('sign.signer')}
          value={chosen?.id ?? ''}
          onChange={onSigner}
          choices={signers.map((h) => ({ value: h.id, label: `${h.name} — ${h.title}` }))}
        />
      ) : null}
    </ConfirmAction>
  );
}

/**
 * The body and the legal bases the decision would cite if signed today (dated configuration): a basis
 * not yet checked against the official text is marked "cần đối chiếu" with what remains to check.
 */
function SigningBases({ s }: { s: SessionView }) {
  const c = useC();
  const bases = s.signing?.bases ?? [];
  if (!s.signing?.issuer || bases.length === 0) return null;
  return (
    <div className="c-bases">
      <p className="muted">{c('sign.bases', { issuer: s.signing.issuer })}</p>
      <ul>
        {bases.map((b) => (
          <li key={b.ref}>
            {b.ref}
            {b.toVerify ? (
              <>
                {' '}
                <Badge tone="warning">{c('sign.toVerify')}</Badge>
                {b.note ? <span className="muted"> {b.note}</span> : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every nominee's file beside the results: the signer decides with the dossier open. */
function SigningDossier({ s }: { s: SessionView }) {
  const c = useC();
  const dossier = useSessionDossier(s.id);
  return (
    <div className="c-dossier-list">
      <h3>{c('dossier.title')}</h3>
      <SessionFile sessionId={s.id} dossier={dossier.data} showDraft={false} />
      {(dossier.data?.items ?? []).map((item) => (
        <div key={item.nominationId}>
          <strong>
            {item.nomineeName} ({item.unitName}) — {item.awardTypeName}
          </strong>
          <DossierEntry item={item} />
        </div>
      ))}
    </div>
  );
}

/** The chair signs the decision of a counted session: its number and date are allocated by the server. */
export function SignPage() {
  const { c, svc, refresh, campaign } = useCommendationPage();
  const sessions = useCampaignQuery(['sessions'], campaign.campaignId, (id) => svc.sessions(id));
  // A notice's link ("a decision awaits your signature") opens the page at its session.
  useItemAnchor(sessions.isSuccess, 'session');
  const [signerIds, setSignerIds] = useState<Record<string, string>>({});
  const [givenNumbers, setGivenNumbers] = useState<Record<string, GivenNumberInput>>({});
  const sign = useIntentMutation(
    (s: SessionView, key) => {
      const g = givenNumbers[s.id];
      const register =
        s.signing?.registerMode === 'external' && g ? { number: Number(g.number), date: g.date } : undefined;
      return svc.sign(s.id, signerIds[s.id] ?? null, key, register);
    },
    () => refresh('sessions'),
  );
  const ready = (sessions.data ?? []).filter((s) => s.state !== 'open');
  return (
    <div className="stack">
      <CampaignHeader title={c('sign.title')} campaign={campaign} />
      <ErrorBox error={sign.error} />
      {ready.length === 0 ? <p className="muted">{c('sign.nothing')}</p> : null}
      {ready.map((s) => (
        <AnchoredSection key={s.id} kind="session" id={s.id} label={s.title}>
          <h2>{s.title}</h2>
          <SessionResults s={s} />
          {s.state === 'closed' ? <SigningDossier s={s} /> : null}
          {s.state === 'closed' ? <SigningBases s={s} /> : null}
          {s.state === 'closed' ? (
            <div className="c-actions">
              <Button onClick={() => openDownload(() => svc.draftDecision(s.id))}>{c('sign.draft')}</Button>
              <SignAction
                s={s}
                signerId={signerIds[s.id] ?? ''}
                pending={sign.isPending}
                onSigner={(id) => setSignerIds((x) => ({ ...x, [s.id]: id }))}
                given={givenNumbers[s.id] ?? { number: '', date: '' }}
                onGiven={(g) => setGivenNumbers((x) => ({ ...x, [s.id]: g }))}
                onConfirm={() => sign.mutate(s)}
              />
            </div>
          ) : null}
          {s.decisionId ? <DecisionCard decisionId={s.decisionId} /> : null}
        </AnchoredSection>
      ))}
    </div>
  );
}
