package org.slant.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.slant.annotation.Layer;
import org.slant.annotation.Span;
import org.slant.label.Scheme;

/**
 * The SemEval-2020 Task 11 (propaganda techniques) layout, zipped: {@code articles/article{id}.txt}
 * (the article id a document was imported with, else its workspace id)
 * and tab-separated {@code article_id label start end} lines, in {@code labels.tsv} when the export
 * has one annotator (or a majority layer) and in {@code {annotator}.labels.tsv} per annotator
 * otherwise. Offsets are code points, as in the task (Python string offsets). Labels are names with
 * white space replaced by '_' ("Sensational_framing"), like the task's "Loaded_Language".
 *
 * <p>Articles are written as they arrive; the label lines are kept until the end, because a zip
 * entry cannot be reopened (they are a few dozen bytes per span).
 */
public final class SemEvalWriter implements DatasetWriter {

    @Override
    public void write(Scheme labels, Stream<ExportItem> items, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        Iterable<ExportItem> all = items::iterator;
        ExportNames names = new ExportNames();
        for (ExportItem item : all) {
            // the task's article id, as imported (article123.txt is 123); else the workspace id
            String id = names.of(item.document(), SemEvalWriter::isArticleId);
            BratWriter.entry(zip, "articles/article" + id + ".txt", item.document().text());
            for (Layer layer : item.layers()) {
                StringBuilder sb = lines.computeIfAbsent(layer.annotator(), a -> new StringBuilder());
                for (Span s : layer.spans()) {
                    sb.append(id).append('\t').append(technique(labels, s.label())).append('\t')
                            .append(s.start()).append('\t').append(s.end()).append('\n');
                }
            }
        }
        if (lines.size() <= 1) {
            BratWriter.entry(zip, "labels.tsv", lines.isEmpty() ? "" : lines.values().iterator().next().toString());
        } else {
            for (Map.Entry<String, StringBuilder> e : lines.entrySet()) {
                BratWriter.entry(zip, e.getKey() + ".labels.tsv", e.getValue().toString());
            }
        }
        zip.finish();
        out.flush();
    }

    /** An id that fits both the file name article{id}.txt and the first field of a label line. */
    static boolean isArticleId(String id) {
        return ExportNames.isOneLine(id) && id.indexOf('/') < 0 && id.indexOf('\\') < 0 && id.indexOf(' ') < 0
                && ExportNames.isSafePath("article" + id + ".txt");
    }

    static String technique(Scheme labels, String labelId) {
        return LabelNames.name(labels, labelId).strip().replaceAll("\\s+", "_");
    }
}
