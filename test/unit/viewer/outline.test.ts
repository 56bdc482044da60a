import { describe, expect, it } from 'vitest';
import {
  activeEntryKey, flattenOutline, resolveDestination, resolveOutline, sectionEntries, type DestinationResolver, type OutlineSource,
} from '../../../renderer/src/viewer/logic/outline';

const node = (title: string, dest: OutlineSource['dest'], items: OutlineSource[] = []): OutlineSource => ({ title, dest, items });

// Pages are referenced as { num: 10 + index, gen: 0 }; named destinations map to explicit ones.
const resolver: DestinationResolver = {
  getDestination: async (name) => ({ intro: [{ num: 10, gen: 0 }, { name: 'XYZ' }, 0, 0, null], broken: null } as Record<string, unknown[] | null>)[name] ?? null,
  getPageIndex: async (ref) => {
    if (ref.num < 10) throw new Error('Invalid page reference');
    return ref.num - 10;
  },
};

describe('flattenOutline', () => {
  it('lists entries depth-first with their depth', () => {
    const flat = flattenOutline([node('A', null, [node('A.1', null, [node('A.1.a', null)]), node('A.2', null)]), node('B', null)]);
    expect(flat.map((e) => [e.title, e.depth])).toEqual([['A', 0], ['A.1', 1], ['A.1.a', 2], ['A.2', 1], ['B', 0]]);
    expect(new Set(flat.map((e) => e.key)).size).toBe(flat.length);
  });

  it('caps hostile outlines and names untitled entries', () => {
    const many = Array.from({ length: 50 }, (_, i) => node(String(i), null));
    expect(flattenOutline(many, 10)).toHaveLength(10);
    expect(flattenOutline([node('  ', null)])[0]?.title).toBe('—');
  });
});

describe('resolveDestination', () => {
  it('resolves explicit, named and index destinations to 1-based pages', async () => {
    expect(await resolveDestination([{ num: 12, gen: 0 }, { name: 'Fit' }], resolver, 5)).toBe(3);
    expect(await resolveDestination('intro', resolver, 5)).toBe(1);
    expect(await resolveDestination([3, { name: 'Fit' }], resolver, 5)).toBe(4);
  });

  it('returns null for what cannot be resolved', async () => {
    expect(await resolveDestination(null, resolver, 5)).toBeNull();
    expect(await resolveDestination('missing', resolver, 5)).toBeNull();
    expect(await resolveDestination('broken', resolver, 5)).toBeNull();
    expect(await resolveDestination([], resolver, 5)).toBeNull();
    expect(await resolveDestination([{ num: 1, gen: 0 }], resolver, 5)).toBeNull();
    expect(await resolveDestination([{ num: 99, gen: 0 }], resolver, 5)).toBeNull();
    expect(await resolveDestination([-1], resolver, 5)).toBeNull();
    expect(await resolveDestination(['x'], resolver, 5)).toBeNull();
  });
});

describe('resolveOutline', () => {
  it('flattens and resolves every entry', async () => {
    const entries = await resolveOutline([node('第一章', 'intro', [node('第一节', [{ num: 11, gen: 0 }])]), node('坏链接', 'missing')], resolver, 5);
    expect(entries.map((e) => [e.title, e.depth, e.page, e.origin])).toEqual([
      ['第一章', 0, 1, 'pdf'], ['第一节', 1, 2, 'pdf'], ['坏链接', 0, null, 'pdf'],
    ]);
  });

  it('handles a document without an outline', async () => {
    expect(await resolveOutline(null, resolver, 5)).toEqual([]);
  });
});

describe('sectionEntries', () => {
  it('keeps the bundle order and drops pages outside the document', () => {
    const entries = sectionEntries([{ title: '营业执照', page: 2 }, { title: '合同', page: 40 }, { title: '越界', page: 99 }, { title: '零', page: 0 }], 86);
    expect(entries.map((e) => [e.title, e.page, e.origin])).toEqual([['营业执照', 2, 'section'], ['合同', 40, 'section'], ['越界', null, 'section'], ['零', null, 'section']]);
    expect(sectionEntries(undefined, 5)).toEqual([]);
  });
});

describe('activeEntryKey', () => {
  const entries = sectionEntries([{ title: 'a', page: 1 }, { title: 'b', page: 5 }, { title: 'c', page: 5 }, { title: 'd', page: 9 }], 20);
  it('picks the last entry starting at or before the page', () => {
    expect(activeEntryKey(entries, 1)).toBe('s0');
    expect(activeEntryKey(entries, 4)).toBe('s0');
    expect(activeEntryKey(entries, 5)).toBe('s2');
    expect(activeEntryKey(entries, 20)).toBe('s3');
  });
  it('is null before the first entry or without entries', () => {
    expect(activeEntryKey(sectionEntries([{ title: 'x', page: 3 }], 5), 2)).toBeNull();
    expect(activeEntryKey([], 2)).toBeNull();
  });
});
