import { NavLink, Outlet } from "react-router";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import type { Locale } from "../format";
import {
  mayReadAlerts,
  mayReadAuditLog,
  mayReadCampaigns,
  mayReadCases,
  mayReadContext,
  mayReadPerformance,
  mayReadSegments,
  mayWorkQuarantine,
} from "../roles";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t("nav.language")}</span>
      <select
        aria-label={t("nav.language")}
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        data-testid="language-switch"
      >
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}

export function Layout() {
  const { t, label } = useI18n();
  const { me, session, logout } = useAuth();
  const caller = <NavLink to="/call">{t("nav.caller")}</NavLink>;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("nav.main")}>
          {/* An agent's work starts with the caller on the line (My day is an RM's portfolio: not theirs). */}
          {me?.role === "agent" && caller}
          {me?.role !== "agent" && (
            <NavLink to="/" end>
              {t("nav.myDay")}
            </NavLink>
          )}
          <NavLink to="/customers">{t("nav.customers")}</NavLink>
          {mayReadAlerts(me?.role) && <NavLink to="/alerts">{t("nav.alerts")}</NavLink>}
          {/* The complaints and service requests to answer: an agent's too (the call center's complaints team). */}
          {mayReadCases(me?.role) && <NavLink to="/cases">{t("nav.cases")}</NavLink>}
          {mayReadSegments(me?.role) && <NavLink to="/segments">{t("nav.segments")}</NavLink>}
          {/* Every role reads campaigns: marketing runs them, the people who contact customers work their contacts. */}
          {mayReadCampaigns(me?.role) && <NavLink to="/campaigns">{t("nav.campaigns")}</NavLink>}
          {/* An RM's own figures, a branch manager's branch, everyone's for auditors and admins (not marketing or agents). */}
          {mayReadPerformance(me?.role) && <NavLink to="/performance">{t("nav.performance")}</NavLink>}
          {/* Who read or changed which customer's data: auditors and admins (everyone else is refused). */}
          {mayReadAuditLog(me?.role) && <NavLink to="/audit">{t("nav.audit")}</NavLink>}
          {/* Channel events refused by the feeds, to correct and replay or discard: admins only. */}
          {mayWorkQuarantine(me?.role) && <NavLink to="/quarantine">{t("nav.quarantine")}</NavLink>}
          {me?.role !== "agent" && mayReadContext(me?.role) && caller}
        </nav>
        <div className="topbar-end">
          <span className="who">
            {t("nav.signedInAs", {
              name: me?.display_name ?? session?.username ?? "",
              role: me ? label("role", me.role) : "…",
            })}
          </span>
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={logout}>
            {t("nav.logout")}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
