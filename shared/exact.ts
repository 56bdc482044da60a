// Exact arithmetic on scores (FORMATS §6): a JSON number means the decimal of its shortest
// round-trip form, and every sum, comparison and threshold is done on that exact value.
import Fraction from 'fraction.js';

export { Fraction };

const decimalForm = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The exact value of a JSON number: the decimal that `String(n)` prints (its shortest round-trip
 * form), exponent forms included (`1e-7`, `1e+21`). Built from BigInts, never from the double.
 * Throws a RangeError for NaN and ±Infinity, which no JSON number can be.
 */
export function exactOf(n: number): Fraction {
  if (!Number.isFinite(n)) throw new RangeError(`${String(n)} is not a finite number`);
  return exactOfDecimal(String(n));
}

/** The exact value of a decimal string such as `-12.50`, `3`, `1.5e-7`. */
export function exactOfDecimal(text: string): Fraction {
  const match = decimalForm.exec(text);
  if (match === null) throw new RangeError(`"${text}" is not a decimal number`);
  const [, minus, whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let numerator = BigInt(whole + fraction);
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  if (minus !== undefined) numerator = -numerator;
  return new Fraction(numerator, denominator);
}

/** True when `value` is a whole multiple (…, −1, 0, 1, 2, …) of `step`; false for a zero step. */
export function isMultipleOf(value: Fraction, step: Fraction): boolean {
  if (step.n === 0n) return false;
  return value.div(step).d === 1n;
}

/** The signed numerator of `f` (fraction.js keeps the sign apart). */
function signedNumerator(f: Fraction): bigint {
  return f.s * f.n;
}

/**
 * `value` rounded half-up to `decimals` places, on the exact value, as the nearest JS number of
 * the rounded decimal: 2.345 → 2.35, 2.344999 → 2.34. Halves of negative values round away from
 * zero (−2.345 → −2.35), i.e. the rounding is symmetric about zero.
 */
export function roundHalfUp(value: Fraction, decimals: number): number {
  return roundHalfUpRatio(signedNumerator(value), value.d, decimals);
}

/**
 * `roundHalfUp` of numerator/denominator (denominator > 0, not necessarily in lowest terms), for
 * the merge's hot loops: the result depends only on the value, so no Fraction is needed.
 */
export function roundHalfUpRatio(numerator: bigint, denominator: bigint, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a whole number ≥ 0, got ${decimals}`);
  }
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(decimals);
  // floor(magnitude / denominator + 1/2) with BigInts
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const negative = numerator < 0n && rounded !== 0n;
  return Number(decimalText(rounded, decimals, negative));
}

/** `"p/q"` in lowest terms, the denominator always written: `"7/1"`, `"-1/3"`. */
export function ratioString(f: Fraction): string {
  return `${signedNumerator(f)}/${f.d}`;
}

/**
 * The shortest decimal of `f` when it has a finite one (`"0.7"`, `"30"`, `"-2.5"`), else `"p/q"`.
 * For messages such as `0.7 does not divide 30`.
 */
export function formatExact(f: Fraction): string {
  let rest = f.d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos += 1;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives += 1;
  }
  if (rest !== 1n) return ratioString(f);
  const places = Math.max(twos, fives);
  const digits = (f.n * 10n ** BigInt(places)) / f.d;
  return decimalText(digits, places, f.s < 0n && f.n !== 0n);
}

/** The JS number nearest to the exact value of `f` (via its decimal when finite). */
export function toNumber(f: Fraction): number {
  const text = formatExact(f);
  if (!text.includes('/')) return Number(text);
  return Number(signedNumerator(f)) / Number(f.d);
}

const EXACT_IN_A_DOUBLE = 2n ** 53n;

/**
 * `toNumber(new Fraction(numerator, denominator))` (denominator > 0), without the Fraction when
 * both parts are integers a double holds exactly: one IEEE division of exact operands is then
 * correctly rounded, and so is each path of `toNumber` (the decimal's conversion, or the division
 * of the lowest terms, which are no larger), so all give the same nearest double.
 */
export function ratioToNumber(numerator: bigint, denominator: bigint): number {
  if (denominator > 0n && denominator <= EXACT_IN_A_DOUBLE && numerator <= EXACT_IN_A_DOUBLE && numerator >= -EXACT_IN_A_DOUBLE) {
    return Number(numerator) / Number(denominator);
  }
  return toNumber(new Fraction(numerator, denominator));
}

/** `digits` (≥ 0) with a decimal point `places` from the right, trailing zeros dropped. */
function decimalText(digits: bigint, places: number, negative: boolean): string {
  let text = digits.toString();
  if (places > 0) {
    text = text.padStart(places + 1, '0');
    const whole = text.slice(0, text.length - places);
    const fraction = text.slice(text.length - places).replace(/0+$/, '');
    text = fraction === '' ? whole : `${whole}.${fraction}`;
  }
  return negative ? `-${text}` : text;
}
