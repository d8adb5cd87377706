// What the signed-in role may do, as domain/access.py and domain/audit.py grant it. The server still decides:
// these only hide buttons that would answer 403.
const REVEAL = new Set(["admin", "branch_manager", "rm", "agent", "auditor"]);
const WORK_ALERTS = new Set(["admin", "branch_manager", "rm"]);
const MANAGE_SEGMENTS = new Set(["admin", "marketing"]);
const READ_CONTEXT = new Set(["agent", "admin"]);
const WORK_QUARANTINE = new Set(["admin"]);
const READ_CASES = new Set(["admin", "branch_manager", "rm", "agent", "auditor"]);
const WORK_CASES = new Set(["admin", "branch_manager", "rm", "agent"]);
const READ_CAMPAIGNS = new Set(["admin", "branch_manager", "rm", "agent", "marketing", "auditor"]);
const MANAGE_CAMPAIGNS = new Set(["admin", "marketing"]);
const RESPOND_CAMPAIGNS = new Set(["admin", "branch_manager", "rm", "agent"]);
const READ_PERFORMANCE = new Set(["admin", "branch_manager", "rm", "auditor"]);
const READ_TASKS = new Set(["admin", "branch_manager", "rm", "agent", "auditor"]);
const WORK_TASKS = new Set(["admin", "branch_manager", "rm", "agent"]);
const READ_AUDIT_LOG = new Set(["admin", "auditor"]);

export const mayReveal = (role: string | undefined) => !!role && REVEAL.has(role);
export const mayWorkAlerts = (role: string | undefined) => !!role && WORK_ALERTS.has(role);
export const mayManageSegments = (role: string | undefined) => !!role && MANAGE_SEGMENTS.has(role);
/** The call-center context and its stream (api/contact_center.py): agents and admins only, so a known role. */
export const mayReadContext = (role: string | undefined) => !!role && READ_CONTEXT.has(role);
/** The feed quarantine (api/feeds.py): admins only among people (feed API keys use the API), so a known role only. */
export const mayWorkQuarantine = (role: string | undefined) => !!role && WORK_QUARANTINE.has(role);
/** Complaints and service requests (api/cases.py): a known role only, so marketing, or a role not read yet, never
 * asks. */
export const mayReadCases = (role: string | undefined) => !!role && READ_CASES.has(role);
/** Closing a case with what was done (auditors read cases but do not work them). */
export const mayWorkCases = (role: string | undefined) => !!role && WORK_CASES.has(role);
/** Campaigns (api/campaigns.py): every role reads them, once the role is known. */
export const mayReadCampaigns = (role: string | undefined) => !!role && READ_CAMPAIGNS.has(role);
/** Preparing, launching and closing a campaign: marketing and admins. */
export const mayManageCampaigns = (role: string | undefined) => !!role && MANAGE_CAMPAIGNS.has(role);
/** Recording what a target customer said: the people who contact customers (auditors and marketing do not). */
export const mayRespondCampaigns = (role: string | undefined) => !!role && RESPOND_CAMPAIGNS.has(role);
/** RM performance (api/analytics.py's rm-performance): an RM their own row, a branch manager their branch's RMs,
 * auditors and admins every RM; marketing and agents are refused (403), so a known role only. */
export const mayReadPerformance = (role: string | undefined) => !!role && READ_PERFORMANCE.has(role);
/** Tasks (api/tasks.py): what each person holds, left, or (a branch manager) their branch's; marketing neither reads
 * nor works them, so a known role only. */
export const mayReadTasks = (role: string | undefined) => !!role && READ_TASKS.has(role);
/** Creating, moving, and marking tasks done or cancelled (auditors read tasks but do not work them). */
export const mayWorkTasks = (role: string | undefined) => !!role && WORK_TASKS.has(role);
/** The audit log (api/audit.py): auditors and admins only (others are refused 403), so a known role only. */
export const mayReadAuditLog = (role: string | undefined) => !!role && READ_AUDIT_LOG.has(role);
/** Admin sees identifiers in full already. */
export const seesFullPii = (role: string | undefined) => role === "admin";
const READ_ALERTS = new Set(["admin", "branch_manager", "rm", "agent", "auditor"]);
const READ_ANALYTICS = new Set(["admin", "branch_manager", "rm", "marketing", "auditor"]);
const READ_SEGMENTS = new Set(["admin", "branch_manager", "rm", "marketing", "auditor"]);
/** Unknown role (not read yet): show, and let the server answer. */
export const mayReadAlerts = (role: string | undefined) => !role || READ_ALERTS.has(role);
export const mayReadAnalytics = (role: string | undefined) => !role || READ_ANALYTICS.has(role);
export const mayReadSegments = (role: string | undefined) => !role || READ_SEGMENTS.has(role);
