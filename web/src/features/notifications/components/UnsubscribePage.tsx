import { useMutation, useQuery } from '@tanstack/react-query';
import { getUnsubscribe, postUnsubscribe } from '@thidua/shared/contracts';
import { useSearchParams } from 'react-router';
import { useServices } from '../../../app/services';
import { formatDate } from '../../../i18n';
import { Alert, Button, Skeleton } from '../../../ui';
import { publicCall } from '../../public/service';
import '../../public/public.css';

/**
 * The page an e-mail's "Không nhận thư loại …" link opens, without signing in: it says which mail the
 * link stops and to which address, and stops it only when the person confirms (the mail client's
 * RFC 8058 one-click POSTs to the API directly). The signed token in the link is the only credential.
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const { config } = useServices();
  const query = `?${new URLSearchParams({
    unsubscribe: params.get('unsubscribe') ?? '',
    token: params.get('token') ?? '',
  })}`;
  const url = `${config.apiUrl.replace(/\/+$/, '')}${getUnsubscribe.path}${query}`;
  const view = useQuery({
    queryKey: ['unsubscribe', query],
    queryFn: () => publicCall(url, getUnsubscribe),
    retry: false,
  });
  const stop = useMutation({ mutationFn: () => publicCall(url, postUnsubscribe) });
  const done = stop.data ?? (view.data?.unsubscribed ? view.data : undefined);
  return (
    <div className="public-page">
      <header className="public-header">
        <p className="public-brand">Thi đua – Khen thưởng</p>
      </header>
      <main id="main" className="public-main">
        <h1>Ngừng nhận thư thông báo</h1>
        {view.isLoading ? <Skeleton label="Đang kiểm tra liên kết…" /> : null}
        {view.error ? (
          <Alert tone="danger">
            {view.error.message} Đồng chí vẫn có thể đăng nhập và đổi cách nhận thư ở trang{' '}
            <a href="/notifications/preferences">Tùy chọn thông báo</a>.
          </Alert>
        ) : null}
        {stop.error ? <Alert tone="danger">{stop.error.message}</Alert> : null}
        {done ? (
          <Alert tone="success">
            Đã ngừng gửi thư “{done.label}” tới {done.email}. Thông báo loại này vẫn hiện trong hệ thống (biểu
            tượng chuông). Muốn nhận lại, đăng nhập và chọn ở trang{' '}
            <a href="/notifications/preferences">Tùy chọn thông báo</a>.
          </Alert>
        ) : view.data ? (
          <section className="card">
            <p>
              Ngừng gửi thư <strong>“{view.data.label}”</strong> tới địa chỉ{' '}
              <strong>{view.data.email}</strong>?
            </p>
            <p className="muted">Liên kết này dùng được đến hết ngày {formatDate(view.data.expiresAt)}.</p>
            <Button variant="primary" loading={stop.isPending} onClick={() => stop.mutate()}>
              Ngừng nhận thư này
            </Button>
          </section>
        ) : null}
      </main>
    </div>
  );
}
