// Limits of uploads and of the server's parsing, from the environment. A value that is set but
// makes no sense stops with an error that names the variable, rather than falling back quietly.

type Env = Record<string, string | undefined>;

/** The upload limit when NIANBAO_UPLOAD_MAX_MB is unset (the parser's own limit, lib/formats). */
export const DEFAULT_UPLOAD_MAX_MB = 20;

const MB = 1024 * 1024;

/** A setting in the environment that cannot be used. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export interface EnvNumberRule {
  /** whole numbers only */
  integer?: boolean;
  /** the smallest value allowed (values must be above 0 in any case, or 0 and above with allowZero) */
  min?: number;
  /** 0 is a value too */
  allowZero?: boolean;
}

/**
 * A positive number (or 0, with allowZero) from the environment; `fallback` when the variable is unset or blank.
 * Throws ConfigurationError, naming the variable, for anything else that is not such a number.
 */
export function envNumber(env: Env, name: string, fallback: number, rule: EnvNumberRule = {}): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : NaN;
  const wanted = `${rule.integer ? 'a whole number' : 'a number'} ${rule.allowZero ? 'of 0 or more' : 'above 0'}`;
  const valid = Number.isFinite(value) && (rule.allowZero ? value >= 0 : value > 0) && (!rule.integer || Number.isInteger(value));
  if (!valid) throw new ConfigurationError(`${name} must be ${wanted} (it is "${raw}")`);
  if (rule.min !== undefined && value < rule.min) throw new ConfigurationError(`${name} must be at least ${rule.min} (it is "${raw}")`);
  return value;
}

/** The largest upload accepted, in bytes: NIANBAO_UPLOAD_MAX_MB megabytes (MiB; 20 by default). */
export function uploadMaxBytes(env: Env = process.env): number {
  return Math.floor(envNumber(env, 'NIANBAO_UPLOAD_MAX_MB', DEFAULT_UPLOAD_MAX_MB) * MB);
}

/** A size for people: "20 MB", "1.5 MB", "300 KB", "12 字节". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${trim(bytes / MB)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

function trim(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Number(x.toFixed(1)));
}
