// Numbers, money and dates per locale. Money arrives as a decimal string: Intl.NumberFormat takes the string
// itself (ECMA-402 "Intl.NumberFormat v3" string input), so no digit is lost through a float.
export type Locale = "zh-CN" | "en";

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "1234.50" CNY -> "¥1,234.50" (zh-CN) or "CN¥1,234.50" (en). */
export function formatMoney(
  amount: string | null | undefined,
  currency: string | null | undefined,
  locale: Locale,
): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  if (!DECIMAL.test(amount)) return amount;
  if (!currency) return formatDecimal(amount, locale);
  return nf(locale, { style: "currency", currency }).format(amount as Intl.StringNumericLiteral);
}

/** A change of money, signed: "+CN¥1,234.50", "-CN¥20.00", "CN¥0.00" (no sign on nothing). */
export function formatMoneyChange(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  if (!DECIMAL.test(amount)) return amount;
  return nf(locale, { style: "currency", currency, signDisplay: "exceptZero" }).format(
    amount as Intl.StringNumericLiteral,
  );
}

/** Money in a short form for figures: ¥1.23亿 / CN¥123M. */
export function formatMoneyCompact(amount: string, currency: string, locale: Locale): string {
  if (!DECIMAL.test(amount)) return amount;
  return nf(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 2 }).format(
    amount as Intl.StringNumericLiteral,
  );
}

export function formatDecimal(amount: string, locale: Locale, maxFraction = 2): string {
  if (!DECIMAL.test(amount)) return amount;
  return nf(locale, { maximumFractionDigits: maxFraction }).format(amount as Intl.StringNumericLiteral);
}

export function formatNumber(n: number, locale: Locale): string {
  return nf(locale, {}).format(n);
}

export function formatPercent(fraction: number, locale: Locale): string {
  return nf(locale, { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}

/**
 * A share sent as a decimal string from 0 to 1 as a percentage, from the string's own digits, none made up by a
 * float: "0.0912" -> "9.12%". The server drops trailing zeros ("0.035"), so at least `minDigits` decimals are shown
 * ("3.50%", "10.00%"), padding with zeros, never rounding; `signed` writes "+" before a rise.
 */
export function formatShare(
  fraction: string | null | undefined,
  locale: Locale,
  { signed = false, minDigits = 2 }: { signed?: boolean; minDigits?: number } = {},
): string {
  if (fraction === null || fraction === undefined || fraction === "") return "—";
  if (!DECIMAL.test(fraction)) return fraction;
  return nf(locale, {
    style: "percent",
    minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(minDigits, scaleOf(fraction) - 2),
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(fraction as Intl.StringNumericLiteral);
}

/**
 * A decimal string with every digit it has, grouped per locale, and at least `minDigits` decimals (zeros padded,
 * never rounded): "3.2" with 2 -> "3.20"; `signed` writes "+" before a positive one.
 */
export function formatExact(
  amount: string | null | undefined,
  locale: Locale,
  { signed = false, minDigits = 0 }: { signed?: boolean; minDigits?: number } = {},
): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  if (!DECIMAL.test(amount)) return amount;
  return nf(locale, {
    minimumFractionDigits: minDigits,
    maximumFractionDigits: Math.max(minDigits, scaleOf(amount)),
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(amount as Intl.StringNumericLiteral);
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

// Exact decimal arithmetic on strings (BigInt scaled), for totals shown to the user.
function scaleOf(s: string): number {
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

function toScaled(s: string, scale: number): bigint {
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const [int, frac = ""] = body.split(".");
  const v = BigInt(int + frac.padEnd(scale, "0"));
  return neg ? -v : v;
}

function fromScaled(v: bigint, scale: number): string {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, "0");
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return (neg ? "-" : "") + digits;
}

/** Sum decimal strings exactly: sumDecimals(["0.1", "0.2"]) === "0.3". */
export function sumDecimals(values: readonly string[]): string {
  const valid = values.filter((v) => DECIMAL.test(v));
  const scale = Math.max(0, ...valid.map(scaleOf));
  return fromScaled(
    valid.reduce((acc, v) => acc + toScaled(v, scale), 0n),
    scale,
  );
}
