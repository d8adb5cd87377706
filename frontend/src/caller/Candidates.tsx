import type { Schemas } from "../api/client";
import { useI18n, type MessageKey } from "../i18n";
import { Panel } from "../components/Status";
import type { LookupKind } from "./lookup";

type Candidate = Schemas["CandidateOut"];

/** Several customers answer to one identifier (a household's shared phone): the agent asks and picks one. */
export function Candidates({
  kind,
  candidates,
  onChoose,
}: {
  kind: LookupKind;
  candidates: Candidate[];
  onChoose: (c: Candidate) => void;
}) {
  const { t } = useI18n();
  return (
    <Panel title={t(`caller.ambiguous.${kind}` as MessageKey, { count: candidates.length })} id="caller-candidates">
      <ul className="candidates">
        {candidates.map((c) => (
          <li key={c.id}>
            <button type="button" className="secondary candidate" onClick={() => onChoose(c)}>
              <strong>{c.display_name}</strong>{" "}
              <span className="candidate-facts">
                {[
                  c.customer_number,
                  c.masked_phone,
                  c.birth_year !== null && t("caller.born", { year: c.birth_year }),
                  c.home_branch && t("caller.branch", { branch: c.home_branch }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              {c.provisional && <ProvisionalTag />}
            </button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** A customer made from an identity no customer had yet (a feed's), to be merged into the real one later. */
export function ProvisionalTag() {
  const { t } = useI18n();
  return (
    <>
      {" "}
      <span className="tag warn" title={t("caller.provisionalHint")}>
        {t("caller.provisional")}
      </span>
    </>
  );
}
