/**
 * Turns an incoming Bot API HTTP request into a plain parameter object, the way Telegram does:
 * parameters may come from the query string, a JSON body, a urlencoded body or a
 * multipart/form-data body (grammY switches to multipart as soon as a payload holds an
 * `InputFile`).
 *
 * Why a hand-written multipart parser: undici's `Request#formData()` (Node 20) rejects the exact
 * bytes grammY sends (`content-disposition:form-data;name="x"` without spaces and an unquoted
 * `filename=export.csv`), while Telegram accepts them. The parser below is as lenient as Telegram.
 */

/** A file part of a multipart upload. */
export interface UploadedFile {
  /** The form field the part was sent under (grammY uses a random id referenced as `attach://<id>`). */
  field: string;
  filename: string | undefined;
  /** The part's declared content type (grammY always declares `application/octet-stream`). */
  mimeType: string | undefined;
  bytes: Buffer;
}

export interface ParsedRequest {
  params: Record<string, unknown>;
  /** File parts by field name. */
  files: Map<string, UploadedFile>;
}

/** Thrown for bodies Telegram itself would not understand; the emulator answers 400. */
export class MalformedRequestError extends Error {}

/**
 * Fields whose values are strings in the Bot API even when they look like numbers, booleans or
 * JSON. Every other form/query value is JSON-decoded when possible, because in a form
 * `reply_markup`, `allowed_updates`, `chat_id` and friends all arrive as strings.
 */
const STRING_FIELDS = new Set([
  'text',
  'caption',
  'data',
  'callback_query_id',
  'inline_message_id',
  'description',
  'short_description',
  'name',
  'title',
  'url',
  'parse_mode',
  'language_code',
  'action',
  'emoji',
  'query',
  'secret_token',
  'ip_address',
  'document',
  'photo',
  'sticker',
  'thumbnail',
]);

export function parseRequest(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): ParsedRequest {
  const params: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [key, value] of query) params[key] = coerceFormValue(key, value);

  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0) return { params, files };

  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new MalformedRequestError("can't parse JSON body");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedRequestError('JSON body must be an object');
    }
    Object.assign(params, parsed);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
      params[key] = coerceFormValue(key, value);
    }
  } else if (type === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const boundaryValue = boundary?.[1] ?? boundary?.[2];
    if (!boundaryValue) throw new MalformedRequestError('multipart body without boundary');
    for (const part of parseMultipart(body, boundaryValue)) {
      if (part.filename !== undefined) {
        files.set(part.name, {
          field: part.name,
          filename: part.filename,
          mimeType: part.contentType,
          bytes: part.data,
        });
      } else {
        params[part.name] = coerceFormValue(part.name, part.data.toString('utf8'));
      }
    }
  }
  return { params, files };
}

/** Decodes one form/query value: JSON for objects, arrays, numbers and booleans; else the string. */
export function coerceFormValue(key: string, value: string): unknown {
  if (STRING_FIELDS.has(key)) return value;
  const looksTyped = /^[[{]/.test(value) || /^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false';
  if (!looksTyped) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

interface MultipartPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** Splits a multipart/form-data body into its parts (RFC 7578), tolerating grammY's spacing. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new MalformedRequestError('multipart boundary not found');

  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": closing delimiter
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new MalformedRequestError('multipart part without header end');
    const headers = parsePartHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next < 0) throw new MalformedRequestError('multipart part is not terminated');

    const disposition = parseDisposition(headers.get('content-disposition') ?? '');
    const name = disposition.get('name');
    if (name === undefined) throw new MalformedRequestError('multipart part without a name');
    parts.push({
      name,
      filename: disposition.get('filename'),
      contentType: headers.get('content-type'),
      data: Buffer.from(body.subarray(dataStart, next)),
    });
    pos = next + 2;
  }
  return parts;
}

function parsePartHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** `form-data; name="a"; filename=b.csv` → {name: 'a', filename: 'b.csv'} (quotes optional). */
function parseDisposition(value: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of value.matchAll(/;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '').trim();
    result.set(match[1]!.toLowerCase(), raw);
  }
  return result;
}
