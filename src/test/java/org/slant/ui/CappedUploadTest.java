package org.slant.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UI's uploads read at most the limit, whatever the client declares or sends. */
class CappedUploadTest {

    private static final long LIMIT = 1024 * 1024;

    /** 300 MB made up on the fly, counting what was read. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            return read++ < 300L * 1024 * 1024 ? 'x' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= 300L * 1024 * 1024) {
                return -1;
            }
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }
    }

    private final List<byte[]> completed = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final UploadHandler handler = CappedUpload.inMemory(LIMIT, (meta, bytes) -> completed.add(bytes), refused::add);

    private UploadEvent upload(long declaredSize, InputStream body) throws Exception {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getInputStream()).thenReturn(body);
        return new UploadEvent(request, mock(VaadinResponse.class), mock(VaadinSession.class), "big.zip", declaredSize,
                "application/zip", null, null);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedUnread() throws Exception {
        Endless body = new Endless();
        UploadEvent event = upload(300L * 1024 * 1024, body);
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage()).isEqualTo("big.zip is over the limit of 1 MB per file (slant.limits.upload-bytes)");
        assertThat(refused).containsExactly(event.getRejectionMessage());
        assertThat(body.read).isZero();
        assertThat(completed).isEmpty();
    }

    @Test
    void anUndeclaredBodyIsReadOnlyToTheLimit() throws Exception {
        Endless body = new Endless();
        UploadEvent event = upload(-1, body);
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isTrue();
        assertThat(body.read).isLessThanOrEqualTo(LIMIT + 64 * 1024);
        assertThat(completed).isEmpty();
    }

    @Test
    void aFileWithinTheLimitIsHandedOn() throws Exception {
        UploadEvent event = upload(5, new java.io.ByteArrayInputStream("hello".getBytes()));
        handler.handleUploadRequest(event);
        assertThat(event.isRejected()).isFalse();
        assertThat(completed).singleElement().isEqualTo("hello".getBytes());
    }
}
