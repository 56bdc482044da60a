import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactOf,
  exactOfDecimal,
  formatExact,
  Fraction,
  isMultipleOf,
  ratioString,
  roundHalfUp,
  toNumber,
} from '../../../shared/exact';

const f = (n: bigint, d: bigint) => new Fraction(n, d);

describe('exactOf', () => {
  it('reads the shortest round-trip decimal, not the binary double', () => {
    expect(ratioString(exactOf(0.1))).toBe('1/10');
    expect(ratioString(exactOf(0.7))).toBe('7/10');
    expect(ratioString(exactOf(-2.5))).toBe('-5/2');
    expect(ratioString(exactOf(30))).toBe('30/1');
    expect(ratioString(exactOf(0))).toBe('0/1');
    expect(ratioString(exactOf(-0))).toBe('0/1');
  });

  it('reads exponent forms', () => {
    expect(String(1e-7)).toBe('1e-7');
    expect(ratioString(exactOf(1e-7))).toBe('1/10000000');
    expect(ratioString(exactOf(1.5e-7))).toBe('3/20000000');
    expect(String(1e21)).toBe('1e+21');
    expect(exactOf(1e21).n).toBe(10n ** 21n);
    expect(exactOf(-1.25e22).equals(f(-125n * 10n ** 20n, 1n))).toBe(true);
    expect(exactOf(Number.MAX_SAFE_INTEGER).n).toBe(9007199254740991n);
  });

  it('refuses NaN and infinities', () => {
    expect(() => exactOf(Number.NaN)).toThrow(RangeError);
    expect(() => exactOf(Infinity)).toThrow(RangeError);
    expect(() => exactOfDecimal('1,5')).toThrow(RangeError);
  });

  it('makes 0.1 + 0.2 exactly 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(exactOf(0.1).add(exactOf(0.2)).equals(exactOf(0.3))).toBe(true);
  });
});

describe('isMultipleOf', () => {
  it('is exact for decimal steps', () => {
    expect(isMultipleOf(exactOf(25), exactOf(0.5))).toBe(true);
    expect(isMultipleOf(exactOf(0.3), exactOf(0.1))).toBe(true);
    expect(isMultipleOf(exactOf(5.5), exactOf(0.05))).toBe(true);
    expect(isMultipleOf(exactOf(110), exactOf(5.5))).toBe(true);
    expect(isMultipleOf(exactOf(0), exactOf(0.7))).toBe(true);
  });
  it('says no when it is not', () => {
    expect(isMultipleOf(exactOf(30), exactOf(0.7))).toBe(false);
    expect(isMultipleOf(exactOf(12.3), exactOf(0.5))).toBe(false);
    expect(isMultipleOf(exactOf(1), exactOf(0))).toBe(false);
  });
});

describe('roundHalfUp', () => {
  it('rounds half-up on the exact value', () => {
    // 1.005 as a double is 1.00499999999999989…, which toFixed rounds down; the exact decimal rounds up
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(roundHalfUp(exactOf(2.345), 2)).toBe(2.35);
    expect(roundHalfUp(exactOf(2.344999), 2)).toBe(2.34);
    expect(roundHalfUp(exactOf(1.005), 2)).toBe(1.01);
    expect(roundHalfUp(f(2n, 3n), 2)).toBe(0.67);
    expect(roundHalfUp(f(1n, 3n), 2)).toBe(0.33);
    expect(roundHalfUp(exactOf(7), 2)).toBe(7);
    expect(roundHalfUp(exactOf(2.5), 0)).toBe(3);
  });
  it('rounds negative halves away from zero', () => {
    expect(roundHalfUp(exactOf(-2.345), 2)).toBe(-2.35);
    expect(roundHalfUp(exactOf(-0.001), 2)).toBe(0);
    expect(Object.is(roundHalfUp(exactOf(-0.001), 2), -0)).toBe(false);
  });
  it('refuses a bad number of decimals', () => {
    expect(() => roundHalfUp(exactOf(1), -1)).toThrow(RangeError);
    expect(() => roundHalfUp(exactOf(1), 1.5)).toThrow(RangeError);
  });
});

describe('ratioString and formatExact', () => {
  it('writes p/q with the denominator always', () => {
    expect(ratioString(f(7n, 1n))).toBe('7/1');
    expect(ratioString(f(-2n, 6n))).toBe('-1/3');
  });
  it('writes the shortest decimal when finite, else p/q', () => {
    expect(formatExact(exactOf(0.7))).toBe('0.7');
    expect(formatExact(exactOf(30))).toBe('30');
    expect(formatExact(exactOf(-71.5))).toBe('-71.5');
    expect(formatExact(exactOf(1e-7))).toBe('0.0000001');
    expect(formatExact(f(1n, 3n))).toBe('1/3');
    expect(formatExact(f(0n, 1n))).toBe('0');
    expect(formatExact(f(3n, 8n))).toBe('0.375');
  });
  it('toNumber gives the double of the exact decimal', () => {
    expect(toNumber(exactOf(0.1).add(exactOf(0.2)))).toBe(0.3);
    expect(toNumber(f(1n, 3n))).toBeCloseTo(1 / 3, 15);
  });
});

describe('properties', () => {
  it('exactOf(x) equals the exact value of the decimal String(x) prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const exact = exactOf(x);
        expect(exact.equals(exactOfDecimal(String(x)))).toBe(true);
        // and formatting it back gives a decimal that parses to the same double
        expect(Number(formatExact(exact))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('exactOf agrees with a decimal built from integer digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 15 }), (digits, places) => {
        const text = formatExact(f(digits, 10n ** BigInt(places)));
        const x = Number(text);
        if (String(x) !== text) return; // not a shortest round-trip form: nothing to compare
        expect(exactOf(x).equals(f(digits, 10n ** BigInt(places)))).toBe(true);
      }),
    );
  });
});
