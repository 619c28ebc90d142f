/**
 * Registers the Fluent UI web components the pane uses, and no others, with the font stack of
 * Office on each platform (no web font is downloaded).
 */
import {
  bodyFont,
  fluentButton,
  fluentCheckbox,
  fluentOption,
  fluentProgressRing,
  fluentSelect,
  fluentTab,
  fluentTabPanel,
  fluentTabs,
  fluentTextField,
  provideFluentDesignSystem,
} from "@fluentui/web-components";

export const FONT_STACK = '"Segoe UI Variable Text", "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif';

export function registerFluent(): void {
  bodyFont.withDefault(FONT_STACK);
  provideFluentDesignSystem().register(
    fluentButton(),
    fluentCheckbox(),
    fluentOption(),
    fluentProgressRing(),
    fluentSelect(),
    fluentTab(),
    fluentTabPanel(),
    fluentTabs(),
    fluentTextField(),
  );
}
