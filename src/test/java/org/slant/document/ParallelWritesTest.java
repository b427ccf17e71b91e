package org.slant.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slant.document.DocumentImporter.Draft;
import org.slant.workspace.JsonWorkspace;

class ParallelWritesTest {

    @Test
    void everyItemIsDoneEvenWhenOneFailsAndTheFailureIsRethrown() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        assertThatThrownBy(() -> ParallelWrites.forEach(items, i -> {
            if (i == 17) {
                throw new IllegalStateException("disk full at 17");
            }
            done.add(i);
        })).isInstanceOf(IllegalStateException.class).hasMessage("disk full at 17");
        assertThat(done).hasSize(199);
    }

    @Test
    void addManyGivesIdsInInputOrderAndStoresEveryDocument(@TempDir Path dir) {
        JsonWorkspace store = new JsonWorkspace(dir);
        DocumentService documents = new DocumentService(store, Clock.systemUTC(), 1 << 20);
        documents.add(new Draft("Same title", "Already here."), Source.UNKNOWN);
        List<Draft> drafts = IntStream.range(0, 40).mapToObj(i -> new Draft("Same title", "Text number " + i)).toList();

        List<Document> created = documents.addMany(drafts, Source.UNKNOWN);

        assertThat(created).extracting(Document::id).startsWith("same-title-2", "same-title-3", "same-title-4");
        assertThat(created.get(39).text()).isEqualTo("Text number 39");
        assertThat(new JsonWorkspace(dir).list().documents()).hasSize(41);
    }
}
