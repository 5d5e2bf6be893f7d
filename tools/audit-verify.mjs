#!/usr/bin/env node
/**
 * Offline verifier of a Grif audit bundle (format "grif-audit/1"): `node tools/audit-verify.mjs <file.jsonl>`.
 *
 * One file, Node's own modules only, nothing imported from Grif: whoever doubts Grif can read every line of it.
 * It recomputes, from the bundle alone:
 *   1. every instance's hash chain: seqs run 1..n, each link names the previous link's hash, each hash is
 *      sha256(prevHash + "\n" + JCS(the fields below)), and the last link is the instance's recorded head;
 *   2. the ledger of chain heads: each checkpoint's hash chains to the previous one, and every head it ever
 *      recorded is still the hash of that instance's event at that seq (a deleted instance is caught here);
 *   3. the manifest: the digest of lines 2..n, the counts, and the ES256/RS256 signature over the manifest
 *      without `signature`, by the certificate it carries, issued by the CA in its chain;
 *   4. each act's PDF against its sha256.
 * Exit 0 and `ok instances=N events=N checkpoints=N acts=N`; otherwise exit 1 and one line per problem, a chain
 * break as `broken instance=<id> seq=<n> reason=<...>` (the first one, as GET /api/audit/verify names it).
 * Whether the CA is one you trust is yours to decide: its sha256 fingerprint is printed.
 */
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { createHash, hash, verify, X509Certificate } from 'node:crypto';
import { createReadStream } from 'node:fs';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * RFC 8785 JSON Canonicalization Scheme, as the `canonicalize` package Grif hashes with: no whitespace, object keys
 * sorted by UTF-16 code units (JavaScript's default sort), numbers and strings as ECMAScript's JSON.stringify prints
 * them, undefined members left out.
 */
export function jcs(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('JCS: not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : jcs(value[i]));
    return `${out}]`;
  }
  let out = '';
  for (const key of Object.keys(value).sort()) {
    if (value[key] === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${jcs(value[key])}`;
  }
  return `{${out}}`;
}

/** Lower-case hex sha256 of a string (as UTF-8) or of bytes, in one call. */
const sha256 = (data) => hash('sha256', data, 'hex');

/** The fields of a link its hash covers besides schoolId and instanceId (which the bundle says once). */
const LINK_FIELDS = ['actorId', 'actorRoles', 'at', 'fromState', 'payload', 'seq', 'toState', 'type'];

/**
 * The hash of one link: sha256(prevHash + "\n" + JCS of exactly the fields Grif's engine covers). The JCS object is
 * written out with its keys already in sorted order (what jcs() does, without sorting a million times);
 * a link missing one of them goes through jcs(), which leaves it out as Grif's canonicalize does.
 */
export function eventHash(schoolId, instanceId, e) {
  if (LINK_FIELDS.some((k) => e[k] === undefined)) {
    const fields = { schoolId, instanceId };
    for (const k of LINK_FIELDS) fields[k] = e[k];
    return sha256(`${e.prevHash}\n${jcs(fields)}`);
  }
  return sha256(
    `${e.prevHash}\n{"actorId":${jcs(e.actorId)},"actorRoles":${jcs(e.actorRoles)},"at":${jcs(e.at)},` +
      `"fromState":${jcs(e.fromState)},"instanceId":${jcs(instanceId)},"payload":${jcs(e.payload)},` +
      `"schoolId":${jcs(schoolId)},"seq":${jcs(e.seq)},"toState":${jcs(e.toState)},"type":${jcs(e.type)}}`,
  );
}

/** The first broken link of one instance's chain, or null. */
export function checkInstance(schoolId, instance) {
  const broken = (seq, reason) => ({ instance: instance.id, seq, reason });
  let prev = GENESIS_HASH;
  let expected = 1;
  for (const e of instance.events) {
    if (e.seq !== expected) return broken(expected, 'sequence_gap');
    if (e.prevHash !== prev) return broken(e.seq, 'broken_link');
    if (eventHash(schoolId, instance.id, e) !== e.hash) return broken(e.seq, 'hash_mismatch');
    prev = e.hash;
    expected++;
  }
  if (expected - 1 !== instance.lastSeq || prev !== instance.headHash) return broken(expected - 1, 'head_mismatch');
  return null;
}

export function checkpointHash(prevHash, schoolId, c) {
  return sha256(`${prevHash}\n${jcs({ schoolId, seq: c.seq, at: c.at, heads: c.heads })}`);
}

/**
 * The ledger: an unbroken chain of checkpoints, then every instance's last recorded head [id, seq, hash] must be
 * the hash of that event in the bundle. `hashes` maps an instance id to its events' hashes, concatenated in seq order.
 */
export function checkLedger(schoolId, checkpoints, hashes) {
  let prev = GENESIS_HASH;
  const heads = new Map();
  for (const [i, c] of checkpoints.entries()) {
    if (c.seq !== i + 1 || c.prevHash !== prev || checkpointHash(prev, schoolId, c) !== c.hash)
      return { instance: `checkpoint:${c.seq}`, seq: c.seq, reason: 'checkpoint_chain' };
    prev = c.hash;
    for (const h of c.heads) heads.set(h[0], h);
  }
  for (const [instance, seq, hash] of heads.values()) {
    const events = hashes.get(instance);
    if (events === undefined) return { instance, seq, reason: 'instance_missing' };
    if (seq < 1 || events.slice(64 * (seq - 1), 64 * seq) !== hash)
      return { instance, seq, reason: 'checkpoint_mismatch' };
  }
  return null;
}

/** The manifest's own checks: digest, counts, certificate chain and signature. Problems as text, none when sound. */
export function checkManifest(manifest, digest, counts) {
  const problems = [];
  if (manifest.format !== 'grif-audit/1') problems.push(`format=${manifest.format} reason=unknown_format`);
  if (manifest.digest !== `sha256:${digest}`) problems.push('manifest reason=digest_mismatch');
  for (const k of ['instances', 'events', 'checkpoints', 'acts'])
    if (manifest.counts?.[k] !== counts[k]) problems.push(`manifest reason=count_mismatch ${k}=${counts[k]}`);
  const s = manifest.signature ?? {};
  if (!s.certificate || !s.value) return [...problems, 'manifest reason=signature_missing'];
  try {
    const cert = new X509Certificate(Buffer.from(s.certificate, 'base64'));
    const chain = (s.chain ?? []).map((c) => new X509Certificate(Buffer.from(c, 'base64')));
    const issuer = chain[0];
    if (!issuer || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      problems.push('manifest reason=certificate_not_issued_by_chain');
    const root = chain[chain.length - 1];
    if (root && !root.verify(root.publicKey)) problems.push('manifest reason=chain_not_self_signed');
    const at = Date.parse(manifest.exportedAt);
    if (!(at >= Date.parse(cert.validFrom) && at <= Date.parse(cert.validTo)))
      problems.push('manifest reason=certificate_not_valid_at_export');
    const { signature: _ignored, ...unsigned } = manifest;
    const key = s.alg === 'ES256' ? { key: cert.publicKey, dsaEncoding: 'ieee-p1363' } : cert.publicKey;
    if (
      !['ES256', 'RS256'].includes(s.alg) ||
      !verify('sha256', Buffer.from(jcs(unsigned)), key, Buffer.from(s.value, 'base64'))
    )
      problems.push('manifest reason=signature_invalid');
    if (!problems.length)
      console.log(`signed by "${cert.subject.replace(/\n/g, ', ')}" ca sha256=${(root ?? cert).fingerprint256}`);
  } catch (err) {
    problems.push(`manifest reason=signature_unreadable (${err.message})`);
  }
  return problems;
}

/** Reads a bundle line by line (strings or UTF-8 bytes; an instance at a time in memory) and answers the counts and every problem found. */
export async function verifyLines(lines) {
  const counts = { instances: 0, events: 0, checkpoints: 0, acts: 0 };
  const problems = [];
  const digest = createHash('sha256');
  const hashes = new Map();
  const checkpoints = [];
  let manifest;
  let chainBreak = null;
  let n = 0;
  for await (const bytes of lines) {
    const line = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
    if (n++ === 0) {
      manifest = JSON.parse(line);
      if (manifest.kind !== 'manifest') throw new Error('the first line is not a manifest');
      continue;
    }
    if (n > 2) digest.update('\n');
    digest.update(bytes);
    const o = JSON.parse(line);
    if (o.kind === 'instance') {
      counts.instances++;
      counts.events += o.events.length;
      // One string per instance, not a million small ones: the ledger is checked against it at the end.
      hashes.set(o.id, o.events.map((e) => e.hash).join(''));
      chainBreak ??= checkInstance(manifest.school.id, o);
    } else if (o.kind === 'checkpoint') {
      counts.checkpoints++;
      checkpoints.push(o);
    } else if (o.kind === 'act') {
      counts.acts++;
      if (sha256(Buffer.from(o.pdf, 'base64')) !== o.sha256)
        problems.push(`act=${o.id} number=${o.number} reason=sha256_mismatch`);
    } else problems.push(`line=${n} reason=unknown_kind`);
  }
  if (!manifest) throw new Error('an empty file');
  chainBreak ??= checkLedger(manifest.school.id, checkpoints, hashes);
  if (chainBreak) problems.unshift(`instance=${chainBreak.instance} seq=${chainBreak.seq} reason=${chainBreak.reason}`);
  problems.push(...checkManifest(manifest, digest.digest('hex'), counts));
  return { counts, chainBreak, problems };
}

/**
 * The file's lines as bytes, read in 1 MB chunks (a line may be long: one instance with all its events). Bytes, so
 * the digest hashes exactly what is on disk and each line is decoded from UTF-8 once.
 */
export async function* linesOf(path) {
  let rest = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
      yield buf.subarray(start, nl);
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length) yield rest;
}

export function verifyFile(path) {
  return verifyLines(linesOf(path));
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node tools/audit-verify.mjs <bundle.jsonl>');
    process.exit(2);
  }
  const { counts, problems } = await verifyFile(file).catch((err) => {
    console.log(`broken file reason=unreadable (${err.message})`);
    process.exit(1);
  });
  for (const p of problems) console.log(`broken ${p}`);
  if (problems.length) process.exit(1);
  console.log(
    `ok instances=${counts.instances} events=${counts.events} checkpoints=${counts.checkpoints} acts=${counts.acts}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
