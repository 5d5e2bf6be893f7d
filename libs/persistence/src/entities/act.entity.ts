import { EntitySchema } from '@mikro-orm/core';

/** The query model of an act (destruction, custody transfer): the list, the "to sign" queue. The machine is the truth. */
export class ActRecord {
  pdfSha256: string | null = null;
  /** `,id,id,` of the people whose signature the act waits for now (a `like` finds one). */
  awaitingIds = '';
  /** `,id,id,` of everyone the act names (signers, both clerks): who may see it besides the records office. */
  participantIds = '';
  constructor(
    public id: string,
    public schoolId: string,
    public kind: string,
    public number: string,
    public state: string,
    public version: number,
    public itemCount: number,
    public createdAt: string,
    public updatedAt: string,
  ) {}
}

export const ActRecordSchema = new EntitySchema<ActRecord>({
  class: ActRecord,
  tableName: 'acts',
  indexes: [{ properties: ['schoolId', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 40 },
    number: { type: 'string', length: 64 },
    state: { type: 'string', length: 40 },
    version: { type: 'integer' },
    itemCount: { type: 'integer' },
    pdfSha256: { type: 'string', length: 64, nullable: true },
    awaitingIds: { type: 'text' },
    participantIds: { type: 'text' },
    createdAt: { type: 'string', length: 24 },
    updatedAt: { type: 'string', length: 24 },
  },
});

/** Every revision of an act's PDF: the rendering, then one more per signature (an incremental update). Kept forever. */
export class ActRevision {
  constructor(
    public id: string,
    public schoolId: string,
    public actId: string,
    public revision: number,
    public sha256: string,
    public pdf: Buffer,
    public createdBy: string,
    public createdAt: string,
  ) {}
}

export const ActRevisionSchema = new EntitySchema<ActRevision>({
  class: ActRevision,
  tableName: 'act_revisions',
  uniques: [{ properties: ['actId', 'revision'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    actId: { type: 'string', length: 36 },
    revision: { type: 'integer' },
    sha256: { type: 'string', length: 64 },
    pdf: { type: 'blob' },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'string', length: 24 },
  },
});

/** A signer's enrolled certificate; the private key only encrypted under their passphrase (never in clear). */
export class SignerCertificate {
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public certificate: Buffer,
    public sealedKey: string,
    public subject: string,
    public issuer: string,
    public serialNumber: string,
    public sha256: string,
    public notAfter: string,
    public enrolledAt: string,
  ) {}
}

export const SignerCertificateSchema = new EntitySchema<SignerCertificate>({
  class: SignerCertificate,
  tableName: 'signer_certificates',
  uniques: [{ properties: ['schoolId', 'userId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    certificate: { type: 'blob' },
    sealedKey: { type: 'text' },
    subject: { type: 'string', length: 300 },
    issuer: { type: 'string', length: 300 },
    serialNumber: { type: 'string', length: 80 },
    sha256: { type: 'string', length: 64 },
    notAfter: { type: 'string', length: 24 },
    enrolledAt: { type: 'string', length: 24 },
  },
});

/** Step one of the two-step signature: the prepared revision waits here for the signature value from outside. */
export class SigningSession {
  constructor(
    public id: string,
    public schoolId: string,
    public actId: string,
    public userId: string,
    /** The act's version the preparation was made on: a later signature makes the session stale. */
    public actVersion: number,
    public certificate: Buffer,
    public prepared: Buffer,
    public createdAt: string,
  ) {}
}

export const SigningSessionSchema = new EntitySchema<SigningSession>({
  class: SigningSession,
  tableName: 'signing_sessions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    actId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    actVersion: { type: 'integer' },
    certificate: { type: 'blob' },
    prepared: { type: 'blob' },
    createdAt: { type: 'string', length: 24 },
  },
});
