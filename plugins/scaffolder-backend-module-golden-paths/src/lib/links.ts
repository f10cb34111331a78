import { resolveRemote, GoldenPathsSettings } from './config';

/**
 * Turns a repository file into a link people (and the catalog) can open.
 *
 * @public
 */
export type LinkBuilder = (
  repository: string,
  branch: string,
  file: string,
) => Promise<string>;

/** Links for local repositories point at the read-only repository route. */
export function createLinkBuilder(
  settings: GoldenPathsSettings,
  scaffolderBaseUrl: () => Promise<string>,
): LinkBuilder {
  return async (repository, branch, file) => {
    const resolved = resolveRemote(settings, repository);
    if (resolved.localName) {
      return `${await scaffolderBaseUrl()}/golden-paths/git/${
        resolved.localName
      }/raw/${branch}/${file}`;
    }
    return resolved.url;
  };
}
