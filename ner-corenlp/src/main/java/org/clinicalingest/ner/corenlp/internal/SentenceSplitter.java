package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AbstractTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import edu.stanford.nlp.process.WordToSentenceProcessor.NewlineIsSentenceBreak;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sentences CoreNLP's {@code WordToSentenceProcessor} makes of a lexer's tokens, for the
 * configuration the {@code ssplit} annotator gives it by default, without a regular-expression
 * matcher per token.
 *
 * <p>Design: the processor matches every token against its sentence-boundary pattern, {@code
 * [.。]|[!?！？]+}, and looks it up in its set of tokens to discard; a JFR profile of the pipeline
 * with NER put the processor at 4.7 % of the samples, most of it the matchers it allocates. Here
 * that pattern is tested character by character, the newline token, the one token discarded, is
 * compared, and the rest of the processor's steps are kept as they are: a token that may follow a
 * sentence's end (close brackets and quotes, by the processor's own pattern, tried only where it
 * can apply) joins the sentence before, and newlines end a sentence as the processor's setting
 * says. {@link #of} returns empty for any other configuration (another boundary pattern or
 * discarded tokens, multi-token or XML boundaries, regions, one sentence, empty sentences), for
 * which the processor itself runs. The tokens must come straight from CoreNLP's lexer, which marks
 * no forced sentence ends and no multi-token mentions. Immutable and thread-safe.
 */
final class SentenceSplitter {

  /** The processor's default boundary pattern, which this class tests without a matcher. */
  static final String BOUNDARY_PATTERN = "[.。]|[!?！？]+";

  private final Pattern followers;
  private final NewlineIsSentenceBreak newlines;

  private SentenceSplitter(Pattern followers, NewlineIsSentenceBreak newlines) {
    this.followers = followers;
    this.newlines = newlines;
  }

  /** A splitter that splits as {@code processor} does, or empty if it is configured otherwise. */
  static Optional<SentenceSplitter> of(WordToSentenceProcessor<CoreLabel> processor) {
    try {
      Class<?> type = WordToSentenceProcessor.class;
      boolean handled =
          CrfWindows.field(type, "sentenceBoundaryTokenPattern").get(processor) instanceof Pattern b
              && b.pattern().equals(BOUNDARY_PATTERN)
              && b.flags() == 0
              && Set.of(AbstractTokenizer.NEWLINE_TOKEN)
                  .equals(CrfWindows.field(type, "sentenceBoundaryToDiscard").get(processor))
              && CrfWindows.field(type, "sentenceBoundaryMultiTokenPattern").get(processor) == null
              && CrfWindows.field(type, "xmlBreakElementsToDiscard").get(processor) == null
              && CrfWindows.field(type, "tokenPatternsToDiscard").get(processor) == null
              && CrfWindows.field(type, "sentenceRegionBeginPattern").get(processor) == null
              && CrfWindows.field(type, "sentenceRegionEndPattern").get(processor) == null
              && !CrfWindows.field(type, "isOneSentence").getBoolean(processor)
              && !CrfWindows.field(type, "allowEmptySentences").getBoolean(processor);
      if (handled
          && CrfWindows.field(type, "sentenceBoundaryFollowersPattern").get(processor)
              instanceof Pattern followers
          && CrfWindows.field(type, "newlineIsSentenceBreak").get(processor)
              instanceof NewlineIsSentenceBreak newlines) {
        return Optional.of(new SentenceSplitter(followers, newlines));
      }
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The sentences of {@code tokens}, newline tokens dropped, as the processor splits them. */
  List<List<CoreLabel>> split(List<CoreLabel> tokens) {
    List<List<CoreLabel>> sentences = new ArrayList<>();
    List<CoreLabel> current = new ArrayList<>();
    List<CoreLabel> last = null;
    boolean lastWasNewline = false;
    boolean lastEndForced = false;
    for (CoreLabel token : tokens) {
      String word = token.word();
      if (!lastEndForced
          && last != null
          && current.isEmpty()
          && !lastWasNewline
          && followers.matcher(word).matches()
          && mayFollow(last, word)) {
        last.add(token);
        continue;
      }
      boolean forcedEnd = false;
      boolean end = false;
      if (word.equals(AbstractTokenizer.NEWLINE_TOKEN)) {
        forcedEnd =
            newlines == NewlineIsSentenceBreak.ALWAYS
                || newlines == NewlineIsSentenceBreak.TWO_CONSECUTIVE && lastWasNewline;
        lastWasNewline = true;
      } else {
        lastWasNewline = false;
        current.add(token);
        end = isBoundary(word);
      }
      if ((forcedEnd || end) && !current.isEmpty()) {
        sentences.add(current);
        lastEndForced = ((last == null || last.isEmpty()) && lastEndForced) || forcedEnd;
        last = current;
        current = new ArrayList<>();
      } else if (forcedEnd) {
        lastEndForced = true;
      }
    }
    if (!current.isEmpty()) {
      sentences.add(current);
    }
    return sentences;
  }

  /** Whether {@code word} matches {@link #BOUNDARY_PATTERN}. */
  static boolean isBoundary(String word) {
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() == 1 && (word.charAt(0) == '.' || word.charAt(0) == '。')) {
      return true;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c != '!' && c != '?' && c != '！' && c != '？') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a follower may join the sentence before, as the processor decides: a straight quote
   * only if it closes one the sentence opened (an odd count of that quote so far).
   */
  private static boolean mayFollow(List<CoreLabel> sentence, String word) {
    if (!word.equals("\"") && !word.equals("'")) {
      return true;
    }
    int same = 0;
    for (CoreLabel token : sentence) {
      if (token.value().equals(word)) {
        same++;
      }
    }
    return same % 2 != 0;
  }
}
