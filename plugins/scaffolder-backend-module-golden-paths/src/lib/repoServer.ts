import { NotFoundError } from '@backstage/errors';
import express from 'express';
import path from 'node:path';
import { GoldenPathsSettings } from './config';
import { git, isBareRepository } from './git';

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const BRANCH = /^[A-Za-z0-9._-]+$/;

/**
 * Read-only HTTP access to files of the local bare repositories, so the
 * catalog can read a published catalog-info.yaml through a plain URL:
 * GET /golden-paths/git/:repository/raw/:branch/<file path>.
 */
export function createRepositoryRouter(settings: GoldenPathsSettings) {
  const router = express.Router();
  router.get(
    '/golden-paths/git/:repository/raw/:branch/*',
    async (req, res, next) => {
      try {
        const { repository, branch } = req.params;
        const file = path.posix.normalize((req.params as any)[0] ?? '');
        if (
          !NAME.test(repository) ||
          !BRANCH.test(branch) ||
          !file ||
          file.startsWith('..') ||
          file.startsWith('/')
        ) {
          throw new NotFoundError('No such file');
        }
        const gitDir = path.join(settings.git.root, `${repository}.git`);
        if (!(await isBareRepository(gitDir))) {
          throw new NotFoundError(`No repository ${repository}`);
        }
        let content: string;
        try {
          content = await git(['show', `refs/heads/${branch}:${file}`], {
            env: { GIT_DIR: gitDir },
          });
        } catch {
          throw new NotFoundError(
            `No file ${file} on ${branch} of ${repository}`,
          );
        }
        res.type('text/plain').send(`${content}\n`);
      } catch (e) {
        next(e);
      }
    },
  );
  return router;
}
