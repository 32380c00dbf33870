import { type NotificationKind, notificationKindLabels } from '@thidua/shared/notifications';

/** The notifications' own strings (Vietnamese first; kinds are named by the shared labels). */
const vi = {
  'bell.label': 'Thông báo',
  'bell.unread': '{n} thông báo chưa đọc',
  'list.title': 'Thông báo',
  'list.none': 'Chưa có thông báo nào.',
  'list.markAll': 'Đánh dấu tất cả đã đọc',
  'list.markRead': 'Đánh dấu đã đọc',
  'list.unread': 'Chưa đọc',
  'list.due': 'Hạn: {date}',
  'list.reason': 'Nội dung: {text}',
  'list.more': 'Xem thêm',
  'list.preferences': 'Cài đặt nhận thư',
  'prefs.title': 'Cài đặt nhận thông báo qua thư điện tử',
  'prefs.intro':
    'Mọi thông báo luôn hiện ở biểu tượng chuông trên hệ thống. Chọn loại nào gửi ngay qua thư điện tử; các loại khác có thể gộp vào một thư tổng hợp mỗi ngày.',
  'prefs.kind': 'Loại thông báo',
  'prefs.now': 'Gửi thư ngay',
  'prefs.off': 'Không nhận thư loại này',
  'prefs.digest': 'Các loại không gửi ngay: gộp vào thư tổng hợp hằng ngày',
  'prefs.save': 'Lưu cài đặt',
  'prefs.saved': 'Đã lưu cài đặt nhận thư.',
  'prefs.unsubscribe': 'Ngừng nhận thư loại "{kind}"? Thông báo loại này vẫn hiện trên hệ thống.',
  'prefs.unsubscribeConfirm': 'Ngừng nhận thư',
  'remind.button': 'Nhắc nhở',
  'remind.title': 'Nhắc nhở đơn vị chưa nộp',
  'remind.text': 'Gửi thông báo và thư nhắc tới {n} đơn vị chưa nộp báo cáo?',
  'remind.message': 'Lời nhắn (không bắt buộc)',
  'remind.confirm': 'Gửi nhắc nhở',
  'remind.done': 'Đã nhắc {n} đơn vị.',
  cancel: 'Hủy',
  'dead.title': 'Thư gửi lỗi',
  'dead.intro':
    'Thư điện tử thông báo đã gửi lỗi sau nhiều lần thử. Kiểm tra địa chỉ người nhận rồi gửi lại; thông báo trên hệ thống không bị ảnh hưởng.',
  'dead.none': 'Không có thư gửi lỗi.',
  'dead.col.when': 'Thời điểm',
  'dead.col.to': 'Người nhận',
  'dead.col.what': 'Thông báo',
  'dead.col.error': 'Lỗi ({n} lần thử)',
  'dead.replay': 'Gửi lại',
  'dead.sent': 'Đã gửi lại thư tới {email}.',
  'dead.failed': 'Vẫn chưa gửi được: {error}',
} as const;

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'bell.label': 'Notifications',
  'bell.unread': '{n} unread notifications',
  'list.title': 'Notifications',
  'list.none': 'No notifications yet.',
  'list.markAll': 'Mark all as read',
  'list.markRead': 'Mark as read',
  'list.unread': 'Unread',
  'list.due': 'Due: {date}',
  'list.reason': 'Note: {text}',
  'list.more': 'Show more',
  'list.preferences': 'E-mail settings',
  'prefs.title': 'E-mail notification settings',
  'prefs.intro':
    'Every notification always shows under the bell. Choose which kinds are e-mailed at once; the others can come as one daily digest.',
  'prefs.kind': 'Kind',
  'prefs.now': 'E-mail at once',
  'prefs.off': 'No e-mail of this kind',
  'prefs.digest': 'Kinds not mailed at once: one daily digest',
  'prefs.save': 'Save settings',
  'prefs.saved': 'Settings saved.',
  'prefs.unsubscribe': 'Stop e-mails of the kind "{kind}"? They still show in the app.',
  'prefs.unsubscribeConfirm': 'Stop e-mails',
  'remind.button': 'Remind',
  'remind.title': 'Remind units that have not filed',
  'remind.text': 'Send a notice and an e-mail to the {n} units that have not filed?',
  'remind.message': 'Message (optional)',
  'remind.confirm': 'Send reminders',
  'remind.done': '{n} units reminded.',
  cancel: 'Cancel',
  'dead.title': 'Failed e-mails',
  'dead.intro':
    'Notification e-mails that failed every attempt. Check the address, then send again; the in-app notices are not affected.',
  'dead.none': 'No failed e-mails.',
  'dead.col.when': 'When',
  'dead.col.to': 'To',
  'dead.col.what': 'Notification',
  'dead.col.error': 'Error ({n} attempts)',
  'dead.replay': 'Send again',
  'dead.sent': 'E-mail sent again to {email}.',
  'dead.failed': 'Still not sent: {error}',
};

export const messages = { vi, en };

export const kindLabel = (kind: NotificationKind): string => notificationKindLabels[kind];
