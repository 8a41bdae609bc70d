import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it, without a PDF library: every page's content streams
 * are inflated (FlateDecode) and their text operators (Tj, TJ, ', ") read, the glyph codes mapped
 * to Unicode through the fonts' ToUnicode CMaps (Chromium embeds subset fonts whose codes are
 * glyph ids). Good enough to check what a page says; not a general PDF parser.
 */
export interface PdfText {
  pages: string[];
  /** All pages' text, joined. */
  text: string;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const start = m.index + m[0].length;
    const end = src.indexOf('endobj', start);
    if (end < 0) break;
    const body = src.slice(start, end);
    const s = body.search(/\bstream\r?\n/);
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body });
    } else {
      const dataStart = start + s + body.slice(s).match(/^stream\r?\n/)![0].length;
      const dataEnd = src.lastIndexOf('endstream', end);
      const dict = body.slice(0, s);
      // The stream's own length where the dictionary states it directly; otherwise everything up
      // to "endstream" but the one end-of-line marker before it. Compressed data may itself end
      // in a byte that reads as a line feed or carriage return, which must not be dropped.
      const length = dict.match(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (length && dataStart + Number(length[1]) <= dataEnd) raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
      else if (raw.subarray(-2).toString('latin1') === '\r\n') raw = raw.subarray(0, raw.length - 2);
      else if (raw.length > 0 && (raw[raw.length - 1] === 0x0a || raw[raw.length - 1] === 0x0d)) raw = raw.subarray(0, raw.length - 1);
      let stream: Buffer = raw;
      if (/\/FlateDecode/.test(dict)) {
        // A stream that does not inflate is a misread PDF: say so rather than lose its text.
        try {
          stream = inflateSync(raw);
        } catch (err) {
          throw new Error(`PDF object ${m[1]}: its stream does not inflate (${String(err)})`);
        }
      }
      objects.set(Number(m[1]), { dict, stream });
    }
    re.lastIndex = end;
  }
  return objects;
}

const refs = (s: string) => [...s.matchAll(/(\d+)\s+0\s+R/g)].map((r) => Number(r[1]));

/** A ToUnicode CMap: code (as hex, its byte width) → text. */
interface CMap {
  width: number;
  map: Map<number, string>;
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let width = 2;
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (space) width = space[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(p[1], 16), utf16(p[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(r[1], 16);
      const hi = parseInt(r[2], 16);
      if (r[4] !== undefined) {
        const base = r[4];
        const last = parseInt(base.slice(-4), 16);
        for (let c = lo; c <= hi; c++) map.set(c, utf16(base.slice(0, -4) + (last + c - lo).toString(16).padStart(4, '0')));
      } else {
        const items = [...(r[5] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]);
        items.forEach((hex, i) => map.set(lo + i, utf16(hex)));
      }
    }
  }
  return { width, map };
}

/** The object's dictionary, or the dictionary it refers to. */
function dictOf(value: string, objects: Map<number, PdfObject>): string {
  const ref = /^\s*(\d+)\s+0\s+R/.exec(value);
  return ref ? (objects.get(Number(ref[1]))?.dict ?? '') : value;
}

/** The inline dictionary following `/Key` (balanced << >>), or the object it refers to. */
function entry(dict: string, key: string, objects: Map<number, PdfObject>): string {
  const i = dict.search(new RegExp(`/${key}\\b`));
  if (i < 0) return '';
  const rest = dict.slice(i + key.length + 1).trimStart();
  if (rest.startsWith('<<')) {
    let depth = 0;
    for (let j = 0; j < rest.length - 1; j++) {
      if (rest.startsWith('<<', j)) {
        depth++;
        j++;
      } else if (rest.startsWith('>>', j)) {
        depth--;
        j++;
        if (depth === 0) return rest.slice(0, j + 1);
      }
    }
    return rest;
  }
  return dictOf(rest, objects);
}

function decodeString(token: string, cmap: CMap | undefined): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    bytes = [];
    const body = token.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      let c = body.charCodeAt(i);
      if (c === 0x5c) {
        const n = body[++i];
        const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        if (n in esc) c = esc[n];
        else if (/[0-7]/.test(n)) {
          const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
          c = parseInt(oct, 8);
          i += oct.length - 1;
        } else c = n.charCodeAt(0);
      }
      bytes.push(c);
    }
  }
  if (!cmap) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + cmap.width <= bytes.length; i += cmap.width) {
    let code = 0;
    for (let k = 0; k < cmap.width; k++) code = code * 256 + bytes[i + k];
    out += cmap.map.get(code) ?? '';
  }
  return out;
}

function contentText(content: string, fonts: Map<string, CMap | undefined>): string {
  const tokens = content.match(/\/[^\s/<>[\]()]+|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|[^\s/<>[\]()]+/g) ?? [];
  let font: CMap | undefined;
  const out: string[] = [];
  const stack: string[] = [];
  let inArray = false;
  let array: string[] = [];
  for (const tok of tokens) {
    if (tok === '[') {
      inArray = true;
      array = [];
    } else if (tok === ']') {
      inArray = false;
      stack.push('[array]');
    } else if (inArray) {
      if (tok.startsWith('(') || tok.startsWith('<')) array.push(decodeString(tok, font));
    } else if (tok === 'Tf') {
      font = fonts.get(stack[stack.length - 2] ?? '');
      stack.length = 0;
    } else if (tok === 'TJ') {
      out.push(array.join(''));
      stack.length = 0;
    } else if (tok === 'Tj' || tok === "'" || tok === '"') {
      const s = stack[stack.length - 1];
      if (s && (s.startsWith('(') || s.startsWith('<'))) out.push(decodeString(s, font));
      stack.length = 0;
    } else if (/^[A-Za-z*]+$/.test(tok)) {
      stack.length = 0;
    } else {
      stack.push(tok);
    }
  }
  return out.join(' ');
}

/** Reads the text of every page of a PDF. */
export function pdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, CMap>();
  const pages: string[] = [];
  const pageObjects = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict)).sort((a, b) => a[0] - b[0]);
  for (const [, page] of pageObjects) {
    const resources = entry(page.dict, 'Resources', objects);
    const fontDict = entry(resources, 'Font', objects);
    const fonts = new Map<string, CMap | undefined>();
    for (const f of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      const fontObj = objects.get(Number(f[2]));
      const toUnicode = fontObj ? /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(fontObj.dict) : null;
      let cmap: CMap | undefined;
      if (toUnicode) {
        const n = Number(toUnicode[1]);
        if (!cmaps.has(n)) cmaps.set(n, parseCMap(objects.get(n)?.stream?.toString('latin1') ?? ''));
        cmap = cmaps.get(n);
      }
      fonts.set(`/${f[1]}`, cmap);
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict);
    const text = (contents ? refs(contents[1]) : [])
      .map((n) => contentText(objects.get(n)?.stream?.toString('latin1') ?? '', fonts))
      .join(' ');
    pages.push(text);
  }
  return { pages, text: pages.join('\n') };
}

/** Text without any whitespace, so words split across text runs still match. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
