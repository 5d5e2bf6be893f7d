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
});
