import { suppressSmallCells } from './disclosure';

const cells = (...counts: number[]) => counts.map((count, key) => ({ key, count }));
const shown = (...counts: number[]) => suppressSmallCells(cells(...counts)).map((c) => c.count);

describe('small-cell suppression (threshold 5)', () => {
  it.each([
    [
      [10, 20, 30],
      [10, 20, 30],
    ], // nothing small
    [
      [0, 20, 30],
      [0, 20, 30],
    ], // zero is not a person
    [
      [5, 20, 30],
      [5, 20, 30],
    ], // exactly 5 is shown
    [
      [4, 20, 30],
      [null, null, 30],
    ], // 4 withheld, and 20 with it (the total would give it back)
    [
      [1, 2, 30],
      [null, null, 30],
    ], // two withheld cells protect each other
    [
      [3, 0, 0],
      [null, 0, 0],
    ], // nothing else to withhold
    [
      [4, 7, 6],
      [null, 7, null],
    ], // the smallest other cell goes with it
  ])('%j -> %j', (input, expected) => {
    expect(shown(...input)).toEqual(expected);
  });

  it('marks what it withheld', () => {
    expect(suppressSmallCells(cells(2, 9, 12)).map((c) => c.suppressed)).toEqual([true, true, false]);
  });
});
