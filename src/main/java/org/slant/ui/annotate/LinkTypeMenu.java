package org.slant.ui.annotate;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;
import org.slant.label.Scheme;

/**
 * The small menu after a pick when more than one link type fits the two spans: one button per type, with a
 * digit key each; the first has the focus, arrows and Tab move, Enter picks, Esc cancels.
 */
public final class LinkTypeMenu extends Dialog {

    private final List<Button> options;

    public List<Button> options() {
        return options;
    }

    public LinkTypeMenu(Scheme scheme, List<LinkChoice> choices, Consumer<LinkChoice> picked) {
        setHeaderTitle("Which link?");
        addClassName("slant-link-menu");
        Div list = new Div();
        list.addClassName("slant-link-options");
        list.getElement().setAttribute("role", "menu");
        options = new java.util.ArrayList<>();
        int n = 0;
        for (LinkChoice choice : choices) {
            n++;
            Button b = new Button(choice.describe(scheme), e -> {
                close();
                picked.accept(choice);
            });
            b.getElement().setAttribute("role", "menuitem");
            b.getElement().setAttribute("data-type", choice.type().id());
            if (!choice.type().definition().isBlank()) {
                b.setTooltipText(choice.type().definition());
            }
            if (n <= 9) {
                Div key = new Div(Integer.toString(n));
                key.addClassName("slant-key");
                b.setPrefixComponent(key);
                b.addClickShortcut(Key.of(Integer.toString(n))).listenOn(this);
            }
            options.add(b);
            list.add(b);
        }
        // the arrows move between the options as in a menu; Tab works as well
        list.getElement().executeJs("""
                this.addEventListener('keydown', e => {
                  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                  const items = [...this.querySelectorAll('vaadin-button')];
                  const at = items.indexOf(document.activeElement);
                  const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
                  if (next) { e.preventDefault(); next.focus(); }
                });""");
        Paragraph how = new Paragraph("Press a number, or move with the arrows and press Enter; Esc cancels.");
        how.addClassName("slant-hint");
        add(list, how);
        getFooter().add(new Button("Cancel", e -> close()));
        if (!options.isEmpty()) {
            options.getFirst().getElement().setAttribute("autofocus", "");
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    options.getFirst().focus();
                }
            });
        }
    }
}
