// The bank's business day. The dates the server keeps (a task's day, overdue, days to maturity, a campaign's
// first and last day) are days on the bank's calendar (CRM_BANK_TIMEZONE), which /auth/me tells; until it has,
// the browser's own zone. A workbench open at 01:00 in Beijing on a machine set to UTC still says "due today"
// of what the bank has due today, and offers no day the server would refuse as past.

let zone: string | undefined;

function known(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-CA", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Use the bank's time zone (an IANA name); an unknown one, or none, leaves the browser's. */
export function setBankZone(name: string | null | undefined): void {
  zone = name && known(name) ? name : undefined;
}

/** The bank's time zone once known, else undefined (the browser's). */
export function bankZone(): string | undefined {
  return zone;
}

/** The bank's date `days` from `now`, as the API writes dates (YYYY-MM-DD). */
export function bankDate(days = 0, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = new Date(Date.UTC(part("year"), part("month") - 1, part("day") + days));
  return day.toISOString().slice(0, 10);
}
