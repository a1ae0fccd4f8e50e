import { useEffect, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { Loading, ProblemNotice, Section } from '../components/Notice';
import { fatalProblem, problemAt, problemsOf, type Problem } from '../graphql/problems';
import { PersonViewQuery } from '../graphql/operations';
import { formatDate, formatMoney, formatMonth, formatNumber } from '../i18n/format';
import { useLang } from '../i18n/context';
import { markReady } from '../perf';
import { useSession } from '../session-context';

interface Field {
  /** The Person field (its path under `person`). */
  key: string;
  label: string;
  /** The value, or null when the API returned none. */
  render(): ReactNode | null;
}

/**
 * One agency's part of the person: its fields, or one plain sentence when the role may read
 * none of them (FORBIDDEN at their paths) or the agency's subgraph is down (SUBGRAPH_UNAVAILABLE
 * naming it). A field refused alone says so on its own line.
 */
function AgencySection({
  id,
  title,
  service,
  fields,
  problems,
}: {
  id: string;
  title: string;
  service: string;
  fields: Field[];
  problems: Problem[];
}) {
  const { t } = useLang();
  const withProblems = fields.map((f) => ({ field: f, problem: problemAt(problems, ['person', f.key], service) }));
  const unavailable = withProblems.find((f) => f.problem?.kind === 'unavailable')?.problem;
  const allRefused = withProblems.every((f) => f.problem?.kind === 'forbidden');
  let body: ReactNode;
  if (unavailable) body = <ProblemNotice problem={unavailable} />;
  else if (allRefused) body = <ProblemNotice problem={withProblems[0].problem!} />;
  else
    body = (
      <dl className="fields">
        {withProblems.map(({ field, problem }) => (
          <div key={field.key} className="field-row" data-field={field.key} data-state={problem ? problem.kind : 'shown'}>
            <dt>{field.label}</dt>
            <dd>
              {problem ? (
                <span className="muted">{problem.kind === 'forbidden' ? t.fieldForbidden : t.errorPrefix}</span>
              ) : (
                (field.render() ?? <span className="muted">{t.none}</span>)
              )}
            </dd>
          </div>
        ))}
      </dl>
    );
  return (
    <Section id={id} title={title}>
      <div data-agency={service} data-state={unavailable ? 'unavailable' : allRefused ? 'forbidden' : 'shown'}>
        {body}
      </div>
    </Section>
  );
}

export function PersonPage({ citizenId }: { citizenId: string }) {
  const { t, lang } = useLang();
  const { dates } = useSession();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: PersonViewQuery,
    variables: { citizenId, year: dates.year, asOf: dates.today, quarter: dates.quarter },
  });
  const problems = problemsOf(error);
  const person = data?.person;
  useEffect(() => {
    if (person) markReady('person');
  }, [person]);
  if (fetching && !data) return <Loading />;
  const fatal = fatalProblem(problems, !!data);
  const personProblem = problemAt(problems, ['person']);
  if (fatal || (!person && personProblem))
    return (
      <>
        <h1>{t.navSearch}</h1>
        <ProblemNotice problem={(fatal ?? personProblem)!} />
        <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t.retry}
        </button>
      </>
    );
  if (!person)
    return (
      <>
        <h1>{t.navSearch}</h1>
        <p role="status">{t.personNotFound}</p>
      </>
    );

  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? t.yes : t.no);
  const date = (v: string | null | undefined) => (v ? formatDate(v, lang) : null);
  const money = (v: number | null | undefined) => (v === null || v === undefined ? null : formatMoney(v, lang));

  const identity: Field[] = [
    { key: 'citizenId', label: t.citizenId, render: () => person.citizenId },
    { key: 'birthDate', label: t.birthDate, render: () => date(person.birthDate) },
    { key: 'age', label: t.age, render: () => formatNumber(person.age, lang) },
    { key: 'sex', label: t.sexLabel, render: () => t.sex[person.sex] },
    { key: 'ethnicity', label: t.ethnicity, render: () => person.ethnicity },
    { key: 'residence', label: t.residence, render: () => `${person.residence.name} (${person.residence.code})` },
    { key: 'deathDate', label: t.deathDate, render: () => date(person.deathDate) },
    { key: 'legacyUnitCode', label: t.legacyUnitCode, render: () => person.legacyUnitCode },
  ];
  const health: Field[] = [
    {
      key: 'healthRecord',
      label: t.healthRecord,
      render: () => person.healthRecord && `${t.openedOn} ${date(person.healthRecord.openedOn)} — ${person.healthRecord.facility}`,
    },
    {
      key: 'lastHealthCheck',
      label: t.lastCheck,
      render: () =>
        person.lastHealthCheck &&
        `${date(person.lastHealthCheck.date)} — ${t.resultClass} ${person.lastHealthCheck.resultClass} — ${person.lastHealthCheck.facility}`,
    },
    {
      key: 'insuranceCard',
      label: t.insuranceCard,
      render: () =>
        person.insuranceCard &&
        `${person.insuranceCard.code} — ${t.validTo} ${date(person.insuranceCard.validTo)} — ${t.validToday}: ${yesNo(person.insuranceCard.validToday)}`,
    },
    {
      key: 'chronicConditions',
      label: t.chronicConditions,
      render: () =>
        person.chronicConditions && person.chronicConditions.length ? (
          <ul>
            {person.chronicConditions.map((c) => (
              <li key={c.code}>
                {c.conditionName} ({c.code}) — {date(c.diagnosedOn)} — {t.underManagement}: {yesNo(c.underManagement)}
              </li>
            ))}
          </ul>
        ) : null,
    },
    { key: 'healthCheckDue', label: t.checkDue, render: () => yesNo(person.healthCheckDue) },
    { key: 'insuranceCardValid', label: t.cardValid, render: () => yesNo(person.insuranceCardValid) },
    { key: 'homeVisitedInQuarter', label: t.visitedThisQuarter, render: () => yesNo(person.homeVisitedInQuarter) },
  ];
  const social: Field[] = [
    {
      key: 'monthlyAllowance',
      label: t.monthlyAllowance,
      render: () =>
        person.monthlyAllowance &&
        `${t.group} ${t.allowanceGroup[person.monthlyAllowance.group]} — ${t.caseStatus[person.monthlyAllowance.status]} — ${money(person.monthlyAllowance.monthlyAmount) ?? ''} — ${t.startMonth} ${formatMonth(person.monthlyAllowance.startMonth, lang)}`,
    },
    {
      key: 'socialPension',
      label: t.socialPension,
      render: () =>
        person.socialPension &&
        `${t.caseStatus[person.socialPension.status]} — ${money(person.socialPension.monthlyAmount)} — ${t.startMonth} ${formatMonth(person.socialPension.startMonth, lang)}`,
    },
    {
      key: 'socialCoverage',
      label: t.povertyStatus,
      render: () =>
        person.socialCoverage &&
        `${t.poverty[person.socialCoverage.povertyStatus]} — ${t.receivesPension}: ${yesNo(person.socialCoverage.receivesPension)}`,
    },
  ];
  const association: Field[] = [
    {
      key: 'membership',
      label: t.membership,
      render: () =>
        person.membership &&
        `${person.membership.branchName} — ${t.cardNumber} ${person.membership.cardNumber} — ${t.joinedOn} ${date(person.membership.joinedOn)}`,
    },
    {
      key: 'clubs',
      label: t.clubs,
      render: () =>
        person.clubs && person.clubs.length ? (
          <ul>
            {person.clubs.map((c) => (
              <li key={c.club.clubId}>
                {c.club.name} — {t.clubRole[c.role]}
              </li>
            ))}
          </ul>
        ) : null,
    },
    {
      key: 'longevityCelebration',
      label: t.celebration,
      render: () =>
        person.longevityCelebration &&
        `${formatNumber(person.longevityCelebration.age, lang)} — ${t.celebrationStatus[person.longevityCelebration.status]}${person.longevityCelebration.giftAmount ? ` — ${money(person.longevityCelebration.giftAmount)}` : ''}${person.longevityCelebration.deliveredOn ? ` — ${t.deliveredOn} ${date(person.longevityCelebration.deliveredOn)}` : ''}`,
    },
  ];

  return (
    <article className="person" data-ready="person" data-citizen-id={person.citizenId}>
      <h1>{t.personTitle(person.fullName)}</h1>
      <p className="hint">{t.personIntro}</p>
      <div className="person-grid">
        <AgencySection id="identity" title={t.identitySection} service="homeaffairs" fields={identity} problems={problems} />
        <AgencySection id="health" title={t.healthSection} service="health" fields={health} problems={problems} />
        <AgencySection id="social" title={t.socialSection} service="social" fields={social} problems={problems} />
        <AgencySection id="association" title={t.associationSection} service="association" fields={association} problems={problems} />
      </div>
    </article>
  );
}
