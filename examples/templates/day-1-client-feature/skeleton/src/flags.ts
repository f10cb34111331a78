import { readFileSync } from 'node:fs';

/** The feature flags this app knows, and their value when nothing sets them. */
export const FLAG_DEFAULTS = {
  'welcome-banner': false,
};

export type FlagName = keyof typeof FLAG_DEFAULTS;
export type Flags = Record<FlagName, boolean>;

const isFlagName = (name: string): name is FlagName =>
  Object.prototype.hasOwnProperty.call(FLAG_DEFAULTS, name);

/**
 * The flags in effect: the defaults, then the JSON file (config/flags.json,
 * committed with the code), then FEATURE_FLAGS from the environment
 * (`welcome-banner=off,other=on`) for a quick local override. An unknown
 * flag name or a value that is not on/off is an error, not a silent default.
 */
export function readFlags(
  file = 'config/flags.json',
  env: string | undefined = process.env.FEATURE_FLAGS,
): Flags {
  const flags: Flags = { ...FLAG_DEFAULTS };
  const fromFile: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof fromFile !== 'object' || fromFile === null) {
    throw new Error(`${file}: expected an object of flag names to true/false`);
  }
  for (const [name, value] of Object.entries(fromFile)) {
    if (!isFlagName(name) || typeof value !== 'boolean') {
      throw new Error(`${file}: ${name} is not a known flag set to true/false`);
    }
    flags[name] = value;
  }
  for (const item of (env ?? '').split(',').filter(Boolean)) {
    const [name, value] = item.trim().split('=');
    if (!isFlagName(name) || !['on', 'off'].includes(value)) {
      throw new Error(`FEATURE_FLAGS: ${item} is not <known flag>=on|off`);
    }
    flags[name] = value === 'on';
  }
  return flags;
}
