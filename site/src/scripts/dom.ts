/**
 * Builds elements with text set through textContent only: user text can never become HTML.
 * @example el('p', { class: 'muted' }, 'Hello <b>', el('a', { href: '/' }, 'home'))
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | number | undefined | null | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const found = root.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`missing element ${selector}`);
  return found;
}

/** Replaces a container's content. */
export function show(container: Element, ...nodes: (Node | string)[]): void {
  container.replaceChildren(...nodes);
}

/** A polite status line for loading, empty and error states, announced to screen readers. */
export function statusLine(kind: 'loading' | 'empty' | 'error', text: string): HTMLElement {
  return el('p', { class: kind === 'error' ? 'notice error' : 'muted', role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function statusBadge(phase: string, label: string): HTMLElement {
  return el('span', { class: `status ${phase}` }, label);
}
