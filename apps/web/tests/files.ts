// Reading exported files back, as a spreadsheet program would.
import ExcelJS from 'exceljs';

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF), after the UTF-8 byte-order mark. */
export function readCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** The first sheet of an XLSX file, as rows of cell values. */
export async function readXlsx(file: string): Promise<Array<Array<string | number>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  const rows: Array<Array<string | number>> = [];
  sheet.eachRow((row) => {
    const values = (row.values as Array<string | number | null | undefined>).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : v)));
  });
  return rows;
}
