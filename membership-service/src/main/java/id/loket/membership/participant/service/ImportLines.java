package id.loket.membership.participant.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import id.loket.platform.domain.InvalidField;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An import file read one line at a time (NDJSON, or CSV whose first line names the columns), so a file of
 * a million participants never sits in memory. Each line becomes its fields by name, or an error for that
 * line; only a CSV header that cannot be used fails the whole file.
 */
abstract class ImportLines implements Closeable {

    /** The columns an import line may carry (the registration's fields plus the card number it keeps). */
    static final Set<String> FIELDS = Set.of("nik", "cardNumber", "name", "birthDate", "sex", "familyCardNumber", "segment",
            "careClass", "relation", "monthlyWage", "employerId", "facilityCode", "registrationDate");
    static final List<String> REQUIRED_COLUMNS = List.of("nik", "cardNumber", "name", "birthDate", "sex", "familyCardNumber", "segment");
    /** A longer line is refused rather than buffered (a real one is a few hundred characters). */
    static final int MAX_LINE = 16 * 1024;

    /** A line of the file: its number (from 1, counting blank lines and the CSV header) and fields, or why it is unreadable. */
    record Line(long number, Map<String, String> fields, InvalidField error) {
    }

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos, end;
    private boolean eof;
    private long number;

    ImportLines(Reader in) {
        this.in = in;
    }

    static ImportLines ndjson(Reader in) {
        return new Ndjson(in);
    }

    /** @throws InvalidField when the header is missing, names an unknown column or lacks a required one */
    static ImportLines csv(Reader in) {
        Csv csv = new Csv(in);
        csv.readHeader();
        return csv;
    }

    /** The next non-blank line, or null at the end of the file. */
    Line next() {
        while (true) {
            String text = readLine();
            if (text == null) return null;
            if (text.isBlank()) continue;
            if (text == TOO_LONG) return new Line(number, null, new InvalidField(null, "line longer than " + MAX_LINE + " characters"));
            return parse(number, text);
        }
    }

    abstract Line parse(long number, String text);

    private static final String TOO_LONG = new String("too long");

    /** One physical line without its terminator (\n or \r\n); a line over MAX_LINE is skipped to its end. */
    final String readLine() {
        StringBuilder sb = null;
        boolean tooLong = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (sb == null) return null;
                    number++;
                    return tooLong ? TOO_LONG : strip(sb);
                }
            }
            int start = pos;
            while (pos < end && buffer[pos] != '\n') pos++;
            if (sb == null) sb = new StringBuilder(Math.min(pos - start + 16, MAX_LINE));
            if (!tooLong) {
                if (sb.length() + (pos - start) > MAX_LINE) tooLong = true;
                else sb.append(buffer, start, pos - start);
            }
            if (pos < end) { // at '\n'
                pos++;
                number++;
                return tooLong ? TOO_LONG : strip(sb);
            }
        }
    }

    private static String strip(StringBuilder sb) {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') n--;
        int from = n > 0 && sb.charAt(0) == '\uFEFF' ? 1 : 0; // a byte-order mark some spreadsheet exports put first
        return sb.substring(from, n);
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                eof = true;
                return false;
            }
            pos = 0;
            end = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the import file", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static final class Ndjson extends ImportLines {
        private static final JsonFactory JSON = new JsonFactory();

        Ndjson(Reader in) {
            super(in);
        }

        @Override
        Line parse(long number, String text) {
            Map<String, String> fields = new HashMap<>(32);
            try (JsonParser p = JSON.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return new Line(number, null, new InvalidField(null, "not a JSON object"));
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (!FIELDS.contains(name)) return new Line(number, null, new InvalidField(name, "unknown field"));
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        return new Line(number, null, new InvalidField(name, "must be a single value"));
                    }
                    fields.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
                }
                if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                    return new Line(number, null, new InvalidField(null, "not one JSON object on the line"));
                }
            } catch (JsonProcessingException e) {
                return new Line(number, null, new InvalidField(null, "not valid JSON: " + e.getOriginalMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Line(number, fields, null);
        }
    }

    private static final class Csv extends ImportLines {
        private String[] columns;

        Csv(Reader in) {
            super(in);
        }

        void readHeader() {
            String header;
            do {
                header = readLine();
            } while (header != null && header.isBlank());
            if (header == null || header == TOO_LONG) throw new InvalidField("body", "a CSV import starts with a header line naming the columns");
            List<String> names = split(header);
            if (names == null) throw new InvalidField("body", "the CSV header has an unclosed quote");
            columns = new String[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).strip();
                if (!FIELDS.contains(name)) throw new InvalidField(name.isEmpty() ? "column " + (i + 1) : name, "unknown column; known: " + String.join(", ", FIELDS));
                for (int j = 0; j < i; j++) if (columns[j].equals(name)) throw new InvalidField(name, "column named twice");
                columns[i] = name;
            }
            for (String required : REQUIRED_COLUMNS) {
                if (!names.contains(required)) throw new InvalidField(required, "required column missing from the CSV header");
            }
        }

        @Override
        Line parse(long number, String text) {
            List<String> values = split(text);
            if (values == null) return new Line(number, null, new InvalidField(null, "unclosed quote (a value cannot span lines)"));
            if (values.size() != columns.length) {
                return new Line(number, null, new InvalidField(null, values.size() + " values for " + columns.length + " columns"));
            }
            Map<String, String> fields = new HashMap<>(32);
            for (int i = 0; i < columns.length; i++) fields.put(columns[i], values.get(i));
            return new Line(number, fields, null);
        }

        /** RFC 4180 values on one line: commas, double quotes around a value, "" for a quote inside; empty = null. */
        static List<String> split(String line) {
            List<String> out = new ArrayList<>(16);
            StringBuilder v = new StringBuilder();
            int i = 0, n = line.length();
            while (true) {
                v.setLength(0);
                boolean quoted = false;
                if (i < n && line.charAt(i) == '"') {
                    quoted = true;
                    i++;
                    while (true) {
                        if (i >= n) return null;
                        char c = line.charAt(i++);
                        if (c == '"') {
                            if (i < n && line.charAt(i) == '"') {
                                v.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            v.append(c);
                        }
                    }
                    while (i < n && line.charAt(i) != ',') v.append(line.charAt(i++)); // tolerate text after the quote
                } else {
                    while (i < n && line.charAt(i) != ',') v.append(line.charAt(i++));
                }
                String value = quoted ? v.toString() : v.toString().strip();
                out.add(value.isEmpty() ? null : value);
                if (i >= n) return out;
                i++; // the comma
            }
        }
    }
}
