import { useMutation, useQuery } from '@tanstack/react-query';
import type { PublicDisclosureView } from '@thidua/shared/commendation';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useServices } from '../../../app/services';
import { formatDate } from '../../../i18n';
import { Alert, Badge, Button, Field, Skeleton } from '../../../ui';
import { COMMENT_MAX_CHARS, PublicApiError, publicService } from '../service';
import { PublicLayout } from './PublicLayout';

const statusText = { upcoming: 'Sắp công khai', open: 'Đang lấy ý kiến', ended: 'Đã kết thúc' } as const;

function CommentForm({
  d,
  send,
}: {
  d: PublicDisclosureView;
  send: ReturnType<typeof publicService>['comment'];
}) {
  const [nominationId, setNominationId] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [contact, setContact] = useState('');
  const [body, setBody] = useState('');
  const m = useMutation({
    mutationFn: () => send(d.id, { nominationId: nominationId || null, authorName, contact, body }),
    onSuccess: () => setBody(''),
  });
  const err = m.error instanceof PublicApiError ? m.error : null;
  const bodyError = err?.details.find((x) => x.path.startsWith('body.body'))?.message;
  return (
    <form
      className="stack"
      aria-label={`Góp ý cho danh sách ${d.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <h3>Gửi ý kiến góp ý</h3>
      <Field label="Về trường hợp">
        {(p) => (
          <select
            {...p}
            className="select"
            value={nominationId}
            onChange={(e) => setNominationId(e.target.value)}
          >
            <option value="">Góp ý chung cho danh sách</option>
            {d.entries.map((e) => (
              <option key={e.nominationId} value={e.nominationId}>
                {e.nomineeName} ({e.unitName})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Họ và tên (không bắt buộc)">
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={120}
            value={authorName}
            onChange={(e) => setAuthorName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Số điện thoại hoặc thư điện tử để liên hệ (không công bố)">
        {(p) => (
          <input
            {...p}
            className="input"
            maxLength={200}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
        )}
      </Field>
      <Field label="Nội dung ý kiến" required error={bodyError} hint={`${body.length}/${COMMENT_MAX_CHARS}`}>
        {(p) => (
          <textarea
            {...p}
            className="textarea"
            rows={4}
            maxLength={COMMENT_MAX_CHARS}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      {m.isSuccess ? <Alert tone="success">Đã nhận ý kiến của bạn. Xin cảm ơn.</Alert> : null}
      {err && !bodyError ? <Alert tone="danger">{err.message}</Alert> : null}
      <div>
        <Button type="submit" variant="primary" disabled={body.trim().length < 5} loading={m.isPending}>
          Gửi ý kiến
        </Button>
      </div>
    </form>
  );
}

/** Lists under public disclosure: names, titles, units and the award proposed; comments while open. */
export function PublicDisclosuresPage() {
  const { tenantId = '' } = useParams();
  const { config } = useServices();
  const svc = useMemo(() => publicService(config.apiUrl, tenantId), [config.apiUrl, tenantId]);
  const q = useQuery({ queryKey: ['public', tenantId, 'disclosures'], queryFn: () => svc.disclosures() });
  return (
    <PublicLayout title="Danh sách đề nghị khen thưởng lấy ý kiến nhân dân">
      {q.isLoading ? <Skeleton label="Đang tải…" /> : null}
      {q.error ? <Alert tone="danger">{q.error.message}</Alert> : null}
      {q.data?.items.length === 0 ? (
        <p className="muted">Hiện chưa có danh sách nào được công khai.</p>
      ) : null}
      <ul className="public-list">
        {(q.data?.items ?? []).map((d) => (
          <li key={d.id} className="card">
            <div className="row-between">
              <h2>{d.title}</h2>
              <Badge tone={d.status === 'open' ? 'info' : 'neutral'}>{statusText[d.status]}</Badge>
            </div>
            <p>
              Thời gian lấy ý kiến: từ {formatDate(d.opensOn)} đến hết {formatDate(d.closesOn)} (
              {d.workingDays} ngày làm việc).
            </p>
            {d.closedEarlyReason ? (
              <p className="muted">
                Kết thúc sớm: {d.closedEarlyReason}
                {d.closedEarlyAuthority ? ` (Quyết định: ${d.closedEarlyAuthority})` : ''}
              </p>
            ) : null}
            <ol className="public-entries">
              {d.entries.map((e) => (
                <li key={e.nominationId}>
                  <strong>{e.nomineeName}</strong>
                  {e.nomineeTitle ? `, ${e.nomineeTitle}` : ''} —{' '}
                  {e.nomineeKind === 'individual' ? e.nomineeUnitName : e.unitName}: {e.awardTypeName}
                </li>
              ))}
            </ol>
            {d.status === 'open' ? <CommentForm d={d} send={svc.comment} /> : null}
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}
