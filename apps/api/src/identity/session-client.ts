import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { SessionClient } from '@grif/persistence';

/** Browsers, most specific first (Edge and Yandex also say "Chrome", Chrome also says "Safari"). */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bYaBrowser\/(\d+)/, 'Yandex'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\bCriOS\/(\d+)/, 'Chrome'],
  [/\bChrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bMac OS X\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

/** "Firefox 133, Windows" from a browser's User-Agent; anything else by its first words, shortened. */
export function describeUserAgent(userAgent: string): string {
  // Control characters (a forged header) become spaces: the label is shown as text.
  const ua = [...userAgent]
    .map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch))
    .join('')
    .trim();
  if (!ua) return '?';
  const browser = BROWSERS.map(([re, name]) => [re.exec(ua), name] as const).find(([m]) => m);
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (browser) return [`${browser[1]} ${browser[0]![1]}`, system].filter(Boolean).join(', ');
  return ua.length > 60 ? `${ua.slice(0, 59)}…` : ua;
}

/**
 * An address masked to its network (R-1.4: an address can name a person): IPv4 to /24 (10.0.3.x),
 * IPv6 to /48; an IPv4-mapped IPv6 address as IPv4.
 */
export function maskAddress(address: string): string {
  const a = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIPv4(a)) return `${a.split('.').slice(0, 3).join('.')}.x`;
  if (isIPv6(a)) {
    const [head] = a.split('::');
    const groups = head.split(':').filter(Boolean).slice(0, 3);
    return `${groups.join(':')}::/48`;
  }
  return '?';
}

/**
 * The client a request comes from: a label the information-security officer can read (the browser,
 * the system, the masked address) and a hash of the whole User-Agent and address, which tells two
 * clients apart without keeping either in the clear.
 */
export function sessionClient(userAgent: string | undefined, address: string | undefined): SessionClient {
  const ua = userAgent ?? '';
  const addr = address ?? '';
  return {
    label: `${describeUserAgent(ua)} · ${maskAddress(addr)}`.slice(0, 160),
    hash: createHash('sha256').update(`${ua}\n${addr}`).digest('hex'),
  };
}
