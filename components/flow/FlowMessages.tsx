import { messageRole, messageTone, translateUiText, type UiText } from "@/lib/selfservice/ui";
import { cn } from "@/components/ui/cn";
import { flowStyles } from "./styles";
import { useFlowCatalog } from "./use-flow-catalog";

const icons = {
  error: "M10 6v5m0 3h.01M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z",
  success: "m6.5 10.5 2.5 2.5 5-6M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z",
  info: "M10 9v5m0-8h.01M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z",
} as const;

/**
 * Flow-level messages (`ui.messages`). The region is always in the DOM, so assistive technology
 * registers it as a live region before anything is announced (WAI-ARIA 1.2 §6.6, aria-live).
 */
export function FlowMessages({ messages, id }: { messages: readonly UiText[]; id?: string }) {
  const catalog = useFlowCatalog();
  const role = messageRole(messages);
  return (
    <div id={id} role={role} aria-live={role === "alert" ? "assertive" : "polite"} aria-atomic="true" className="space-y-2 empty:hidden">
      {messages.map((message, index) => {
        const tone = messageTone(message.type);
        return (
          <div
            key={`${message.id}-${index}`}
            data-message-id={message.id}
            data-message-type={message.type}
            className={cn("flex gap-2.5 rounded-(--pc-radius) border-l-4 px-3 py-2.5 text-sm leading-snug", flowStyles.message[tone])}
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-px h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
              <path d={icons[tone]} />
            </svg>
            <p className="min-w-0 break-words">{translateUiText(message, catalog)}</p>
          </div>
        );
      })}
    </div>
  );
}
