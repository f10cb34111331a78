import { z } from 'zod';
import { fetchAllPages, pageQueryFields } from './page';

describe('pages', () => {
  const schema = z.strictObject(
    pageQueryFields({ defaultLimit: 100, maxLimit: 500 }),
  );

  it('reads limit and offset from a query string, with bounds', () => {
    expect(schema.parse({})).toEqual({ limit: 100, offset: 0 });
    expect(schema.parse({ limit: '5', offset: '10' })).toEqual({
      limit: 5,
      offset: 10,
    });
    for (const bad of [{ limit: '0' }, { limit: '501' }, { offset: '-1' }]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
    expect(schema.safeParse({ limit: 'abc' }).success).toBe(false);
    expect(schema.safeParse({ limit: '1.5' }).success).toBe(false);
  });

  /** Seven items served three at a time. */
  const sevenItems = () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    const fetchPage = jest.fn(
      async ({ limit, offset }: { limit: number; offset: number }) => ({
        items: all.slice(offset, offset + limit),
        totalItems: all.length,
        limit,
        offset,
      }),
    );
    return { all, fetchPage };
  };

  it('reads every page until the total or a short page', async () => {
    const { all, fetchPage } = sevenItems();
    await expect(fetchAllPages(fetchPage, 3)).resolves.toEqual(all);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('asks for each page by limit and offset', async () => {
    const { all, fetchPage } = sevenItems();
    await expect(fetchAllPages(fetchPage, 3)).resolves.toEqual(all);
    expect(fetchPage.mock.calls.map(c => c[0])).toEqual([
      { limit: 3, offset: 0 },
      { limit: 3, offset: 3 },
      { limit: 3, offset: 6 },
    ]);
  });
});
