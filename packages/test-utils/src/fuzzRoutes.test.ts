import express from 'express';
import fc from 'fast-check';
import knexFactory, { Knex } from 'knex';
import { z } from 'zod';
import {
  fuzzCases,
  fuzzRoute,
  fuzzRoutes,
  FuzzRoute,
  urlOf,
} from './fuzzRoutes';
import { databaseSnapshot } from './snapshot';

const noteSchema = z.strictObject({
  title: z.string().min(1).max(50),
  tags: z.array(z.string().max(20)).max(3).default([]),
});

/**
 * A tiny app with the bugs the fuzzer exists for: text that PostgreSQL
 * refuses (NUL) reaching the database as a 500, and a 400 answered after a
 * row was written.
 */
function app(db: Knex) {
  const router = express();
  router.use(express.json({ limit: '64kb' }));
  const wrap =
    (fn: express.RequestHandler): express.RequestHandler =>
    async (req, res, next) => {
      try {
        await fn(req, res, next);
      } catch (error) {
        next(error);
      }
    };
  const validate = (body: unknown) => {
    const parsed = noteSchema.safeParse(body);
    return parsed.success ? parsed.data : undefined;
  };
  router.post(
    '/notes',
    wrap(async (req, res) => {
      const note = validate(req.body);
      if (!note) {
        res.status(400).json({ error: { message: 'bad note' } });
        return;
      }
      if (note.title.includes('\u0000')) {
        throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
      }
      await db('notes').insert({ title: note.title });
      res.status(201).json(note);
    }),
  );
  router.post(
    '/careless',
    wrap(async (req, res) => {
      await db('notes').insert({ title: String(req.body?.title) });
      res.status(validate(req.body) ? 201 : 400).end();
    }),
  );
  router.get(
    '/notes/:id',
    wrap(async (req, res) => {
      if (req.params.id.includes('\u202E')) throw new Error('bidi in the path');
      res.status(/^\d+$/.test(req.params.id) ? 200 : 400).end();
    }),
  );
  router.get('/search', (req, res) => {
    const q = req.query.q;
    res.status(typeof q === 'string' && q.length <= 100 ? 200 : 400).end();
  });
  router.use(
    (
      error: Error & { status?: number },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(error.status ?? 500).json({
        error: { name: error.name, message: error.message, stack: error.stack },
      });
    },
  );
  return router;
}

// Each case runs hundreds of requests: more than jest's 5 s on a busy 2-core machine.
jest.setTimeout(60_000);

describe('fuzzRoutes', () => {
  let db: Knex;
  let options: { request: express.Express; snapshot: () => Promise<string> };

  beforeAll(async () => {
    db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    await db.schema.createTable('notes', t => {
      t.increments('id');
      t.text('title');
    });
    options = { request: app(db), snapshot: databaseSnapshot(db) };
  });

  afterAll(async () => {
    await db.destroy();
  });

  const notes: FuzzRoute = { method: 'POST', path: '/notes', body: noteSchema };

  it('catches the NUL 500 and prints route, seed, replay and the escaped input', async () => {
    const failure = fuzzRoute({ ...options, seed: 7, numRuns: 200 }, notes);
    await expect(failure).rejects.toThrow(/Fuzzing POST \/notes failed/);
    const message = (await failure.catch((e: Error) => e.message)) as string;
    expect(message).toMatch(/answered 500: Error: invalid byte sequence/);
    expect(message).toMatch(/body: \{.*"title": "[^"]*\\u0000/);
    expect(message).toMatch(/seed 7 \(route seed -?\d+\), path [\d:]+/);
    expect(message).toMatch(
      /reproduce: ONRAMP_FUZZ_SEED=7 ONRAMP_FUZZ_REPLAY='POST \/notes=[\d:]+'/,
    );
    // the log shows no raw control character
    expect(message.includes('\u0000')).toBe(false);
  });

  it('replays a failure from the printed path in one request', async () => {
    const message = (await fuzzRoute(
      { ...options, seed: 7, numRuns: 200 },
      notes,
    ).catch((e: Error) => e.message)) as string;
    const replay = /ONRAMP_FUZZ_REPLAY='([^']+)'/.exec(message)![1];
    process.env.ONRAMP_FUZZ_REPLAY = replay;
    try {
      const again = (await fuzzRoute(
        { ...options, seed: 7, numRuns: 200 },
        notes,
      ).catch((e: Error) => e.message)) as string;
      expect(again).toMatch(/failed after 1 requests/);
      expect(again).toContain(/body: .*/.exec(message)![0]);
    } finally {
      delete process.env.ONRAMP_FUZZ_REPLAY;
    }
  });

  it('catches a 4xx that changed rows', async () => {
    await expect(
      fuzzRoute(
        { ...options, seed: 8, numRuns: 50 },
        { method: 'POST', path: '/careless', body: noteSchema },
      ),
    ).rejects.toThrow(/answered 400 but changed rows/);
  });

  it('catches a 500 from a hostile path parameter', async () => {
    await expect(
      fuzzRoute(
        { ...options, seed: 9, numRuns: 300 },
        {
          method: 'GET',
          path: '/notes/:id',
          params: { id: fc.constant('12') },
        },
      ),
    ).rejects.toThrow(
      /answered 500: Error: bidi in the path[\s\S]*params: \{"id": "[^"]*\\u202e/,
    );
  });

  it('passes a route that answers 4xx to bad input, and reports its statuses', async () => {
    const reports = await fuzzRoutes({
      ...options,
      seed: 10,
      numRuns: 60,
      routes: [
        {
          method: 'GET',
          path: '/search',
          query: z.strictObject({ q: z.string().max(100) }),
        },
      ],
    });
    expect(reports).toEqual([
      { route: 'GET /search', runs: 60, statuses: expect.any(Object) },
    ]);
    const statuses = Object.keys(reports[0].statuses).map(Number);
    expect(statuses).toEqual(expect.arrayContaining([200, 400]));
    expect(statuses.every(status => status < 500)).toBe(true);
  });

  it('lists every failing route in one error', async () => {
    await expect(
      fuzzRoutes({
        ...options,
        seed: 11,
        numRuns: 200,
        routes: [notes, { method: 'GET', path: '/search' }],
      }),
    ).rejects.toThrow(/^1 of 2 routes failed:\n\nFuzzing POST \/notes failed/);
  });

  it('mutates one part at a time and encodes what URLs cannot carry', () => {
    const route: FuzzRoute = {
      method: 'PUT',
      path: '/notes/:id',
      params: { id: fc.constant('3') },
      query: z.strictObject({ q: z.string().max(5) }),
      body: noteSchema,
    };
    const cases = fc.sample(fuzzCases(route), { seed: 12, numRuns: 300 });
    for (const c of cases) {
      const changed = [
        c.params.id !== '3',
        !noteSchema.safeParse(c.body).success,
      ].filter(Boolean).length;
      expect(changed).toBeLessThanOrEqual(1);
      expect(() => urlOf(route, c)).not.toThrow();
    }
    const urls = cases.map(c => urlOf(route, c));
    expect(urls.some(u => u.includes('%ED%A0%80'))).toBe(true); // \uD800
    expect(urls.some(u => u.includes('%00'))).toBe(true);
  });
});
