package org.gridaid.register;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.gridaid.shared.web.InvalidInputException;

/**
 * The character set of an imported file. Spreadsheets save CSV as UTF-8, with a BOM (Excel's
 * "CSV UTF-8") or without, or, in Chinese Excel's plain "CSV", as GBK, which GB18030 extends.
 * A set the caller declares is used, except ISO-8859-1 and US-ASCII: many HTTP clients add
 * those by default, and they cannot hold a Chinese register. Otherwise the set is told from
 * the first 64 KB, without reading the file twice: a UTF-8 (or UTF-16) BOM, else text that is
 * strict UTF-8, else text that is strict GB18030; anything else is refused. Every set decodes
 * strictly, so a file that turns out not to be in it further on is refused too
 * ({@link MalformedLine} from the reader), never imported as garbage.
 */
final class CsvEncoding {

  static final Charset GB18030 = Charset.forName("GB18030");
  /** As much of a file as is looked at to tell its character set. */
  static final int PREFIX = 64 * 1024;

  private CsvEncoding() {}

  /** A file's text, and the character set it is read in. */
  record Text(Reader reader, Charset charset) {}

  /**
   * The text of {@code in}, without a BOM. {@code contentType}: the file's media type as the
   * caller sent it, if any, to read the declared {@code charset} from.
   */
  static Text text(InputStream in, String contentType) throws IOException {
    Charset declared = declared(contentType);
    BufferedInputStream buffered = new BufferedInputStream(in, PREFIX);
    Charset charset = declared;
    if (charset == null) {
      buffered.mark(PREFIX);
      byte[] prefix = buffered.readNBytes(PREFIX);
      buffered.reset();
      charset = detect(prefix, prefix.length < PREFIX);
    }
    return new Text(new StrictReader(buffered, charset), charset);
  }

  /** A line of the file that is not text of the file's character set (the first line is 1). */
  static final class MalformedLine extends CharacterCodingException {

    private final long line;

    MalformedLine(long line) {
      this.line = line;
    }

    long line() {
      return line;
    }
  }

  /**
   * Text decoded strictly: every character before a malformed one is handed out first, so the
   * reader of the text has read every line before the bad one when {@link MalformedLine} comes,
   * and that names the line. A BOM at the start is left out.
   */
  private static final class StrictReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean started;
    private MalformedLine malformed;
    private long line = 1;
    private char last;

    StrictReader(InputStream in, Charset charset) {
      this.in = in;
      this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      CharBuffer out = CharBuffer.wrap(buffer, offset, length);
      while (true) {
        if (malformed != null) {
          if (out.position() > offset) {
            return handOut(buffer, offset, out.position());
          }
          throw malformed;
        }
        if (flushed) {
          return out.position() > offset ? handOut(buffer, offset, out.position()) : -1;
        }
        CoderResult result = decoder.decode(bytes, out, endOfInput);
        if (result.isError()) {
          malformed = new MalformedLine(lineAt(buffer, offset, out.position()));
        } else if (result.isOverflow()) {
          return handOut(buffer, offset, out.position());
        } else if (endOfInput) {
          if (decoder.flush(out).isOverflow()) {
            return handOut(buffer, offset, out.position());
          }
          flushed = true;
        } else if (out.position() > offset) {
          return handOut(buffer, offset, out.position());
        } else {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            endOfInput = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
      }
    }

    /** Hands out {@code buffer[offset, end)}, without a BOM at the very start; counts its lines. */
    private int handOut(char[] buffer, int offset, int end) throws IOException {
      if (!started) {
        started = true;
        if (buffer[offset] == RegisterImport.BOM) {
          System.arraycopy(buffer, offset + 1, buffer, offset, end - offset - 1);
          end--;
          if (end == offset) {
            return read(buffer, offset, 1);
          }
        }
      }
      line = lineAt(buffer, offset, end);
      last = buffer[end - 1];
      return end - offset;
    }

    /** The line after the characters {@code buffer[offset, end)} (a CR LF is one line break). */
    private long lineAt(char[] buffer, int offset, int end) {
      long at = line;
      char previous = last;
      for (int i = offset; i < end; i++) {
        char c = buffer[i];
        if (c == '\r' || c == '\n' && previous != '\r') {
          at++;
        }
        previous = c;
      }
      return at;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** The set declared in a media type's {@code charset}, unless it is one clients add unasked. */
  private static Charset declared(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String name = pair[1].strip().replace("\"", "");
        Charset charset;
        try {
          charset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("charset", "'" + name + "' is not a character set this server knows;"
              + " send UTF-8 or GB18030 (GBK)");
        }
        boolean clientDefault = charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII);
        return clientDefault ? null : charset;
      }
    }
    return null;
  }

  /** {@code whole}: the prefix is the whole file, so a character may not be cut off at its end. */
  static Charset detect(byte[] prefix, boolean whole) {
    if (startsWith(prefix, 0xEF, 0xBB, 0xBF)) {
      return StandardCharsets.UTF_8;
    }
    if (startsWith(prefix, 0xFF, 0xFE) || startsWith(prefix, 0xFE, 0xFF)) {
      return StandardCharsets.UTF_16;
    }
    if (decodes(prefix, StandardCharsets.UTF_8, whole)) {
      return StandardCharsets.UTF_8;
    }
    if (decodes(prefix, GB18030, whole)) {
      return GB18030;
    }
    throw new InvalidInputException("file", "is neither UTF-8 nor GB18030 (GBK) text: save it from the"
        + " spreadsheet as \"CSV UTF-8\"");
  }

  private static boolean startsWith(byte[] bytes, int... start) {
    if (bytes.length < start.length) {
      return false;
    }
    for (int i = 0; i < start.length; i++) {
      if ((bytes[i] & 0xff) != start[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean decodes(byte[] bytes, Charset charset, boolean whole) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    if (decoder.decode(ByteBuffer.wrap(bytes), out, whole).isError()) {
      return false;
    }
    return !whole || !decoder.flush(out).isError();
  }
}
