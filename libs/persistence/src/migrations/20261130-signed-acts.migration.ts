import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * Signed acts (issue 8): the acts' query model, every PDF revision of an act (kept forever), the signers'
 * enrolled certificates (the key sealed under the signer's passphrase) and the two-step signing sessions.
 */
export class SignedActs20261130 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const iso = (t: Knex.CreateTableBuilder, name: string) => t.string(name, 24);
    const schema = k.schema
      .createTable('acts', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('kind', 40).notNullable();
        t.string('number', 64).notNullable();
        t.string('state', 40).notNullable();
        t.integer('version').notNullable();
        t.integer('item_count').notNullable();
        t.string('pdf_sha256', 64).nullable();
        t.text('awaiting_ids').notNullable();
        t.text('participant_ids').notNullable();
        iso(t, 'created_at').notNullable();
        iso(t, 'updated_at').notNullable();
        t.index(['school_id', 'created_at']);
      })
      .createTable('act_revisions', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('act_id', 36).notNullable();
        t.integer('revision').notNullable();
        t.string('sha256', 64).notNullable();
        t.binary('pdf').notNullable();
        t.string('created_by', 36).notNullable();
        iso(t, 'created_at').notNullable();
        t.unique(['act_id', 'revision']);
      })
      .createTable('signer_certificates', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('user_id', 36).notNullable().references('users.id');
        t.binary('certificate').notNullable();
        t.text('sealed_key').notNullable();
        t.string('subject', 300).notNullable();
        t.string('issuer', 300).notNullable();
        t.string('serial_number', 80).notNullable();
        t.string('sha256', 64).notNullable();
        iso(t, 'not_after').notNullable();
        iso(t, 'enrolled_at').notNullable();
        t.unique(['school_id', 'user_id']);
      })
      .createTable('signing_sessions', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable();
        t.string('act_id', 36).notNullable();
        t.string('user_id', 36).notNullable();
        t.integer('act_version').notNullable();
        t.binary('certificate').notNullable();
        t.binary('prepared').notNullable();
        iso(t, 'created_at').notNullable();
      });
    for (const q of schema.toSQL()) this.addSql(q.sql);
  }
}
