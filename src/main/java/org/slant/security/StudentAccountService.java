package org.slant.security;

import java.util.Locale;
import java.util.Set;
import org.slant.annotation.AnnotationService;
import org.slant.annotation.Layer;
import org.slant.document.DocumentId;
import org.slant.teaching.ExerciseStore;
import org.slant.teaching.StudentAccounts;
import org.springframework.stereotype.Service;

/**
 * Student accounts for the classroom: ordinary non-admin users, members of no project, whose user name
 * is made from the name they typed ("Zoë Lima" is {@code zoe-lima}, then {@code zoe-lima-2}). What they
 * may open comes from the exercise rosters (see {@link AccessPolicy}).
 */
@Service
public class StudentAccountService implements StudentAccounts {

    /**
     * Names a student may not get: layer names with a meaning of their own, and names that would read
     * as someone else's (the default single-user layer, the admin).
     */
    private static final Set<String> RESERVED = Set.of(Layer.GOLD, Layer.MAJORITY, UserService.ADMIN, "annotator",
            "teacher", "student");
    private static final int MAX_BASE = 56; // room for "-999" within the 64 characters of a slug

    private final UserService users;
    private final ExerciseStore exercises;
    private final AnnotationService annotations;

    public StudentAccountService(UserService users, ExerciseStore exercises, AnnotationService annotations) {
        this.users = users;
        this.exercises = exercises;
        this.annotations = annotations;
    }

    @Override
    public synchronized NewStudent createStudent(String displayName, String exerciseId, String password) {
        String chosen = password == null || password.isEmpty() ? users.randomPassword() : password;
        // a layer from before accounts (or an import) may carry a name no account has: never hand it out
        // a layer file that cannot be read still holds its name: taken too, and it does not stop the class joining
        Set<String> layers = exercises.find(exerciseId).map(e -> {
            var listing = annotations.readableLayers(e.documentId());
            Set<String> names = new java.util.HashSet<>();
            listing.layers().forEach(l -> names.add(l.annotator()));
            listing.unreadable().forEach(u -> names.add(u.annotator()));
            names.remove(null);
            return names;
        }).orElse(Set.of());
        String name = uniqueName(displayName, layers);
        users.create(name, displayName.strip(), chosen, false);
        return new NewStudent(name, chosen);
    }

    @Override
    public String resetPassword(String user) {
        return users.resetPassword(user);
    }

    /** The slug of the display name, numbered when taken; "student" for a name without letters a slug keeps. */
    String uniqueName(String displayName, Set<String> taken) {
        String base = DocumentId.slugOf(displayName);
        if (base.equals("document") && !displayName.toLowerCase(Locale.ROOT).contains("document")) {
            base = "student"; // slugOf's fallback for names in other scripts
        }
        if (base.length() > MAX_BASE) {
            base = base.substring(0, MAX_BASE).replaceAll("-+$", "");
        }
        if (Layer.isModelLayer(base)) {
            base = "student-" + base; // model and model-… are the machine layers' names, never an account's
        }
        String name = base;
        for (int n = 2; RESERVED.contains(name) || taken.contains(name) || users.find(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
