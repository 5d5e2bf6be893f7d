import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GrifError } from '@grif/domain';
import { NomenclatureFile } from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface FileEntry {
  id: string;
  index: string;
  title: string;
  year: number;
  /** null = kept permanently. */
  retentionYears: number | null;
}

/** The nomenclature of files (номенклатура дел): where documents are filed, and for how long. */
export class NomenclatureRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /** Newest year first, by index within a year. */
  async files(schoolId: string): Promise<FileEntry[]> {
    const rows = await this.tx
      .reader()
      .find(NomenclatureFile, { schoolId }, { orderBy: { year: 'desc', index: 'asc' } });
    return rows.map((f) => ({
      id: f.id,
      index: f.index,
      title: f.title,
      year: f.year,
      retentionYears: f.retentionYears,
    }));
  }

  async add(schoolId: string, file: Omit<FileEntry, 'id'>, at: string): Promise<FileEntry> {
    const row = new NomenclatureFile(
      randomUUID(),
      schoolId,
      file.index,
      file.title,
      file.year,
      file.retentionYears,
      at,
    );
    await this.tx
      .run((em) => em.insert(NomenclatureFile, row))
      .catch((err: unknown) => {
        // The same index twice in one year: the caller's conflict, not a fault.
        if (err instanceof UniqueConstraintViolationException)
          throw new GrifError('conflict', 'ALREADY_EXISTS', {}, { cause: err });
        throw err;
      });
    return { id: row.id, index: row.index, title: row.title, year: row.year, retentionYears: row.retentionYears };
  }
}
