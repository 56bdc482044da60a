// What the find box shows next to the query: "3/12", searching, or not found.

export interface MatchesCount {
  current: number;
  total: number;
}

export type FindStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'notFound' }
  | { kind: 'found'; current: number; total: number };

/** pdf.js FindState values (web/pdf_find_controller.js). */
export const FIND_STATE = { FOUND: 0, NOT_FOUND: 1, WRAPPED: 2, PENDING: 3 } as const;

export function findStatusFrom(query: string, state: number | null, count: MatchesCount | null): FindStatus {
  if (query.trim() === '') return { kind: 'idle' };
  if (count && count.total > 0) return { kind: 'found', current: Math.max(count.current, 0), total: count.total };
  if (state === FIND_STATE.NOT_FOUND) return { kind: 'notFound' };
  return { kind: 'pending' };
}

export function formatMatches(status: FindStatus): string {
  return status.kind === 'found' ? `${status.current}/${status.total}` : '';
}
