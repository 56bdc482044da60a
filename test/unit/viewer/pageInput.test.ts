import { describe, expect, it } from 'vitest';
import { clampPage, parsePageInput } from '../../../renderer/src/viewer/logic/pageInput';

describe('parsePageInput', () => {
  it('accepts a page within the document', () => {
    expect(parsePageInput('5', 86)).toEqual({ ok: true, page: 5 });
    expect(parsePageInput(' 86 ', 86)).toEqual({ ok: true, page: 86 });
    expect(parsePageInput('1', 1)).toEqual({ ok: true, page: 1 });
  });

  it('accepts full-width digits typed with a Chinese input method', () => {
    expect(parsePageInput('１２', 86)).toEqual({ ok: true, page: 12 });
  });

  it('refuses empty input, non-numbers and pages outside the document', () => {
    expect(parsePageInput('', 86)).toEqual({ ok: false, reason: 'empty' });
    expect(parsePageInput('   ', 86)).toEqual({ ok: false, reason: 'empty' });
    for (const text of ['abc', '5a', '-3', '2.5', '1e2', '五', '+4']) {
      expect(parsePageInput(text, 86)).toEqual({ ok: false, reason: 'notANumber' });
    }
    expect(parsePageInput('0', 86)).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parsePageInput('87', 86)).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parsePageInput('99999999999999999999', 86)).toEqual({ ok: false, reason: 'outOfRange' });
    expect(parsePageInput('1', 0)).toEqual({ ok: false, reason: 'outOfRange' });
  });
});

describe('clampPage', () => {
  it('keeps pages within 1..pages', () => {
    expect(clampPage(0, 10)).toBe(1);
    expect(clampPage(11, 10)).toBe(10);
    expect(clampPage(4.6, 10)).toBe(5);
    expect(clampPage(Number.NaN, 10)).toBe(1);
    expect(clampPage(3, 0)).toBe(1);
  });
});
