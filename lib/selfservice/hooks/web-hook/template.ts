/** Web hook bodies are JSON templates (lib/core/json-template.ts, shared with the courier's HTTP channel). */
export { renderBody } from "@/lib/core/json-template";
