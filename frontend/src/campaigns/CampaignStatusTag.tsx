import { useI18n } from "../i18n";
import type { CampaignStatus } from "./api";

/** A campaign's status in words (its colour only repeats them). */
export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { label } = useI18n();
  return (
    <span className={`tag campaign-status campaign-${status}`} data-status={status}>
      {label("campaignStatus", status)}
    </span>
  );
}
