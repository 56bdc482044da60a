// The 目录 panel: the bundle's sections first, then the PDF's own outline (bookmarks), flattened
// to one list with a depth and resolved to page numbers. pdf.js destinations are either a name
// (looked up with getDestination) or an explicit array whose first element is a page reference
// or a zero-based page index.

export interface OutlineSource {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineSource[];
}

/** What outline resolution needs from a PDFDocumentProxy; injectable for tests. */
export interface DestinationResolver {
  getDestination(name: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

export interface OutlineEntry {
  key: string;
  title: string;
  depth: number;
  /** 1-based page, or null when the destination cannot be resolved (shown but not clickable). */
  page: number | null;
  origin: 'section' | 'pdf';
}

export interface Section {
  title: string;
  page: number;
}

export function sectionEntries(sections: readonly Section[] | undefined, pages: number): OutlineEntry[] {
  return (sections ?? []).map((section, index) => ({
    key: `s${index}`,
    title: section.title,
    depth: 0,
    page: Number.isInteger(section.page) && section.page >= 1 && section.page <= pages ? section.page : null,
    origin: 'section',
  }));
}

interface FlatItem {
  key: string;
  title: string;
  depth: number;
  dest: OutlineSource['dest'];
}

/** Depth-first flattening; `maxEntries` guards against hostile outlines with huge trees. */
export function flattenOutline(items: readonly OutlineSource[], maxEntries = 2000): FlatItem[] {
  const out: FlatItem[] = [];
  const walk = (nodes: readonly OutlineSource[], depth: number, prefix: string): void => {
    nodes.forEach((node, index) => {
      if (out.length >= maxEntries) return;
      const key = `${prefix}${index}`;
      out.push({ key, title: node.title.trim() || '—', depth, dest: node.dest });
      if (node.items.length > 0) walk(node.items, depth + 1, `${key}.`);
    });
  };
  walk(items, 0, 'o');
  return out;
}

function isRef(value: unknown): value is { num: number; gen: number } {
  return typeof value === 'object' && value !== null
    && typeof (value as { num?: unknown }).num === 'number'
    && typeof (value as { gen?: unknown }).gen === 'number';
}

/** Resolves one destination to a 1-based page number within 1..pages, or null. */
export async function resolveDestination(
  dest: OutlineSource['dest'],
  resolver: DestinationResolver,
  pages: number,
): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await resolver.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target: unknown = explicit[0];
    let index: number | null = null;
    if (isRef(target)) index = await resolver.getPageIndex(target);
    else if (typeof target === 'number' && Number.isInteger(target)) index = target;
    if (index === null || index < 0 || index >= pages) return null;
    return index + 1;
  } catch {
    return null;
  }
}

export async function resolveOutline(
  items: readonly OutlineSource[] | null,
  resolver: DestinationResolver,
  pages: number,
): Promise<OutlineEntry[]> {
  const flat = flattenOutline(items ?? []);
  return Promise.all(flat.map(async (item) => ({
    key: item.key,
    title: item.title,
    depth: item.depth,
    page: await resolveDestination(item.dest, resolver, pages),
    origin: 'pdf' as const,
  })));
}

/** The key of the entry the current page lies in: the last entry starting at or before it. */
export function activeEntryKey(entries: readonly OutlineEntry[], page: number): string | null {
  let best: OutlineEntry | null = null;
  for (const entry of entries) {
    if (entry.page === null || entry.page > page) continue;
    if (best === null || best.page === null || entry.page >= best.page) best = entry;
  }
  return best?.key ?? null;
}
