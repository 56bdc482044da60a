// Reading a list (XLSX or CSV) as rows of cells, with the row numbers Excel shows. CSV text may be
// UTF-8 (with or without BOM), UTF-16 with BOM ("Unicode text"), or GB18030/GBK — what Excel on
// Chinese Windows saves as "CSV (逗号分隔)". It is decoded as UTF-8 when that is valid, else GB18030.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellContent, type CellContent } from '../spreadsheet/cell-input';
import { Rejection } from '../rejection';

export interface TableRow {
  /** 1-based row number as Excel (or a text editor, for CSV) shows it. */
  row: number;
  cells: CellContent[];
}

export interface Table {
  /** The worksheet read (XLSX) or '' (CSV). */
  sheet: string;
  /** The encoding a CSV was decoded with. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  rows: TableRow[];
}

/** Decodes CSV bytes: BOMs first, then strict UTF-8, else GB18030 (which also covers GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: NonNullable<Table['encoding']> } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * RFC 4180 CSV: quoted fields may hold separators, quotes ("") and line breaks; CRLF or LF. The
 * separator is a comma, or a tab / semicolon when the first line has those and no comma.
 */
export function parseCsv(text: string): TableRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = firstLine.includes(',') ? ',' : firstLine.includes('\t') ? '\t' : firstLine.includes(';') ? ';' : ',';
  const rows: TableRow[] = [];
  let line = 1;
  let rowStart = 1;
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(field);
    field = '';
    rows.push({ row: rowStart, cells: cells.map((text) => ({ text })) });
    cells = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      cells.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    } else if (char === '\n') {
      endRow();
      line++;
      rowStart = line;
    } else field += char;
    i++;
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

/** The rows of an .xlsx (first worksheet with content) or .csv file. Refuses other files, naming them. */
export async function readTable(file: string): Promise<Table> {
  const extension = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Rejection(file, code === 'ENOENT' ? 'file not found' : `cannot read file (${(error as Error).message})`, { code: 'not-found' });
  }
  if (extension === '.csv' || extension === '.txt') {
    const { text, encoding } = decodeText(bytes);
    return { sheet: '', encoding, rows: parseCsv(text) };
  }
  if (extension !== '.xlsx' && extension !== '.xlsm') {
    throw new Rejection(file, '不支持的名单格式：请使用 .xlsx 或 .csv（.xls 请在 Excel 中另存为 .xlsx）', { code: 'unsupported-list' });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new Rejection(file, `不是有效的 Excel 工作簿（${(error as Error).message}）`, { code: 'not-xlsx' });
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.state !== 'hidden' && candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  if (sheet === undefined) return { sheet: '', rows: [] };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellContent[] = [];
    const values = row.values as unknown[];
    for (let column = 1; column < values.length; column++) cells.push(cellContent(values[column]));
    rows.push({ row: rowNumber, cells });
  });
  return { sheet: sheet.name, rows };
}
