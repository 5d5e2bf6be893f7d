import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * Written with knex's schema builder, not as raw SQL, so the one migration
 * produces the right DDL for SQLite (one school) and PostgreSQL (a district).
 * Times are ISO-8601 UTC strings: they sort as text and read the same on both.
 */
export class InitialSchema20261126 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const iso = (t: Knex.CreateTableBuilder, name: string) => t.string(name, 24);
    const schema = k.schema
      .createTable('schools', (t) => {
        t.string('id', 36).primary();
        t.string('name', 300).notNullable();
        iso(t, 'created_at').notNullable();
      })
      .createTable('users', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('username', 100).notNullable().unique();
        t.string('display_name', 200).notNullable();
        t.string('password_hash', 300).notNullable();
        t.boolean('must_change_password').notNullable().defaultTo(false);
        t.string('locale', 5).notNullable().defaultTo('ky');
        t.boolean('disabled').notNullable().defaultTo(false);
        iso(t, 'created_at').notNullable();
        t.index(['school_id']);
      })
      .createTable('appointments', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('user_id', 36).notNullable().references('users.id');
        t.string('role', 40).notNullable();
        t.string('order_number', 100).notNullable();
        t.string('order_date', 10).notNullable();
        t.string('valid_from', 10).notNullable();
        t.string('valid_until', 10).nullable();
        t.string('created_by', 36).notNullable();
        iso(t, 'created_at').notNullable();
        t.index(['school_id', 'user_id']);
      })
      .createTable('sessions', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('user_id', 36).notNullable().references('users.id');
        t.string('token_hash', 64).notNullable().unique();
        iso(t, 'created_at').notNullable();
        iso(t, 'expires_at').notNullable();
        iso(t, 'last_seen_at').notNullable();
        iso(t, 'revoked_at').nullable();
      })
      .createTable('workflow_instances', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('machine_id', 60).notNullable();
        t.integer('machine_version').notNullable();
        t.string('state', 120).notNullable();
        t.text('snapshot').notNullable();
        t.integer('version').notNullable();
        t.integer('last_seq').notNullable();
        t.string('head_hash', 64).notNullable();
        iso(t, 'created_at').notNullable();
        iso(t, 'updated_at').notNullable();
        t.index(['school_id', 'machine_id', 'state']);
      })
      .createTable('workflow_events', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('instance_id', 36).notNullable().references('workflow_instances.id');
        t.integer('seq').notNullable();
        t.string('type', 60).notNullable();
        t.text('payload').notNullable();
        t.string('actor_id', 36).notNullable();
        t.string('actor_roles', 300).notNullable();
        iso(t, 'at').notNullable();
        t.string('from_state', 120).nullable();
        t.string('to_state', 120).notNullable();
        t.string('prev_hash', 64).notNullable();
        t.string('hash', 64).notNullable();
        t.unique(['instance_id', 'seq']);
        t.index(['school_id', 'at']);
      })
      .createTable('idempotency_records', (t) => {
        t.string('school_id', 36).notNullable();
        t.string('actor_id', 36).notNullable();
        t.string('key', 200).notNullable();
        t.string('fingerprint', 64).notNullable();
        t.integer('status_code').notNullable();
        t.text('response').notNullable();
        iso(t, 'created_at').notNullable();
        t.primary(['school_id', 'actor_id', 'key']);
      })
      .createTable('outbox', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('instance_id', 36).notNullable();
        t.string('kind', 60).notNullable();
        t.text('payload').notNullable();
        iso(t, 'created_at').notNullable();
        iso(t, 'dispatched_at').nullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.index(['dispatched_at', 'created_at']);
      })
      .createTable('deadlines', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('instance_id', 36).notNullable().references('workflow_instances.id');
        t.string('key', 100).notNullable();
        t.string('event_type', 60).notNullable();
        iso(t, 'due_at').notNullable();
        t.string('rule', 20).nullable();
        t.string('status', 12).notNullable();
        iso(t, 'created_at').notNullable();
        iso(t, 'settled_at').nullable();
        t.unique(['instance_id', 'key']);
        t.index(['status', 'due_at']);
      })
      .createTable('documents', (t) => {
        t.string('id', 36).primary().references('workflow_instances.id');
        t.string('school_id', 36).notNullable();
        t.integer('reg_year').notNullable();
        t.string('direction', 20).notNullable();
        t.integer('reg_seq').notNullable();
        t.string('reg_number', 60).notNullable();
        t.string('kind', 20).notNullable();
        t.string('title', 500).notNullable();
        t.string('correspondent', 300).notNullable();
        t.string('document_date', 10).notNullable();
        t.string('location', 300).nullable();
        t.string('file_id', 36).nullable();
        t.string('copy_of', 36).nullable();
        t.integer('copy_number').notNullable().defaultTo(0);
        t.string('state', 120).notNullable();
        t.string('classification', 20).nullable();
        t.string('holder_id', 36).nullable();
        iso(t, 'due_at').nullable();
        iso(t, 'created_at').notNullable();
        t.unique(['school_id', 'reg_year', 'direction', 'reg_seq', 'copy_number']);
        t.index(['school_id', 'holder_id']);
        t.index(['copy_of']);
      })
      .createTable('rooms', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('name', 200).notNullable();
        t.boolean('secure').notNullable();
        iso(t, 'created_at').notNullable();
      })
      .createTable('cabinets', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('room_id', 36).notNullable().references('rooms.id');
        t.string('name', 200).notNullable();
        iso(t, 'created_at').notNullable();
      })
      .createTable('nomenclature_files', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('file_index', 40).notNullable();
        t.string('title', 300).notNullable();
        t.integer('year').notNullable();
        t.integer('retention_years').nullable();
        iso(t, 'created_at').notNullable();
        t.unique(['school_id', 'year', 'file_index']);
      })
      .createTable('clearances', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('user_id', 36).notNullable().references('users.id');
        t.string('kind', 12).notNullable();
        t.string('date', 10).notNullable();
        t.string('note', 500).nullable();
        t.string('recorded_by', 36).notNullable();
        iso(t, 'created_at').notNullable();
        t.index(['school_id', 'user_id']);
      })
      .createTable('media', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('label', 200).notNullable();
        t.string('kind', 20).notNullable();
        t.string('classification', 20).notNullable();
        t.string('holder_id', 36).notNullable().references('users.id');
        t.string('registered_by', 36).notNullable();
        iso(t, 'registered_at').notNullable();
      })
      .createTable('issue_journal', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('document_id', 36).notNullable();
        t.string('reg_number', 60).notNullable();
        t.string('classification', 20).nullable();
        t.string('holder_id', 36).notNullable();
        t.string('purpose', 500).notNullable();
        iso(t, 'issued_at').notNullable();
        t.string('issued_by', 36).notNullable();
        iso(t, 'due_at').nullable();
        iso(t, 'acknowledged_at').nullable();
        iso(t, 'returned_at').nullable();
        t.string('condition', 500).nullable();
        iso(t, 'overdue_at').nullable();
        t.index(['school_id', 'document_id']);
      })
      .createTable('chain_checkpoints', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.integer('seq').notNullable();
        iso(t, 'at').notNullable();
        t.text('heads').notNullable();
        t.string('prev_hash', 64).notNullable();
        t.string('hash', 64).notNullable();
        t.unique(['school_id', 'seq']);
      })
      .createTable('notifications', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('user_id', 36).notNullable().references('users.id');
        t.string('outbox_id', 36).notNullable();
        t.string('instance_id', 36).notNullable();
        t.string('template', 60).notNullable();
        t.text('data').notNullable();
        iso(t, 'created_at').notNullable();
        iso(t, 'read_at').nullable();
        t.unique(['outbox_id', 'user_id']);
        t.index(['school_id', 'user_id', 'created_at']);
      })
      .createTable('copy_journal', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('original_id', 36).notNullable();
        t.string('original_reg_number', 60).notNullable();
        t.string('copy_id', 36).notNullable();
        t.integer('copy_number').notNullable();
        t.string('purpose', 500).notNullable();
        t.string('made_by', 36).notNullable();
        iso(t, 'made_at').notNullable();
        t.string('classification', 20).nullable();
        t.index(['school_id', 'original_id']);
      })
      .createTable('journal_counters', (t) => {
        t.string('school_id', 36).notNullable();
        t.integer('year').notNullable();
        t.string('direction', 20).notNullable();
        t.integer('last_seq').notNullable();
        t.primary(['school_id', 'year', 'direction']);
      });
    // SQLite: every write transaction first touches this row, so it takes the write lock
    // at its start (the effect of BEGIN IMMEDIATE) and waits on busy_timeout instead of
    // failing later when a read would have to be upgraded.
    schema.createTable('write_gate', (t) => {
      t.integer('id').primary();
      t.integer('n').notNullable();
    });
    for (const q of schema.toSQL()) this.addSql(q.sql);
    this.addSql(k('write_gate').insert({ id: 1, n: 0 }));
  }
}
