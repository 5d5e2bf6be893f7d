import { z } from 'zod';
// The machine-free module of workflows/ (see vocabulary.ts).
import {
  actEventSchemas,
  createCustodyTransferSchema,
  createDestructionSchema,
} from '../../../workflows/acts/act-events';

const instant = z.iso.datetime({ offset: true });
/** Bytes in base64 (RFC 4648, padded); a plain pattern, as JSON Schema 2020-12 has no base64 format. */
const base64 = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64');

export const ACT_STATES = ['draft', 'inventory', 'rendering', 'awaiting_signatures', 'completed', 'rejected'] as const;
export const actStateSchema = z.enum(ACT_STATES).meta({ id: 'ActState' });
export const actKindSchema = z.enum(['destruction', 'custody_transfer', 'breach_report']).meta({ id: 'ActKind' });

/** `POST /api/acts`: a destruction act (clerk) or an acceptance-transfer act (director). */
export const createActRequestSchema = z
  .union([createDestructionSchema, createCustodyTransferSchema])
  .meta({ id: 'CreateActRequest' });
export type CreateActRequest = z.infer<typeof createActRequestSchema>;

export const actCreatedSchema = z
  .object({ id: z.string(), number: z.string(), state: actStateSchema, version: z.int() })
  .meta({ id: 'ActCreated' });

/** What a person sends to `POST /api/acts/{id}/events`; SIGN carries the passphrase, never stored. */
export const actEventRequestSchema = z
  .union([
    z.strictObject({ type: z.literal('SUBMIT') }),
    z.strictObject({ type: z.literal('WITHDRAW_ITEM'), ...actEventSchemas.WITHDRAW_ITEM.shape }),
    z.strictObject({ type: z.literal('MARK'), ...actEventSchemas.MARK.shape }),
    z.strictObject({ type: z.literal('SIGN'), passphrase: z.string().min(1).max(1000) }),
    z.strictObject({ type: z.literal('REJECT'), ...actEventSchemas.REJECT.shape }),
  ])
  .meta({ id: 'ActEventRequest' });
export const signPassphraseSchema = z.strictObject({ passphrase: z.string().min(1).max(1000) });

export const actEventAcceptedSchema = z
  .object({ state: actStateSchema, version: z.int(), pdfSha256: z.string().nullable().optional() })
  .meta({ id: 'ActEventAccepted' });

export const destructionCandidateSchema = z
  .object({
    documentId: z.string(),
    regNumber: z.string(),
    title: z.string(),
    fileIndex: z.string(),
    eligibleSince: z.iso.date(),
    copies: z.array(z.object({ documentId: z.string(), regNumber: z.string() })),
  })
  .meta({ id: 'DestructionCandidate' });

export const actListItemSchema = z
  .object({
    id: z.string(),
    kind: actKindSchema,
    number: z.string(),
    state: actStateSchema,
    version: z.int(),
    createdAt: instant,
    itemCount: z.int(),
    awaitingMe: z.boolean(),
    nextSigner: z.object({ userId: z.string(), name: z.string() }).nullable(),
    awaiting: z
      .array(z.object({ userId: z.string(), name: z.string() }))
      .describe('everyone whose signature the act waits for now (a commission signs in any order)'),
  })
  .meta({ id: 'ActListItem' });
export const actListQuerySchema = z.object({ awaiting: z.literal('me').optional() });
export const actPrintoutQuerySchema = z.object({ lang: z.enum(['ky', 'ru']).optional() });

export const actViewSchema = z
  .object({
    id: z.string(),
    kind: actKindSchema,
    number: z.string(),
    state: actStateSchema,
    version: z.int(),
    createdAt: instant,
    createdBy: z.object({ userId: z.string(), name: z.string() }),
    items: z.array(
      z.object({
        documentId: z.string(),
        regNumber: z.string(),
        title: z.string(),
        itemKind: z.enum(['document', 'copy', 'carrier']),
        copyOfId: z.string().nullable(),
        fileIndex: z.string().nullable(),
        present: z.boolean().nullable(),
      }),
    ),
    signers: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        role: z.enum(['commission_member', 'director', 'outgoing_clerk', 'incoming_clerk', 'security_officer']),
        signedAt: instant.nullable(),
        turn: z.int().describe('signers of the lowest unsigned turn sign now, in any order among them'),
      }),
    ),
    availableEvents: z.array(z.string()),
    blockedEvents: z
      .array(z.object({ type: z.string(), rule: z.string().optional(), code: z.string() }))
      .describe("Events the caller's role allows but a rule forbids now, with that rule: show them, and say why."),
    pdfSha256: z.string().nullable(),
    completedAt: instant.nullable(),
    rejected: z.object({ reason: z.string(), by: z.string(), byName: z.string(), at: instant }).nullable(),
    order: z.object({ number: z.string(), date: z.iso.date() }).nullable(),
    outgoingClerk: z.object({ userId: z.string(), name: z.string() }).nullable(),
    incomingClerk: z.object({ userId: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: 'ActView' });
export type ActView = z.infer<typeof actViewSchema>;

export const actVerificationSchema = z
  .object({
    ok: z.boolean().describe('every signature valid and the PDF the one the history names'),
    hashMatches: z.boolean().describe("the stored PDF's SHA-256 equals the one in the act's history"),
    signatures: z.array(
      z.object({
        signer: z.string(),
        signedAt: instant.nullable(),
        valid: z.boolean(),
        coversWholeDocument: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ActVerification' });

export const certificateViewSchema = z
  .union([
    z.object({ enrolled: z.literal(false) }),
    z.object({
      enrolled: z.literal(true),
      subject: z.string(),
      issuer: z.string(),
      serialNumber: z.string(),
      notAfter: instant,
      sha256: z.string(),
    }),
  ])
  .meta({ id: 'CertificateView' });
export type CertificateView = z.infer<typeof certificateViewSchema>;

export const enrolCertificateRequestSchema = z
  .strictObject({
    pkcs12: base64(200_000).describe('the PKCS#12 (.p12/.pfx) file, base64'),
    passphrase: z.string().min(1).max(1000),
  })
  .meta({ id: 'EnrolCertificateRequest' });

export const prepareSignatureRequestSchema = z
  .strictObject({ certificate: base64(20_000).optional().describe('DER, base64; default: the enrolled one') })
  .meta({ id: 'PrepareSignatureRequest' });
export const preparedSignatureSchema = z
  .object({
    sessionId: z.string(),
    dataToSign: z
      .string()
      .describe('base64 DER of the CMS signed attributes: sign it with SHA-256 (RSA PKCS#1 v1.5 or ECDSA)'),
    algorithm: z.literal('SHA-256'),
  })
  .meta({ id: 'PreparedSignature' });
export const completeSignatureRequestSchema = z
  .strictObject({ signatureValue: base64(20_000) })
  .meta({ id: 'CompleteSignatureRequest' });
