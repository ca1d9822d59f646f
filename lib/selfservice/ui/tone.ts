import type { UiText, UiTextType } from "./types";

/** Visual tone of a message box. */
export function messageTone(type: UiTextType): "error" | "success" | "info" {
  return type === "error" ? "error" : type === "success" ? "success" : "info";
}

/**
 * Errors interrupt (`role="alert"`, assertive); info and success wait their turn (`role="status"`, polite).
 * WAI-ARIA 1.2 §5.3.3 (live region roles).
 */
export function messageRole(messages: readonly UiText[]): "alert" | "status" {
  return messages.some((message) => message.type === "error") ? "alert" : "status";
}
