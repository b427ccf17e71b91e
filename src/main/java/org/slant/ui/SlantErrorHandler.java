package org.slant.ui;

import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * The one error handler of every Vaadin session: whatever a listener, a live update (UI.access) or a
 * view throws and does not handle ends up here, is logged and is shown once as a notification
 * ({@link UiErrors}). Views therefore catch only what they answer in their own way (a field's error
 * message, a read-only editor, a problem page).
 */
@Component
public class SlantErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (VaadinSession.getCurrent() != null && com.vaadin.flow.component.UI.getCurrent() != null) {
            UiErrors.show(event.getThrowable());
        } else {
            UiErrors.describe(event.getThrowable()); // no UI to show it in (a request outside any page): logged
        }
    }
}
