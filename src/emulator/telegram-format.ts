import type { MessageEntity } from 'grammy/types';

/**
 * Emulates Telegram's `parse_mode` handling: turns the text a bot sends into the text a user sees
 * plus entities, and rejects malformed markup with Telegram's "can't parse entities" error.
 *
 * Why bother in an emulator: "Bad Request: can't parse entities" is the most common way a
 * Telegram bot breaks in production (a user's name containing `<`, an unescaped `.` in
 * MarkdownV2). An emulator that accepted everything would hide exactly those bugs. And tests can
 * match on what the user reads (`m.text.includes('Good night')`) instead of on markup.
 *
 * This is not a byte-exact port of Telegram's parser; it covers the documented syntax and the
 * documented failure modes. Error texts follow Telegram's wording.
 */

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** Telegram answers these with 400 "Bad Request: can't parse entities: <message>". */
export class EntityParseError extends Error {}

export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicitEntities?: MessageEntity[],
): FormattedText {
  switch (parseMode) {
    case undefined:
    case '':
      return { text: raw, entities: explicitEntities ?? [] };
    case 'HTML':
      return parseHtml(raw);
    case 'MarkdownV2':
      return parseMarkdownV2(raw);
    case 'Markdown':
      return parseLegacyMarkdown(raw);
    default:
      throw new EntityParseError(`Unsupported parse_mode "${parseMode}"`);
  }
}

type EntityType = MessageEntity['type'];

interface OpenEntity {
  type: EntityType;
  /** Offset in the output text (UTF-16 code units, as Telegram counts). */
  offset: number;
  /** Where the entity started in the raw input, for error messages. */
  rawIndex: number;
  tag?: string;
  url?: string;
  language?: string;
  customEmojiId?: string;
}

class EntityCollector {
  readonly entities: MessageEntity[] = [];

  close(open: OpenEntity, end: number): void {
    const length = end - open.offset;
    if (length <= 0) return; // Telegram drops empty entities
    const base = { offset: open.offset, length };
    if (open.type === 'text_link') this.entities.push({ ...base, type: 'text_link', url: open.url ?? '' });
    else if (open.type === 'pre') {
      this.entities.push(open.language ? { ...base, type: 'pre', language: open.language } : { ...base, type: 'pre' });
    } else if (open.type === 'custom_emoji') {
      this.entities.push({ ...base, type: 'custom_emoji', custom_emoji_id: open.customEmojiId ?? '' });
    } else this.entities.push({ ...base, type: open.type } as MessageEntity);
  }

  sorted(): MessageEntity[] {
    return [...this.entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  }
}

/** Telegram reports positions as UTF-8 byte offsets into the raw text. */
function byteOffset(raw: string, index: number): number {
  return Buffer.byteLength(raw.slice(0, index), 'utf8');
}

// ---------------------------------------------------------------- HTML

const HTML_TAGS: Record<string, EntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const NAMED_HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeHtmlEntity(raw: string, index: number): { text: string; length: number } | undefined {
  const match = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(raw.slice(index, index + 12));
  if (!match) return undefined;
  const name = match[1]!;
  let text: string | undefined;
  if (name.startsWith('#x') || name.startsWith('#X')) text = String.fromCodePoint(parseInt(name.slice(2), 16));
  else if (name.startsWith('#')) text = String.fromCodePoint(parseInt(name.slice(1), 10));
  else text = NAMED_HTML_ENTITIES[name.toLowerCase()];
  return text === undefined ? undefined : { text, length: match[0].length };
}

function decodeHtmlText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; ) {
    const decoded = value[i] === '&' ? decodeHtmlEntity(value, i) : undefined;
    if (decoded) {
      out += decoded.text;
      i += decoded.length;
    } else out += value[i++];
  }
  return out;
}

function parseHtml(raw: string): FormattedText {
  const collector = new EntityCollector();
  const stack: OpenEntity[] = [];
  let out = '';

  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    if (ch === '&') {
      // A lone "&" that does not start a known entity is kept literally, as Telegram does.
      const decoded = decodeHtmlEntity(raw, i);
      out += decoded ? decoded.text : ch;
      i += decoded ? decoded.length : 1;
      continue;
    }
    if (ch !== '<') {
      out += ch;
      i++;
      continue;
    }

    const tagEnd = raw.indexOf('>', i);
    if (tagEnd < 0) throw new EntityParseError(`Unclosed start tag at byte offset ${byteOffset(raw, i)}`);
    const inner = raw.slice(i + 1, tagEnd);

    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw new EntityParseError(`Unexpected end tag at byte offset ${byteOffset(raw, i)}`);
      if (open.tag !== name) {
        throw new EntityParseError(
          `Unmatched end tag at byte offset ${byteOffset(raw, i)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      if (open.tag === 'code' && stack.at(-1)?.tag === 'pre' && open.language !== undefined) {
        // <pre><code class="language-x"> is one pre entity with a language, not two entities.
      } else collector.close(open, out.length);
    } else {
      const match = /^([a-zA-Z][a-zA-Z0-9-]*)([\s\S]*)$/.exec(inner);
      const name = match?.[1]?.toLowerCase() ?? '';
      const type = HTML_TAGS[name];
      if (!match || type === undefined) {
        throw new EntityParseError(`Unsupported start tag "${name || inner}" at byte offset ${byteOffset(raw, i)}`);
      }
      const attributes = parseHtmlAttributes(match[2] ?? '');
      const open: OpenEntity = { type, offset: out.length, rawIndex: i, tag: name };
      if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
        throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(raw, i)}`);
      }
      if (name === 'a') open.url = attributes.get('href') ?? '';
      if (name === 'blockquote' && attributes.has('expandable')) open.type = 'expandable_blockquote';
      if (name === 'tg-emoji') open.customEmojiId = attributes.get('emoji-id') ?? '';
      if (name === 'code') {
        const language = /^language-(.+)$/.exec(attributes.get('class') ?? '')?.[1];
        const parent = stack.at(-1);
        if (language !== undefined && parent?.tag === 'pre') {
          parent.language = language;
          open.language = language;
        }
      }
      stack.push(open);
    }
    i = tagEnd + 1;
  }

  const unclosed = stack.at(-1);
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  return { text: out, entities: collector.sorted() };
}

function parseHtmlAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attributes.set(match[1]!.toLowerCase(), decodeHtmlText(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

// ---------------------------------------------------------------- MarkdownV2

/** Characters that must be escaped with "\" anywhere outside code (Bot API, "MarkdownV2 style"). */
const MARKDOWN_V2_RESERVED = '_*[]()~`>#+-=|{}.!';

const ENTITY_NAMES: Partial<Record<EntityType, string>> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  text_link: 'TextUrl',
  code: 'Code',
  pre: 'Pre',
};

function parseMarkdownV2(raw: string): FormattedText {
  const collector = new EntityCollector();
  const stack: OpenEntity[] = [];
  let out = '';
  let quote: OpenEntity | undefined;

  const toggle = (type: EntityType, index: number): void => {
    const openIndex = stack.findLastIndex((e) => e.type === type);
    if (openIndex >= 0) collector.close(stack.splice(openIndex, 1)[0]!, out.length);
    else stack.push({ type, offset: out.length, rawIndex: index });
  };

  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    const atLineStart = i === 0 || raw[i - 1] === '\n';

    if (quote && atLineStart && ch !== '>') {
      collector.close(quote, out.endsWith('\n') ? out.length - 1 : out.length);
      quote = undefined;
    }
    if (ch === '\\') {
      const next = raw[i + 1];
      if (next === undefined) throw new EntityParseError(reservedMessage('\\'));
      out += next;
      i += 2;
    } else if (ch === '>' && atLineStart) {
      quote ??= { type: 'blockquote', offset: out.length, rawIndex: i };
      i++;
    } else if (ch === '`') {
      const fence = raw.startsWith('```', i);
      const close = findUnescaped(raw, fence ? '```' : '`', i + (fence ? 3 : 1));
      if (close < 0) throw new EntityParseError(unclosedMessage(fence ? 'pre' : 'code', raw, i));
      let body = raw.slice(i + (fence ? 3 : 1), close);
      const open: OpenEntity = { type: fence ? 'pre' : 'code', offset: out.length, rawIndex: i };
      if (fence) {
        const newline = body.indexOf('\n');
        if (newline >= 0 && /^[\w+#.-]+$/.test(body.slice(0, newline))) {
          open.language = body.slice(0, newline);
          body = body.slice(newline + 1);
        } else if (body.startsWith('\n')) body = body.slice(1);
      }
      out += body.replace(/\\([`\\])/g, '$1');
      collector.close(open, out.length);
      i = close + (fence ? 3 : 1);
    } else if (ch === '*') {
      toggle('bold', i);
      i++;
    } else if (ch === '_') {
      const underline = raw[i + 1] === '_';
      toggle(underline ? 'underline' : 'italic', i);
      i += underline ? 2 : 1;
    } else if (ch === '~') {
      toggle('strikethrough', i);
      i++;
    } else if (ch === '|' && raw[i + 1] === '|') {
      toggle('spoiler', i);
      i += 2;
    } else if (ch === '[') {
      stack.push({ type: 'text_link', offset: out.length, rawIndex: i });
      i++;
    } else if (ch === ']' && stack.some((e) => e.type === 'text_link')) {
      if (raw[i + 1] !== '(') throw new EntityParseError(reservedMessage(']'));
      const close = findUnescaped(raw, ')', i + 2);
      if (close < 0) throw new EntityParseError(unclosedMessage('text_link', raw, i));
      const openIndex = stack.findLastIndex((e) => e.type === 'text_link');
      const open = stack.splice(openIndex, 1)[0]!;
      open.url = raw.slice(i + 2, close).replace(/\\([)\\])/g, '$1');
      collector.close(open, out.length);
      i = close + 1;
    } else if (MARKDOWN_V2_RESERVED.includes(ch)) {
      throw new EntityParseError(reservedMessage(ch));
    } else {
      out += ch;
      i++;
    }
  }

  if (quote) collector.close(quote, out.length);
  const unclosed = stack[0];
  if (unclosed) throw new EntityParseError(unclosedMessage(unclosed.type, raw, unclosed.rawIndex));
  return { text: out, entities: collector.sorted() };
}

function reservedMessage(ch: string): string {
  return `Character '${ch}' is reserved and must be escaped with the preceding '\\'`;
}

function unclosedMessage(type: EntityType, raw: string, index: number): string {
  return `Can't find end of ${ENTITY_NAMES[type] ?? type} entity at byte offset ${byteOffset(raw, index)}`;
}

/** Index of the next `token` at or after `from` that is not preceded by a backslash escape. */
function findUnescaped(raw: string, token: string, from: number): number {
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw.startsWith(token, i)) return i;
  }
  return -1;
}

// ---------------------------------------------------------------- legacy Markdown

function parseLegacyMarkdown(raw: string): FormattedText {
  const collector = new EntityCollector();
  let out = '';
  const unclosed = (index: number): EntityParseError =>
    new EntityParseError(`Can't find end of the entity starting at byte offset ${byteOffset(raw, index)}`);

  for (let i = 0; i < raw.length; ) {
    const ch = raw[i]!;
    if (ch === '\\' && '_*`['.includes(raw[i + 1] ?? '')) {
      out += raw[i + 1];
      i += 2;
    } else if (ch === '*' || ch === '_' || ch === '`') {
      const fence = ch === '`' && raw.startsWith('```', i);
      const marker = fence ? '```' : ch;
      const close = raw.indexOf(marker, i + marker.length);
      if (close < 0) throw unclosed(i);
      const type: EntityType = fence ? 'pre' : ch === '*' ? 'bold' : ch === '_' ? 'italic' : 'code';
      const open: OpenEntity = { type, offset: out.length, rawIndex: i };
      out += raw.slice(i + marker.length, close);
      collector.close(open, out.length);
      i = close + marker.length;
    } else if (ch === '[') {
      const textEnd = raw.indexOf('](', i);
      const urlEnd = textEnd < 0 ? -1 : raw.indexOf(')', textEnd);
      if (urlEnd < 0) throw unclosed(i);
      const open: OpenEntity = { type: 'text_link', offset: out.length, rawIndex: i, url: raw.slice(textEnd + 2, urlEnd) };
      out += raw.slice(i + 1, textEnd);
      collector.close(open, out.length);
      i = urlEnd + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return { text: out, entities: collector.sorted() };
}
