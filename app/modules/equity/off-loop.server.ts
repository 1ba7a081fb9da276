import type { PersonFloors } from "~/modules/disclosure/floor";
import { offLoop } from "~/platform/off-loop.server";
import {
  equityAuditWithFloors,
  type Audit,
  type AuditRelease,
  type AuditSpec,
  type AuditUnit,
} from "./audit";

const task = offLoop("app/modules/equity/audit.ts", "equityAuditWithFloors", equityAuditWithFloors);

/**
 * `equityAudit` on the process's compute thread (decision 133): the check over every unit's history
 * is the one part of a kept audit view that grows past seconds (two minutes over 200,000 people),
 * and the page loop stays free meanwhile. Same figures as `equityAudit`.
 */
export function equityAuditOffLoop(
  spec: AuditSpec,
  units: readonly AuditUnit[],
  floors: PersonFloors,
  options: AuditRelease = {},
): Promise<Audit> {
  return task(spec, units, floors.raised, options);
}
