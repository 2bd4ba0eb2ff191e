package io.gramian.estimation.online;

import io.gramian.kalman.OnlineFilterState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A snapshot of an {@link OnlineMaximumLikelihood}: θ (the optimiser's coordinates), the running
 * information I_t, the γ-weighted scores of an unfinished block, the counts, and the filter's own
 * {@link OnlineFilterState}. {@link #toBytes()} writes it exactly (IEEE 754 bits); a learner made
 * by {@code afterFit} on the same model and stretch and then {@link OnlineMaximumLikelihood#restore
 * restored} continues to the last bit. Immutable: the accessors return copies.
 */
public final class LearnerState {

  /** The first bytes of {@link #toBytes()}: the format's name and version. */
  private static final int MAGIC = 0x47524C31; // "GRL1"

  private final double[] theta;
  private final double[] information;
  private final double[] pendingScores;
  private final int pending;
  private final int online;
  private final int skipped;
  private final OnlineFilterState filter;

  LearnerState(
      double[] theta,
      double[] information,
      double[] pendingScores,
      int pending,
      int online,
      int skipped,
      OnlineFilterState filter) {
    this.theta = theta.clone();
    this.information = information.clone();
    this.pendingScores = pendingScores.clone();
    this.pending = pending;
    this.online = online;
    this.skipped = skipped;
    this.filter = filter;
  }

  /** θ in the optimiser's coordinates (a copy). */
  public double[] theta() {
    return theta.clone();
  }

  /** The filter's state. */
  public OnlineFilterState filter() {
    return filter;
  }

  /** Observations taken online before the snapshot. */
  public int online() {
    return online;
  }

  double[] informationView() {
    return information;
  }

  double[] pendingScoresView() {
    return pendingScores;
  }

  int pending() {
    return pending;
  }

  int skipped() {
    return skipped;
  }

  /** The snapshot as bytes: a version tag, the sizes, the numbers' bits, the filter's bytes. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(theta.length);
      for (double v : theta) {
        out.writeDouble(v);
      }
      for (double v : information) {
        out.writeDouble(v);
      }
      for (double v : pendingScores) {
        out.writeDouble(v);
      }
      out.writeInt(pending);
      out.writeInt(online);
      out.writeInt(skipped);
      byte[] f = filter.toBytes();
      out.writeInt(f.length);
      out.write(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalArgumentException if the bytes are not such a snapshot
   */
  public static LearnerState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a learner snapshot (unknown format tag)");
      }
      int k = in.readInt();
      if (k < 1 || (long) k * k * 8 > bytes.length) {
        throw new IllegalArgumentException("not a learner snapshot (" + k + " parameters)");
      }
      double[] theta = new double[k];
      double[] information = new double[k * k];
      double[] pendingScores = new double[k];
      for (int i = 0; i < k; i++) {
        theta[i] = in.readDouble();
      }
      for (int i = 0; i < k * k; i++) {
        information[i] = in.readDouble();
      }
      for (int i = 0; i < k; i++) {
        pendingScores[i] = in.readDouble();
      }
      int pending = in.readInt();
      int online = in.readInt();
      int skipped = in.readInt();
      int length = in.readInt();
      if (length < 0 || length != in.available()) {
        throw new IllegalArgumentException("not a learner snapshot (its filter's length is wrong)");
      }
      byte[] f = in.readNBytes(length);
      return new LearnerState(
          theta,
          information,
          pendingScores,
          pending,
          online,
          skipped,
          OnlineFilterState.fromBytes(f));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a learner snapshot (it ends early)", e);
    }
  }
}
