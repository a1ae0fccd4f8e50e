import { createContext, useContext } from 'react';
import type { Client } from '@urql/core';
import type { Session } from './auth/session';
import type { Dates, RuntimeConfig } from './config';

export interface SessionState {
  config: RuntimeConfig;
  dates: Dates;
  session: Session;
  client: Client;
  signOut(): void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside a signed-in page');
  return state;
}
