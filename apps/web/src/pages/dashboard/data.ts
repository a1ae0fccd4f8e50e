import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import {
  DashboardActionMonthQuery,
  DashboardCentenariansQuery,
  DashboardClubsQuery,
  DashboardHealthProvinceQuery,
  DashboardHealthQuery,
  DashboardLegacyQuery,
  ProvinceCommunesQuery,
} from '../../graphql/operations';
import { problemsOf } from '../../graphql/problems';
import { useSession } from '../../session-context';

/** The variables every dashboard query shares: the province, today and this year (the system's date). */
export function useDashboardVariables() {
  const { config, dates } = useSession();
  return useMemo(() => ({ province: config.provinceCode, asOf: dates.today, year: dates.year }), [config.provinceCode, dates]);
}

// One hook per question; the province page and a commune's page share their cached answers.
// The health coverage (Q5) is asked first and alone: it is the dashboard's first figures, and the
// other questions, asked at the same time, would slow it down on the same subgraphs and database.
// They are asked as soon as it has answered (or failed).
export function useHealth() {
  const v = useDashboardVariables();
  const [result] = useQuery({ query: DashboardHealthQuery, variables: v });
  return { ...result, problems: problemsOf(result.error) };
}

/**
 * Whether Q5 has answered (data or error) and the browser has painted it: the other questions wait
 * for this. Asked earlier, their server work (several seconds of it at 100,000 people) competes
 * with the first figures' rendering on the same machine.
 */
export function useHealthAnswered(): boolean {
  const health = useHealth();
  const answered = !!(health.data || health.error);
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!answered || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [answered, painted]);
  return answered && painted;
}

/** Q5 for the province as a whole: the health table's last row, asked once the communes have answered. */
export function useHealthProvince() {
  const v = useDashboardVariables();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardHealthProvinceQuery, variables: { province: v.province, year: v.year }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

export function useClubs() {
  const v = useDashboardVariables();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardClubsQuery, variables: { province: v.province, asOf: v.asOf }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

export function useCentenarians() {
  const v = useDashboardVariables();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardCentenariansQuery, variables: v, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

export function useLegacy() {
  const v = useDashboardVariables();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardLegacyQuery, variables: { province: v.province }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

/**
 * Q14 for the whole province is the slowest question (seconds at 100,000 people: every support of
 * the year and the supported people's records); like the others, asked once Q5 has answered.
 */
export function useActionMonth() {
  const v = useDashboardVariables();
  const answered = useHealthAnswered();
  const [result] = useQuery({ query: DashboardActionMonthQuery, variables: { year: v.year }, pause: !answered });
  return { ...result, problems: problemsOf(result.error) };
}

/** Code -> name of the province's communes, and the province's own name. */
export function useCommuneNames() {
  const v = useDashboardVariables();
  const [{ data }] = useQuery({ query: ProvinceCommunesQuery, variables: { province: v.province, asOf: v.asOf } });
  return useMemo(
    () => ({
      province: data?.administrativeUnit?.name ?? v.province,
      names: new Map((data?.communesOf ?? []).map((c) => [c.code, c.name])),
    }),
    [data, v.province],
  );
}
