import { isDuplicateKeyError } from '@nct/errors';
import type { Models } from '../models';
import type { LineageDoc, UnitDoc } from './administrative-unit.model';
import { checkUnitRows, parseUnitCsv, type RejectedRow } from './unit-import.rules';

export interface UnitImportReport {
  dryRun: boolean;
  /** null when the file as a whole is refused (wrong header, too many rows) */
  problem: string | null;
  inserted: number;
  unchanged: number;
  lineageInserted: number;
  rejected: RejectedRow[];
}

/**
 * Imports a unit list (see unit-import.rules.ts for the format). Used by the `importUnits`
 * mutation and the `import-units` command. Each unit and each lineage link is one
 * single-document insert guarded by a unique index, so running the same file twice changes
 * nothing the second time, and rejected rows write nothing.
 */
export async function importUnits(models: Models, csv: string, options: { dryRun?: boolean } = {}): Promise<UnitImportReport> {
  const dryRun = options.dryRun === true;
  const parsed = parseUnitCsv(csv);
  if (parsed.problem) return { dryRun, problem: parsed.problem, inserted: 0, unchanged: 0, lineageInserted: 0, rejected: [] };
  const stored = new Map((await models.Unit.find({}, { _id: 0 }).lean<UnitDoc[]>()).map((u) => [u.code, u]));
  const checked = checkUnitRows(parsed.rows, stored);
  const rejected = [...parsed.rejected, ...checked.rejected].sort((a, b) => a.line - b.line);
  const report: UnitImportReport = {
    dryRun,
    problem: null,
    inserted: 0,
    unchanged: checked.unchanged.length,
    lineageInserted: 0,
    rejected,
  };
  if (dryRun) {
    report.inserted = checked.accepted.length;
    return report;
  }
  // parents before children: provinces, districts, communes
  const order = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 } as const;
  const accepted = [...checked.accepted].sort((a, b) => order[a.unit.level] - order[b.unit.level]);
  for (const row of accepted) {
    try {
      await models.Unit.create(row.unit);
      report.inserted++;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      report.rejected.push({ line: row.line, code: row.unit.code, reasons: ['DUPLICATE'] }); // written meanwhile by someone else
    }
  }
  const existingLinks = new Set(
    (await models.Lineage.find({}, { _id: 0, fromCode: 1, toCode: 1 }).lean<LineageDoc[]>()).map((l) => `${l.fromCode}>${l.toCode}`),
  );
  for (const row of [...accepted, ...checked.unchanged]) {
    for (const fromCode of row.formedFrom) {
      if (existingLinks.has(`${fromCode}>${row.unit.code}`)) continue;
      try {
        await models.Lineage.create({ fromCode, toCode: row.unit.code, legalAct: row.legalAct, effectiveDate: row.unit.validFrom });
        report.lineageInserted++;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
