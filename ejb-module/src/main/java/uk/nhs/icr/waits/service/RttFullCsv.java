package uk.nhs.icr.waits.service;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.icr.platform.service.FieldError;
import uk.nhs.icr.platform.service.InvalidInputException;
import uk.nhs.icr.waits.PublishedWaits;
import uk.nhs.icr.waits.WeekBands;

/**
 * Reads NHS England's monthly RTT "Full CSV" layout as it streams in: Period, the provider and commissioner columns,
 * RTT Part Type, Treatment Function Code, the 105 weekly band columns ({@code Gt 00 To 01 Weeks SUM 1} ...
 * {@code Gt 104 Weeks SUM 1}), Total, Patients with unknown clock start date, Total All. Every row is checked (one
 * month in the file, a known part, a treatment function code, whole counts that add up to the totals); any fault
 * refuses the whole file with each faulty line named (the first {@value #MOST_FAULTS}). Rows are summed over
 * commissioners per provider, part and treatment function; the C_999 rows (a commissioner's total over every function)
 * are kept as their own and never added to the others.
 */
final class RttFullCsv {

    static final int MOST_FAULTS = 20;
    static final Set<String> PARTS = Set.of("Part_1A", "Part_1B", "Part_2", "Part_2A", "Part_3");
    private static final Pattern FUNCTION = Pattern.compile("C_\\d{3}|X0[2-6]");
    private static final Pattern PROVIDER = Pattern.compile("[A-Z0-9]{3,10}");
    private static final DateTimeFormatter PUBLISHED_PERIOD = DateTimeFormatter.ofPattern("'RTT-'MMMM-yyyy", Locale.UK);

    /** A file read: its month, the summed rows, and how many rows it had. */
    record Read(LocalDate period, List<PublishedWaits.Row> rows, long fileRows) {
    }

    private RttFullCsv() {
    }

    /** Rows between two reports of how many have been read. */
    private static final int REPORT_EVERY = 1_000;

    static Read read(Reader csv) {
        return read(csv, rows -> { });
    }

    /**
     * The file as published, plain or as the ZIP NHS England publishes it in (its first {@code .csv} entry), in UTF-8
     * with or without a byte-order mark.
     */
    static Reader open(InputStream file) {
        try {
            BufferedInputStream in = new BufferedInputStream(file);
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            InputStream csv = in;
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
                ZipEntry entry = zip.getNextEntry();
                while (entry != null && (entry.isDirectory() || !entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))) {
                    entry = zip.getNextEntry();
                }
                if (entry == null) {
                    throw InvalidInputException.of("file", "the ZIP file holds no .csv file");
                }
                csv = new UnzippedLimit(zip);
            }
            PushbackReader reader = new PushbackReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1);
            int first = reader.read();
            if (first != -1 && first != BYTE_ORDER_MARK) {
                reader.unread(first);
            }
            return reader;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static final int BYTE_ORDER_MARK = 0xFEFF;

    /** The most a zipped file may unzip to: a real month's Full CSV is some 100 MB; a ZIP that grows past this is refused. */
    static final long MOST_UNZIPPED_BYTES = 512L * 1024 * 1024;

    /** A ZIP entry read no further than {@link #MOST_UNZIPPED_BYTES}. */
    private static final class UnzippedLimit extends java.io.FilterInputStream {

        private long read;

        UnzippedLimit(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b == -1 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > MOST_UNZIPPED_BYTES) {
                throw InvalidInputException.of("file", "the ZIP unzips to more than " + MOST_UNZIPPED_BYTES / (1024 * 1024)
                        + " MiB: not a month's RTT Full CSV");
            }
        }
    }

    /** A fault of the file itself (a damaged ZIP, a file cut short, quotes that never close) is the sender's; others are ours. */
    private static RuntimeException unreadable(IOException e) {
        if (e instanceof ZipException || e instanceof EOFException) {
            return InvalidInputException.of("file", "a file that cannot be read to its end (" + e.getMessage() + "): upload it again as published");
        }
        if (e instanceof CSVException) {
            return InvalidInputException.of("file", "not a CSV file that can be read: " + e.getMessage());
        }
        return new UncheckedIOException(e);
    }

    /** Reads and checks the whole file, telling {@code rowsRead} how many rows it has read every thousand or so. */
    static Read read(Reader csv, LongConsumer rowsRead) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            String[] bandColumns = bandColumns(header);
            List<FieldError> faults = new ArrayList<>();
            Map<String, Summed> summed = new LinkedHashMap<>();
            YearMonth month = null;
            long rows = 0;
            for (CSVRecord record : parser) {
                rows++;
                long line = rows + 1; // the header is line 1
                if (rows % REPORT_EVERY == 0) {
                    rowsRead.accept(rows);
                }
                try {
                    YearMonth period = period(value(record, "Period"));
                    if (month == null) {
                        month = period;
                    } else if (!month.equals(period)) {
                        throw new Fault("the file holds " + month + "; this row is for " + period + ": one month per file");
                    }
                    String provider = value(record, "Provider Org Code").toUpperCase(Locale.ROOT);
                    if (!PROVIDER.matcher(provider).matches()) {
                        throw new Fault("Provider Org Code \"" + provider + "\" is not an ODS code");
                    }
                    String part = value(record, "RTT Part Type");
                    if (!PARTS.contains(part)) {
                        throw new Fault("RTT Part Type \"" + part + "\" is none of " + String.join(", ", PARTS.stream().sorted().toList()));
                    }
                    String function = value(record, "Treatment Function Code").toUpperCase(Locale.ROOT);
                    if (!function.equals("C_999") && !FUNCTION.matcher(function).matches()) {
                        throw new Fault("Treatment Function Code \"" + function + "\" is not a code such as C_100, X02 or C_999");
                    }
                    long[] bands = new long[bandColumns.length];
                    long sum = 0;
                    for (int band = 0; band < bandColumns.length; band++) {
                        bands[band] = count(record, bandColumns[band]);
                        sum += bands[band];
                    }
                    long total = count(record, "Total");
                    long unknown = count(record, "Patients with unknown clock start date");
                    long totalAll = count(record, "Total All");
                    if (total != sum) {
                        throw new Fault("Total is " + total + " but the weekly bands add up to " + sum);
                    }
                    if (totalAll != total + unknown) {
                        throw new Fault("Total All is " + totalAll + " but Total and the unknown clock starts add up to " + (total + unknown));
                    }
                    summed.computeIfAbsent(provider + "|" + part + "|" + function,
                            key -> new Summed(provider, value(record, "Provider Org Name"), part, function, new long[bandColumns.length]))
                            .add(bands, total, unknown, totalAll);
                } catch (Fault fault) {
                    if (faults.size() < MOST_FAULTS) {
                        faults.add(new FieldError("line " + line, fault.getMessage()));
                    }
                }
            }
            if (month == null && faults.isEmpty()) {
                faults.add(new FieldError("file", "no rows: a monthly RTT Full CSV has a header line and a row per provider,"
                        + " commissioner, part and treatment function"));
            }
            if (!faults.isEmpty()) {
                throw new InvalidInputException(faults);
            }
            rowsRead.accept(rows);
            return new Read(month.atDay(1), summed.values().stream().map(Summed::row).toList(), rows);
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw InvalidInputException.of("file", "not a CSV file in the RTT Full CSV layout: " + e.getMessage());
        }
    }

    /** The 105 band columns by their published names, 0-1 to 103-104 and 104+, each of which must be there. */
    private static String[] bandColumns(Map<String, Integer> header) {
        String[] columns = new String[WeekBands.OPEN_BAND + 1];
        for (int band = 0; band < WeekBands.OPEN_BAND; band++) {
            columns[band] = String.format(Locale.ROOT, "Gt %02d To %02d Weeks SUM 1", band, band + 1);
        }
        columns[WeekBands.OPEN_BAND] = "Gt 104 Weeks SUM 1";
        List<String> missing = new ArrayList<>();
        for (String needed : List.of("Period", "Provider Org Code", "Provider Org Name", "RTT Part Type", "Treatment Function Code",
                "Total", "Patients with unknown clock start date", "Total All")) {
            if (!header.containsKey(needed)) {
                missing.add(needed);
            }
        }
        for (String band : columns) {
            if (!header.containsKey(band)) {
                missing.add(band);
            }
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("file", "the header lacks " + missing.size() + " of the RTT Full CSV's columns, first \""
                    + missing.get(0) + "\"");
        }
        return columns;
    }

    /** "RTT-October-2025" as published, or 2025-10. */
    private static YearMonth period(String text) {
        try {
            return text.startsWith("RTT-") ? YearMonth.parse(text, PUBLISHED_PERIOD) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new Fault("Period \"" + text + "\" is neither RTT-October-2025 nor 2025-10");
        }
    }

    private static String value(CSVRecord record, String column) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        if (value.isBlank()) {
            throw new Fault(column + " is empty");
        }
        return value;
    }

    private static long count(CSVRecord record, String column) {
        String value = record.isSet(column) ? record.get(column) : "";
        if (value.isEmpty()) {
            return 0;
        }
        try {
            long count = Long.parseLong(value);
            if (count < 0) {
                throw new Fault(column + " is " + value + ": a count is not negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new Fault(column + " is \"" + value + "\", not a whole number");
        }
    }

    private static final class Summed {
        private final String provider;
        private final String providerName;
        private final String part;
        private final String function;
        private final long[] bands;
        private long total;
        private long unknown;
        private long totalAll;

        Summed(String provider, String providerName, String part, String function, long[] bands) {
            this.provider = provider;
            this.providerName = providerName;
            this.part = part;
            this.function = function;
            this.bands = bands;
        }

        void add(long[] more, long moreTotal, long moreUnknown, long moreTotalAll) {
            for (int band = 0; band < bands.length; band++) {
                bands[band] += more[band];
            }
            total += moreTotal;
            unknown += moreUnknown;
            totalAll += moreTotalAll;
        }

        PublishedWaits.Row row() {
            return new PublishedWaits.Row(provider, providerName, part, function, bands, total, unknown, totalAll);
        }
    }

    /** A row's fault, said for its line. */
    private static final class Fault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Fault(String message) {
            super(message, null, false, false);
        }
    }
}
