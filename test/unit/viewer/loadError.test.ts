import { describe, expect, it } from 'vitest';
import { classifyLoadError, isCancellation } from '../../../renderer/src/viewer/logic/loadError';

describe('classifyLoadError', () => {
  it('recognises pdf.js errors by name', () => {
    expect(classifyLoadError({ name: 'PasswordException', message: 'No password given', code: 1 })).toBe('password');
    expect(classifyLoadError({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toBe('invalid');
    expect(classifyLoadError({ name: 'FormatError', message: 'Bad' })).toBe('invalid');
    expect(classifyLoadError({ name: 'ResponseException', status: 404, missing: true })).toBe('missing');
    expect(classifyLoadError({ name: 'ResponseException', status: 500, missing: false })).toBe('network');
    expect(classifyLoadError({ name: 'MissingPDFException' , missing: true })).toBe('missing');
  });

  it('falls back to unknown', () => {
    expect(classifyLoadError(new Error('boom'))).toBe('unknown');
    expect(classifyLoadError('boom')).toBe('unknown');
    expect(classifyLoadError(null)).toBe('unknown');
  });
});

describe('isCancellation', () => {
  it('spots our own aborts', () => {
    expect(isCancellation({ name: 'AbortException', message: 'Loading aborted' })).toBe(true);
    expect(isCancellation(new Error('Worker was destroyed'))).toBe(true);
    expect(isCancellation({ name: 'RenderingCancelledException' })).toBe(true);
    expect(isCancellation({ name: 'InvalidPDFException', message: 'Invalid PDF structure.' })).toBe(false);
    expect(isCancellation(undefined)).toBe(false);
  });
});
