import { useMutation } from '@tanstack/react-query';
import type { Decision } from '@thidua/shared/commendation';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../../i18n';
import { Alert, Badge, Button } from '../../../ui';
import {
  base64Of,
  ConfirmAction,
  ErrorBox,
  openDownload,
  useC,
  useCommendations,
  useIntentMutation,
} from '../common';

/**
 * The digital signature that issues a numbered decision (ADR 0032), shared by the province chair's signing
 * page and the head's desk of a commune (ward, department; ADR 0034): what the two pages show of a decision
 * between "Lấy số" and "Ban hành" is the same, so it is written once here.
 */

/**
 * The signer signs the downloaded PDF with their own tool and chooses the signed file here: the API checks
 * the PAdES signature, the certificate (chain to the configured roots, revocation) and that the signed
 * content is this decision's generated PDF (each refusal explained in Vietnamese); nothing is written.
 * Where the decision awaits its signature, a valid file is then issued — confirmed, since it publishes.
 * `notified`: the units the issue tells, when the page knows them (the head's desk), named in the dialog.
 */
export function SignatureIssue({
  decision,
  serverSigner,
  notified,
  onIssued,
}: {
  decision: Decision;
  serverSigner: boolean;
  notified?: string;
  onIssued: () => unknown;
}) {
  const c = useC();
  const svc = useCommendations();
  const [pdf, setPdf] = useState<string | null>(null);
  const check = useMutation({
    mutationFn: async (file: File) => {
      const b64 = await base64Of(file);
      setPdf(b64);
      return svc.checkSignature(decision.id, b64);
    },
  });
  const issue = useIntentMutation((b64: string, key) => svc.issueSigned(decision.id, b64, key), onIssued);
  const onServer = useIntentMutation((_: null, key) => svc.signOnServer(decision.id, key), onIssued);
  const awaiting = decision.state === 'awaiting_signature';
  const to = notified ? ` ${c('confirm.issueTo', { units: notified })}` : '';
  return (
    <div className="c-signature-check" data-print="hide">
      {awaiting && serverSigner ? (
        <ConfirmAction
          label={c('sign.serverSign')}
          pending={onServer.isPending}
          onConfirm={() => onServer.mutate(null)}
          message={`${c('confirm.serverSign', { number: decision.numberText })}${to}`}
        />
      ) : null}
      <label>
        {awaiting ? c('sign.step2') : c('sign.check')}
        <input
          type="file"
          accept="application/pdf,.pdf"
          disabled={check.isPending || issue.isPending}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) check.mutate(file);
          }}
        />
      </label>
      <p className="muted">{c('sign.checkHelp')}</p>
      {check.data ? (
        <Alert tone="success">
          {c('sign.checkOk', {
            signer: check.data.signerName,
            issuer: check.data.issuer,
            at: formatDateTime(check.data.signedAt),
          })}
        </Alert>
      ) : null}
      {awaiting && check.data && pdf ? (
        <ConfirmAction
          label={c('sign.issue')}
          pending={issue.isPending}
          onConfirm={() => issue.mutate(pdf)}
          message={`${c('confirm.issue', { number: decision.numberText, signer: check.data.signerName })}${to}`}
        />
      ) : null}
      <ErrorBox error={check.error ?? issue.error ?? onServer.error} />
    </div>
  );
}

/**
 * Where the decision stands, as a badge ("Chờ ký số" / "Đã ban hành") and a line: awaiting its signature,
 * issued with one (its facts), or issued on paper.
 */
export function DecisionStatus({ decision }: { decision: Decision }) {
  const c = useC();
  const sig = decision.signature;
  if (decision.state === 'awaiting_signature')
    return (
      <>
        <Badge tone="warning">{c('sign.stateAwaiting')}</Badge>
        <Alert tone="warning">{c('sign.awaiting', { number: decision.numberText })}</Alert>
      </>
    );
  return (
    <>
      <Badge tone="success">{c('sign.stateIssued')}</Badge>
      <Alert tone="success">
        {sig
          ? c('sign.issued', {
              number: decision.numberText,
              signer: sig.signerName,
              serial: sig.serialNumber,
              issuer: sig.issuer,
              at: formatDateTime(sig.signedAt),
            })
          : `${c('sign.signed', { number: decision.numberText })} · ${formatDate(decision.signedOn)} · ${decision.signerName}`}
      </Alert>
      {decision.original === 'paper' ? <p className="muted">{c('sign.paperOriginal')}</p> : null}
    </>
  );
}

/** The decision's PDF: the file to sign while it awaits its signature, the signed file once issued by it. */
export function DecisionPdfButton({ decision }: { decision: Decision }) {
  const c = useC();
  const svc = useCommendations();
  return (
    <Button onClick={() => openDownload(() => svc.decisionPdf(decision.id))}>
      {decision.signature ? c('sign.downloadSigned') : c('downloadPdf')}
    </Button>
  );
}
