// The erasure journey's organisation, before its server starts (test/e2e/erasure.spec.ts), on
// the server's test clock a week back: one team of ten, and through the app's own services
// everything Wendel Quillfeather writes or is written about in promotions, sponsorship and stretch
// work, each text with a marker. The journey itself is the erasure through the admin page and what
// every page, the file and a backup hold after it.
import { writeFileSync } from "node:fs";
import { applyMigrations } from "../../app/db/migrate.server.ts";
import { getEnv } from "../../app/utils/env.server.ts";
import { CAST, MARK } from "./erasure-cast.ts";

await applyMigrations(getEnv().DATABASE_URL);
await import("../../app/modules/workflows.server.ts");
const { db } = await import("../../app/db/client.server.ts");
const { importPeople } = await import("../../app/modules/people/import.server.ts");
const { hashPassword } = await import("../../app/modules/identity/passwords/password.server.ts");
const { DEFAULT_SETTINGS, saveSettings } =
  await import("../../app/modules/promotions/settings.server.ts");
const { createWindow, openWindow } = await import("../../app/modules/promotions/windows.server.ts");
const { addToNomination, nominate } =
  await import("../../app/modules/promotions/nominations.server.ts");
const { nominationPage, saveCase, submitPacket } =
  await import("../../app/modules/promotions/packets.server.ts");
const { recordSponsorship } = await import("../../app/modules/sponsorship/sponsorship.server.ts");
const {
  chooseForOpportunity,
  expressInterest,
  opportunityPage,
  postOpportunity,
  recordWorkEvidence,
} = await import("../../app/modules/opportunities/opportunities.server.ts");
const { setRules } = await import("../../app/modules/retention/retention.server.ts");

const clock = await import("../../app/platform/clock.server.ts");
const DAY = 24 * 60 * 60 * 1000;
// The server's test clock, days before the journey: the audits count what happened before today.
const now = clock.now();
const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

// One team, so that its figures are the organisation's and the audits can show them (no smaller
// group to work out by subtraction); the colleagues beside the cast make it big enough to show.
const colleagues = ["Ines Abbot", "Jon Birch", "Kira Cole", "Lars Dunn", "Mina Eck"].map(
  (name) => ({ name, email: `${name.toLowerCase().replace(" ", ".")}@example.com` }),
);
const people = [
  { ...CAST.admin, manager: "", track: "", level: "" },
  { ...CAST.manager, manager: "", track: "manager", level: "m2" },
  { ...CAST.leaver, manager: CAST.manager.email, track: "ic", level: "ic3" },
  { ...CAST.peer, manager: CAST.manager.email, track: "ic", level: "ic2" },
  { ...CAST.sponsor, manager: "", track: "ic", level: "ic6" },
  ...colleagues.map((person) => ({
    ...person,
    manager: CAST.manager.email,
    track: "ic",
    level: "ic2",
  })),
].map((person) => ({ ...person, team: "Ledger" }));
const csv = [
  "name,email,manager_email,team,ladder,track,level",
  ...people.map((p) =>
    [p.name, p.email, p.manager, p.team, p.track ? "engineering" : "", p.track, p.level].join(","),
  ),
].join("\n");
const imported = await importPeople(`${csv}\n`, { actorId: null, dryRun: false });
if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
const hash = await hashPassword(CAST.password);
const rows = await db.user.findMany({ where: { email: { in: people.map((p) => p.email) } } });
await db.password.createMany({ data: rows.map((row) => ({ userId: row.id, hash })) });
await db.user.update({ where: { email: CAST.admin.email }, data: { isAdmin: true } });
const as = async (person: { email: string }) =>
  db.user.findUniqueOrThrow({ where: { email: person.email } });
const [admin, manager, leaver, peer, sponsor] = await Promise.all([
  as(CAST.admin),
  as(CAST.manager),
  as(CAST.leaver),
  as(CAST.peer),
  as(CAST.sponsor),
]);

// Under the rule that removes what a leaver wrote about others too: none of their words may stay.
await setRules(admin, {
  privateNotes: null,
  feedbackTexts: null,
  leavers: null,
  teamHealthAnswers: null,
  othersTexts: "remove",
  candidateDays: null,
});

// Sponsorship: Sela sponsors Wendel, who sponsors Pim (and so may nominate him).
const until = day(120);
await recordSponsorship(sponsor, {
  sponseeEmail: leaver.email,
  advocacy: "level",
  levelId: "ic4",
  note: `Sela backs Wendel ${MARK("sponsored")}`,
  until,
});
await recordSponsorship(leaver, {
  sponseeEmail: peer.email,
  advocacy: "level",
  levelId: "ic3",
  note: `Wendel backs Pim ${MARK("sponsors")}`,
  until,
});

// Promotions: Wendel nominates himself and Pim; Mara adds to his; he writes and submits his packet.
await saveSettings(admin, { scope: "", ...DEFAULT_SETTINGS, mode: "committee" });
const windowId = await createWindow(admin, {
  name: "Winter promotions",
  ladderId: "engineering",
  nominationsOpenOn: day(-1),
  nominationsCloseOn: day(14),
  packetsDueOn: day(28),
  votesDueOn: day(35),
  effectiveOn: day(60),
});
await openWindow(admin, windowId, now);
const own = await nominate(
  leaver,
  {
    windowId,
    nomineeEmail: "",
    targetLevelId: "ic4",
    statement: `I led the ledger rewrite ${MARK("statement")}`,
  },
  now,
);
const forPeer = await nominate(
  leaver,
  {
    windowId,
    nomineeEmail: peer.email,
    targetLevelId: "ic3",
    statement: `Pim runs our incident reviews ${MARK("nominates")}`,
  },
  now,
);
if (!own.ok || !forPeer.ok) throw new Error("both nominations are allowed");
await addToNomination(manager, own.nominationId, `He mentors two juniors ${MARK("addition")}`, now);
const packet = (await nominationPage(leaver, own.nominationId, now)).packet!;
const revision = await saveCase(
  leaver,
  own.nominationId,
  packet.id,
  {
    competencyId: "code-quality",
    text: `Reviewed every ledger change ${MARK("case")}`,
    evidence: [],
    revision: packet.revision,
  },
  now,
);
await submitPacket(leaver, own.nominationId, packet.id, revision, now);

// Stretch work: Mara posts, Wendel asks for it and is chosen with her reason, and records his work.
const opportunityId = await postOpportunity(manager, {
  kind: "project",
  title: "Reconcile the ledgers",
  description: "",
  ladderId: "engineering",
  competencyIds: ["testing", "code-quality"],
  hoursPerWeek: 4,
  startsOn: day(7),
  endsOn: day(70),
});
// Five open it (the access audit counts who saw stretch work), one asks for it.
const readers = await db.user.findMany({
  where: { email: { in: [leaver.email, ...colleagues.slice(0, 4).map((person) => person.email)] } },
});
for (const reader of readers) await opportunityPage(reader, opportunityId);
await expressInterest(leaver, opportunityId, `I know the old ledger ${MARK("interest")}`);
await chooseForOpportunity(manager, opportunityId, {
  personId: leaver.id,
  criteriaIds: ["testing"],
  reason: `Wendel wrote its tests ${MARK("reason")}`,
});
await recordWorkEvidence(leaver, opportunityId, {
  competencyId: "testing",
  text: `Property tests for the reconciler ${MARK("evidence")}`,
  url: null,
  occurredOn: now,
});

writeFileSync(
  process.env.ERASURE_CAST!,
  JSON.stringify({
    windowId,
    own: own.nominationId,
    forPeer: forPeer.nominationId,
    opportunityId,
  }),
);
process.exit(0);
