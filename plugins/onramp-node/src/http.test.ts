import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { safeString } from '@onramp/backstage-plugin-onramp-common';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { z } from 'zod';
import { audited } from './audit';
import { parseId, parseInput, requireUser, sendCsv } from './http';

function app() {
  const httpAuth = mockServices.httpAuth({
    defaultCredentials: mockCredentials.none(),
  });
  const auditor = mockServices.auditor.mock();
  const event = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(event);
  const router = Router();
  router.use(express.json());
  router.post('/things/:id', async (req, res) => {
    const { userEntityRef } = await requireUser(httpAuth, req);
    const id = parseId(req.params.id, 'thing id');
    const body = parseInput(z.strictObject({ title: safeString() }), req.body);
    const result = await audited(
      auditor,
      req,
      { eventId: 'thing-update', meta: { id, unused: undefined } },
      async () => {
        if (body.title === 'boom') throw new Error('boom');
        return { id, title: body.title, by: userEntityRef };
      },
    );
    res.json(result);
  });
  router.get('/export', async (_req, res) => {
    sendCsv(res, 'x.csv', ['title'], [['=1+1']]);
  });
  const server = express().use(router).use(mockErrorHandler());
  return { server, auditor, event };
}

describe('HTTP helpers', () => {
  const asUser = mockCredentials.user.header('user:default/ann');

  it('answers 401 without a user', async () => {
    const { server } = app();
    const res = await request(server).post('/things/1').send({ title: 'x' });
    expect(res.status).toBe(401);
  });

  it('turns a zod mismatch into a 400 naming the field', async () => {
    const { server, auditor } = app();
    const res = await request(server)
      .post('/things/1')
      .set('authorization', asUser)
      .send({ title: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toBe(
      'title: must not contain control characters (found U+0000)',
    );
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it.each(['0', '01', '1.5', 'abc', '99999999999', '2147483648'])(
    'refuses the id %j with a 400',
    async id => {
      const { server } = app();
      const res = await request(server)
        .post(`/things/${id}`)
        .set('authorization', asUser)
        .send({ title: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^thing id must be a positive/);
    },
  );

  it('audits a change: success, or failure with the error', async () => {
    const { server, auditor, event } = app();
    const ok = await request(server)
      .post('/things/7')
      .set('authorization', asUser)
      .send({ title: 'fine' });
    expect(ok.body).toEqual({ id: 7, title: 'fine', by: 'user:default/ann' });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'thing-update',
        severityLevel: 'low',
        meta: { id: 7 },
      }),
    );
    expect(event.success).toHaveBeenCalled();
    const failed = await request(server)
      .post('/things/7')
      .set('authorization', asUser)
      .send({ title: 'boom' });
    expect(failed.status).toBe(500);
    expect(event.fail).toHaveBeenCalledWith({ error: new Error('boom') });
  });

  it('sends CSV with formula cells neutralised', async () => {
    const res = await request(app().server).get('/export');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('x.csv');
    expect(res.text).toBe("title\r\n'=1+1\r\n");
  });
});
