import { randomUUID } from 'node:crypto';
import { Media } from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface MediaEntry {
  id: string;
  label: string;
  kind: string;
  classification: string;
  holderId: string;
  registeredAt: string;
}

/** Removable media registered as carriers of confidential information. */
export class MediaRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /** Newest first. */
  async of(schoolId: string): Promise<MediaEntry[]> {
    return (await this.tx.reader().find(Media, { schoolId }, { orderBy: { registeredAt: 'desc' } })).map(entry);
  }

  /** What had been registered by that moment (the carriers register as at a moment). */
  async registeredBy(schoolId: string, at: string): Promise<MediaEntry[]> {
    return (await this.tx.reader().find(Media, { schoolId, registeredAt: { $lte: at } })).map(entry);
  }

  async register(
    schoolId: string,
    m: Omit<MediaEntry, 'id' | 'registeredAt'> & { registeredBy: string },
    at: string,
  ): Promise<MediaEntry> {
    const row = new Media(randomUUID(), schoolId, m.label, m.kind, m.classification, m.holderId, m.registeredBy, at);
    await this.tx.run((em) => em.insert(Media, row));
    return entry(row);
  }
}

const entry = (m: Media): MediaEntry => ({
  id: m.id,
  label: m.label,
  kind: m.kind,
  classification: m.classification,
  holderId: m.holderId,
  registeredAt: m.registeredAt,
});
