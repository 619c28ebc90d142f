/** What the pane needs from Office, passed to the views so that they never touch globals. */
import { SettingsStore } from "./settings";

export interface Host {
  /** Runs a batch against the workbook (Excel.run). */
  excel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** The document's settings (Office.context.document.settings). */
  settings: SettingsStore;
}
