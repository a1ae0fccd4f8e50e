import { refuse } from '@nct/rules';
import { MAX_YEAR, MIN_YEAR } from './celebrations.rules';

/** The `year` argument of the celebration queries, checked against the years the rules cover. */
export function yearArg(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    refuse([{ field: 'year', vi: `Năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`, en: `year must be between ${MIN_YEAR} and ${MAX_YEAR}` }]);
  }
  return year;
}
