import { createCookie } from "react-router";
import { z } from "zod";

export const themeSchema = z.enum(["system", "light", "dark"]);
export type Theme = z.infer<typeof themeSchema>;

const themeCookie = createCookie("rungs_theme", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 60 * 60 * 24 * 365,
});

export async function getTheme(request: Request): Promise<Theme> {
  const header = request.headers.get("Cookie");
  // Most requests carry no theme: no parse that can only fail.
  if (!header?.includes("rungs_theme=")) return "system";
  const value = await themeCookie.parse(header);
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

export function setTheme(theme: Theme): Promise<string> {
  return themeCookie.serialize(theme);
}
