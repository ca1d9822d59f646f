"use client";

import { useEffect, useRef } from "react";
import { useToast } from "@/components/ui/toast";

/**
 * Announces a successful save once per submission. Keyed on the submission time, not on the toast API
 * object (the provider hands out a new one on every render, which would re-fire the effect forever).
 */
export function useSavedToast(saved: boolean | undefined, submittedAt: number | undefined, message: string): void {
  const { show } = useToast();
  const announced = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!saved || !submittedAt || announced.current === submittedAt) return;
    announced.current = submittedAt;
    show(message);
  }, [saved, submittedAt, message, show]);
}
