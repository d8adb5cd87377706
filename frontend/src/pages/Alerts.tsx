import { useI18n } from "../i18n";
import { Empty } from "../components/Status";

export function AlertsPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <Empty>{t("common.loading")}</Empty>
    </div>
  );
}
