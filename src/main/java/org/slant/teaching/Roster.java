package org.slant.teaching;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slant.document.DocumentId;

/** The students of one exercise, in the order they joined. User names are unique. */
public record Roster(String exerciseId, List<RosterEntry> students) {

    public Roster {
        DocumentId.require(exerciseId, "Exercise id");
        students = List.copyOf(students);
        Set<String> users = new HashSet<>();
        for (RosterEntry s : students) {
            if (!users.add(s.user())) {
                throw new IllegalArgumentException("Student " + s.user() + " is on the roster of " + exerciseId + " twice");
            }
        }
    }

    public static Roster empty(String exerciseId) {
        return new Roster(exerciseId, List.of());
    }

    public Optional<RosterEntry> find(String user) {
        return students.stream().filter(s -> s.user().equals(user)).findFirst();
    }

    public Roster with(List<RosterEntry> added) {
        List<RosterEntry> all = new java.util.ArrayList<>(students);
        all.addAll(added);
        return new Roster(exerciseId, all);
    }
}
