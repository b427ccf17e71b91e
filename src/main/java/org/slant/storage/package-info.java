/** Storage failures as every port reports them, whatever the backend. */
package org.slant.storage;
