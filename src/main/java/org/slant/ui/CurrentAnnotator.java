package org.slant.ui;

import org.slant.document.DocumentId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whose layer the UI edits. Until accounts exist this is the setting {@code slant.annotator}; views ask
 * this bean rather than assuming a single annotator, so sign-in can replace it without touching them.
 */
@Component
public class CurrentAnnotator {

    private final String name;

    public CurrentAnnotator(@Value("${slant.annotator:annotator}") String name) {
        this.name = DocumentId.require(name, "The setting slant.annotator");
    }

    public String name() {
        return name;
    }
}
