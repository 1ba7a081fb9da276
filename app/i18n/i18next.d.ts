import "i18next";
import type en from "~/locales/en";

// English is the source: `t` accepts only keys English has, in any namespace (`auth:login.heading`).
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en;
  }
}
