import { getFormatter, getTranslations } from "next-intl/server";
import type { DailyCount } from "@/lib/audit/daily-counts";

const WIDTH = 560;
const HEIGHT = 100;
const GAP = 4;

/**
 * Events per day as an inline SVG bar chart. The figures are also in a visually hidden table, so the chart
 * is not the only way to read them.
 */
export async function AuditChart({ days }: { days: DailyCount[] }) {
  const [t, format] = await Promise.all([getTranslations("console.audit"), getFormatter()]);
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const barWidth = (WIDTH - GAP * (days.length - 1)) / days.length;
  const label = (day: string) => format.dateTime(new Date(`${day}T00:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });

  return (
    <figure className="space-y-2">
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{t("chartCaption", { days: days.length, total })}</figcaption>
      {/* Bars only in the SVG (stretched to the width); dates in HTML so they stay readable on phones. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="h-28 w-full" aria-hidden="true" focusable="false">
        <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="1" />
        {days.map((d, i) => {
          const height = d.count === 0 ? 0 : Math.max(3, (d.count / max) * (HEIGHT - 4));
          return (
            <rect key={d.day} x={i * (barWidth + GAP)} y={HEIGHT - height} width={barWidth} height={height} className="fill-brand-500 dark:fill-brand-100">
              <title>{`${label(d.day)}: ${d.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span>{label(days[0]?.day ?? "")}</span>
        <span>{t("chartPeak", { count: total === 0 ? 0 : max })}</span>
        <span>{label(days[days.length - 1]?.day ?? "")}</span>
      </div>
      <table className="sr-only">
        <caption>{t("chartTableCaption")}</caption>
        <thead><tr><th scope="col">{t("columns.day")}</th><th scope="col">{t("columns.events")}</th></tr></thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}><td>{label(d.day)}</td><td>{d.count}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
