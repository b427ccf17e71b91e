package org.slant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.storage.Limits;

/** {@code import} refuses a file over the upload limit by its size, before reading it, as the server does. */
class SlantCommandLineLimitsTest {

    @TempDir
    Path dir;

    @Test
    void anImportFileOverTheUploadLimitIsRefusedUnread() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path huge = dir.resolve("huge.jsonl");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(Limits.DEFAULTS.uploadBytes().toBytes() + 1); // sparse: takes no disk space
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SlantCommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new org.slant.CommandLineWorkspaces()).run(new String[] {"import", "--workspace", workspace.toString(),
                "--format", "jsonl", "--file", huge.toString(), "--annotator", "model"});
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("huge.jsonl is 67108865 bytes; the limit is 67108864 bytes")
                .contains("slant.limits.upload-bytes");
    }
}
