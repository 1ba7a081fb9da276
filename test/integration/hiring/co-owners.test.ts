import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { action as openingAction } from "~/routes/hiring.openings.$openingId._index";
import { action as newAction } from "~/routes/hiring.openings.new";
import { inEnglishWords, inWordsOf } from "../../utils/english";
import { createAdmin, createPerson } from "../../utils/factories";
import { asViewer, bodyOf, call, post, routeArgs, statusOf } from "./helpers";
import { createOpening } from "~/modules/hiring/openings.server";

type Refusal = {
  error?: Record<string, string[]>;
  result?: { error: Record<string, string[]> };
  roleToGrant: unknown;
};

const people = async () => {
  const ada = await createAdmin({ name: "Ada Admin" });
  const zed = await createAdmin({ name: "Zed Admin" });
  await createAdmin({ name: "Gone Admin", deactivatedAt: new Date() });
  const grace = await createPerson({ name: "Grace Hiring", isHiringAdmin: true });
  const ben = await createPerson({ name: "Ben Engineer" });
  return { ada, zed, grace, ben };
};

describe("naming a co-owner of an opening who is not a hiring admin", () => {
  test("the new-opening form says who can give the role and links to the page where it is given; nothing is written", async () => {
    const { ada, zed, grace, ben } = await people();
    const before = await db.hiringOpening.count();
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", grace.id, {
            title: "Staff",
            ladderId: "engineering",
            levelId: "ic4",
            adminEmails: ben.email,
          }),
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    const body = bodyOf<Refusal>(refused);
    // A message the form words in the reader's language.
    expect(body.error?.adminEmails?.map(inEnglishWords)).toEqual([
      `Not a hiring admin: ${ben.email}. Only an admin can give people the hiring-admin role, on their page in Admin › People: ask one of them (Ada Admin, Zed Admin).`,
    ]);
    expect(inWordsOf("de", body.error!.adminEmails![0]!)).toBe(
      `Kein Recruiting-Admin: ${ben.email}. Nur ein Admin kann Personen die Rolle Recruiting-Admin geben, auf ihrer Seite unter Administration › Personen: Bitten Sie einen von ihnen (Ada Admin, Zed Admin).`,
    );
    expect(body.roleToGrant).toEqual({
      people: [{ name: "Ben Engineer", email: ben.email, path: `/admin/people/${ben.id}` }],
      admins: [
        { name: "Ada Admin", email: ada.email },
        { name: "Zed Admin", email: zed.email },
      ],
      viewerIsAdmin: false,
    });
    expect(await db.hiringOpening.count()).toBe(before);
  });

  test("emails nobody active has are refused by name, in the form's words; nothing is written", async () => {
    const { grace } = await people();
    const before = await db.hiringOpening.count();
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", grace.id, {
            title: "Staff",
            ladderId: "engineering",
            levelId: "ic4",
            adminEmails: "nobody@example.com, ghost@example.com",
          }),
        ),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    const [error] = bodyOf<Refusal>(refused).error?.adminEmails ?? [];
    expect(wordsOf(translatorOf(undefined), error!)).toBe(
      "Nobody active has these emails: nobody@example.com, ghost@example.com.",
    );
    expect(await db.hiringOpening.count()).toBe(before);
  });

  test("an admin who opens a role is told to give the role themselves, with the link", async () => {
    const { ada, ben } = await people();
    const refused = await call(async () =>
      newAction(
        routeArgs(
          await post("/hiring/openings/new", ada.id, {
            title: "Staff",
            ladderId: "engineering",
            levelId: "ic4",
            adminEmails: ben.email,
          }),
        ),
      ),
    );
    const body = bodyOf<Refusal>(refused);
    expect(body.error?.adminEmails?.map(inEnglishWords)).toEqual([
      `Not a hiring admin: ${ben.email}. As an admin, you give people the hiring-admin role on their page in Admin › People, then add them here.`,
    ]);
    expect(body.roleToGrant).toMatchObject({
      people: [{ path: `/admin/people/${ben.id}` }],
      viewerIsAdmin: true,
    });
  });

  test("adding a hiring admin to an opening answers the same way; once given the role, they are added", async () => {
    const { grace, ben } = await people();
    const created = await createOpening(asViewer(grace), {
      title: "Senior Engineer",
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: false,
    });
    if (!created.ok) throw new Error("no opening");
    const { openingId } = created;
    const add = async () =>
      call(async () =>
        openingAction(
          routeArgs(
            await post(`/hiring/openings/${openingId}`, grace.id, {
              intent: "add-admin",
              email: ben.email,
            }),
            { openingId },
          ),
        ),
      );
    const refused = await add();
    expect(statusOf(refused)).toBe(400);
    const body = bodyOf<Refusal>(refused);
    expect(inEnglishWords(body.result?.error.email?.[0] ?? "")).toMatch(
      new RegExp(
        `^Not a hiring admin: ${ben.email}\\. Only an admin can give people the hiring-admin role, on their page in Admin › People: ask .*Ada Admin`,
      ),
    );
    expect(body.roleToGrant).toMatchObject({
      people: [{ name: "Ben Engineer", path: `/admin/people/${ben.id}` }],
      viewerIsAdmin: false,
    });
    expect(await db.hiringOpeningAdmin.count({ where: { openingId, userId: ben.id } })).toBe(0);

    await db.user.update({ where: { id: ben.id }, data: { isHiringAdmin: true } });
    expect(((await add()) as Response).headers.get("Location")).toBe(
      `/hiring/openings/${openingId}?done=adminAdded`,
    );
  });
});
