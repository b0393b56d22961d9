package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.clinicalingest.RedactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP parts every redactor in the JVM shares: the tokenizer and sentence splitter, the
 * English 3-class CRF classifier with its window labelling, the case table used to restore case,
 * and the word lists that decide where the classifier must look.
 *
 * <p>Design: the classifier takes seconds and hundreds of megabytes to load, so it is loaded once,
 * lazily, on first use, under a lock (double-checked on a volatile field), and never unloaded. A
 * failed load throws and leaves nothing cached, so a later call tries again. All parts are
 * read-only after loading; CoreNLP's tokenizer pipeline and {@code CRFClassifier#classifySentence}
 * may be called from many threads at once.
 */
public final class SharedModel {
  private static final Logger LOG = LoggerFactory.getLogger(SharedModel.class);

  /** The classifier: PERSON, LOCATION and ORGANIZATION, trained on the largest English data. */
  public static final String CLASSIFIER =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** CoreNLP's truecaser table: lower-case word to its usual written form ("smith" -> "Smith"). */
  public static final String CASE_TABLE = "edu/stanford/nlp/models/truecase/MixDisambiguation.list";

  /** Names that are also common words, one a line, next to this class. */
  static final String NAME_WORDS = "name-words.txt";

  /** Clinical note words that are never names, one a line, next to this class. */
  static final String CLINICAL_WORDS = "clinical-words.txt";

  private static final Object LOCK = new Object();
  private static volatile SharedModel instance;

  private final StanfordCoreNLP tokenizer;

  /** The tokenizer's lexer reused from text to text, or null if only the pipeline can run. */
  private final ReusedLexer lexer;

  private final CRFClassifier<CoreLabel> classifier;
  private final UnaryOperator<String> caseForms;
  private final Optional<CrfWindows> windows;
  private final TokenKinds tokenKinds;
  private final Function<String, WordEntry> wordEntries;
  private final Cities cities;

  private SharedModel(
      StanfordCoreNLP tokenizer,
      CRFClassifier<CoreLabel> classifier,
      UnaryOperator<String> caseForms,
      Set<String> nameWords,
      Set<String> clinicalWords,
      Cities cities) {
    this.tokenizer = tokenizer;
    this.lexer = ReusedLexer.of(tokenizer).orElse(null);
    if (lexer == null) {
      LOG.warn(
          "CoreNLP's tokenizer is not of the kind whose lexer can be reused;"
              + " every text builds its own tokenizer");
    }
    this.classifier = classifier;
    this.caseForms = caseForms;
    this.cities = cities;
    this.windows = CrfWindows.of(classifier);
    if (windows.isEmpty()) {
      LOG.warn(
          "the CRF classifier is not of the kind the windowed fast path handles;"
              + " every sentence goes through the whole CRF");
    }
    // A copy: CoreNLP adds the lower-case words it meets to the live set (up to a limit), and the
    // choice of windows must not depend on the texts seen before.
    this.tokenKinds =
        new TokenKinds(
            commonWords(classifier.getKnownLCWords()), nameWords, clinicalWords, caseForms);
    this.wordEntries = new CachedWordFunction<>(word -> new WordEntry(tokenKinds.factsOf(word)));
  }

  /**
   * The shared model, loaded on the first call.
   *
   * @throws RedactionException if the models jar is missing from the classpath or unreadable
   */
  public static SharedModel get() {
    SharedModel loaded = instance;
    if (loaded == null) {
      synchronized (LOCK) {
        loaded = instance;
        if (loaded == null) {
          loaded = load();
          instance = loaded;
        }
      }
    }
    return loaded;
  }

  /** Whether the model has been loaded in this JVM. */
  public static boolean isLoaded() {
    return instance != null;
  }

  private static SharedModel load() {
    // About a second of parsing: read beside the tokenizer and the classifier.
    CompletableFuture<Cities> cities = CompletableFuture.supplyAsync(Cities::load);
    Properties properties = new Properties();
    properties.setProperty("annotators", "tokenize,ssplit");
    properties.setProperty("tokenize.language", "en");
    properties.setProperty("tokenize.options", "untokenizable=noneDelete");
    StanfordCoreNLP tokenizer = new StanfordCoreNLP(properties);
    CRFClassifier<CoreLabel> classifier;
    try {
      classifier = CRFClassifier.getClassifier(CLASSIFIER);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new RedactionException(
          "ner stage: CoreNLP classifier " + CLASSIFIER + " could not be loaded", e);
    }
    if (classifier.flags.wordFunction != null) {
      classifier.flags.wordFunction = new CachedWordFunction<>(classifier.flags.wordFunction);
    }
    if (!HugeMethods.compiled()) {
      LOG.warn(
          "CoreNLP's CRF feature extraction is too large for this JVM's JIT and runs interpreted;"
              + " start the JVM with {} for named-entity recognition 1.4-2.3x as fast (measured)",
          HugeMethods.JVM_OPTION);
    }
    return new SharedModel(
        tokenizer,
        classifier,
        loadCaseForms(),
        loadWords(NAME_WORDS),
        loadWords(CLINICAL_WORDS),
        joined(cities));
  }

  private static Cities joined(CompletableFuture<Cities> cities) {
    try {
      return cities.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Set<String> loadWords(String resource) {
    InputStream stream = SharedModel.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("resource " + resource + " missing from ner-corenlp jar");
    }
    Set<String> words = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new RedactionException("ner stage: resource " + resource + " unreadable", e);
    }
    return Set.copyOf(words);
  }

  /** A copy of the CRF's lower-case vocabulary, looked up by hash, or in a set if two share one. */
  private static Predicate<String> commonWords(Set<String> knownLowerCase) {
    return WordTable.ofWords(knownLowerCase)
        .<Predicate<String>>map(table -> table::contains)
        .orElseGet(() -> Set.copyOf(knownLowerCase)::contains);
  }

  /** The case forms, looked up by hash ({@link WordTable}), or in a map if two words share one. */
  private static UnaryOperator<String> loadCaseForms() {
    InputStream stream = SharedModel.class.getClassLoader().getResourceAsStream(CASE_TABLE);
    if (stream == null) {
      throw new RedactionException(
          "ner stage: CoreNLP case table " + CASE_TABLE + " is not on the classpath");
    }
    Map<String, String> forms = new HashMap<>(1 << 18);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
          continue;
        }
        String lower = line.substring(0, tab);
        String form = line.substring(tab + 1).strip();
        if (form.length() == lower.length() && !form.equals(lower) && isWord(lower)) {
          forms.put(lower, form);
        }
      }
    } catch (IOException e) {
      throw new RedactionException(
          "ner stage: CoreNLP case table " + CASE_TABLE + " unreadable", e);
    }
    return WordTable.of(forms)
        .<UnaryOperator<String>>map(table -> table::get)
        .orElseGet(() -> Map.copyOf(forms)::get);
  }

  private static boolean isWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i)) && word.charAt(i) != '\'') {
        return false;
      }
    }
    return true;
  }

  /** Tokenizer and sentence splitter ({@code tokenize,ssplit}); thread-safe. */
  public StanfordCoreNLP tokenizer() {
    return tokenizer;
  }

  /**
   * The sentences of {@code text}, each a list of its tokens, as {@link #tokenizer()} gives them
   * (without the sentence annotations and token indexes, when its lexer can be reused);
   * thread-safe.
   */
  public List<List<CoreLabel>> sentences(String text) {
    if (lexer != null) {
      return lexer.sentences(text);
    }
    Annotation document = new Annotation(text);
    tokenizer.annotate(document);
    return document.get(CoreAnnotations.SentencesAnnotation.class).stream()
        .map(sentence -> sentence.get(CoreAnnotations.TokensAnnotation.class))
        .toList();
  }

  /** The CRF classifier; {@code classifySentence} is thread-safe. */
  public CRFClassifier<CoreLabel> classifier() {
    return classifier;
  }

  /**
   * Window labelling for the classifier, or empty if the classifier's internals could not be
   * reached (the caller then classifies whole sentences).
   */
  Optional<CrfWindows> windows() {
    return windows;
  }

  /** Sorts tokens into candidates and others for window labelling. */
  TokenKinds tokenKinds() {
    return tokenKinds;
  }

  /** The entry of each token's word, looked up once per token. */
  WordEntry[] wordEntries(List<CoreLabel> sentence) {
    WordEntry[] entries = new WordEntry[sentence.size()];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = wordEntries.apply(sentence.get(i).word());
    }
    return entries;
  }

  /** City names, for places the model misses. */
  Cities cities() {
    return cities;
  }

  /** The usual written form of a lower-case word, or null if it is usually lower case. */
  public String caseForm(String lowerCaseWord) {
    return caseForms.apply(lowerCaseWord);
  }
}
