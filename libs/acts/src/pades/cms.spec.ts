import * as asn1js from 'asn1js';
import { ecdsaToDer } from './cms';

const rawSignature = (first: number[]): Uint8Array => {
  const raw = new Uint8Array(64).fill(0x11);
  raw.set(first);
  return raw;
};

const integersOf = (der: Uint8Array): string[] => {
  const parsed = asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer);
  expect(parsed.offset).toBe(der.length);
  const seq = parsed.result as asn1js.Sequence;
  return seq.valueBlock.value.map((v) => Buffer.from((v as asn1js.Integer).valueBlock.valueHexView).toString('hex'));
};

describe('ecdsaToDer', () => {
  it('wraps a raw r||s that reads as an odd-length UniversalString (it threw once in a few hundred signatures)', () => {
    const raw = rawSignature([0x1c, 0x03]);
    const [r, s] = integersOf(ecdsaToDer(raw));
    expect(r).toBe(Buffer.from(raw.subarray(0, 32)).toString('hex'));
    expect(s).toBe(Buffer.from(raw.subarray(32)).toString('hex'));
  });

  it('wraps a raw r||s that starts like a SEQUENCE but is not one, and pads a high bit', () => {
    const raw = rawSignature([0x30, 0x3e, 0x02]);
    raw[32] = 0x80;
    const [r, s] = integersOf(ecdsaToDer(raw));
    expect(r.startsWith('303e02')).toBe(true);
    expect(s).toBe('00' + Buffer.from(raw.subarray(32)).toString('hex'));
  });

  it('leaves a DER signature as it is', () => {
    const der = ecdsaToDer(rawSignature([0x01]));
    expect(ecdsaToDer(der)).toBe(der);
  });
});
