package io.gramian.estimation.saved;

/**
 * A saved-fit file that is not the JSON it should be: malformed JSON (the message names the line
 * and column), or a field missing or of the wrong kind (the message names the field). The command
 * line reports it as bad input: one line, exit status 2.
 */
public final class JsonFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  JsonFormatException(String message) {
    super(message);
  }
}
