package org.slant.storage;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much Slant accepts at once (settings {@code slant.limits.*}), so no request, upload or layer can
 * fill the heap or the disk. Each limit is enforced where the data is read or changed (the services and
 * importers, and the API's body filter), so the UI, the API and the command line share them; over one, a
 * {@link LimitExceededException} names the setting and its value.
 *
 * @param apiBodyBytes   the body of a JSON API request (the annotation import has {@code uploadBytes})
 * @param uploadBytes    one uploaded file: a batch of documents (.zip, .jsonl) or an annotation file to import
 * @param spansPerLayer  spans in one layer
 * @param noteChars      characters (code points) in one span's note
 * @param zipEntries     entries in one uploaded zip
 * @param zipEntryBytes  one zip entry, unpacked
 * @param zipTotalBytes  all of a zip's entries, unpacked (a zip bomb stops here)
 * @param reportProblems problems an import report lists; the rest are counted
 */
@ConfigurationProperties("slant.limits")
public record Limits(@DefaultValue("16MB") DataSize apiBodyBytes,
                     @DefaultValue("64MB") DataSize uploadBytes,
                     @DefaultValue("50000") int spansPerLayer,
                     @DefaultValue("10000") int noteChars,
                     @DefaultValue("10000") int zipEntries,
                     @DefaultValue("64MB") DataSize zipEntryBytes,
                     @DefaultValue("256MB") DataSize zipTotalBytes,
                     @DefaultValue("200") int reportProblems) {

    /** The defaults, for code run without Spring (the command line, tests). Same as the {@code @DefaultValue}s. */
    public static final Limits DEFAULTS = new Limits(DataSize.ofMegabytes(16), DataSize.ofMegabytes(64), 50_000,
            10_000, 10_000, DataSize.ofMegabytes(64), DataSize.ofMegabytes(256), 200);

    public static final String API_BODY_BYTES = "slant.limits.api-body-bytes";
    public static final String UPLOAD_BYTES = "slant.limits.upload-bytes";
    public static final String SPANS_PER_LAYER = "slant.limits.spans-per-layer";
    public static final String NOTE_CHARS = "slant.limits.note-chars";
    public static final String ZIP_ENTRIES = "slant.limits.zip-entries";
    public static final String ZIP_ENTRY_BYTES = "slant.limits.zip-entry-bytes";
    public static final String ZIP_TOTAL_BYTES = "slant.limits.zip-total-bytes";
    public static final String REPORT_PROBLEMS = "slant.limits.report-problems";

    public Limits {
        requirePositive(API_BODY_BYTES, apiBodyBytes.toBytes());
        requirePositive(UPLOAD_BYTES, uploadBytes.toBytes());
        requirePositive(SPANS_PER_LAYER, spansPerLayer);
        requirePositive(NOTE_CHARS, noteChars);
        requirePositive(ZIP_ENTRIES, zipEntries);
        requirePositive(ZIP_ENTRY_BYTES, zipEntryBytes.toBytes());
        requirePositive(ZIP_TOTAL_BYTES, zipTotalBytes.toBytes());
        requirePositive(REPORT_PROBLEMS, reportProblems);
    }

    /** Refuses an upload over {@code uploadBytes} before anything is read from it. */
    public void requireUpload(String fileName, long bytes) {
        long max = uploadBytes.toBytes();
        if (bytes > max) {
            // rounded sizes that look equal say nothing: then the exact ones
            boolean close = size(bytes).equals(size(max));
            throw new LimitExceededException(UPLOAD_BYTES, max, fileName + " is " + (close ? bytes + " bytes" : size(bytes))
                    + "; the limit is " + (close ? max + " bytes" : size(max)) + " per file (" + UPLOAD_BYTES
                    + "). Split it into smaller files.");
        }
    }

    /** A zip's {@code entries}-th entry: refused past {@code slant.limits.zip-entries}. */
    public void requireZipEntries(String zipName, int entries) {
        if (entries > zipEntries) {
            throw new LimitExceededException(ZIP_ENTRIES, zipEntries, zipName + " holds more than " + zipEntries
                    + " entries (" + ZIP_ENTRIES + "); split it into smaller zips");
        }
    }

    /**
     * While a zip is unpacked: {@code entryBytes} of entry {@code path} so far, {@code totalBytes} of the
     * whole zip so far. Refused at the first byte over {@code slant.limits.zip-entry-bytes} or
     * {@code zip-total-bytes}, so a zip bomb is stopped before it fills the heap.
     */
    public void requireZipUnpacked(String zipName, String path, long entryBytes, long totalBytes) {
        long maxEntry = zipEntryBytes.toBytes();
        if (entryBytes > maxEntry) {
            throw new LimitExceededException(ZIP_ENTRY_BYTES, maxEntry, zipName + ": " + path + " unpacks to more than "
                    + size(maxEntry) + " (" + ZIP_ENTRY_BYTES + "); split it into smaller files");
        }
        long maxTotal = zipTotalBytes.toBytes();
        if (totalBytes > maxTotal) {
            throw new LimitExceededException(ZIP_TOTAL_BYTES, maxTotal, zipName + " unpacks to more than "
                    + size(maxTotal) + " (" + ZIP_TOTAL_BYTES + "); split it into smaller zips");
        }
    }

    /** "12.3 MB", "512 KB", "900 bytes": for messages. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        boolean mb = bytes >= 1024 * 1024;
        double value = bytes / (mb ? 1024.0 * 1024 : 1024.0);
        String number = String.format(Locale.ROOT, "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + (mb ? " MB" : " KB");
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
