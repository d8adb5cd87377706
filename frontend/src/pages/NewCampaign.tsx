import { Link, useNavigate } from "react-router";
import { useAuth } from "../auth";
import { useI18n } from "../i18n";
import { mayManageCampaigns } from "../roles";
import { Loading, Panel } from "../components/Status";
import { CampaignForm } from "../campaigns/CampaignForm";

/** Prepare a campaign (marketing, admins); once the server has the draft, its page opens. */
export function NewCampaignPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/campaigns">{t("campaigns.back")}</Link>
      </p>
      <h1>{t("campaigns.new")}</h1>
      {!me ? (
        <Loading />
      ) : mayManageCampaigns(me.role) ? (
        <Panel title={t("campaigns.create")} id="campaign-create">
          <CampaignForm onCreated={(c) => navigate(`/campaigns/${c.id}`)} />
        </Panel>
      ) : (
        // Nothing is asked of a role that may not prepare campaigns: no 403 to show.
        <p className="status notice">{t("campaigns.notAllowedCreate")}</p>
      )}
    </div>
  );
}
