import IntlMessageFormat from 'intl-messageformat';

type IcuElement = ReturnType<IntlMessageFormat['getAst']>[number];

// Element kinds of the parser's TYPE enum, which intl-messageformat does not re-export.
const LITERAL = 0;
const ARGUMENT = 1;
const POUND = 7;

/**
 * Parses an ICU message. Tags are off because messages are plain text that the HTML layer escapes,
 * so `<` is just a character; locations are kept so literal text can be found in the source.
 */
export function compile(message: string, locale: string): IntlMessageFormat {
  return new IntlMessageFormat(message, locale, undefined, { ignoreTag: true, captureLocation: true });
}

function forEachElement(elements: readonly IcuElement[], visit: (element: IcuElement) => void): void {
  for (const element of elements) {
    visit(element);
    if ('options' in element) {
      for (const option of Object.values(element.options)) forEachElement(option.value, visit);
    }
  }
}

/** [start, end) offsets of the literal text of a compiled message, in source order. */
export function literalRanges(message: IntlMessageFormat): [number, number][] {
  const ranges: [number, number][] = [];
  forEachElement(message.getAst(), (element) => {
    if (element.type === LITERAL && element.location) {
      ranges.push([element.location.start.offset, element.location.end.offset]);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

export interface MessageArguments {
  /** Every argument the message reads. */
  names: Set<string>;
  /** Arguments printed as given (`{phone}`), as opposed to formatted, selected or counted on. */
  printed: Set<string>;
}

export function argumentsOf(message: IntlMessageFormat): MessageArguments {
  const names = new Set<string>();
  const printed = new Set<string>();
  forEachElement(message.getAst(), (element) => {
    if (element.type === LITERAL || element.type === POUND) return;
    names.add(element.value);
    if (element.type === ARGUMENT) printed.add(element.value);
  });
  return { names, printed };
}
