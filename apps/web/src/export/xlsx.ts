/**
 * XLSX files with exceljs, loaded only when someone exports (a separate chunk: it is not part of
 * the first load). Text cells are written as strings, never as formulas; numbers as numbers.
 */
export async function toXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<Blob> {
  const module = await import('exceljs');
  const ExcelJS = ((module as { default?: unknown }).default ?? module) as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NCT';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  sheet.columns.forEach((column, i) => {
    const longest = Math.max(String(headers[i] ?? '').length, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
