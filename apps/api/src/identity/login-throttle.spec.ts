import { GrifConfig, OutageLog, ShutdownSequence } from '@grif/core';
import { LoginThrottle } from './login-throttle';

/**
 * When Redis does not answer, sign-in fails open: no attempt is refused, nothing throws, and the outage is
 * logged once (OutageLog) rather than per attempt. (Throttling itself, against the real Redis:
 * test/api/login-throttle.test.ts.)
 */
describe('LoginThrottle without Redis', () => {
  it('answers "not throttled" at once and records the outage', async () => {
    const shutdown = new ShutdownSequence();
    const outage = new OutageLog(shutdown);
    const config = { queue: { redisUrl: 'redis://127.0.0.1:1', prefix: 'grif-spec' } } as GrifConfig;
    const throttle = new LoginThrottle(config, { now: () => new Date() }, outage, shutdown);
    try {
      const attempt = { account: 'user:1', address: '10.0.0.1' };
      for (let i = 0; i < 12; i++) await throttle.failed(attempt);
      expect(await throttle.verdict(attempt)).toEqual({ throttled: false });
      await throttle.succeeded(attempt);
      expect(outage.isDown('redis')).toBe(true);
    } finally {
      await shutdown.onApplicationShutdown();
    }
  });
});
