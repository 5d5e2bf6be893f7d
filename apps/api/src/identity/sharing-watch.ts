import { Inject, Injectable, Logger } from '@nestjs/common';
import { GRIF_CONFIG, type GrifConfig } from '@grif/core';
import { CLOCK, type Clock } from '@grif/engine';
import { type SessionClient, SessionsRepository, SharingSignals } from '@grif/persistence';

const DEFAULT_WINDOW_MINUTES = 10;

/** Whose sessions are looked at. */
export interface Watched {
  id: string;
  schoolId: string;
  username: string;
}

/**
 * The officer reads labels; two clients may share one (the same browser, two machines of one network):
 * then each of those gets a few characters of its hash, so the list never shows one client twice.
 */
export function clientLabels(clients: SessionClient[]): string[] {
  const count = new Map<string, number>();
  for (const c of clients) count.set(c.label, (count.get(c.label) ?? 0) + 1);
  return clients.map((c) => (count.get(c.label)! > 1 ? `${c.label} #${c.hash.slice(0, 6)}` : c.label));
}

/**
 * R-5.2.1 (nobody shares a login): one account active from two different clients at once — live sessions
 * seen from two clients within the window — tells the information-security officer, once per person and
 * window. Looked at when a session opens and when a session's last-seen time moves (at most once a
 * minute), never on every request. A failure here never refuses a sign-in or a request: it is logged.
 */
@Injectable()
export class SharingWatch {
  private readonly log = new Logger('sharing');
  private readonly windowMs: number;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly signals: SharingSignals,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GRIF_CONFIG) config: GrifConfig,
  ) {
    this.windowMs = (config.sharingWindowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000;
  }

  /** A session was just opened for that person. */
  async opened(user: Watched): Promise<void> {
    await this.look(user, this.clock.now());
  }

  /**
   * A request moved a session's last-seen time (IdentityService does, at most once a minute, and only
   * the one of concurrent requests that moved it calls here): the person is looked at.
   */
  async seen(user: Watched, at: Date): Promise<void> {
    await this.look(user, at);
  }

  private async look(user: Watched, at: Date): Promise<void> {
    try {
      const since = new Date(at.getTime() - this.windowMs);
      const clients = await this.sessions.clientsSeenSince(user.id, since.toISOString(), at.toISOString());
      if (clients.length < 2) return;
      const raised = await this.signals.raise({
        schoolId: user.schoolId,
        userId: user.id,
        username: user.username,
        clients: clientLabels(clients),
        at,
        since,
      });
      if (raised)
        this.log.log(
          `R-5.2.1: ${clients.length} clients of user ${user.id} at once; officers told: ${raised.notified}`,
        );
    } catch (err) {
      this.log.warn(`user ${user.id}: sharing signal not looked at: ${(err as Error).message}`);
    }
  }
}
