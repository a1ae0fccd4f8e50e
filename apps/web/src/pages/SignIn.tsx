import { useEffect, useId, useState, type FormEvent } from 'react';
import { stringifyDocument } from '@urql/core';
import type { PendingSignIn, Providers } from '../App';
import { COMMUNE_CLAIM, ROLE_PURPOSES, ROLES, type Purpose, type Role } from '../auth/roles';
import type { Session, TokenSet } from '../auth/session';
import type { RuntimeConfig } from '../config';
import { GRAPHQL_URL } from '../graphql/client';
import { ProvinceCommunesQuery } from '../graphql/operations';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLang } from '../i18n/context';

export type SignInNotice = { kind: 'expired' } | { kind: 'noRole' } | { kind: 'failed'; detail: string };

interface Props {
  config: RuntimeConfig;
  providers: Providers;
  notice: SignInNotice | null;
  pending: PendingSignIn | null;
  onTokens(tokens: TokenSet, method: Session['method'], purpose?: Purpose): void;
  onPurpose(purpose: Purpose): void;
}

interface Commune {
  code: string;
  name: string;
}

/**
 * The development picker lists the province's communes for commune officers. Nobody is signed in
 * yet, so it asks the development issuer for a coordinator token (aggregates and reference data
 * only, purpose STATISTICS), reads the list, and forgets the token. Development only.
 */
async function loadCommunes(providers: Providers, config: RuntimeConfig): Promise<Commune[]> {
  const tokens = await providers.dev!.signIn({ role: 'coordinator' });
  const res = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.accessToken}`, 'x-access-purpose': 'STATISTICS' },
    body: JSON.stringify({
      query: stringifyDocument(ProvinceCommunesQuery),
      operationName: 'ProvinceCommunes',
      variables: { province: config.provinceCode, asOf: config.today },
    }),
  });
  const body = (await res.json()) as { data?: { communesOf?: Commune[] } };
  return body.data?.communesOf ?? [];
}

function PurposeChoice({ role, value, onChange }: { role: Role; value: Purpose; onChange(p: Purpose): void }) {
  const { t } = useLang();
  const id = useId();
  const purposes = ROLE_PURPOSES[role];
  if (purposes.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t.choosePurpose}</label>
      <select id={id} name="purpose" value={value} onChange={(e) => onChange(e.target.value as Purpose)}>
        {purposes.map((p) => (
          <option key={p} value={p}>
            {t.purposes[p]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SignIn({ config, providers, notice, pending, onTokens, onPurpose }: Props) {
  const { t } = useLang();
  const [role, setRole] = useState<Role>('coordinator');
  const [commune, setCommune] = useState('');
  const [purpose, setPurpose] = useState<Purpose>(ROLE_PURPOSES.coordinator[0]);
  const [communes, setCommunes] = useState<Commune[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const roleId = useId();
  const communeId = useId();
  const claim = COMMUNE_CLAIM[role];

  useEffect(() => {
    if (claim === 'none' || communes || !providers.dev) return;
    loadCommunes(providers, config).then(
      (list) => {
        setCommunes(list);
        if (claim === 'required' && list.length) setCommune((c) => c || list[0].code);
      },
      () => setCommunes([]),
    );
  }, [claim, communes, providers, config]);

  useEffect(() => {
    if (claim === 'required' && !commune && communes?.length) setCommune(communes[0].code);
  }, [claim, commune, communes]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const tokens = await providers.dev!.signIn({ role, commune: claim === 'none' ? undefined : commune || undefined });
      onTokens(tokens, 'dev', purpose);
    } catch (err) {
      setProblem(`${t.signInFailed}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  const noticeText =
    notice?.kind === 'expired'
      ? t.sessionExpired
      : notice?.kind === 'noRole'
        ? t.tokenNoRole
        : notice
          ? `${t.signInFailed}: ${notice.detail}`
          : null;

  return (
    <div className="signin-page">
      <header className="signin-header">
        <p className="brand">{t.appName}</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="signin" tabIndex={-1}>
        <h1>{pending ? t.purposeStepTitle : t.signInTitle}</h1>
        {noticeText ? (
          <p className="notice notice-signin" role="alert" data-notice={notice?.kind}>
            {noticeText}
          </p>
        ) : null}
        {pending ? (
          <PurposeStep pending={pending} onPurpose={onPurpose} />
        ) : (
          <>
            <p>{t.signInIntro}</p>
            {providers.dev ? (
              <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="dev-signin-title">
                <h2 id="dev-signin-title">{t.devSignInHeading}</h2>
                <p className="hint">{t.devSignInNote}</p>
                <div className="field">
                  <label htmlFor={roleId}>{t.chooseRole}</label>
                  <select
                    id={roleId}
                    name="role"
                    value={role}
                    onChange={(e) => {
                      const next = e.target.value as Role;
                      setRole(next);
                      setPurpose(ROLE_PURPOSES[next][0]);
                      setCommune('');
                    }}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t.roles[r]}
                      </option>
                    ))}
                  </select>
                </div>
                {claim !== 'none' ? (
                  <div className="field">
                    <label htmlFor={communeId}>{claim === 'required' ? t.chooseCommune : t.chooseCommuneOptional}</label>
                    {communes ? (
                      <select
                        id={communeId}
                        name="commune"
                        value={commune}
                        onChange={(e) => setCommune(e.target.value)}
                        required={claim === 'required'}
                      >
                        {claim === 'optional' ? <option value="">{t.noCommune}</option> : null}
                        {communes.map((c) => (
                          <option key={c.code} value={c.code}>
                            {c.name} ({c.code})
                          </option>
                        ))}
                      </select>
                    ) : (
                      <p role="status">{t.loadingCommunes}</p>
                    )}
                  </div>
                ) : null}
                <PurposeChoice role={role} value={purpose} onChange={setPurpose} />
                <button type="submit" className="primary" disabled={busy || (claim === 'required' && !commune)}>
                  {t.signInButton}
                </button>
                {problem ? (
                  <p className="notice" role="alert">
                    {problem}
                  </p>
                ) : null}
              </form>
            ) : null}
            {providers.oidc ? (
              <section className="card" aria-labelledby="oidc-title">
                <h2 id="oidc-title">{t.oidcHeading}</h2>
                {providers.dev ? <p className="hint">{t.oidcDevNote}</p> : null}
                <button
                  type="button"
                  className={providers.dev ? undefined : 'primary'}
                  onClick={() =>
                    void providers
                      .oidc!.signIn()
                      .catch((err: unknown) => setProblem(`${t.signInFailed}: ${err instanceof Error ? err.message : String(err)}`))
                  }
                >
                  {t.oidcButton}
                </button>
              </section>
            ) : null}
            {!providers.dev && !providers.oidc ? <p className="notice">{t.noSignIn}</p> : null}
          </>
        )}
      </main>
    </div>
  );
}

function PurposeStep({ pending, onPurpose }: { pending: PendingSignIn; onPurpose(p: Purpose): void }) {
  const { t } = useLang();
  const [purpose, setPurpose] = useState<Purpose>(ROLE_PURPOSES[pending.identity.role][0]);
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        onPurpose(purpose);
      }}
    >
      <p>{t.purposeStepIntro}</p>
      <p>
        {t.roleLabel}: <strong>{t.roles[pending.identity.role]}</strong>
        {pending.identity.commune ? ` — ${t.communeLabel} ${pending.identity.commune}` : ''}
      </p>
      <PurposeChoice role={pending.identity.role} value={purpose} onChange={setPurpose} />
      <button type="submit" className="primary">
        {t.continue}
      </button>
    </form>
  );
}
