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
  const value = await themeCookie.parse(request.headers.get("Cookie"));
  const parsed = themeSchema.safeParse(value);
  return parsed.success ? parsed.data : "system";
}

export function setTheme(theme: Theme): Promise<string> {
  return themeCookie.serialize(theme);
}
