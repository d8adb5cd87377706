import { useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { EXPIRED_FLAG, SIGNED_OUT_FLAG, useAuth } from "../auth";
import { useI18n } from "../i18n";
import { ErrorMessage } from "../components/Status";
import { LanguageSwitch } from "../components/Layout";

export function LoginPage() {
  const { t } = useI18n();
  const { session, login } = useAuth();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const expired = sessionStorage.getItem(EXPIRED_FLAG) === "1";
  const signedOut = !expired && sessionStorage.getItem(SIGNED_OUT_FLAG) === "1";
  const from = (location.state as { from?: string } | null)?.from ?? "/";

  if (session) return <Navigate to={from} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-h">
        <div className="login-head">
          <h1 id="login-h">{t("login.title")}</h1>
          <LanguageSwitch />
        </div>
        <p className="brand">{t("app.name")}</p>
        {expired && !error && (
          <p className="status notice" role="status">
            {t("login.expired")}
          </p>
        )}
        {signedOut && !error && (
          <p className="status ok" role="status">
            {t("login.loggedOut")}
          </p>
        )}
        {error !== null && <ErrorMessage error={error} />}
        <label htmlFor="username">{t("login.username")}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">{t("login.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
