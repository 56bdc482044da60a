// Search across all documents of a round: pages that contain every term of the query, in the
// round's order (applicant, document, page), each with what the UI needs to open it at the page.
import type { Db } from '../store/database';
import { queryTerms } from './query-terms';
import { makeSnippet, type Snippet } from './snippet';

export interface SearchHit {
  applicantId: string;
  applicantName: string;
  /** The document's position among the applicant's documents (0-based, as stored). */
  documentPosition: number;
  documentTitle: string;
  sha256: string;
  /** 1-based page number. */
  page: number;
  snippet: Snippet;
}

export const MAX_LIMIT = 500;

interface HitRow extends Omit<SearchHit, 'snippet'> {
  textRow: number;
}

export function searchRound(db: Db, roundId: string, query: string, limit = 50): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.all.length === 0) return [];
  const conditions: string[] = [];
  const parameters: (string | number)[] = [roundId];
  if (terms.match !== null) {
    conditions.push('document_text MATCH ?');
    parameters.push(terms.match);
  }
  for (const pattern of terms.likes) {
    conditions.push(`t.text LIKE ? ESCAPE '\\'`);
    parameters.push(pattern);
  }
  parameters.push(Math.max(1, Math.min(MAX_LIMIT, Math.trunc(limit))));
  // CROSS JOIN keeps the text table in the outer loop: its sha256 column has no index, so the
  // other order would scan all page texts once per document of the round.
  const rows = db
    .prepare(
      `SELECT ad.applicant_id AS applicantId, a.name AS applicantName, ad.position AS documentPosition,
              ad.title AS documentTitle, ad.sha256 AS sha256, t.page AS page, t.rowid AS textRow
       FROM document_text t
       CROSS JOIN applicant_documents ad ON ad.sha256 = t.sha256 AND ad.round_id = ?
       JOIN applicants a ON a.round_id = ad.round_id AND a.id = ad.applicant_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY a.position, ad.position, t.page
       LIMIT ?`,
    )
    .all(...parameters) as HitRow[];
  const textOf = db.prepare('SELECT text FROM document_text WHERE rowid = ?').pluck();
  return rows.map(({ textRow, ...hit }) => ({ ...hit, snippet: makeSnippet(textOf.get(textRow) as string, terms.all) }));
}
