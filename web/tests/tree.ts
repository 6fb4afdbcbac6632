// Components rendered without a DOM, for tests of what a screen says: the
// tree of elements with their props and children, and its text. Function
// components are called as they are; only those without hooks can be.
import type { ComponentChild, VNode } from 'preact';

export interface Node {
  type: string;
  props: Record<string, unknown>;
  children: (Node | string)[];
}

export function render(node: ComponentChild): (Node | string)[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(render);
  const v = node as VNode<Record<string, unknown>>;
  if (typeof v.type === 'function') return render((v.type as (p: unknown) => ComponentChild)(v.props));
  return [{ type: String(v.type), props: v.props, children: render(v.props.children as ComponentChild) }];
}

export const nodes = (tree: (Node | string)[]): Node[] =>
  tree.flatMap((n) => (typeof n === 'string' ? [] : [n, ...nodes(n.children)]));
export const text = (n: Node | string | (Node | string)[]): string =>
  Array.isArray(n) ? n.map(text).join('') : typeof n === 'string' ? n : n.children.map(text).join('');
export const find = (tree: (Node | string)[], type: string): Node[] => nodes(tree).filter((n) => n.type === type);
