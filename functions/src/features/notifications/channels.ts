import type { EmailMessage } from '@thidua/shared/notifications';

/**
 * One way of reaching a person. E-mail is built in (Amazon SES on AWS, SMTP to the local capture);
 * SMS or Zalo OA/ZNS are further channels behind the same interface (docs/notifications.md says how),
 * not enabled without a provider's credentials.
 */
export interface EmailChannel {
  readonly name: 'ses' | 'smtp';
  /**
   * Sends one message; resolves with the provider's message id. Throws on failure (the caller retries).
   * `messageId`: the Message-ID every attempt of this e-mail carries (`<hash@domain>`); SMTP sends it as
   * is, SES replaces Message-ID with its own, so both also carry it as `X-Thidua-Delivery`.
   */
  send(message: EmailMessage, from: string, messageId?: string): Promise<string>;
}

/** The header that carries an e-mail's stable id where the provider rewrites Message-ID (SES). */
export const DELIVERY_HEADER = 'X-Thidua-Delivery';

/** Amazon SES v2 (the runtime's SDK), with the configuration set whose events feed the bounce handler. */
export const sesEmailChannel = (options: { region: string; configurationSet?: string }): EmailChannel => {
  let client: Promise<{ send: (m: EmailMessage, from: string, id?: string) => Promise<string> }> | undefined;
  const load = async () => {
    // Loaded on first use, so functions that never mail do not pay for the SES client at cold start.
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = new SESv2Client({ region: options.region });
    return {
      send: async (m: EmailMessage, from: string, messageId?: string) => {
        const out = await ses.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [m.to] },
            ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
            Content: {
              Simple: {
                Subject: { Data: m.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: m.text, Charset: 'UTF-8' }, Html: { Data: m.html, Charset: 'UTF-8' } },
                Headers: [
                  { Name: 'List-Unsubscribe', Value: `<${m.listUnsubscribe}>` },
                  { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
                  ...(messageId ? [{ Name: DELIVERY_HEADER, Value: messageId }] : []),
                ],
              },
            },
          }),
        );
        return out.MessageId ?? '';
      },
    };
  };
  return {
    name: 'ses',
    send: async (m, from, messageId) => {
      client ??= load();
      return (await client).send(m, from, messageId);
    },
  };
};

const NODEMAILER = 'nodemailer';

/** Plain SMTP (nodemailer): the local platform's mail capture (not bundled into the Lambda functions). */
export const smtpEmailChannel = (options: { host: string; port: number }): EmailChannel => {
  let transport: Promise<import('nodemailer').Transporter> | undefined;
  return {
    name: 'smtp',
    send: async (m, from, messageId) => {
      // The specifier is a variable so that esbuild leaves nodemailer out of the Lambda bundle (~240 KB):
      // on AWS the function mails through SES; where SMTP is used (the local platform) it runs unbundled.
      transport ??= (import(/* @vite-ignore */ NODEMAILER) as Promise<typeof import('nodemailer')>).then(
        (n) => n.createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true }),
      );
      const info = await (await transport).sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        ...(messageId ? { messageId } : {}),
        headers: {
          'List-Unsubscribe': `<${m.listUnsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          ...(messageId ? { [DELIVERY_HEADER]: messageId } : {}),
        },
      });
      return String(info.messageId);
    },
  };
};
