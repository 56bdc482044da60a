import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryNameKey, entryNameProblem } from '../../../shared/bundle/entry-name';

const safeSegment = fc
  .stringMatching(/^[A-Za-z0-9_\-\u4e00-\u9fa5][A-Za-z0-9_.\- \u4e00-\u9fa5]{0,20}$/)
  .filter((s) => s !== '.' && s !== '..' && !/^[A-Za-z]:/.test(s));

describe('entry names', () => {
  it('accepts relative paths of ordinary segments, Chinese included', () => {
    for (const name of ['files/A001/申报材料.pdf', 'manifest.json', 'files/', 'files/a b/c.d.pdf']) expect(entryNameProblem(name)).toBeNull();
    fc.assert(
      fc.property(fc.array(safeSegment, { minLength: 1, maxLength: 5 }), (segments) => {
        expect(entryNameProblem(segments.join('/'))).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['', /empty/],
    ['../evil.pdf', /\.\./],
    ['files/../../evil.pdf', /\.\./],
    ['/etc/passwd', /absolute/],
    ['files\\..\\evil.pdf', /backslash/],
    ['C:/evil.pdf', /drive/],
    ['c:evil.pdf', /drive/],
    ['files/./a.pdf', /"\."/],
    ['files//a.pdf', /empty path segment/],
    ['files/a\u0000.pdf', /control/],
    ['files/a\n.pdf', /control/],
  ])('refuses %j', (name, reason) => {
    expect(entryNameProblem(name)).toMatch(reason);
  });

  it('refuses any path with a dangerous segment wherever it is inserted', () => {
    const bad = fc.constantFrom('..', '.', '', 'a\\b', 'x\u0007');
    fc.assert(
      fc.property(fc.array(safeSegment, { maxLength: 4 }), bad, fc.nat(), (segments, insert, at) => {
        const parts = [...segments];
        parts.splice(at % (parts.length + 1), 0, insert);
        parts.push('last.pdf');
        expect(entryNameProblem(parts.join('/'))).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('treats case-folded and NFC-equal names as the same', () => {
    expect(entryNameKey('files/A.pdf')).toBe(entryNameKey('files/a.PDF'));
    expect(entryNameKey('files/caf\u00e9.pdf')).toBe(entryNameKey('files/cafe\u0301.pdf'));
    expect(entryNameKey('files/a.pdf')).not.toBe(entryNameKey('files/b.pdf'));
  });
});
