// The one typed configuration of Ponte, and the only reader of process.env.
// Each key has a doc, a default and its environment variable; the README's table is generated from CONFIG_KEYS.
import { resolve } from 'node:path';
import type { DatabaseOptions } from './platform/db/client.ts';
import { APP_ROLE } from './platform/db/roles.ts';

type Parser<T> = (raw: string, env: string) => T;

interface KeySpec<T> {
  env: string;
  doc: string;
  default: T;
  parse: Parser<T>;
}

const str: Parser<string> = (raw) => raw;
const int =
  (min: number, max: number): Parser<number> =>
  (raw, env) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`${env} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return n;
  };
const bool: Parser<boolean> = (raw, env) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${env} must be true or false, got "${raw}"`);
};
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw, env) => {
    if ((values as string[]).includes(raw)) return raw as T;
    throw new Error(`${env} must be one of ${values.join(', ')}, got "${raw}"`);
  };
const url: Parser<string> = (raw, env) => {
  try {
    new URL(raw);
  } catch {
    throw new Error(`${env} must be a URL, got a value that is not one`);
  }
  return raw;
};
const optionalUrl: Parser<string | undefined> = (raw, env) => (raw === '' ? undefined : url(raw, env));
const optionalStr: Parser<string | undefined> = (raw) => (raw === '' ? undefined : raw);
/** An identity provider is reached over HTTPS; plain HTTP only on this machine (a provider in development). */
const issuerUrl: Parser<string | undefined> = (raw, env) => {
  const value = optionalUrl(raw, env);
  if (value === undefined) return undefined;
  const { protocol, hostname } = new URL(value);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  if (protocol !== 'https:' && !(protocol === 'http:' && loopback)) {
    throw new Error(`${env} must be an https:// address (http:// only for localhost)`);
  }
  return value;
};

export const CONFIG_KEYS = {
  port: { env: 'PORT', doc: 'TCP port the HTTP server listens on', default: 3000, parse: int(0, 65535) },
  host: {
    env: 'HOST',
    doc: 'Address to listen on; 0.0.0.0 to accept connections from other machines',
    default: '127.0.0.1',
    parse: str,
  },
  publicUrl: {
    env: 'PUBLIC_URL',
    doc: 'Address at which users reach Ponte, used in links, the sitemap and the OpenAPI document; when empty, http://localhost:PORT',
    // Filled in from PORT by loadConfig when not set.
    default: '' as string,
    parse: url,
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL server to use (postgres://user:pass@host:5432/db); when empty, the embedded PGlite in DATA_DIR',
    default: undefined as string | undefined,
    parse: optionalUrl,
  },
  databaseOwnerUrl: {
    env: 'DATABASE_OWNER_URL',
    doc: "PostgreSQL role that owns Ponte's tables, used only to migrate them (then DATABASE_URL's role needs only ponte_app's rights, see Database roles); when empty, DATABASE_URL's role migrates",
    default: undefined as string | undefined,
    parse: optionalUrl,
  },
  dataDir: {
    env: 'DATA_DIR',
    doc: 'Folder of the embedded database (PGlite); unused when DATABASE_URL is set',
    default: './data',
    parse: str,
  },
  databaseTemplate: {
    env: 'DATABASE_TEMPLATE',
    doc: 'Begin a new embedded database as a copy of the one `npm install` prepares (migrated, with the gazetteer); false to build it from nothing',
    default: true,
    parse: bool,
  },
  dbPoolSize: {
    env: 'DB_POOL_SIZE',
    doc: 'Connections in the PostgreSQL pool (DATABASE_URL only)',
    default: 10,
    parse: int(1, 200),
  },
  seedDemo: {
    env: 'SEED_DEMO',
    doc: 'Load the demo institutions and agreements when the database has no institution yet',
    default: true,
    parse: bool,
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'Log level: fatal, error, warn, info, debug, trace or silent',
    default: 'info' as 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  oidcIssuer: {
    env: 'OIDC_ISSUER',
    doc: "Issuer address of the institution's OpenID Connect provider, for signing in there; when empty, only passwords",
    default: undefined as string | undefined,
    parse: issuerUrl,
  },
  oidcClientId: {
    env: 'OIDC_CLIENT_ID',
    doc: "Ponte's client ID at the OpenID Connect provider (with OIDC_ISSUER)",
    default: undefined as string | undefined,
    parse: optionalStr,
  },
  oidcClientSecret: {
    env: 'OIDC_CLIENT_SECRET',
    doc: "Ponte's client secret at the OpenID Connect provider (with OIDC_ISSUER); never logged",
    default: undefined as string | undefined,
    parse: optionalStr,
  },
  oidcInstitution: {
    env: 'OIDC_INSTITUTION',
    doc: 'Slug of the institution whose staff sign in at the OpenID Connect provider (with OIDC_ISSUER)',
    default: undefined as string | undefined,
    parse: optionalStr,
  },
  oidcLabel: {
    env: 'OIDC_LABEL',
    doc: "Text of the button that signs in at the OpenID Connect provider; when empty, a generic one in the page's language",
    default: undefined as string | undefined,
    parse: optionalStr,
  },
} satisfies Record<string, KeySpec<unknown>>;

type Keys = typeof CONFIG_KEYS;
export type Config = { [K in keyof Keys]: Keys[K]['default'] };

/** Keys that only work together: when one is set, every other one must be too. */
const TOGETHER: (keyof Config)[][] = [['oidcIssuer', 'oidcClientId', 'oidcClientSecret', 'oidcInstitution']];

/** Reads and validates the configuration; throws one error listing every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  const bad = new Set<string>();
  for (const [key, spec] of Object.entries(CONFIG_KEYS) as [string, KeySpec<unknown>][]) {
    const raw = env[spec.env];
    if (raw === undefined || raw === '') {
      out[key] = spec.default;
      continue;
    }
    try {
      out[key] = spec.parse(raw.trim(), spec.env);
    } catch (err) {
      problems.push((err as Error).message);
      bad.add(key);
    }
  }
  const config = { ...(out as Config), ...overrides };
  for (const group of TOGETHER) {
    if (group.some((k) => bad.has(k)) || !group.some((k) => config[k] !== undefined)) continue;
    const names = group.map((k) => CONFIG_KEYS[k].env);
    for (const k of group.filter((k) => config[k] === undefined)) {
      problems.push(`${CONFIG_KEYS[k].env} is missing: ${names.join(', ')} must be set together`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  config.dataDir = resolve(config.dataDir);
  // Links, the sitemap and the OpenAPI document name the port the server really listens on.
  if (!config.publicUrl) config.publicUrl = `http://localhost:${config.port}`;
  return config;
}

/** The database the configuration names: a PostgreSQL server, or the embedded one in DATA_DIR. */
export function databaseOptions(config: Config): DatabaseOptions {
  return {
    databaseUrl: config.databaseUrl,
    ownerUrl: config.databaseOwnerUrl,
    dataDir: config.dataDir,
    ...(config.databaseTemplate ? {} : { template: false as const }),
    poolSize: config.dbPoolSize,
    role: APP_ROLE,
  };
}
