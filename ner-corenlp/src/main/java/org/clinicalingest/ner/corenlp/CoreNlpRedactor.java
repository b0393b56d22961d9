package org.clinicalingest.ner.corenlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.clinicalingest.RedactionException;
import org.clinicalingest.ner.corenlp.internal.EntityFinder;
import org.clinicalingest.ner.corenlp.internal.HugeMethods;
import org.clinicalingest.ner.corenlp.internal.LruCache;
import org.clinicalingest.ner.corenlp.internal.SharedModel;
import org.clinicalingest.ner.corenlp.internal.TermMatcher;
import org.clinicalingest.spi.NerRedactor;
import org.clinicalingest.spi.PhiSpan;
import org.clinicalingest.spi.PhiType;
import org.clinicalingest.spi.Redaction;

/**
 * Finds person names, and optionally places and organisations, in free clinical text with the
 * Stanford CoreNLP English CRF model, in batches spread over its own threads.
 *
 * <pre>{@code
 * try (CoreNlpRedactor redactor = CoreNlpRedactor.builder().threads(4).batchSize(64).build()) {
 *   List<Redaction> redactions = redactor.redactAll(notes);
 * }
 * }</pre>
 *
 * <p>The model is loaded once per JVM, on the first call of any redactor, and shared by all of
 * them. Each redactor owns a fixed pool of worker threads: {@link #redactAll} cuts its texts into
 * batches of {@code batchSize} and runs them on the pool, so one call uses all the threads. Person
 * names are reported as {@link PhiType#NAME}; places smaller than a state as {@link
 * PhiType#LOCATION}; organisations as {@link PhiType#ORGANIZATION} if that category is enabled.
 * Clinical terms that look like names (the {@linkplain #defaultAllowList() allow list}: Parkinson,
 * Foley, Glasgow Coma Scale, ...) are never reported. Text written all in capitals or all in lower
 * case gets its case restored before the model sees it. Offsets are UTF-16 indexes into each input
 * text.
 *
 * <p>Thread-safe: {@link #redactAll} may be called from many threads at once. {@link #close()}
 * stops the pool; the shared model stays loaded.
 */
public final class CoreNlpRedactor implements NerRedactor {

  /** Resource holding the default allow list of clinical terms. */
  static final String ALLOW_LIST_RESOURCE = "allow-list.txt";

  /** Resource holding places that are not PHI (states, countries). */
  static final String NON_PHI_PLACES_RESOURCE = "non-phi-places.txt";

  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final int threads;
  private final int batchSize;
  private final Set<PhiType> categories;
  private final Set<String> allowList;
  private final int cacheSize;
  private final boolean restoreCase;
  private final boolean windowed;
  private final int sentenceCacheSize;
  private final TermMatcher allowMatcher;
  private final LruCache<List<PhiSpan>> cache;
  private final LruCache<String[]> sentenceCache;
  private final ExecutorService pool;
  private volatile EntityFinder finder;
  private volatile boolean closed;

  private CoreNlpRedactor(Builder builder) {
    this.threads = builder.threads;
    this.batchSize = builder.batchSize;
    this.categories = Set.copyOf(builder.categories);
    this.allowList = Set.copyOf(builder.allowList);
    this.cacheSize = builder.cacheSize;
    this.restoreCase = builder.restoreCase;
    this.windowed = builder.windowed;
    this.sentenceCacheSize = builder.sentenceCacheSize;
    this.allowMatcher = TermMatcher.of(allowList);
    this.cache = cacheSize > 0 ? new LruCache<>(cacheSize) : null;
    this.sentenceCache = sentenceCacheSize > 0 ? new LruCache<>(sentenceCacheSize) : null;
    int poolNumber = POOL_NUMBER.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(
                  runnable,
                  "corenlp-redactor-" + poolNumber + "-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.pool = Executors.newFixedThreadPool(threads, factory);
  }

  /** A builder with the defaults described on each option. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this redactor's options, to make a variant. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.threads = threads;
    builder.batchSize = batchSize;
    builder.categories = EnumSet.copyOf(categories);
    builder.allowList = new LinkedHashSet<>(allowList);
    builder.cacheSize = cacheSize;
    builder.restoreCase = restoreCase;
    builder.windowed = windowed;
    builder.sentenceCacheSize = sentenceCacheSize;
    return builder;
  }

  /**
   * The clinical terms shipped as the default allow list (eponyms, signs, scales, devices, brand
   * names that look like names), as written in the resource file.
   *
   * @return an immutable, ordered set
   */
  public static Set<String> defaultAllowList() {
    return readTerms(ALLOW_LIST_RESOURCE);
  }

  /**
   * Loads the shared CoreNLP model now rather than on the first call, e.g. at application start.
   * Thread-safe; does nothing if it is already loaded.
   *
   * @throws RedactionException if the models jar is missing or unreadable
   */
  public static void preloadModel() {
    SharedModel.get();
  }

  /**
   * Whether this JVM JIT-compiles CoreNLP's CRF feature extraction. That method is larger than
   * HotSpot compiles by default, so it runs interpreted and recognition takes 1.4–2.3 times as long
   * (measured), unless the JVM is started with {@code -XX:-DontCompileHugeMethods}; the model's
   * load logs a warning when it is not.
   */
  public static boolean featureExtractionCompiled() {
    return HugeMethods.compiled();
  }

  /**
   * Finds the spans to redact in each text, spreading the texts over this redactor's threads.
   *
   * @param texts the texts, none null
   * @return one redaction per text, in input order
   * @throws IllegalStateException if this redactor is closed
   * @throws RedactionException if the model cannot be loaded or fails on a text; the message names
   *     the text's index in {@code texts}, never its content
   */
  @Override
  public List<Redaction> redactAll(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    return redactAll(texts, Collections.nCopies(texts.size(), List.of()));
  }

  /**
   * Finds the spans to redact in each text, skipping the CRF where every candidate word lies inside
   * a known span, as such words are redacted anyway; a known given name next to an eponym outside
   * ("Virginia Parkinson") is still labelled. Names, places and organisations wholly inside known
   * spans may be missing from the result; the rest is found as by {@link #redactAll(List)}. With
   * {@link Builder#windowed windowed(false)} the known spans are ignored.
   *
   * @param texts the texts, none null
   * @param known per text, the spans already found in it; as many lists as texts
   * @return one redaction per text, in input order
   * @throws IllegalArgumentException if {@code known} does not have one list per text
   * @throws IllegalStateException if this redactor is closed
   * @throws RedactionException if the model cannot be loaded or fails on a text; the message names
   *     the text's index in {@code texts}, never its content
   */
  @Override
  public List<Redaction> redactAll(List<String> texts, List<List<PhiSpan>> known) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(known, "known");
    if (known.size() != texts.size()) {
      throw new IllegalArgumentException(
          "known has " + known.size() + " lists for " + texts.size() + " texts");
    }
    if (closed) {
      throw new IllegalStateException("redactor is closed");
    }
    for (int index = 0; index < texts.size(); index++) {
      if (texts.get(index) == null) {
        throw new IllegalArgumentException("texts[" + index + "] is null");
      }
    }
    EntityFinder entityFinder = finder();
    List<Future<List<List<PhiSpan>>>> batches = new ArrayList<>();
    for (int from = 0; from < texts.size(); from += batchSize) {
      int start = from;
      int end = Math.min(texts.size(), from + batchSize);
      List<String> batch = texts.subList(from, end);
      List<List<PhiSpan>> batchKnown = known.subList(from, end);
      batches.add(pool.submit(() -> findAll(entityFinder, batch, batchKnown, start)));
    }
    List<Redaction> redactions = new ArrayList<>(texts.size());
    int batchStart = 0;
    for (Future<List<List<PhiSpan>>> batch : batches) {
      List<List<PhiSpan>> found = await(batch, batchStart, texts.size());
      for (List<PhiSpan> spans : found) {
        redactions.add(new Redaction(texts.get(redactions.size()), spans));
      }
      batchStart += batchSize;
    }
    return redactions;
  }

  /**
   * Finds the spans of each text of a batch. The cache keeps only results found without known
   * spans, which are complete, so any call may reuse them.
   */
  private List<List<PhiSpan>> findAll(
      EntityFinder entityFinder, List<String> batch, List<List<PhiSpan>> known, int start) {
    List<List<PhiSpan>> found = new ArrayList<>(batch.size());
    for (int offset = 0; offset < batch.size(); offset++) {
      String text = batch.get(offset);
      List<PhiSpan> knownSpans = known.get(offset);
      List<PhiSpan> spans = cache == null ? null : cache.get(text);
      if (spans == null) {
        try {
          spans = List.copyOf(entityFinder.find(text, knownSpans));
        } catch (RuntimeException e) {
          throw new RedactionException(
              "ner stage: CoreNLP failed on text " + (start + offset) + " of the call", e);
        }
        if (cache != null && knownSpans.isEmpty()) {
          cache.put(text, spans);
        }
      }
      found.add(spans);
    }
    return found;
  }

  private static List<List<PhiSpan>> await(
      Future<List<List<PhiSpan>>> batch, int batchStart, int total) {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedactionException(
          "ner stage: interrupted waiting for texts from " + batchStart + " of " + total, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RedactionException) {
        throw (RedactionException) cause;
      }
      throw new RedactionException(
          "ner stage: CoreNLP failed on texts from " + batchStart + " of " + total, cause);
    }
  }

  private EntityFinder finder() {
    EntityFinder current = finder;
    if (current == null) {
      synchronized (this) {
        current = finder;
        if (current == null) {
          current =
              new EntityFinder(
                  SharedModel.get(),
                  categories,
                  allowMatcher,
                  NonPhiPlaces.MATCHER,
                  restoreCase,
                  windowed,
                  sentenceCache);
          finder = current;
        }
      }
    }
    return current;
  }

  /** Stops this redactor's threads; texts being processed finish first. Idempotent. */
  @Override
  public void close() {
    closed = true;
    pool.shutdown();
  }

  static Set<String> readTerms(String resource) {
    InputStream stream = CoreNlpRedactor.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("resource " + resource + " missing from ner-corenlp jar");
    }
    Set<String> terms = new LinkedHashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String term = line.strip();
        if (!term.isEmpty() && !term.startsWith("#")) {
          terms.add(term);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("resource " + resource + " unreadable", e);
    }
    return Set.copyOf(terms);
  }

  /** Holder of the non-PHI place matcher, built on first use. */
  private static final class NonPhiPlaces {
    static final TermMatcher MATCHER = TermMatcher.of(readTerms(NON_PHI_PLACES_RESOURCE));
  }

  /**
   * Options of a {@link CoreNlpRedactor}. Each setter checks its value at once and throws {@link
   * IllegalArgumentException} naming the option and the value. Not thread-safe.
   */
  public static final class Builder {

    private int threads = Runtime.getRuntime().availableProcessors();
    private int batchSize = 64;
    private Set<PhiType> categories = EnumSet.of(PhiType.NAME, PhiType.LOCATION);
    private Set<String> allowList = new LinkedHashSet<>(defaultAllowList());
    private int cacheSize = 10_000;
    private boolean restoreCase = true;
    private boolean windowed = true;
    private int sentenceCacheSize = 20_000;

    private Builder() {}

    /**
     * Number of worker threads of this redactor; default: the available processors.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be > 0, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Number of texts a worker thread takes at a time; default 64.
     *
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be > 0, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The span types to report, from {@link PhiType#NAME}, {@link PhiType#LOCATION} and {@link
     * PhiType#ORGANIZATION}; default NAME and LOCATION. LOCATION never reports a US state, the US
     * or another country (not PHI under Safe Harbor); ORGANIZATION is off by default, since the
     * model tags hospital units and services too and organisation names are not Safe Harbor
     * identifiers.
     *
     * @throws IllegalArgumentException if empty or holding another type
     */
    public Builder categories(PhiType... categories) {
      return categories(List.of(categories));
    }

    /**
     * As {@link #categories(PhiType...)}.
     *
     * @throws IllegalArgumentException if empty or holding another type
     */
    public Builder categories(Collection<PhiType> categories) {
      Set<PhiType> allowed = EnumSet.of(PhiType.NAME, PhiType.LOCATION, PhiType.ORGANIZATION);
      if (categories.isEmpty()) {
        throw new IllegalArgumentException("categories must not be empty, was []");
      }
      for (PhiType category : categories) {
        if (!allowed.contains(category)) {
          throw new IllegalArgumentException(
              "categories must be NAME, LOCATION or ORGANIZATION, was " + category);
        }
      }
      this.categories = EnumSet.copyOf(categories);
      return this;
    }

    /**
     * Replaces the allow list: terms never reported even when the model tags them (matching ignores
     * case, accents, possessives and hyphens; a term ending in {@code 's} or {@code '} needs the
     * possessive). Default: {@link #defaultAllowList()}. Pass an empty list to turn the allow list
     * off.
     *
     * @throws IllegalArgumentException if a term is null
     */
    public Builder allowList(Collection<String> terms) {
      this.allowList = checkedTerms(terms);
      return this;
    }

    /**
     * Adds terms to the allow list.
     *
     * @throws IllegalArgumentException if a term is null
     */
    public Builder addAllowed(Collection<String> terms) {
      this.allowList.addAll(checkedTerms(terms));
      return this;
    }

    private static Set<String> checkedTerms(Collection<String> terms) {
      Set<String> checked = new LinkedHashSet<>();
      for (String term : terms) {
        if (term == null) {
          throw new IllegalArgumentException("allow list terms must not be null, was null");
        }
        checked.add(term);
      }
      return checked;
    }

    /**
     * Number of distinct texts whose result is kept for reuse (least recently used evicted); 0
     * turns the cache off. Default 10,000.
     *
     * @throws IllegalArgumentException if {@code cacheSize < 0}
     */
    public Builder cacheSize(int cacheSize) {
      if (cacheSize < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0, was " + cacheSize);
      }
      this.cacheSize = cacheSize;
      return this;
    }

    /** Whether to restore the case of text written all in capitals or lower case; default on. */
    public Builder restoreCase(boolean restoreCase) {
      this.restoreCase = restoreCase;
      return this;
    }

    /**
     * Whether to run the CRF only on windows around candidate words (default on) rather than on
     * every whole sentence. A candidate is a word the model could tag: a capitalised word that is
     * not just a common word opening a sentence, a word in capitals that is not a common word or
     * short abbreviation, a word after a title or relation word ("Dr.", "daughter"), or, in a text
     * written in one case, a word the model does not know as a common word. Each window is labelled
     * with the features of the whole sentence and the model's labels on its words are the ones a
     * whole-sentence run gives whenever that run labels the words around the window O; a sentence
     * without candidates skips the model. On the evaluation sets this found the same names as whole
     * sentences, at about a quarter of the CPU on the benchmark notes (see the README). Off: the
     * model labels every sentence whole (the reference behaviour).
     */
    public Builder windowed(boolean windowed) {
      this.windowed = windowed;
      return this;
    }

    /**
     * Number of distinct sentences whose labels are kept for reuse (least recently used evicted); 0
     * turns this cache off. Notes repeat sentences (templates, copied-forward text) even when the
     * whole note differs. Default 20,000 (a few megabytes).
     *
     * @throws IllegalArgumentException if {@code sentenceCacheSize < 0}
     */
    public Builder sentenceCacheSize(int sentenceCacheSize) {
      if (sentenceCacheSize < 0) {
        throw new IllegalArgumentException(
            "sentenceCacheSize must be >= 0, was " + sentenceCacheSize);
      }
      this.sentenceCacheSize = sentenceCacheSize;
      return this;
    }

    /** A redactor with these options; starts its threads, loads no model yet. */
    public CoreNlpRedactor build() {
      return new CoreNlpRedactor(this);
    }
  }
}
