import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { devPicker } from './auth/dev-picker';
import { oidcClient } from './auth/oidc';
import type { AuthProvider } from './auth/provider';
import { ROLE_PURPOSES, type Purpose } from './auth/roles';
import { identityOf, sessionStore, type Session, type TokenSet } from './auth/session';
import { Layout } from './components/Layout';
import { BASE, datesOf, type RuntimeConfig } from './config';
import { createGraphClient } from './graphql/client';
import { Routes } from './Routes';
import { SignIn, type SignInNotice } from './pages/SignIn';
import { SessionContext } from './session-context';

export interface Providers {
  dev: AuthProvider | null;
  oidc: AuthProvider | null;
}

function providersOf(config: RuntimeConfig): Providers {
  const redirectUri = `${window.location.origin}${BASE}`;
  return {
    dev: config.auth.devTokenEndpoint ? devPicker(config.auth.devTokenEndpoint) : null,
    oidc: config.auth.oidc ? oidcClient(config.auth.oidc, redirectUri) : null,
  };
}

/** Tokens obtained, purpose not chosen yet (a role with several purposes). */
export interface PendingSignIn {
  identity: Omit<Session, 'purpose' | 'method'>;
  method: Session['method'];
}

export function App({ config }: { config: RuntimeConfig }) {
  const providers = useMemo(() => providersOf(config), [config]);
  const [session, setSession] = useState<Session | null>(() => {
    const stored = sessionStore.load();
    return stored && stored.expiresAt > Date.now() ? stored : null;
  });
  const [notice, setNotice] = useState<SignInNotice | null>(() => (sessionStore.load() && !session ? { kind: 'expired' } : null));
  const [pending, setPending] = useState<PendingSignIn | null>(null);

  const expire = useCallback(() => {
    sessionStore.clear();
    setSession(null);
    setNotice({ kind: 'expired' });
  }, []);
  const signOut = useCallback(() => {
    sessionStore.clear();
    setSession(null);
    setNotice(null);
  }, []);

  const start = useCallback((identity: PendingSignIn['identity'], method: Session['method'], purpose: Purpose) => {
    const next: Session = { ...identity, method, purpose };
    sessionStore.save(next);
    setPending(null);
    setNotice(null);
    setSession(next);
  }, []);

  /** Tokens from either provider: straight in when the role has one purpose, else the purpose step. */
  const finish = useCallback(
    (tokens: TokenSet, method: Session['method'], purpose?: Purpose) => {
      const identity = identityOf(tokens, Date.now());
      if (!identity) {
        setNotice({ kind: 'noRole' });
        return;
      }
      const purposes = ROLE_PURPOSES[identity.role];
      const chosen = purpose && purposes.includes(purpose) ? purpose : purposes.length === 1 ? purposes[0] : undefined;
      if (chosen) start(identity, method, chosen);
      else setPending({ identity, method });
    },
    [start],
  );

  // Back from the identity provider (`/app/?code=...&state=...`).
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!providers.oidc || !(url.searchParams.has('code') || url.searchParams.has('error'))) return;
    window.history.replaceState(null, '', `${BASE}${window.location.hash}`);
    providers.oidc.completeSignIn(url).then(
      (tokens) => tokens && finish(tokens, 'oidc'),
      (err: unknown) => setNotice({ kind: 'failed', detail: err instanceof Error ? err.message : String(err) }),
    );
  }, [providers, finish]);

  // An expired token ends the session on time, not only at the next refused request.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(expire, Math.max(0, Math.min(session.expiresAt - Date.now(), 2_000_000_000)));
    return () => clearTimeout(timer);
  }, [session, expire]);

  const client = useMemo(() => (session ? createGraphClient(session, expire) : null), [session, expire]);
  const dates = useMemo(() => datesOf(config.today), [config.today]);

  if (!session || !client)
    return (
      <SignIn
        config={config}
        providers={providers}
        notice={notice}
        pending={pending}
        onTokens={finish}
        onPurpose={(purpose) => pending && start(pending.identity, pending.method, purpose)}
      />
    );
  return (
    <Provider value={client}>
      <SessionContext.Provider value={{ config, dates, session, client, signOut }}>
        <Layout>
          <Routes />
        </Layout>
      </SessionContext.Provider>
    </Provider>
  );
}
