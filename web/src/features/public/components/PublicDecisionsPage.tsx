import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useServices } from '../../../app/services';
import { formatDate, formatDateTime } from '../../../i18n';
import { Alert, Badge, Skeleton } from '../../../ui';
import { decisionAnchor } from '../../commendations/links';
import { publicService } from '../service';
import { PublicLayout } from './PublicLayout';

/** Published decisions: number, date, signer, awardees by unit, revocations; the signed DOCX. */
export function PublicDecisionsPage() {
  const { tenantId = '' } = useParams();
  const { config } = useServices();
  const svc = useMemo(() => publicService(config.apiUrl, tenantId), [config.apiUrl, tenantId]);
  const q = useQuery({ queryKey: ['public', tenantId, 'decisions'], queryFn: () => svc.decisions() });
  return (
    <PublicLayout title="Quyết định khen thưởng đã công bố">
      {q.isLoading ? <Skeleton label="Đang tải…" /> : null}
      {q.error ? <Alert tone="danger">{q.error.message}</Alert> : null}
      {q.data?.items.length === 0 ? <p className="muted">Chưa có quyết định nào được công bố.</p> : null}
      <ul className="public-list">
        {(q.data?.items ?? []).map((d) => (
          <li key={d.id} id={decisionAnchor(d.id)} className="card">
            <h2>
              Quyết định số {d.numberText} ngày {formatDate(d.signedOn)}
            </h2>
            <p>{d.title}</p>
            <p>
              Người ký: {d.signerTitle.charAt(0)}
              {d.signerTitle.slice(1).toLowerCase()} {d.signerName} · {d.awardeeCount} trường hợp được khen
              thưởng
            </p>
            {d.byUnit.map((u) => (
              <section key={u.unitName} aria-label={u.unitName}>
                <h3>{u.unitName}</h3>
                <ul className="public-entries">
                  {u.awardees.map((a) => (
                    <li key={a.nominationId}>
                      <strong>{a.nomineeName}</strong>
                      {a.nomineeTitle ? `, ${a.nomineeTitle}` : ''} — {a.awardTypeName}{' '}
                      {a.revoked ? (
                        <Badge tone="danger">
                          Đã thu hồi theo Quyết định số {a.revocationNumber}
                          {a.revokedOn ? ` ngày ${formatDate(a.revokedOn)}` : ''}
                        </Badge>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
            <p>
              {d.digitalSignature ? (
                <span className="muted">
                  Có chữ ký số của {d.digitalSignature.signerName} (ký lúc{' '}
                  {formatDateTime(d.digitalSignature.signedAt)}).{' '}
                </span>
              ) : null}
              {d.digitalSignature ? (
                <a className="btn btn-primary" href={svc.signedUrl(d.id)} download>
                  Tải quyết định (PDF có chữ ký số)
                </a>
              ) : null}{' '}
              <a className="btn btn-secondary" href={svc.documentUrl(d.id)} download>
                Tải quyết định (DOCX)
              </a>
            </p>
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}
