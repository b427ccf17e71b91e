package org.slant.exchange;

/**
 * Watches an import while it writes, and may stop it. Checking happens before anything is written,
 * so a cancelled import keeps the documents it finished and writes none of the rest; the report
 * says how far it got.
 */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void documentDone(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Called from the writing threads after each document's spans are saved. */
    void documentDone(int done, int total);

    boolean cancelled();
}
