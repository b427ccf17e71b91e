package org.slant.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Small formatting shared by the classroom views, so dates and scores read the same everywhere. */
final class Classroom {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ExercisesView.ZONE);

    private Classroom() {
    }

    static String due(Instant due) {
        return due == null ? "no due date" : WHEN.format(due);
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** An F1 as a whole percentage; "–" when it is not defined (nothing marked and nothing to find). */
    static String percent(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 100) + "%" : "–";
    }

    static String abbreviate(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    /** Why an exercise page cannot be shown, with the way back. */
    static com.vaadin.flow.component.orderedlayout.VerticalLayout problem(String message) {
        com.vaadin.flow.component.html.Paragraph p = new com.vaadin.flow.component.html.Paragraph(message);
        p.addClassName("slant-error");
        p.setId("exercise-problem");
        com.vaadin.flow.component.orderedlayout.VerticalLayout box = new com.vaadin.flow.component.orderedlayout.VerticalLayout(
                p, new com.vaadin.flow.router.RouterLink("Back to the exercises", ExercisesView.class));
        box.setPadding(false);
        return box;
    }
}
