import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The local platform's mail: a real SMTP server (smtp-server) on loopback that accepts every message the
 * handlers send, parses it (mailparser) and keeps it as files under `<dataDir>/mail/` — the raw message
 * (`.eml`) and what a reader needs (`.json`) — plus a small web page listing them, so a person can read
 * the invitations, codes and notifications that would go out through Amazon SES on AWS. Nothing is ever
 * relayed: no message leaves this machine.
 */
export interface CapturedMail {
  id: string;
  receivedAt: string;
  /** The SMTP envelope's recipients (what SES would deliver to). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export interface MailCapture {
  smtpPort: number;
  /** The page that lists captured mail. */
  webUrl: string;
  /** Every message so far, oldest first. */
  messages(): Promise<CapturedMail[]>;
  /** Resolves with the first message matching `match`, waiting up to `timeoutMs`. */
  waitFor(match: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  stop(): Promise<void>;
}

export interface MailCaptureOptions {
  dir: string;
  /** 0 or absent: a free port. */
  smtpPort?: number;
  webPort?: number;
}

const HOST = '127.0.0.1';

const toCaptured = (id: string, envelopeTo: string[], parsed: ParsedMail): CapturedMail => ({
  id,
  receivedAt: new Date().toISOString(),
  to: envelopeTo,
  from: parsed.from?.text ?? '',
  subject: parsed.subject ?? '',
  text: parsed.text ?? '',
  html: typeof parsed.html === 'string' ? parsed.html : null,
  // The raw header lines (mailparser structures some, e.g. List-* into `list`): as a mail client shows them.
  headers: Object.fromEntries(
    parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]),
  ),
});

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const listPage = (mail: CapturedMail[]): string =>
  [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thư đã gửi (máy cục bộ)</title>',
    '<style>body{font-family:sans-serif;margin:1rem}td,th{padding:.3rem .6rem;text-align:left;border-bottom:1px solid #ddd}</style></head><body>',
    `<h1>Thư đã gửi (${mail.length})</h1><p>Thư do hệ thống gửi trên máy cục bộ; không thư nào được chuyển ra ngoài.</p>`,
    '<table><thead><tr><th>Thời điểm</th><th>Người nhận</th><th>Tiêu đề</th></tr></thead><tbody>',
    ...[...mail]
      .reverse()
      .map(
        (m) =>
          `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(không tiêu đề)')}</a></td></tr>`,
      ),
    '</tbody></table></body></html>',
  ].join('');

const messagePage = (m: CapturedMail): string =>
  [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head><body style="font-family:sans-serif;margin:1rem">`,
    '<p><a href="/">← Danh sách thư</a></p>',
    `<h1>${escapeHtml(m.subject)}</h1><p>Gửi tới: ${escapeHtml(m.to.join(', '))}<br>Từ: ${escapeHtml(m.from)}</p>`,
    `<h2>Nội dung văn bản</h2><pre style="white-space:pre-wrap">${escapeHtml(m.text)}</pre>`,
    // The HTML part is shown sandboxed: no script runs and its links open outside this page.
    m.html
      ? `<h2>Nội dung HTML</h2><iframe sandbox="allow-popups" style="width:100%;height:28rem;border:1px solid #ccc" srcdoc="${escapeHtml(m.html)}"></iframe>`
      : '',
    '</body></html>',
  ].join('');

const listen = (server: Server | SMTPServer, port: number): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const s = server as Server;
    s.once('error', reject);
    s.listen(port, HOST, () => {
      const net = server instanceof SMTPServer ? (server as unknown as { server: Server }).server : s;
      resolvePort((net.address() as AddressInfo).port);
    });
  });

export async function startMailCapture(options: MailCaptureOptions): Promise<MailCapture> {
  await mkdir(options.dir, { recursive: true });
  let seq = (await readdir(options.dir)).filter((f) => f.endsWith('.json')).length;
  const waiters = new Set<() => void>();

  const smtp = new SMTPServer({
    // Loopback only, no TLS or login: the handlers talk to it as they would to a relay inside a VPC.
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Thi đua local mail capture',
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        seq += 1;
        const id = `${String(seq).padStart(6, '0')}`;
        const to = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(raw)
          .then(async (parsed) => {
            await writeFile(join(options.dir, `${id}.eml`), raw);
            await writeFile(
              join(options.dir, `${id}.json`),
              JSON.stringify(toCaptured(id, to, parsed), null, 2),
            );
            for (const w of waiters) w();
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });

  const messages = async (): Promise<CapturedMail[]> => {
    const files = (await readdir(options.dir)).filter((f) => f.endsWith('.json')).sort();
    return Promise.all(
      files.map(async (f) => JSON.parse(await readFile(join(options.dir, f), 'utf8')) as CapturedMail),
    );
  };

  const web = createServer((req, res) => {
    void (async () => {
      const all = await messages();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const one = /^\/messages\/([\w-]+)$/.exec(url.pathname);
      if (url.pathname === '/messages.json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(all));
      } else if (one) {
        const m = all.find((x) => x.id === one[1]);
        if (m) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(messagePage(m));
        else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có thư này');
      } else if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listPage(all));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
      }
    })().catch(() => res.writeHead(500).end());
  });

  const smtpPort = await listen(smtp, options.smtpPort ?? 0);
  const webPort = await listen(web, options.webPort ?? 0);

  return {
    smtpPort,
    webUrl: `http://${HOST}:${webPort}/`,
    messages,
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await messages()).find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('No captured mail matched in time');
        await new Promise<void>((wake) => {
          const done = () => {
            waiters.delete(done);
            clearTimeout(timer);
            wake();
          };
          const timer = setTimeout(done, Math.min(left, 500));
          waiters.add(done);
        });
      }
    },
    async stop() {
      await Promise.all([
        new Promise<void>((r) => smtp.close(() => r())),
        new Promise<void>((r) => web.close(() => r())),
      ]);
    },
  };
}
