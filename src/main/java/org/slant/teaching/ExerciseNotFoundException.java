package org.slant.teaching;

public class ExerciseNotFoundException extends TeachingException {

    public ExerciseNotFoundException(String exerciseId) {
        super("No exercise \"" + exerciseId + "\"");
    }
}
