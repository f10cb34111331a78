import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  ANNA,
  API,
  BEN,
  CARA,
  catalogUser,
  DAN,
  useSkillExchangeBackend,
} from './__testUtils__';

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'onboarding buddy candidates on %s',
  databaseId => {
    const sx = useSkillExchangeBackend(databases, databaseId, {
      entities: ['anna', 'ben', 'cara', 'dan'].map(n => catalogUser(n)),
    });
    const candidates = (query: string) =>
      request(sx.server)
        .get(`${API}/buddies/candidates?${query}`)
        .set('authorization', mockCredentials.service.header());

    beforeAll(async () => {
      const profile = (ref: string, skills: object[]) =>
        sx.call('put', '/profiles/me', ref).send({ skills }).expect(200);
      // Anna: Backend and can help with TypeScript and Kubernetes.
      await profile(ANNA, [
        { skill: 'backend', level: 3 },
        { skill: 'TypeScript', level: 4, canHelp: true },
        { skill: 'Kubernetes', level: 3, canHelp: true },
      ]);
      // Ben: Backend Expert, helps with TypeScript only.
      await profile(BEN, [
        { skill: 'Backend', level: 5 },
        { skill: 'TypeScript', level: 5, canHelp: true },
      ]);
      // Cara: Backend, knows Kubernetes but does not offer help.
      await profile(CARA, [
        { skill: 'Backend', level: 2 },
        { skill: 'Kubernetes', level: 5 },
      ]);
      // Dan: not a backend engineer, however helpful.
      await profile(DAN, [
        { skill: 'Data Science', level: 5 },
        { skill: 'TypeScript', level: 5, canHelp: true },
      ]);
    });

    it('ranks people of the discipline by the path skills they can help with, each with a reason', async () => {
      const res = await candidates(
        'discipline=Backend&skills=typescript,k8s,day-1,backend',
      ).expect(200);
      expect(res.body.items.map((c: { user: string }) => c.user)).toEqual([
        ANNA,
        BEN,
        CARA,
      ]);
      expect(res.body.items[0]).toEqual({
        user: ANNA,
        team: 'group:default/backend',
        disciplineLevel: 3,
        canHelpWith: [
          { skill: 'TypeScript', level: 4 },
          { skill: 'Kubernetes', level: 3 },
        ],
        reason:
          'Backend, Practitioner; can help with TypeScript (Advanced), Kubernetes (Practitioner)',
      });
      expect(res.body.items[2].reason).toBe('Backend, Learning');
    });

    it('leaves out excluded people, answers users too, and finds nobody for an unknown discipline', async () => {
      const res = await sx
        .call(
          'get',
          `/buddies/candidates?discipline=server-side&skills=TypeScript&exclude=${encodeURIComponent(
            'user:default/Anna',
          )},${BEN}`,
          DAN,
        )
        .expect(200);
      expect(res.body.items.map((c: { user: string }) => c.user)).toEqual([
        CARA,
      ]);
      const none = await candidates('discipline=Client&skills=TypeScript');
      expect(none.body).toEqual({ items: [] });
      // TypeScript is a skill, not a discipline.
      const notDiscipline = await candidates('discipline=TypeScript');
      expect(notDiscipline.body).toEqual({ items: [] });
    });

    it('400 for a bad query, 401 without credentials', async () => {
      await candidates('skills=TypeScript').expect(400);
      await candidates('discipline=Backend&exclude=group:default/x').expect(
        400,
      );
      await candidates('discipline=Backend&limit=0').expect(400);
      await request(sx.server)
        .get(`${API}/buddies/candidates?discipline=Backend`)
        .expect(401);
    });
  },
);
