// Minimal well-formedness check for feeds and sitemaps through sax in strict mode (sax comes with the `feed` package).
import { createRequire } from 'node:module';

interface SaxParser {
  onerror: (err: Error) => void;
  onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  write: (xml: string) => SaxParser;
  close: () => void;
}
const sax = createRequire(import.meta.url)('sax') as { parser: (strict: boolean) => SaxParser };

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses strictly (throws on any well-formedness error) into a small element tree. */
export function parseXml(xml: string): XmlNode {
  const parser = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (err) => {
    throw err;
  };
  parser.onopentag = (node) => {
    const el: XmlNode = { name: node.name, attributes: node.attributes, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = parser.oncdata = (text) => {
    stack.at(-1)!.text += text;
  };
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`expected one root element, found ${root.children.length}`);
  return root.children[0]!;
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
