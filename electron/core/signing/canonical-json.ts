// RFC 8785 (JCS) canonical JSON, via the `canonicalize` package.
import canonicalize from 'canonicalize';

/** The JCS text of a JSON value. Throws on values JSON cannot carry (NaN, lone surrogates, …). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/** The JCS UTF-8 bytes of a JSON value: what DSSE signs. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}
