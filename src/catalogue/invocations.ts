/**
 * What Excel passed to each BTU call, and facts about the open workbook, shared between the custom
 * functions and the taskpane. In the shared runtime both bundles run in one window but each has its
 * own copy of this module, so the state lives on globalThis under a registered symbol: whichever
 * bundle loads first creates it, and the other finds the same object.
 */
import type { RawArgument } from "./coerce";
import { parseReference } from "./cellReferences";

export interface RecordedInvocation {
  name: string;
  /** The arguments as the function received them (after Excel evaluated every expression). */
  args: RawArgument[];
  /** Where each argument came from, when Excel says (CustomFunctionsRuntime 1.3). */
  parameterAddresses?: string[];
  /** Increases with every recorded call: the pane tells a fresh recording from one it has seen. */
  sequence: number;
}

interface SharedState {
  /** By cell key, then by function name: the latest call of that function from that cell. */
  calls: Map<string, Map<string, RecordedInvocation>>;
  sequence: number;
  date1904?: boolean;
}

const KEY = Symbol.for("btu-contract-functions.shared-state");

/** Recordings kept; the oldest cells are forgotten first, so a huge workbook cannot exhaust memory. */
const MAX_CELLS = 16_384;

function shared(): SharedState {
  const global = globalThis as { [KEY]?: SharedState };
  global[KEY] ??= { calls: new Map(), sequence: 0 };
  return global[KEY];
}

/** "Sheet1!$B$4", "'My sheet'!B4" and "my sheet!b4" name one cell: Excel ignores case in sheet names. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address.replace(/\$/g, "").toUpperCase()}`;
}

function keyOfAddress(address: string): string | undefined {
  const ref = parseReference(address);
  return ref.sheet === undefined ? undefined : cellKey(ref.sheet, ref.area.split(":")[0]);
}

export function recordInvocation(
  name: string,
  args: RawArgument[],
  address: string | undefined,
  parameterAddresses?: string[]
): void {
  const key = address ? keyOfAddress(address) : undefined;
  if (!key) return;
  const state = shared();
  let byName = state.calls.get(key);
  if (byName)
    state.calls.delete(key); // re-inserted last: the Map's order is recency
  else byName = new Map();
  state.calls.set(key, byName);
  byName.set(name, { name, args, parameterAddresses, sequence: ++state.sequence });
  if (state.calls.size > MAX_CELLS) state.calls.delete(state.calls.keys().next().value!);
}

/** The latest recorded call of each BTU function from this cell. */
export function recordedCalls(
  sheet: string,
  address: string
): ReadonlyMap<string, RecordedInvocation> {
  return shared().calls.get(cellKey(sheet, address)) ?? new Map();
}

/** The workbook's date system, once the pane has read it from Excel; undefined before. */
export function workbookDate1904(): boolean | undefined {
  return shared().date1904;
}

export function setWorkbookDate1904(date1904: boolean): void {
  shared().date1904 = date1904;
}
