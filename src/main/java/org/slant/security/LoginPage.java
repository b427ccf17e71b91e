package org.slant.security;

import com.vaadin.flow.component.Component;

/**
 * The view that signs a visitor in, where Vaadin's filter chain sends whoever is not signed in yet. The
 * composition root names it ({@code SlantConfiguration}), so that security does not depend on the views
 * (the views depend on security).
 */
public record LoginPage(Class<? extends Component> view) {

    public LoginPage {
        if (view == null) {
            throw new IllegalArgumentException("A login view is needed");
        }
    }
}
