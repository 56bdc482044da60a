// HTTP Range requests for documents (pdf.js fetches the pages it needs, not the whole file).
// One range of the form `bytes=a-b`, `bytes=a-` or `bytes=-n`; anything else is served whole.

export type RangeAnswer = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  if (header === null || header === undefined || header === '') return { kind: 'whole' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return { kind: 'whole' };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return { kind: 'whole' };
  let start: number;
  let end: number;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** Status and headers for serving a PDF of `size` bytes with `answer`. */
export function rangeHeaders(answer: RangeAnswer, size: number): { status: number; headers: Record<string, string> } {
  const common = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/pdf', 'Cache-Control': 'private, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' };
  if (answer.kind === 'unsatisfiable') return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` } };
  if (answer.kind === 'whole') return { status: 200, headers: { ...common, 'Content-Length': String(size) } };
  return {
    status: 206,
    headers: { ...common, 'Content-Length': String(answer.end - answer.start + 1), 'Content-Range': `bytes ${answer.start}-${answer.end}/${size}` },
  };
}
