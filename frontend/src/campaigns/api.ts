// Campaigns (api/campaigns.py): an offer of one product to the members of one segment over a consent channel, between
// two dates, with a held-out control group; launching freezes who is in it, the people who contact customers record
// each target customer's response, and the effect compares the two groups' conversion.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { api, ApiError, unwrap, type Schemas } from "../api/client";
import { problemsAbout } from "../cases/api";
import { nextBestKey } from "../customer/nextBest";

export type Campaign = Schemas["CampaignOut"];
export type CampaignDetail = Schemas["CampaignDetailOut"];
export type CampaignStatus = Schemas["CampaignStatus"];
export type Effect = Schemas["EffectOut"];
export type Member = Schemas["api__campaigns__MemberOut"];
export type Channel = Schemas["ConsentChannel"];
export type Answer = Schemas["Response"];
export type Group = Schemas["Group"];
export type ResponseFilter = Schemas["ResponseFilter"];
type MemberPage = Schemas["api__schemas__common__Page_MemberOut___2"];
/** A campaign a customer is in, with their group, response and conversion (the 360 view). */
export type CustomerCampaign = Schemas["CustomerCampaignOut"];

export const STATUSES: readonly CampaignStatus[] = ["draft", "active", "closed"];
/** How customers are contacted: the consent channels (domain/customers.py's ConsentChannel), in the schema's order
 * of likelihood for an offer. */
export const CHANNELS: readonly Channel[] = ["phone", "sms", "email", "post", "online", "push"];
/** What a contacted customer said (domain/campaigns.py's Response). */
export const ANSWERS: readonly Answer[] = ["contacted", "interested", "declined", "unreachable"];
/** The responses as the effect counts them: the answers, then those not contacted yet. */
export const FUNNEL: readonly ResponseFilter[] = [...ANSWERS, "none"];
export const GROUPS: readonly Group[] = ["target", "control"];
/** Why a member of the segment was left out at launch (domain/campaigns.py's Exclusion). */
export const EXCLUSIONS = ["no_consent", "unsuitable", "already_holds"] as const;

/** The server's limits (domain/campaigns.py). */
export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 1000;
export const CONTROL_PCT_MAX = 50;
export const CONTROL_PCT_DEFAULT = 10;

const PAGE = 25;

/** Every campaign query's key starts with "campaigns": a list, one campaign, its members, My day's contacts, one
 * customer's campaigns. */
export const keys = {
  all: ["campaigns"] as const,
  list: (status: CampaignStatus | "") => ["campaigns", "list", status] as const,
  detail: (id: string) => ["campaigns", "detail", id] as const,
  members: (id: string) => ["campaigns", "members", id] as const,
  memberPage: (id: string, group: Group | "", response: ResponseFilter | "") =>
    ["campaigns", "members", id, group, response] as const,
  contacts: ["campaigns", "contacts"] as const,
  customer: (customerId: string) => ["campaigns", "customer", customerId] as const,
};

/** The campaigns, the newest first, page by page; one status or all. */
export function useCampaigns(status: CampaignStatus | "", enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.list(status),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/campaigns", {
          params: { query: { status: status || undefined, limit: PAGE, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** The active campaigns with contacts left to make in the reader's portfolio (My day). */
export function useCampaignContacts(enabled: boolean) {
  return useQuery({
    queryKey: keys.contacts,
    enabled,
    queryFn: () => unwrap(api.GET("/api/v1/campaigns", { params: { query: { status: "active", limit: 50 } } })),
    select: (page) => page.items.filter((c) => c.to_contact > 0),
  });
}

/** The campaigns a customer is in, the newest first (the server's order), in the reader's scope. */
export function useCustomerCampaigns(customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.customer(customerId),
    enabled,
    queryFn: () =>
      unwrap(api.GET("/api/v1/customers/{customer_id}/campaigns", { params: { path: { customer_id: customerId } } })),
  });
}

export function useCampaign(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.detail(id),
    enabled,
    queryFn: () => unwrap(api.GET("/api/v1/campaigns/{campaign_id}", { params: { path: { campaign_id: id } } })),
  });
}

/** The campaign's customers in the reader's portfolio, by customer number, page by page. */
export function useMembers(id: string, group: Group | "", response: ResponseFilter | "", enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.memberPage(id, group, response),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/campaigns/{campaign_id}/members", {
          params: {
            path: { campaign_id: id },
            query: {
              group: group || undefined,
              response: response || undefined,
              limit: PAGE,
              cursor: pageParam ?? undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export interface CampaignInput {
  name: string;
  description: string;
  product_code: string;
  segment_id: string;
  channel: Channel;
  control_pct: number;
  starts_on: string;
  ends_on: string;
}

export type CreateField = keyof CampaignInput;
export const CREATE_FIELDS: readonly CreateField[] = [
  "name",
  "description",
  "product_code",
  "segment_id",
  "channel",
  "control_pct",
  "starts_on",
  "ends_on",
];
/** The server's objections to the campaign form's fields (422), each with the field it names. */
export const createFieldProblems = (e: unknown) => problemsAbout(e, CREATE_FIELDS);

/** Prepare a campaign (a draft). Afterwards the lists are read again. */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CampaignInput) => {
      const description = input.description.trim();
      return unwrap(
        api.POST("/api/v1/campaigns", {
          body: {
            name: input.name,
            // Nothing written is no description (the server refuses one of only spaces).
            ...(description ? { description } : {}),
            product_code: input.product_code,
            segment_id: input.segment_id,
            channel: input.channel,
            control_pct: input.control_pct,
            starts_on: input.starts_on,
            ends_on: input.ends_on,
          },
        }),
      );
    },
    onSuccess: (created) => {
      queryClient.setQueryData(keys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ["campaigns", "list"] });
    },
  });
}

/** A draft's changes: only the fields changed are sent (PATCH /campaigns/{id}); a description emptied is none. */
export type CampaignChanges = Partial<Omit<CampaignInput, "description">> & { description?: string | null };

/** The fields of `next` that differ from `before`, as PATCH takes them. */
export function changedFields(before: CampaignInput, next: CampaignInput): CampaignChanges {
  const changes: CampaignChanges = {};
  for (const field of CREATE_FIELDS) {
    if (field === "description") {
      const text = next.description.trim();
      if (text !== before.description.trim()) changes.description = text || null;
    } else if (next[field] !== before[field]) (changes as Record<string, unknown>)[field] = next[field];
  }
  return changes;
}

/** Change a draft. The answer is the campaign as it is now; afterwards (and after a 409: launched meanwhile) every
 * campaign query is read again. */
export function useUpdateCampaign(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.all });
  return useMutation({
    mutationFn: (changes: CampaignChanges) =>
      unwrap(api.PATCH("/api/v1/campaigns/{campaign_id}", { params: { path: { campaign_id: id } }, body: changes })),
    onSuccess: (campaign) => {
      queryClient.setQueryData(keys.detail(campaign.id), campaign);
      void refresh();
    },
    onError: (e) => {
      if (isConflict(e)) void refresh();
    },
  });
}

/** Delete a draft (204). Afterwards the lists are read again; after a 409 (launched meanwhile) the campaign too. */
export function useDeleteCampaign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/campaigns/{campaign_id}", { params: { path: { campaign_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ["campaigns", "list"] });
    },
    onError: (e) => {
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

/** Launch a draft or close an active campaign. The answer is the campaign as it is now; afterwards (and after a 409:
 * someone else launched or closed it first) every campaign query is read again. */
export function useCampaignStep(step: "launch" | "close") {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.all });
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        step === "launch"
          ? api.POST("/api/v1/campaigns/{campaign_id}/launch", { params: { path: { campaign_id: id } } })
          : api.POST("/api/v1/campaigns/{campaign_id}/close", { params: { path: { campaign_id: id } } }),
      ),
    onSuccess: (campaign) => {
      queryClient.setQueryData(keys.detail(campaign.id), campaign);
      void refresh();
    },
    onError: (e) => {
      if (isConflict(e)) void refresh();
    },
  });
}

/** 409: the campaign's status is not the one the step needs (launched or closed meanwhile, or a control-group
 * customer, who is not contacted). */
export const isConflict = (e: unknown) => e instanceof ApiError && e.status === 409;

/** Why recording a response was refused (409), told apart by the problem's type (api/errors.py): the campaign is no
 * longer active (closed meanwhile), or the customer is held out in its control group. */
export type ResponseRefusal = "notActive" | "heldOut";
const REFUSALS: Record<string, ResponseRefusal> = {
  "/problems/campaign-not-active": "notActive",
  "/problems/customer-held-out": "heldOut",
};
/** The refusal a failed response names; null for any other error (a 409 of another type included). */
export const responseRefusal = (e: unknown): ResponseRefusal | null =>
  isConflict(e) ? (REFUSALS[(e as ApiError).problem?.type ?? ""] ?? null) : null;

/** 422 naming the segment on launch: nobody in the segment may be offered the product. */
export const isNobodyEligible = (e: unknown) =>
  e instanceof ApiError && e.status === 422 && problemsAbout(e, ["segment_id"]).length > 0;

export type ResponseField = "response" | "note";
export const responseFieldProblems = (e: unknown) => problemsAbout(e, ["response", "note"] as const);

export interface ResponseInput {
  customerId: string;
  response: Answer;
  note: string;
}

/**
 * Record what a target customer said. The row is replaced in place in every members list read so far (it stays where
 * it is, even under "Not contacted yet", until the list is read again) and in the customer's campaigns on the 360
 * view, and the campaign's counts, its effect and My day's contacts are read again.
 */
export function useRecordResponse(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ customerId, response, note }: ResponseInput) => {
      const text = note.trim();
      return unwrap(
        api.PUT("/api/v1/campaigns/{campaign_id}/members/{customer_id}/response", {
          params: { path: { campaign_id: campaignId, customer_id: customerId } },
          body: text ? { response, note: text } : { response },
        }),
      );
    },
    onSuccess: (member) => {
      queryClient.setQueriesData<InfiniteData<MemberPage>>({ queryKey: keys.members(campaignId) }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({
                ...p,
                items: p.items.map((m) => (m.customer.id === member.customer.id ? member : m)),
              })),
            }
          : data,
      );
      queryClient.setQueryData<CustomerCampaign[]>(keys.customer(member.customer.id), (list) =>
        list?.map((c) =>
          c.campaign.id === campaignId
            ? {
                ...c,
                response: member.response,
                responded_at: member.responded_at,
                responded_by_username: member.responded_by_username,
                note: member.note,
                converted_on: member.converted_on,
              }
            : c,
        ),
      );
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.detail(campaignId) }),
        queryClient.invalidateQueries({ queryKey: ["campaigns", "list"] }),
        queryClient.invalidateQueries({ queryKey: keys.contacts }),
        queryClient.invalidateQueries({ queryKey: nextBestKey(member.customer.id) }), // an offer answered or declined
      ]);
    },
    onError: (e, { customerId }) => {
      // Closed meanwhile (or held out): read the campaign (and the customer's campaigns) again, so the page shows it
      // as it is and offers no more recording; after a held-out refusal its members too, which show the group.
      if (isConflict(e))
        void Promise.all([
          queryClient.invalidateQueries({ queryKey: keys.detail(campaignId) }),
          queryClient.invalidateQueries({ queryKey: keys.customer(customerId) }),
          responseRefusal(e) === "heldOut" && queryClient.invalidateQueries({ queryKey: keys.members(campaignId) }),
        ]);
    },
  });
}

/** The product's name in the reader's language (the Chinese name when there is one). */
export const productName = (p: { name: string; name_zh?: string | null }, locale: string) =>
  locale === "zh-CN" && p.name_zh ? p.name_zh : p.name;
