import { vnDateShort } from '../commendation/calendar';
import { deadlineDay } from '../common';
import { type NotificationIntent, type NotificationKind, notificationKindLabels } from './schema';

/** One e-mail, ready for any SMTP or SES sender: a plain-text part always, HTML beside it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe from this kind (also a link in the body). */
  listUnsubscribe: string;
}

export interface EmailContext {
  /** The web app's origin: `https://thidua.dongnai.gov.vn`. */
  appUrl: string;
  /** The link that unsubscribes this recipient from this kind (signed by the sender): RFC 8058's one-click POST. */
  unsubscribeUrl: string;
  /** The same for a person reading the body: a page that asks to confirm (default: `unsubscribeUrl`). */
  unsubscribePageUrl?: string;
  recipientName: string;
  /** Who answers questions: the secretariat's contact configured per tenant. */
  contact: string;
}

/** What each kind asks of the reader, in one sentence. */
const leads: Readonly<Record<NotificationKind, string>> = {
  awaiting_review: 'Có báo cáo đang chờ đồng chí thẩm định.',
  awaiting_signoff: 'Có báo cáo đang chờ đồng chí ký duyệt trước khi gửi cấp trên.',
  batch_awaiting: 'Có tờ trình đề nghị khen thưởng đang chờ tỉnh xét.',
  ballot_open: 'Phiên họp Hội đồng Thi đua - Khen thưởng đã mở, đang chờ phiếu của đồng chí.',
  decision_to_sign: 'Có quyết định khen thưởng đang chờ đồng chí ký.',
  returned: 'Báo cáo của đơn vị đã bị trả lại để chỉnh sửa.',
  approved: 'Báo cáo của đơn vị đã được phê duyệt.',
  rejected: 'Báo cáo của đơn vị đã bị từ chối.',
  withdrawn: 'Đơn vị đã rút lại báo cáo đang chờ đồng chí thẩm định.',
  decision_signed: 'Quyết định khen thưởng liên quan đến đơn vị đã được ký.',
  decision_revoked: 'Quyết định khen thưởng liên quan đến đơn vị đã bị hủy.',
  public_comment: 'Có ý kiến góp ý mới về danh sách công khai đề nghị khen thưởng.',
  deadline_soon: 'Sắp đến hạn nộp báo cáo mà đơn vị chưa gửi.',
  overdue: 'Đã quá hạn nộp báo cáo mà đơn vị chưa gửi.',
  escalation: 'Đơn vị chưa gửi báo cáo dù đã quá hạn nhiều ngày.',
  reminder: 'Cơ quan thẩm định nhắc đơn vị nộp báo cáo.',
};

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An app link for the intent's subject, opening the commented field where there is one. */
export const subjectLink = (intent: NotificationIntent, appUrl: string): string =>
  `${appUrl.replace(/\/$/, '')}${intent.subject.path}${intent.subject.fieldKey ? `#field-${encodeURIComponent(intent.subject.fieldKey)}` : ''}`;

/** The e-mail for one intent and one recipient, in Vietnamese, as the product's voice writes it. */
export function renderEmail(intent: NotificationIntent, to: string, ctx: EmailContext): EmailMessage {
  const label = notificationKindLabels[intent.kind];
  const link = subjectLink(intent, ctx.appUrl);
  const due = intent.dueAt ? `Hạn: ${vnDateShort(deadlineDay(intent.dueAt))}` : null;
  const lines = [
    `Kính gửi đồng chí ${ctx.recipientName},`,
    '',
    leads[intent.kind],
    '',
    intent.subject.title,
    ...(intent.details ?? []).map((d) => `${d.label}: ${d.value}`),
    ...(due ? [due] : []),
    ...(intent.reason ? [`Nội dung: ${intent.reason}`] : []),
    '',
    `Mở trên hệ thống: ${link}`,
    '',
    `Cần hỗ trợ, xin liên hệ: ${ctx.contact}.`,
    `Không muốn nhận thư loại "${label}": ${ctx.unsubscribePageUrl ?? ctx.unsubscribeUrl}`,
  ];
  const html = [
    '<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">',
    `<p>Kính gửi đồng chí ${escapeHtml(ctx.recipientName)},</p>`,
    `<p>${escapeHtml(leads[intent.kind])}</p>`,
    `<p><strong>${escapeHtml(intent.subject.title)}</strong>${due ? `<br>${escapeHtml(due)}` : ''}</p>`,
    intent.details?.length
      ? `<ul>${intent.details.map((d) => `<li>${escapeHtml(d.label)}: ${escapeHtml(d.value)}</li>`).join('')}</ul>`
      : '',
    intent.reason ? `<p>Nội dung: ${escapeHtml(intent.reason)}</p>` : '',
    `<p><a href="${escapeHtml(link)}">Mở trên hệ thống Thi đua</a></p>`,
    `<p style="color:#555;font-size:13px">Cần hỗ trợ, xin liên hệ: ${escapeHtml(ctx.contact)}.<br>`,
    `<a href="${escapeHtml(ctx.unsubscribePageUrl ?? ctx.unsubscribeUrl)}">Không nhận thư loại “${escapeHtml(label)}”</a></p>`,
    '</body></html>',
  ].join('');
  return {
    to,
    subject: `[Thi đua] ${label}: ${intent.subject.title}`.slice(0, 250),
    text: lines.join('\n'),
    html,
    listUnsubscribe: ctx.unsubscribeUrl,
  };
}
