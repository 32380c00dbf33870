import * as z from 'zod';

/** Two minutes: twelve times the notifications function's 10-second timeout on AWS. */
export const DEFAULT_LEASE_MS = 120_000;

/**
 * What the notifications function reads of its environment besides the kernel's configuration: which
 * sender mails (SES on AWS, SMTP to the local capture), from which address, and how hard it tries.
 */
const Env = z.object({
  /** `ses` on AWS; `smtp` locally (the platform sets SMTP_HOST/SMTP_PORT); `none`: in the app only. */
  MAIL_SENDER: z.enum(['ses', 'smtp', 'none']).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MAIL_FROM: z.string().min(3).default('Thi đua <no-reply@thidua.local>'),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Who answers questions, printed at the foot of every e-mail. */
  MAIL_CONTACT: z.string().default('Văn phòng Hội đồng Thi đua - Khen thưởng'),
  /** Attempts of one e-mail before it becomes a dead letter. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** The first retry's wait; each next one doubles it. */
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  /**
   * How long a claimed e-mail is held before another run may take it over: longer than the function can
   * live (its timeout), so a live sender is never doubled; a dead one's e-mail is retried after it.
   */
  NOTIFY_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(DEFAULT_LEASE_MS),
  PUBLIC_WEB_ORIGIN: z.string().default('http://localhost:5173'),
  /** Where the API answers the public: `<web origin>/api` behind CloudFront; the gateway's URL locally. */
  PUBLIC_API_URL: z.string().min(1).optional(),
  /** The hour (Asia/Ho_Chi_Minh) from which the day's digest goes out. */
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** How long an e-mail's unsubscribe link works. */
  UNSUBSCRIBE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  AWS_REGION: z.string().default('ap-southeast-1'),
});

export interface NotifyConfig {
  sender: 'ses' | 'smtp' | 'none';
  smtp: { host: string; port: number } | undefined;
  from: string;
  contact: string;
  configurationSet: string | undefined;
  maxAttempts: number;
  backoffMs: number;
  leaseMs: number;
  appUrl: string;
  apiUrl: string;
  digestHour: number;
  unsubscribeLinkDays: number;
  region: string;
}

export const loadNotifyConfig = (env: Record<string, string | undefined> = process.env): NotifyConfig => {
  const e = Env.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  const smtp = e.SMTP_HOST && e.SMTP_PORT ? { host: e.SMTP_HOST, port: e.SMTP_PORT } : undefined;
  return {
    sender: e.MAIL_SENDER ?? (smtp ? 'smtp' : 'none'),
    smtp,
    from: e.MAIL_FROM,
    contact: e.MAIL_CONTACT,
    configurationSet: e.SES_CONFIGURATION_SET,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    backoffMs: e.NOTIFY_BACKOFF_MS,
    leaseMs: e.NOTIFY_LEASE_MS,
    appUrl: e.PUBLIC_WEB_ORIGIN,
    apiUrl: (e.PUBLIC_API_URL ?? `${e.PUBLIC_WEB_ORIGIN.replace(/\/$/, '')}/api`).replace(/\/$/, ''),
    digestHour: e.NOTIFY_DIGEST_HOUR,
    unsubscribeLinkDays: e.UNSUBSCRIBE_LINK_DAYS,
    region: e.AWS_REGION,
  };
};
