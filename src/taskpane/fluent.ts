/**
 * Registers the Fluent UI web components (v3, the maintained line) and applies the Fluent theme that
 * matches Office's: light, dark or high contrast (theme.ts). The pane loads this chunk once its
 * first view is on screen: until then taskpane.css draws the undefined tabs and buttons like them,
 * so that the first explanation does not wait for Fluent to be built.
 */
import {
  Button,
  ButtonDefinition,
  Checkbox,
  CheckboxDefinition,
  Dropdown,
  DropdownDefinition,
  DropdownOption,
  DropdownOptionDefinition,
  Listbox,
  ListboxDefinition,
  Spinner,
  SpinnerDefinition,
  Tab,
  TabDefinition,
  Tablist,
  TablistDefinition,
  TextInput,
  TextInputDefinition,
  setTheme,
} from "@fluentui/web-components";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/tokens";
import type { PaneTheme } from "./theme";

/** Leaves first, so that a control whose parts are already in the page upgrades whole. */
export function registerFluent(): void {
  Listbox.define(ListboxDefinition);
  DropdownOption.define(DropdownOptionDefinition);
  Dropdown.define(DropdownDefinition);
  Checkbox.define(CheckboxDefinition);
  TextInput.define(TextInputDefinition);
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
