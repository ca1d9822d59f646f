/** Verifications per day as a small bar chart; the label carries the numbers for assistive technology. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = values.length * 6;
  return (
    <svg role="img" aria-label={label} width={width} height={20} viewBox={`0 0 ${width} 20`} className="text-brand-600 dark:text-brand-400">
      {values.map((value, i) => {
        const height = value === 0 ? 1 : Math.max(2, Math.round((value / max) * 20));
        return <rect key={i} x={i * 6} y={20 - height} width={4} height={height} className={value === 0 ? "fill-slate-300 dark:fill-slate-600" : "fill-current"} />;
      })}
    </svg>
  );
}
