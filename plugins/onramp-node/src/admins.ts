import type { RootConfigService } from '@backstage/backend-plugin-api';

/**
 * The users and groups that may administer everything in the portal
 * (`onramp.permission.admins`), for Onramp's permission policy and for the
 * routes that decide "owner or admin" themselves. Refs match
 * case-insensitively.
 *
 * @public
 */
export class OnrampAdmins {
  /** The config key the admins are read from. */
  static readonly configKey = 'onramp.permission.admins';

  static fromConfig(
    config: Pick<RootConfigService, 'getOptionalStringArray'>,
  ): OnrampAdmins {
    return new OnrampAdmins(
      config.getOptionalStringArray(OnrampAdmins.configKey) ?? [],
    );
  }

  readonly #refs: Set<string>;

  constructor(refs: string[]) {
    this.#refs = new Set(refs.map(ref => ref.toLocaleLowerCase()));
  }

  /** Whether any of a person's refs (user ref, group refs) is an admin. */
  includesAny(refs: string[]): boolean {
    return refs.some(ref => this.#refs.has(ref.toLocaleLowerCase()));
  }
}
