import { lazy, Suspense } from 'react';
import { areasOf } from './auth/roles';
import { Loading } from './components/Notice';
import { useLang } from './i18n/context';
import { useRoute } from './router';
import { useSession } from './session-context';
import { PersonPage } from './pages/PersonPage';
import { SearchPage } from './pages/SearchPage';

// The dashboard (with its charts) and the less used pages load on first visit.
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const CommunePage = lazy(() => import('./pages/CommunePage'));
const FollowUpsPage = lazy(() => import('./pages/FollowUpsPage'));
const AccessLogPage = lazy(() => import('./pages/AccessLogPage'));

export function Routes() {
  const { t } = useLang();
  const { session } = useSession();
  const { parts, query } = useRoute();
  const areas = areasOf(session.role);
  const first = parts[0] ?? (areas[0] === 'workbench' ? 'search' : areas[0] === 'accessLog' ? 'access-log' : 'dashboard');

  let page;
  if (first === 'dashboard' && parts[1] === 'commune' && parts[2]) page = <CommunePage code={parts[2]} />;
  else if (first === 'dashboard') page = <DashboardPage />;
  else if (first === 'search') page = <SearchPage query={query} />;
  else if (first === 'person' && parts[1]) page = <PersonPage citizenId={parts[1]} />;
  else if (first === 'follow-up') page = <FollowUpsPage query={query} />;
  else if (first === 'access-log') page = <AccessLogPage />;
  else page = <p>{t.notFound}</p>;
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
