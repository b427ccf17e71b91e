package org.slant.ui.annotate;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.slant.project.NotFinishedException;

/** "Mark done" refused because parts are missing: the list, and "Mark done anyway" for one who means it. */
public final class NotFinishedDialog extends ConfirmDialog {

    public NotFinishedDialog(NotFinishedException refused, Runnable markDoneAnyway) {
        setHeader("Not finished yet");
        UnorderedList list = new UnorderedList();
        refused.missing().stream().limit(20).forEach(m -> list.add(new ListItem(m)));
        if (refused.missing().size() > 20) {
            list.add(new ListItem("… and " + (refused.missing().size() - 20) + " more"));
        }
        Paragraph lead = new Paragraph(refused.missing().size() + (refused.missing().size() == 1 ? " required part is" : " required parts are")
                + " still missing:");
        Div body = new Div(lead, list);
        body.addClassName("slant-not-finished");
        setText(body);
        setCancelable(true);
        setCancelText("Keep working");
        setConfirmText("Mark done anyway");
        setConfirmButtonTheme("error primary");
        addConfirmListener(e -> markDoneAnyway.run());
        setId("not-finished");
    }
}
