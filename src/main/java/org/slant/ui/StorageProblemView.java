package org.slant.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.servlet.http.HttpServletResponse;
import org.slant.security.CurrentUser;
import org.slant.storage.StorageException;

/**
 * A page that cannot open because a stored file it needs cannot be read (a typo in projects.json, say).
 * Instead of a bare error, it says so; admins get the file, line and column (the banner above lists
 * every broken file too), others no paths. Nothing is written: the file stays as it is.
 */
@ParentLayout(MainLayout.class)
@jakarta.annotation.security.PermitAll
public class StorageProblemView extends Div implements HasErrorParameter<StorageException> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StorageProblemView.class);

    private final CurrentUser user;

    public StorageProblemView(CurrentUser user) {
        this.user = user;
        addClassName("slant-page");
        setId("storage-problem");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<StorageException> parameter) {
        log.error("Page {} refused: {}", event.getLocation().getPath(), parameter.getException().getMessage());
        removeAll();
        Paragraph what = new Paragraph(user.isAdmin() ? parameter.getException().getMessage()
                : "A workspace file this page needs cannot be read, so it cannot open. Nothing was changed; "
                + "an admin sees which file it is and can fix it.");
        what.addClassName("slant-error");
        add(new H2("This page cannot open"), what, new RouterLink("Your account", AccountView.class));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
