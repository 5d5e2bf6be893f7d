import { parsedSnapshot, snapshotText } from './snapshot-texts';

describe('snapshot texts', () => {
  it('gives back the object written while the row holds the text written', () => {
    const written = { value: 'issued', context: { holder: 'Айгүл' } };
    const text = snapshotText('instance-1', written);
    expect(text).toBe(JSON.stringify(written));
    expect(parsedSnapshot('instance-1', text)).toBe(written);
  });

  it('parses a text it did not write (a write rolled back, another process’s), and keeps that one', () => {
    const written = { value: 'issued', context: {} };
    snapshotText('instance-2', written);
    const stored = JSON.stringify({ value: 'stored', context: {} });
    const read = parsedSnapshot('instance-2', stored);
    expect(read).not.toBe(written);
    expect(read).toEqual({ value: 'stored', context: {} });
    expect(parsedSnapshot('instance-2', stored)).toBe(read);
  });

  it('keeps instances apart', () => {
    const text = snapshotText('instance-3', { value: 'a', context: {} });
    expect(parsedSnapshot('instance-4', text)).not.toBe(parsedSnapshot('instance-3', text));
  });
});
