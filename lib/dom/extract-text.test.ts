// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractText, TextWalk } from './extract-text';

function textOf(html: string): string {
  document.body.innerHTML = html;
  return extractText(document.body).text;
}

describe('extractText', () => {
  it('joins inline elements, separates blocks with a blank line and a <br> with a line break (two with a blank line)', () => {
    expect(textOf('<p>Proud <em>Boys</em> sent</p><p>a <a href="#">John Ratcliffe</a> item</p>')).toBe(
      'Proud Boys sent\n\na John Ratcliffe item',
    );
    expect(textOf('<div>one<br>two</div><ul><li>three</li><li>four</li></ul>')).toBe('one\ntwo\n\nthree\n\nfour');
    expect(textOf('<div>one<br>\n<br>two<br> <span> </span><br>three<br></div><p>four</p>')).toBe('one\n\ntwo\n\nthree\n\nfour');
  });

  it('leaves out whitespace-only text at block starts but keeps spaces between inline elements', () => {
    expect(textOf('<div>\n  <p>\n  <b>John</b> <i>Ratcliffe</i><br></p>\n  <p hidden>x</p>\n</div>')).toBe('John Ratcliffe');
    // A block read whole keeps its edge whitespace (next to a block boundary, matching ignores it).
    expect(textOf('<div>\n  <p>\n  <b>John</b> <i>Ratcliffe</i></p>\n  <p>x</p>\n</div>')).toBe('   John Ratcliffe\n\nx');
  });

  it('turns layout whitespace into spaces so "\\n\\n" only marks blocks', () => {
    expect(textOf('<p>Proud\n\nBoys\temail</p>')).toBe('Proud  Boys email');
  });

  it('skips text a reader does not see or that is page input', () => {
    const html =
      '<p>seen</p><script>var a = "Proud Boys";</script><style>p{}</style><noscript>ns</noscript>' +
      '<template><p>tpl</p></template><textarea>ta</textarea><input value="in"><select><option>opt</option></select>' +
      '<div contenteditable="true">edit<b>able</b></div><div contenteditable="false">plain</div>' +
      '<div hidden>hid</div><span style="display: none">dn</span><span style="color:red;visibility:hidden">vh</span>' +
      '<span aria-hidden="true">aria</span>';
    expect(textOf(html)).toBe('seen\n\nplain\n\naria');
  });

  it('maps every segment (a text node, or a block of plain inline text read whole) to its span of the text', () => {
    document.body.innerHTML = '<p>ab<i>cd</i><br>x</p><p>ef <a href="#">g</a><span>h</span></p>';
    const { text, nodes, starts, ends } = extractText(document.body);
    expect(text).toBe('abcd\nx\n\nef gh');
    expect(nodes.map((node, i) => [node.nodeName.toLowerCase(), node.textContent, starts[i], ends[i]])).toEqual([
      ['#text', 'ab', 0, 2],
      ['#text', 'cd', 2, 4],
      ['#text', 'x', 5, 6],
      ['p', 'ef gh', 8, 13],
    ]);
    nodes.forEach((node, i) => expect(text.slice(starts[i], ends[i])).toBe(node.textContent));
  });

  it('walks node by node a block whose inline content changes how it reads', () => {
    const segmentsOf = (html: string) => {
      document.body.innerHTML = html;
      return extractText(document.body).nodes.map((n) => n.nodeName.toLowerCase());
    };
    expect(segmentsOf('<p>a <em>b</em></p>')).toEqual(['p']);
    // Highlighted code: a block of many spans is read whole too (the spans were checked once, in steps).
    expect(segmentsOf(`<p>${'<span>x</span>'.repeat(300)}</p>`)).toEqual(['p']);
    for (const inner of ['<br>', '<span style="color:red">b</span>', '<b hidden>b</b>', '<x-name>b</x-name>', '<svg><title>t</title></svg>', '<input>', '<em contenteditable>b</em>']) {
      expect(segmentsOf(`<p>a ${inner}</p>`)[0]).toBe('#text');
    }
    document.body.innerHTML = '<p>Director <span id="h">fallback</span> spoke</p>';
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = 'John Ratcliffe';
    expect(extractText(document.body).text).toBe('Director John Ratcliffe spoke');
    // A host deep in nested blocks, past hundreds of spans, keeps every block above it from being read whole.
    document.body.innerHTML = `<div><p>a</p><blockquote><p>${'<span>x</span>'.repeat(300)}<em><span id="h">fallback</span></em></p></blockquote></div>`;
    document.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = 'Proud Boys';
    const walk = new TextWalk(document.body);
    let steps = 0;
    while (!walk.step(16)) steps++;
    expect(steps).toBeGreaterThan(300 / 16);
    const { text, nodes } = walk.result();
    expect(text).toBe(`a\n\n${'x'.repeat(300)}Proud Boys`);
    expect(nodes.map((n) => n.nodeName.toLowerCase())[0]).toBe('p');
    expect(nodes.filter((n) => n.nodeName === '#text')).toHaveLength(301);
  });

  it('enters open shadow roots and reads slotted light children where the slot is', () => {
    document.body.innerHTML = '<div id="host"><span slot="name">John Ratcliffe</span></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Director <slot name="name"></slot> spoke</p>';
    expect(extractText(document.body).text).toBe('Director John Ratcliffe spoke');
  });

  it('tells of custom elements hosting no open shadow root, and of shadow roots it enters', () => {
    document.body.innerHTML = '<p>a <late-box>b</late-box></p><ready-box></ready-box><div-like>c</div-like>';
    const shadow = (document.querySelector('ready-box') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>d</p>';
    const custom: string[] = [];
    const roots: ShadowRoot[] = [];
    const text = extractText(document.body, { onCustomElement: (el) => custom.push(el.localName), onShadowRoot: (r) => roots.push(r) }).text;
    expect(text).toBe('a b\n\nd\n\nc');
    expect(custom).toEqual(['late-box', 'div-like']);
    expect(roots).toEqual([shadow]);
  });

  it('reads an unattached declarative shadow root in a Node DOM', () => {
    const { document: doc } = parseHTML(
      '<html><body><x-card><template shadowrootmode="open"><p>Proud Boys emails</p></template></x-card></body></html>',
    );
    expect(extractText(doc).text).toBe('Proud Boys emails');
  });

  it('keeps layout whitespace inside inline text from posing as a block break', () => {
    const text = textOf('<p>Proud\n\n   <em>Boys</em>\n  sent\r\n\temails</p>');
    expect(text).toBe('Proud     Boys   sent   emails');
    expect(text).not.toContain('\n');
  });

  it('separates text around an empty block, and around a shadow host at the end of a block', () => {
    expect(textOf('<div>a<p></p>b</div>')).toBe('a\n\nb');
    document.body.innerHTML = '<p>Director <x-name></x-name></p><p>spoke</p>';
    document.querySelector('x-name')!.attachShadow({ mode: 'open' }).innerHTML = '<b>John</b> Ratcliffe';
    expect(extractText(document.body).text).toBe('Director John Ratcliffe\n\nspoke');
  });

  it('gives the same text and offsets in a Node DOM without a full TreeWalker (linkedom)', () => {
    const html =
      '<div>\n <h2>Title</h2>\n<p>Proud <em>Boys</em> sent<br>emails <a href="#">John Ratcliffe</a></p>' +
      '<ul><li>one</li><li>two <span hidden>no</span></li></ul><script>x()</script><div>a<p></p>b</div>\n</div>';
    const { document: doc } = parseHTML(`<html><body>${html}</body></html>`);
    const node = extractText(doc);
    document.body.innerHTML = html;
    const browser = extractText(document.body);
    expect(node.text).toBe(browser.text);
    expect(node.text).toBe('Title\n\nProud Boys sent\nemails John Ratcliffe\n\none\n\ntwo \n\na\n\nb');
    expect([...node.starts]).toEqual([...browser.starts]);
    expect([...node.ends]).toEqual([...browser.ends]);
    node.nodes.forEach((n, i) => expect(node.text.slice(node.starts[i], node.ends[i])).toBe(n.textContent));
  });

  it('survives markup nested 5,000 deep in a Node DOM too', () => {
    const depth = 5000;
    const { document: doc } = parseHTML(`<html><body>${'<div><span>'.repeat(depth)}deep text${'</span></div>'.repeat(depth)}</body></html>`);
    expect(extractText(doc).text).toBe('deep text');
  });

  it('survives markup nested 5,000 deep without recursion', () => {
    const depth = 5000;
    document.body.innerHTML = '<div>'.repeat(depth) + 'deep text' + '</div>'.repeat(depth);
    expect(extractText(document.body).text).toBe('deep text');
  });

  it('walks in resumable steps with the same result', () => {
    document.body.innerHTML = '<p>a<b>b</b><br>c</p>'.repeat(50);
    const walk = new TextWalk(document.body);
    let steps = 0;
    while (!walk.step(7)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(walk.result().text).toBe(extractText(document.body).text);
  });

  it('gives any span of the text read so far, across the strings it read, while the walk goes on', () => {
    // ~165k characters in 5,000 blocks read whole and their separators.
    document.body.innerHTML = Array.from({ length: 5000 }, (_, i) => `<p>para ${i} <em>inline ${i}</em> tail text</p>`).join('');
    const whole = extractText(document.body).text;
    expect(whole.length).toBeGreaterThan(150_000);
    const walk = new TextWalk(document.body);
    while (!walk.step(500)) {
      const end = walk.length;
      const start = Math.max(0, end - 70_000);
      expect(walk.textBetween(start, end)).toBe(whole.slice(start, end));
      expect(walk.segments().nodes.length).toBe(walk.segmentCount);
    }
    for (const [a, b] of [[0, 10], [65_530, 65_545], [13, 14], [12, 16], [1, whole.length], [100_000, 100_000], [whole.length - 5, whole.length + 100]] as const) {
      expect(walk.textBetween(a, b)).toBe(whole.slice(a, b));
    }
    expect(walk.result().text).toBe(whole);
  });

  it('starts at the body when given a document', () => {
    const { document: doc } = parseHTML('<html><head><title>T</title></head><body><h1>Head</h1>line</body></html>');
    expect(extractText(doc).text).toBe('Head\n\nline');
  });
});
