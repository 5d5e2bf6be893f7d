import type { ShutdownSequence } from './shutdown';
import { DeadlockException } from '@mikro-orm/core';
import { OutageLog } from './outage-log';

describe('OutageLog: one line when a dependency goes, one when it is back', () => {
  it('logs the first failure of an outage and its end, not every failure in between', () => {
    const outage = new OutageLog({ stopping: false } as ShutdownSequence);
    const lines: string[] = [];
    const log = (outage as unknown as { log: { error(m: string): void; log(m: string): void } }).log;
    jest.spyOn(log, 'error').mockImplementation((m) => void lines.push(`error ${m}`));
    jest.spyOn(log, 'log').mockImplementation((m) => void lines.push(`log ${m}`));
    for (let i = 0; i < 50; i++)
      outage.failed('database', new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at stack'));
    outage.failed('redis', new Error('Connection is closed.'));
    expect(outage.isDown('database')).toBe(true);
    outage.succeeded('database');
    outage.succeeded('database');
    expect(lines).toEqual([
      'error database unavailable: connect ECONNREFUSED 127.0.0.1:5432',
      'error redis unavailable: Connection is closed.',
      expect.stringMatching(/^log database available again after \d+ s and 50 failed attempts$/),
    ]);
    expect(outage.isDown('database')).toBe(false);
  });

  it('tells a refusal of the database (a deadlock) from an outage of either dependency', () => {
    const outage = new OutageLog({ stopping: false } as ShutdownSequence);
    const lines: string[] = [];
    const log = (outage as unknown as { log: { error(m: string): void; warn(m: string): void } }).log;
    jest.spyOn(log, 'error').mockImplementation((m) => void lines.push(`error ${m}`));
    jest.spyOn(log, 'warn').mockImplementation((m) => void lines.push(`warn ${m}`));
    outage.failedSomewhere(new DeadlockException(new Error('deadlock detected')));
    expect(outage.isDown('redis')).toBe(false);
    expect(outage.isDown('database')).toBe(false);
    outage.failedSomewhere(new Error('Connection is closed.'));
    expect(outage.isDown('redis')).toBe(true);
    expect(lines).toEqual([
      'warn database refused: deadlock detected',
      'error redis unavailable: Connection is closed.',
    ]);
  });
});
