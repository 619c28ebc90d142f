/**
 * Registers the Fluent UI web components (v3, the maintained line) of the pane's first view, and
 * applies the Fluent theme that matches Office's: light, dark or high contrast (theme.ts). The
 * form controls of the other tabs are registered with them (panels.ts).
 */
import {
  Button,
  ButtonDefinition,
  Spinner,
  SpinnerDefinition,
  Tab,
  TabDefinition,
  Tablist,
  TablistDefinition,
  setTheme,
} from "@fluentui/web-components";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { PaneTheme } from "./theme";

export function registerFluent(): void {
  Button.define(ButtonDefinition);
  Spinner.define(SpinnerDefinition);
  Tab.define(TabDefinition);
  Tablist.define(TablistDefinition);
}

const THEMES = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

/** Fluent's tokens for the pane's theme, with Office's font stack (taskpane.css's --font). */
export function applyFluentTheme(theme: PaneTheme): void {
  const font = getComputedStyle(document.documentElement).getPropertyValue("--font").trim();
  setTheme({ ...THEMES[theme], fontFamilyBase: font || THEMES[theme].fontFamilyBase });
}

/** Frames to wait for a dropdown to render its control: it does once it is in the document. */
const CONTROL_FRAMES = 120;

/**
 * Names a dropdown's control. Fluent 3's dropdown renders its combobox button in the light DOM,
 * names it by its text only (an empty selection leaves it nameless: axe's button-name) and writes
 * aria-expanded only once the list has opened (a combobox must always carry it).
 */
export function nameDropdown(dropdown: HTMLElement, label: string): void {
  let frames = 0;
  const apply = () => {
    const control = dropdown.querySelector('[slot="control"]');
    if (!control) {
      if (++frames < CONTROL_FRAMES) requestAnimationFrame(apply);
      return;
    }
    control.setAttribute("aria-label", label);
    if (!control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
  };
  requestAnimationFrame(apply);
}

type Dropdown = HTMLElement & { listbox?: HTMLElement; value: string | null };

/**
 * Chooses a dropdown's option. The dropdown finds its list on a slotchange after it connects, and
 * until then has nothing to select in: a value given sooner waits for it.
 */
export function chooseDropdownValue(dropdown: Dropdown, value: string): void {
  if (dropdown.listbox) {
    dropdown.value = value;
    return;
  }
  const root = dropdown.shadowRoot;
  const onSlotChange = () => {
    if (!dropdown.listbox) return;
    root?.removeEventListener("slotchange", onSlotChange);
    dropdown.value = value;
  };
  root?.addEventListener("slotchange", onSlotChange);
}
