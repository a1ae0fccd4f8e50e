import { useId } from 'react';
import { useQuery } from 'urql';
import { ProvinceCommunesQuery } from '../graphql/operations';
import { useLang } from '../i18n/context';
import { useSession } from '../session-context';

/** The province's communes (reference data), for staff who work across communes. */
export function useCommunes(): Array<{ code: string; name: string }> {
  const { config, dates } = useSession();
  const [{ data }] = useQuery({ query: ProvinceCommunesQuery, variables: { province: config.provinceCode, asOf: dates.today } });
  return data?.communesOf ?? [];
}

export function CommuneSelect({ value, onChange, allowAll }: { value: string; onChange(code: string): void; allowAll?: boolean }) {
  const { t } = useLang();
  const id = useId();
  const communes = useCommunes();
  return (
    <div className="field inline">
      <label htmlFor={id}>{t.communeLabel}</label>
      <select id={id} name="commune" value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll ? <option value="">{t.allCommunes}</option> : null}
        {!allowAll && !value ? <option value="">—</option> : null}
        {communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name} ({c.code})
          </option>
        ))}
      </select>
    </div>
  );
}
