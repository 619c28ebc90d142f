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

export function registerFluent(): void {
  // One font stack: the pane's stylesheet (taskpane.css) names it as --font.
  bodyFont.withDefault(
    getComputedStyle(document.documentElement).getPropertyValue("--font").trim()
  );
  provideFluentDesignSystem().register(
    fluentButton(),
    fluentCheckbox(),
    fluentOption(),
    fluentProgressRing(),
    fluentSelect(),
    fluentTab(),
    fluentTabPanel(),
    fluentTabs(),
    fluentTextField()
  );
}
