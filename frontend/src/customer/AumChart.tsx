import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Schemas } from "../api/client";
import { formatDate, formatMoney, formatMoneyCompact } from "../format";
import { useI18n } from "../i18n";
import { Empty } from "../components/Status";
import { aumSeries } from "./aum";

export function AumChart({ holdings }: { holdings: Schemas["HoldingOut"][] }) {
  const { t, locale } = useI18n();
  const series = aumSeries(holdings);
  if (!series || series.points.length === 0) return <Empty>{t("c360.noTrend")}</Empty>;
  const { currency, points } = series;
  const last = points[points.length - 1];
  return (
    <figure className="chart" data-testid="aum-chart">
      <figcaption>
        <strong>{formatMoney(last.aum, currency, locale)}</strong> <small>{t("c360.aumTrendNote", { currency })}</small>
      </figcaption>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height={220}>
          <AreaChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#dde3ea" />
            <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d, locale)} minTickGap={24} fontSize={12} />
            <YAxis
              width={72}
              fontSize={12}
              tickFormatter={(v: number) => formatMoneyCompact(String(v), currency, locale)}
            />
            <Tooltip
              labelFormatter={(d) => formatDate(String(d), locale)}
              formatter={(_v, _n, item) => [
                formatMoney((item.payload as { aum: string }).aum, currency, locale),
                "AUM",
              ]}
            />
            <Area type="monotone" dataKey="value" stroke="#1f5fa8" fill="#cfe0f5" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
