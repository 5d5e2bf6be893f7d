import { webcrypto } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createDemoCa, issueDemoSigner, sealPrivateKey, unsealPrivateKey } from '@grif/acts';
import { GRIF_CONFIG, type GrifConfig } from '@grif/core';
import { CLOCK, type Clock } from '@grif/engine';
import { SchoolSetting, SchoolsRepository, WriteTransactions } from '@grif/persistence';

/** What signs a school's audit exports: an ECDSA P-256 key (ES256), its certificate, and the CA that issued it. */
export interface SchoolSigningKey {
  privateKey: webcrypto.CryptoKey;
  certificate: Uint8Array;
  chain: Uint8Array[];
}

/** How the key is kept in school_settings: certificates in clear, the private key sealed under the server secret. */
interface StoredKey {
  certificate: string;
  chain: string[];
  sealedKey: string;
}

const SETTING = 'auditSigningKey';
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/**
 * The school's export key is made on its first export: the install issues it from its own CA (the acts' demo CA
 * code), named after the school, so an outsider checks the signature against a certificate, not a bare key.
 * With GRIF_AUDIT_KEY_SECRET the key is stored sealed (PBES2, as signers' keys are) and reused across restarts;
 * without it the key lives in memory for this run only (each export still carries its certificate and CA).
 */
@Injectable()
export class ExportSigningKeys {
  private readonly cache = new Map<string, Promise<SchoolSigningKey>>();

  constructor(
    private readonly tx: WriteTransactions,
    private readonly schools: SchoolsRepository,
    @Inject(GRIF_CONFIG) private readonly config: GrifConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  of(schoolId: string): Promise<SchoolSigningKey> {
    let key = this.cache.get(schoolId);
    if (!key) {
      key = this.load(schoolId);
      // A failure must not stick: the next export tries again.
      key.catch(() => this.cache.delete(schoolId));
      this.cache.set(schoolId, key);
    }
    return key;
  }

  private async load(schoolId: string): Promise<SchoolSigningKey> {
    const secret = this.config.auditKeySecret;
    if (secret) {
      const row = await this.tx
        .reader()
        .findOne(SchoolSetting, { schoolId, name: SETTING }, { disableIdentityMap: true });
      if (row) return this.open(JSON.parse(row.value) as StoredKey, secret);
    }
    const made = await this.issue(schoolId);
    if (!secret) return made;
    const stored: StoredKey = {
      certificate: b64(made.certificate),
      chain: made.chain.map(b64),
      sealedKey: sealPrivateKey(new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', made.privateKey)), secret),
    };
    const kept = await this.tx.run(async (em) => {
      // Two processes may make one at once: the first stored wins and both sign with it.
      const existing = await em.findOne(SchoolSetting, { schoolId, name: SETTING });
      if (existing) return JSON.parse(existing.value) as StoredKey;
      await em.insert(
        SchoolSetting,
        new SchoolSetting(schoolId, SETTING, JSON.stringify(stored), this.clock.now().toISOString(), 'system'),
      );
      return stored;
    });
    return kept === stored ? made : this.open(kept, secret);
  }

  private async open(stored: StoredKey, secret: string): Promise<SchoolSigningKey> {
    return {
      privateKey: await unsealPrivateKey(stored.sealedKey, secret),
      certificate: Buffer.from(stored.certificate, 'base64'),
      chain: stored.chain.map((c) => Buffer.from(c, 'base64')),
    };
  }

  private async issue(schoolId: string): Promise<SchoolSigningKey> {
    const name = await this.schools.nameOf(schoolId);
    // A day back, as the demo signers' are: a clock set a little back still finds the certificate valid.
    const now = new Date(this.clock.now().getTime() - 24 * 3600_000);
    const organization = name ?? schoolId;
    const ca = await createDemoCa({ name: 'Grif аудит күбөлүк борбору', organization, now });
    const signer = await issueDemoSigner(ca, {
      name: `${organization}: аудит экспорту`,
      organization,
      now,
      serialNumber: 1,
      keyAlgorithm: 'ECDSA',
    });
    return { privateKey: signer.privateKey, certificate: signer.certificate, chain: [ca.certificate] };
  }
}
