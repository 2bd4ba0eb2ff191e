package io.gramian.estimation.model;

/**
 * A model too large for its data or for the memory Java may use, refused before anything is
 * allocated ({@link ModelSizeRule}). The message is one sentence, {@code <subject> <what it
 * needs>}, for instance {@code SARIMAX(0, 0, 0)x(0, 0, 1, 5000) needs at least 10000 observations
 * (two full seasons of period 5000); the data has 100}. A caller that knows how the user spelled
 * the model (the command line, say) may restate it with {@link #withSubject}.
 */
public final class ModelSizeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String need;

  /**
   * @param subject the model, as the message names it
   * @param need the rest of the sentence: what it needs and what there is
   */
  public ModelSizeException(String subject, String need) {
    super(subject + " " + need);
    this.subject = subject;
    this.need = need;
  }

  /** The model, as the message names it. */
  public String subject() {
    return subject;
  }

  /** The rest of the sentence: what the model needs and what the data or the heap give. */
  public String need() {
    return need;
  }

  /** The same refusal with the model named otherwise (e.g. by its command-line options). */
  public ModelSizeException withSubject(String otherSubject) {
    ModelSizeException e = new ModelSizeException(otherSubject, need);
    e.initCause(this);
    return e;
  }
}
