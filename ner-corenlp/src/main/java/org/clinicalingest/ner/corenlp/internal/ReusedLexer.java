package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.pipeline.TokenizerAnnotator;
import edu.stanford.nlp.pipeline.WordsToSentencesAnnotator;
import edu.stanford.nlp.process.AbstractTokenizer;
import edu.stanford.nlp.process.LexedTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sentences and tokens of a text as a {@code tokenize,ssplit} pipeline gives them, with one
 * lexer per thread used for text after text.
 *
 * <p>Design: for every text, CoreNLP's {@code TokenizerAnnotator} builds a new {@code
 * PTBTokenizer}, whose {@code PTBLexer} parses the option string and allocates a scan buffer of 16
 * K characters and an array beside it, about 48 KB; then the sentence splitter wraps each sentence
 * in an annotation with its offsets, text and indexes, and numbers the tokens. A JFR profile put
 * the lexer's construction at about 5 % of the NER stage. Here each thread keeps one lexer, built
 * with the annotator's own options and token factory (or {@link PresizedTokenFactory}, which makes
 * the same tokens without growing them), and puts it back for each text in the state its
 * constructor left it: {@code yyreset} on the new text (position, end of input), the lexical state
 * the options chose, and the lexer's record of the previous token (fresh, as built). The text gets
 * the trailing blank the annotator adds (its lexer rules cannot look ahead at the end of input),
 * and the tokens go through the annotator's own steps: the blank taken off the last token's
 * trailing whitespace, newline tokens marked, and the annotator's {@code WordToSentenceProcessor},
 * which drops the newline tokens (through {@link SentenceSplitter} where it splits the same way).
 * The tokens carry what the lexer gives them (word, original text, offsets, whitespace around); the
 * sentence annotations and token indexes the pipeline adds are left out, as nothing here reads
 * them. {@code ReusedLexerIT} checks sentences and tokens against the pipeline's on every text of
 * the evaluation sets, the Presidio set and texts that stress the lexer's state, one text after
 * another on one lexer and on four threads at once.
 *
 * <p>{@code PTBLexer} is package-private, and the annotator's factory, options and splitter are
 * private fields: they are reached by reflection once. {@link #of} returns empty if the pipeline
 * runs anything else (another tokenizer, XML cleaning, post-processors, no sentence splitter) or a
 * member cannot be reached; the caller then runs the pipeline. Thread-safe: each thread has its own
 * lexer.
 */
final class ReusedLexer {

  /**
   * Characters of text per token the token list is first made for, so that it is seldom grown: the
   * free texts of 3,000 generated patients run at 5.0 (13.6 M characters, 2.74 M tokens), and 2 %
   * of them have more tokens than this makes room for.
   */
  private static final int CHARACTERS_PER_TOKEN = 4;

  private final Function<List<CoreLabel>, List<List<CoreLabel>>> splitter;
  private final LexedTokenFactory<?> tokenFactory;
  private final ThreadLocal<Object> lexers;
  private final MethodHandle next;
  private final MethodHandle reset;
  private final Field lexicalState;
  private final int initialLexicalState;
  private final Field previousToken;
  private final Field previousTokenAfter;
  private final Field seenUntokenizable;

  private ReusedLexer(
      WordToSentenceProcessor<CoreLabel> splitter,
      LexedTokenFactory<?> tokenFactory,
      Constructor<?> lexer,
      String options)
      throws ReflectiveOperationException {
    Class<?> lexerClass = lexer.getDeclaringClass();
    this.splitter =
        SentenceSplitter.of(splitter)
            .<Function<List<CoreLabel>, List<List<CoreLabel>>>>map(fast -> fast::split)
            .orElse(splitter::process);
    this.tokenFactory = tokenFactory;
    this.next =
        unreflect(lexerClass, "next").asType(MethodType.methodType(Object.class, Object.class));
    this.reset =
        unreflect(lexerClass, "yyreset", Reader.class)
            .asType(MethodType.methodType(void.class, Object.class, Reader.class));
    this.lexicalState = CrfWindows.field(lexerClass, "zzLexicalState");
    this.previousToken = CrfWindows.field(lexerClass, "prevWord");
    this.previousTokenAfter = CrfWindows.field(lexerClass, "prevWordAfter");
    this.seenUntokenizable = CrfWindows.field(lexerClass, "seenUntokenizableCharacter");
    this.lexers =
        ThreadLocal.withInitial(
            () -> {
              try {
                return lexer.newInstance(new StringReader(""), tokenFactory, options);
              } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("CoreNLP's lexer could not be built", e);
              }
            });
    Object first = lexers.get();
    if (previousTokenAfter.get(first) == null) {
      throw new ReflectiveOperationException("the lexer is not invertible");
    }
    this.initialLexicalState = lexicalState.getInt(first);
  }

  /**
   * The lexer behind {@code pipeline}, if the pipeline is only CoreNLP's English tokenizer and
   * sentence splitter; empty otherwise.
   */
  static Optional<ReusedLexer> of(StanfordCoreNLP pipeline) {
    try {
      if (!(CrfWindows.field(AnnotationPipeline.class, "annotators").get(pipeline)
              instanceof List<?> annotators)
          || annotators.size() != 1
          || !(annotators.get(0) instanceof TokenizerAnnotator tokenizer)
          || CrfWindows.field(TokenizerAnnotator.class, "segmenterAnnotator").get(tokenizer) != null
          || CrfWindows.field(TokenizerAnnotator.class, "cdcAnnotator").get(tokenizer) != null
          || CrfWindows.field(TokenizerAnnotator.class, "cleanxmlAnnotator").get(tokenizer) != null
          || !(CrfWindows.field(TokenizerAnnotator.class, "postProcessors").get(tokenizer)
                  instanceof List<?> postProcessors
              && postProcessors.isEmpty())
          || !(CrfWindows.field(TokenizerAnnotator.class, "ssplitAnnotator").get(tokenizer)
              instanceof WordsToSentencesAnnotator sentences)
          || CrfWindows.field(WordsToSentencesAnnotator.class, "countLineNumbers")
              .getBoolean(sentences)
          || !(CrfWindows.field(TokenizerAnnotator.class, "factory").get(tokenizer)
              instanceof PTBTokenizer.PTBTokenizerFactory<?> factory)
          || !(CrfWindows.field(PTBTokenizer.PTBTokenizerFactory.class, "factory").get(factory)
              instanceof LexedTokenFactory<?> tokenFactory)
          || !(CrfWindows.field(PTBTokenizer.PTBTokenizerFactory.class, "options").get(factory)
              instanceof String options)) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked")
      WordToSentenceProcessor<CoreLabel> splitter =
          (WordToSentenceProcessor<CoreLabel>)
              CrfWindows.field(WordsToSentencesAnnotator.class, "wts").get(sentences);
      Constructor<?> lexer =
          Class.forName("edu.stanford.nlp.process.PTBLexer")
              .getDeclaredConstructor(Reader.class, LexedTokenFactory.class, String.class);
      lexer.setAccessible(true);
      return Optional.of(
          new ReusedLexer(splitter, PresizedTokenFactory.or(tokenFactory), lexer, options));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static MethodHandle unreflect(Class<?> owner, String name, Class<?>... parameters)
      throws ReflectiveOperationException {
    var method = owner.getDeclaredMethod(name, parameters);
    method.setAccessible(true);
    return MethodHandles.lookup().unreflect(method);
  }

  /** The sentences of {@code text}, each a list of its tokens, as the pipeline splits them. */
  List<List<CoreLabel>> sentences(String text) {
    List<CoreLabel> tokens = tokens(text);
    TokenizerAnnotator.adjustFinalToken(tokens);
    for (CoreLabel token : tokens) {
      token.set(
          CoreAnnotations.IsNewlineAnnotation.class,
          token.word().equals(AbstractTokenizer.NEWLINE_TOKEN));
    }
    List<List<CoreLabel>> sentences = splitter.apply(tokens);
    sentences.removeIf(List::isEmpty);
    return sentences;
  }

  private List<CoreLabel> tokens(String text) {
    Object lexer = lexers.get();
    List<CoreLabel> tokens = new ArrayList<>(text.length() / CHARACTERS_PER_TOKEN + 2);
    try {
      reset.invokeExact(lexer, (Reader) new StringReader(text + " "));
      lexicalState.setInt(lexer, initialLexicalState);
      previousToken.set(lexer, tokenFactory.makeToken("", 0, 0));
      ((StringBuilder) previousTokenAfter.get(lexer)).setLength(0);
      seenUntokenizable.setBoolean(lexer, false);
      for (Object token = (Object) next.invokeExact(lexer);
          token != null;
          token = (Object) next.invokeExact(lexer)) {
        tokens.add((CoreLabel) token);
      }
    } catch (RuntimeException | Error e) {
      lexers.remove();
      throw e;
    } catch (Throwable e) {
      lexers.remove();
      throw new IllegalStateException("CoreNLP's lexer failed", e);
    }
    return tokens;
  }
}
