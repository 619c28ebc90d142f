/**
 * The Clauses, Functions and Audit tabs, in a chunk of their own: the pane loads it once the first
 * explanation is on screen, or at once when a tab or a link needs it, and mounts it once Fluent's
 * components are registered (fluent.ts), so that each control upgrades whole on insertion.
 */
import { byId } from "./dom";
import { Host } from "./host";
import { AuditState, mountAudit } from "./views/audit";
import { mountBank } from "./views/bank";
import { ClausesView, mountClauses } from "./views/clauses";
import { LAZY_TABS, Navigation } from "./views/common";
import { FunctionsView, mountFunctions } from "./views/functions";

export interface Panels {
  clauses: ClausesView;
  functions: FunctionsView;
}

export function mountPanels(host: Host, nav: Navigation, state: AuditState): Panels {
  // taskpane.html keeps each lazy panel's markup in a template until now.
  for (const tab of LAZY_TABS)
    byId(`panel-${tab}`).replaceChildren(byId<HTMLTemplateElement>(`panel-${tab}-body`).content);
  mountAudit(host, state);
  mountBank(host);
  return { clauses: mountClauses(host, nav), functions: mountFunctions(host, nav, state) };
}
