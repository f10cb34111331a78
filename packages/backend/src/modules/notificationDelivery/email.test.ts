import { TestDatabases } from '@backstage/backend-test-utils';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  LARS,
  MEI,
  ORIGIN,
  startDeliveryBackend,
} from './__testUtils__/startDeliveryBackend';

interface Received {
  from?: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server in this process (npm smtp-server): what arrives is
 * handed to whoever waits for it, in order.
 */
async function startSmtpServer() {
  const received: Received[] = [];
  const waiting: Array<(message: Received) => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', chunk => chunks.push(chunk));
      stream.on('end', () => {
        const message = {
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : undefined,
          to: session.envelope.rcptTo.map(r => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    /** The next message to arrive (jest's timeout bounds the wait). */
    next: () => new Promise<Received>(resolve => waiting.push(resolve)),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** A MIME body with soft line breaks and quoted-printable escapes undone. */
function plain(raw: string) {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}

describe('email delivery through a real SMTP server (smtp-server)', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'mails the recipient the title and a link to the portal, and respects the channel setting, on %p',
    async databaseId => {
      const smtp = await startSmtpServer();
      const knex = await databases.init(databaseId);
      const portal = await startDeliveryBackend({
        knex,
        notifications: {
          processors: {
            email: {
              transportConfig: {
                transport: 'smtp',
                hostname: '127.0.0.1',
                port: smtp.port,
              },
              sender: 'onramp@portal.example',
            },
          },
        },
      });
      try {
        // The channel appears in everyone's notification settings.
        const settings = await portal.settings();
        expect(
          settings.body.channels.map((c: { id: string }) => c.id),
        ).toContain('Email');

        const arrival = smtp.next();
        await portal.notify(LARS, {
          title: 'Mei joined your hack Rust in the build',
          description: 'Your hack has 2 members now.',
          link: '/skill-exchange/posts/7',
        });
        const mail = await arrival;
        expect(mail.from).toBe('onramp@portal.example');
        expect(mail.to).toEqual(['lars@onramp.example']);
        const body = plain(mail.raw);
        expect(body).toContain(
          'Subject: Mei joined your hack Rust in the build',
        );
        expect(body).toContain('Your hack has 2 members now.');
        expect(body).toContain('http://portal.example/skill-exchange/posts/7');

        // Lars turns email off for this sender; Mei keeps it. Lars is sent
        // a notification first, then Mei: only Mei's mail arrives (after
        // Lars's would have), and Lars still has his in the portal.
        await portal.turnOff('Email');
        const meis = smtp.next();
        await portal.notify(LARS, { title: 'Lars, not by email' });
        await portal.notify(MEI, { title: 'Mei, by email' });
        expect((await meis).to).toEqual(['mei@onramp.example']);
        expect(smtp.received.map(m => m.to)).toEqual([
          ['lars@onramp.example'],
          ['mei@onramp.example'],
        ]);
        const inbox = await portal.inbox();
        expect(
          inbox.body.notifications.map(
            (n: { payload: { title: string }; origin: string }) =>
              n.payload.title,
          ),
        ).toContain('Lars, not by email');
        expect(inbox.body.notifications[0].origin).toBe(ORIGIN);
      } finally {
        await portal.backend.stop();
        await smtp.close();
      }
    },
    60_000,
  );
});
