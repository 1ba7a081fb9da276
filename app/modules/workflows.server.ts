import { personalData } from "~/platform/personal-data";
import { apiPersonalData } from "~/modules/api/personal-data.server";
import { assessmentsPersonalData } from "~/modules/assessments/personal-data.server";
import { auditPersonalData } from "~/modules/audit/personal-data.server";
import { calibrationPersonalData } from "~/modules/calibration/personal-data.server";
import { conversationsPersonalData } from "~/modules/conversations/personal-data.server";
import { cyclesPersonalData } from "~/modules/cycles/personal-data.server";
import { dataRightsPersonalData } from "~/modules/data-rights/personal-data.server";
import { feedbackPersonalData } from "~/modules/feedback/personal-data.server";
import { goalsPersonalData } from "~/modules/goals/personal-data.server";
import { growthPersonalData } from "~/modules/growth/personal-data.server";
import { hiringPersonalData } from "~/modules/hiring/personal-data.server";
import { identityPersonalData } from "~/modules/identity/personal-data.server";
import { laddersPersonalData } from "~/modules/ladders/personal-data.server";
import { mentorshipPersonalData } from "~/modules/mentorship/personal-data.server";
import { notificationsPersonalData } from "~/modules/notifications/personal-data.server";
import { operationsPersonalData } from "~/modules/operations/personal-data.server";
import { opportunitiesPersonalData } from "~/modules/opportunities/personal-data.server";
import { peoplePersonalData } from "~/modules/people/personal-data.server";
import { promotionsPersonalData } from "~/modules/promotions/personal-data.server";
import { retentionPersonalData } from "~/modules/retention/personal-data.server";
import { sponsorshipPersonalData } from "~/modules/sponsorship/personal-data.server";
import { teamHealthPersonalData } from "~/modules/team-health/personal-data.server";
import { todoPersonalData } from "~/modules/todo/personal-data.server";
import { webhooksPersonalData } from "~/modules/webhooks/personal-data.server";
import { deactivationHooks, deactivationPreviews } from "~/modules/people/deactivation.server";
import { joiningHooks } from "~/modules/cycles/joining.server";
import { activeTokensOf, revokeTokensOf } from "~/modules/api/tokens.server";
import { registerTodoProvider } from "~/modules/todo/todo.server";
import { openActionsRead } from "~/modules/conversations/queries.server";
import { calibrationTodoChanges, calibrationTodoFacts } from "~/modules/calibration/todo.server";
import {
  conversationTodoChanges,
  conversationTodoFacts,
} from "~/modules/conversations/todo.server";
import {
  conversationsEndedBy,
  withdrawConversationsOf,
} from "~/modules/conversations/series.server";
import { reviewTodoChanges, reviewTodoFacts } from "~/modules/cycles/todo.server";
import { reviewTodoRead } from "~/modules/cycles/queries.server";
import {
  askUpwardForNewParticipants,
  requestsEndedBy,
  withdrawRequestsOfDeactivated,
} from "~/modules/feedback/feedback.server";
import {
  feedbackTodoChanges,
  feedbackTodoFacts,
  feedbackTodoRead,
} from "~/modules/feedback/todo.server";
import { hiringTodo, hiringTodoChanges } from "~/modules/hiring/todo.server";
import { takesPartInHiringRead } from "~/modules/hiring/queries.server";
import { mentorshipTodoChanges, mentorshipTodoFacts } from "~/modules/mentorship/todo.server";
import { mentorshipTodoRead } from "~/modules/mentorship/queries.server";
import {
  opportunityTodoChanges,
  opportunityTodoFacts,
  opportunityTodoRead,
} from "~/modules/opportunities/todo.server";
import {
  sponsorshipTodoChanges,
  sponsorshipTodoFacts,
  sponsorshipTodoRead,
} from "~/modules/sponsorship/todo.server";
import { goalTodoChanges, goalTodoFacts } from "~/modules/goals/todo.server";
import { checkInsDueRead } from "~/modules/goals/goals.server";
import {
  teamHealthTodoChanges,
  teamHealthTodoFacts,
  teamHealthTodoRead,
} from "~/modules/team-health/todo.server";
import { routeCalibrationPromotions } from "~/modules/calibration/promotion-route.server";
import {
  calibrationPromotionsDecidedHere,
  takeCalibrationPromotions,
} from "~/modules/promotions/calibration.server";
import {
  promotionTodoChanges,
  promotionTodoFacts,
  promotionTodoRead,
} from "~/modules/promotions/todo.server";
import {
  committeeTodoChanges,
  committeeTodoFacts,
  committeeTodoRead,
} from "~/modules/promotions/committee-todo.server";

/**
 * Every workflow's part in what the shared modules gather, registered in one place: the to-do
 * list's providers (todo), what a deactivation ends (people), what people joining a cycle
 * start (cycles), who decides a calibration "promote" outcome (calibration, promotions) and what
 * each module holds about a person, which erasure reads (platform/personal-data.ts). Those modules import no workflow built on them, so importing this module is how
 * each way in brings the workflows along: the app's server entry, the server's background jobs,
 * the scripts and the tests' setup. Every registry refuses to run empty, so a way in that forgot
 * it fails at once rather than leave work undone.
 */

registerTodoProvider("reviews", {
  facts: reviewTodoFacts,
  changes: reviewTodoChanges,
  probe: reviewTodoRead,
});
registerTodoProvider("calibration", {
  facts: calibrationTodoFacts,
  changes: calibrationTodoChanges,
});
registerTodoProvider("hiring", {
  facts: (viewer) => hiringTodo(viewer.id),
  changes: hiringTodoChanges,
  probe: (viewer) => takesPartInHiringRead(viewer.id),
});
registerTodoProvider("mentorship", {
  facts: mentorshipTodoFacts,
  changes: mentorshipTodoChanges,
  probe: (viewer) => mentorshipTodoRead(viewer.id, viewer.isAdmin),
});
registerTodoProvider("conversations", {
  facts: conversationTodoFacts,
  changes: conversationTodoChanges,
  probe: (viewer) => openActionsRead(viewer.id),
});
registerTodoProvider("feedback", {
  facts: feedbackTodoFacts,
  changes: feedbackTodoChanges,
  probe: feedbackTodoRead,
});
registerTodoProvider("opportunities", {
  facts: opportunityTodoFacts,
  changes: opportunityTodoChanges,
  probe: opportunityTodoRead,
});
registerTodoProvider("sponsorship", {
  facts: sponsorshipTodoFacts,
  changes: sponsorshipTodoChanges,
  probe: sponsorshipTodoRead,
});
registerTodoProvider("goals", {
  facts: goalTodoFacts,
  changes: goalTodoChanges,
  probe: (viewer, now) => checkInsDueRead(viewer.id, now),
});
registerTodoProvider("teamHealth", {
  facts: teamHealthTodoFacts,
  changes: teamHealthTodoChanges,
  probe: teamHealthTodoRead,
});
registerTodoProvider("promotions", {
  facts: promotionTodoFacts,
  changes: promotionTodoChanges,
  probe: promotionTodoRead,
});
registerTodoProvider("promotion-committees", {
  facts: committeeTodoFacts,
  changes: committeeTodoChanges,
  probe: committeeTodoRead,
});

deactivationHooks.register("feedback", async (tx, personId, now) => ({
  feedbackRequestsWithdrawn: await withdrawRequestsOfDeactivated(tx, personId, now),
}));
deactivationHooks.register("conversations", async (tx, personId, now) => ({
  conversationMeetingsWithdrawn: await withdrawConversationsOf(tx, personId, now),
}));
deactivationHooks.register("api", async (tx, personId, now) => ({
  apiTokensRevoked: await revokeTokensOf(tx, personId, now),
}));
deactivationPreviews.register("feedback", async (client, personId) => ({
  feedbackRequestsWithdrawn: await requestsEndedBy(client, personId),
}));
deactivationPreviews.register("conversations", async (client, personId, now) => {
  const { series, meetings } = await conversationsEndedBy(client, personId, now);
  return { conversationSeriesEnded: series, conversationMeetingsWithdrawn: meetings };
});
deactivationPreviews.register("api", async (client, personId) => ({
  apiTokensRevoked: await activeTokensOf(client, personId),
}));

routeCalibrationPromotions({
  take: takeCalibrationPromotions,
  decidedElsewhere: calibrationPromotionsDecidedHere,
});

joiningHooks.register("feedback", async (tx, cycleId) => ({
  upwardRequests: await askUpwardForNewParticipants(tx, cycleId),
}));

// What each module holds about a person (decision 096): erasure runs these in this order, then
// replaces the person's name and email (retention/erasure.server.ts); the retention pass removes
// their kinds of record in this order too, so retention (the leavers' erasure) stays last; the
// person's export takes each module's sections in the document's order.
for (const [module, declaration] of [
  ["assessments", assessmentsPersonalData],
  ["calibration", calibrationPersonalData],
  ["feedback", feedbackPersonalData],
  ["conversations", conversationsPersonalData],
  ["mentorship", mentorshipPersonalData],
  ["hiring", hiringPersonalData],
  ["promotions", promotionsPersonalData],
  ["opportunities", opportunitiesPersonalData],
  ["sponsorship", sponsorshipPersonalData],
  ["goals", goalsPersonalData],
  ["team-health", teamHealthPersonalData],
  ["growth", growthPersonalData],
  ["cycles", cyclesPersonalData],
  ["data-rights", dataRightsPersonalData],
  ["identity", identityPersonalData],
  ["notifications", notificationsPersonalData],
  ["api", apiPersonalData],
  ["audit", auditPersonalData],
  ["people", peoplePersonalData],
  ["ladders", laddersPersonalData],
  ["webhooks", webhooksPersonalData],
  ["todo", todoPersonalData],
  ["operations", operationsPersonalData],
  ["retention", retentionPersonalData],
] as const)
  personalData.register(module, declaration);
