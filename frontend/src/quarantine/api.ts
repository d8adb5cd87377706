// The feed quarantine (api/feeds.py): channel events that could not be applied, kept with their reasons until someone
// corrects and replays them, or discards them saying why. Admins only among people (api/access_policy.py).
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { api, ApiError, unwrap, type Schemas } from "../api/client";

export type QuarantineEntry = Schemas["QuarantinedOut"];
export type QuarantinePage = Schemas["Page_QuarantinedOut_"];
export type ReplayAnswer = Schemas["ReplayOut"];
export type FeedChannel = Schemas["FeedChannel"];
export type EntryStatus = QuarantineEntry["status"];

export const FEED_CHANNELS: readonly FeedChannel[] = ["teller", "card", "pos-atm", "call-center", "online-banking"];
export const ENTRY_STATUSES: readonly EntryStatus[] = ["open", "replayed", "discarded"];
/** The server's limits (api/feeds.py): a reason filter, a source_ref, a discard's reason. */
export const REASON_FILTER_MAX = 200;
export const SOURCE_REF_MAX = 128;
export const DISCARD_REASON_MAX = 500;
const PAGE = 25;

export interface QuarantineFilters {
  /** "all" asks for every status (the server's default); the page's default is "open". */
  status: EntryStatus | "all";
  channel: FeedChannel | "";
  reason: string;
  sourceRef: string;
}

/** The filters as the URL holds them (a link or a reload keeps them); anything else reads as the default. */
export function filtersFrom(params: URLSearchParams): QuarantineFilters {
  const status = params.get("status") ?? "";
  const channel = params.get("channel") ?? "";
  return {
    // Open by default: the work is what is still waiting.
    status:
      status === "all" || (ENTRY_STATUSES as readonly string[]).includes(status) ? (status as EntryStatus) : "open",
    channel: (FEED_CHANNELS as readonly string[]).includes(channel) ? (channel as FeedChannel) : "",
    reason: (params.get("reason") ?? "").trim().slice(0, REASON_FILTER_MAX),
    sourceRef: (params.get("source_ref") ?? "").trim().slice(0, SOURCE_REF_MAX),
  };
}

const keys = {
  all: ["quarantine"] as const,
  list: (f: QuarantineFilters) => ["quarantine", "list", f] as const,
};

/** The entries, newest received first, page by page. */
export function useQuarantine(filters: QuarantineFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.list(filters),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/feeds/quarantine", {
          params: {
            query: {
              status: filters.status === "all" ? undefined : filters.status,
              channel: filters.channel || undefined,
              reason: filters.reason || undefined,
              source_ref: filters.sourceRef || undefined,
              limit: PAGE,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** 409: the entry is no longer open (replayed or discarded meanwhile, by someone else or a partner's system). */
export const isNoLongerOpen = (e: unknown) => e instanceof ApiError && e.status === 409;

/**
 * The entry as it is now, put in place in every list read so far. The entry stays where it is even when it no longer
 * matches the list's filters (a replayed one in the open list): the person sees what became of it, and it leaves
 * the list when the list is read again.
 */
function useReplaceEntry() {
  const queryClient = useQueryClient();
  return (entry: QuarantineEntry) =>
    queryClient.setQueriesData<InfiniteData<QuarantinePage>>({ queryKey: ["quarantine", "list"] }, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) => (item.id === entry.id ? entry : item)),
            })),
          }
        : data,
    );
}

/**
 * After a 409, the entry is read again (there is no read of one entry: the list by its channel and source_ref finds
 * it) and put in place; without a source_ref, or when it is not found, every list is read again.
 */
function useRefreshEntry() {
  const queryClient = useQueryClient();
  const replace = useReplaceEntry();
  return async (entry: QuarantineEntry) => {
    if (entry.source_ref) {
      try {
        const page = await unwrap(
          api.GET("/api/v1/feeds/quarantine", {
            params: { query: { channel: entry.channel, source_ref: entry.source_ref, limit: 100 } },
          }),
        );
        const now = page.items.find((item) => item.id === entry.id);
        if (now) {
          replace(now);
          return;
        }
      } catch {
        /* read every list again instead */
      }
    }
    await queryClient.invalidateQueries({ queryKey: keys.all });
  };
}

export interface ReplayInput {
  /** The corrected event; null replays the event as stored. */
  event: Record<string, unknown> | null;
}

/**
 * Replay an open entry, corrected or as stored. The answer holds the entry as it is now (replayed, or still open with
 * the new reasons and the corrected event) and the replay's own result; the entry is put in place in the lists.
 */
export function useReplay(entry: QuarantineEntry) {
  const replace = useReplaceEntry();
  const refresh = useRefreshEntry();
  return useMutation({
    mutationFn: ({ event }: ReplayInput) =>
      unwrap(
        api.POST("/api/v1/feeds/quarantine/{entry_id}/replay", {
          params: { path: { entry_id: entry.id } },
          body: event ? { event } : {},
        }),
      ),
    onSuccess: (answer) => replace(answer.entry),
    onError: (e) => {
      if (isNoLongerOpen(e)) void refresh(entry);
    },
  });
}

/** Discard an open entry, saying why; the entry (now discarded) is put in place in the lists. */
export function useDiscard(entry: QuarantineEntry) {
  const replace = useReplaceEntry();
  const refresh = useRefreshEntry();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST("/api/v1/feeds/quarantine/{entry_id}/discard", {
          params: { path: { entry_id: entry.id } },
          body: { reason },
        }),
      ),
    onSuccess: (discarded) => replace(discarded),
    onError: (e) => {
      if (isNoLongerOpen(e)) void refresh(entry);
    },
  });
}

/** The same reason (a field and what is wrong with it) in two lists. */
export const reasonKey = (r: { field: string; message: string }) => `${r.field}\u0000${r.message}`;
