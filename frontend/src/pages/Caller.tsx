import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { api, ApiError, unwrap, type FieldError } from "../api/client";
import { useAuth } from "../auth";
import { useI18n, type MessageKey } from "../i18n";
import { mayReadContext } from "../roles";
import { Empty, ErrorMessage, Loading } from "../components/Status";
import { CallerView } from "../caller/CallerView";
import { Candidates } from "../caller/Candidates";
import {
  contextQuery,
  isLookupKind,
  LOOKUP_KINDS,
  lookupFromParams,
  lookupFromState,
  normalise,
  paramsFor,
  PRIVATE_KINDS,
  type Lookup,
  type LookupKind,
} from "../caller/lookup";

/** The identifier the server refused (422), each problem with the field it names. */
function fieldProblems(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  return (error.problem?.errors ?? []).filter((e) => isLookupKind(e.field));
}

function LookupForm({
  current,
  problems,
  onLookup,
}: {
  current: Lookup | null;
  problems: FieldError[];
  onLookup: (lookup: Lookup) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<LookupKind>(current?.kind ?? "phone");
  const [value, setValue] = useState(current?.value ?? "");
  // The URL is the truth: a link from the call-center software, a chosen candidate, Back.
  useEffect(() => {
    if (!current) {
      setValue(""); // the Caller link again: a new call
      return;
    }
    setKind(current.kind);
    setValue(current.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.kind, current?.value]);
  // The server's objection holds for what it was asked, not for what has been typed since.
  const shown = current && kind === current.kind && value === current.value ? problems : [];

  function changeKind(next: LookupKind) {
    setKind(next);
    // The identifier of the caller on the screen is no use as another kind; what was just typed may be.
    if (current && value === current.value) setValue("");
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const typed = normalise(kind, value);
    if (!typed) return;
    setValue(typed);
    onLookup({ kind, value: typed });
  }

  return (
    <form className="filters caller-lookup" role="search" aria-label={t("caller.lookup")} onSubmit={submit}>
      <div className="field">
        <label htmlFor="caller-kind">{t("caller.by")}</label>
        <select id="caller-kind" value={kind} onChange={(e) => changeKind(e.target.value as LookupKind)}>
          {LOOKUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`caller.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor="caller-value">{t(`caller.kind.${kind}` as MessageKey)}</label>
        <input
          id="caller-value"
          type={kind === "phone" ? "tel" : "text"}
          required
          autoComplete="off"
          spellCheck={false}
          autoFocus={!current}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={shown.length > 0}
          aria-describedby={shown.length > 0 ? "caller-value-hint caller-value-problem" : "caller-value-hint"}
        />
        <small id="caller-value-hint">{t(`caller.hint.${kind}` as MessageKey)}</small>
        {shown.length > 0 && (
          <span className="field-problem" id="caller-value-problem" role="alert">
            {shown.map((p) => (
              <span key={p.field + p.message} className="field-problem-line">
                {t(`caller.invalid.${p.field}` as MessageKey)} <small className="server-words">{p.message}</small>
              </span>
            ))}
          </span>
        )}
      </div>
      <button type="submit">{t("caller.submit")}</button>
    </form>
  );
}

export function CallerPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const inUrl = lookupFromParams(params);
  const lookup = inUrl ?? lookupFromState(location.state);
  const callId = params.get("call_id");
  // An ID number in a link (from call-center software) is moved out of the URL at once, into this entry's state.
  useEffect(() => {
    if (inUrl && PRIVATE_KINDS.has(inUrl.kind))
      navigate(
        { pathname: location.pathname, search: callId ? `?${new URLSearchParams({ call_id: callId })}` : "" },
        { replace: true, state: { lookup: inUrl } },
      );
  }, [inUrl?.kind, inUrl?.value, callId, location.pathname, navigate]); // eslint-disable-line react-hooks/exhaustive-deps
  const allowed = !!me && mayReadContext(me.role);

  const context = useQuery({
    queryKey: ["caller", lookup?.kind ?? null, lookup?.value ?? null, callId],
    enabled: allowed && lookup !== null,
    // A caller is read afresh each time they are opened: the stream only covers the time the screen is open.
    staleTime: 0,
    queryFn: () =>
      unwrap(api.GET("/api/v1/contact-center/context", { params: { query: contextQuery(lookup!, callId) } })),
  });

  function lookUp(next: Lookup) {
    const same = lookup && next.kind === lookup.kind && next.value === lookup.value;
    if (same) void context.refetch();
    // Typed by hand: maybe another call, so the call id of the link that opened the page is not carried on.
    else if (PRIVATE_KINDS.has(next.kind))
      navigate({ pathname: location.pathname, search: "" }, { state: { lookup: next } });
    else setParams(paramsFor(next));
  }

  if (me && !allowed)
    return (
      <div className="page caller">
        <h1>{t("caller.title")}</h1>
        <p className="status notice">{t("caller.notAllowed")}</p>
      </div>
    );

  const problems = fieldProblems(context.error);
  let result;
  if (!lookup) result = <Empty>{t("caller.start")}</Empty>;
  else if (!me || context.isPending) result = <Loading />;
  // A failed background read (after the stream came back) leaves the caller on the screen.
  else if (context.data?.match === "unique")
    result = <CallerView key={context.data.customer.id} context={context.data} onResumed={() => context.refetch()} />;
  else if (context.data?.match === "ambiguous")
    result = (
      <Candidates
        kind={lookup.kind}
        candidates={context.data.candidates}
        // The same call, now told apart: its call id stays.
        onChoose={(c) => setParams(paramsFor({ kind: "customer_number", value: c.customer_number }, callId))}
      />
    );
  else if (context.error instanceof ApiError && context.error.status === 404)
    result = (
      <p className="status empty" role="status" data-testid="caller-not-found">
        {t(`caller.notFound.${lookup.kind}` as MessageKey)}
      </p>
    );
  else if (problems.length === 0) result = <ErrorMessage error={context.error} onRetry={() => context.refetch()} />;
  else result = null; // beside the field

  return (
    <div className="page caller">
      <h1>{t("caller.title")}</h1>
      <LookupForm current={lookup} problems={problems} onLookup={lookUp} />
      {result}
    </div>
  );
}
