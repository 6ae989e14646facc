/**
 * Counts the lexical tokens of a GraphQL document with graphql-js's own Lexer, stopping as soon as
 * the count passes `stopAfter` (so a hostile document costs no more than the limit to measure).
 * A lexical error ends the count; the parser reports it later.
 */
import { Lexer, Source, TokenKind } from 'graphql';

export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (n <= stopAfter) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) break;
      n += 1;
    }
  } catch {
    // a syntax error: Apollo's parser reports it with its location
  }
  return n;
}
