// Answers in a link (DESIGN.md §3, answer link): `/tools/<id>/vergelijken/#antwoorden=<payload>`,
// the payload being the answer file's JSON, deflate-raw compressed by the browser's own
// CompressionStream and base64url-encoded without padding. The fragment never reaches a server.
// Reading one is as careful as opening a file: its length, its base64url, its compressed data,
// how large it inflates (a small link can inflate to gigabytes: reading stops at the limit),
// its UTF-8 and its JSON are each refused in plain Dutch. Checking the answer file inside is
// the caller's, as for a file. No DOM, no storage; loaded on use.
import { AnswerFileError } from "./answers.js";
import { tooDeep } from "./opening.js";

export const LINK_PARAMETER = "antwoorden";
/** Characters of a whole link that mail and chat programs carry intact (see the README). */
export const MAX_LINK = 8000;
/** Bytes a link's data may inflate to: an answer file's limit (opening.js). */
export const MAX_INFLATED = 1024 * 1024;

const refused = (why) => new AnswerFileError(`Deze link is geen bruikbare antwoordlink: ${why}`);

const toBase64url = (bytes) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
};

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) throw refused("de tekst na #antwoorden= is beschadigd of onvolledig.");
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The payload of a link for an answer file (parsed JSON). */
export async function toPayload(data) {
  const text = new TextEncoder().encode(JSON.stringify(data));
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The whole link to an instrument's comparison view (`comparisonUrl`, absolute) with a payload. */
export const linkTo = (comparisonUrl, payload) => `${comparisonUrl.split("#")[0]}#${LINK_PARAMETER}=${payload}`;

/** Inflate at most `limit` bytes; more is refused, and nothing beyond it is read. */
async function inflate(bytes, limit) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) throw refused(`de antwoorden erin zijn groter dan ${limit / MAX_INFLATED} MB.`);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    if (error instanceof AnswerFileError) throw error;
    throw refused("de gegevens erin zijn beschadigd of onvolledig (is de link helemaal gekopieerd?).");
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** The answer file (parsed JSON, not yet checked) a payload carries; throws AnswerFileError. */
export async function fromPayload(payload, { maxLink = MAX_LINK, limit = MAX_INFLATED } = {}) {
  if (payload.length > maxLink) throw refused(`ze is langer dan ${maxLink.toLocaleString("nl-NL")} tekens.`);
  const bytes = await inflate(fromBase64url(payload), limit);
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refused("de tekst erin is geen UTF-8.");
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw refused("de antwoorden erin zijn geen leesbare JSON.");
  }
  if (tooDeep(data)) throw refused("de gegevens erin zijn te diep genest.");
  return data;
}

/** The payload in a link's fragment (`#antwoorden=…`), or null when it has none. What can't be
 *  part of it at its end (a full stop, a bracket or quote a chat put around it) is left off. */
export function payloadOf(link) {
  const at = link.indexOf(`#${LINK_PARAMETER}=`);
  return at < 0 ? null : link.slice(at + LINK_PARAMETER.length + 2).replace(/[^A-Za-z0-9_-]+$/, "");
}

/** The links in pasted text (one a line, or anything between white space, as a chat pastes
 *  them), each with its payload (null: an address without answers). The words around them are
 *  left out. */
export const linksIn = (text) =>
  text
    .split(/\s+/)
    .filter((word) => word.includes(`#${LINK_PARAMETER}=`) || /^\W*(https?:\/\/|www\.)/i.test(word))
    .map((link) => ({ link, payload: payloadOf(link) }));
