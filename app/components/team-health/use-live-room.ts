import { useRevalidator } from "react-router";
import { useEffect } from "react";

/** Reloads the room's data whenever its check-in changes (server-sent events from the room's /events). */
export function useLiveRoom(code: string, open: boolean): void {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!open) return;
    const source = new EventSource(`/team-health/live/${code}/events`);
    source.addEventListener("change", () => revalidate());
    return () => source.close();
  }, [code, open, revalidate]);
}
