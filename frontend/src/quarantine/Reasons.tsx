import { useI18n } from "../i18n";
import { reasonKey } from "./api";

interface Reason {
  field: string;
  message: string;
}

/**
 * Why an event was refused, one line per reason, each led by the field it names (the server's own words, in
 * English: they name the partner's fields). Given `before`, a reason that was not among them is marked new.
 */
export function Reasons({
  reasons,
  label,
  before,
  testId,
}: {
  reasons: readonly Reason[];
  label: string;
  before?: readonly Reason[];
  testId?: string;
}) {
  const { t } = useI18n();
  const known = before ? new Set(before.map(reasonKey)) : null;
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons" aria-label={label} data-testid={testId}>
      {reasons.map((r) => {
        const isNew = known !== null && !known.has(reasonKey(r));
        return (
          <li key={reasonKey(r)} data-field={r.field} className={isNew ? "new" : undefined}>
            <code className="reason-field">{r.field}</code> <span className="reason-message">{r.message}</span>
            {isNew && <span className="tag bad">{t("quarantine.newReason")}</span>}
          </li>
        );
      })}
    </ul>
  );
}
