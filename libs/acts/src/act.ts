/** What an act looks like to the renderer: plain data, already in the reader's words. */
export type ActLanguage = 'ky' | 'ru';

export interface SchoolRequisites {
  name: string;
  address?: string;
  /** Further lines under the name: phone, e-mail, tax number… printed as given. */
  lines?: string[];
}

export interface ActItem {
  regNumber: string;
  title: string;
  /** Free text for the last column (copies, dates, present/missing…). */
  note?: string;
}

export interface ActSigner {
  position: string;
  name: string;
  /** Set only when the render is made after signing (a printout of a signed act). */
  signedAt?: Date;
}

export interface Act {
  title: string;
  number: string;
  date: Date;
  school: SchoolRequisites;
  /** Paragraphs printed between the heading and the table (the order, the commission…). */
  preamble?: string[];
  items: ActItem[];
  signers: ActSigner[];
  /** Headers of the table's three text columns, when its lines are not documents (a breach report's steps). */
  columns?: { regNumber: string; title: string; note: string };
}

export interface RenderOptions {
  language?: ActLanguage;
  /** IANA zone in which dates and signature times are printed. */
  timeZone?: string;
}
