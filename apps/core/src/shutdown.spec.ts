import { Logger } from '@nestjs/common';
import { ShutdownSequence } from './shutdown';

describe('ShutdownSequence: the one owner of shutdown', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('drains jobs, then closes Redis, then the database, whatever order they registered in; once only', async () => {
    const closed: string[] = [];
    const s = new ShutdownSequence();
    const step = (name: string) => async () => void closed.push(name);
    s.register('database', 'orm', step('orm'));
    s.register('redis', 'queue a', step('queue a'));
    s.register('jobs', 'worker a', step('worker a'));
    s.register('redis', 'queue b', step('queue b'));
    s.register('jobs', 'worker b', step('worker b'));
    await Promise.all([s.onApplicationShutdown(), s.onApplicationShutdown()]);
    expect(closed).toEqual(['worker b', 'worker a', 'queue b', 'queue a', 'orm']);
  });

  it('a step that fails does not keep the later ones open', async () => {
    const closed: string[] = [];
    const s = new ShutdownSequence();
    s.register('redis', 'queue', async () => {
      throw new Error('already closed');
    });
    s.register('database', 'orm', async () => void closed.push('orm'));
    await s.onApplicationShutdown();
    expect(closed).toEqual(['orm']);
  });

  it('a step that never finishes is given up when its phase’s time is up, and the later phases still close', async () => {
    const closed: string[] = [];
    const warned: string[] = [];
    const s = new ShutdownSequence();
    s.limitMs = { jobs: 10, redis: 10, database: 10 };
    (s as unknown as { log: { warn(m: string): void; log(): void } }).log = {
      warn: (m: string) => void warned.push(m),
      log: () => {},
    };
    s.register('jobs', 'worker', async () => void closed.push('worker'));
    // ioredis's QUIT while Redis is gone: queued until a reconnect that never comes.
    s.register('redis', 'queue', () => new Promise<never>(() => {}));
    s.register('database', 'orm', async () => void closed.push('orm'));
    await s.onApplicationShutdown();
    expect(closed).toEqual(['worker', 'orm']);
    expect(warned).toEqual(['redis/queue: gave up: its phase ran out of time']);
  });
});
