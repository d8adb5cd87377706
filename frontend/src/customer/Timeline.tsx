import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap, type Schemas } from "../api/client";
import { formatDateTime, formatMoney } from "../format";
import { useI18n } from "../i18n";
import { Empty, ErrorMessage, Loading, MoreButton } from "../components/Status";

type Channel = Schemas["Channel"];
export const CHANNELS: Channel[] = [
  "teller",
  "card",
  "pos",
  "atm",
  "call_center",
  "online_banking",
  "rm_visit",
  "phone",
  "email",
  "sms",
];

export function Timeline({ customerId }: { customerId: string }) {
  const { t, label, locale } = useI18n();
  const [channels, setChannels] = useState<Channel[]>([]);
  const [since, setSince] = useState("");
  // A day in the user's own time zone, sent as an instant with its offset.
  const sinceInstant = since ? new Date(`${since}T00:00:00`).toISOString() : undefined;
  const result = useInfiniteQuery({
    queryKey: ["timeline", customerId, channels, sinceInstant],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/customers/{customer_id}/timeline", {
          params: {
            path: { customer_id: customerId },
            query: {
              channel: channels.length ? channels : undefined,
              since: sinceInstant,
              limit: 20,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = result.data?.pages.flatMap((p) => p.items) ?? [];

  function toggle(c: Channel) {
    setChannels((cur) => (cur.includes(c) ? cur.filter((x) => x !== c) : [...cur, c]));
  }

  return (
    <div className="timeline" data-testid="timeline">
      <fieldset className="chips">
        <legend>{t("c360.channel")}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className={channels.includes(c) ? "chip on" : "chip"}>
            <input type="checkbox" checked={channels.includes(c)} onChange={() => toggle(c)} />
            {label("channel", c)}
          </label>
        ))}
      </fieldset>
      <div className="field inline">
        <label htmlFor={`since-${customerId}`}>{t("c360.since")}</label>
        <input id={`since-${customerId}`} type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      </div>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorMessage error={result.error} onRetry={() => result.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t("c360.noTimeline")}</Empty>
      ) : (
        <>
          <ol className="events">
            {items.map((i) => (
              <li key={i.id} className={`event ch-${i.channel}`}>
                <span className="event-channel">{label("channel", i.channel)}</span>
                <time dateTime={i.occurred_at}>{formatDateTime(i.occurred_at, locale)}</time>
                <span className="event-type">{label("interactionType", i.type)}</span>
                {i.amount && <span className="event-amount">{formatMoney(i.amount, i.currency, locale)}</span>}
                {i.summary && <span className="event-summary">{i.summary}</span>}
                {i.outcome && <span className="tag">{label("outcome", i.outcome)}</span>}
              </li>
            ))}
          </ol>
          <MoreButton pages={result} />
        </>
      )}
    </div>
  );
}
