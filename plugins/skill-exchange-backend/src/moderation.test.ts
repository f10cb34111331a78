import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  ADMIN,
  adminPolicy,
  ANNA,
  BEN,
  CARA,
  catalogUser,
  DAN,
  expectAllOrNothing,
  snapshot,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

/**
 * The moderation queue (issue 13): anyone signed in reports someone else's
 * post once while their report is open; moderators list reported posts and
 * dismiss the reports or hide the post, which leaves lists, matching and
 * search, and its owner hears why. Refusals and bad input change nothing.
 */
describe.each(databases.eachSupportedId())(
  'the moderation queue on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      policy: adminPolicy({ ownersOnly: true }),
      entities: ['anna', 'ben', 'cara', 'dan', 'admin'].map(name =>
        catalogUser(name),
      ),
    });
    const TABLES = ['post_reports', 'posts'];
    const newPost = async (title: string) =>
      (
        await sx
          .call('post', '/posts', ANNA)
          .send({ kind: 'hack', title, skills: ['Go'] })
          .expect(201)
      ).body;
    const report = (postId: number, user: string, body: object) =>
      sx.call('post', `/posts/${postId}/reports`, user).send(body);

    it('takes one open report per person; not from the owner; 400 and 404 change nothing', async () => {
      const post = await newPost('Buy cheap watches');
      await report(post.id, BEN, { reason: 'spam' }).expect(204);
      const before = await snapshot(sx.knex, TABLES);
      await report(post.id, BEN, { reason: 'other', comment: 'again' }).expect(
        409,
      );
      await report(post.id, ANNA, { reason: 'spam' }).expect(403);
      for (const body of [
        {},
        { reason: 'boring' },
        { reason: 'other', comment: 'x'.repeat(501) },
        { reason: 'spam', extra: true },
      ]) {
        await report(post.id, CARA, body).expect(400);
      }
      await report(987654, CARA, { reason: 'spam' }).expect(404);
      await report(0, CARA, { reason: 'spam' }).expect(400);
      expect(await snapshot(sx.knex, TABLES)).toEqual(before);
      expect(sx.audits.at(-1)).toMatchObject({ eventId: 'post-report' });
    });

    it('lists reported posts to moderators only, open first, grouped with counts', async () => {
      const dismissed = await newPost('Dismissed one');
      await report(dismissed.id, DAN, { reason: 'other' }).expect(204);
      await sx
        .call('post', `/reports/${dismissed.id}/resolve`, ADMIN)
        .send({ action: 'dismiss' })
        .expect(200);
      const open = await newPost('Rude words');
      await report(open.id, BEN, { reason: 'offensive' }).expect(204);
      await report(open.id, CARA, { reason: 'offensive', comment: 'mean' });

      await sx.call('get', '/reports', BEN).expect(403);
      await sx.call('get', '/reports?limit=0', ADMIN).expect(400);
      const page = (await sx.call('get', '/reports?limit=2', ADMIN).expect(200))
        .body;
      expect(page).toMatchObject({ limit: 2, offset: 0 });
      expect(page.items[0]).toMatchObject({
        postId: open.id,
        title: 'Rude words',
        owner: ANNA,
        hidden: false,
        openReports: 2,
        totalReports: 2,
        reasons: { offensive: 2 },
      });
      expect(page.items[0].reports[0]).toMatchObject({
        reporter: CARA,
        comment: 'mean',
      });
      expect(page.items.map((i: any) => i.postId)).not.toContain(dismissed.id);
      const all = (
        await sx.call('get', '/reports?status=all&limit=100', ADMIN).expect(200)
      ).body;
      const ids = all.items.map((i: any) => i.postId);
      expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(dismissed.id));
      expect(
        all.items.find((i: any) => i.postId === dismissed.id),
      ).toMatchObject({ openReports: 0, totalReports: 1 });
      // A dismissed report is closed: the same person may report again.
      await report(dismissed.id, DAN, { reason: 'spam' }).expect(204);
    });

    it('hides a post: gone from lists, search and matching; the owner is told', async () => {
      const post = await newPost('Crypto giveaway hack');
      await report(post.id, BEN, { reason: 'spam' }).expect(204);
      await report(post.id, CARA, { reason: 'spam' }).expect(204);
      const before = await snapshot(sx.knex, TABLES);
      const resolve = (user: string, body: object) =>
        sx.call('post', `/reports/${post.id}/resolve`, user).send(body);
      await resolve(BEN, { action: 'hide' }).expect(403);
      await resolve(ANNA, { action: 'dismiss' }).expect(403);
      await resolve(ADMIN, { action: 'delete' }).expect(400);
      await resolve(ADMIN, { action: 'hide', note: 'x'.repeat(501) }).expect(
        400,
      );
      await sx
        .call('post', '/reports/987654/resolve', ADMIN)
        .send({ action: 'hide' })
        .expect(404);
      expect(await snapshot(sx.knex, TABLES)).toEqual(before);

      const hidden = await resolve(ADMIN, {
        action: 'hide',
        note: 'Advertising is not allowed',
      }).expect(200);
      expect(hidden.body).toMatchObject({
        postId: post.id,
        hidden: true,
        status: 'closed',
        openReports: 0,
        totalReports: 2,
      });
      expect(hidden.body.reports[0]).toMatchObject({ resolution: 'hide' });
      expect(sx.audits.at(-1)).toMatchObject({
        eventId: 'post-moderate',
        meta: { postId: String(post.id) },
        outcome: 'success',
      });
      expect(sx.sent.at(-1)).toMatchObject({
        recipients: { entityRef: ANNA },
        payload: {
          title: 'A moderator hid "Crypto giveaway hack"',
          description: expect.stringContaining('Advertising is not allowed'),
        },
      });
      // Nobody resolves the same reports twice.
      await resolve(ADMIN, { action: 'dismiss' }).expect(409);

      const listed = async (path: string) =>
        (await sx.call('get', path, CARA).expect(200)).body.items.map(
          (p: any) => p.id,
        );
      expect(await listed('/posts?limit=100')).not.toContain(post.id);
      expect(await listed('/posts?q=crypto')).not.toContain(post.id);
      expect(await listed('/posts?owner=me')).not.toContain(post.id);
      await sx.call('get', `/posts/${post.id}`, CARA).expect(404);
      expect(
        (await sx.call('get', `/posts/${post.id}`, ANNA).expect(200)).body,
      ).toMatchObject({ hidden: true, status: 'closed' });
      await sx.call('get', `/posts/${post.id}`, ADMIN).expect(200);
      // The owner reopening it does not bring it back to matching or search.
      await sx
        .call('post', `/posts/${post.id}/status`, ANNA)
        .send({ status: 'open', version: 2 })
        .expect(200);
      await sx
        .call('put', '/profiles/me', DAN)
        .send({ skills: [{ skill: 'Go', level: 3 }], learning: ['Go'] })
        .expect(200);
      const control = await newPost('Another Go hack');
      const matches = (
        await sx.call('get', '/matches/me?limit=50', DAN).expect(200)
      ).body.items.map((m: any) => m.post.id);
      expect(matches).toContain(control.id);
      expect(matches).not.toContain(post.id);
      const documents = await sx
        .call('get', '/collator/documents?type=posts&limit=1000', DAN)
        .set('authorization', mockCredentials.service.header())
        .expect(200);
      const indexed = JSON.stringify(documents.body);
      expect(indexed).toContain('Another Go hack');
      expect(indexed).not.toContain('Crypto giveaway hack');
      // A hidden post takes no more reports.
      await report(post.id, DAN, { reason: 'spam' }).expect(404);
    });

    it('resolves all open reports or none: a failure hiding the post rolls back', async () => {
      const post = await newPost('Half-way hack');
      await report(post.id, BEN, { reason: 'spam' }).expect(204);
      await report(post.id, CARA, { reason: 'other' }).expect(204);
      // Hiding the post, after the reports were resolved, fails.
      await expectAllOrNothing(sx, {
        tables: TABLES,
        fail: ['UPDATE', 'posts'],
        request: () =>
          sx
            .call('post', `/reports/${post.id}/resolve`, ADMIN)
            .send({ action: 'hide' }),
        eventId: 'post-moderate',
      });
      // Both reports still wait in the queue, and the post is not hidden.
      const queue = await sx.call('get', '/reports', ADMIN).expect(200);
      expect(
        queue.body.items.find((i: any) => i.postId === post.id),
      ).toMatchObject({ openReports: 2, hidden: false });
    });
  },
);
