// The session: a bearer token from POST /api/v1/auth/token.
// Kept in sessionStorage: it survives a reload of the tab (what the issue asks) but not closing the tab, and is
// not shared with other tabs or left on a shared branch terminal after the browser closes. Any script on the
// page could read localStorage or sessionStorage alike, so localStorage would add lifetime without adding safety.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { api, ApiError, connectSession, unwrap, type Schemas } from "./api/client";
import { setBankZone } from "./bankDay";

const SESSION_KEY = "crm.session";
export const EXPIRED_FLAG = "crm.session.expired";
export const SIGNED_OUT_FLAG = "crm.session.signedout";

interface StoredSession {
  token: string;
  expiresAt: number;
  username: string;
}

function readSession(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    if (!s.token || s.expiresAt <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      if (s.token) sessionStorage.setItem(EXPIRED_FLAG, "1");
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export type Me = Schemas["MeOut"];

interface Auth {
  session: StoredSession | null;
  me: Me | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<StoredSession | null>(readSession);
  const [me, setMe] = useState<Me | null>(null);

  const drop = useCallback(
    (expired: boolean) => {
      sessionStorage.removeItem(SESSION_KEY);
      sessionStorage.setItem(expired ? EXPIRED_FLAG : SIGNED_OUT_FLAG, "1");
      setSession(null);
      setMe(null);
      queryClient.clear();
    },
    [queryClient],
  );

  // The client reads the token on every request; a 401 from any call ends the session.
  connectSession(
    () => session?.token ?? null,
    () => drop(true),
  );

  useEffect(() => {
    if (!session) return;
    let live = true;
    unwrap(api.GET("/api/v1/auth/me"))
      .then((m) => {
        if (!live) return;
        setBankZone(m.bank_timezone); // dates are the bank's days (src/bankDay.ts)
        setMe(m);
      })
      .catch((e) => {
        if (!(e instanceof ApiError && e.status === 401)) console.warn("could not read /auth/me", e);
      });
    // Expire on the clock as well, so an idle tab returns to sign-in without waiting for a call.
    const timer = window.setTimeout(() => drop(true), Math.max(0, session.expiresAt - Date.now()));
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [session, drop]);

  const login = useCallback(async (username: string, password: string) => {
    const token = await unwrap(
      api.POST("/api/v1/auth/token", {
        body: { username, password },
        bodySerializer: (b) => new URLSearchParams(b as Record<string, string>),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    const s: StoredSession = {
      token: token.access_token,
      expiresAt: Date.now() + token.expires_in * 1000,
      username,
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
    sessionStorage.removeItem(EXPIRED_FLAG);
    sessionStorage.removeItem(SIGNED_OUT_FLAG);
    setSession(s);
  }, []);

  const logout = useCallback(() => drop(false), [drop]);
  const value = useMemo(() => ({ session, me, login, logout }), [session, me, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
