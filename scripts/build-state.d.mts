/** Build time of `.next/` and `dist/` together (`full`) or of `dist/` alone, as epoch ms; 0 when missing. */
export function buildTime(root: string, options: { full: boolean }): number;
export function sourcesNewerThan(root: string, time: number): boolean;
