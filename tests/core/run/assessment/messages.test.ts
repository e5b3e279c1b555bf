import { describe, expect, it } from "vitest";
import { codes, messages } from "../../../../src/core/run/assessment/messages.js";

describe("assessment message templates", () => {
  it("not an object", () => {
    expect(messages.notAnObject([1, 2]).message).toMatchInlineSnapshot(
      `"expected an assessment object, found a list of 2 items"`,
    );
    expect(messages.notAnObject(null).message).toMatchInlineSnapshot(`"expected an assessment object, found null"`);
    expect(messages.notAnObject("patient").message).toMatchInlineSnapshot(
      `"expected an assessment object, found "patient""`,
    );
  });

  it("forbidden key", () => {
    expect(messages.forbiddenKey("__proto__").message).toMatchInlineSnapshot(
      `""__proto__" is not allowed as a key (it could alter object prototypes)"`,
    );
  });

  it("unknown field, with and without a suggestion", () => {
    expect(messages.unknownField("phq9").message).toMatchInlineSnapshot(`"unknown field (did you mean "phq9"?)"`);
    expect(messages.unknownField(undefined).message).toMatchInlineSnapshot(`"unknown field"`);
  });

  it("missing field", () => {
    expect(messages.missingField().message).toMatchInlineSnapshot(`"required field is missing"`);
  });

  it("wrong type names what was expected and what was found", () => {
    expect(messages.wrongType("forty", ["integer"]).message).toMatchInlineSnapshot(
      `"expected an integer, found "forty""`,
    );
    expect(messages.wrongType(40.5, ["integer"]).message).toMatchInlineSnapshot(`"expected an integer, found 40.5"`);
    expect(messages.wrongType({}, ["integer", "null"]).message).toMatchInlineSnapshot(
      `"expected an integer or null, found an object"`,
    );
    expect(messages.wrongType([1], ["boolean"]).message).toMatchInlineSnapshot(
      `"expected true or false, found a list of 1 item"`,
    );
    expect(messages.wrongType("x".repeat(60), ["array"]).message).toMatchInlineSnapshot(
      `"expected a list, found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…""`,
    );
  });

  it("out of range, closed and open", () => {
    expect(messages.outOfRange(30, 0, 27).message).toMatchInlineSnapshot(`"30 is out of range 0–27"`);
    expect(messages.outOfRange(-1, 0, undefined).message).toMatchInlineSnapshot(`"-1 is out of range ≥ 0"`);
    expect(messages.outOfRange(11, undefined, 10).message).toMatchInlineSnapshot(`"11 is out of range ≤ 10"`);
  });

  it("unknown value, with and without a suggestion", () => {
    expect(
      messages.unknownValue("below knee", ["none", "above-knee", "below-knee"], "below-knee").message,
    ).toMatchInlineSnapshot(
      `""below knee" is not one of "none", "above-knee", "below-knee" (did you mean "below-knee"?)"`,
    );
    expect(messages.unknownValue(3, ["home", "clinic"], undefined).message).toMatchInlineSnapshot(
      `"3 is not one of "home", "clinic""`,
    );
  });

  it("formats and dates", () => {
    expect(messages.wrongFormat("23/11/2025", "2025-11-23").message).toMatchInlineSnapshot(
      `""23/11/2025" is not in the expected format, e.g. "2025-11-23""`,
    );
    expect(messages.notACalendarDate("2025-02-30").message).toMatchInlineSnapshot(
      `""2025-02-30" is not a calendar date"`,
    );
    expect(messages.emptyText().message).toMatchInlineSnapshot(`"expected text, found an empty string"`);
  });

  it("list lengths and duplicates", () => {
    expect(messages.wrongLength(8, 9, 9).message).toMatchInlineSnapshot(`"expected exactly 9 items, found 8"`);
    expect(messages.wrongLength(0, 1, undefined).message).toMatchInlineSnapshot(`"expected at least 1 item, found 0"`);
    expect(messages.wrongLength(4, undefined, 3).message).toMatchInlineSnapshot(`"expected at most 3 items, found 4"`);
    expect(messages.duplicateItem("walking").message).toMatchInlineSnapshot(`""walking" is listed more than once"`);
    expect(messages.tooFewAnswers(7, 8).message).toMatchInlineSnapshot(
      `"7 items answered; at least 8 are needed to score it"`,
    );
  });

  it("cross-field disagreements name both fields", () => {
    expect(messages.disagrees(12, 14, "questionnaires.phq9.items").message).toMatchInlineSnapshot(
      `"12 disagrees with 14 from questionnaires.phq9.items"`,
    );
    expect(messages.exceeds(3, "questionnaires.phq9.total", 2).message).toMatchInlineSnapshot(
      `"3 exceeds questionnaires.phq9.total (2)"`,
    );
    expect(messages.onlyWhen("patient.pregnant", true, false).message).toMatchInlineSnapshot(
      `"only allowed when patient.pregnant is true; it is false"`,
    );
    expect(messages.onlyWhen("patient.pregnant", true, undefined).message).toMatchInlineSnapshot(
      `"only allowed when patient.pregnant is true; it is absent"`,
    );
    expect(messages.needs(true, "redFlags.recentTrauma", true, false).message).toMatchInlineSnapshot(
      `"true needs redFlags.recentTrauma to be true; it is false"`,
    );
    expect(messages.needs(true, "redFlags.recentTrauma", true, undefined).message).toMatchInlineSnapshot(
      `"true needs redFlags.recentTrauma to be true; it is absent"`,
    );
    expect(
      messages.derivedOutOfRange("BMI", 86.4, "lifestyle.heightCm and lifestyle.weightKg", 10, 80).message,
    ).toMatchInlineSnapshot(`"BMI 86.4 from lifestyle.heightCm and lifestyle.weightKg is out of range 10–80"`);
  });

  it("data that is not plain JSON-like data", () => {
    expect(messages.notPlainData("a Map").message).toMatchInlineSnapshot(
      `"expected plain data (an object or a list), found a Map"`,
    );
  });

  it("anything else ajv reports", () => {
    expect(messages.invalid("must be multiple of 2").message).toMatchInlineSnapshot(`"invalid: must be multiple of 2"`);
  });

  it("has exactly the templates pinned above", () => {
    expect(Object.keys(messages)).toMatchInlineSnapshot(`
      [
        "notAnObject",
        "notPlainData",
        "unreadable",
        "forbiddenKey",
        "unknownField",
        "missingField",
        "moreProblems",
        "wrongType",
        "outOfRange",
        "unknownValue",
        "wrongFormat",
        "notACalendarDate",
        "emptyText",
        "wrongLength",
        "duplicateItem",
        "tooFewAnswers",
        "disagrees",
        "exceeds",
        "onlyWhen",
        "needs",
        "derivedOutOfRange",
        "invalid",
      ]
    `);
  });

  it("has stable codes", () => {
    expect(Object.values(codes)).toMatchInlineSnapshot(`
      [
        "assessment/not-an-object",
        "assessment/not-plain-data",
        "assessment/forbidden-key",
        "assessment/unknown-field",
        "assessment/missing-field",
        "assessment/wrong-type",
        "assessment/out-of-range",
        "assessment/unknown-value",
        "assessment/wrong-format",
        "assessment/wrong-length",
        "assessment/duplicate-item",
        "assessment/too-few-answers",
        "assessment/inconsistent",
        "assessment/invalid",
        "assessment/more-problems",
      ]
    `);
  });
});
