import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message an SMTP client handed to the sink, its headers and plain text decoded. */
export interface ReceivedMail {
  to: string[];
  headers: Map<string, string>;
  messageId: string;
  subject: string;
  text: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, for GRIF_SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  to(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/** RFC 2047 words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=); adjacent words join before UTF-8 decoding. */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = '';
  let bytes: Buffer[] = [];
  let last = 0;
  const flush = () => {
    if (bytes.length) out += Buffer.concat(bytes).toString('utf8');
    bytes = [];
  };
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    if (!(bytes.length && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    bytes.push(
      m[2].toUpperCase() === 'B'
        ? Buffer.from(m[3], 'base64')
        : Buffer.from(
            m[3]
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const soft = body.replace(/=\r?\n/g, '');
    return Buffer.from(
      soft.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  // 7bit / 8bit: the raw bytes, read as latin1 above, are UTF-8.
  return Buffer.from(body, 'latin1').toString('utf8');
}

/** A single-part plain-text message, as Grif sends them. */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const text = decodeBody(raw.slice(split + 4), headers.get('content-transfer-encoding') ?? '7bit')
    .replace(/\r\n/g, '\n')
    .trimEnd();
  return { to, headers, messageId: headers.get('message-id') ?? '', subject: headers.get('subject') ?? '', text };
}

/**
 * A real SMTP listener on an ephemeral port (the `smtp-server` package): it keeps every message it is
 * given, and refuses for good (550) the recipients `refuse` names.
 */
export async function startSmtpSink(refuse: (address: string) => boolean = () => false): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse(address.address)) return callback();
      const err = new Error(`5.1.1 <${address.address}>: no such mailbox`) as Error & { responseCode: number };
      err.responseCode = 550;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('latin1'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    to: (address) => mails.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
