import { registerDeactivationHook } from "~/modules/people/deactivation.server";
import { registerTodoProvider } from "~/modules/todo/todo.server";
import { calibrationTodoChanges, calibrationTodoFacts } from "~/modules/calibration/todo.server";
import { conversationTodoChanges, conversationTodoFacts } from "~/modules/conversations/todo.server";
import { withdrawConversationsOf } from "~/modules/conversations/series.server";
import { reviewTodoChanges, reviewTodoFacts } from "~/modules/cycles/todo.server";
import { withdrawRequestsOfDeactivated } from "~/modules/feedback/feedback.server";
import { feedbackTodoChanges, feedbackTodoFacts } from "~/modules/feedback/todo.server";
import { hiringTodo, hiringTodoChanges } from "~/modules/hiring/todo.server";
import { mentorshipTodoChanges, mentorshipTodoFacts } from "~/modules/mentorship/todo.server";

/**
 * Every workflow's part in what the shared modules gather, registered in one place: the to-do
 * list's providers (todo) and what a deactivation ends (people). The shared modules import no
 * workflow, so importing this module is how each way in brings the workflows along: the app's
 * server entry, the server's background jobs, the scripts and the tests' setup. Both registries
 * refuse to run empty, so a way in that forgot it fails at once rather than leave work undone.
 */

registerTodoProvider("reviews", { facts: reviewTodoFacts, changes: reviewTodoChanges });
registerTodoProvider("calibration", { facts: calibrationTodoFacts, changes: calibrationTodoChanges });
registerTodoProvider("hiring", { facts: (viewer) => hiringTodo(viewer.id), changes: hiringTodoChanges });
registerTodoProvider("mentorship", { facts: mentorshipTodoFacts, changes: mentorshipTodoChanges });
registerTodoProvider("conversations", { facts: conversationTodoFacts, changes: conversationTodoChanges });
registerTodoProvider("feedback", { facts: feedbackTodoFacts, changes: feedbackTodoChanges });

registerDeactivationHook("feedback", async (tx, personId, now) => ({ feedbackRequestsWithdrawn: await withdrawRequestsOfDeactivated(tx, personId, now) }));
registerDeactivationHook("conversations", async (tx, personId, now) => ({ conversationMeetingsWithdrawn: await withdrawConversationsOf(tx, personId, now) }));
