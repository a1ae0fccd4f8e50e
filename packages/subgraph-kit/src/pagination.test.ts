import { decodeCursor, encodeCursor, pageRequest, toPage } from './pagination';

describe('pagination', () => {
  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor('012140000001'))).toBe('012140000001');
  });

  it.each(['', 'a b', '!!!', Buffer.from('k2:x').toString('base64url'), 'x'.repeat(201)])('refuses the cursor %j', (c) => {
    expect(() => decodeCursor(c)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it.each([
    [undefined, 20],
    [1, 1],
    [100, 100],
  ])('first=%j gives a page of %i', (first, limit) => expect(pageRequest(first, null).limit).toBe(limit));

  it.each([0, -1, 101, 1.5])('refuses first=%j', (first) => {
    expect(() => pageRequest(first, null)).toThrow(/first must be between 1 and 100/);
  });

  it('uses the extra row only to say whether a next page exists', () => {
    const rows = ['a', 'b', 'c'];
    const page = toPage(rows, 2, (r) => r);
    expect(page.items).toEqual(['a', 'b']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor!)).toBe('b');
    expect(toPage(['a'], 2, (r) => r).pageInfo.hasNextPage).toBe(false);
    expect(toPage([], 2, (r: string) => r).pageInfo.endCursor).toBeNull();
  });
});
