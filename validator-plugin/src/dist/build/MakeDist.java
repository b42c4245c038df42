import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Build-time only (run by exec-maven-plugin as a single-file source program, never shipped): writes
 * {@code nixml-VERSION-bin.tar.gz} with {@code nixml-VERSION/bin/nixml} (mode 755) and {@code nixml-VERSION/lib/nixml-cli.jar}.
 * A plain ustar writer, because the offline build has no archiver plugin; the archive is written to a temporary
 * file and moved into place.
 *
 * <p>Arguments: output file, top directory name, launcher script, command-line jar.
 */
public final class MakeDist {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    String top = args[1];
    Path script = Path.of(args[2]);
    Path jar = Path.of(args[3]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    long mtime = Files.getLastModifiedTime(jar).toMillis() / 1000;
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(tmp))) {
      directory(gz, top + "/", mtime);
      directory(gz, top + "/bin/", mtime);
      file(gz, top + "/bin/nixml", 0755, Files.readAllBytes(script), mtime);
      directory(gz, top + "/lib/", mtime);
      file(gz, top + "/lib/nixml-cli.jar", 0644, Files.readAllBytes(jar), mtime);
      gz.write(new byte[1024]); // two empty records end the archive
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void directory(OutputStream out, String name, long mtime) throws IOException {
    out.write(header(name, 0755, 0, mtime, '5'));
  }

  private static void file(OutputStream out, String name, int mode, byte[] data, long mtime) throws IOException {
    out.write(header(name, mode, data.length, mtime, '0'));
    out.write(data);
    out.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static byte[] header(String name, int mode, long size, long mtime, char type) {
    byte[] h = new byte[512];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("name too long for ustar: " + name);
    }
    System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = (byte) type;
    put(h, 257, "ustar\0");
    put(h, 263, "00");
    put(h, 265, "root");
    put(h, 297, "root");
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    return h;
  }

  private static void octal(byte[] h, int at, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    put(h, at, padded);
  }

  private static void put(byte[] h, int at, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, h, at, bytes.length);
  }

  private MakeDist() {}
}
