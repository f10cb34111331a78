import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  GoldenPathsSettings,
  prepareRemote,
  resolveRemote,
} from '../lib/config';
import { withoutStack } from '../lib/errors';
import { authorEnv, git, remoteBranchCommit, tempDir } from '../lib/git';
import { parseInput, Z } from '../lib/input';
import { examples } from './publishGit.examples';

/**
 * Builds the URLs under which a local repository's files can be read.
 *
 * @public
 */
export type LocalRepositoryUrls = (
  name: string,
  branch: string,
) => Promise<{ repoContentsUrl: string; catalogInfoBaseUrl: string }>;

const inputFields = {
  repository: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'A plain name ([a-z0-9._-]) for a bare repository under goldenPaths.git.root, created on demand; or a remote URL that starts with one of goldenPaths.git.allowedRemotes',
      ),
  sourcePath: (z: Z) =>
    z
      .string()
      .default('.')
      .describe('Folder of the workspace to publish (default: all of it)'),
  defaultBranch: (z: Z) =>
    z
      .string()
      .regex(/^[A-Za-z0-9._/-]+$/)
      .optional()
      .describe('Branch to push (default goldenPaths.git.defaultBranch, main)'),
  gitCommitMessage: (z: Z) =>
    z.string().default('Initial commit').describe('Message of the commit'),
  gitAuthorName: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Commit author name (default: the task user's spec.profile.displayName, else scaffolder.defaultAuthor.name)",
      ),
  gitAuthorEmail: (z: Z) =>
    z
      .string()
      .email()
      .optional()
      .describe(
        "Commit author email (default: the task user's spec.profile.email, so the first push is theirs; else scaffolder.defaultAuthor.email)",
      ),
};

/**
 * `goldenpath:publish`: pushes the workspace as one commit to a git remote.
 * @public
 */
export function createPublishGitAction(options: {
  settings: GoldenPathsSettings;
  localUrls: LocalRepositoryUrls;
}) {
  const { settings, localUrls } = options;
  return createTemplateAction({
    id: 'goldenpath:publish',
    description:
      'Pushes the workspace as one commit to a git remote: by default a bare repository created on demand under goldenPaths.git.root. Idempotent: a branch that already holds the same files is left as it is; a branch with different content is never overwritten.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields,
      output: {
        remoteUrl: z =>
          z
            .string()
            .describe(
              'Where people open the repository: the remote URL, or for a local repository its read-only route in the portal (never a path on the server)',
            ),
        repoContentsUrl: z =>
          z.string().describe('URL under which the published files are read'),
        catalogInfoUrl: z =>
          z
            .string()
            .describe(
              'URL of catalog-info.yaml in the published branch (for catalog:register)',
            ),
        commitHash: z =>
          z
            .string()
            .optional()
            .describe('The commit on the branch (absent in dry-run)'),
      },
    },
    async handler(ctx) {
      const input = parseInput('goldenpath:publish', inputFields, ctx.input);
      const branch = input.defaultBranch ?? settings.git.defaultBranch;
      const resolved = resolveRemote(settings, input.repository);
      const source = resolveSafeChildPath(ctx.workspacePath, input.sourcePath);
      const author = commitAuthor(input, ctx.user?.entity, settings);

      let repoContentsUrl = resolved.url;
      let catalogInfoUrl = `${resolved.url.replace(
        /\/$/,
        '',
      )}/catalog-info.yaml`;
      if (resolved.localName) {
        const urls = await localUrls(resolved.localName, branch);
        repoContentsUrl = urls.repoContentsUrl;
        catalogInfoUrl = `${urls.catalogInfoBaseUrl}/catalog-info.yaml`;
      }
      // What people see: a local repository's path on this machine is
      // never shown, its route in the portal is.
      const shown = resolved.localName ? repoContentsUrl : resolved.url;
      ctx.output('remoteUrl', shown);
      ctx.output('repoContentsUrl', repoContentsUrl);
      ctx.output('catalogInfoUrl', catalogInfoUrl);

      // Index the files in a throwaway git directory: the workspace itself is
      // never turned into a repository.
      const scratch = await tempDir('gp-publish');
      try {
        const gitEnv = {
          GIT_DIR: `${scratch.dir}/.git`,
          GIT_WORK_TREE: source,
        };
        await git(['init', '--quiet', `--initial-branch=${branch}`], {
          env: gitEnv,
        });
        await git(['add', '--all', '--force', '.'], {
          cwd: source,
          env: gitEnv,
        });
        const tree = await git(['write-tree'], { cwd: source, env: gitEnv });
        const fileCount = (
          await git(['ls-files'], { cwd: source, env: gitEnv })
        )
          .split('\n')
          .filter(Boolean).length;
        if (fileCount === 0) {
          // An empty workspace is never what anyone wants published; it is
          // also what a task resumed after a restart sees when the scaffolder
          // has no workspace provider to restore its files.
          throw withoutStack(
            new InputError(
              `goldenpath:publish found no files in ${
                input.sourcePath === '.'
                  ? 'the workspace'
                  : `'${input.sourcePath}'`
              }: nothing to publish to ${shown}. If this task was resumed after a backend restart, its workspace was lost: configure scaffolder.taskRecovery.workspaceProvider or run the template again.`,
            ),
          );
        }

        if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: would push ${fileCount} files (tree ${tree}) as '${
              input.gitCommitMessage
            }' by ${author.name} <${
              author.email
            }> to ${shown} branch ${branch}${
              resolved.localName ? ' (bare repository created if missing)' : ''
            }`,
          );
          return;
        }

        await ctx.checkpoint({
          key: `publish.git.remote.${resolved.url}`,
          fn: async () => {
            const state = await prepareRemote(settings, resolved);
            if (state === 'created' && resolved.localName) {
              // Ownership marker: goldenpath:teardown only deletes local
              // repositories that goldenpath:publish created.
              await git(['config', 'goldenpaths.createdByTask', ctx.task.id], {
                env: { GIT_DIR: resolved.remote },
              });
            }
            ctx.logger.info(`Remote ${shown}: ${state}`);
          },
        });

        const commitHash = await ctx.checkpoint({
          key: `publish.git.push.${resolved.url}.${branch}`,
          fn: async () => {
            const existing = await remoteBranchCommit(resolved.remote, branch);
            if (existing) {
              await git(['fetch', '--quiet', resolved.remote, branch], {
                cwd: source,
                env: gitEnv,
              });
              const existingTree = await git(
                ['rev-parse', 'FETCH_HEAD^{tree}'],
                { cwd: source, env: gitEnv },
              );
              if (existingTree === tree) {
                ctx.logger.info(
                  `Branch ${branch} of ${shown} already holds these files at ${existing}; nothing pushed`,
                );
                return existing;
              }
              throw withoutStack(
                new ConflictError(
                  `Branch ${branch} of ${shown} already exists with different content (${existing}); goldenpath:publish never overwrites a branch. Choose another repository name.`,
                ),
              );
            }
            const commit = await git(
              ['commit-tree', tree, '-m', input.gitCommitMessage],
              { cwd: source, env: { ...gitEnv, ...authorEnv(author) } },
            );
            await git(
              [
                'push',
                '--quiet',
                resolved.remote,
                `${commit}:refs/heads/${branch}`,
              ],
              { cwd: source, env: gitEnv },
            );
            ctx.logger.info(
              `Pushed ${fileCount} files as ${commit} to ${shown} branch ${branch}`,
            );
            return commit;
          },
        });
        ctx.output('commitHash', commitHash);
      } finally {
        await scratch.remove();
      }
    },
  });
}

/**
 * Who the commit is by: the input's author, else the person running the
 * task (their catalog profile's email and name, so the local git server
 * attributes the first push to them), else the configured default author.
 */
function commitAuthor(
  input: { gitAuthorName?: string; gitAuthorEmail?: string },
  user: UserEntity | undefined,
  settings: GoldenPathsSettings,
) {
  const profile = user?.spec?.profile;
  const email = input.gitAuthorEmail ?? profile?.email;
  if (!email) {
    return {
      name: input.gitAuthorName ?? settings.git.author.name,
      email: settings.git.author.email,
    };
  }
  return {
    name:
      input.gitAuthorName ??
      profile?.displayName ??
      user?.metadata.name ??
      settings.git.author.name,
    email,
  };
}
