package org.clinicalingest.ner.corenlp.internal;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordShapeClassifier;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.util.PaddedList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The features of a token's cliques as {@link FeatureIndex} hashes, computed by CoreNLP's own
 * feature code without building a string.
 *
 * <p>Design: {@code NERFeatureFactory#getCliqueFeatures} writes each feature into a {@code
 * StringBuilder}, makes a string of it and puts the string in a new {@code HashSet}; window
 * labelling then hashed every string again to look it up. Here the factory's {@code featuresC},
 * {@code featuresCpC} and {@code featuresCnC}, which {@code getCliqueFeatures} calls for the two
 * cliques of a first-order CRF, write into a {@link Collector} that feeds each fragment straight
 * into the string hash of {@link FeatureIndex}, so every feature arrives as the hash its string
 * would have had, and duplicates are dropped as the set dropped them. The feature methods are
 * protected, so they are called through method handles opened by reflection.
 *
 * <p>This class is a copy of the model's factory: it extends {@code NERFeatureFactory}, takes every
 * field of the model's factory (flags, lexicons), and differs in one method. CoreNLP's factory
 * reads each word through the model's word function ({@code getWord}), some forty times per token
 * and two hundred for a capitalised word before a lower-case one (its occurrence patterns); here a
 * word is read as the token holds it, which the tokens that {@link CrfWindows#prepare} makes hold
 * already normalised, so the features are the same strings. {@link #of} returns empty if the
 * factory is not a plain {@code NERFeatureFactory}, if it splits words by a regular expression (the
 * one feature that reads the token's word without {@code getWord}), or if the methods or fields
 * cannot be opened. Immutable after {@link #of} and thread-safe; a {@link Collector} is for one
 * thread.
 */
final class FeatureHashing extends NERFeatureFactory<CoreLabel> {

  private static final long serialVersionUID = 1L;

  /**
   * The flags that switch on one-label features in {@code featuresC} of CoreNLP 4.5.10, each on its
   * own: every boolean flag that method reads but those that only shape a feature switched on by
   * another (the n-gram options, the gazette kinds, the disjunctions' shape interaction, {@code
   * useTypeSeqs} under a word shape) or choose its branch ({@code useInternal}, {@code
   * useExternal}). A word shape, length bins and a word-splitting expression switch features on
   * too.
   */
  private static final List<String> ONE_LABEL_SWITCHES =
      List.of(
          "checkNameList",
          "twoStage",
          "use2W",
          "useABGENE",
          "useABSTR",
          "useABSTRFreq",
          "useABSTRFreqDict",
          "useAbbr1",
          "useAbbr",
          "useBagOfWords",
          "useBeginSent",
          "useChunks",
          "useClassFeature",
          "useCommonWordsFeature",
          "useDisjShape",
          "useDisjunctive",
          "useDistSim",
          "useEitherSideDisjunctive",
          "useEitherSideWord",
          "useEntityRule",
          "useEntityTypes",
          "useExtraTaggySequences",
          "useFREQ",
          "useFirstWord",
          "useGENIA",
          "useGazFeatures",
          "useGazettes",
          "useGenericFeatures",
          "useHeadGov",
          "useIfInteger",
          "useIsDateRange",
          "useIsURL",
          "useLC",
          "useLastRealWord",
          "useLemmas",
          "useMUCFeatures",
          "useMinimalAbbr1",
          "useMinimalAbbr",
          "useMoreGazFeatures",
          "useMoreNeighborNGrams",
          "useMoreTags",
          "useNGrams",
          "useNPGovernor",
          "useNPHead",
          "useNext",
          "useNextRealWord",
          "useNextVB",
          "useOccurrencePatterns",
          "useOrdinal",
          "usePhraseWordTags",
          "usePhraseWords",
          "usePosition",
          "usePrev",
          "usePrevNextLemmas",
          "usePrevVB",
          "useProtoFeatures",
          "useRadical",
          "useShapeConjunctions",
          "useShapeStrings",
          "useSymTags",
          "useSymWordPairs",
          "useTags",
          "useTitle2",
          "useTitle",
          "useTopics",
          "useUndirectedDisjunctive",
          "useUnknown",
          "useVB",
          "useWEB",
          "useWEBFreqDict",
          "useWideDisjunctive",
          "useWord",
          "useWordPairs",
          "useWordTag",
          "useWordnetFeatures");

  private final transient MethodHandle featuresC;
  private final transient MethodHandle featuresCpC;
  private final transient MethodHandle featuresCnC;

  private FeatureHashing(
      MethodHandle featuresC, MethodHandle featuresCpC, MethodHandle featuresCnC) {
    this.featuresC = featuresC;
    this.featuresCpC = featuresCpC;
    this.featuresCnC = featuresCnC;
  }

  /** Hashing for the features of {@code features}, or empty if it is of a kind not handled. */
  static Optional<FeatureHashing> of(FeatureFactory<CoreLabel> features) {
    if (features.getClass() != NERFeatureFactory.class) {
      return Optional.empty();
    }
    try {
      FeatureHashing hashing =
          new FeatureHashing(handle("featuresC"), handle("featuresCpC"), handle("featuresCnC"));
      copyFields(features, hashing);
      String splitWords = hashing.flags.splitWordRegex;
      return splitWords == null || splitWords.isEmpty() ? Optional.of(hashing) : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A copy that leaves out the one-label features read from the token's word alone, or empty if the
   * flags cannot be copied. Those are the blocks that three flags switch on, each read only in
   * {@code featuresC}: the word's character n-grams ({@code useNGrams}), the word itself ({@code
   * useWord}) and the constant class feature ({@code useClassFeature}). Their potentials are a
   * function of the word, which {@link CrfWindows} keeps per word instead of building, hashing and
   * looking up a dozen n-gram strings per token. The copy's other features are this one's.
   */
  Optional<FeatureHashing> withoutWordFeatures() {
    return copyWith(
        copied -> {
          copied.useNGrams = false;
          copied.useWord = false;
          copied.useClassFeature = false;
        });
  }

  /**
   * A copy that leaves out the neighbour features: those that {@code usePrev}, {@code useNext},
   * {@code useDistSim} and {@code useDisjunctive} switch on in {@code featuresC}, which {@link
   * NeighbourFeatures} adds up from potentials kept per word. Only the one-label features of the
   * copy are read: the flags switch two-label features on too.
   */
  Optional<FeatureHashing> withoutNeighbourFeatures() {
    return copyWith(
        copied -> {
          copied.usePrev = false;
          copied.useNext = false;
          copied.useDistSim = false;
          copied.useDisjunctive = false;
        });
  }

  /**
   * A copy that leaves out the shape features and the occurrence patterns: those that {@code
   * wordShape}, {@code useLastRealWord}, {@code useNextRealWord} and {@code useOccurrencePatterns}
   * switch on in {@code featuresC}, which {@link ShapeFeatures} adds up from potentials kept per
   * word and a few lookups per token. Only the one-label features of the copy are read.
   */
  Optional<FeatureHashing> withoutShapeFeatures() {
    return copyWith(
        copied -> {
          copied.wordShape = WordShapeClassifier.NOWORDSHAPE;
          copied.useLastRealWord = false;
          copied.useNextRealWord = false;
          copied.useOccurrencePatterns = false;
        });
  }

  /**
   * Whether {@code featuresC} may give a token a feature under these flags: false only if none of
   * its switches is on ({@link #ONE_LABEL_SWITCHES}, a word shape, length bins, a word-splitting
   * expression), when it gives none whatever the sentence (the documents {@link CrfWindows#prepare}
   * makes carry no stacked NER tags). True if a switch cannot be read.
   */
  boolean givesFeatures() {
    try {
      for (String name : ONE_LABEL_SWITCHES) {
        if (SeqClassifierFlags.class.getField(name).getBoolean(flags)) {
          return true;
        }
      }
    } catch (ReflectiveOperationException e) {
      return true;
    }
    return flags.wordShape != WordShapeClassifier.NOWORDSHAPE
        || flags.binnedLengths != null
        || (flags.splitWordRegex != null && !flags.splitWordRegex.isEmpty());
  }

  /** A copy whose flags are a copy of these with {@code change} made, or empty if it fails. */
  private Optional<FeatureHashing> copyWith(Consumer<SeqClassifierFlags> change) {
    try {
      FeatureHashing copy = new FeatureHashing(featuresC, featuresCpC, featuresCnC);
      copyFields(this, copy);
      SeqClassifierFlags changed = new SeqClassifierFlags();
      copyFields(SeqClassifierFlags.class, flags, changed);
      change.accept(changed);
      copy.flags = changed;
      return Optional.of(copy);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Copies every instance field of {@code NERFeatureFactory} and its superclasses. */
  private static void copyFields(Object from, Object to) throws ReflectiveOperationException {
    copyFields(NERFeatureFactory.class, from, to);
  }

  /** Copies every instance field of {@code owner} and its superclasses. */
  private static void copyFields(Class<?> owner, Object from, Object to)
      throws ReflectiveOperationException {
    for (Class<?> type = owner; type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          field.set(to, field.get(from));
        }
      }
    }
  }

  /**
   * The token's word as it is: {@link CrfWindows#prepare} has applied the model's word function,
   * which CoreNLP's factory applies here on every read.
   */
  @Override
  protected String getWord(CoreLabel label) {
    return label.getString(CoreAnnotations.TextAnnotation.class);
  }

  private static MethodHandle handle(String name) throws ReflectiveOperationException {
    var method =
        NERFeatureFactory.class.getDeclaredMethod(
            name, PaddedList.class, int.class, FeatureCollector.class);
    method.setAccessible(true);
    return MethodHandles.lookup()
        .unreflect(method)
        .asType(
            MethodType.methodType(
                void.class, NERFeatureFactory.class, PaddedList.class, int.class, Collector.class));
  }

  /** A collector for one thread's use. */
  Collector collector() {
    return new Collector();
  }

  /**
   * Collects the hashes of the features of the one-token clique at {@code token}, as {@code
   * getCliqueFeatures} would give them for {@code cliqueC}, into {@code collector}.
   */
  void cliqueC(PaddedList<CoreLabel> document, int token, Collector collector) {
    collector.start(document);
    invoke(featuresC, document, token, collector);
  }

  /**
   * Collects the hashes of the features of the two-token clique ending at {@code token}, as {@code
   * getCliqueFeatures} would give them for {@code cliqueCpC}, into {@code collector}.
   */
  void cliqueCpC(PaddedList<CoreLabel> document, int token, Collector collector) {
    collector.start(document);
    invoke(featuresCpC, document, token, collector);
    invoke(featuresCnC, document, token - 1, collector);
  }

  private void invoke(
      MethodHandle features, PaddedList<CoreLabel> document, int token, Collector collector) {
    try {
      features.invoke(this, document, token, collector);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("CoreNLP feature extraction failed", e);
    }
  }

  /**
   * Takes the features of one clique as {@code FeatureCollector} would build their strings, and
   * keeps their hashes instead: {@link FeatureIndex#hash} of "feature|suffix", and of
   * "feature|domain-suffix" when a domain is set.
   */
  static final class Collector extends FeatureCollector {

    private String suffix;
    private PaddedList<CoreLabel> document;
    private String domain;
    private long state = FeatureIndex.HASH_START;
    private long[] hashes = new long[128];
    private int count;

    /**
     * Open addressing over the hashes kept: slot {@code i} is taken if it has the round's stamp.
     */
    private long[] slots = new long[256];

    private int[] stamps = new int[256];
    private int round;

    private Collector() {
      super(null);
    }

    /** Starts a clique of {@code document}; its domain is read once per document. */
    private void start(PaddedList<CoreLabel> document) {
      if (document != this.document) {
        this.document = document;
        setDomain(document.get(0).get(CoreAnnotations.DomainAnnotation.class));
      }
      state = FeatureIndex.HASH_START;
      count = 0;
      if (++round == 0) {
        Arrays.fill(stamps, 0);
        round = 1;
      }
    }

    /**
     * The distinct hashes of the clique collected last, in the order first seen: the first {@link
     * #count} entries, until the next clique.
     */
    long[] hashes() {
      return hashes;
    }

    /** How many hashes the clique collected last has. */
    int count() {
      return count;
    }

    @Override
    public FeatureCollector setSuffix(String suffix) {
      this.suffix = suffix;
      return this;
    }

    @Override
    public void setDomain(String domain) {
      this.domain = domain;
    }

    @Override
    public FeatureCollector build() {
      state = FeatureIndex.HASH_START;
      return this;
    }

    @Override
    public FeatureCollector append(String fragment) {
      state = FeatureIndex.extend(state, String.valueOf(fragment));
      return this;
    }

    @Override
    public FeatureCollector append(char c) {
      state = FeatureIndex.extend(state, c);
      return this;
    }

    @Override
    public FeatureCollector dash() {
      return append('-');
    }

    @Override
    public void add() {
      long stem = FeatureIndex.extend(state, '|');
      keep(FeatureIndex.finish(FeatureIndex.extend(stem, suffix)));
      if (domain != null) {
        long withDomain = FeatureIndex.extend(FeatureIndex.extend(stem, domain), '-');
        keep(FeatureIndex.finish(FeatureIndex.extend(withDomain, suffix)));
      }
      state = FeatureIndex.HASH_START;
    }

    @Override
    public void add(String feature) {
      build().append(feature).add();
    }

    private void keep(long hash) {
      if (2 * count >= slots.length) {
        growSlots();
      }
      if (!taken(hash)) {
        if (count == hashes.length) {
          hashes = Arrays.copyOf(hashes, 2 * count);
        }
        hashes[count++] = hash;
      }
    }

    /** Whether the clique collected last has the feature with {@code hash}. */
    boolean holds(long hash) {
      int mask = slots.length - 1;
      for (int slot = (int) hash & mask; stamps[slot] == round; slot = (slot + 1) & mask) {
        if (slots[slot] == hash) {
          return true;
        }
      }
      return false;
    }

    /** Whether {@code hash} was kept this round; takes its slot if not. */
    private boolean taken(long hash) {
      int mask = slots.length - 1;
      int slot = (int) hash & mask;
      for (; stamps[slot] == round; slot = (slot + 1) & mask) {
        if (slots[slot] == hash) {
          return true;
        }
      }
      stamps[slot] = round;
      slots[slot] = hash;
      return false;
    }

    private void growSlots() {
      slots = new long[2 * slots.length];
      stamps = new int[slots.length];
      round = 1;
      for (int i = 0; i < count; i++) {
        taken(hashes[i]);
      }
    }
  }
}
