/** Test helpers for feeds: a dependency-free XML well-formedness check. */
import assert from 'node:assert/strict';

/**
 * A small XML 1.0 well-formedness check: every tag balanced, attributes quoted, every `&` an
 * entity, no character XML forbids. Enough to catch what a renderer gets wrong.
 */
export function assertWellFormedXml(xml: string): void {
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, 'no character illegal in XML 1.0');
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    const m = token.exec(body);
    assert.ok(m, `malformed XML near: ${body.slice(pos, pos + 60)}`);
    pos = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      assert.doesNotMatch(text, entity, `bare & in text: ${text.slice(0, 60)}`);
      if (stack.length === 0) assert.match(text, /^\s*$/, 'text outside the root element');
      continue;
    }
    assert.doesNotMatch(attrs ?? '', entity, `bare & in attributes of <${name}>`);
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  assert.deepEqual(stack, [], 'every element closed');
  assert.equal(roots, 1, 'one root element');
}
