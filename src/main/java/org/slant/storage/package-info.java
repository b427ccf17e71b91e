/** Storage failures as every port reports them, whatever the backend, and the limits on what Slant takes in ({@link org.slant.storage.Limits}). */
package org.slant.storage;
