import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CellWords } from '../data/cells';
import type { Lang } from './format';
import { MESSAGES, type Messages } from './messages';

interface LangState {
  lang: Lang;
  t: Messages;
  words: CellWords;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangState | null>(null);
const KEY = 'nct.lang';

export function cellWords(t: Messages): CellWords {
  return {
    yes: t.yes,
    no: t.no,
    withheld: t.withheld,
    withheldTitle: t.withheldTitle,
    forbidden: t.forbiddenShort,
    unavailable: (service) => t.unavailableShort(service ? (t.agencies[service] ?? service) : '?'),
  };
}

/** Vietnamese first; the choice is remembered in this browser. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'vi'));
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(KEY, lang);
  }, [lang]);
  const value = useMemo(() => ({ lang, t: MESSAGES[lang], words: cellWords(MESSAGES[lang]), setLang }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LangProvider');
  return state;
}
