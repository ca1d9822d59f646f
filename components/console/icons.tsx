import type { ReactElement } from "react";

// 20×20 outline icons (stroke = currentColor). Decorative: always paired with visible text.
const paths = {
  home: <path d="M3 9.5L10 3l7 6.5M5 8v9h4v-5h2v5h4V8" />,
  key: <><circle cx="6.5" cy="13.5" r="3.5" /><path d="M9 11l8-8M14 6l2 2M12 8l1.5 1.5" /></>,
  users: <><circle cx="7.5" cy="7" r="3" /><path d="M2 17c0-3 2.5-5 5.5-5s5.5 2 5.5 5M13 4.2a3 3 0 010 5.6M15 12.3c1.8.6 3 2.3 3 4.7" /></>,
  list: <path d="M7 5h10M7 10h10M7 15h10M3 5h.01M3 10h.01M3 15h.01" />,
  identity: <><circle cx="10" cy="10" r="7.5" /><circle cx="10" cy="8.5" r="2.5" /><path d="M5 15.5c1.2-2 3-3 5-3s3.8 1 5 3" /></>,
  shield: <path d="M10 2.5l6 2.5v4.5c0 4-2.6 6.8-6 8-3.4-1.2-6-4-6-8V5l6-2.5z" />,
  lock: <><rect x="4" y="9" width="12" height="8.5" rx="1.5" /><path d="M7 9V6.5a3 3 0 016 0V9" /></>,
  link: <path d="M8.5 11.5a3.5 3.5 0 005 0l2.5-2.5a3.5 3.5 0 00-5-5l-1 1M11.5 8.5a3.5 3.5 0 00-5 0L4 11a3.5 3.5 0 005 5l1-1" />,
  settings: <><circle cx="10" cy="10" r="2.5" /><path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" /></>,
  globe: <><circle cx="10" cy="10" r="7.5" /><path d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15" /></>,
  mail: <><rect x="2.5" y="4.5" width="15" height="11" rx="1.5" /><path d="M3 5.5l7 5.5 7-5.5" /></>,
  chart: <path d="M3 17h14M5.5 14V9M10 14V5M14.5 14v-3" />,
  building: <><rect x="4" y="2.5" width="12" height="15" rx="1" /><path d="M7.5 6h1M11.5 6h1M7.5 9.5h1M11.5 9.5h1M8.5 17.5v-3h3v3" /></>,
  folder: <path d="M2.5 5.5a1 1 0 011-1h4l2 2h7a1 1 0 011 1v8a1 1 0 01-1 1h-13a1 1 0 01-1-1v-10z" />,
  palette: <><path d="M10 2.5a7.5 7.5 0 100 15c1 0 1.5-.7 1.5-1.5s-.8-1.3-.8-2.2c0-.9.7-1.6 1.6-1.6H14a3.5 3.5 0 003.5-3.5c0-3.5-3.4-6.2-7.5-6.2z" /><circle cx="6.5" cy="9" r="1" /><circle cx="9" cy="6" r="1" /><circle cx="13" cy="6.5" r="1" /></>,
  logout: <path d="M8 17H4.5a1 1 0 01-1-1V4a1 1 0 011-1H8M13 14l4-4-4-4M17 10H8" />,
  menu: <path d="M3 5h14M3 10h14M3 15h14" />,
  plus: <path d="M10 4v12M4 10h12" />,
  warning: <><path d="M10 3l8 14H2L10 3z" /><path d="M10 8v4M10 14.5h.01" /></>,
  external: <path d="M11 3h6v6M17 3l-8 8M15 12v4a1 1 0 01-1 1H4a1 1 0 01-1-1V6a1 1 0 011-1h4" />,
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "h-5 w-5" }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={className} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[name]}
    </svg>
  );
}
