import ExcelJS from 'exceljs';
import { it } from 'vitest';
import { blankScoreWorkbookBytes, readFilledScoreWorkbook } from '../../electron/core/spreadsheet';
import { testRound } from '../unit/spreadsheet/fixture';
it('prof', async () => {
  const round = testRound();
  const { bytes } = await blankScoreWorkbookBytes({ round, expertId: 'E01', expertName: '张三' });
  let t = performance.now();
  for (let i = 0; i < 20; i++) await readFilledScoreWorkbook(bytes, { round, expertId: 'E01' });
  console.log('read', (performance.now() - t) / 20, bytes.length);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as any);
  t = performance.now();
  for (let i = 0; i < 20; i++) await wb.xlsx.writeBuffer();
  console.log('write', (performance.now() - t) / 20);
  console.log(wb.worksheets.map((s) => [s.name, s.rowCount, s.columnCount, s.state]));
  for (const row of [5000, 100000, 1048576]) {
    const w2 = new ExcelJS.Workbook();
    await w2.xlsx.load(Buffer.from(bytes) as any);
    w2.worksheets[1]!.getCell(row, 2).value = 'x';
    const out = await w2.xlsx.writeBuffer();
    t = performance.now();
    const m0 = process.memoryUsage().heapUsed;
    const r = await readFilledScoreWorkbook(new Uint8Array(out as ArrayBuffer), { round, expertId: 'E01' });
    console.log('row', row, performance.now() - t, (process.memoryUsage().heapUsed - m0) / 1e6, r.problems.length);
  }
}, 600000);
