import type { ReactNode } from 'react';
import { areasOf } from '../auth/roles';
import { useLang } from '../i18n/context';
import { href, useRoute } from '../router';
import { useSession } from '../session-context';
import { LanguageSwitch } from './LanguageSwitch';

/** Header (who, for what purpose, language, sign out), navigation by role, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useLang();
  const { session, signOut } = useSession();
  const route = useRoute();
  const areas = areasOf(session.role);
  const links: Array<{ to: string; label: string; active: boolean }> = [];
  if (areas.includes('dashboard')) links.push({ to: href(['dashboard']), label: t.navDashboard, active: route.parts[0] === 'dashboard' });
  if (areas.includes('workbench')) {
    links.push({ to: href(['search']), label: t.navSearch, active: route.parts[0] === 'search' || route.parts[0] === 'person' });
    links.push({ to: href(['follow-up']), label: t.navFollowUps, active: route.parts[0] === 'follow-up' });
  }
  if (areas.includes('accessLog')) links.push({ to: href(['access-log']), label: t.navAccessLog, active: route.parts[0] === 'access-log' });

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="brand">{t.appName}</div>
        <nav aria-label={t.mainNav}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <a href={l.to} aria-current={l.active ? 'page' : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span className="role" data-testid="role">
            {t.roles[session.role]}
            {session.commune ? ` — ${t.communeLabel} ${session.commune}` : ''}
          </span>
          <span className="purpose" data-testid="purpose" data-purpose={session.purpose}>
            {t.purposeLabel}: <strong>{t.purposes[session.purpose]}</strong>
          </span>
        </div>
        <div className="header-actions">
          <LanguageSwitch />
          <button type="button" onClick={signOut}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
