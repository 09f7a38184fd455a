// PDF reports to text lines with pdf.js: one pass of getTextContent over the pages, the
// fragments placed in page coordinates, and each page laid out by pdf-layout.ts.

import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as v8 from 'node:v8';
import { ReportReadError, readFailure } from './errors';
import { joinPages, layoutPage, type Fragment, type PageText } from './pdf-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<PdfJs> | undefined;

/** pdf.js with its worker code run in this thread: no worker file to locate, no fetching. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const globals = globalThis as { pdfjsWorker?: unknown };
    globals.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

// ---------------------------------------------------------------------------------------------
// pdf.js's own unhandled rejections
//
// While it opens a document, pdf.js fetches the page dictionaries of the top-level /Kids ahead
// of need (Catalog.getPageDict, pdf.js 5.6) and keeps the promises for later. When one of those
// fetches fails (a damaged XRef entry: "Inconsistent generation in XRef") and no page asks for
// it, nothing ever handles that rejection, and an unhandled rejection ends a Node process. The
// failures that matter still reach us through the document's own promises.
//
// So every promise created while a document opens, in that document's async context, gets a
// no-op handler. Nothing else is touched: promises of other work (even running meanwhile) are
// not in that context, and the promise hook is on only while a document opens.

const opening = new AsyncLocalStorage<true>();
let openingDocuments = 0;
let stopPromiseHook: (() => void) | undefined;
/** (the no-op handler's own promise is not given one) */
let marking = false;
const ignore = () => undefined;

function markHandled(promise: Promise<unknown>): void {
  if (marking || opening.getStore() !== true) return;
  marking = true;
  try {
    promise.catch(ignore);
  } finally {
    marking = false;
  }
}

/** Runs `open` (the opening of a document) with the promises it creates marked as handled. */
async function whileOpening<T>(open: () => Promise<T>): Promise<T> {
  if (openingDocuments++ === 0) stopPromiseHook = v8.promiseHooks?.onInit(markHandled) as (() => void) | undefined;
  try {
    return await opening.run(true, open);
  } finally {
    if (--openingDocuments === 0) {
      stopPromiseHook?.();
      stopPromiseHook = undefined;
    }
  }
}

/** The directory of the pdfjs-dist package (CMaps for CJK fonts, standard font metrics). */
function pdfjsAssets(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  } catch {
    return {};
  }
}

const assets = pdfjsAssets();

/** getDocument options shared with the benchmark, so both measure the same work. */
export function pdfDocumentOptions(bytes: Uint8Array) {
  return {
    // pdf.js takes ownership of the buffer it is given
    data: new Uint8Array(bytes),
    ...assets,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  };
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/**
 * A text item in viewport coordinates (y down). pdf.js reports vertical-font text with its
 * advance in `height`; rotated text has its direction in the transform.
 */
function toFragment(item: TextItemLike, viewport: number[], multiply: PdfJs['Util']['transform']): Fragment | undefined {
  const text = item.str;
  if (!text || !text.trim()) return undefined;
  const [a, b, c, d, e, f] = multiply(viewport, item.transform);
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  if (size <= 0) return undefined;
  const glyphs = text.trim().length;
  if (Math.abs(b) > Math.abs(a) * 2) {
    // rotated a quarter turn: runs up or down the page
    const dy = (b > 0 ? 1 : -1) * item.width;
    const top = Math.min(f, f + dy);
    return { text, x0: e - size, x1: e, top, bottom: top + Math.abs(dy), baseline: top, size, vertical: true };
  }
  // a run of CJK taller than wide is set top to bottom (narrow digits can be taller than wide)
  if (glyphs >= 2 && item.height > item.width * 1.5 && item.width > 0 && /[\u3400-\u9fff]/.test(text)) {
    return { text, x0: e, x1: e + item.width, top: f, bottom: f + item.height, baseline: f, size: item.width, vertical: true };
  }
  const width = item.width > 0 ? item.width : glyphs * size;
  return { text, x0: e, x1: e + width, top: f - size * 0.88, bottom: f + size * 0.12, baseline: f, size, vertical: false };
}

/**
 * The viewport transform, turned a quarter when most of the page's text runs up or down
 * (a landscape table printed sideways on a portrait page), so that its lines read across.
 */
function uprightTransform(
  items: TextItemLike[],
  viewport: { transform: number[]; width: number; height: number },
  multiply: PdfJs['Util']['transform'],
): { transform: number[]; height: number } {
  let down = 0;
  let up = 0;
  for (const item of items) {
    if (!item.str.trim()) continue;
    const [a, b] = multiply(viewport.transform, item.transform);
    if (Math.abs(b) > Math.abs(a) * 2) {
      if (b > 0) down++;
      else up++;
    }
  }
  const counted = items.filter((i) => i.str.trim()).length;
  const { width: w, height: h } = viewport;
  // (x, y) → (y, w − x) turns text running down to run right; (x, y) → (h − y, x) the other way
  if (down > counted / 2) return { transform: multiply([0, -1, 1, 0, 0, w], viewport.transform), height: w };
  if (up > counted / 2) return { transform: multiply([0, 1, -1, 0, h, 0], viewport.transform), height: w };
  return { transform: viewport.transform, height: h };
}

function openFailure(cause: unknown, file?: string): ReportReadError {
  const name = (cause as { name?: string })?.name;
  if (name === 'PasswordException') return new ReportReadError('this PDF is password-protected', file);
  if (name === 'InvalidPDFException') return new ReportReadError('cannot read this PDF: the file is damaged or not a PDF', file);
  return readFailure('cannot read this PDF: the file is damaged', cause, file);
}

/** Extracts the text lines of a PDF (see pdf-layout.ts for the layout of tables). */
export async function pdfToText(bytes: Uint8Array, file?: string): Promise<string> {
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch (cause) {
    pdfjsLoading = undefined;
    throw readFailure('cannot read PDF files: pdf.js could not be loaded', cause, file);
  }
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await whileOpening(() => {
      task = pdfjs.getDocument(pdfDocumentOptions(bytes));
      return task.promise;
    });
  } catch (cause) {
    await task?.destroy().catch(ignore);
    throw openFailure(cause, file);
  }
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItemLike[] = [];
      for (const item of content.items) if (isTextItem(item)) items.push(item);
      const { transform, height } = uprightTransform(items, viewport, pdfjs.Util.transform);
      const fragments: Fragment[] = [];
      for (const item of items) {
        const fragment = toFragment(item, transform, pdfjs.Util.transform);
        if (fragment) fragments.push(fragment);
      }
      pages.push(layoutPage(fragments, height));
      page.cleanup();
    }
    return joinPages(pages).join('\n');
  } catch (cause) {
    throw cause instanceof ReportReadError ? cause : readFailure('cannot read this PDF: a page is damaged', cause, file);
  } finally {
    // (destroys the loading task too)
    await doc.destroy().catch(ignore);
  }
}
