package org.slant.ui.annotate;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Deleting a span that links use takes its links along: asked first ("This span has 2 links; delete it and them?"). */
public final class DeleteLinkedDialog extends ConfirmDialog {

    public DeleteLinkedDialog(int links, Runnable delete) {
        setId("confirm-delete-linked");
        setHeader("Delete a linked span?");
        setText("This span has " + links + (links == 1 ? " link" : " links") + "; delete it and " + (links == 1 ? "it" : "them")
                + "? Undo brings both back.");
        setCancelable(true);
        setConfirmText("Delete span and links");
        setConfirmButtonTheme("error primary");
        addConfirmListener(e -> delete.run());
    }
}
