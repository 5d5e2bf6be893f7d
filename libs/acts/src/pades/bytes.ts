import { createHash } from 'node:crypto';

export const toArrayBuffer = (u: Uint8Array): ArrayBuffer =>
  u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
