import { TestDatabases } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  LARS,
  MEI,
  startDeliveryBackend,
} from './__testUtils__/startDeliveryBackend';

/** Slack's Web API, recorded: people found by email, messages posted. */
const SLACK_IDS: Record<string, string> = {
  'lars@onramp.example': 'U0LARS',
  'mei@onramp.example': 'U0MEI',
};

describe('Slack delivery against recorded HTTP (msw: Slack Web API)', () => {
  const databases = TestDatabases.create();
  const posted: Array<{ auth: string | null; form: URLSearchParams }> = [];
  let onPost: (() => void) | undefined;
  const slack = setupServer(
    http.post(
      'https://slack.com/api/users.lookupByEmail',
      async ({ request }) => {
        const email = new URLSearchParams(await request.text()).get('email')!;
        return SLACK_IDS[email]
          ? HttpResponse.json({ ok: true, user: { id: SLACK_IDS[email] } })
          : HttpResponse.json({ ok: false, error: 'users_not_found' });
      },
    ),
    http.post('https://slack.com/api/chat.postMessage', async ({ request }) => {
      posted.push({
        auth: request.headers.get('authorization'),
        form: new URLSearchParams(await request.text()),
      });
      onPost?.();
      return HttpResponse.json({ ok: true, channel: 'D0', ts: '1.0001' });
    }),
  );
  beforeAll(() => slack.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => slack.close());
  beforeEach(() => {
    posted.length = 0;
  });

  /** Resolves once `count` messages have been posted to Slack. */
  function postsReach(count: number) {
    return new Promise<void>(resolve => {
      const check = () => posted.length >= count && resolve();
      onPost = check;
      check();
    });
  }

  it.each(databases.eachSupportedId())(
    'posts a direct message with the title and the portal link to the recipient, and respects the channel setting, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const portal = await startDeliveryBackend({
        knex,
        notifications: {
          processors: { slack: [{ token: 'xoxb-onramp-test' }] },
        },
      });
      try {
        const settings = await portal.settings();
        expect(
          settings.body.channels.map((c: { id: string }) => c.id),
        ).toContain('SlackNotificationProcessor');

        const first = postsReach(1);
        await portal.notify(LARS, {
          title: 'Your interest in "Platform embed" was accepted',
          description: 'Amara accepted your interest.',
          link: '/skill-exchange/posts/3',
        });
        await first;
        expect(posted).toHaveLength(1);
        expect(posted[0].auth).toBe('Bearer xoxb-onramp-test');
        const message = posted[0].form;
        expect(message.get('channel')).toBe('U0LARS');
        const rendered = `${message.get('text')} ${message.get(
          'blocks',
        )} ${message.get('attachments')}`;
        expect(rendered).toContain(
          'Your interest in \\"Platform embed\\" was accepted',
        );
        expect(rendered).toContain(
          'http://portal.example/skill-exchange/posts/3',
        );

        // Lars turns Slack off for this sender, Mei keeps it: Lars is sent
        // one first, then Mei, and only Mei's message is posted.
        await portal.turnOff('SlackNotificationProcessor');
        const second = postsReach(2);
        await portal.notify(LARS, { title: 'Lars, not on Slack' });
        await portal.notify(MEI, { title: 'Mei, on Slack' });
        await second;
        expect(posted.map(p => p.form.get('channel'))).toEqual([
          'U0LARS',
          'U0MEI',
        ]);
      } finally {
        await portal.backend.stop();
      }
    },
    60_000,
  );
});
