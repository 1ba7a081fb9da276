import type { ResourceLanguage } from "i18next";
import common from "./common.json";
import admin from "./admin.json";
import api from "./api.json";
import assessments from "./assessments.json";
import auth from "./auth.json";
import calibration from "./calibration.json";
import conversations from "./conversations.json";
import cycles from "./cycles.json";
import email from "./email.json";
import personalExports from "./exports.json";
import feedback from "./feedback.json";
import growth from "./growth.json";
import hiring from "./hiring.json";
import home from "./home.json";
import insights from "./insights.json";
import ladders from "./ladders.json";
import ladderChecks from "./ladderChecks.json";
import mentorship from "./mentorship.json";
import opportunities from "./opportunities.json";
import goals from "./goals.json";
import panels from "./panels.json";
import people from "./people.json";
import sponsorship from "./sponsorship.json";
import retention from "./retention.json";
import promotions from "./promotions.json";
import promotionsCommittee from "./promotionsCommittee.json";
import accessAudit from "./access-audit.json";
import promotionsAudit from "./promotions-audit.json";
import team from "./team.json";
import teamHealth from "./teamHealth.json";
import teamHealthLive from "./teamHealthLive.json";
import webhooks from "./webhooks.json";

/** Every namespace of this language: one module, so the browser loads the viewer's language as one chunk. */
export default {
  common,
  admin,
  assessments,
  auth,
  calibration,
  conversations,
  cycles,
  email,
  feedback,
  growth,
  hiring,
  home,
  insights,
  ladders,
  mentorship,
  people,
  team,
  teamHealth,
  teamHealthLive,
  webhooks,
  api,
  opportunities,
  goals,
  sponsorship,
  exports: personalExports,
  retention,
  panels,
  promotions,
  promotionsCommittee,
  accessAudit,
  promotionsAudit,
  ladderChecks,
} satisfies ResourceLanguage;
