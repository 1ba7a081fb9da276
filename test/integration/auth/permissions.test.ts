import { describe, expect, test } from "vitest";
import { requirePersonVisible, requireRole } from "~/modules/identity/permissions.server";
import { managerChain, reportsUnder } from "~/modules/people/reporting-line.server";
import { getSignedIn } from "~/modules/identity/sessions/session.server";
import { db } from "~/db/client.server";
import { ForbiddenError, NotFoundError, SignInRequiredError } from "~/modules/errors";
import { createPerson } from "../../utils/factories";
import { signedInRequest } from "../../utils/session";

async function organisation() {
  const vp = await createPerson({ name: "VP" });
  const director = await createPerson({ name: "Director", managerId: vp.id });
  const manager = await createPerson({ name: "Manager", managerId: director.id });
  const engineer = await createPerson({ name: "Engineer", managerId: manager.id });
  const peer = await createPerson({ name: "Peer", managerId: director.id });
  return { vp, director, manager, engineer, peer };
}

const viewerOf = (
  p: { id: string; name: string; email: string },
  roles: { isAdmin?: boolean } = {},
) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  isAdmin: roles.isAdmin ?? false,
  isHiringAdmin: false,
});

describe("reporting lines", () => {
  test("the manager chain runs from the nearest manager up", async () => {
    const { vp, director, manager, engineer } = await organisation();
    expect(await managerChain(engineer.id)).toEqual([manager.id, director.id, vp.id]);
    expect(await managerChain(vp.id)).toEqual([]);
  });

  test("everyone below a person, at any depth", async () => {
    const { director, manager, engineer, peer } = await organisation();
    expect((await reportsUnder(director.id)).sort()).toEqual(
      [manager.id, engineer.id, peer.id].sort(),
    );
  });

  test("a manager is anyone with an active report (read with the session)", async () => {
    const { manager, engineer } = await organisation();
    const managerFlag = async (personId: string) =>
      (await getSignedIn(await signedInRequest("/", personId)))?.isManager;
    expect(await managerFlag(manager.id)).toBe(true);
    expect(await managerFlag(engineer.id)).toBe(false);
    await db.user.update({ where: { id: engineer.id }, data: { deactivatedAt: new Date() } });
    expect(await managerFlag(manager.id)).toBe(false);
  });
});

describe("who may see a person", () => {
  test("self, the manager chain and admins; a peer gets 404 as if the person did not exist", async () => {
    const { vp, manager, engineer, peer } = await organisation();
    await expect(requirePersonVisible(viewerOf(engineer), engineer.id)).resolves.toBeUndefined();
    await expect(requirePersonVisible(viewerOf(manager), engineer.id)).resolves.toBeUndefined();
    await expect(requirePersonVisible(viewerOf(vp), engineer.id)).resolves.toBeUndefined();
    await expect(requirePersonVisible(viewerOf(peer), engineer.id)).rejects.toThrow(NotFoundError);
    await expect(requirePersonVisible(viewerOf(engineer), manager.id)).rejects.toThrow(
      NotFoundError,
    );
    const admin = await createPerson({ isAdmin: true });
    await expect(
      requirePersonVisible(viewerOf(admin, { isAdmin: true }), engineer.id),
    ).resolves.toBeUndefined();
    await expect(
      requirePersonVisible(viewerOf(admin, { isAdmin: true }), "no-such-person"),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("roles", () => {
  test("an admin page refuses an engineer and sends a stranger to sign in", async () => {
    const engineer = await createPerson();
    await expect(
      requireRole(new Request("http://localhost/admin/people"), "admin"),
    ).rejects.toThrow(SignInRequiredError);
    const refused = requireRole(await signedInRequest("/admin/people", engineer.id), "admin");
    await expect(refused).rejects.toThrow(ForbiddenError);
    await expect(refused).rejects.toThrow("common:errors.adminsOnly");
  });

  test("a hiring admin is not an admin: an admin page refuses them; a hiring page admits hiring admins and admins, and refuses an engineer", async () => {
    const hiring = await createPerson({ name: "Grace Hiring", isHiringAdmin: true });
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const engineer = await createPerson();
    await expect(
      requireRole(await signedInRequest("/admin/people", hiring.id), "admin"),
    ).rejects.toThrow("common:errors.adminsOnly");
    expect((await requireRole(await signedInRequest("/hiring", hiring.id), "hiringAdmin")).id).toBe(
      hiring.id,
    );
    expect((await requireRole(await signedInRequest("/hiring", admin.id), "hiringAdmin")).id).toBe(
      admin.id,
    );
    await expect(
      requireRole(await signedInRequest("/hiring", engineer.id), "hiringAdmin"),
    ).rejects.toThrow("common:errors.hiringAdminsOnly");
  });
});
