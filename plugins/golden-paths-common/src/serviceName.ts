/**
 * A Day-1 service name: a DNS label, because it becomes the repository, the
 * Kubernetes name and the host name.
 * @public
 */
export const SERVICE_NAME_PATTERN = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * What is wrong with a service name, for people; undefined when it is well formed.
 *
 * @public
 */
export function serviceNameProblem(name: string): string | undefined {
  if (name.length === 0) {
    return 'Enter a name';
  }
  if (name.length > 63) {
    return 'At most 63 characters';
  }
  if (!SERVICE_NAME_PATTERN.test(name)) {
    return 'Lowercase letters, digits and dashes, starting with a letter and not ending with a dash';
  }
  return undefined;
}

/**
 * Whether a Day-1 service name is free: no Component of that name in the
 * catalog and no repository of that name under the golden-paths git root.
 * @public
 */
export interface ServiceNameCheck {
  name: string;
  available: boolean;
  /** The owner of what holds the name, e.g. `group:backend`. */
  takenBy?: string;
  /** The catalog entity that holds the name. */
  entityRef?: string;
  /** Where to open what holds the name, in the portal. */
  url?: string;
  /** One sentence for people, when the name is taken. */
  message?: string;
}
