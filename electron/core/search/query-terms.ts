// What the user typed, as literal terms: split at whitespace, each normalised like page text.
// A page matches when it contains every term. Terms are never FTS syntax: a term of 3+
// characters becomes one quoted FTS5 phrase (the trigram tokenizer makes that a substring
// match); a shorter one, which trigrams cannot find, becomes a LIKE pattern with % and _ escaped.
import { normalizeText } from './page-text';

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 200;
const TRIGRAM = 3;

export interface QueryTerms {
  /** Every term, in the order typed, duplicates removed. */
  all: string[];
  /** FTS5 MATCH expression for the terms of 3+ characters, or null when there are none. */
  match: string | null;
  /** LIKE patterns (escape character `\`) for the shorter terms. */
  likes: string[];
}

export function characterCount(text: string): number {
  return [...text].length;
}

export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function queryTerms(query: string): QueryTerms {
  const all = [
    ...new Set(
      query
        .split(/\s+/u)
        .map((term) => normalizeText(term))
        .filter((term) => term !== '')
        .map((term) => [...term].slice(0, MAX_TERM_LENGTH).join('')),
    ),
  ].slice(0, MAX_TERMS);
  const long = all.filter((term) => characterCount(term) >= TRIGRAM);
  const short = all.filter((term) => characterCount(term) < TRIGRAM);
  return { all, match: long.length > 0 ? long.map(ftsPhrase).join(' AND ') : null, likes: short.map(likePattern) };
}
