import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  LIMITS,
  SKILL_CATEGORIES,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { forbiddenCharacter } from '@onramp/backstage-plugin-onramp-common';
import type { SkillExchangeServices } from '../service';

/** Text every database engine can store: no NUL or other control characters. */
const storable = (value: string) => forbiddenCharacter(value) === undefined;
const STORABLE = { message: 'must not contain control characters' };

/**
 * Registers the Skill Exchange actions in Backstage's actions registry (not
 * scaffolder actions), so MCP clients (through the mcp-actions backend) can
 * search the skills taxonomy and find experts.
 */
export function registerSkillExchangeMcpActions(options: {
  actionsRegistry: ActionsRegistryService;
  services: SkillExchangeServices;
}) {
  const { actionsRegistry, services } = options;

  actionsRegistry.register({
    name: 'search-skills',
    title: 'Search the skills taxonomy',
    description:
      'Finds skills of the Skill Exchange taxonomy by name or alias (case-insensitive), with their category and aliases. Use the names it returns with find-experts.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z
          .object({
            query: z
              .string()
              .trim()
              .max(LIMITS.skillName)
              .refine(storable, STORABLE)
              .optional()
              .describe(
                'Part of a skill name or alias, e.g. "kube" or "js"; omit for all skills',
              ),
            limit: z
              .number()
              .int()
              .min(1)
              .max(200)
              .default(25)
              .describe('At most this many skills'),
          })
          .strict(),
      output: z =>
        z.object({
          skills: z.array(
            z.object({
              name: z.string(),
              category: z.enum(SKILL_CATEGORIES),
              description: z.string(),
              aliases: z.array(z.string()),
            }),
          ),
          totalItems: z.number(),
        }),
    },
    examples: [
      {
        title: 'Skills about Kubernetes',
        input: { query: 'k8s', limit: 5 },
      },
    ],
    action: async ({ input }) => {
      const skills = await services.taxonomy.listSkills(
        input.query || undefined,
      );
      return {
        output: {
          skills: skills.slice(0, input.limit).map(s => ({
            name: s.name,
            category: s.category,
            description: s.description,
            aliases: s.aliases,
          })),
          totalItems: skills.length,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'find-experts',
    title: 'Find experts by skills',
    description:
      'Finds people whose Skill Exchange profile has ALL the given skills at the minimum level or above (1 aware, 2 learning, 3 practitioner, 4 advanced, 5 expert), best first, with their level in each skill.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z
          .object({
            skills: z
              .array(
                z
                  .string()
                  .trim()
                  .min(1)
                  .max(LIMITS.skillName)
                  .refine(storable, STORABLE),
              )
              .min(1)
              .max(10)
              .describe('Skill names or aliases, e.g. ["go", "postgres"]'),
            minLevel: z
              .number()
              .int()
              .min(1)
              .max(5)
              .default(3)
              .describe('Minimum level in every skill (default 3)'),
            team: z
              .string()
              .regex(/^group:[a-z0-9._-]+\/[a-z0-9._-]+$/i)
              .optional()
              .describe('Only people of this team, e.g. group:default/backend'),
            canHelp: z
              .boolean()
              .optional()
              .describe('Only people who said they can help with these skills'),
            rank: z
              .enum(['level', 'evidence'])
              .default('level')
              .describe(
                'level: by their levels; evidence: by merged PRs and completed embeds and mentorships, among people who share their evidence, each with why',
              ),
            limit: z.number().int().min(1).max(100).default(10),
          })
          .strict(),
      output: z =>
        z.object({
          experts: z.array(
            z.object({
              user: z.string(),
              team: z.string().optional(),
              score: z.number(),
              skills: z.array(
                z.object({
                  skill: z.string(),
                  level: z.number(),
                  levelName: z.string(),
                  canHelp: z.boolean(),
                }),
              ),
              evidence: z
                .object({ score: z.number(), reason: z.string() })
                .optional(),
            }),
          ),
          totalItems: z.number(),
        }),
    },
    examples: [
      {
        title: 'Advanced Go and PostgreSQL people who can help',
        input: {
          skills: ['go', 'postgres'],
          minLevel: 4,
          canHelp: true,
          rank: 'level',
          limit: 10,
        },
      },
      {
        title: 'TypeScript people ranked by what they did, with why',
        input: {
          skills: ['typescript'],
          minLevel: 3,
          rank: 'evidence',
          limit: 5,
        },
      },
    ],
    action: async ({ input }) => {
      const page = await services.matching.findExpertsNamed({
        skills: input.skills,
        minLevel: input.minLevel,
        team: input.team,
        canHelp: input.canHelp,
        rank: input.rank,
        limit: input.limit,
        offset: 0,
      });
      return {
        output: {
          experts: page.items.map(e => ({
            user: e.user,
            ...(e.team ? { team: e.team } : {}),
            score: e.score,
            skills: e.skills,
            ...(e.evidence ? { evidence: e.evidence } : {}),
          })),
          totalItems: page.totalItems,
        },
      };
    },
  });
}
