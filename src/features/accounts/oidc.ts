// Signing in at an institution's OpenID Connect provider: discovery, the authorization request (code flow with
// PKCE, state and nonce), the code exchange, the ID token's checks, and the match to an existing Ponte user.
// A provider's account alone grants nothing: the person must already have a Ponte account with a role in the
// institution. Every refusal is an AppError whose details.reason says which of OidcFailure it is.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type AccountsRepository,
  createAccountsRepository,
  type OidcCandidate,
} from './accounts.repository.ts';

export interface OidcSettings {
  /** The provider's issuer identifier, as configured (a URL). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Slug of the institution whose users sign in at this provider. */
  institution: string;
}

/** What the browser keeps between the redirect to the provider and the way back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  /** The PKCE code verifier: only its SHA-256 goes to the authorization endpoint. */
  verifier: string;
}

/** Why a sign-in at the provider was refused; the pages explain each in the user's language. */
export const OIDC_FAILURES = {
  /** The provider answered with an error (the person cancelled, or the provider refused). */
  provider_error: 'invalid_input',
  /** The answer did not belong to a sign-in started here in this browser, or came too late. */
  bad_state: 'invalid_input',
  /** The token endpoint refused the code. */
  rejected_code: 'invalid_input',
  /** The ID token failed a check: signature, issuer, audience, expiry or nonce. */
  invalid_token: 'invalid_input',
  /** The provider could not be reached, or described itself wrongly. */
  unreachable: 'unavailable',
  /** No Ponte user of the institution matches the person. */
  unknown_user: 'forbidden',
  /** Matching by e-mail needs an address that the provider says it verified. */
  unverified_email: 'forbidden',
  disabled_user: 'forbidden',
  /** The matching Ponte user is already linked to another subject of the provider. */
  linked_elsewhere: 'forbidden',
} as const;
export type OidcFailure = keyof typeof OIDC_FAILURES;

function refusal(reason: OidcFailure, message: string, cause?: unknown): AppError {
  return new AppError(OIDC_FAILURES[reason], message, { details: { reason }, cause });
}

/** The reason of a refused sign-in at the provider, or undefined for any other error. */
export function oidcFailureOf(err: unknown): OidcFailure | undefined {
  if (!(err instanceof AppError)) return undefined;
  const reason = err.details?.['reason'];
  return typeof reason === 'string' && Object.hasOwn(OIDC_FAILURES, reason)
    ? (reason as OidcFailure)
    : undefined;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  token_endpoint_auth_methods_supported?: unknown;
  id_token_signing_alg_values_supported?: unknown;
}

interface Provider {
  discovery: Discovery;
  jwks: ReturnType<typeof createRemoteJWKSet>;
  algorithms: string[];
  authMethod: 'client_secret_basic' | 'client_secret_post';
}

/** The provider's description is fetched once an hour; its keys are cached and refreshed by jose. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const HTTP_TIMEOUT_MS = 10_000;
/** Clock difference tolerated between Ponte and the provider, and the oldest ID token accepted. */
const CLOCK_TOLERANCE_S = 60;
const MAX_TOKEN_AGE = '10m';
const SCOPE = 'openid email profile';
/** Signatures accepted on an ID token: asymmetric ones only, so the client secret never verifies a token. */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

const random = () => randomBytes(32).toString('base64url');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const withoutSlash = (url: string) => url.replace(/\/+$/, '');

/** Equal strings in constant time; false for anything missing. */
function sameSecret(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** application/x-www-form-urlencoded, as RFC 6749 wants for the parts of HTTP Basic client credentials. */
const formEncode = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);

const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    return ['https:', 'http:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

export function createOidc(deps: { database: Database; settings: OidcSettings }) {
  const { database, settings } = deps;
  const repo = createAccountsRepository(database);
  const provider = providerOf(settings);

  return {
    /** Where to send the browser to sign in, and what it must bring back (kept in a cookie meanwhile). */
    async authorization(redirectUri: string): Promise<{ url: string; pending: PendingSignIn }> {
      const p = await provider();
      const pending = { state: random(), nonce: random(), verifier: random() };
      const url = new URL(p.discovery.authorization_endpoint);
      const params = {
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: redirectUri,
        scope: SCOPE,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: s256(pending.verifier),
        code_challenge_method: 'S256',
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return { url: url.toString(), pending };
    },

    /**
     * Completes a sign-in from the provider's answer on the callback: checks the state (in constant time),
     * exchanges the code, verifies the ID token and finds the Ponte user. Returns the user's id.
     */
    async complete(
      pending: PendingSignIn | undefined,
      answer: { state?: unknown; code?: unknown; error?: unknown },
      redirectUri: string,
    ): Promise<string> {
      if (answer.error !== undefined) {
        const error =
          typeof answer.error === 'string' && /^[\w.-]{1,64}$/.test(answer.error) ? answer.error : '?';
        throw refusal('provider_error', `The provider answered with the error ${error}`);
      }
      if (!pending || !sameSecret(answer.state, pending.state)) {
        throw refusal('bad_state', 'The state does not match a sign-in started in this browser');
      }
      if (typeof answer.code !== 'string' || answer.code === '') {
        throw refusal('provider_error', 'The provider answered without a code');
      }
      const p = await provider();
      const idToken = await exchange(settings, p, answer.code, pending.verifier, redirectUri);
      const claims = await verify(settings, p, idToken, pending.nonce);
      return matchUser(database, repo, settings, claims);
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;

/** The provider's description, cached; a failed fetch is not cached, so the next sign-in tries again. */
function providerOf(settings: OidcSettings): () => Promise<Provider> {
  let cached: { at: number; provider: Promise<Provider> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > DISCOVERY_TTL_MS) {
      const attempt = discover(settings);
      cached = { at: Date.now(), provider: attempt };
      attempt.catch(() => {
        if (cached?.provider === attempt) cached = undefined;
      });
    }
    return cached.provider;
  };
}

async function discover(settings: OidcSettings): Promise<Provider> {
  const address = `${withoutSlash(settings.issuer)}/.well-known/openid-configuration`;
  let doc: Partial<Discovery>;
  try {
    const res = await fetch(address, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = (await res.json()) as Partial<Discovery>;
  } catch (cause) {
    throw refusal('unreachable', `The OpenID Connect provider's description at ${address} failed`, cause);
  }
  const endpoints = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const;
  const missing: string[] = endpoints.filter((k) => !isHttpUrl(doc[k]));
  if (typeof doc.issuer !== 'string') missing.push('issuer');
  if (missing.length > 0 || typeof doc.issuer !== 'string') {
    throw refusal('unreachable', `The provider's description lacks ${missing.join(', ')}`);
  }
  // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer it was fetched from.
  if (withoutSlash(doc.issuer) !== withoutSlash(settings.issuer)) {
    throw refusal('unreachable', `The provider calls itself ${doc.issuer}, not ${settings.issuer}`);
  }
  const discovery = doc as Discovery;
  const offered = Array.isArray(discovery.id_token_signing_alg_values_supported)
    ? discovery.id_token_signing_alg_values_supported.filter((a) => ASYMMETRIC.includes(a))
    : [];
  // Without a list, client_secret_basic is the default (OpenID Connect Discovery 1.0 §3).
  const methods = Array.isArray(discovery.token_endpoint_auth_methods_supported)
    ? discovery.token_endpoint_auth_methods_supported
    : ['client_secret_basic'];
  return {
    discovery,
    jwks: createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: HTTP_TIMEOUT_MS }),
    algorithms: offered.length > 0 ? offered : ['RS256'],
    authMethod:
      !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
        ? 'client_secret_post'
        : 'client_secret_basic',
  };
}

/** Trades the authorization code for an ID token at the token endpoint. */
async function exchange(
  settings: OidcSettings,
  p: Provider,
  code: string,
  verifier: string,
  redirectUri: string,
): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (p.authMethod === 'client_secret_post') {
    body.set('client_id', settings.clientId);
    body.set('client_secret', settings.clientSecret);
  } else {
    const pair = `${formEncode(settings.clientId)}:${formEncode(settings.clientSecret)}`;
    headers['authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
  }
  let res: Response;
  try {
    res = await fetch(p.discovery.token_endpoint, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (cause) {
    throw refusal('unreachable', 'The token endpoint could not be reached', cause);
  }
  if (res.status >= 500) throw refusal('unreachable', `The token endpoint answered HTTP ${res.status}`);
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) {
    const error = typeof json?.['error'] === 'string' ? json['error'].slice(0, 100) : `HTTP ${res.status}`;
    throw refusal('rejected_code', `The token endpoint refused the code: ${error}`);
  }
  const idToken = json?.['id_token'];
  if (typeof idToken !== 'string') throw refusal('invalid_token', 'The token endpoint gave no ID token');
  return idToken;
}

/** Checks the ID token's signature against the provider's keys, and its issuer, audience, age and nonce. */
async function verify(
  settings: OidcSettings,
  p: Provider,
  idToken: string,
  nonce: string,
): Promise<JWTPayload & { sub: string }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, p.jwks, {
      issuer: p.discovery.issuer,
      audience: settings.clientId,
      algorithms: p.algorithms,
      requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_TOKEN_AGE,
    }));
  } catch (cause) {
    if (cause instanceof joseErrors.JWKSTimeout) {
      throw refusal('unreachable', "The provider's keys could not be fetched", cause);
    }
    const why = cause instanceof joseErrors.JOSEError ? cause.code : 'malformed';
    throw refusal('invalid_token', `The ID token failed verification (${why})`, cause);
  }
  if (!sameSecret(payload['nonce'], nonce)) {
    throw refusal('invalid_token', 'The ID token does not carry the nonce of this sign-in');
  }
  // OpenID Connect Core §3.1.3.7: with several audiences, or an azp, the token must be meant for us.
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const azp = payload['azp'];
  if ((audiences.length > 1 || azp !== undefined) && azp !== settings.clientId) {
    throw refusal('invalid_token', 'The ID token was issued to another client (azp)');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw refusal('invalid_token', 'The ID token has no subject');
  }
  return payload as JWTPayload & { sub: string };
}

function admit(settings: OidcSettings, user: OidcCandidate, how: string): string {
  if (user.disabled) throw refusal('disabled_user', `The Ponte user matched by ${how} is disabled`);
  if (!user.member) {
    throw refusal('unknown_user', `The Ponte user matched by ${how} has no role in ${settings.institution}`);
  }
  return user.id;
}

/**
 * The Ponte user of the person: by the stored subject, or else by a verified e-mail of a user of the
 * institution not yet linked, whom the subject is then stored on (and the link audited).
 */
async function matchUser(
  database: Database,
  repo: AccountsRepository,
  settings: OidcSettings,
  claims: JWTPayload & { sub: string },
): Promise<string> {
  // A subject is unique only within its issuer: stored with it, a subject of another provider never matches.
  const subject = `${claims.iss}#${claims.sub}`;
  const linked = await repo.oidcBySubject(subject, settings.institution);
  if (linked) return admit(settings, linked, 'subject');

  const email = claims['email'];
  const verified = claims['email_verified'];
  if (typeof email !== 'string' || email.trim() === '') {
    throw refusal('unknown_user', 'No Ponte user has this subject, and the provider gave no e-mail');
  }
  if (verified !== true && verified !== 'true') {
    throw refusal('unverified_email', 'The provider does not say that the e-mail address is verified');
  }
  const user = await repo.oidcByEmail(email.trim(), settings.institution);
  if (!user) throw refusal('unknown_user', 'No Ponte user has this subject or e-mail address');
  const id = admit(settings, user, 'e-mail');
  await database.transaction(async () => {
    // Only a user not linked yet: another identity with the same address must not take the account over.
    if (!(await repo.linkOidcSubject(id, subject))) {
      throw refusal('linked_elsewhere', 'The Ponte user of this e-mail is linked to another subject');
    }
    await repo.auditOidcLink(id, settings.institution, { oidcIssuer: claims.iss });
  });
  return id;
}
