import { useMemo } from 'react';
import { useClient, useQuery } from 'urql';
import { areasOf } from '../auth/roles';
import { DataTable, tableData, type Column } from '../components/DataTable';
import { ExportButtons } from '../components/ExportButtons';
import { Loading, ProblemNotice, Section } from '../components/Notice';
import { date, figure, text, type Cell } from '../data/cells';
import { exportRead, newCorrelation } from '../export/refetch';
import type { CommuneCelebrationsQuery } from '../gql/graphql';
import { CelebrationRuleQuery, CommuneCelebrationsQuery as CelebrationsQuery } from '../graphql/operations';
import { fatalProblem, problemAt, problemsOf } from '../graphql/problems';
import { formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';
import { href } from '../router';
import { useSession } from '../session-context';
import { reachCells } from './dashboard/ActionMonthSection';
import { benefitColumns, useBenefits } from './dashboard/BenefitsSection';
import { useCelebrationStatus } from './dashboard/CelebrationsSection';
import { QueryState } from './dashboard/common';
import { centenarianCells, reconciled } from './dashboard/CentenariansSection';
import { useActionMonth, useCentenarians, useClubs, useCommuneNames, useHealth, useLegacy } from './dashboard/data';
import { indicatorCells, indicatorLabel, type IndicatorKey } from './dashboard/HealthSection';

interface FigureRow {
  id: string;
  label: string;
  count: Cell;
  denominator?: Cell;
  share?: Cell;
  target?: Cell;
  met?: Cell;
}

const INDICATORS: IndicatorKey[] = ['healthRecord', 'annualCheck', 'insuranceCard', 'chronicManagement'];

/** The commune's figures, taken from the province's answers (the same cached queries), never recomputed. */
function useCommuneFigures(code: string): FigureRow[] {
  const { t } = useLang();
  const health = useHealth();
  const clubs = useClubs();
  const centenarians = useCentenarians();
  const legacy = useLegacy();
  const reach = useActionMonth();
  const celebrationStatus = useCelebrationStatus();
  return useMemo(() => {
    const rows: FigureRow[] = [];
    const hi = health.data?.communesOf.findIndex((c) => c.code === code) ?? -1;
    if (hi >= 0) {
      const c = health.data!.communesOf[hi];
      const problem = problemAt(health.problems, ['communesOf', hi, 'healthCoverage'], 'health');
      rows.push({ id: 'elderly', label: t.elderlyCol, count: figure(c.elderlyCountToday) });
      for (const key of INDICATORS) {
        const ind = c.healthCoverage?.[key];
        const cells = indicatorCells(ind, problem);
        rows.push({
          id: key,
          label: indicatorLabel(t, key),
          ...cells,
          target: ind ? figure(ind.targetPercent, { kind: 'percent', nullMeans: 'empty' }) : cells.count,
        });
      }
    }
    const ci = clubs.data?.communesOf.findIndex((c) => c.code === code) ?? -1;
    if (ci >= 0)
      rows.push({
        id: 'clubs',
        label: t.clubCountCol,
        count: figure(clubs.data!.communesOf[ci].clubCount, {
          problem: problemAt(clubs.problems, ['communesOf', ci, 'clubCount'], 'association'),
          nullMeans: 'empty',
        }),
      });
    const ni = centenarians.data?.communesOf.findIndex((c) => c.code === code) ?? -1;
    if (ni >= 0) {
      const cells = centenarianCells(centenarians.data!.communesOf[ni], ni, centenarians.problems);
      rows.push({ id: 'centenarians-register', label: t.centenariansRegister, count: cells.register });
      rows.push({
        id: 'centenarians-celebrations',
        label: t.centenariansCelebrations,
        count: cells.celebrations,
        met: reconciled(cells.register, cells.celebrations, t),
      });
    }
    const li = legacy.data?.communesOf.find((c) => c.code === code);
    if (li) rows.push({ id: 'legacy', label: t.legacyPerCommune, count: figure(li.legacyRecordCount) });
    const cell = reach.data?.actionMonthReach.communes.find((c) => c.communeCode === code);
    if (cell) {
      const r = reachCells(cell);
      rows.push({ id: 'reach-supported', label: t.peopleSupported, count: r.supported });
      rows.push({ id: 'reach-on', label: t.onLists, count: r.on });
      rows.push({ id: 'reach-off', label: t.notOnLists, count: r.off });
      rows.push({ id: 'reach-amount', label: t.totalAmount, count: r.amount });
    }
    const status = celebrationStatus.data?.administrativeUnit?.longevityCelebrationStatus;
    const sc = status?.communes.find((c) => c.code === code);
    if (sc) {
      const c = (v: number | null | undefined) => figure(v, { suppressed: sc.suppressed });
      rows.push({ id: 'celebrations-due', label: t.celebrationsDue, count: c(sc.due) });
      rows.push({ id: 'celebrations-delivered', label: t.celebrationStatus.DELIVERED, count: c(sc.delivered) });
      rows.push({ id: 'celebrations-not-delivered', label: t.celebrationStatus.NOT_DELIVERED, count: c(sc.notDelivered) });
      rows.push({ id: 'celebrations-planned', label: t.celebrationStatus.PLANNED, count: c(sc.planned) });
    }
    return rows;
  }, [code, t, health, clubs, centenarians, legacy, reach, celebrationStatus]);
}

type Celebrated = CommuneCelebrationsQuery['elderlyRoster'][number];

/** Q8 for one commune: the year's celebration list (living people) with each delivery status. */
function Celebrations({ code }: { code: string }) {
  const { t, lang } = useLang();
  const { dates, session } = useSession();
  const client = useClient();
  const [rule] = useQuery({ query: CelebrationRuleQuery, variables: { year: dates.year } });
  const ages = rule.data?.longevityCelebrationRule;
  const variables = {
    commune: code,
    year: dates.year,
    ages: ages?.calendarAges ?? [],
    atLeast: ages?.calendarAgeAtLeast,
    asOf: dates.today,
  };
  const [list] = useQuery({ query: CelebrationsQuery, variables, pause: !ages });
  const problems = problemsOf(list.error);
  const fatal = fatalProblem(problems, !!list.data);
  const celebrationProblem = problemAt(problems, ['elderlyRoster'], 'association') ?? problems.find((p) => p.service === 'association');
  const rows = list.data?.elderlyRoster ?? [];
  const columns: Column<Celebrated>[] = [
    { id: 'name', header: t.fullName, cell: (r) => text(r.fullName), link: (r) => href(['person', r.citizenId]) },
    { id: 'birth', header: t.birthDate, cell: (r) => date(r.birthDate) },
    { id: 'age', header: t.age, cell: (r) => figure(r.longevityCelebration?.age, { nullMeans: 'empty' }) },
    {
      id: 'status',
      header: t.status,
      cell: (r) => text(r.longevityCelebration ? t.celebrationStatus[r.longevityCelebration.status] : null),
    },
    { id: 'gift', header: t.giftAmount, cell: (r) => figure(r.longevityCelebration?.giftAmount, { kind: 'money', nullMeans: 'empty' }) },
    { id: 'delivered', header: t.deliveredOn, cell: (r) => date(r.longevityCelebration?.deliveredOn) },
    { id: 'reason', header: t.reason, cell: (r) => text(r.longevityCelebration?.reason) },
  ];
  const counts = ['PLANNED', 'DELIVERED', 'NOT_DELIVERED'].map((s) => ({
    status: s,
    count: rows.filter((r) => r.longevityCelebration?.status === s).length,
  }));
  return (
    <Section id="celebrations" title={t.celebrationsTitle}>
      {!ages || (list.fetching && !list.data) ? <Loading /> : null}
      {fatal ? <ProblemNotice problem={fatal} /> : null}
      {list.data ? (
        celebrationProblem && rows.every((r) => r.longevityCelebration === null) ? (
          <ProblemNotice problem={celebrationProblem} />
        ) : (
          <div data-ready="commune-celebrations">
            <p>
              {t.statusCounts}: {counts.map((c) => `${t.celebrationStatus[c.status]} ${formatNumber(c.count, lang)}`).join(' · ')}
            </p>
            <DataTable
              caption={t.celebrationsTitle}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.citizenId}
              tools={
                <ExportButtons
                  name={`${t.celebrationsTitle} ${code}`}
                  personal
                  load={async () => {
                    const { data } = await exportRead(client, session, CelebrationsQuery, variables, newCorrelation());
                    return tableData(columns, data.elderlyRoster);
                  }}
                />
              }
            />
          </div>
        )
      ) : null}
    </Section>
  );
}

/** A commune's page: its figures from every question, its payroll, its celebration list. */
export default function CommunePage({ code }: { code: string }) {
  const { t } = useLang();
  const { session } = useSession();
  const { names } = useCommuneNames();
  const name = names.get(code) ?? code;
  const figures = useCommuneFigures(code);
  const benefits = useBenefits();
  const benefitRows = (benefits.data?.benefitSummary.communes ?? []).filter((r) => r.communeCode === code);
  const columns: Column<FigureRow>[] = [
    { id: 'label', header: t.indicator, cell: (r) => text(r.label) },
    { id: 'count', header: t.count, cell: (r) => r.count },
    { id: 'denominator', header: t.denominator, cell: (r) => r.denominator ?? { kind: 'empty' } },
    { id: 'share', header: t.share, cell: (r) => r.share ?? { kind: 'empty' } },
    { id: 'target', header: t.target, cell: (r) => r.target ?? { kind: 'empty' } },
    { id: 'met', header: `${t.met} / ${t.reconciled}`, cell: (r) => r.met ?? { kind: 'empty' } },
  ];
  const bColumns = benefitColumns(t, names, false);
  return (
    <div className="commune" data-commune={code}>
      <p>
        <a href={href(['dashboard'])}>← {t.backToProvince}</a>
      </p>
      <h1>{t.communeTitle(name)}</h1>
      {areasOf(session.role).includes('workbench') ? (
        <p>
          <a href={href(['follow-up'], { commune: code })}>{t.openFollowUps}</a>
        </p>
      ) : null}
      <Section id="commune-figures" title={t.communeFigures}>
        {figures.length ? (
          <DataTable
            caption={t.communeFigures}
            columns={columns}
            rows={figures}
            rowKey={(r) => r.id}
            pageSize={50}
            tools={<ExportButtons name={`${t.communeFigures} ${name}`} load={async () => tableData(columns, figures)} />}
          />
        ) : (
          <Loading />
        )}
      </Section>
      <Section id="commune-benefits" title={t.benefitsTitle}>
        <QueryState hasData={!!benefits.data} problems={benefits.problems}>
          {() => (
            <DataTable
              caption={t.benefitsTitle}
              columns={bColumns}
              rows={benefitRows}
              rowKey={(r) => r.communeCode}
              tools={<ExportButtons name={`${t.benefitsTitle} ${name}`} load={async () => tableData(bColumns, benefitRows)} />}
            />
          )}
        </QueryState>
      </Section>
      <Celebrations code={code} />
    </div>
  );
}
