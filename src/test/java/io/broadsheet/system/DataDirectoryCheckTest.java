package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A data folder that cannot be written stops the start with one clear message. Tests run as root, which ignores
 * permission bits, so the unwritable folder is one under a regular file: that fails for root too (ENOTDIR).
 */
class DataDirectoryCheckTest {

    @TempDir
    Path temp;

    @Test
    void aFolderUnderAFileCannotBeUsed() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> DataDirectoryCheck.check(file.resolve("data")))
                .hasMessageContaining("cannot write to its data folder").hasMessageContaining("broadsheet.data-dir");
    }

    @Test
    void aWritableFolderIsCreatedAndLeftClean() throws Exception {
        Path folder = temp.resolve("new/data");

        DataDirectoryCheck.check(folder);

        assertThat(folder).isDirectory();
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theApplicationRefusesToStartOnAnUnwritableDataFolder() throws Exception {
        Path file = Files.writeString(temp.resolve("in-the-way"), "x");
        String dataDir = file.resolve("data").toString();

        assertThatThrownBy(() -> new SpringApplicationBuilder(BroadsheetApplication.class).run(
                "--broadsheet.data-dir=" + dataDir, "--server.port=0", "--broadsheet.scheduling.enabled=false")
                .close()).hasStackTraceContaining("cannot write to its data folder");
    }
}
