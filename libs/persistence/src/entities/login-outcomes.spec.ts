import { LOGIN_OUTCOMES } from './login-event.entity';

describe('sign-in outcomes', () => {
  it('each fits login_events.outcome (varchar 20): a longer one failed every such sign-in on PostgreSQL', () => {
    for (const outcome of LOGIN_OUTCOMES) expect(outcome.length).toBeLessThanOrEqual(20);
  });
});
