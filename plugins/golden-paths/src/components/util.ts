import { parseEntityRefLoose } from './entityRef';

/** `template:default/day-1-backend-service` -> `/create/templates/default/day-1-backend-service`. */
export function templateUrl(templateRef: string): string {
  const { namespace, name } = parseEntityRefLoose(templateRef);
  return `/create/templates/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/** `group:default/backend` -> `backend` (the default namespace is implied). */
export function humanizeRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRefLoose(ref);
  const prefix = namespace === 'default' ? '' : `${namespace}/`;
  return kind === 'user' || kind === 'group'
    ? `${prefix}${name}`
    : `${kind}:${prefix}${name}`;
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString();
}
