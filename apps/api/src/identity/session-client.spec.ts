import { describeUserAgent, maskAddress, sessionClient } from './session-client';
import { clientLabels } from './sharing-watch';

describe('the client of a session (R-5.2.1 sharing signal)', () => {
  it('names the browser and its system, not the whole User-Agent', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
      ),
    ).toBe('Edge 131, Windows');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 YaBrowser/24.10.0.0 Safari/537.36',
      ),
    ).toBe('Yandex 24, Windows');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 18, iOS');
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox 133, Linux',
    );
    expect(describeUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
    expect(describeUserAgent('')).toBe('?');
    expect(describeUserAgent('evil\r\nX-Header: 1')).toBe('evil  X-Header: 1');
    expect(describeUserAgent('x'.repeat(100))).toHaveLength(60);
  });

  it('masks the address to its network (R-1.4)', () => {
    expect(maskAddress('192.168.12.34')).toBe('192.168.12.x');
    expect(maskAddress('::ffff:10.0.3.7')).toBe('10.0.3.x');
    expect(maskAddress('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::/48');
    expect(maskAddress('')).toBe('?');
  });

  it('tells two clients apart by the whole User-Agent and address, and keeps neither in the clear', () => {
    const a = sessionClient('curl/8.5.0', '10.0.3.7');
    expect(a).toEqual({ label: 'curl/8.5.0 · 10.0.3.x', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sessionClient('curl/8.5.0', '10.0.3.8').hash).not.toBe(a.hash);
    expect(sessionClient('curl/8.5.0', '10.0.3.7').hash).toBe(a.hash);
    expect(a.hash).not.toContain('10.0.3.7');
  });

  it('labels two clients that read the same apart by their hash', () => {
    expect(
      clientLabels([
        { label: 'Chrome 131, Windows · 10.0.3.x', hash: 'aaaaaa11' },
        { label: 'Chrome 131, Windows · 10.0.3.x', hash: 'bbbbbb22' },
        { label: 'Firefox 133, Linux · 10.0.4.x', hash: 'cccccc33' },
      ]),
    ).toEqual([
      'Chrome 131, Windows · 10.0.3.x #aaaaaa',
      'Chrome 131, Windows · 10.0.3.x #bbbbbb',
      'Firefox 133, Linux · 10.0.4.x',
    ]);
  });
});
