/**
 * The Clauses, Functions and Audit tabs, in a chunk of their own: the pane loads it once the first
 * explanation is on screen, or at once when a tab or a link needs it. The form controls only these
 * tabs use (text inputs, dropdowns, a checkbox) are registered here, so that opening the pane does
 * not pay for building them.
 */
import {
  Checkbox,
  CheckboxDefinition,
  Dropdown,
  DropdownDefinition,
  DropdownOption,
  DropdownOptionDefinition,
  Listbox,
  ListboxDefinition,
  TextInput,
  TextInputDefinition,
} from "@fluentui/web-components";
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
  // Defined before the markup goes in, leaves first, so that each control upgrades whole on insertion.
  Listbox.define(ListboxDefinition);
  DropdownOption.define(DropdownOptionDefinition);
  Dropdown.define(DropdownDefinition);
  Checkbox.define(CheckboxDefinition);
  TextInput.define(TextInputDefinition);
  // taskpane.html keeps each lazy panel's markup in a template until now.
  for (const tab of LAZY_TABS)
    byId(`panel-${tab}`).replaceChildren(byId<HTMLTemplateElement>(`panel-${tab}-body`).content);
  mountAudit(host, state);
  mountBank(host);
  return { clauses: mountClauses(host, nav), functions: mountFunctions(host, nav, state) };
}
