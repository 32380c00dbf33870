import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../../app/services';
import { useCampaigns } from '../../core/queries';
import { auditService } from '../service';
import { verdictOf } from '../verdict';

/** Saves text as a file the browser downloads. */
const saveText = (text: string, name: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
};

/**
 * The secretariat's audit screen: pick a campaign (or the province's administration), verify every
 * chain — each failure named in Vietnamese, with the item it concerns — and export the trail as CSV.
 */
export function AuditPage() {
  const api = useApi();
  const svc = auditService(api);
  const campaigns = useCampaigns();
  const [campaignId, setCampaignId] = useState('');
  const verify = useMutation({ mutationFn: () => svc.verify(campaignId || undefined) });
  const exportCsv = useMutation({
    mutationFn: async () => saveText(await svc.csv(campaignId), `nhat-ky-${campaignId}.csv`),
  });
  const verdict = verify.data ? verdictOf(verify.data) : undefined;

  return (
    <section className="page">
      <h1>Nhật ký kiểm toán</h1>
      <p>
        Mỗi hồ sơ, tờ trình, phiên họp, quyết định và thay đổi quản trị có một chuỗi nhật ký được ký bằng khóa
        của hệ thống và neo định kỳ ra ngoài cơ sở dữ liệu. Kiểm tra để phát hiện mọi chỉnh sửa trái phép.
      </p>
      <label>
        Phạm vi{' '}
        <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
          <option value="">Quản trị của tỉnh (người dùng, đơn vị, biểu mẫu)</option>
          {(campaigns.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        className="btn btn-primary"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? 'Đang kiểm tra…' : 'Kiểm tra'}
      </button>{' '}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={!campaignId || exportCsv.isPending}
        onClick={() => exportCsv.mutate()}
      >
        Xuất CSV
      </button>
      {verify.isError && <p role="alert">Không kiểm tra được: {String(verify.error.message)}</p>}
      {exportCsv.isError && <p role="alert">Không xuất được: {String(exportCsv.error.message)}</p>}
      {verdict && (
        <div role="status">
          <p>
            {verdict.headline} {verdict.anchor}
          </p>
          <table>
            <thead>
              <tr>
                <th>Loại</th>
                <th>Đối tượng</th>
                <th>Số sự kiện</th>
                <th>Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {verdict.rows.map((r) => (
                <tr key={r.key}>
                  <td>{r.kind}</td>
                  <td>{r.label}</td>
                  <td>{r.eventCount}</td>
                  <td>
                    {r.valid ? (
                      'Hợp lệ'
                    ) : (
                      <ul>
                        {r.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
