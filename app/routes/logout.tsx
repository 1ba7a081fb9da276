import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/modules/auth/session.server";
import { withDomainErrors } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

export const action = withDomainErrors(async ({ request }: ActionFunctionArgs) => {
  return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
});
