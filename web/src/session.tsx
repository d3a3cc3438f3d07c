import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { currentSession, logout, type Session } from './api/auth.js';
import { ApiError, onAuthProblem } from './api/client.js';
import { navigate } from './router.js';

/** Why the sign-in page shows: nothing special, the session ran out, or the server could not be reached. */
export type SignedOutReason = 'none' | 'expired' | 'unreachable';

interface SessionState {
  /** undefined while the first answer is awaited, null when signed out. */
  session: Session | null | undefined;
  signedOutReason: SignedOutReason;
  setSession(s: Session): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  const [signedOutReason, setReason] = useState<SignedOutReason>('none');
  const signedIn = useRef(false);
  signedIn.current = Boolean(session);

  const refresh = useCallback(async () => {
    try {
      setSessionState(await currentSession());
    } catch (e) {
      setSessionState(null);
      setReason(e instanceof ApiError && e.code === 'network' ? 'unreachable' : 'none');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    // A session can end on the server at any time (idle time-out, an administrator's change).
    onAuthProblem((e) => {
      if (e.code !== 'unauthenticated') return void refresh();
      if (signedIn.current) setReason('expired');
      setSessionState(null);
    });
    return () => onAuthProblem(null);
  }, [refresh]);

  const setSession = useCallback((s: Session) => {
    setReason('none');
    setSessionState(s);
  }, []);

  const signOut = useCallback(async () => {
    await logout().catch(() => undefined);
    setReason('none');
    setSessionState(null);
    // The next person to sign in at this desk starts from the start page, not from where this one left.
    navigate('/', { replace: true });
  }, []);

  const value = useMemo(() => ({ session, signedOutReason, setSession, signOut }), [session, signedOutReason, setSession, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in session; only for pages shown to signed-in users. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
