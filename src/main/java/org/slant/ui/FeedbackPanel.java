package org.slant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slant.document.Document;
import org.slant.label.Label;
import org.slant.label.Scheme;
import org.slant.teaching.Feedback;
import org.slant.teaching.LabelScore;
import org.slant.teaching.LinkVerdict;
import org.slant.teaching.StructureScore;
import org.slant.teaching.ValueVerdict;
import org.slant.teaching.MissedSpan;
import org.slant.teaching.SpanVerdict;
import org.slant.teaching.Submission;

/**
 * A student's feedback on one submission, as the student reads it: the summary, a score per label,
 * each of their passages with its verdict, the reference passages they missed, and all of it over the
 * text. The student's own page and the teacher's look at one student show the same panel.
 */
final class FeedbackPanel extends Div {

    private final Scheme allLabels;

    /**
     * @param inPlay      the exercise's labels, drawn in the text
     * @param allLabels   the document's label set, for label names
     * @param afterSummary shown under the summary sentence (the student's Revise button), or null
     */
    FeedbackPanel(Feedback f, Document document, Scheme inPlay, Scheme allLabels, Component afterSummary) {
        this.allLabels = allLabels;
        Submission s = f.submission();
        Paragraph when = new Paragraph("Submitted " + Classroom.when(s.submitted()) + (s.late() ? " (after the due date)" : "")
                + (s.attempt() > 1 ? " · attempt " + s.attempt() : ""));
        when.addClassName("slant-meta");
        Paragraph overall = new Paragraph(f.overallSentence());
        overall.setId("overall");
        overall.addClassName("slant-overall");
        add(new H3("Feedback"), when, overall);
        if (afterSummary != null) {
            add(afterSummary);
        }
        add(new H3("Score per label"));
        UnorderedList scores = new UnorderedList();
        scores.setId("scores");
        for (LabelScore score : f.scores()) {
            com.vaadin.flow.component.html.Span name = new com.vaadin.flow.component.html.Span(score.labelName() + ": ");
            name.addClassName("slant-verdict-word");
            ListItem item = new ListItem(name, new com.vaadin.flow.component.html.Span(score.sentence()));
            item.getElement().setAttribute("data-label", score.label());
            scores.add(item);
        }
        add(scores);
        if (!f.structureScores().isEmpty()) {
            // scored beside the passages, never folded into their score (see Grading)
            UnorderedList parts = new UnorderedList();
            parts.setId("structure-scores");
            for (StructureScore score : f.structureScores()) {
                com.vaadin.flow.component.html.Span name = new com.vaadin.flow.component.html.Span(partName(score.part()) + ": ");
                name.addClassName("slant-verdict-word");
                ListItem item = new ListItem(name, new com.vaadin.flow.component.html.Span(score.sentence()));
                item.getElement().setAttribute("data-part", score.part());
                parts.add(item);
            }
            Paragraph beside = new Paragraph("Scored on their own, beside the passages' score:");
            beside.addClassName("slant-hint");
            add(beside, parts);
        }

        add(new H3("Your passages"));
        UnorderedList verdicts = new UnorderedList();
        verdicts.setId("verdicts");
        verdicts.addClassName("slant-verdicts");
        if (f.verdicts().isEmpty()) {
            verdicts.add(new ListItem("You marked no passage."));
        }
        for (SpanVerdict v : f.verdicts()) {
            verdicts.add(verdictItem(v));
        }
        add(verdicts);

        add(new H3("Passages you missed"));
        UnorderedList missed = new UnorderedList();
        missed.setId("missed");
        missed.addClassName("slant-verdicts");
        if (f.missed().isEmpty()) {
            missed.add(new ListItem("None: you found every passage of the reference."));
        }
        for (MissedSpan m : f.missed()) {
            ListItem item = item(VaadinIcon.EYE, "missed", "Missed",
                    "“" + Classroom.abbreviate(m.reference().text(), 200) + "” is " + name(m.reference().label())
                            + " in the reference.", m.explanation());
            missed.add(item);
        }
        add(missed);
        structure(f);

        add(new H3("In the text"));
        Paragraph key = new Paragraph("✓ matches the reference · ≠ wrong label · ✗ not in the reference · "
                + "MISSED: a reference passage you did not mark.");
        key.addClassName("slant-hint");
        SpanAnnotator marked = new SpanAnnotator();
        marked.setId("feedback-text");
        marked.setText(document.text());
        marked.setLabels(inPlay);
        List<SpanAnnotator.TaggedSpan> tagged = new ArrayList<>();
        for (SpanVerdict v : f.verdicts()) {
            tagged.add(new SpanAnnotator.TaggedSpan("v-" + v.studentSpan().id(), v.studentSpan(), switch (v.verdict()) {
                case MATCH -> "✓";
                case WRONG_LABEL -> "≠";
                case NOT_IN_REFERENCE -> "✗";
            }));
        }
        for (MissedSpan m : f.missed()) {
            tagged.add(new SpanAnnotator.TaggedSpan("m-" + m.reference().id(), m.reference(), "MISSED"));
        }
        marked.setTaggedSpans(tagged);
        marked.setReadOnly(true);
        Div article = new Div(marked);
        article.addClassName("slant-exercise-article");
        add(key, article);
    }

    /** Links, sentence labels and document answers, each a section only when the exercise has them. */
    private void structure(Feedback f) {
        if (!f.links().isEmpty()) {
            add(new H3("Links"));
            UnorderedList links = new UnorderedList();
            links.setId("link-verdicts");
            links.addClassName("slant-verdicts");
            for (LinkVerdict l : f.links()) {
                links.add(switch (l.kind()) {
                    case MATCH -> item(VaadinIcon.CHECK_CIRCLE, "match", "Matches the reference", l.sentence(), Optional.empty());
                    case OTHER_END -> item(VaadinIcon.EXCHANGE, "other-end", "Linked elsewhere", l.sentence(), Optional.empty());
                    case MISSED -> item(VaadinIcon.EYE, "missed", "Missed", l.sentence(), Optional.empty());
                    case NOT_IN_REFERENCE -> item(VaadinIcon.CLOSE_CIRCLE, "not-in-reference", "Not in the reference",
                            l.sentence(), Optional.empty());
                });
            }
            add(links);
        }
        values(f.sentences(), "Sentence labels", "sentence-verdicts", "Every sentence label you gave agrees with the reference.");
        values(f.answers(), "Document questions", "answer-verdicts", "Every answer agrees with the reference.");
    }

    /** The values that differ from the reference's (those that agree are counted in the score above). */
    private void values(List<ValueVerdict> verdicts, String title, String id, String allAgree) {
        if (verdicts.isEmpty()) {
            return;
        }
        add(new H3(title));
        UnorderedList list = new UnorderedList();
        list.setId(id);
        list.addClassName("slant-verdicts");
        List<ValueVerdict> differ = verdicts.stream().filter(v -> !v.agrees()).toList();
        if (differ.isEmpty()) {
            list.add(item(VaadinIcon.CHECK_CIRCLE, "match", "As in the reference", allAgree, Optional.empty()));
        }
        for (ValueVerdict v : differ) {
            list.add(item(VaadinIcon.EXCHANGE, "differs", "Differs", v.sentence(), Optional.empty()));
        }
        add(list);
    }

    private static String partName(String part) {
        return switch (part) {
            case "attributes" -> "Attributes";
            case "links" -> "Links";
            case "sentences" -> "Sentence labels";
            case "answers" -> "Document questions";
            default -> part;
        };
    }

    private ListItem verdictItem(SpanVerdict v) {
        ListItem item = spanVerdictItem(v);
        int at = 3; // after the icon, the verdict word and the sentence; before the teacher's explanation
        for (ValueVerdict a : v.attributeDifferences()) {
            Paragraph differs = new Paragraph(a.sentence());
            differs.addClassName("slant-attribute-difference");
            differs.getElement().setAttribute("data-attribute", a.item());
            item.addComponentAtIndex(at++, differs);
        }
        return item;
    }

    private ListItem spanVerdictItem(SpanVerdict v) {
        String quote = "“" + Classroom.abbreviate(v.studentSpan().text(), 200) + "”";
        String yours = name(v.studentSpan().label());
        return switch (v.verdict()) {
            case MATCH -> item(VaadinIcon.CHECK_CIRCLE, "match", "Matches the reference",
                    "You marked " + quote + " as " + yours + ", and so does the reference"
                            + (v.attributes().isEmpty() ? "." : v.attributeDifferences().isEmpty()
                            ? ", with the same attributes." : "; its attributes differ:"), v.explanation());
            case WRONG_LABEL -> item(VaadinIcon.EXCHANGE, "wrong-label", "Wrong label",
                    "You marked " + quote + " as " + yours + "; the reference marks it as "
                            + name(v.reference().orElseThrow().label()) + ".", v.explanation());
            case NOT_IN_REFERENCE -> item(VaadinIcon.CLOSE_CIRCLE, "not-in-reference", "Not in the reference",
                    "You marked " + quote + " as " + yours + (v.reference().isPresent()
                            ? "; the reference passage here already counts for another of your spans."
                            : "; the reference has no " + yours + " here."), v.explanation());
        };
    }

    /** Verdict in words, an icon and a colour, so it never rests on colour alone. */
    private static ListItem item(VaadinIcon icon, String kind, String verdict, String text, Optional<String> explanation) {
        Icon i = icon.create();
        i.addClassName("slant-verdict-icon");
        i.getElement().setAttribute("aria-hidden", "true");
        com.vaadin.flow.component.html.Span word = new com.vaadin.flow.component.html.Span(verdict + ": ");
        word.addClassName("slant-verdict-word");
        ListItem item = new ListItem(i, word, new com.vaadin.flow.component.html.Span(text));
        item.addClassName("slant-verdict");
        item.addClassName("slant-verdict-" + kind);
        item.getElement().setAttribute("data-verdict", kind);
        explanation.ifPresent(e -> {
            Paragraph why = new Paragraph("Teacher's explanation: " + e);
            why.addClassName("slant-explanation");
            item.add(why);
        });
        return item;
    }

    private String name(String label) {
        return allLabels.find(label).map(Label::name).orElse(label);
    }
}
