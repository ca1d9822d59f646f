import { getFormatter, getTranslations } from "next-intl/server";
import type { DailyCount } from "@/lib/audit/daily-counts";

const WIDTH = 560;
const HEIGHT = 120;
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
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 18}`} className="h-auto w-full max-w-2xl" role="img" aria-label={t("chartCaption", { days: days.length, total })}>
        <line x1="0" x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-300 dark:stroke-slate-700" strokeWidth="1" />
        {days.map((d, i) => {
          const height = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (HEIGHT - 14));
          const x = i * (barWidth + GAP);
          return (
            <g key={d.day}>
              <title>{`${label(d.day)}: ${d.count}`}</title>
              <rect x={x} y={HEIGHT - height} width={barWidth} height={height} rx="2" className="fill-brand-500 dark:fill-brand-100" />
              {d.count > 0 ? (
                <text x={x + barWidth / 2} y={HEIGHT - height - 3} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-300">
                  {d.count}
                </text>
              ) : null}
              {i % 2 === days.length % 2 || i === days.length - 1 ? (
                <text x={x + barWidth / 2} y={HEIGHT + 13} textAnchor="middle" className="fill-slate-500 text-[10px] dark:fill-slate-400">
                  {label(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
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
