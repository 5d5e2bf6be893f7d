import { Migration } from '@mikro-orm/migrations';

/**
 * An effect's outbox row is done when its effect was delivered, not when Redis took
 * the job: a Redis that loses its data must not lose a notification.
 */
export class OutboxDelivered20261127 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const alter = k.schema.alterTable('outbox', (t) => {
      t.string('delivered_at', 24).nullable();
      t.index(['delivered_at', 'kind']);
    });
    for (const q of alter.toSQL()) this.addSql(q.sql);
    // Rows of the past were delivered when they were handed over; deadline rows are done when armed.
    this.addSql(
      k('outbox')
        .update({ delivered_at: k.ref('dispatched_at') })
        .whereNotNull('dispatched_at'),
    );
  }
}
