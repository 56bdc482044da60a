// The 查找 panel's state: the query, and the match count and state PDFFindController reports.
// Every query highlights all matches; Enter (next) and Shift+Enter (previous) step through them.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { ViewerCore } from './useViewerCore';
import { useViewerEvents } from './useViewerCore';
import { FIND_STATE, findStatusFrom, type FindStatus, type MatchesCount } from './logic/findStatus';
import type { ViewerEvent } from './types';

export interface FindApi {
  query: string;
  status: FindStatus;
  setQuery(query: string): void;
  next(): void;
  previous(): void;
}

interface FindState {
  document: PDFDocumentProxy | null;
  query: string;
  state: number | null;
  count: MatchesCount | null;
}

const EVENTS = ['updatefindmatchescount', 'updatefindcontrolstate'] as const;
const STATE_NAMES: Record<number, 'found' | 'notFound' | 'pending' | 'wrapped'> = {
  [FIND_STATE.FOUND]: 'found', [FIND_STATE.NOT_FOUND]: 'notFound', [FIND_STATE.PENDING]: 'pending', [FIND_STATE.WRAPPED]: 'wrapped',
};

function readCount(value: unknown): MatchesCount | null {
  if (typeof value !== 'object' || value === null) return null;
  const { current, total } = value as { current?: unknown; total?: unknown };
  return typeof current === 'number' && typeof total === 'number' ? { current, total } : null;
}

export function useFind(core: ViewerCore | null, document: PDFDocumentProxy | null, onViewerEvent?: (event: ViewerEvent) => void): FindApi {
  const [find, setFind] = useState<FindState>({ document, query: '', state: null, count: null });
  const current = find.document === document ? find : { document, query: '', state: null, count: null };
  const queryRef = useRef(current.query);
  const onEvent = useRef(onViewerEvent);
  useLayoutEffect(() => {
    queryRef.current = current.query;
    onEvent.current = onViewerEvent;
  });

  const listeners = useRef<Record<string, (event: Record<string, unknown>) => void>>({});
  useLayoutEffect(() => {
    listeners.current = {
      updatefindmatchescount: (event) => {
        const count = readCount(event.matchesCount);
        setFind((prev) => ({ ...(prev.document === document ? prev : { document, query: '', state: null }), count }));
        if (count) onEvent.current?.({ type: 'findcount', current: count.current, total: count.total });
      },
      updatefindcontrolstate: (event) => {
        const state = typeof event.state === 'number' ? event.state : null;
        const count = readCount(event.matchesCount);
        setFind((prev) => ({ ...(prev.document === document ? prev : { document, query: '' }), state, count }));
        const name = state === null ? undefined : STATE_NAMES[state];
        if (name) onEvent.current?.({ type: 'findstate', state: name });
        if (count) onEvent.current?.({ type: 'findcount', current: count.current, total: count.total });
      },
    };
  }, [document]);
  useViewerEvents(core, listeners, EVENTS);

  const dispatch = useCallback((type: '' | 'again', query: string, findPrevious: boolean) => {
    if (!core) return;
    if (query.trim() === '') {
      core.eventBus.dispatch('findbarclose', { source: null });
      return;
    }
    core.eventBus.dispatch('find', {
      source: null, type, query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious, matchDiacritics: false,
    });
  }, [core]);

  // A query set before the document is shown (e.g. handle.find right after a tab change) waits.
  const pendingQuery = useRef<string | null>(null);
  const setQuery = useCallback((query: string) => {
    if (!core || !document) {
      pendingQuery.current = query;
      return;
    }
    setFind({ document, query, state: null, count: null });
    queryRef.current = query;
    dispatch('', query, false);
  }, [core, dispatch, document]);
  useEffect(() => {
    if (!core || !document || pendingQuery.current === null) return;
    const query = pendingQuery.current;
    pendingQuery.current = null;
    setQuery(query);
  }, [core, document, setQuery]);

  return useMemo(() => ({
    query: current.query,
    status: findStatusFrom(current.query, current.state, current.count),
    setQuery,
    next: () => dispatch('again', queryRef.current, false),
    previous: () => dispatch('again', queryRef.current, true),
  }), [current.query, current.state, current.count, setQuery, dispatch]);
}
