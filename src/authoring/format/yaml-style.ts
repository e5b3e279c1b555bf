/**
 * How the `yaml` package writes a formatted document. Its options are global (one line width,
 * one padding for every flow collection), and the canonical layout needs finer ones, so the
 * document's schema carries our own stringifiers for strings, maps and sequences: they adjust
 * the context and hand back to the package's own writers.
 */
import { Scalar, YAMLMap, YAMLSeq, type ParseOptions, type SchemaOptions, type ToStringOptions } from "yaml";
import { mapTag, seqTag, stringTag, type StringifyContext } from "yaml/util";
import { withWrittenLines, type WrittenLines } from "./folded-scalar.js";
import { INDENT, LINE_WIDTH } from "./layout.js";

type Tag = Exclude<SchemaOptions["customTags"], ((tags: never) => unknown) | null | undefined>[number];

/**
 * Whole-document options: nothing is folded (`lineWidth: 0`): a plain or quoted scalar and a
 * flow collection stay on one line, and `\n` in a double-quoted scalar stays an escape.
 */
export const TO_STRING_OPTIONS: ToStringOptions = {
  indent: INDENT,
  indentSeq: true,
  lineWidth: 0,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
};

/**
 * Options to parse a file with: as the pack loader reads it, and with the stringifiers below;
 * folded scalars are written with their lines in `written`, once it is filled.
 */
export function parseOptions(written: WrittenLines): ParseOptions & SchemaOptions {
  const styled = new Map<unknown, Tag>([
    [stringTag, styledString(written)],
    [mapTag, { ...mapTag, ...padded(" ") } as Tag],
    [seqTag, { ...seqTag, ...padded("") } as Tag],
  ]);
  return {
    resolveKnownTags: false,
    uniqueKeys: false,
    customTags: (tags) => tags.map((tag) => styled.get(tag) ?? tag),
  };
}

/** A folded (`>-`) scalar keeps its written lines, wrapped at `LINE_WIDTH`; any other stays on one line. */
function styledString(written: WrittenLines): typeof stringTag {
  const write = (item: Scalar, ctx: StringifyContext, onComment?: () => void, onChompKeep?: () => void): string =>
    stringTag.stringify?.(item, ctx, onComment, onChompKeep) ?? String(item.value);
  return {
    ...stringTag,
    stringify(item, ctx, onComment, onChompKeep) {
      if (item.type !== Scalar.BLOCK_FOLDED || ctx.inFlow === true || ctx.implicitKey === true) {
        return write(item, ctx, onComment, onChompKeep);
      }
      const emitted = write(
        item,
        { ...ctx, options: { ...ctx.options, lineWidth: LINE_WIDTH } },
        onComment,
        onChompKeep,
      );
      const lines = written.get(item);
      const kept = lines === undefined ? undefined : withWrittenLines(emitted, lines, ctx.indent, String(item.value));
      return kept ?? emitted;
    },
  };
}

/**
 * A stringifier for collections, which the package calls for any node whose tag has one (its
 * types only declare it for scalars): a flow map is padded, `{ a: 1 }`, a flow sequence is not,
 * `[a, b]`, as authors write them.
 */
function padded(padding: string): {
  stringify: (
    node: YAMLMap | YAMLSeq,
    ctx: StringifyContext,
    onComment?: () => void,
    onChompKeep?: () => void,
  ) => string;
} {
  return {
    stringify: (node, ctx, onComment, onChompKeep) =>
      node.toString({ ...ctx, flowCollectionPadding: padding }, onComment, onChompKeep),
  };
}
