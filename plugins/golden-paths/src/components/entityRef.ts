/** Splits `kind:namespace/name` without throwing on partial refs. */
export function parseEntityRefLoose(ref: string): {
  kind: string;
  namespace: string;
  name: string;
} {
  const colon = ref.indexOf(':');
  const kind = colon >= 0 ? ref.slice(0, colon) : '';
  const rest = colon >= 0 ? ref.slice(colon + 1) : ref;
  const slash = rest.indexOf('/');
  return slash >= 0
    ? { kind, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) }
    : { kind, namespace: 'default', name: rest };
}
