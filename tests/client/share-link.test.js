// Answers in a link (share-link.js): made and read back, and every way a link can be bad
// refused in plain Dutch without reading more than the limit.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { AnswerFileError } from "../../generator/client/answers.js";
import { LINK_PARAMETER, MAX_LINK, fromPayload, linkTo, linksIn, payloadOf, toPayload } from "../../generator/client/share-link.js";
import { refusal } from "../../generator/client/opening.js";
import { answerFile } from "./answer-files.js";

const VIEW = "https://voorbeeld.nl/tools/reflectietool/vergelijken/";

/** Raw deflate of bytes, base64url: a payload made by hand. */
async function deflated(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  return buffer.toString("base64url");
}

/** Assert that a payload is refused, with a sentence that starts as this one. */
async function refusedAs(payload, start, options) {
  await assert.rejects(fromPayload(payload, options), (error) => {
    assert.ok(error instanceof AnswerFileError);
    assert.match(refusal(error), new RegExp(`^Deze link is geen bruikbare antwoordlink: ${start}`));
    return true;
  });
}

describe("toPayload and fromPayload: an answer file there and back", () => {
  test("the same answer file comes back, text with every kind of character included", async () => {
    const data = answerFile({ answers: { "ambitie.toelichting": "Één \"regel\"\n<b>én</b> 😀 — ok" } });
    const payload = await toPayload(data);
    assert.match(payload, /^[A-Za-z0-9_-]+$/, "base64url without padding");
    assert.deepEqual(await fromPayload(payload), data);
  });

  test("a link to the comparison view carries it in the fragment", async () => {
    const payload = await toPayload(answerFile());
    const link = linkTo(`${VIEW}#oud`, payload);
    assert.equal(link, `${VIEW}#${LINK_PARAMETER}=${payload}`);
    assert.equal(payloadOf(link), payload);
    assert.equal(payloadOf(VIEW), null);
  });

  test("a typical answer file fits well within the link limit", async () => {
    const answers = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`deel.vraag-${i}`, (i % 5) + 1]));
    answers["ambitie.toelichting"] = "We hebben het er vorig jaar over gehad, en dit jaar weer. ".repeat(10);
    const payload = await toPayload(answerFile({ answers }));
    assert.ok(payload.length < MAX_LINK / 4, `${payload.length} characters`);
  });
});

describe("fromPayload: bad and hostile links are refused", () => {
  test("not base64url, or one character too many", async () => {
    await refusedAs("abc$def", "de tekst na #antwoorden= is beschadigd");
    await refusedAs("abcde", "de tekst na #antwoorden= is beschadigd");
  });

  test("cut off halfway, as a chat program may", async () => {
    const payload = await toPayload(answerFile({ answers: { a: "x".repeat(3000) + Math.random() } }));
    await refusedAs(payload.slice(0, Math.floor(payload.length / 2)), "de gegevens erin zijn beschadigd of onvolledig");
  });

  test("not compressed data at all", async () => {
    await refusedAs(Buffer.from("gewoon wat tekst, geen deflate").toString("base64url"), "de gegevens erin zijn beschadigd");
  });

  test("a compression bomb stops at the limit", async () => {
    const bomb = await deflated(new Uint8Array(50 * 1024 * 1024)); // 50 MB of zeros, a small link
    assert.ok(bomb.length < MAX_LINK * 10);
    await refusedAs(bomb, "de antwoorden erin zijn groter dan 1 MB", { maxLink: Infinity });
  });

  test("longer than the link limit", async () => {
    await refusedAs("A".repeat(MAX_LINK + 1), "ze is langer dan 8.000 tekens");
  });

  test("not UTF-8, not JSON, or nested too deep", async () => {
    await refusedAs(await deflated(new Uint8Array([0xff, 0xfe, 0x00])), "de tekst erin is geen UTF-8");
    await refusedAs(await deflated(new TextEncoder().encode("{niet af")), "de antwoorden erin zijn geen leesbare JSON");
    await refusedAs(await deflated(new TextEncoder().encode("[".repeat(40) + "]".repeat(40))), "de gegevens erin zijn te diep genest");
  });
});

describe("linksIn: links pasted at once", () => {
  test("one a line, or separated by any white space, each with its payload; the chat's words left out", () => {
    const text = ` ${VIEW}#antwoorden=AAA\n\n${VIEW}#antwoorden=BBB\t [10:15] Anna: hallo ${VIEW}#antwoorden=CCC\r\n`;
    assert.deepEqual(
      linksIn(text).map(({ payload }) => payload),
      ["AAA", "BBB", "CCC"],
    );
  });

  test("an address without answers is a link without a payload; punctuation a chat put around one is left off", () => {
    const text = `Kijk: ${VIEW} of www.voorbeeld.nl en (${VIEW}#antwoorden=AAA). <${VIEW}#antwoorden=BBB>`;
    assert.deepEqual(
      linksIn(text).map(({ payload }) => payload),
      [null, null, "AAA", "BBB"],
    );
  });
});
