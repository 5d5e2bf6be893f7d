import type { RenderOptions, SchoolRequisites } from './act';

/** A printable journal (registration, copies, issues, carriers…): plain data, already in the reader's words. */
export interface JournalColumn {
  header: string;
  /** The column's share of the table's width, relative to the others (e.g. 3 for a number, 20 for a title). */
  width: number;
}

export interface Journal {
  title: string;
  school: SchoolRequisites;
  /** The chosen period, calendar days `yyyy-MM-dd`, both included. */
  period: { from: string; to: string };
  columns: JournalColumn[];
  /** One array of cell texts per row, in the columns' order. */
  rows: string[][];
  /** Lines under the period: what the rows are (registered in the period, as it stood at its end…). */
  notes?: string[];
  /** When the paper was made; printed under the table. */
  madeAt?: Date;
}

export interface JournalRenderOptions extends RenderOptions {
  /** Landscape by default: journals are wide. */
  orientation?: 'portrait' | 'landscape';
  /** A first "№" column numbering the rows 1, 2, 3… (default true). */
  numbered?: boolean;
}
