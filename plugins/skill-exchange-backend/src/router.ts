import type {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  activitiesQuerySchema,
  describeZodError,
  eventInputSchema,
  eventUpdateSchema,
  expertsQuerySchema,
  insightsQuerySchema,
  levelName,
  interestInputSchema,
  listPostsQuerySchema,
  matchesQuerySchema,
  postInputSchema,
  postStatusSchema,
  postUpdateSchema,
  profileInputSchema,
  skillExchangeEventCreatePermission,
  skillExchangePostCreatePermission,
  skillExchangePostDeletePermission,
  skillExchangePostModeratePermission,
  skillExchangePostUpdatePermission,
  skillExchangeProfileUpdatePermission,
  skillExchangeTaxonomyManagePermission,
  skillInputSchema,
  skillMergeSchema,
  skillUpdateSchema,
  teamSkillsQuerySchema,
} from '@onramp/backstage-plugin-skill-exchange-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CatalogFactsReader } from './catalogFacts';
import { SkillExchangeNotifier } from './notifications';
import { PostResource, skillExchangePostResourceRef } from './permissions';
import { SkillExchangeStore } from './store/SkillExchangeStore';

export interface RouterOptions {
  store: SkillExchangeStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  notifier: SkillExchangeNotifier;
  catalogFacts: CatalogFactsReader;
  logger: LoggerService;
  auditor: AuditorService;
}

/**
 * The audit event of a request, by method and path: every change, and the
 * CSV export. Reads are not audited.
 */
export function auditEventFor(
  method: string,
  path: string,
): { eventId: string; meta: Record<string, string> } | undefined {
  const routes: Array<[string, RegExp, string]> = [
    ['POST', /^\/posts$/, 'post-create'],
    ['PUT', /^\/posts\/(?<postId>[^/]+)$/, 'post-update'],
    ['POST', /^\/posts\/(?<postId>[^/]+)\/status$/, 'post-status'],
    ['DELETE', /^\/posts\/(?<postId>[^/]+)$/, 'post-delete'],
    ['POST', /^\/posts\/(?<postId>[^/]+)\/interests$/, 'interest-create'],
    [
      'POST',
      /^\/interests\/(?<interestId>[^/]+)\/(?<answer>accept|decline|withdraw)$/,
      'interest-answer',
    ],
    ['POST', /^\/posts\/(?<postId>[^/]+)\/members$/, 'hack-join'],
    ['DELETE', /^\/posts\/(?<postId>[^/]+)\/members\/me$/, 'hack-leave'],
    [
      'PUT',
      /^\/posts\/(?<postId>[^/]+)\/(?<relation>follow|save)$/,
      'post-relation',
    ],
    [
      'DELETE',
      /^\/posts\/(?<postId>[^/]+)\/(?<relation>follow|save)$/,
      'post-relation',
    ],
    ['POST', /^\/events$/, 'event-create'],
    ['PUT', /^\/events\/(?<eventId>[^/]+)$/, 'event-update'],
    ['DELETE', /^\/events\/(?<eventId>[^/]+)$/, 'event-delete'],
    ['PUT', /^\/profiles\/me$/, 'profile-update'],
    ['POST', /^\/skills$/, 'skill-create'],
    ['PUT', /^\/skills\/(?<skillId>[^/]+)$/, 'skill-update'],
    ['POST', /^\/skills\/(?<skillId>[^/]+)\/merge$/, 'skill-merge'],
    ['GET', /^\/insights\.csv$/, 'insights-export'],
  ];
  for (const [m, pattern, eventId] of routes) {
    const match = method === m ? pattern.exec(path) : null;
    if (match) {
      const meta: Record<string, string> = { ...(match.groups ?? {}) };
      if (method === 'DELETE' && eventId === 'post-relation') {
        meta.action = 'remove';
      } else if (eventId === 'post-relation') {
        meta.action = 'add';
      }
      return { eventId, meta };
    }
  }
  return undefined;
}

/** Parses input with a zod schema; a mismatch is a 400 with every problem named. */
function parse<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    throw new InputError(describeZodError(result.error));
  }
  return result.data;
}

function parseId(value: string, what = 'id'): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) {
    throw new InputError(
      `${what} must be a positive whole number, got '${value}'`,
    );
  }
  return Number(value);
}

/** One CSV cell (RFC 4180), safe from spreadsheet formula injection. */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, permissions, notifier, catalogFacts } = options;
  const authorizeConditions = createConditionAuthorizer(
    options.permissionsRegistry.getPermissionRuleset(
      skillExchangePostResourceRef,
    ),
  );

  const router = Router();

  // Audit every change (and the CSV export): success or failure, by status.
  router.use(async (req, res, next) => {
    const audit = auditEventFor(req.method, req.path);
    if (!audit) {
      next();
      return;
    }
    let event: Awaited<ReturnType<AuditorService['createEvent']>>;
    try {
      event = await options.auditor.createEvent({
        eventId: audit.eventId,
        request: req,
        severityLevel:
          audit.eventId.startsWith('skill-') ||
          audit.eventId === 'post-delete' ||
          audit.eventId === 'event-delete'
            ? 'medium'
            : 'low',
        meta: audit.meta,
      });
    } catch {
      // No credentials to attribute it to: the route itself answers 401.
      next();
      return;
    }
    res.on('finish', () => {
      const meta = { status: res.statusCode };
      const done =
        res.statusCode < 400
          ? event.success({ meta })
          : event.fail({
              meta,
              error: new Error(`Request failed with status ${res.statusCode}`),
            });
      done.catch(error =>
        options.logger.warn(`Could not write audit event: ${error}`),
      );
    });
    next();
  });
  router.use(express.json({ limit: '64kb' }));

  const user = async (req: Request) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    return { credentials, ref: credentials.principal.userEntityRef };
  };

  const allowed = async (
    permission: BasicPermission,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ) =>
    (await permissions.authorize([{ permission }], { credentials }))[0]
      .result === AuthorizeResult.ALLOW;

  const requireBasic = async (
    permission: BasicPermission,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    what: string,
  ) => {
    if (!(await allowed(permission, credentials))) {
      throw new NotAllowedError(`You are not allowed to ${what}`);
    }
  };

  /** Owners (per policy) or moderators may change a post; anyone else gets a 403. */
  const requirePost = async (
    permission: ResourcePermission<'skill-exchange-post'>,
    postId: number,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    what: string,
  ): Promise<PostResource> => {
    const [resource]: PostResource[] = await store.getPostResources([postId]);
    if (!resource) throw new NotFoundError(`No post ${postId}`);
    const [decision] = await permissions.authorizeConditional(
      [{ permission }],
      {
        credentials,
      },
    );
    if (
      decision.result === AuthorizeResult.ALLOW ||
      (decision.result === AuthorizeResult.CONDITIONAL &&
        authorizeConditions(decision, resource)) ||
      (await allowed(skillExchangePostModeratePermission, credentials))
    ) {
      return resource;
    }
    throw new NotAllowedError(`Only the owner of post ${postId} may ${what}`);
  };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // -------------------------------------------------------------- skills
  router.get('/skills', async (req, res) => {
    await user(req);
    const { q } = parse(
      z.strictObject({ q: z.string().trim().max(60).optional() }),
      req.query,
    );
    res.json(await store.listSkills({ q }));
  });

  router.post('/skills', async (req, res) => {
    const { credentials } = await user(req);
    const input = parse(skillInputSchema, req.body);
    await requireBasic(
      skillExchangeTaxonomyManagePermission,
      credentials,
      'manage the skills taxonomy',
    );
    res.status(201).json(await store.addSkill(input));
  });
  router.put('/skills/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    const input = parse(skillUpdateSchema, req.body);
    await requireBasic(
      skillExchangeTaxonomyManagePermission,
      credentials,
      'manage the skills taxonomy',
    );
    res.json(await store.updateSkill(id, input));
  });
  router.post('/skills/:id/merge', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    const { into } = parse(skillMergeSchema, req.body);
    await requireBasic(
      skillExchangeTaxonomyManagePermission,
      credentials,
      'manage the skills taxonomy',
    );
    res.json(await store.mergeSkill(id, into));
  });

  // --------------------------------------------------------------- posts
  router.get('/posts', async (req, res) => {
    const { ref } = await user(req);
    const query = parse(listPostsQuerySchema, req.query);
    res.json(await store.listPosts(query, ref));
  });

  router.post('/posts', async (req, res) => {
    const { credentials, ref } = await user(req);
    const input = parse(postInputSchema, req.body);
    await requireBasic(skillExchangePostCreatePermission, credentials, 'post');
    const post = await store.createPost(ref, input);
    const learners = await store.learnersOfPost(post.id);
    if (learners.length) {
      await notifier.postMatchesLearningGoals({
        users: learners,
        postId: post.id,
        title: post.title,
        kind: post.kind,
        skills: post.skills,
      });
    }
    res.status(201).json(post);
  });

  router.get('/posts/:id', async (req, res) => {
    const { ref } = await user(req);
    const id = parseId(req.params.id);
    const post = await store.getPost(id, ref);
    if (!post) throw new NotFoundError(`No post ${id}`);
    res.json(post);
  });

  router.put('/posts/:id', async (req, res) => {
    const { credentials, ref } = await user(req);
    const id = parseId(req.params.id);
    const { version, ...input } = parse(postUpdateSchema, req.body);
    await requirePost(
      skillExchangePostUpdatePermission,
      id,
      credentials,
      'edit it',
    );
    res.json(await store.updatePost(id, input, version, ref));
  });

  router.post('/posts/:id/status', async (req, res) => {
    const { credentials, ref } = await user(req);
    const id = parseId(req.params.id);
    const { status, version } = parse(postStatusSchema, req.body);
    await requirePost(
      skillExchangePostUpdatePermission,
      id,
      credentials,
      'change its status',
    );
    res.json(await store.setPostStatus(id, status, version, ref));
  });

  router.delete('/posts/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    await requirePost(
      skillExchangePostDeletePermission,
      id,
      credentials,
      'delete it',
    );
    await store.deletePost(id);
    res.status(204).end();
  });

  // ----------------------------------------------------------- interests
  router.post('/posts/:id/interests', async (req, res) => {
    const { ref } = await user(req);
    const id = parseId(req.params.id);
    const { message } = parse(interestInputSchema, req.body);
    const interest = await store.expressInterest(id, ref, message);
    const post = (await store.getPostRow(id))!;
    await notifier.interestReceived({
      owner: post.owner,
      user: ref,
      postId: id,
      title: post.title,
      message,
    });
    res.status(201).json(interest);
  });

  router.get('/posts/:id/interests', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    await requirePost(
      skillExchangePostUpdatePermission,
      id,
      credentials,
      'see who is interested',
    );
    res.json(await store.listInterests(id));
  });

  router.post('/interests/:id/:answer(accept|decline)', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    parse(z.strictObject({}), req.body);
    const interest = await store.getInterest(id);
    if (!interest) throw new NotFoundError(`No interest ${id}`);
    const post = await requirePost(
      skillExchangePostUpdatePermission,
      interest.postId,
      credentials,
      'answer interest in it',
    );
    const accepted = req.params.answer === 'accept';
    const updated = await store.transitionInterest(
      id,
      ['pending'],
      accepted ? 'accepted' : 'declined',
    );
    await notifier.interestAnswered({
      user: interest.user,
      postId: post.id,
      title: post.title,
      accepted,
    });
    res.json(updated);
  });

  router.post('/interests/:id/withdraw', async (req, res) => {
    const { ref } = await user(req);
    const id = parseId(req.params.id);
    parse(z.strictObject({}), req.body);
    const interest = await store.getInterest(id);
    if (!interest) throw new NotFoundError(`No interest ${id}`);
    if (interest.user !== ref) {
      throw new NotAllowedError(
        'Only the person who expressed interest may withdraw it',
      );
    }
    res.json(
      await store.transitionInterest(id, ['pending', 'accepted'], 'withdrawn'),
    );
  });

  // ------------------------------------------- members, follows and saves
  router.post('/posts/:id/members', async (req, res) => {
    const { ref } = await user(req);
    const id = parseId(req.params.id);
    parse(z.strictObject({}), req.body);
    const joined = await store.joinHack(id, ref);
    const post = (await store.getPost(id, ref))!;
    if (joined && post.owner !== ref) {
      await notifier.hackMemberJoined({
        owner: post.owner,
        user: ref,
        postId: id,
        title: post.title,
      });
    }
    res.status(joined ? 201 : 200).json(post);
  });

  router.delete('/posts/:id/members/me', async (req, res) => {
    const { ref } = await user(req);
    const id = parseId(req.params.id);
    await store.leaveHack(id, ref);
    res.json(await store.getPost(id, ref));
  });

  for (const [path, table] of [
    ['follow', 'follows'],
    ['save', 'saves'],
  ] as const) {
    router.put(`/posts/:id/${path}`, async (req, res) => {
      const { ref } = await user(req);
      await store.setRelation(table, parseId(req.params.id), ref, true);
      res.status(204).end();
    });
    router.delete(`/posts/:id/${path}`, async (req, res) => {
      const { ref } = await user(req);
      await store.setRelation(table, parseId(req.params.id), ref, false);
      res.status(204).end();
    });
  }

  // -------------------------------------------------------------- events
  router.get('/events', async (req, res) => {
    await user(req);
    res.json(await store.listEvents());
  });

  router.post('/events', async (req, res) => {
    const { credentials, ref } = await user(req);
    const input = parse(eventInputSchema, req.body);
    await requireBasic(
      skillExchangeEventCreatePermission,
      credentials,
      'create hack events',
    );
    res.status(201).json(await store.createEvent(input, ref));
  });

  /** The creator and organisers of an event (or moderators) may change it. */
  const requireEventOrganiser = async (
    id: number,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    what: string,
  ) => {
    const event = await store.getEvent(id);
    if (!event) throw new NotFoundError(`No hack event ${id}`);
    const ref = credentials.principal.userEntityRef.toLocaleLowerCase();
    const organisers = [event.createdBy, ...event.organisers].map(r =>
      r.toLocaleLowerCase(),
    );
    if (
      !organisers.includes(ref) &&
      !(await allowed(skillExchangePostModeratePermission, credentials))
    ) {
      throw new NotAllowedError(
        `Only the organisers of hack event ${id} may ${what}`,
      );
    }
    return event;
  };

  router.get('/events/:id', async (req, res) => {
    await user(req);
    const id = parseId(req.params.id);
    const event = await store.getEvent(id);
    if (!event) throw new NotFoundError(`No hack event ${id}`);
    res.json(event);
  });
  router.put('/events/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    const input = parse(eventUpdateSchema, req.body);
    await requireEventOrganiser(id, credentials, 'edit it');
    res.json(await store.updateEvent(id, input));
  });
  router.delete('/events/:id', async (req, res) => {
    const { credentials } = await user(req);
    const id = parseId(req.params.id);
    await requireEventOrganiser(id, credentials, 'delete it');
    await store.deleteEvent(id);
    res.status(204).end();
  });

  // ------------------------------------------------------------ profiles
  const profileOf = async (userRef: string) => {
    const facts = await catalogFacts.read(userRef);
    if (!facts) throw new NotFoundError(`No user ${userRef} in the catalog`);
    const saved = await store.getProfile(userRef);
    return {
      user: userRef,
      ...facts,
      bio: '',
      contact: '',
      openToEmbeds: false,
      openToMentoring: false,
      openToHacks: false,
      skills: [],
      learning: [],
      version: 0,
      ...saved,
    };
  };

  router.get('/profiles/me', async (req, res) => {
    const { ref } = await user(req);
    res.json(await profileOf(ref));
  });

  router.put('/profiles/me', async (req, res) => {
    const { credentials, ref } = await user(req);
    const input = parse(profileInputSchema, req.body);
    await requireBasic(
      skillExchangeProfileUpdatePermission,
      credentials,
      'edit your profile',
    );
    const facts = await catalogFacts.read(ref);
    if (!facts) throw new NotFoundError(`No user ${ref} in the catalog`);
    await store.saveProfile(ref, input, { team: facts.teams[0] });
    res.json(await profileOf(ref));
  });

  /** A user ref from the path, lower-cased; anything else is a 400. */
  const userRefParam = (value: string) => {
    const ref = value.toLocaleLowerCase();
    if (!/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/.test(ref)) {
      throw new InputError(`Not a user entity ref: '${value}'`);
    }
    return ref;
  };

  router.get('/profiles/:ref', async (req, res) => {
    await user(req);
    res.json(await profileOf(userRefParam(req.params.ref)));
  });

  /**
   * What someone did to grow (`me` for the signed-in user): embeds and
   * mentorships they were accepted on, hacks they joined, their posts that
   * got filled. Anyone signed in may read anyone's, like profiles.
   */
  router.get('/profiles/:ref/activities', async (req, res) => {
    const { ref: viewer } = await user(req);
    const ref = req.params.ref === 'me' ? viewer : userRefParam(req.params.ref);
    const page = parse(activitiesQuerySchema, req.query);
    if (ref !== viewer && !(await catalogFacts.exists(ref))) {
      throw new NotFoundError(`No user ${ref} in the catalog`);
    }
    res.json(await store.growthActivities(ref, page, viewer));
  });

  // --------------------------------------------------------------- teams
  /**
   * Skills coverage of a group: its members' (and its child groups' members')
   * skill profiles added up, and the skills its open posts ask for that no
   * member has.
   */
  router.get('/teams/skills', async (req, res) => {
    await user(req);
    const { group } = parse(teamSkillsQuerySchema, req.query);
    const found = await catalogFacts.readGroupMembers(group);
    if (!found) throw new NotFoundError(`No group ${group} in the catalog`);
    res.json(await store.teamSkills(group, found.groups, found.members));
  });

  // ------------------------------------------------------------- experts
  router.get('/experts', async (req, res) => {
    await user(req);
    res.json(await store.findExperts(parse(expertsQuerySchema, req.query)));
  });

  // --------------------------------------------------------- search index
  /**
   * Documents for the Backstage search index, paged by a cursor. Only for
   * other backend plugins (the search collator), never for users.
   */
  router.get('/collator/documents', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const query = parse(
      z.strictObject({
        type: z.enum(['posts', 'profiles']),
        after: z.string().max(300).default(''),
        limit: z.coerce.number().int().min(1).max(1000).default(500),
      }),
      req.query,
    );
    if (query.type === 'posts') {
      const afterId = query.after ? parseId(query.after, 'after') : 0;
      const posts = await store.postsForIndex(afterId, query.limit);
      res.json({
        items: posts.map(p => ({
          title: p.title,
          text: [
            p.description,
            p.skills.length ? `Skills: ${p.skills.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
          location: `/skill-exchange/posts/${p.id}`,
          kind: p.kind,
          status: p.status,
          skills: p.skills,
          owner: p.owner,
          ...(p.team ? { team: p.team } : {}),
        })),
        ...(posts.length === query.limit
          ? { next: String(posts[posts.length - 1].id) }
          : {}),
      });
      return;
    }
    const profiles = await store.profilesForIndex(query.after, query.limit);
    const names = await catalogFacts.readNames(profiles.map(p => p.user));
    res.json({
      items: profiles.map(p => {
        const name = names.get(p.user);
        return {
          title: name?.displayName ?? p.user.replace(/^user:[^/]+\//, ''),
          text: [
            name?.title,
            p.bio,
            p.skills.length
              ? `Skills: ${p.skills
                  .map(s => `${s.skill} (${levelName(s.level)})`)
                  .join(', ')}`
              : '',
            p.skills.some(s => s.canHelp)
              ? `Can help with: ${p.skills
                  .filter(s => s.canHelp)
                  .map(s => s.skill)
                  .join(', ')}`
              : '',
            p.learning.length ? `Learning: ${p.learning.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('\n\n'),
          location: `/skill-exchange/profiles/${encodeURIComponent(p.user)}`,
          kind: 'profile',
          user: p.user,
          skills: p.skills.map(s => s.skill),
          ...(p.team ? { team: p.team } : {}),
        };
      }),
      ...(profiles.length === query.limit
        ? { next: profiles[profiles.length - 1].user }
        : {}),
    });
  });

  // ------------------------------------------------------------ matching
  router.get('/posts/:id/matches', async (req, res) => {
    await user(req);
    const id = parseId(req.params.id);
    const { kind, ...page } = parse(matchesQuerySchema, req.query);
    if (kind) {
      throw new InputError('kind: not a filter of the matches of one post');
    }
    res.json(await store.matchPeopleForPost(id, page));
  });

  router.get('/matches/me', async (req, res) => {
    const { ref } = await user(req);
    res.json(
      await store.matchPostsForUser(ref, parse(matchesQuerySchema, req.query)),
    );
  });

  // ------------------------------------------------------------ insights
  router.get('/insights', async (req, res) => {
    await user(req);
    res.json(await store.insights(parse(insightsQuerySchema, req.query)));
  });

  router.get('/insights.csv', async (req, res) => {
    await user(req);
    const { skills } = await store.insights(
      parse(insightsQuerySchema, req.query),
    );
    const header = [
      'skill',
      'category',
      'supply',
      'helpers',
      'learners',
      'demand',
      'gap',
    ];
    const lines = [
      header.join(','),
      ...skills.map(s =>
        [
          csvCell(s.skill),
          s.category,
          s.supply,
          s.helpers,
          s.learners,
          s.demand,
          s.gap,
        ].join(','),
      ),
    ];
    res
      .type('text/csv')
      .attachment('skill-exchange-insights.csv')
      .send(`${lines.join('\r\n')}\r\n`);
  });

  return router;
}
