import { Link } from "react-router";
import { useI18n } from "../i18n";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t("error.404")}</h1>
      <Link to="/">{t("nav.myDay")}</Link>
    </div>
  );
}
