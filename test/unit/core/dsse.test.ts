import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/signing/canonical-json';
import { envelopeSignedBy, EnvelopeError, openEnvelope, pae, signEnvelope } from '../../../electron/core/signing/dsse';
import { generateSeed } from '../../../electron/core/keys/ed25519';

const TYPE = 'application/vnd.reviewdesk.scores+json;v=1';

function envelopeBytes(envelope: unknown): Buffer {
  return Buffer.from(JSON.stringify(envelope));
}

describe('PAE', () => {
  it('matches the DSSE specification example', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts lengths in bytes, not characters', () => {
    expect(pae('t', Buffer.from('评审', 'utf8')).toString('utf8')).toBe('DSSEv1 1 t 6 评审');
  });
});

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units and writes numbers in their shortest form', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 0.1, -0, 1.5e-7], '\u20ac': 'x', '\r': 'y', 1: true })).toBe(
      '{"\\r":"y","1":true,"a":[1e+21,0.1,0,1.5e-7],"b":1,"€":"x"}',
    );
  });

  it('is idempotent and order-independent for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          const reversed = Object.fromEntries(Object.entries(value).reverse());
          expect(canonicalJson(reversed)).toBe(once);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('DSSE envelopes', () => {
  const { seed, publicKey } = generateSeed();
  const other = generateSeed();

  it('round-trips any JSON payload', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        const opened = openEnvelope(envelopeBytes(signEnvelope(TYPE, payload, seed, publicKey)), TYPE);
        expect(envelopeSignedBy(opened, publicKey)).toBe(true);
        expect(envelopeSignedBy(opened, other.publicKey)).toBe(false);
        expect(canonicalJson(opened.payload)).toBe(canonicalJson(payload));
      }),
      { numRuns: 200 },
    );
  });

  it('detects a payload changed after signing', () => {
    const envelope = signEnvelope(TYPE, { total: 71.5 }, seed, publicKey);
    const changed = { ...envelope, payload: Buffer.from(canonicalJson({ total: 91.5 })).toString('base64') };
    expect(envelopeSignedBy(openEnvelope(envelopeBytes(changed), TYPE), publicKey)).toBe(false);
  });

  it('refuses a payload that is not byte-identical to its canonical form', () => {
    const envelope = signEnvelope(TYPE, { a: 1, b: 2 }, seed, publicKey);
    const loose = { ...envelope, payload: Buffer.from('{"b":2,"a":1}').toString('base64') };
    expect(() => openEnvelope(envelopeBytes(loose), TYPE)).toThrow(/canonical/);
    const spaced = { ...envelope, payload: Buffer.from('{"a": 1,"b":2}').toString('base64') };
    expect(() => openEnvelope(envelopeBytes(spaced), TYPE)).toThrow(EnvelopeError);
  });

  it('refuses unknown payload types, non-envelopes and unpadded base64', () => {
    const envelope = signEnvelope(TYPE, {}, seed, publicKey);
    expect(() => openEnvelope(envelopeBytes(envelope), 'application/vnd.reviewdesk.bundle+json;v=1')).toThrow(/unknown payload type/);
    expect(() => openEnvelope(Buffer.from('{"hello":1}'), TYPE)).toThrow(/not a DSSE envelope/);
    expect(() => openEnvelope(Buffer.from('PK\u0003\u0004'), TYPE)).toThrow(/not valid JSON/);
    const unpadded = { ...envelope, payload: Buffer.from('{"a":1}').toString('base64').replace(/=+$/, '') };
    expect(() => openEnvelope(envelopeBytes(unpadded), TYPE)).toThrow(/base64/);
  });

  it('requires the keyid to be the signer fingerprint', () => {
    const envelope = signEnvelope(TYPE, { x: 1 }, seed, publicKey);
    const relabelled = { ...envelope, signatures: [{ ...envelope.signatures[0]!, keyid: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }] };
    expect(envelopeSignedBy(openEnvelope(envelopeBytes(relabelled), TYPE), publicKey)).toBe(false);
  });
});
