package org.slant.teaching;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.slant.annotation.ClassWork;
import org.slant.project.ProjectService;
import org.springframework.stereotype.Component;

/**
 * The classroom's answer to {@link ClassWork}: the users on the roster of an exercise on the document,
 * unless they are also members of the document's project (a team member who tried the exercise keeps
 * their own layer in the team's numbers).
 */
@Component
public class StudentLayers implements ClassWork {

    private final ExerciseStore exercises;
    private final ProjectService projects;

    public StudentLayers(ExerciseStore exercises, ProjectService projects) {
        this.exercises = exercises;
        this.projects = projects;
    }

    @Override
    public Map<String, Set<String>> studentsOn(Collection<String> documentIds) {
        Map<String, Set<String>> students = exercises.studentsOn(documentIds);
        students.forEach((documentId, users) -> {
            String project = projects.projectOf(documentId).id();
            users.removeIf(user -> projects.roleIn(user, project).isPresent());
        });
        return students;
    }
}
