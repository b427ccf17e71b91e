package org.slant.ui.annotate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Consumer;
import org.slant.annotation.MissingPart;

/**
 * How many required parts are still missing in the layer, as a button that opens the list; each item jumps
 * to its span, sentence or question.
 */
public final class MissingList extends Div {

    final Button count = new Button();
    final Div items = new Div();
    private final Consumer<MissingPart> jump;
    private List<MissingPart> shown = List.of();

    public MissingList(Consumer<MissingPart> jump) {
        this.jump = jump;
        addClassName("slant-missing-list");
        count.setId("missing-count");
        count.setIcon(VaadinIcon.EXCLAMATION_CIRCLE_O.create());
        count.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        count.addClickListener(e -> {
            items.setVisible(!items.isVisible());
            count.getElement().setAttribute("aria-expanded", Boolean.toString(items.isVisible()));
            fillItems();
        });
        count.getElement().setAttribute("aria-controls", "missing-items");
        items.setId("missing-items");
        items.addClassName("slant-missing-items");
        items.setVisible(false);
        add(count, items);
        setVisible(false);
    }

    public void show(List<MissingPart> missing) {
        if (missing.equals(shown)) {
            return;
        }
        shown = List.copyOf(missing);
        setVisible(!missing.isEmpty());
        count.setText(missing.size() + " missing");
        count.setTooltipText("Required attributes, roles, sentence labels and questions not set yet; click for the list");
        getElement().setAttribute("data-count", Integer.toString(missing.size()));
        if (missing.isEmpty()) {
            items.setVisible(false);
        }
        fillItems();
    }

    /**
     * The items, built only while the list is open: on a layer of thousands of spans each edit changes the
     * list, and rebuilding up to 200 buttons nobody sees cost every new span a visible delay.
     */
    private void fillItems() {
        items.removeAll();
        if (!items.isVisible()) {
            return;
        }
        for (MissingPart part : shown.stream().limit(200).toList()) {
            Button item = new Button(part.message(), e -> jump.accept(part));
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            item.addClassName("slant-missing-item");
            items.add(item);
        }
    }

    public Button countButton() {
        return count;
    }

    public Div items() {
        return items;
    }

    public List<MissingPart> shown() {
        return shown;
    }
}
