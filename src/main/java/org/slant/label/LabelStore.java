package org.slant.label;

import java.util.Optional;

/** Storage port for the workspace's label set. */
public interface LabelStore {

    Optional<Scheme> find();

    void save(Scheme labels);
}
