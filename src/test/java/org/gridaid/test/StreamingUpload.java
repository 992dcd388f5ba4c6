package org.gridaid.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request whose body is streamed in chunks (no Content-Length) from an {@link InputStream},
 * as a client uploading a file of unknown size sends it, over a plain socket: the client stops
 * sending as soon as the server answers, so a test can tell how much the server read before it
 * did. HTTP clients that send the whole body before they read an answer cannot show that.
 */
public final class StreamingUpload {

  /** The answer, and how many bytes of the body had been sent when it came. */
  public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {}

  private static final int CHUNK = 64 * 1024;

  private StreamingUpload() {}

  /** POSTs {@code body} to {@code path} as {@code userId} (HTTP Basic, the demo password). */
  public static Answer post(int port, String path, String contentType, String userId, InputStream body)
      throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String credentials = Base64.getEncoder()
          .encodeToString((userId + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType
          + "\r\nAccept: application/json\r\nAuthorization: Basic " + credentials
          + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      long sent = 0;
      byte[] chunk = new byte[CHUNK];
      try {
        int n;
        while (in.available() == 0 && (n = body.readNBytes(chunk, 0, CHUNK)) > 0) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk, 0, n);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += n;
        }
        if (in.available() == 0) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // the server answered and closed the connection while the body was still coming
      }
      return read(in, sent);
    }
  }

  private static Answer read(InputStream in, long sent) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
        all.write(in.readNBytes(size));
        line(in);
      }
      body = all.toByteArray();
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), sent);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  /** {@code size} bytes: {@code head}, then {@code filler} again and again, made as they are read. */
  public static InputStream generated(byte[] head, byte[] filler, long size) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        if (position >= size) {
          return -1;
        }
        long at = position++;
        return (at < head.length ? head[(int) at] : filler[(int) ((at - head.length) % filler.length)]) & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
          return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
          long at = position + i;
          buffer[offset + i] = at < head.length ? head[(int) at] : filler[(int) ((at - head.length) % filler.length)];
        }
        position += n;
        return n;
      }
    };
  }
}
