import { describe, expect, test } from "vitest";
import * as editRoute from "~/routes/admin.people.$personId";
import { db } from "~/db/client.server";
import {
  createSignInLink,
  findUsableSignInLink,
} from "~/modules/identity/sign-in-links/sign-in-link.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { routeArgs, statusOf } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { providerToken, scim } from "../scim/helpers";

/**
 * A person is deactivated one way, whichever door it comes through: the admin's page, or an
 * identity provider's SCIM PUT, PATCH or DELETE. Each ends the same things (sessions, known
 * browsers, unused sign-in links), records one audit event naming who did it, and changes
 * nothing when the person already was deactivated.
 */

type Door = {
  name: string;
  deactivate: (personId: string) => Promise<void>;
  actor: (adminId: string) => Record<string, unknown>;
};

async function personWithAccess(adminId: string) {
  const person = await createPerson({ scimExternalId: `ext-${crypto.randomUUID()}` });
  await signedInRequest("/", person.id);
  await db.knownDevice.create({ data: { tokenHash: crypto.randomUUID(), userId: person.id } });
  const link = await createSignInLink(adminId, person.id);
  if (!link.ok) throw new Error(link.message.key);
  return { person, token: link.token };
}

async function accessLeft(personId: string, token: string) {
  return {
    sessions: await db.session.count({ where: { userId: personId } }),
    devices: await db.knownDevice.count({ where: { userId: personId } }),
    link: (await findUsableSignInLink(token)) !== null,
    deactivated:
      (await db.user.findUniqueOrThrow({ where: { id: personId } })).deactivatedAt !== null,
  };
}

describe("one way to deactivate a person", async () => {
  const admin = await createAdmin();
  const token = await providerToken("Okta");
  const scimOk = (reply: { status: number }) => expect([200, 204]).toContain(reply.status);
  const doors: Door[] = [
    {
      name: "the admin's page",
      deactivate: async (personId) => {
        const response = await editRoute.action(
          routeArgs(
            await signedInPost(`/admin/people/${personId}`, admin.id, { intent: "deactivate" }),
            { personId },
          ),
        );
        expect(statusOf(response)).toBe(200);
      },
      actor: (adminId) => ({ actorId: adminId, scimTokenId: null }),
    },
    {
      name: "SCIM PUT with active false",
      deactivate: async (personId) => {
        const current = (await scim(token, "GET", `/Users/${personId}`)).body;
        scimOk(await scim(token, "PUT", `/Users/${personId}`, { ...current, active: false }));
      },
      actor: () => ({ actorId: null }),
    },
    {
      name: "SCIM PATCH with active false",
      deactivate: async (personId) => {
        scimOk(
          await scim(token, "PATCH", `/Users/${personId}`, {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            Operations: [{ op: "replace", value: { active: false } }],
          }),
        );
      },
      actor: () => ({ actorId: null }),
    },
    {
      name: "SCIM DELETE",
      deactivate: async (personId) => {
        scimOk(await scim(token, "DELETE", `/Users/${personId}`));
      },
      actor: () => ({ actorId: null }),
    },
  ];

  for (const door of doors) {
    test(`through ${door.name}: access ends, one audit event, and again changes nothing`, async () => {
      const { person, token: link } = await personWithAccess(admin.id);
      expect(await accessLeft(person.id, link)).toEqual({
        sessions: 1,
        devices: 1,
        link: true,
        deactivated: false,
      });

      await door.deactivate(person.id);
      expect(await accessLeft(person.id, link)).toEqual({
        sessions: 0,
        devices: 0,
        link: false,
        deactivated: true,
      });
      const events = await db.auditEvent.findMany({
        where: { subjectId: person.id, action: "person.deactivated" },
        include: { scimToken: true },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        ...door.actor(admin.id),
        detail: expect.objectContaining({ endedSessions: 1 }),
      });
      if (events[0]!.actorId === null)
        expect(events[0]).toMatchObject({
          scimToken: { name: "Okta" },
          detail: expect.objectContaining({ via: "SCIM token Okta" }),
        });
      const deactivatedAt = (await db.user.findUniqueOrThrow({ where: { id: person.id } }))
        .deactivatedAt;

      await door.deactivate(person.id);
      expect(
        await db.auditEvent.count({
          where: { subjectId: person.id, action: "person.deactivated" },
        }),
      ).toBe(1);
      expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt).toEqual(
        deactivatedAt,
      );
    });
  }
});
