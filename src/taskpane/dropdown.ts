/**
 * Fluent 3's dropdown, made whole for assistive technology and for values chosen before it has
 * rendered. Plain DOM: the tabs that use it load Fluent themselves (fluent.ts).
 */
type Dropdown = HTMLElement & {
  listbox?: HTMLElement;
  control?: HTMLElement;
  value: string | null;
};

/**
 * Runs `use` once the dropdown has found its list and rendered its control: it does both after it
 * connects, each announced by a slotchange. Before then its control cannot be named, and selecting
 * throws inside Fluent.
 */
function whenRendered(dropdown: Dropdown, use: (control: HTMLElement) => void): void {
  const control = () => (dropdown.listbox ? dropdown.control : undefined);
  const ready = control();
  if (ready) {
    use(ready);
    return;
  }
  const root = dropdown.shadowRoot;
  const onSlotChange = () => {
    const rendered = control();
    if (!rendered) return;
    root?.removeEventListener("slotchange", onSlotChange);
    use(rendered);
  };
  root?.addEventListener("slotchange", onSlotChange);
}

/**
 * Names a dropdown's control. Fluent 3's dropdown renders its combobox button in the light DOM,
 * names it by its text only (an empty selection leaves it nameless: axe's button-name) and writes
 * aria-expanded only once the list has opened (a combobox must always carry it).
 */
export function nameDropdown(dropdown: HTMLElement, label: string): void {
  whenRendered(dropdown as Dropdown, (control) => {
    control.setAttribute("aria-label", label);
    if (!control.hasAttribute("aria-expanded")) control.setAttribute("aria-expanded", "false");
  });
}

/** Chooses a dropdown's option, at once or as soon as it has rendered. */
export function chooseDropdownValue(dropdown: Dropdown, value: string): void {
  whenRendered(dropdown, () => {
    dropdown.value = value;
  });
}
