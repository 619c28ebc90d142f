/** One parameter of the formula builder: a date input, a list of choices, or a text field. */
import { ParamKind, ParamSpec } from "../../catalogue";
import { choicesFor, controlFor } from "../builder";
import { Child, breakable, el, replace } from "../dom";
import { nameDropdown } from "../dropdown";
import { humanLabel } from "../labels";
import { displayText, readDate, weekdayDate } from "../format";

const PLACEHOLDERS: Partial<Record<ParamKind, string>> = {
  price: "e.g. 3.17 or B2",
  fraction: "e.g. 0.5 or B2",
  money: "e.g. 5000000, B2 or B2:B9",
  number: "e.g. 21 or B2",
  column: "e.g. {2004,2005,2006} or A2:A4",
  flags: "e.g. {TRUE,FALSE} or C2:C4",
  dates: "a range of dates, e.g. H2:H5",
  text: "e.g. SEP 4(c)(i)",
};

export interface FormField {
  element: HTMLElement;
  /** The input as the builder reads it at first: empty, so a required keyword is chosen, never guessed. */
  initial: string;
  showError(message: string): void;
}

type ValueElement = HTMLElement & { value: string };

export function formField(
  param: ParamSpec,
  help: string | undefined,
  onChange: (value: string) => void
): FormField {
  const id = `fn-field-${param.name}`;
  const helpId = `${id}-help`;
  const kind = controlFor(param);
  const name: Child[] = [
    el("span", { class: "field-name" }, humanLabel(param.name)),
    " ",
    el("code", { class: "field-code" }, breakable(param.name)),
    param.optional ? el("span", { class: "param-tag" }, "optional") : null,
  ];
  const ariaLabel = `${humanLabel(param.name)}${param.optional ? " (optional)" : ""}`;
  const described = help ? helpId : undefined;
  let control: HTMLElement;
  let echo: HTMLElement | null = null;
  const initial = "";

  if (kind === "date") {
    // Typed, not a browser date picker: those show the machine's locale (03/31/2005).
    control = el("fluent-text-input", {
      class: "field-text",
      attrs: { id, "aria-label": ariaLabel, placeholder: "31 Mar 2005", autocomplete: "off" },
    });
    const shown = el("div", { class: "field-echo", attrs: { "aria-live": "polite" } });
    control.addEventListener("input", () => {
      const serial = readDate((control as ValueElement).value);
      replace(shown, serial === undefined ? "" : weekdayDate(serial));
      onChange((control as ValueElement).value);
    });
    echo = shown;
  } else if (kind === "choice") {
    const choices = choicesFor(param);
    const helpOf = (value: string) => param.choices?.find((choice) => choice.value === value)?.help;
    control = el(
      "fluent-dropdown",
      {
        class: "field-select",
        attrs: {
          id,
          "aria-label": ariaLabel,
          placeholder: param.optional
            ? `(default${param.default ? `: ${param.default}` : ""})`
            : "Choose…",
        },
      },
      el(
        "fluent-listbox",
        { attrs: { id: `${id}-options` } },
        ...(param.optional
          ? [
              el(
                "fluent-option",
                { attrs: { value: "" } },
                `(default${param.default ? `: ${param.default}` : ""})`
              ),
            ]
          : []),
        ...choices.map((choice) =>
          el("fluent-option", { attrs: { value: choice, title: helpOf(choice) } }, choice)
        )
      )
    );
    nameDropdown(control, ariaLabel);
    const valueOf = () => (control as { value: string | null } & HTMLElement).value ?? "";
    // What the chosen keyword means, under the list (the list itself stays one line wide).
    const meaning = el("div", { class: "field-echo" });
    control.addEventListener("change", () => {
      replace(meaning, helpOf(valueOf()) ?? "");
      onChange(valueOf());
    });
    echo = meaning;
  } else {
    control = el("fluent-text-input", {
      class: "field-text",
      attrs: { id, "aria-label": ariaLabel, placeholder: PLACEHOLDERS[param.kind] ?? "" },
    });
    control.addEventListener("input", () => onChange((control as ValueElement).value));
  }

  if (described) control.setAttribute("aria-describedby", described);
  // Fluent controls carry their name in aria-label (their input sits in a shadow root a
  // <label for> cannot reach), so the visible name is not read twice.
  const label = el("span", { class: "field-label", attrs: { "aria-hidden": "true" } }, ...name);
  const error = el("div", { class: "field-error", attrs: { id: `${id}-error`, role: "alert" } });
  const element = el(
    "div",
    { class: "field" },
    label,
    control,
    echo,
    help ? el("p", { class: "field-help", attrs: { id: helpId } }, displayText(help)) : null,
    error
  );
  const showError = (message: string) => {
    replace(error, message);
    element.classList.toggle("field-invalid", message !== "");
    if (message) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  };
  return { element, initial, showError };
}
