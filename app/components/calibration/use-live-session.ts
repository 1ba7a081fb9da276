import { useRevalidator } from "react-router";
import { useEffect } from "react";

/** Reloads the page's data whenever the session changes (server-sent events from /calibration/:id/events). */
export function useLiveSession(sessionId: string): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const source = new EventSource(`/calibration/${sessionId}/events`);
    source.addEventListener("change", () => revalidate());
    return () => source.close();
  }, [sessionId, revalidate]);
}
