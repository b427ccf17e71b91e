package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.slant.label.Scheme;

/**
 * Writes documents and their layers in one dataset format. Items arrive as a stream and are written
 * one at a time, so exporting a large project never holds the whole dataset in memory. The stream
 * {@code out} is flushed but left open.
 */
public interface DatasetWriter {

    void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException;
}
