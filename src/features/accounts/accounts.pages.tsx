// The accounts' pages under /admin/{it,en}/, drawn in the back-office's frame: signing in with a password and
// signing out, choosing the institution to work in, changing one's password. Signing in at the institution's
// OpenID Connect provider is a plugin of its own (accounts.oidc.pages.tsx).
import multipart from '@fastify/multipart';
import type { App } from '../../platform/http/types.ts';
import { type AccountDeps, institutionRoutes, passwordRoutes } from './accounts.account.pages.tsx';
import { type SignInDeps, signInRoutes } from './accounts.signin.pages.tsx';

export type AccountsPagesDeps = SignInDeps & AccountDeps;

export function accountsPages(deps: AccountsPagesDeps) {
  return async function routes(app: App) {
    // These routes lived beside the agreements' upload: a multipart body reaches them parsed, not a 415.
    await app.register(multipart);
    signInRoutes(app, deps);
    institutionRoutes(app, deps);
    passwordRoutes(app, deps);
  };
}
