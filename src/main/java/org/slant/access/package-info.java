/**
 * The port through which services ask whether the acting user may change what they are about to
 * change. It depends on nothing, so every feature package can use it without a cycle; the security
 * package implements it ({@code AccessPolicy}) and the services call it in the methods that change
 * data, so the UI, the API and the command line obey the same rules.
 */
package org.slant.access;
