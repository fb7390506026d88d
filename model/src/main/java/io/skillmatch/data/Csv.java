package io.skillmatch.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
public final class Csv {
  private Csv() {}

  public static List<Map<String, String>> read(Path file, char sep) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<List<String>> records = parse(r, sep);
      List<Map<String, String>> rows = new ArrayList<>();
      if (records.isEmpty()) {
        return rows;
      }
      List<String> header = records.getFirst();
      for (List<String> rec : records.subList(1, records.size())) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size() && i < rec.size(); i++) {
          row.put(header.get(i).strip(), rec.get(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  public static List<List<String>> parse(Reader r, char sep) {
    try {
      List<List<String>> out = new ArrayList<>();
      List<String> rec = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int c;
      while ((c = r.read()) != -1) {
        char ch = (char) c;
        any = true;
        if (quoted) {
          if (ch == '"') {
            r.mark(1);
            int next = r.read();
            if (next == '"') {
              field.append('"');
            } else {
              quoted = false;
              if (next != -1) {
                r.reset();
              }
            }
          } else {
            field.append(ch);
          }
        } else if (ch == '"' && field.isEmpty() && sep != '\t') {
          quoted = true;
        } else if (ch == sep) {
          rec.add(field.toString());
          field.setLength(0);
        } else if (ch == '\n') {
          rec.add(stripCr(field));
          field.setLength(0);
          out.add(rec);
          rec = new ArrayList<>();
          any = false;
        } else {
          field.append(ch);
        }
      }
      if (any) {
        rec.add(stripCr(field));
        out.add(rec);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }
}
