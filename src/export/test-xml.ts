/**
 * A small strict XML parser for tests of what we write: elements, attributes (quoted), text,
 * the five entities and character references, comments and the XML declaration. It throws on
 * anything not well-formed (unclosed or mismatched tags, bare '&' or '<', duplicate attributes).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(s)) throw new Error(`not well-formed text: ${s.slice(0, 80)}`);
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? ''),
  );
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const NAME = /[A-Za-z_:][\w:.-]*/y;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const top = stack[stack.length - 1] as XmlElement;
    if (text.trim()) {
      if (stack.length === 1) throw new Error('text outside the root element');
      top.text += decode(text);
    }
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) throw new Error('unclosed declaration');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('</', lt)) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(xml);
      if (!m) throw new Error(`bad end tag at ${lt}`);
      const el = stack.pop();
      if (!el || el.name !== m[0]) throw new Error(`mismatched </${m[0]}> for <${el?.name}>`);
      const close = xml.indexOf('>', lt);
      if (xml.slice(NAME.lastIndex, close).trim()) throw new Error('junk in end tag');
      i = close + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(xml);
      if (!m) throw new Error(`bad start tag at ${lt}`);
      const el: XmlElement = { name: m[0], attributes: {}, children: [], text: '' };
      let j = NAME.lastIndex;
      for (;;) {
        while (/\s/.test(xml[j] ?? '')) j++;
        if (xml.startsWith('/>', j)) {
          j += 2;
          top.children.push(el);
          break;
        }
        if (xml[j] === '>') {
          j += 1;
          top.children.push(el);
          stack.push(el);
          break;
        }
        NAME.lastIndex = j;
        const an = NAME.exec(xml);
        if (!an || xml[NAME.lastIndex] !== '=') throw new Error(`bad attribute at ${j}`);
        const q = xml[NAME.lastIndex + 1];
        if (q !== '"' && q !== "'") throw new Error('unquoted attribute');
        const end = xml.indexOf(q, NAME.lastIndex + 2);
        if (end < 0) throw new Error('unclosed attribute');
        if (an[0] in el.attributes) throw new Error(`duplicate attribute ${an[0]}`);
        el.attributes[an[0]] = decode(xml.slice(NAME.lastIndex + 2, end));
        j = end + 1;
      }
      if (stack.length === 1 && root.children.length > 1) throw new Error('more than one root element');
      i = j;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const only = root.children[0];
  if (!only || root.children.length !== 1) throw new Error('no single root element');
  return only;
}

/** All descendants named `name`. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
