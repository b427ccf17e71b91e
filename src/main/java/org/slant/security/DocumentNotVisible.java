package org.slant.security;

import org.slant.document.DocumentNotFoundException;

/**
 * Thrown by {@link AccessPolicy} when the user may not open a document at all. It reads exactly like
 * {@link DocumentNotFoundException} and the API answers it with the same 404, because document ids are
 * title slugs: "not yours" would tell a stranger that another project has an article with that title.
 * It is an {@link AccessDenied}, so views that handle refusals keep handling it.
 */
public class DocumentNotVisible extends AccessDenied {

    public DocumentNotVisible(String documentId) {
        super(DocumentNotFoundException.message(documentId));
    }
}
