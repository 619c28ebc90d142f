/**
 * The only way the taskpane builds markup: elements and text nodes, never HTML strings, so text
 * from a workbook or the agreements can never become markup or script.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Attributes, set with setAttribute; `style` and `on*` are refused (CSP and escaping rules). */
  attrs?: Record<string, string | boolean | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function el(tag: string, props?: Props, ...children: Child[]): HTMLElement;
export function el(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^(style|on)/i.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const [type, listener] of Object.entries(props.on ?? {}))
    if (listener) element.addEventListener(type, listener);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child))
        : child
    );
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** The next occurrence of `word` in `text` from `from` that begins a word, or -1. */
function wordStart(text: string, word: string, from: number): number {
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i === 0 || !/[a-z0-9]/i.test(text[i - 1])) return i;
  }
  return -1;
}

/** Text with the words wrapped in <mark> where they begin a word (any case), as DOM nodes. */
export function highlighted(text: string, words: readonly string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const wanted = words.map((w) => w.toLowerCase()).filter((w) => w.length >= 2);
  const lower = text.toLowerCase();
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let length = 0;
    for (const word of wanted) {
      const found = wordStart(lower, word, at);
      if (found >= 0 && (next < 0 || found < next || (found === next && word.length > length))) {
        next = found;
        length = word.length;
      }
    }
    if (next < 0) break;
    append(fragment, text.slice(at, next), el("mark", {}, text.slice(next, next + length)));
    at = next + length;
  }
  append(fragment, text.slice(at));
  return fragment;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from taskpane.html`);
  return found as T;
}

/** An identifier that may wrap after its underscores and dots in a narrow pane ("termination_<wbr>date"). */
export function breakable(identifier: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let part = "";
  for (const ch of identifier) {
    part += ch;
    if (ch === "_" || ch === ".") {
      append(fragment, part, el("wbr"));
      part = "";
    }
  }
  append(fragment, part);
  return fragment;
}

/**
 * Runs `work` once the browser has painted what is on screen now: for what can wait a frame (a
 * chart under the explanation), so that the explanation itself shows first.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
