package org.slant.ui;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.InputStream;
import java.util.function.Consumer;
import org.slant.storage.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UploadHandler#inMemory} with a cap. The browser's upload sends the file as the raw request body,
 * which neither Vaadin nor the multipart settings limit, so without this a hostile client could make the
 * server hold any amount: a file over {@code maxBytes} is refused by its declared size before a byte is
 * read, or at the first byte over the limit, never buffered whole.
 */
final class CappedUpload {

    private static final Logger log = LoggerFactory.getLogger(CappedUpload.class);

    private CappedUpload() {
    }

    /** Capped at the upload limit, {@code maxBytes} (setting slant.limits.upload-bytes). */
    static UploadHandler inMemory(long maxBytes, InMemoryUploadCallback callback, Consumer<String> refused) {
        return inMemory(maxBytes, Limits.UPLOAD_BYTES, callback, refused);
    }

    /**
     * @param setting the setting that holds {@code maxBytes}, named in the message; null for a fixed limit
     * @param refused called with the message when a file is over the limit (outside the UI lock: use
     *                {@code ui.access})
     */
    static UploadHandler inMemory(long maxBytes, String setting, InMemoryUploadCallback callback, Consumer<String> refused) {
        return event -> {
            String tooBig = event.getFileName() + " is over the limit of " + Limits.size(maxBytes) + " per file"
                    + (setting == null ? "" : " (" + setting + ")");
            if (event.getFileSize() > maxBytes) {
                refuse(event, tooBig, refused);
                return;
            }
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                refuse(event, tooBig, refused);
                return;
            }
            callback.complete(new UploadMetadata(event.getFileName(), event.getContentType(), bytes.length), bytes);
        };
    }

    private static void refuse(com.vaadin.flow.server.streams.UploadEvent event, String message, Consumer<String> refused) {
        log.warn("Upload refused: {}", message);
        event.reject(message);
        refused.accept(message);
    }
}
