/**
 * The pane follows Office's theme. Office.context.officeTheme gives the host theme's colours (not
 * its name), so dark is read from the body background's lightness; a high-contrast theme is the
 * system's (Windows turns on forced colours in the pane's web view). Outside Office, the system's
 * light or dark preference applies.
 */
export type PaneTheme = "light" | "dark" | "contrast";

interface OfficeColours {
  bodyBackgroundColor?: string;
}

interface SystemPreferences {
  prefersDark: boolean;
  forcedColors: boolean;
}

/** Relative luminance of "#rrggbb" (WCAG 2), or undefined when it is not such a colour. */
function luminance(colour: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour?.trim() ?? "");
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Below this luminance a background is dark (mid-grey, #777777, is about 0.18). */
const DARK_BELOW = 0.18;

export function themeOf(office: OfficeColours | undefined, system: SystemPreferences): PaneTheme {
  if (system.forcedColors) return "contrast";
  const background = luminance(office?.bodyBackgroundColor);
  if (background === undefined) return system.prefersDark ? "dark" : "light";
  return background < DARK_BELOW ? "dark" : "light";
}

/** The theme applyTheme last set. */
export function appliedTheme(): PaneTheme {
  return (document.documentElement.dataset.theme as PaneTheme | undefined) ?? "light";
}

/** Sets the theme on <html> (taskpane.css keys its colours on data-theme). */
export function applyTheme(theme: PaneTheme): void {
  document.documentElement.dataset.theme = theme;
}
