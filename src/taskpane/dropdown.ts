/**
 * Fluent 3's dropdown, made whole for assistive technology and for values chosen before it has
 * found its list. Plain DOM: the tabs that use it load Fluent themselves (fluent.ts).
 */
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

type Dropdown = HTMLElement & {
  listbox?: HTMLElement;
  control?: HTMLElement;
  value: string | null;
};

/**
 * Chooses a dropdown's option. After it connects, the dropdown finds its list and renders its
 * control, each announced by a slotchange; selecting before both are there throws inside Fluent.
 * A value given sooner waits for them.
 */
export function chooseDropdownValue(dropdown: Dropdown, value: string): void {
  const ready = () => dropdown.listbox !== undefined && dropdown.control !== undefined;
  if (ready()) {
    dropdown.value = value;
    return;
  }
  const root = dropdown.shadowRoot;
  const onSlotChange = () => {
    if (!ready()) return;
    root?.removeEventListener("slotchange", onSlotChange);
    dropdown.value = value;
  };
  root?.addEventListener("slotchange", onSlotChange);
}
