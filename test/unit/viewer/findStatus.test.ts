import { describe, expect, it } from 'vitest';
import { FIND_STATE, findStatusFrom, formatMatches } from '../../../renderer/src/viewer/logic/findStatus';

describe('findStatusFrom', () => {
  it('is idle without a query', () => {
    expect(findStatusFrom('  ', FIND_STATE.FOUND, { current: 1, total: 3 })).toEqual({ kind: 'idle' });
  });
  it('shows counts as soon as matches exist', () => {
    const status = findStatusFrom('ISO9001', FIND_STATE.PENDING, { current: 3, total: 12 });
    expect(status).toEqual({ kind: 'found', current: 3, total: 12 });
    expect(formatMatches(status)).toBe('3/12');
  });
  it('says not found only when pdf.js says so', () => {
    expect(findStatusFrom('x', FIND_STATE.NOT_FOUND, { current: 0, total: 0 })).toEqual({ kind: 'notFound' });
    expect(findStatusFrom('x', FIND_STATE.PENDING, null)).toEqual({ kind: 'pending' });
    expect(findStatusFrom('x', null, null)).toEqual({ kind: 'pending' });
    expect(formatMatches({ kind: 'notFound' })).toBe('');
  });
});
