package org.slant.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the files of an uploaded zip into memory, in archive order. Folders, macOS metadata
 * ("__MACOSX/", "._x") and hidden files are left out. The total size is capped so a zip bomb is
 * refused with a message instead of filling the heap.
 */
final class ImportZip {

    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private ImportZip() {
    }

    /** Entry path to content; empty (with a problem added) when the zip cannot be read. */
    static Map<String, byte[]> entries(String zipName, byte[] zip, List<ImportProblem> problems) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!ImportText.isZip(zip)) {
            problems.add(new ImportProblem(zipName, 0, "not a zip file (it does not start with PK\\3\\4)"));
            return files;
        }
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                String path = entry.getName().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith(".") || name.isEmpty()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int n;
                while ((n = read(in, buffer)) > 0) {
                    total += n;
                    if (total > MAX_TOTAL_BYTES) {
                        problems.add(new ImportProblem(zipName, 0, "the zip unpacks to more than "
                                + MAX_TOTAL_BYTES / (1024 * 1024) + " MB; split it into smaller zips"));
                        return Map.of();
                    }
                    out.write(buffer, 0, n);
                }
                if (files.put(path, out.toByteArray()) != null) {
                    problems.add(new ImportProblem(zipName, 0, "the zip holds " + path + " twice"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ImportProblem(zipName, 0, "the zip cannot be read: " + e.getMessage()));
        }
        return files;
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer);
    }
}
