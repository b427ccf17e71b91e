package org.slant.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;

/**
 * Reads the files of an uploaded zip into memory, in archive order. Folders, macOS metadata
 * ("__MACOSX/", "._x") and hidden files are left out. The entries are counted and unpacked a buffer at a
 * time, and reading stops at the first entry or byte over a limit ({@code slant.limits.zip-entries},
 * {@code zip-entry-bytes}, {@code zip-total-bytes}), so a zip bomb is refused before it fills the heap.
 */
final class ImportZip {

    private ImportZip() {
    }

    /**
     * Entry path to content; empty (with a problem added) when the zip cannot be read.
     *
     * @throws LimitExceededException when the zip holds too many entries or unpacks to too much
     */
    static Map<String, byte[]> entries(String zipName, byte[] zip, Limits limits, List<ImportProblem> problems) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!ImportText.isZip(zip)) {
            problems.add(new ImportProblem(zipName, 0, "not a zip file (it does not start with PK\\3\\4)"));
            return files;
        }
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                limits.requireZipEntries(zipName, ++count);
                String path = entry.getName().replace('\\', '/');
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith(".") || name.isEmpty()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    total += n;
                    limits.requireZipUnpacked(zipName, path, size, total);
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
}
