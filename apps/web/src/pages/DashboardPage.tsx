import { formatDate } from '../i18n/format';
import { useLang } from '../i18n/context';
import { useSession } from '../session-context';
import { ActionMonthSection } from './dashboard/ActionMonthSection';
import { BenefitsSection } from './dashboard/BenefitsSection';
import { CelebrationsSection } from './dashboard/CelebrationsSection';
import { CentenariansSection } from './dashboard/CentenariansSection';
import { ClubsSection } from './dashboard/ClubsSection';
import { useCommuneNames } from './dashboard/data';
import { HealthSection } from './dashboard/HealthSection';
import { LegacySection } from './dashboard/LegacySection';
import { PlansSection } from './dashboard/PlansSection';

/**
 * The province dashboard: one section per question, each from its own query so that a slow or
 * missing agency holds up only its own section. Figures per commune (a commune's name opens its
 * page) and for the province where the API gives one.
 */
export default function DashboardPage() {
  const { t, lang } = useLang();
  const { dates } = useSession();
  const { province, names } = useCommuneNames();
  return (
    <div className="dashboard">
      <h1>{t.dashboardTitle(province)}</h1>
      <p className="intro">{t.dashboardIntro(formatDate(dates.today, lang), dates.year)}</p>
      <HealthSection />
      <ClubsSection />
      <BenefitsSection names={names} />
      <CelebrationsSection names={names} />
      <CentenariansSection />
      <PlansSection />
      <LegacySection />
      <ActionMonthSection />
    </div>
  );
}
