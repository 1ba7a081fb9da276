import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import {
  savePracticeNotes,
  seatTrainee,
  setPanelSettings,
  setTrainingStep,
} from "../../app/modules/hiring/panels.server.ts";
import type { TrainingStep } from "../../app/modules/hiring/panels.ts";
import { DEMO_OPENING_TITLE } from "./demo-hiring.ts";

const CODING = ["code-quality", "testing", "security", "operations"];
const DESIGN = [
  "system-design",
  "technical-judgement",
  "technical-direction",
  "data-and-measurement",
];
const DELIVERY = ["planning", "execution", "product-thinking"];
const COLLABORATION = [
  "written-communication",
  "collaboration",
  "feedback",
  "mentoring",
  "hiring",
  "organisational-influence",
];

/**
 * Who is on which step, by email. The demo's own panel (Identity's Henrik and Marcus, Mobile's
 * Yuki and Diego) is qualified for the stages it holds; interviewers from other teams are
 * qualified too, so a panel drawn from one team has someone to widen it; and two people are in
 * training at each earlier step.
 */
const STEPS: [string, string[], TrainingStep][] = [
  ["henrik.sorensen@example.com", [...CODING, ...DESIGN], "qualified"],
  ["yuki.sato@example.com", DESIGN, "qualified"],
  ["marcus.reid@example.com", DELIVERY, "qualified"],
  ["diego.santos@example.com", COLLABORATION, "qualified"],
  ["tobias.keller@example.com", CODING, "qualified"],
  ["ben.adeyemi@example.com", CODING, "qualified"],
  ["nora.lindqvist@example.com", CODING, "qualified"],
  ["omar.farouk@example.com", DESIGN, "qualified"],
  ["anna.schmidt@example.com", [...DELIVERY, ...COLLABORATION], "qualified"],
  ["niamh.gallagher@example.com", CODING, "qualified"],
  ["sana.qureshi@example.com", DELIVERY, "qualified"],
  ["yara.haddad@example.com", DESIGN, "shadow"],
  ["hana.novak@example.com", CODING, "reverse-shadow"],
];

/**
 * The demo's interview panels: the rule (panels mix teams and levels, at most four interviews a
 * week each, only qualified interviewers score), interviewers at every step of training, and two
 * trainees seated: Yara shadowing Yuki's system design interview of the loop in progress (with
 * practice notes, and a sign-off on Yuki's to-do list), Hana leading Henrik's coding interview of
 * the loop ready to debrief as a reverse shadow. Made through the hiring module. Idempotent.
 */
export async function seedDemoPanels(): Promise<void> {
  if ((await db.interviewerTraining.count()) > 0) return;
  const [priya, grace] = await Promise.all(
    ["priya.raman@example.com", "grace.liu@example.com"].map((email) =>
      db.user.findUnique({
        where: { email },
        select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
      }),
    ),
  );
  const opening = await db.hiringOpening.findFirst({
    where: { title: DEMO_OPENING_TITLE },
    select: { id: true },
  });
  if (!priya || !grace || !opening) return;
  const admin: Viewer = priya;
  const hiringAdmin: Viewer = grace;
  await setPanelSettings(admin, {
    dimensions: ["team", "level"],
    maxInterviewsPerWeek: 4,
    requireQualification: true,
  });
  for (const [email, competencyIds, step] of STEPS) {
    const result = await setTrainingStep(hiringAdmin, { email, competencyIds, step });
    if (!result.ok)
      throw new Error(
        `The demo's training step for ${email} was refused: ${JSON.stringify(result.fieldErrors)}`,
      );
  }
  const seat = async (candidate: string, interviewerEmail: string, traineeEmail: string) => {
    const interview = await db.hiringInterview.findFirstOrThrow({
      where: {
        loop: { openingId: opening.id, candidate: { name: candidate } },
        interviewer: { email: interviewerEmail },
      },
      select: { id: true, loopId: true },
    });
    const trainee = await db.user.findUniqueOrThrow({
      where: { email: traineeEmail },
      select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
    });
    const seated = await seatTrainee(hiringAdmin, interview.loopId, {
      interviewId: interview.id,
      personId: trainee.id,
    });
    if (!seated.ok)
      throw new Error(`The demo's trainee ${traineeEmail} was not seated: ${seated.error}`);
    return {
      trainee,
      seatId: (
        await db.hiringTraineeSeat.findFirstOrThrow({
          where: { interviewId: interview.id, traineeId: trainee.id },
          select: { id: true },
        })
      ).id,
    };
  };
  const yara = await seat("Jordan Avery", "yuki.sato@example.com", "yara.haddad@example.com");
  await savePracticeNotes(
    yara.trainee,
    yara.seatId,
    "Yuki let the candidate drive the design and only asked about scale once the data model was clear. I would have scored technical judgement a 3: the trade-off between consistency and cost was argued, not assumed.",
  );
  await seat("Morgan Ellis", "henrik.sorensen@example.com", "hana.novak@example.com");
}
