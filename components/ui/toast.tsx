"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Tone = "info" | "success" | "error";
interface ToastApi {
  show(message: string, tone?: Tone): void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/**
 * Status messages for the whole console. The live region exists from the first render (screen readers only
 * announce changes to regions already in the page); errors use an assertive region.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: Tone; key: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((text: string, tone: Tone = "success") => {
    clearTimeout(timer.current);
    setMessage({ text, tone, key: Date.now() });
    timer.current = setTimeout(() => setMessage(null), 5000);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const toneClass =
    message?.tone === "error"
      ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      : "border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100";

  return (
    <ToastContext.Provider value={{ show }}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="status-region">
          {message && message.tone !== "error" ? (
            <p key={message.key} className={`pointer-events-auto rounded-md border px-4 py-2 text-sm font-medium shadow-lg ${toneClass}`}>
              {message.text}
            </p>
          ) : null}
        </div>
        <div role="alert" aria-live="assertive" aria-atomic="true">
          {message && message.tone === "error" ? (
            <p key={message.key} className={`pointer-events-auto rounded-md border px-4 py-2 text-sm font-medium shadow-lg ${toneClass}`}>
              {message.text}
            </p>
          ) : null}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
