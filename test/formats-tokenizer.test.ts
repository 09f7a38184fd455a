// lib/formats/html-tokenizer.ts reads HTML exactly as htmlparser2's Tokenizer does without
// decoding references: the same callbacks with the same arguments, on hand-picked markup and on
// random strings made of the pieces tokenizers trip over.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { tokenize, type TokenCallbacks } from '../lib/formats/html-tokenizer';
import { CORPUS_DIR, HAS_CORPUS } from './support/corpus';

type Event = (string | number)[];

/** The callbacks as a list; <svg> (until its end tag) is foreign content, where <script>… are no raw text. */
function recorder(source: string): { events: Event[]; cbs: TokenCallbacks } {
  const events: Event[] = [];
  let foreign = false;
  const cbs: TokenCallbacks = {
    ontext: (start, end) => events.push(['text', start, end]),
    onopentagname: (start, end) => {
      events.push(['opentagname', start, end]);
      if (source.slice(start, end).toLowerCase() === 'svg') foreign = true;
    },
    onattribname: (start, end) => events.push(['attribname', start, end]),
    onattribdata: (start, end) => events.push(['attribdata', start, end]),
    onattribend: (quote, end) => events.push(['attribend', quote, end]),
    onopentagend: (end) => events.push(['opentagend', end]),
    onselfclosingtag: (end) => events.push(['selfclosingtag', end]),
    onclosetag: (start, end) => {
      events.push(['closetag', start, end]);
      if (source.slice(start, end).toLowerCase() === 'svg') foreign = false;
    },
    oncomment: (start, end, offset) => events.push(['comment', start, end, offset]),
    oncdata: (start, end, offset) => events.push(['cdata', start, end, offset]),
    ondeclaration: (start, end) => events.push(['declaration', start, end]),
    onend: () => events.push(['end']),
    isInForeignContext: () => foreign,
  };
  return { events, cbs };
}

function ours(source: string): Event[] {
  const { events, cbs } = recorder(source);
  tokenize(source, cbs);
  return events;
}

function htmlparser2(source: string): Event[] {
  const { events, cbs } = recorder(source);
  const unexpected = (name: string) => () => events.push([name]);
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    { ...cbs, ontextentity: unexpected('textentity'), onattribentity: unexpected('attribentity'), onprocessinginstruction: unexpected('pi') },
  );
  tokenizer.write(source);
  tokenizer.end();
  return events;
}

const CASES = [
  '',
  'text only',
  '<p>段落</p>',
  '<P CLASS=a>x</P >y',
  '<td colspan="2" nowrap style=\'width:1px\' data-x=a/b>1</td>',
  '<a href=x/>link</a><br/><br /><img src="a" / >',
  '<div a b = c d=>e</div>',
  '<!DOCTYPE html><!doctype HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">',
  '<!docTYP><!d><!dx><!><!-><!-->a<!--->b<!---->c<!-- x -- y --!> z --!-->',
  '<!-- a --!-->b<!-- c --!x-->d<!-- e --!--!>f<!-- g ---->h<!-- i --->j',
  '<!-- unclosed',
  '<!-- ends with dash -',
  '<!-- ends with --',
  '<!-- ends with --!',
  '<![CDATA[ x ]] ]]]> y <![CDAT <![cdata[ <![CDATA[ open',
  '<?xml version="1.0"?><? x > y',
  '</> </ x> </3> </a b="c"> </p',
  'a < b << c <3 <> <= <\u001c',
  '<script>if (a < b && c > d) {}</scr</script >x</script',
  '<SCRIPT type="x">a</script/><style>p{}</style><styles>s</styles>',
  '<title>t &amp; <b>x</b></title><textarea>a</textareax></textarea>',
  '<title>\u001c/title></title>',
  '<textarea>\u001c/textarea>\u001c\u000ftextarea </textarea>',
  '<script>\u001c/script>\u001c\u000fscript </script>',
  '<xmp><b></xmp><iframe><p></iframe><noembed>x</noembed><noframes>y</noframes>',
  '<script/>after<title/>t</title>',
  '<svg><script>a<b>c</b></script><title>x</title></svg><script>a<b></script>',
  '<plaintext>everything </plaintext> <b>',
  '<pl>a</pl><plaintex>b<plaintexts>c',
  '<scr',
  '<script',
  '<script>never closed',
  '<script>ends in </scr',
  '<div',
  '<div class="cut',
  '<div class=cut',
  '<div class',
  '<div class=',
  '</div',
  '</div x',
  '<',
  '</',
  '<!',
  '<!-',
  '<!doc',
  '<!doctype',
  '<!doctype html',
  '<![CDA',
  'x\r\ny<a\rb\fc\td\ne>',
  '<script>a\u001c/script>b</script>',
  '<textarea>a\u001c/textarea>b</textarea>',
  '<title>a\u001c/title>b</title>',
  '<script></script\u001c/script>x</script>',
  '<script></script\u000fscript>x</script>',
  '<script>/script>x</script>',
  '<plframes><b></noframes>',
  '<![CDATA[]>x]]>',
  '<![>a>',
  '<![C>b>',
  '<a b="c"/',
  "<a b='c' /",
  '<a b=c /',
  '<a/',
  '<script>x</script y',
  '<style>x</style/',
  '<script/>/script>x</script>',
  '<title/>/title>x',
];

const FRAGMENTS = [
  '<', '>', '/', '!', '?', '-', '--', '=', '"', "'", ' ', '\n', '\t', '\r', '\f', '\u001c', '[', ']', ']]>', 'a', 'B', '1', '字', '&amp;',
  '<p', '<div', '</p', '</div', '<br/>', '<td', 'class', 'style', '<!--', '-->', '--!>', '<!-->', '<![CDATA[', '<!doctype', '<!DOCTYPE html>',
  '<?', '<script', '</script', '<style', '</style', '<title', '</title', '<textarea', '</textarea', '<xmp', '</xmp', '<iframe',
  '<noembed', '</noembed', '<noframes', '</noframes', '<plaintext', '<svg', '</svg', '<s', '<t', '<n', '\u000f',
  // attributes
  ' a', ' b=c', ' c="d e"', " d='f'", '="', "='", '=x', ' / ', '/>', ' =', 'x=>',
  // names of raw-text elements, whole and in part
  'script', 'style', 'title', 'textarea', 'iframe', 'noembed', 'noframes', 'plaintext', 'xmp', 'scr', 'st', 'ti', 'tex', 'no', 'fr', 'pl', 'if', 'f',
];

describe('the HTML tokenizer reads as htmlparser2 reads', () => {
  it.each(CASES.map((c) => [c]))('%j', (source) => {
    expect(ours(source)).toEqual(htmlparser2(source));
  });

  it('random markup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (pieces) => {
        const source = pieces.join('');
        expect(ours(source)).toEqual(htmlparser2(source));
      }),
      { numRuns: Number(process.env.TOKENIZER_RUNS ?? 20_000), seed: 20260101 },
    );
  });

  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'<>/!?-="\' \nabpst[]CDATA\u001c\u000f'), maxLength: 60 }), (source) => {
        expect(ours(source)).toEqual(htmlparser2(source));
      }),
      { numRuns: Number(process.env.TOKENIZER_RUNS ?? 20_000), seed: 20260102 },
    );
  });

  it.skipIf(!HAS_CORPUS)('the corpus pages', () => {
    for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.html'))) {
      const source = readFileSync(join(CORPUS_DIR, name), 'utf8');
      expect(ours(source)).toEqual(htmlparser2(source));
    }
  });
});
